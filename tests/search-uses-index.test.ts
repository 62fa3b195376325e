// Search reads an index, not every document: each document's search vector, stemmed in its language (migration
// 006), is GIN-indexed, and the planner uses that index for a query in any language (checked with EXPLAIN on
// PGlite, and on a Postgres server when DATABASE_URL reaches one). Documents are fictional filler.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { CompiledQuery } from "kysely";
import { documentSearch, parseQuery, searchDocuments } from "../src/store/search.ts";
import { backends } from "./store/backends.ts";

const all = await backends();
after(async () => {
  for (const b of all) if (!b.skip) await b.cleanup();
});

for (const backend of all) {
  test(`on ${backend.name}, each language's documents are found through its index`, { skip: backend.skip }, async () => {
    const db = await backend.open();
    try {
      const languages = ["en", "fr", "de", null, "sv"];
      const rows = Array.from({ length: 600 }, (_, i) => ({
        id: `filler-${i}`,
        url: null,
        canonical_url: null,
        outlet: "Fictional Filler",
        published: null,
        language: languages[i % languages.length]!,
        title: `Fictional filler ${i}`,
        title_key: null,
        author: null,
        text: i % 50 < languages.length ? "The drones were delivered, the fictional report said. Les drones ont été livrés." : `Weather and markets, fictional filler number ${i}.`,
        content_hash: `h${i}`,
        claims_hash: "c",
        extractor_version: "test",
      }));
      await db.kysely.insertInto("documents").values(rows).execute();
      await db.kysely.executeQuery(CompiledQuery.raw("analyze documents"));
      // The words as written match in every configuration, `simple` included, so every language's branch must find its own.
      const { hits, total, capped } = await searchDocuments(db, "drones delivered", { limit: 100 });
      const expected = rows.filter((r) => r.text.startsWith("The drones")).map((r) => r.id);
      assert.deepEqual(hits.map((h) => h.id).sort(), expected.sort());
      assert.deepEqual({ total, capped }, { total: expected.length, capped: false });
      assert.deepEqual([...new Set(hits.map((h) => h.language))].sort(), ["de", "en", "fr", "sv", null].sort(), "found in each language, and in none");
      // With sequential scans priced out, a plan that still reads the table would mean no index fits the query. Plain
      // index scans too: on a table this small the newest-first scan of documents_recent (migration 007), which reads
      // every document when few match, is the cheapest, and it would hide whether the GIN index serves the query.
      const compiled = documentSearch("drones delivered", await parseQuery(db, "drones delivered")).compile(db.kysely);
      const plan = await db.kysely.connection().execute(async (c) => {
        await c.executeQuery(CompiledQuery.raw("set enable_seqscan = off"));
        await c.executeQuery(CompiledQuery.raw("set enable_indexscan = off"));
        const r = await c.executeQuery(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
        await c.executeQuery(CompiledQuery.raw("reset enable_seqscan"));
        await c.executeQuery(CompiledQuery.raw("reset enable_indexscan"));
        return (r.rows as Record<string, string>[]).map((x) => x["QUERY PLAN"]).join("\n");
      });
      assert.doesNotMatch(plan, /Seq Scan on documents|Index Scan using documents_recent/, plan);
      assert.match(plan, /Bitmap Index Scan on documents_search\b/, plan);
    } finally {
      await db.close();
    }
  });
}
