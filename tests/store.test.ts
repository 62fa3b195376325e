// The store on both backends: migrations, registerDocument's transaction, idempotence, order independence,
// incremental updates, analyst decisions across re-extraction, the append-only audit log and list filters.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { migrate } from "../src/store/migrate.ts";
import { registerDocument } from "../src/store/register.ts";
import { counts, getAssertion, listAssertions, listSummaries } from "../src/store/queries.ts";
import { registerDocuments } from "../src/store/register-batch.ts";
import { summary, type Assertion } from "../src/assess/assess.ts";
import { syntheticDocument } from "./store/synthetic.ts";
import { decide } from "../src/store/decisions.ts";
import { reextract } from "../src/store/reextract.ts";
import { stableJson } from "../src/store/json.ts";
import { openDb, type Db } from "../src/store/db.ts";
import type { Document } from "../src/ingest/document.ts";
import type { IncomingClaims } from "../src/resolve/claims.ts";
import { backends, reset } from "./store/backends.ts";
import { caseDirs, FIXTURE_DIR, loadCase, PROVENANCE_DIR, type LoadedCase } from "./provenance/load.ts";
import { assertionsOf, caseCatalog, goldInputs } from "./provenance/run.ts";
import { compareCase } from "./provenance/compare.ts";

const fixture = loadCase(caseDirs(FIXTURE_DIR)[0]!);
const catalog = caseCatalog(fixture);
const inputs = goldInputs(fixture);
const byId = (id: string) => inputs.find((i) => i.document.id === id)!;

async function registerAll(db: Db, c: LoadedCase, order = goldInputs(c)) {
  const cat = caseCatalog(c);
  const out = [];
  for (const i of order) out.push(await registerDocument(db, i.document, i.claims, { catalog: cat }));
  return out;
}
const snapshot = async (db: Db) => stableJson(await listAssertions(db, catalog));

/** A small document of another (fictional) pair, to see that it is left alone. */
const other: { document: Document; claims: IncomingClaims } = {
  document: { id: "other-pair", url: null, canonicalUrl: null, outlet: "Ostmark Wire", published: "2024-03-01", language: "en", title: "Valdoria sells rifles to Ostmark", author: null, text: "Valdoria sold rifles to Ostmark." },
  claims: {
    document: { id: "other-pair", language: "en", published: "2024-03-01", outlet: "Ostmark Wire" },
    transfers: [{ supplier: "QVD", recipient: "QOM", intermediary: null, item: { name: null, category: "small-arms" }, maker: null, quantity: null, value: null, time: null, status: "delivered", stance: "asserted", targets: [], sources: [], evidence: "Valdoria sold rifles to Ostmark" }],
  },
};

test("PGlite starts with 16 MB of shared buffers, not initdb's 128 MB (README, Import speed)", async () => {
  const db = await openDb({ url: null, dataDir: "memory" });
  try {
    const r = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db.kysely);
    assert.equal(r.rows[0]!.shared_buffers, "16MB");
  } finally {
    await db.close();
  }
});

