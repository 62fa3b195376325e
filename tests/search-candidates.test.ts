// A search ranks the most recent of its matches, not every one: a word most documents hold is ranked over the
// SEARCH_CANDIDATES most recently published matches, and the count says "at least" that many instead of reading
// every match. Below the bound, every match is ranked and counted exactly. Run here with small bounds on fictional
// filler, on PGlite and on a Postgres server when DATABASE_URL reaches one.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { CompiledQuery } from "kysely";
import { searchDocuments } from "../src/store/search.ts";
import { matchCount, searchPage } from "../src/serve/pages/search.ts";
import { backends } from "./store/backends.ts";

const all = await backends();
after(async () => {
  for (const b of all) if (!b.skip) await b.cleanup();
});

const day = (i: number) => `2020-01-${String(i + 1).padStart(2, "0")}`;

/** Document i, published on day i (so a higher i is more recent); `strong` ones name the kestrel three times. */
function doc(i: number, text: string, language: string | null = "en", published: string | null = day(i), prefix = "kestrel") {
  return { id: `${prefix}-${String(i).padStart(2, "0")}`, url: null, canonical_url: null, outlet: "Fictional Filler", published, language, title: `Fictional filler ${i}`, title_key: null, author: null, text, content_hash: `h${i}`, claims_hash: "c", extractor_version: "test" };
}
const once = "A fictional kestrel was seen over the fictional lake.";
const thrice = "A fictional kestrel, then a second kestrel, then a third kestrel over the fictional lake.";
// 20 matching documents: the best-ranked are the oldest (0) and one among the newest (15); 3 undated ones; 5 that do not match.
const rows = [
  ...Array.from({ length: 20 }, (_, i) => doc(i, i === 0 || i === 15 ? thrice : once)),
  ...[20, 21, 22].map((i) => doc(i, once, "en", null)),
  ...[23, 24, 25, 26, 27].map((i) => doc(i, "Weather and markets, fictional filler.")),
];

for (const backend of all) {
  test(`on ${backend.name}, a search ranks the most recent matches and counts up to them`, { skip: backend.skip }, async () => {
    const db = await backend.open();
    try {
      await db.kysely.insertInto("documents").values(rows).execute();
      await db.kysely.executeQuery(CompiledQuery.raw("analyze documents"));

      // Every match ranked: the oldest strong one is found, and the count is exact.
      const every = await searchDocuments(db, "kestrel", { limit: 5, candidates: 100 });
      assert.deepEqual({ total: every.total, capped: every.capped }, { total: 23, capped: false });
      assert.deepEqual(every.hits.slice(0, 2).map((h) => h.id), ["kestrel-15", "kestrel-00"], "the two strong ones first, the newer first");
      assert.ok(every.hits[0]!.rank > every.hits[2]!.rank);
      assert.deepEqual(every.hits.slice(2).map((h) => h.id), ["kestrel-19", "kestrel-18", "kestrel-17"], "equal ranks, newest first");

      // Only the ten most recent ranked: the old strong one is left out, the count stops at ten and says so.
      const recent = await searchDocuments(db, "kestrel", { limit: 5, candidates: 10 });
      assert.deepEqual({ total: recent.total, capped: recent.capped }, { total: 10, capped: true });
      assert.deepEqual(recent.hits.map((h) => h.id), ["kestrel-15", "kestrel-19", "kestrel-18", "kestrel-17", "kestrel-16"]);
      const tenth = await searchDocuments(db, "kestrel", { limit: 10, candidates: 10 });
      assert.deepEqual(tenth.hits.map((h) => h.id).sort(), Array.from({ length: 10 }, (_, k) => `kestrel-${10 + k}`), "the ten newest, and only them");

      // Undated documents count as the least recent: the bound reaches them last.
      const withUndated = await searchDocuments(db, "kestrel", { limit: 50, candidates: 22 });
      assert.deepEqual({ total: withUndated.total, capped: withUndated.capped }, { total: 22, capped: true });
      assert.equal(withUndated.hits.filter((h) => h.published === null).length, 2);

      // A count that reaches the bound says "at least", true even when nothing more matches; one short of it is exact.
      const exact = await searchDocuments(db, "kestrel", { limit: 50, candidates: 23 });
      assert.deepEqual({ total: exact.total, capped: exact.capped, hits: exact.hits.length }, { total: 23, capped: true, hits: 23 });
      const under = await searchDocuments(db, "kestrel", { limit: 50, candidates: 24 });
      assert.deepEqual({ total: under.total, capped: under.capped, hits: under.hits.length }, { total: 23, capped: false, hits: 23 });
      assert.deepEqual(await searchDocuments(db, "zzzqqq", { candidates: 10 }), { total: 0, capped: false, hits: [] });
    } finally {
      await db.close();
    }
  });

  test(`on ${backend.name}, each document matches the query as its own language's configuration parses it`, { skip: backend.skip }, async () => {
    const db = await backend.open();
    try {
      // "delivering" is deliv in English; `simple` (Swedish here, and no language) keeps each word as written.
      const langDoc = (i: number, text: string, language: string | null) => doc(i, text, language, day(i), "lang");
      await db.kysely.insertInto("documents").values([
        langDoc(0, "The drones were delivering supplies.", "en"),
        langDoc(1, "The drones were delivering supplies.", "sv"),
        langDoc(2, "The drones were delivered.", "sv"),
        langDoc(3, "The drones were delivering supplies.", null),
        langDoc(4, "Les drones ont été livrés.", "fr"),
      ]).execute();
      const found = async (q: string) => (await searchDocuments(db, q)).hits.map((h) => h.id).sort();
      assert.deepEqual(await found("delivered"), ["lang-00", "lang-02"]);
      assert.deepEqual(await found("delivering"), ["lang-00", "lang-01", "lang-03"]);
      assert.deepEqual(await found("livrer"), ["lang-04"], "French stems livrés and livrer alike");
      // "were" is an English stop word, and a word as written in `simple`: found only where no stemmer drops it.
      assert.deepEqual(await found("were"), ["lang-01", "lang-02", "lang-03"]);
    } finally {
      await db.close();
    }
  });
}

test("the search page says when the count stopped at the documents ranked", () => {
  const hit = { id: "d", title: "t", outlet: null, published: null, language: "en", rank: 1, fragment: "x", claims: [] };
  const hits = Array.from({ length: 50 }, () => hit);
  const text = (d: Parameters<typeof matchCount>[0]) => String(matchCount(d)).replace(/<[^>]+>/g, "");
  assert.equal(text({ q: "falcon", total: 10_000, capped: true, hits }), "At least 10,000 documents match “falcon”, each read in its own language: the 50 most relevant of the 10,000 most recent are shown.");
  assert.equal(text({ q: "falcon", total: 1234, capped: false, hits }), "1,234 documents match “falcon”, each read in its own language: the 50 most relevant are shown.");
  assert.equal(text({ q: "falcon", total: 1, capped: false, hits: [hit] }), "1 document matches “falcon”, each read in its own language.");
  assert.match(String(searchPage({ q: "falcon", total: 10_000, capped: true, hits })), /<span id="count">At least 10,000<\/span>/);
});
