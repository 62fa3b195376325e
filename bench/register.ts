// The register on a synthetic, plainly fictional corpus (tests/store/synthetic.ts): ingest-to-store throughput
// through the bulk path (registerDocuments, --batch documents per transaction; --batch 1 is registerDocument),
// merge throughput (--merge later, the default: every pair merged once by mergePending after the load; --merge now:
// each batch merges the pairs it touches), and the latency of `list` with filters: the summaries it prints
// (listSummaries), and for comparison the whole assertions (listAssertions, what the SIPRI export reads).
//   npm run bench:register -- --docs 200000 --claims 5 --pairs 50000 --states 364     (embedded PGlite, in memory)
//   npm run bench:register -- --data DIR ...              (embedded PGlite in a folder, which is emptied)
//   DATABASE_URL=postgres://… npm run bench:register ...  (a Postgres server; its tables are emptied)
//   --existing    measure the register already stored instead of loading one (after a run with the same shape)
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { buildAssertions } from "../src/assess/assess.ts";
import { defaultCatalog } from "../src/catalog/load.ts";
import { openDb } from "../src/store/db.ts";
import { listAssertions, listSummaries, type ListFilter } from "../src/store/queries.ts";
import { loadPairs } from "../src/store/recompute.ts";
import { random, state } from "../tests/store/synthetic.ts";
import { emptyRegister, loadSynthetic, mergeLoaded, numberArg, stringArg, type LoadReport } from "./lib/synthetic-register.ts";

const shape = { docs: numberArg("docs", 2000), claims: numberArg("claims", 0) || undefined, pairs: numberArg("pairs", 600), states: numberArg("states", 40), outlets: numberArg("outlets", 200) };
const BATCH = numberArg("batch", 500);
const MERGE = stringArg("merge") === "now" ? "now" : "later";
const QUERIES = numberArg("queries", 200);
const MERGE_PAIRS = numberArg("merge-pairs", 5000);
const catalog = defaultCatalog();
const db = await openDb({ url: process.env.DATABASE_URL ?? null, dataDir: stringArg("data") ?? "memory" });
const count = async (t: "documents" | "claims" | "assertions") => Number((await db.kysely.selectFrom(t).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n);

let load: LoadReport | null = null;
let mergeS = 0;
if (!process.argv.includes("--existing")) {
  await emptyRegister(db);
  load = await loadSynthetic(db, catalog, shape, BATCH, MERGE);
  if (MERGE === "later") mergeS = await mergeLoaded(db, catalog);
}
const documents = await count("documents");
const claimCount = await count("claims");
const assertionCount = await count("assertions");

// Merge and assess without the database: the pure cost of resolve + assess over the claims of MERGE_PAIRS pairs
// (no counting rule looks past a pair, so pairs may be taken a chunk at a time), read from the store untimed.
const pairs = (await sql<{ pair: string }>`select distinct pair from claims order by pair`.execute(db.kysely)).rows.map((r) => r.pair);
const sample = pairs.filter((_, i) => i % Math.max(1, Math.floor(pairs.length / MERGE_PAIRS)) === 0).slice(0, MERGE_PAIRS);
let mergeMs = 0;
let merged = 0;
for (let k = 0; k < sample.length; k += 1000) {
  const { ctx, claims, reliability } = await loadPairs(db.kysely, catalog, sample.slice(k, k + 1000));
  const t = performance.now();
  buildAssertions(ctx, claims, { reliability });
  mergeMs += performance.now() - t;
  merged += claims.length;
}

/** Latencies of QUERIES lists with the filters in turn (the same ones each time), sorted; and the rows they gave. */
async function timeList(list: (f: ListFilter) => Promise<unknown[]>): Promise<{ times: number[]; rows: number }> {
  const rnd = random(42);
  const someState = () => state(Math.floor(rnd() * shape.states));
  const filters: (() => ListFilter)[] = [
    () => ({ supplier: someState() }),
    () => ({ recipient: someState(), category: "uav" }),
    () => ({ supplier: someState(), since: 2010 }),
    () => ({ recipient: someState(), since: 2005, until: 2015 }),
    () => ({ item: "Fictional Lynx", recipient: someState() }),
  ];
  const times: number[] = [];
  let rows = 0;
  for (let q = 0; q < QUERIES; q++) {
    const f = filters[q % filters.length]!();
    const t = performance.now();
    rows += (await list(f)).length;
    times.push(performance.now() - t);
  }
  return { times: times.sort((a, b) => a - b), rows };
}
const summaries = await timeList((f) => listSummaries(db, catalog, f));
const whole = await timeList((f) => listAssertions(db, catalog, f));
const pct = (times: number[], p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
console.log(`register on ${db.backend}: ${documents} documents, ${claimCount} claims, ${shape.pairs} pairs over ${shape.states} states, ${assertionCount} assertions`);
if (load) {
  const how = MERGE === "now" ? "each batch merging its pairs" : "merging deferred";
  console.log(`ingest to store: ${(load.documents / load.seconds).toFixed(0)} documents/s, ${(load.claims / load.seconds).toFixed(0)} claims/s (${load.seconds.toFixed(0)} s, ${BATCH} documents per transaction, ${how})`);
  if (MERGE === "later") console.log(`merge (mergePending, 2,000 pairs per transaction): ${(load.claims / mergeS).toFixed(0)} claims/s, ${(assertionCount / mergeS).toFixed(0)} assertions/s (${mergeS.toFixed(0)} s)`);
}
console.log(`merge + assess (pure, ${sample.length} pairs a thousand at a time): ${(merged / (mergeMs / 1000)).toFixed(0)} claims/s (${merged} claims, ${(mergeMs / 1000).toFixed(2)} s)`);
console.log(`list with filters: p50 ${pct(summaries.times, 50)} ms, p95 ${pct(summaries.times, 95)} ms over ${QUERIES} queries (${(summaries.rows / QUERIES).toFixed(1)} rows each)`);
console.log(`  the same as whole assertions (listAssertions): p50 ${pct(whole.times, 50)} ms, p95 ${pct(whole.times, 95)} ms`);
await db.close();
