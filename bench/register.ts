// The register on a synthetic, plainly fictional corpus (tests/store/synthetic.ts): ingest-to-store throughput,
// merge throughput, and the latency of `list` with filters.
//   npm run bench:register [-- --docs N] [-- --pairs P]            (embedded PGlite, in memory)
//   DATABASE_URL=postgres://… npm run bench:register [-- --docs N]   (a Postgres server; its tables are emptied)
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { defaultCatalog } from "../src/catalog/load.ts";
import { buildAssertions } from "../src/assess/assess.ts";
import { registerClaims } from "../src/resolve/claims.ts";
import type { RegisterClaim, RegisterDoc } from "../src/resolve/types.ts";
import { openDb } from "../src/store/db.ts";
import { listAssertions, type ListFilter } from "../src/store/queries.ts";
import { registerDocument } from "../src/store/register.ts";
import { random, syntheticDocument } from "../tests/store/synthetic.ts";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DOCS = arg("docs", 2000);
const PAIRS = arg("pairs", 600);
const QUERIES = arg("queries", 200);
const catalog = defaultCatalog();
const db = await openDb({ url: process.env.DATABASE_URL ?? null, dataDir: "memory" });
await sql`truncate documents, document_copies, sources, claims, citations, assertions, assertion_members, conflicts, decisions, audit_log cascade`.execute(db.kysely);
const corpus = Array.from({ length: DOCS }, (_, i) => syntheticDocument(i, { pairs: PAIRS, states: 40, outlets: 200 }));
const claimCount = corpus.reduce((n, c) => n + c.claims.transfers.length, 0);

let t = performance.now();
for (const { document, claims } of corpus) await registerDocument(db, document, claims, { catalog });
const ingestS = (performance.now() - t) / 1000;

// Merge and assess every claim at once, without the database: the pure cost of resolve + assess.
const docs = new Map<string, RegisterDoc>();
const byDoc = new Map<string, RegisterClaim[]>();
for (const { document, claims } of corpus) {
  docs.set(document.id, { id: document.id, url: document.url, outlet: document.outlet, published: document.published, language: document.language, title: document.title, copyOf: [] });
  byDoc.set(document.id, registerClaims(document.id, claims));
}
t = performance.now();
const built = buildAssertions({ catalog, docs, claims: byDoc }, [...byDoc.values()].flat());
const mergeS = (performance.now() - t) / 1000;

const rnd = random(42);
const state = () => `Q${String.fromCharCode(77 + Math.floor(Math.floor(rnd() * 40) / 26))}${String.fromCharCode(65 + (Math.floor(rnd() * 40) % 26))}`;
const filters: (() => ListFilter)[] = [
  () => ({ supplier: state() }),
  () => ({ recipient: state(), category: "uav" }),
  () => ({ supplier: state(), since: 2010 }),
  () => ({ recipient: state(), since: 2005, until: 2015 }),
  () => ({ item: "Fictional Lynx", recipient: state() }),
];
const times: number[] = [];
let rows = 0;
for (let q = 0; q < QUERIES; q++) {
  const f = filters[q % filters.length]!();
  t = performance.now();
  rows += (await listAssertions(db, catalog, f)).length;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
const stored = await db.kysely.selectFrom("assertions").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
console.log(`register on ${db.backend}: ${DOCS} documents, ${claimCount} claims, ${PAIRS} pairs, ${stored.n} assertions (pure path: ${built.length})`);
console.log(`ingest to store: ${(DOCS / ingestS).toFixed(0)} documents/s, ${(claimCount / ingestS).toFixed(0)} claims/s (${ingestS.toFixed(1)} s, one transaction per document)`);
console.log(`merge + assess (pure, all claims at once): ${(claimCount / mergeS).toFixed(0)} claims/s (${mergeS.toFixed(2)} s)`);
console.log(`list with filters: p50 ${pct(50)} ms, p95 ${pct(95)} ms over ${QUERIES} queries (${(rows / QUERIES).toFixed(1)} rows each)`);
await db.close();
