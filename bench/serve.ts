// Latency of the web register's pages on a synthetic, plainly fictional register (tests/store/synthetic.ts),
// measured at the client over loopback, so it includes HTTP and rendering, not only the queries.
//   npm run bench:serve [-- --docs N] [-- --requests R]             (embedded PGlite, in memory)
//   DATABASE_URL=postgres://… npm run bench:serve [-- --docs N]     (a Postgres server; its tables are emptied)
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { defaultCatalog } from "../src/catalog/load.ts";
import { startServer } from "../src/serve/app.ts";
import { openDb } from "../src/store/db.ts";
import { registerDocument } from "../src/store/register.ts";
import { random, syntheticDocument } from "../tests/store/synthetic.ts";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DOCS = arg("docs", 1000);
const REQUESTS = arg("requests", 100);
const catalog = defaultCatalog();
const db = await openDb({ url: process.env.DATABASE_URL ?? null, dataDir: "memory" });
await sql`truncate documents, document_copies, sources, claims, citations, assertions, assertion_members, conflicts, decisions, audit_log cascade`.execute(db.kysely);
let claims = 0;
for (let i = 0; i < DOCS; i++) {
  const { document, claims: file } = syntheticDocument(i, { pairs: 300, states: 30, outlets: 100 });
  claims += file.transfers.length;
  await registerDocument(db, document, file, { catalog });
}
const ids = (await db.kysely.selectFrom("assertions").select("id").orderBy("id").execute()).map((r) => r.id);
const { server, url } = await startServer({ db, catalog }, { port: 0 });

const rnd = random(7);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
const state = () => `Q${String.fromCharCode(77 + Math.floor(Math.floor(rnd() * 30) / 26))}${String.fromCharCode(65 + (Math.floor(rnd() * 30) % 26))}`;
const routes: [string, () => string][] = [
  ["register, first page", () => "/"],
  ["register, filtered + sorted", () => `/?supplier=${state()}&since=2010&sort=-origins`],
  ["register JSON, page 5", () => "/.json?page=5"],
  ["assertion page", () => `/assertions/${pick(ids)}`],
  ["document page", () => `/documents/syn-${String(Math.floor(rnd() * DOCS)).padStart(7, "0")}`],
  ["search", () => `/search?q=${pick(["falcon", "lynx supplied", "osprey", "equipment"])}`],
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
