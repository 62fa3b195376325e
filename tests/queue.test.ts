// The job queue: one interface, an in-process driver and a Postgres driver; retries with backoff, parking; and
// three `dossier worker` processes sharing one Postgres database.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { defaultCatalog } from "../src/catalog/load.ts";
import { openDb } from "../src/store/db.ts";
import { MemoryQueue } from "../src/store/queue/memory.ts";
import { PostgresQueue } from "../src/store/queue/postgres.ts";
import { mergeRegistered, registerHandlers, registerJob } from "../src/store/queue/register-job.ts";
import type { Queue } from "../src/store/queue/types.ts";
import { oneByOne, work } from "../src/store/queue/work.ts";
import { listAssertions, counts } from "../src/store/queries.ts";
import { stableJson } from "../src/store/json.ts";
import { backends } from "./store/backends.ts";
import { pureAssertions, syntheticDocument } from "./store/synthetic.ts";

const BIN = fileURLToPath(new URL("../bin/dossier", import.meta.url));
const policy = { maxAttempts: 3, backoffMs: 10 };

async function semantics(queue: Queue) {
  assert.equal(await queue.add([{ key: "a", kind: "ok", payload: 1 }, { key: "b", kind: "flaky", payload: 2 }, { key: "c", kind: "bad", payload: 3 }]), 3);
  assert.equal(await queue.add([{ key: "a", kind: "ok", payload: 1 }]), 0, "a key already queued is not added again");
  const seen: string[] = [];
  let flaky = 0;
  const summary = await work(
    queue,
    {
      ok: oneByOne(async (p) => void seen.push(`ok ${p}`)),
      flaky: oneByOne(async (p) => {
        if (flaky++ === 0) throw new Error("first try fails");
        seen.push(`flaky ${p}`);
      }),
      bad: oneByOne(async () => {
        throw new Error("always fails");
      }),
    },
    { worker: "t", untilEmpty: true, pollMs: 5 },
  );
  assert.deepEqual(seen.sort(), ["flaky 2", "ok 1"]);
  assert.deepEqual(summary, { done: 2, retried: 3, parked: 1 });
  assert.deepEqual(await queue.stats(), { pending: 0, running: 0, done: 2, parked: 1 });
}

test("in-process queue: idempotent keys, retries with backoff, a job that keeps failing is parked", async () => {
  const q = new MemoryQueue(policy);
  await semantics(q);
  assert.equal(q.parkedError("c"), "always fails");
});

test("in-process queue registers documents into the embedded register, in batches; a bad document fails alone", async () => {
  const db = await openDb({ url: null, dataDir: "memory" });
  try {
    const docs = Array.from({ length: 8 }, (_, i) => syntheticDocument(i));
    const bad = structuredClone(syntheticDocument(999));
    bad.claims.transfers[0]!.status = null as never;
    const q = new MemoryQueue(policy);
    await q.add([...docs.slice(0, 3), bad, ...docs.slice(3)].map((d) => registerJob(d.document, d.claims)));
    const catalog = defaultCatalog();
    const s = await work(q, registerHandlers(db, catalog), { worker: "t", untilEmpty: true, batch: 4, settle: mergeRegistered(db, catalog) });
    assert.deepEqual(s, { done: 8, retried: 2, parked: 1 });
    assert.match(q.parkedError(registerJob(bad.document).key) ?? "", /status/);
    // Each batch stored its documents in one transaction and left the merge to the settle step.
    const logged = await db.kysely.selectFrom("audit_log").select("action").where("action", "like", "assertion-%").execute();
    assert.ok(logged.length > 0);
    assert.equal((await db.kysely.selectFrom("pending_pairs").select("pair").execute()).length, 0);
    assert.equal(stableJson((await listAssertions(db, catalog)).sort((a, b) => a.id.localeCompare(b.id))), pureAssertions(docs));
  } finally {
    await db.close();
  }
});

test("a worker merges what it stored at least every settleEveryMs while jobs keep coming", async () => {
  const q = new MemoryQueue(policy);
  await q.add(Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, kind: "ok", payload: i })));
  const log: string[] = [];
  await work(q, { ok: oneByOne(async (p) => void log.push(`job ${p}`)) }, { worker: "t", batch: 2, settleEveryMs: 0, settle: async () => void log.push("settle") });
  assert.deepEqual(log, ["job 0", "job 1", "settle", "job 2", "job 3", "settle", "job 4", "job 5", "settle", "settle"]);
});

const pg = (await backends()).find((b) => b.name === "postgres")!;

test("Postgres queue: the same semantics", { skip: pg.skip }, async () => {
  const db = await pg.open();
  try {
    await semantics(new PostgresQueue(db.kysely, policy));
    const parked = await db.kysely.selectFrom("dossier_jobs" as never).selectAll().execute();
    assert.ok((parked as { key: string; last_error: string | null }[]).some((j) => j.key === "c" && j.last_error === "always fails"));
  } finally {
    await db.close();
  }
});

test("three worker processes on one Postgres database split the jobs and register everything once", { skip: pg.skip, timeout: 300_000 }, async (t) => {
  const db = await pg.open();
  try {
    await db.kysely.deleteFrom("dossier_jobs" as never).execute();
    const docs = Array.from({ length: 30 }, (_, i) => syntheticDocument(100 + i));
    const bad = structuredClone(syntheticDocument(999));
    bad.claims.transfers[0]!.status = null as never;
    const q = new PostgresQueue(db.kysely, policy);
    assert.equal(await q.add([...docs.map((d) => registerJob(d.document, d.claims)), registerJob(bad.document, bad.claims)]), 31);
    const outputs = await Promise.all(
      [1, 2, 3].map(
        (n) =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, [BIN, "worker", "--until-empty", "--poll", "50", "--batch", "4", "--max-attempts", "2", "--backoff", "20", "--name", `w${n}`], {
              env: { ...process.env, DATABASE_URL: pg.url! },
              stdio: ["ignore", "pipe", "pipe"],
            });
            let out = "";
            child.stdout.on("data", (d) => (out += d));
            child.stderr.on("data", (d) => (out += d));
            child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`worker ${n} exited ${code}: ${out}`))));
          }),
      ),
    );
    for (const o of outputs) t.diagnostic(o.trim());
    const done = outputs.map((o) => Number(/(\d+) done/.exec(o)![1]));
    assert.equal(done.reduce((a, b) => a + b, 0), 30);
    assert.deepEqual(await q.stats(), { pending: 0, running: 0, done: 30, parked: 1 });
    assert.equal((await counts(db)).documents, 30);
    assert.equal(stableJson((await listAssertions(db, defaultCatalog(), { limit: 100_000 })).sort((a, b) => a.id.localeCompare(b.id))), pureAssertions(docs));
  } finally {
    await db.close();
    await pg.cleanup();
  }
});