for (const backend of await backends()) {
  describe(`store on ${backend.name}`, { skip: backend.skip }, () => {
    let db: Db;
    before(async () => {
      db = await backend.open();
    });
    after(async () => {
      await db?.close();
      await backend.cleanup();
    });

    test("migrations are applied once", async () => {
      assert.deepEqual(await migrate(db.kysely), []);
      const rows = await db.kysely.selectFrom("dossier_migrations").select("name").execute();
      assert.deepEqual(rows.map((r) => r.name), ["001-register.sql", "002-jobs.sql", "003-reference.sql", "004-pending-pairs.sql", "005-browse-indexes.sql", "006-search-index.sql", "007-search-recent.sql", "008-list-summaries.sql"]);
    });

    test("every case registered from its gold claims lists case.json's assertions, as the pure path does", async () => {
      for (const dir of [...caseDirs(PROVENANCE_DIR), ...caseDirs(FIXTURE_DIR)]) {
        await reset(db);
        const c = loadCase(dir);
        const cat = caseCatalog(c);
        await registerAll(db, c);
        const stored = await listAssertions(db, cat);
        assert.deepEqual(compareCase(cat, c.spec.assertions, stored).problems, [], c.spec.case);
        const pure = assertionsOf(cat, goldInputs(c)).sort((a, b) => a.id.localeCompare(b.id));
        assert.equal(stableJson([...stored].sort((a, b) => a.id.localeCompare(b.id))), stableJson(pure), c.spec.case);
      }
    });

    test("registering the same documents again changes nothing", async () => {
      await reset(db);
      const first = await registerAll(db, fixture);
      assert.deepEqual(first.map((r) => r.status), ["added", "added", "added", "added"]);
      const before = { counts: await counts(db), list: await snapshot(db) };
      const again = await registerAll(db, fixture);
      assert.deepEqual(again.map((r) => r.status), ["unchanged", "unchanged", "unchanged", "unchanged"]);
      assert.deepEqual(await counts(db), before.counts);
      assert.equal(await snapshot(db), before.list);
    });

    test("the order of registration does not change the assertions", async () => {
      await reset(db);
      await registerAll(db, fixture);
      const forward = await snapshot(db);
      await reset(db);
      await registerAll(db, fixture, [...inputs].reverse());
      assert.equal(await snapshot(db), forward);
    });

    test("a near-identical copy is linked by the register itself", async () => {
      await reset(db);
      const results = await registerAll(db, fixture);
      assert.deepEqual(results.find((r) => r.document === "04-drone-digest")!.copies, ["03-northgate-monitor"]);
    });

    test("a new document recomputes only the pairs it touches", async () => {
      await reset(db);
      await registerDocument(db, other.document, other.claims, { catalog });
      const [untouched] = await db.kysely.selectFrom("assertions").select(["id", "updated_at"]).execute();
      await registerAll(db, fixture);
      const log = await db.kysely.selectFrom("audit_log").select(["action", "subject"]).where("action", "like", "assertion-%").execute();
      assert.ok(log.length > 1);
      assert.ok(!log.slice(1).some((l) => l.subject === `assertion:${untouched!.id}`), "the other pair's assertion was not rewritten");
      const later = await db.kysely.selectFrom("assertions").select("updated_at").where("id", "=", untouched!.id).executeTakeFirstOrThrow();
      assert.equal(later.updated_at.getTime(), untouched!.updated_at.getTime());
    });

    test("a claims file for another document is refused before anything is written", async () => {
      await reset(db);
      const i = byId("01-ostmark-wire");
      await assert.rejects(registerDocument(db, i.document, { ...i.claims, document: { ...i.claims.document, id: "someone-else" } }, { catalog }), (e: Error & { code?: string }) => e.code === "claims-mismatch");
      assert.equal((await counts(db)).documents, 0);
    });

    test("a document that fails midway leaves nothing stored", async () => {
      await reset(db);
      await registerAll(db, fixture);
      const before = await counts(db);
      const bad = structuredClone(other);
      bad.document.id = "bad";
      bad.claims.document.id = "bad";
      bad.claims.transfers.push({ ...bad.claims.transfers[0]!, status: null as never });
      await assert.rejects(registerDocument(db, bad.document, bad.claims, { catalog }));
      assert.deepEqual(await counts(db), before);
    });

    test("analyst decisions survive re-extraction", async () => {
      await reset(db);
      await registerAll(db, fixture);
      const denial = byId("02-valdoria-herald").claims.transfers[1]!;
      await decide(db, catalog, { kind: "source-reliability", subject: "source:northgate-monitor", reliability: "A" }, "tester");
      await decide(db, catalog, { kind: "reject-claim", document: "02-valdoria-herald", evidence: denial.evidence }, "tester", "not a denial of this transfer");
      const check = async () => {
        const [kestrel] = await listAssertions(db, catalog, { category: "uav" });
        assert.equal(kestrel!.grade.reliability, "A");
        assert.deepEqual(kestrel!.denials, []);
        assert.ok(!kestrel!.conflicts.includes("stance"));
        return kestrel!;
      };
      await check();
      // A newer extractor reads 03 differently (six drones) and 02 the same way.
      const newer = structuredClone(byId("03-northgate-monitor").claims);
      newer.transfers[0]!.quantity = 6;
      const r3 = await registerDocument(db, byId("03-northgate-monitor").document, newer, { catalog, extractorVersion: "test-extract@2" });
      const r2 = await registerDocument(db, byId("02-valdoria-herald").document, byId("02-valdoria-herald").claims, { catalog, extractorVersion: "test-extract@2" });
      assert.deepEqual([r3.status, r2.status], ["updated", "updated"]);
      const kestrel = await check();
      assert.ok(kestrel.conflictDetails.find((c) => c.kind === "quantity")!.values.some((v) => v.value === "6"));
      assert.equal((await counts(db)).decisions, 2);
      const versions = await db.kysely.selectFrom("claims").select("extractor_version").where("document_id", "=", "03-northgate-monitor").distinct().execute();
      assert.deepEqual(versions.map((v) => v.extractor_version), ["test-extract@2"]);
    });

    test("reextract replaces claims from stored texts, keeps decisions, and changes nothing when run again", async () => {
      await reset(db);
      await registerAll(db, fixture);
      await decide(db, catalog, { kind: "source-reliability", subject: "source:northgate-monitor", reliability: "A" });
      // A stand-in extractor: the gold claims, except that it reads seven drones in the monitor's page.
      const extractor = (input: { id: string }) => {
        const claims = structuredClone(byId(input.id).claims);
        if (input.id === "03-northgate-monitor") claims.transfers[0]!.quantity = 7;
        return claims;
      };
      const first = await reextract(db, catalog, { extractor, version: "stub@2" });
      assert.deepEqual([first.documents, first.updated, first.unchanged, first.failed.length], [4, 4, 0, 0]);
      const [kestrel] = await listAssertions(db, catalog, { category: "uav" });
      assert.ok(kestrel!.conflictDetails.find((c) => c.kind === "quantity")!.values.some((v) => v.value === "7"));
      assert.equal(kestrel!.grade.reliability, "A");
      const again = await reextract(db, catalog, { extractor, version: "stub@2" });
      assert.deepEqual([again.updated, again.unchanged], [0, 4]);
      const real = await reextract(db, catalog);
      assert.deepEqual([real.documents, real.failed.length], [4, 0]);
      assert.equal((await counts(db)).decisions, 1);
    });

    test("the audit log is append-only", async () => {
      await reset(db);
      await registerAll(db, fixture);
      const n = (await counts(db)).audit_log!;
      assert.ok(n >= 4);
      await assert.rejects(sql`update audit_log set action = 'x'`.execute(db.kysely), /append-only/);
      await assert.rejects(sql`delete from audit_log`.execute(db.kysely), /append-only/);
      assert.equal((await counts(db)).audit_log, n);
    });

    test("list filters by party, category, years and system family; show finds an id by its prefix", async () => {
      await reset(db);
      await registerAll(db, fixture);
      const ids = async (f: Parameters<typeof listAssertions>[2]) => (await listAssertions(db, catalog, f)).map((a) => `${a.item.category}:${a.item.name}`).sort();
      assert.deepEqual(await ids({ supplier: "QOM", recipient: "QVD", category: "uav" }), ["uav:Kestrel"]);
      assert.deepEqual(await ids({ item: "Sea Kestrel" }), ["uav:Kestrel"]);
      assert.deepEqual(await ids({ since: 2016 }), ["uav:Kestrel"]);
      assert.deepEqual(await ids({ until: 2015 }), ["artillery:null"]);
      assert.deepEqual(await ids({ recipient: "QOM" }), []);
      const [a] = await listAssertions(db, catalog, { category: "artillery" });
      assert.equal((await getAssertion(db, a!.id.slice(0, 6))).id, a!.id);
      await assert.rejects(getAssertion(db, "ffffffffffff"), /no assertion/);
    });

    test("list reads each assertion's stored summary: summary() of the assertion, in list's order, kept on every write", async () => {
      await reset(db);
      await registerAll(db, fixture);
      const docs = Array.from({ length: 40 }, (_, i) => syntheticDocument(i, { pairs: 6, states: 4 }));
      await registerDocuments(db, docs, { catalog });
      const same = async () => {
        // the stored column (migration 008) holds exactly what summary() keeps of the assertion, no more, no less
        const stored = await db.kysely.selectFrom("assertions").select(["data", "summary"]).execute();
        assert.ok(stored.length > 5);
        for (const r of stored) assert.deepEqual(r.summary, summary(r.data as Assertion));
        for (const f of [{}, { supplier: "QMA" }, { recipient: "QMB", category: "uav" }, { since: 2010, until: 2015 }, { item: "Kestrel" }, { limit: 3 }]) {
          const listed = await listSummaries(db, catalog, f);
          assert.deepEqual(listed, (await listAssertions(db, catalog, f)).map(summary), JSON.stringify(f));
          for (const a of listed) assert.deepEqual(Object.keys(a), Object.keys(summary(a)), "keys in print order");
        }
      };
      await same();
      // Fewer claims for some documents: assertions are rewritten and removed, and their summaries follow.
      const before = await listSummaries(db, catalog);
      await registerDocuments(db, docs.slice(0, 20).map((d) => ({ ...d, claims: { ...d.claims, transfers: d.claims.transfers.slice(1) } })), { catalog });
      assert.notDeepEqual(await listSummaries(db, catalog), before);
      await same();
    });
  });
}
