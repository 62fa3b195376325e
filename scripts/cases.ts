// End-to-end figure for the register: every provenance case ingested into an empty register with the claims the
// real extractor finds in its pages (not the gold claims), compared with case.json the way the spec test does.
// An honest measure, not a test: it prints per-case results and exits 0.
//   npm run cases [-- --verbose] [-- --gold]   (--gold: the gold claims instead, for comparison)
import { sql } from "kysely";
import { extract } from "../src/extract/pipeline.ts";
import { openDb } from "../src/store/db.ts";
import { listAssertions } from "../src/store/queries.ts";
import { registerDocument } from "../src/store/register.ts";
import { caseDirs, FIXTURE_DIR, loadCase, PROVENANCE_DIR } from "../tests/provenance/load.ts";
import { caseCatalog } from "../tests/provenance/run.ts";
import { compareCase } from "../tests/provenance/compare.ts";

const verbose = process.argv.includes("--verbose");
const gold = process.argv.includes("--gold");
const dirs = [...caseDirs(PROVENANCE_DIR), ...caseDirs(FIXTURE_DIR)];
if (caseDirs(PROVENANCE_DIR).length === 0) console.log(`${PROVENANCE_DIR} not found: only this repository's fixtures`);
const db = await openDb({ url: process.env.DATABASE_URL ?? null, dataDir: "memory" });
let right = 0;
let total = 0;
console.log(`claims from: ${gold ? "gold files" : "the extractor"}; register on ${db.backend}`);
for (const dir of dirs) {
  const c = loadCase(dir);
  const catalog = caseCatalog(c);
  await sql`truncate documents, document_copies, sources, claims, citations, assertions, assertion_members, conflicts, decisions, audit_log, pending_pairs cascade`.execute(db.kysely);
  let claimCount = 0;
  for (const [file, doc] of c.documents) {
    const claims = gold ? c.claims.get(file)! : extract({ id: doc.id, text: doc.text, lang: doc.language, published: doc.published, outlet: doc.outlet }, catalog);
    claimCount += claims.transfers.length;
    await registerDocument(db, doc, claims, { catalog });
  }
  const got = await listAssertions(db, catalog);
  const r = compareCase(catalog, c.spec.assertions, got);
  right += r.right;
  total += r.expected;
  const extra = r.problems.filter((p) => p.includes("extra assertion")).length;
  console.log(`${c.spec.case.padEnd(30)} ${r.right}/${r.expected} expected assertions right; ${extra} extra; ${claimCount} claims from ${c.documents.size} pages`);
  for (const p of r.problems) console.log(`    ${p}`);
  if (verbose) for (const a of got) console.log(`    got ${a.supplier}>${a.recipient} ${a.item.category} ${a.item.name ?? "-"}: ${a.independentOrigins} origins ${JSON.stringify(a.origins)} denials ${JSON.stringify(a.denials)} conflicts [${a.conflicts}]${a.circular ? " circular" : ""}`);
}
console.log(`total: ${right}/${total} expected assertions reproduced exactly`);
await db.close();
