import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultCatalog } from "../../src/catalog/load.ts";
import { gazetteerFor } from "../../src/catalog/gazetteer.ts";
import { createContext } from "../../src/extract/context.ts";
import { lexiconFor } from "../../src/extract/lexicon.ts";
import { findMentions } from "../../src/extract/mentions.ts";

const catalog = defaultCatalog();

function ids(lang: string, text: string): string[] {
  return gazetteerFor(catalog, lang)
    .match(text)
    .map((m) => `${text.slice(m.start, m.end)}=${m.targets.map((t) => `${t.kind}:${t.id}`).join("/")}`);
}

/** Mentions after cue rules, as the extractor sees them. */
function mentions(lang: string, text: string): string[] {
  const ctx = createContext(text, lang, null, null, catalog, lexiconFor(lang));
  findMentions(ctx);
  return ctx.mentions.filter((m) => m.kind !== "person").map((m) => `${text.slice(m.start, m.end)}=${m.kind}:${m.id}`);
}

test("designations match whatever their hyphens and spacing", () => {
  for (const s of ["F-16", "F16", "F 16"]) assert.ok(ids("en", `Turkey wants ${s} jets`).some((x) => x.endsWith("system:f-16")), s);
});

test("a lone letter after a number across a space is a word, not a variant suffix", () => {
  assert.ok(ids("en", "the F-16 a year ago").some((x) => x === "F-16=system:f-16"));
  assert.ok(ids("fr", "66 F-16 à Taïwan").some((x) => x === "F-16=system:f-16"));
  assert.ok(ids("en", "an F-16A jet").some((x) => x.startsWith("F-16A=")));
});

test("a generic noun or a unit noun right beside an ambiguous designation is its cue", () => {
  assert.ok(mentions("fr", "Paris a cédé douze canons CAESAR à Kiev.").includes("CAESAR=system:caesar"));
  assert.ok(mentions("fr", "Kiev a reçu une batterie Patriot.").includes("Patriot=system:patriot"));
});

test("a designation's last word may take a plural 's'", () => {
  assert.ok(ids("en", "Qatar signed for 24 Typhoons").some((x) => x === "Typhoons=system:typhoon"));
  assert.ok(ids("en", "old Leopard 2 tanks and Mirage 2000s").some((x) => x.startsWith("Mirage 2000")));
  assert.ok(!ids("en", "the Heronsbridge school").some((x) => x.startsWith("Heron")));
});

test("a designation is not found inside a longer one", () => {
  assert.ok(!ids("en", "the Leopard 2A4 tanks").some((x) => x.startsWith("A4=")));
});

test("states are named by name, demonym, seat and force", () => {
  const found = mentions("fr", "Les autorités marocaines et Rabat ont reçu des Forces armées royales un rapport, selon Israël.");
  assert.ok(found.includes("marocaines=demonym:MAR"), found.join(" "));
  assert.ok(found.includes("Rabat=state:MAR"), found.join(" "));
  assert.ok(found.includes("Israël=state:ISR"), found.join(" "));
});

test("an ambiguous designation needs its cue", () => {
  assert.ok(mentions("en", "Israel sold three Heron drones to Morocco.").some((m) => m.startsWith("Heron=system:")));
  assert.ok(!mentions("en", "A grey heron stood by the river.").some((m) => m.startsWith("heron=")));
  assert.ok(mentions("fr", "L'Égypte a commandé 24 Rafale à Dassault Aviation.").some((m) => m.startsWith("Rafale=system:")));
  assert.ok(!mentions("fr", "Une rafale de vent a balayé la côte.").some((m) => m.toLowerCase().startsWith("rafale=")));
  assert.ok(mentions("fr", "un logiciel connu sous le nom de « Pegasus » a servi").some((m) => m.startsWith("Pegasus=system:")));
  assert.ok(!mentions("en", "Pegasus is a winged horse of Greek myth.").some((m) => m.startsWith("Pegasus=system:")));
});

test("the allocation-free scan finds exactly what the token walk finds", async () => {
  const { fold } = await import("../../src/catalog/fold.ts");
  const { tokenize, PhraseTrie } = await import("../../src/catalog/phrases.ts");
  const fc = (await import("fast-check")).default;
  const trie = new PhraseTrie<string>();
  for (const p of ["F-16", "F-16A", "F-16 Block 70", "Su-30MKA", "Heron TP", "Middle East Monitor", "l'Air Force marocaine", "U.S.", "TB2"]) trie.add(p, p);
  const piece = fc.constantFrom("F-16", "F16", " F 16", "Block 70", "Su-30MKA", "Su-30", "Heron", " TP", "Middle East", " Monitor", "l’Air Force marocaine", "U.S.", "2A4", "TB2", "TB20", " ", ", ", "x", "é", "A", " a", " à", "-A");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const folded = fold(parts.join(""));
      const walked = trie.all(folded, tokenize(folded)).map((m) => [m.start, m.end]);
      const scanned = trie.scan(folded).map((m) => [m.start, m.end]);
      assert.deepEqual(scanned, walked);
    }),
    { numRuns: 500 },
  );
});
