// Latency of the web register's pages on a synthetic, plainly fictional register (tests/store/synthetic.ts),
// measured at the client over loopback, so it includes HTTP and rendering, not only the queries.
//   npm run bench:serve [-- --docs N] [-- --requests R]             (embedded PGlite, in memory)
//   npm run bench:serve -- --data DIR ...                           (embedded PGlite in a folder, which is emptied)
//   DATABASE_URL=postgres://… npm run bench:serve [-- --docs N]     (a Postgres server; its tables are emptied)
//   --existing    serve the register already stored (the one bench/register left) instead of loading one; give
//                 it the same --docs and --states
// The register is loaded through the bulk path (registerDocuments, merging deferred, then mergePending).
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { defaultCatalog } from "../src/catalog/load.ts";
import { startServer } from "../src/serve/app.ts";
import { openDb } from "../src/store/db.ts";
import { random, state } from "../tests/store/synthetic.ts";
import { emptyRegister, loadSynthetic, mergeLoaded, numberArg, stringArg } from "./lib/synthetic-register.ts";

const shape = { docs: numberArg("docs", 1000), claims: numberArg("claims", 0) || undefined, pairs: numberArg("pairs", 300), states: numberArg("states", 30), outlets: numberArg("outlets", 100) };
const DOCS = shape.docs;
const REQUESTS = numberArg("requests", 100);
const catalog = defaultCatalog();
const db = await openDb({ url: process.env.DATABASE_URL ?? null, dataDir: stringArg("data") ?? "memory" });
if (!process.argv.includes("--existing")) {
  await emptyRegister(db);
  await loadSynthetic(db, catalog, shape, numberArg("batch", 500), "later");
  await mergeLoaded(db, catalog);
}
const claims = Number((await db.kysely.selectFrom("claims").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n);
const ids = (await db.kysely.selectFrom("assertions").select("id").orderBy("id").execute()).map((r) => r.id);
const { server, url } = await startServer({ db, catalog }, { port: 0 });

const rnd = random(7);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
const someState = () => state(Math.floor(rnd() * shape.states));
const routes: [string, () => string][] = [
  ["register, first page", () => "/"],
  ["register, filtered + sorted", () => `/?supplier=${someState()}&since=2010&sort=-origins`],
  ["register JSON, page 5", () => "/.json?page=5"],
  ["assertion page", () => `/assertions/${pick(ids)}`],
  ["document page", () => `/documents/syn-${String(Math.floor(rnd() * DOCS)).padStart(7, "0")}`],
  // words most documents hold (a system named in three documents out of four): more than 10,000 match, so the
  // 10,000 most recent are ranked
  ["search, common words", () => `/search?q=${pick(["falcon", "lynx supplied", "osprey", "equipment"])}`],
  // words of one document (its id, written in its text)
  ["search, rare words", () => `/search?q=${encodeURIComponent(`syn-${String(Math.floor(rnd() * DOCS)).padStart(7, "0")}`)}`],
];

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(1);
console.log(`web register on ${db.backend}: ${DOCS} documents, ${claims} claims, ${ids.length} assertions; ${REQUESTS} requests per route, one at a time`);
for (const [name, path] of routes) {
  const times: number[] = [];
  for (let r = 0; r < REQUESTS; r++) {
    const t = performance.now();
    const res = await fetch(url + path());
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(30)} p50 ${pct(times, 50).padStart(6)} ms   p95 ${pct(times, 95).padStart(6)} ms`);
}
server.closeAllConnections();
server.close();
await db.close();
