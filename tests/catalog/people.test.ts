import { test } from "node:test";
import { scratchDir } from "../scratch.ts";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOG_DIR, defaultCatalog, loadCatalog } from "../../src/catalog/load.ts";
import { fold } from "../../src/catalog/fold.ts";
import { gazetteerFor, titledSurname, tokenize } from "../../src/catalog/gazetteer.ts";
import { readTsv, DataError } from "../../src/catalog/tsv.ts";
import { lexiconFor } from "../../src/extract/lexicon.ts";

const catalog = defaultCatalog();
const HEADER = "id\tstate\ttype\tbody\troles\tnames\n";

function overlay(rows: string): string {
  const dir = scratchDir("people");
  mkdirSync(join(dir, "people"));
  writeFileSync(join(dir, "people", "test.tsv"), HEADER + rows);
  return dir;
}

test("people rows are validated: roles and years, state, body, type, untitled one-word names", () => {
  const refused = (row: string, problem: RegExp) =>
    assert.throws(
      () => loadCatalog({ overlays: [overlay(row + "\n")] }),
      (e: unknown) => e instanceof DataError && /people\/test\.tsv$/.test(e.file) && e.line === 2 && problem.test(e.problem),
      row,
    );
  refused("ann-example\tFRA\tgovernment\t-\tminister-of-magic:2019-\tAnn Example", /unknown role "minister-of-magic"/);
  refused("ann-example\tFRA\tgovernment\t-\tforeign-minister:2019-2017\tAnn Example", /ends before it starts/);
  refused("ann-example\tFRA\tgovernment\t-\tforeign-minister:2019\tAnn Example", /is not role, role:YYYY-YYYY or role:YYYY-/);
  refused("ann-example\tFRA\tgovernment\t-\tforeign-minister:2999-\tAnn Example", /starts in 2999/);
  refused("ann-example\tXXQ\tgovernment\t-\tforeign-minister\tAnn Example", /unknown state XXQ/);
  refused("ann-example\tFRA\tgovernment\tno-such-maker\torganisation-head\tAnn Example", /no actor, maker or source no-such-maker/);
  refused("ann-example\tFRA\tgovernment\t-\torganisation-head\tAnn Example", /organisation-head needs a body/);
  refused("ann-example\tFRA\t-\tthales\torganisation-head\tAnn Example", /needs an nsa: body/);
  refused("ann-example\tFRA\tgovernment\t-\tforeign-minister\tAnn Example|Example", /one-word name "Example" must be marked \?/);
  refused("Ann Example\tFRA\tgovernment\t-\tforeign-minister\tAnn Example", /kebab-case id/);
  const ok = loadCatalog({ overlays: [overlay("ann-example\tFRA\tgovernment\t-\tforeign-minister:2019-|defence-minister\tAnn Example|?Example\n")] });
  assert.deepEqual(ok.people.get("ann-example")?.roles, [
    { role: "foreign-minister", from: 2019, to: null },
    { role: "defence-minister", from: null, to: null },
  ]);
  assert.equal(ok.people.size, catalog.people.size + 1);
});

test("every built-in person id is unique across the people files", () => {
  const seen = new Map<string, string>();
  const dupes: string[] = [];
  for (const f of readdirSync(join(CATALOG_DIR, "people")).filter((x) => x.endsWith(".tsv"))) {
    for (const { cells } of readTsv(join(CATALOG_DIR, "people", f), ["id"])) {
      if (seen.has(cells.id!)) dupes.push(`${cells.id} in ${f} and ${seen.get(cells.id!)}`);
      seen.set(cells.id!, f);
    }
  }
  assert.deepEqual(dupes, []);
  assert.equal(seen.size, catalog.people.size);
});

