// Ingest to store: `dossier ingest` over a plainly fictional corpus (tests/store/fictional-articles.ts) into an
// empty register, each run in a fresh process: reading and extracting alone (--json), then storing in batches (the
// default), one document per transaction (--batch 1), and, with --before ROOT, the same command of another
// checkout (such as `git archive` of an older commit), on embedded PGlite and, when DATABASE_URL is set, on that
// Postgres server (its register's tables emptied before each run). The machine is shared, so every variant runs
// once per round, in turn, and the figure is its median over the rounds.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../src/catalog/load.ts";
import { openDb } from "../../src/store/db.ts";
import { writeFictionalCorpus } from "../../tests/store/fictional-articles.ts";
import { emptyRegister as emptyTables } from "../lib/synthetic-register.ts";

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

/** An empty register for one run: a new PGlite folder (created before the run: a new folder costs a one-off several seconds that are not ingesting), or the server's tables emptied. */
async function emptyRegister(where: { data: string } | { url: string }): Promise<void> {
  if ("data" in where) {
    rmSync(where.data, { recursive: true, force: true });
    return (await openDb({ url: null, dataDir: where.data })).close();
  }
  const db = await openDb({ url: where.url });
  await emptyTables(db);
  await db.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;

/** Prints the figures for `articles` articles over `rounds` rounds; `before` is the root of another checkout to measure beside this one. */
export async function storeBench(tmp: string, articles: number, rounds: number, before: string | null): Promise<void> {
  const corpus = writeFictionalCorpus(join(tmp, "store-corpus"), articles);
  const common = [corpus.pages, "--catalog", corpus.overlay];
  const { DATABASE_URL: url, ...env } = process.env;
  const data = join(tmp, "store-register");
  const code = [
    { name: "this code, batches (default 100)", root: ROOT, args: [] },
    { name: "this code, --batch 1", root: ROOT, args: ["--batch", "1"] },
    ...(before ? [{ name: `before (${before})`, root: before, args: [] }] : []),
  ];
  const variants = [
    { name: "read + extract only (--json)", root: ROOT, args: ["--json"], where: null },
    ...code.map((c) => ({ ...c, name: `pglite    ${c.name}`, args: [...c.args, "--data", data], where: { data } })),
    ...(url ? code.map((c) => ({ ...c, name: `postgres  ${c.name}`, where: { url } })) : []),
  ];
  console.log(`\nIngest to store: ${articles} fictional HTML articles (tests/store/fictional-articles.ts), bin/dossier ingest in a fresh process per run, median of ${rounds} rounds\n`);
  const runs = variants.map(() => [] as Run[]);
  for (let r = 0; r < rounds; r++) {
    for (const [i, v] of variants.entries()) {
      if (v.where) await emptyRegister(v.where);
      runs[i]!.push(ingest(v.root, [...common, ...v.args], "url" in (v.where ?? {}) ? { ...env, DATABASE_URL: url } : env));
    }
  }
  for (const [i, v] of variants.entries()) {
    const secs = runs[i]!.map((r) => r.seconds);
    const last = runs[i]!.at(-1)!;
    const what = last.summary.find((l) => l.startsWith("stored"))?.replace(/^stored in the register \([^)]*\): /, "") ?? last.summary[0];
    const spread = rounds > 1 ? ` (${Math.min(...secs).toFixed(1)}–${Math.max(...secs).toFixed(1)})` : "";
    console.log(`${v.name.padEnd(44)} ${(articles / median(secs)).toFixed(1).padStart(6)} docs/s  ${median(secs).toFixed(1).padStart(6)} s${spread}  peak RSS ${median(runs[i]!.map((r) => r.maxRssMb)).toFixed(0)} MB  ${what}`);
  }
  rmSync(data, { recursive: true, force: true });
  rmSync(join(tmp, "store-corpus"), { recursive: true, force: true });
}
