// `dossier ingest` stores through the bulk path (batches, merging deferred to the end), and `ingest --queue` with
// three `dossier worker` processes does too; on both backends, every way of filling the register — one document
// per transaction in reading order, the CLI in batches, the CLI in batches over the inputs in a shuffled order,
// and (on Postgres) the queue's workers — ends with the same `list --json`: ids, fields, origins, conflicts, grades.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { loadCatalog } from "../src/catalog/load.ts";
import { main } from "../src/cli/main.ts";
import type { Document } from "../src/ingest/document.ts";
import type { IncomingClaims } from "../src/resolve/claims.ts";
import type { Db } from "../src/store/db.ts";
import { registerDocument } from "../src/store/register.ts";
import { backends, reset } from "./store/backends.ts";
import { writeFictionalCorpus } from "./store/fictional-articles.ts";
import { random } from "./store/synthetic.ts";

const BIN = fileURLToPath(new URL("../bin/dossier", import.meta.url));
const SHARED = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "dossier-bulk-ingest-"));
after(() => rmSync(work, { recursive: true, force: true }));
// Fictional pages (with republished copies) and, when ../shared is there, the real corpus: articles in English and
// French, HTML with page clutter and near-identical copies, and plain texts.
const corpus = writeFictionalCorpus(join(work, "corpus"), 80, 7);
const roots = [corpus.pages, ...(existsSync(SHARED) ? [SHARED] : [])];
const catalogFlags = ["--catalog", corpus.overlay];
const catalog = loadCatalog({ overlays: [corpus.overlay] });

/** Every file ingest reads under the roots, in a shuffled order. */
function shuffledFiles(seed: number): string[] {
  const files: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else if (/\.(html?|txt)$/.test(p)) files.push(p);
  };
  roots.forEach(walk);
  const rnd = random(seed);
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [files[i], files[j]] = [files[j]!, files[i]!];
  }
  return files;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function worker(name: string, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "worker", "--until-empty", "--poll", "50", "--batch", "4", "--name", name, ...catalogFlags], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`worker ${name} exited ${code}: ${out}`))));
  });
}

/** Asserts two `list --json` outputs are the same, naming the first assertion that differs (a diff of the whole would take minutes). */
function sameList(got: string, want: string): void {
  if (got === want) return;
  const g = JSON.parse(got) as unknown[];
  const w = JSON.parse(want) as unknown[];
  const at = w.findIndex((a, i) => JSON.stringify(a) !== JSON.stringify(g[i]));
  assert.fail(`${g.length} assertions against ${w.length}; the first that differs, at ${at}: ${JSON.stringify(g[at])?.slice(0, 600)}\nexpected ${JSON.stringify(w[at])?.slice(0, 600)}`);
}

const saved = process.env.DATABASE_URL;
after(() => (saved === undefined ? delete process.env.DATABASE_URL : (process.env.DATABASE_URL = saved)));

