import { test } from "node:test";
import { scratchDir } from "../scratch.ts";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCatalog, loadCatalog } from "../../src/catalog/load.ts";
import { catalogStats } from "../../src/cli/catalog.ts";
import { DataError } from "../../src/catalog/tsv.ts";

const catalog = defaultCatalog();

test("the catalog holds the counts the project promises", () => {
  const s = catalogStats(catalog);
  assert.ok(s.states! >= 198, `states ${s.states}`);
  assert.ok(s.systems! >= 600, `systems ${s.systems}`);
  assert.ok(s.spyware! >= 40, `spyware ${s.spyware}`);
  assert.ok(s.makers! >= 200, `makers ${s.makers}`);
  assert.ok(s.sources! >= 300, `sources ${s.sources}`);
  assert.ok(s.people! >= 300, `people ${s.people}`);
});

test("every system's maker and origin are in the catalog", () => {
  const problems: string[] = [];
  for (const s of catalog.systems.values()) {
    if (s.maker && !catalog.makers.has(s.maker)) problems.push(`${s.file} ${s.id}: maker ${s.maker} unknown`);
    if (s.origin && !catalog.states.has(s.origin)) problems.push(`${s.file} ${s.id}: origin ${s.origin} unknown`);
    if (s.family && !catalog.systems.has(s.family)) problems.push(`${s.file} ${s.id}: family ${s.family} unknown`);
    if (s.names.some((n) => n.ambiguous) && s.cue === "none") problems.push(`${s.file} ${s.id}: ambiguous name without a cue rule`);
  }
  for (const m of catalog.makers.values()) if (m.country && !catalog.states.has(m.country)) problems.push(`${m.file} ${m.id}: country ${m.country} unknown`);
  for (const s of catalog.sources.values()) if (s.country && !catalog.states.has(s.country)) problems.push(`${s.file} ${s.id}: country ${s.country} unknown`);
  assert.deepEqual(problems, []);
});

test("a name shared by two entries is marked ambiguous", () => {
  const owners = new Map<string, Set<string>>();
  const plain = new Map<string, boolean>();
  const entries = [...catalog.systems.values(), ...catalog.makers.values(), ...catalog.sources.values(), ...catalog.actors.values(), ...catalog.people.values()];
  for (const e of entries)
    for (const n of e.names) {
      const key = n.text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
      (owners.get(key) ?? owners.set(key, new Set()).get(key)!).add(`${e.kind}:${e.id}`);
      if (!n.ambiguous) plain.set(key, (plain.get(key) ?? false) || true);
    }
  const clashes = [...owners].filter(([k, ids]) => ids.size > 1 && plain.get(k) && [...ids].some((id) => !id.startsWith("maker:")) && !sameFamily([...ids]));
  assert.deepEqual(clashes.map(([k, ids]) => `${k}: ${[...ids].join(", ")}`), []);
});

/** A maker and a source may share a name (a company that also publishes research), as may a system and its family. */
function sameFamily(ids: string[]): boolean {
  const kinds = new Set(ids.map((i) => i.split(":")[0]));
  if (kinds.size === 2 && kinds.has("maker") && kinds.has("source")) return true;
  const systems = ids.filter((i) => i.startsWith("system:")).map((i) => catalog.systems.get(i.slice(7))!);
  return systems.length === ids.length && systems.every((s) => s.family && ids.includes(`system:${s.family}`) || systems.some((o) => o.family === s.id));
}

function overlay(files: Record<string, string>): string {
  const dir = scratchDir("catalog");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test("an overlay folder replaces entries by id and adds new ones", () => {
  const dir = overlay({
    "systems/fictional.tsv": "id\tcategory\tmaker\torigin\tfamily\tcue\tnames\nwindlark-x\tuav\t-\t-\t-\t-\tWindlark X|WLX-9\n",
  });
  const c = loadCatalog({ overlays: [dir] });
  assert.equal(c.systems.get("windlark-x")?.category, "uav");
  assert.equal(c.systems.size, defaultCatalog().systems.size + 1);
});

test("a malformed catalog file is refused with its file, line and problem", () => {
  const dir = overlay({ "systems/bad.tsv": "id\tcategory\tmaker\torigin\tfamily\tcue\tnames\nok-one\tuav\t-\t-\t-\t-\tOk One\nbad-one\tspaceship\t-\t-\t-\t-\tBad\n" });
  assert.throws(
    () => loadCatalog({ overlays: [dir] }),
    (e: unknown) => e instanceof DataError && e.line === 3 && /bad\.tsv/.test(e.file) && /category/.test(e.problem),
  );
  const short = overlay({ "makers/short.tsv": "id\tcountry\tkind\tnames\nacme\tFRA\tdefence\n" });
  assert.throws(() => loadCatalog({ overlays: [short] }), /short\.tsv:2: 3 cells, expected 4/);
});

test("monarchies carry their style; an unknown state or style in monarchies.tsv is refused with its line", () => {
  const c = loadCatalog();
  assert.equal(c.states.get("MAR")?.style, "kingdom");
  assert.equal(c.states.get("OMN")?.style, "sultanate");
  assert.equal(c.states.get("FRA")?.style, undefined);
  const unknown = overlay({ "monarchies.tsv": "id\tstyle\nXXQ\tkingdom\n" });
  assert.throws(() => loadCatalog({ overlays: [unknown] }), /monarchies\.tsv:2: unknown state XXQ/);
  const style = overlay({ "monarchies.tsv": "id\tstyle\nMAR\tempire\n" });
  assert.throws(() => loadCatalog({ overlays: [style] }), (e: unknown) => e instanceof DataError && e.line === 2 && /style/.test(e.problem));
});
