// Ingest to store: `dossier ingest` over a plainly fictional corpus (tests/store/fictional-articles.ts) into a fresh
// register, each run in a fresh process: reading and extracting alone (--json), then storing in batches (the
// default), one document per transaction (--batch 1), and, with --before ROOT, the same command of another
// checkout (such as `git archive main`), on embedded PGlite in an empty register folder and, when DATABASE_URL is
// set, on that Postgres server (its register's tables emptied before each run).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { ROOT } from "../../src/catalog/load.ts";
import { openDb } from "../../src/store/db.ts";
import { writeFictionalCorpus } from "../../tests/store/fictional-articles.ts";

interface Run {
  code: number;
  seconds: number;
  maxRssMb: number;
  summary: string[];
}

function ingest(root: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "store-child.ts"), root, ...args], { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`ingest ${args.join(" ")} failed: ${child.stderr}`);
  const run = JSON.parse(child.stdout.trim().split("\n").pop()!) as Run;
  if (run.code !== 0) throw new Error(`ingest ${args.join(" ")} exited ${run.code}: ${run.summary.join("; ")}`);
  return run;
}

async function emptied(url: string): Promise<void> {
  const db = await openDb({ url });
  await sql`truncate documents, document_copies, sources, claims, citations, assertions, assertion_members, conflicts, decisions, audit_log, pending_pairs, dossier_jobs cascade`.execute(db.kysely);
  await db.close();
}

/** Prints the figures for `articles` articles; `before` is the root of another checkout to measure beside this one. */
export async function storeBench(tmp: string, articles: number, before: string | null): Promise<void> {
  const corpus = writeFictionalCorpus(join(tmp, "store-corpus"), articles);
  const common = [corpus.pages, "--catalog", corpus.overlay];
  const rows: { name: string; root: string; args: string[] }[] = [
    { name: "this code, batches (default 100)", root: ROOT, args: [] },
    { name: "this code, --batch 1", root: ROOT, args: ["--batch", "1"] },
    ...(before ? [{ name: `before (${before})`, root: before, args: [] }] : []),
  ];
  console.log(`\nIngest to store: ${articles} fictional HTML articles (tests/store/fictional-articles.ts), bin/dossier ingest in a fresh process each run\n`);
  const show = (name: string, r: Run) => {
    const stored = r.summary.find((l) => l.startsWith("stored"))?.replace(/^stored in the register \([^)]*\): /, "") ?? r.summary[0];
    console.log(`${name.padEnd(44)} ${(articles / r.seconds).toFixed(1).padStart(6)} docs/s  ${r.seconds.toFixed(1).padStart(6)} s  peak RSS ${r.maxRssMb.toFixed(0)} MB  ${stored}`);
  };
  const { DATABASE_URL: url, ...env } = process.env;
  show("read + extract only (--json)", ingest(ROOT, [...common, "--json"], env));
  let n = 0;
  for (const row of rows) {
    // Created before the run: a new register folder costs a one-off several seconds that are not ingesting.
    const data = join(tmp, `store-register-${n++}`);
    await (await openDb({ url: null, dataDir: data })).close();
    show(`pglite    ${row.name}`, ingest(row.root, [...common, ...row.args, "--data", data], env));
    rmSync(data, { recursive: true, force: true });
  }
  if (url) {
    for (const row of rows) {
      await emptied(url);
      show(`postgres  ${row.name}`, ingest(row.root, [...common, ...row.args], { ...env, DATABASE_URL: url }));
    }
  }
  rmSync(join(tmp, "store-corpus"), { recursive: true, force: true });
}
