// The facet counts the register keeps for the whole register (assertion_facets, kept by triggers) equal the counts
// grouped over the assertions themselves, after loads, re-registrations that remove and rewrite assertions, and
// emptying the register; on both backends.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { defaultCatalog } from "../src/catalog/load.ts";
import { countAssertions, facetCounts, groupFacets, pageAssertions } from "../src/store/browse.ts";
import type { Db } from "../src/store/db.ts";
import { registerDocuments } from "../src/store/register-batch.ts";
import { backends, reset } from "./store/backends.ts";
import { syntheticDocument } from "./store/synthetic.ts";

const catalog = defaultCatalog();
const docs = Array.from({ length: 120 }, (_, i) => syntheticDocument(i, { pairs: 20, states: 8, outlets: 6 }));

async function sameCounts(db: Db) {
  assert.deepEqual(await facetCounts(db, catalog, {}, 1000), await groupFacets(db, catalog, {}, 1000));
  const all = await db.kysely.selectFrom("assertions").select("id").execute();
  assert.equal(await countAssertions(db, catalog, {}), all.length);
}

for (const backend of await backends()) {
  describe(`register facets on ${backend.name}`, { skip: backend.skip }, () => {
    let db: Db;
    before(async () => {
      db = await backend.open();
      await reset(db);
    });
    after(async () => {
      await db?.close();
      await backend.cleanup();
    });

    test("kept counts equal grouped counts through loads, changes and emptying", async () => {
      await registerDocuments(db, docs.slice(0, 60), { catalog });
      await sameCounts(db);
      assert.ok((await countAssertions(db, catalog, {})) > 0);
      // the same documents with fewer claims remove and rewrite assertions
      await registerDocuments(db, docs.slice(0, 30).map((d) => ({ ...d, claims: { ...d.claims, transfers: d.claims.transfers.slice(1) } })), { catalog });
      await registerDocuments(db, docs.slice(60), { catalog });
      await sameCounts(db);
      // a filter is counted over its matches, every facet in one reading
      const f = { supplier: "QMB" };
      const rows = await pageAssertions(db, catalog, f, { key: "supplier", desc: false }, 0, 10_000);
      const counted = new Map<string, number>();
      for (const a of rows) counted.set(a.item.category, (counted.get(a.item.category) ?? 0) + 1);
      const expected = [...counted].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
      const got = await facetCounts(db, catalog, f, 1000);
      assert.deepEqual(got.category, expected);
      assert.deepEqual(got.supplier, [{ value: "QMB", count: rows.length }]);
      await reset(db);
      await sameCounts(db);
      assert.equal(await countAssertions(db, catalog, {}), 0);
    });
  });
}