for (const backend of await backends()) {
  describe(`bulk ingest on ${backend.name}`, { skip: backend.skip }, () => {
    let db: Db;
    let inputs: { document: Document; claims: IncomingClaims }[];
    let oneByOne: string;
    // The CLI opens the register itself: this backend's, through DATABASE_URL or a folder of its own per run.
    let run = 0;
    const store = async () => {
      if (backend.name === "postgres") {
        await reset(db);
        await sql`truncate dossier_jobs`.execute(db.kysely);
        return [];
      }
      return ["--data", join(work, `register-${++run}`)];
    };
    const list = async (where: string[]) => {
      const r = await cli("list", "--json", "--limit", "100000", ...where, ...catalogFlags);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.err, "", "nothing is left unmerged");
      return r.out;
    };

    before(async () => {
      if (backend.name === "postgres") process.env.DATABASE_URL = backend.url!;
      else delete process.env.DATABASE_URL;
      db = await backend.open();
      const printed = await cli("ingest", ...roots, "--json", ...catalogFlags);
      assert.equal(printed.code, 0, printed.err);
      inputs = printed.out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
      // The reference: one document per transaction, each merged as it is stored (registerDocument).
      const where = await store();
      const reference = backend.name === "postgres" ? db : await (await import("../src/store/db.ts")).openDb({ url: null, dataDir: where[1]! });
      for (const i of inputs) await registerDocument(reference, i.document, i.claims, { catalog });
      if (reference !== db) await reference.close();
      oneByOne = await list(where);
    });
    after(async () => {
      await db?.close();
      await backend.cleanup();
    });

    test("the corpus has what bulk storing must get right: many documents, copies, denials, conflicts", (t) => {
      const listed = JSON.parse(oneByOne) as { conflicts: string[]; denials: string[]; documents: unknown[] }[];
      t.diagnostic(`${inputs.length} documents, ${inputs.reduce((n, i) => n + i.claims.transfers.length, 0)} claims, ${listed.length} assertions`);
      assert.ok(inputs.length >= 80, `${inputs.length} documents`);
      assert.ok(inputs.some((i) => i.document.copyOf?.length), "a near-identical copy");
      assert.ok(listed.some((a) => a.conflicts.length) && listed.some((a) => a.denials.length) && listed.some((a) => a.documents.length > 3));
    });

    test("ingest stores in batches and merges at the end: the same register as one document per transaction", async () => {
      const where = await store();
      const r = await cli("ingest", ...roots, "--batch", "16", ...where, ...catalogFlags);
      assert.equal(r.code, 0, r.err);
      const m = /(\d+) new, 0 updated, 0 unchanged, in (\d+) transactions; (\d+) supplier-recipient pairs merged/.exec(r.err);
      assert.ok(m, r.err);
      assert.equal(Number(m[1]), inputs.length);
      assert.equal(Number(m[2]), Math.ceil(inputs.length / 16));
      assert.ok(Number(m[3]) > 0);
      sameList(await list(where), oneByOne);
      const again = await cli("ingest", ...roots, "--batch", "16", ...where, ...catalogFlags);
      assert.match(again.err, new RegExp(`0 new, 0 updated, ${inputs.length} unchanged, in \\d+ transactions; 0 supplier-recipient pairs merged`));
      sameList(await list(where), oneByOne);
    });

    test("the inputs in a shuffled order, in batches of 7: the same register", async () => {
      const where = await store();
      const r = await cli("ingest", ...shuffledFiles(backend.name.length), "--batch", "7", ...where, ...catalogFlags);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, new RegExp(`${inputs.length} new`));
      sameList(await list(where), oneByOne);
    });

    if (backend.name === "postgres") {
      test("ingest --queue and three workers, which extract and store in batches: the same register", { timeout: 300_000 }, async (t) => {
        await store();
        const r = await cli("ingest", ...shuffledFiles(99), "--queue", ...catalogFlags);
        assert.equal(r.code, 0, r.err);
        assert.match(r.err, new RegExp(`queued for "dossier worker" \\(postgres .*\\): ${inputs.length} new jobs, 0 already queued`));
        const outputs = await Promise.all(["w1", "w2", "w3"].map((n) => worker(n, backend.url!)));
        for (const o of outputs) t.diagnostic(o.trim());
        assert.equal(outputs.map((o) => Number(/(\d+) done/.exec(o)![1])).reduce((a, b) => a + b, 0), inputs.length);
        sameList(await list([]), oneByOne);
      });

      test("ingest --queue refuses the embedded register", async () => {
        delete process.env.DATABASE_URL;
        try {
          const r = await cli("ingest", corpus.pages, "--queue", "--data", join(work, "refused"), ...catalogFlags);
          assert.equal(r.code, 1);
          assert.match(r.err, /--queue needs a Postgres server/);
        } finally {
          process.env.DATABASE_URL = backend.url!;
        }
      });
    }
  });
}