test("each person's state and body exist, and the type agrees with the body", () => {
  const problems: string[] = [];
  for (const p of catalog.people.values()) {
    if (!catalog.states.has(p.state)) problems.push(`${p.id}: state ${p.state}`);
    const offices = p.roles.some((r) => r.role !== "organisation-head" && r.role !== "researcher");
    if (offices && p.type !== "government") problems.push(`${p.id}: an office holder speaks as government, not ${p.type}`);
    if (!p.body) continue;
    if (p.body.startsWith("nsa:")) {
      if (!catalog.actors.has(p.body)) problems.push(`${p.id}: actor ${p.body}`);
      if (!offices && p.type !== null) problems.push(`${p.id}: a non-state leader has no source type`);
      continue;
    }
    const maker = catalog.makers.get(p.body);
    const source = catalog.sources.get(p.body);
    const country = maker ? maker.country : source?.country;
    if (!maker && !source) problems.push(`${p.id}: body ${p.body}`);
    else if (p.type !== (maker ? "company" : source!.type)) problems.push(`${p.id}: type ${p.type} for ${p.body}`);
    if (country && country !== p.state) problems.push(`${p.id}: state ${p.state}, but ${p.body} is in ${country}`);
  }
  assert.deepEqual(problems, []);
});

test("every built-in person held a recorded role between 2010 and 2026, or one whose years are not recorded", () => {
  const outside = [...catalog.people.values()].filter((p) => !p.roles.some((r) => r.from === null || (r.from <= 2026 && (r.to ?? 2026) >= 2010)));
  assert.deepEqual(outside.map((p) => p.id), []);
});

test("people are compiled only into the gazetteer that asks for them", () => {
  const kinds = (people: boolean) => gazetteerFor(catalog, "en", { people }).match("Olaf Scholz met Kyriakos Mitsotakis.").flatMap((m) => m.targets.map((t) => `${t.kind}:${t.id}`));
  assert.deepEqual(kinds(true), ["person:olaf-scholz", "person:kyriakos-mitsotakis"]);
  assert.deepEqual(kinds(false), []);
  const fr = gazetteerFor(catalog, "fr", { people: true }).match("selon Evgueni Prigojine et Recep Tayyip Erdogan");
  assert.deepEqual(fr.flatMap((m) => m.targets.map((t) => t.id)), ["yevgeny-prigozhin", "recep-tayyip-erdogan"]);
});

/** The person readings that count in `text`: full names always, a surname alone only after a title of the language. */
function people(lang: string, text: string): string[] {
  const folded = fold(text);
  const tokens = tokenize(folded);
  const titles = lexiconFor(lang).words.get("title")!;
  const found: string[] = [];
  for (const m of gazetteerFor(catalog, lang, { people: true }).matchTokens(text, folded, tokens))
    for (const t of m.targets)
      if (t.kind === "person" && (!t.ambiguous || titledSurname(text, tokens, m.first, (k) => titles.has(tokens[k]!.text)))) found.push(`${text.slice(m.start, m.end)}=${t.id}`);
  return found;
}

test("a surname that is an ordinary word names the person only after a title", () => {
  // "May": a month, and Theresa May.
  assert.deepEqual(people("en", "Theresa May visited Riyadh."), ["Theresa May=theresa-may"]);
  assert.deepEqual(people("en", "Prime Minister May defended the sale of Typhoons."), ["May=theresa-may"]);
  assert.deepEqual(people("en", "The Typhoons will be delivered in May."), []);
  // "Price": a noun, and Ned Price.
  assert.deepEqual(people("en", "State Department spokesman Price said the deal was under review."), ["Price=ned-price"]);
  assert.deepEqual(people("en", "The price of the F-16s was not disclosed."), []);
  assert.deepEqual(people("en", "Price was not disclosed."), []);
  // "Borne": a kerb or a charging post in French, and Élisabeth Borne.
  assert.deepEqual(people("fr", "La Première ministre Borne a défendu le contrat."), ["Borne=elisabeth-borne"]);
  assert.deepEqual(people("fr", "Une borne de recharge a été installée."), []);
  // A surname the catalog gives two people keeps both readings.
  assert.deepEqual(people("en", "President Aoun received the envoy."), ["Aoun=michel-aoun", "Aoun=joseph-aoun"]);
});
