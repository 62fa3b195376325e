// Crash safety, for real: a child process bulk-registers documents and is SIGKILLed at random moments; after each
// kill the register holds every document the child reported committed, no half-stored document and no duplicate
// claim, and a last run finishes the job with the same assertions as a register filled in one go.
// CRASH_RUNS sets the number of kills per backend (default 3; the issue asks for 20: CRASH_RUNS=20 npm test -- tests/crash.test.ts).
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { defaultCatalog } from "../src/catalog/load.ts";
import { openDb, type Db } from "../src/store/db.ts";
import { listAssertions } from "../src/store/queries.ts";
import { stableJson } from "../src/store/json.ts";
import { backends, reset, type Backend } from "./store/backends.ts";
import { pureAssertions, random, syntheticDocument } from "./store/synthetic.ts";

const RUNS = Number(process.env.CRASH_RUNS ?? 3);
const N = Math.max(40, RUNS * 4);
const CHILD = fileURLToPath(new URL("./store/crash-child.ts", import.meta.url));
const expected = Array.from({ length: N }, (_, i) => syntheticDocument(i, { pairs: 6 }));

/** Runs the child until it finishes, or kills it `kill.ms` after its `kill.after`-th report; returns the ids it reported. */
function runChild(target: string[], kill: { after: number; ms: number } | null, batch: number): Promise<{ committed: string[]; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, String(N), ...target, "--batch", String(batch)], { stdio: ["ignore", "pipe", "pipe"] });
    const committed: string[] = [];
    let finished = false;
    let buffer = "";
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === "finished") finished = true;
        else if (/^(added|updated|unchanged) /.test(line)) {
          committed.push(line.split(" ")[1]!);
          // Killed a random few milliseconds into the next document's transaction (or between two).
          if (kill && committed.length === kill.after) setTimeout(() => child.kill("SIGKILL"), kill.ms);
        }
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL" && code !== 0) reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve({ committed, finished });
    });
  });
}

async function check(db: Db, committed: Set<string>): Promise<number> {
  const docs = await db.kysely.selectFrom("documents").select("id").execute();
  const stored = new Set(docs.map((d) => d.id));
  for (const id of committed) assert.ok(stored.has(id), `committed document ${id} is stored`);
  const rows = await db.kysely.selectFrom("claims").select(["document_id", sql<number>`count(*)::int`.as("n")]).groupBy("document_id").execute();
  const perDoc = new Map(rows.map((r) => [r.document_id, Number(r.n)]));
  for (const id of stored) {
    const want = expected.find((e) => e.document.id === id)!.claims.transfers.length;
    assert.equal(perDoc.get(id) ?? 0, want, `document ${id} has all its claims, once`);
  }
  const orphans = await sql<{ n: number }>`select count(*)::int as n from claims c where not exists (select 1 from assertion_members m where m.claim_id = c.id)`.execute(db.kysely);
  assert.equal(Number(orphans.rows[0]!.n), 0, "every stored claim is in an assertion");
  return stored.size;
}

for (const backend of await backends()) {
  // One document per transaction (registerDocument), then five (registerDocuments), in a fresh register each.
  test(`${backend.name}: SIGKILL during bulk registration loses nothing committed and half-stores nothing`, { skip: backend.skip, timeout: 600_000 }, async (t) => {
    try {
      for (const batch of [1, 5]) await crashRuns(t, backend, batch);
    } finally {
      await backend.cleanup();
    }
  });
}

async function crashRuns(t: TestContext, backend: Backend, batch: number): Promise<void> {
  let target: string[];
  let dir: string | null = null;
  if (backend.name === "pglite") {
    dir = mkdtempSync(join(tmpdir(), "dossier-crash-"));
    target = ["--data", dir];
  } else {
    const db = await backend.open();
    await reset(db);
    await db.close();
    target = ["--url", backend.url!];
  }
  const rnd = random(backend.name.length * 1000 + RUNS);
  const committed = new Set<string>();
  try {
    for (let run = 0; run < RUNS; run++) {
      // The child reports the documents already stored first (unchanged), so kill it past them.
      const left = N - committed.size;
      if (left < 2) break;
      // Each kill lands a random few documents further on, so RUNS kills spread over the whole job.
      const step = 1 + Math.floor(rnd() * Math.min(left - 1, Math.ceil((2 * N) / RUNS)));
      const r = await runChild(target, { after: committed.size + step, ms: Math.floor(rnd() * 40) }, batch);
      for (const id of r.committed) committed.add(id);
      const db = await openFor(target);
      try {
        const stored = await check(db, committed);
        t.diagnostic(`${batch} per transaction, run ${run + 1}: ${r.finished ? "finished" : "killed"} with ${stored} of ${N} documents stored`);
      } finally {
        await db.close();
      }
      if (r.finished) break;
    }
    const last = await runChild(target, null, batch);
    assert.ok(last.finished, "the resumed run finishes");
    const db = await openFor(target);
    try {
      assert.equal(await check(db, committed), N);
      const stored = stableJson((await listAssertions(db, defaultCatalog(), { limit: 100_000 })).sort((a, b) => a.id.localeCompare(b.id)));
      assert.equal(stored, pureAssertions(expected));
    } finally {
      await db.close();
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

function openFor(target: string[]): Promise<Db> {
  return target[0] === "--url" ? openDb({ url: target[1]! }) : openDb({ url: null, dataDir: target[1]! });
}

