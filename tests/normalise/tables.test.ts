// Checks the normalisers' language tables (lang/<code>/{numbers,money,dates}.tsv):
// every row is well formed, every example produces a mention covering the
// row's form, and no counter-example does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { findNumbers } from "../../src/extract/normalise/numbers.ts";
import { findMoney } from "../../src/extract/normalise/money.ts";
import { findTimes } from "../../src/extract/normalise/time.ts";
import { type Row, findForm, parseTable } from "../../src/extract/normalise/lexicon.ts";
import type { Lang, Span } from "../../src/extract/normalise/types.ts";

process.env.DOSSIER_STRICT = "1";

const LANGS: Lang[] = ["en", "fr", "es", "de", "ar"];
const ROOT = new URL("../../lang/", import.meta.url);
const PUBLISHED = "2022-05-24";
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type Name = "numbers" | "money" | "dates";

interface Spec {
  columns: string[];
  kinds: Record<string, (row: Row) => boolean>;
  flags: string[];
  /** Kinds whose form stands next to the mention rather than inside it ("in" before "May"); in money, rows flagged range. */
  beside: string[];
}

const num = (r: Row): boolean => r.value !== "" && Number.isFinite(Number(r.value));
const empty = (r: Row): boolean => r.value === "";
const MODS = ["last", "next", "this", "year-1", "year+0", "year+1"];

const SPECS: Record<Name, Spec> = {
  numbers: {
    columns: ["id", "kind", "value", "forms", "example", "counter", "flags"],
    kinds: {
      word: num,
      article: (r) => r.value === "1" || r.value === "",
      and: empty,
      of: empty,
      collective: num,
      modifier: empty,
      fixed: num,
      approx: empty,
      "hyphen-prefix": empty,
      "hyphen-counted": empty,
      separator: (r) => ["thousands", "decimal"].includes(r.value) && r.forms.every((f) => ["comma", "dot", "space", "apostrophe"].includes(f)),
    },
    flags: ["approx", "bound", "money"],
    beside: ["hyphen-prefix", "hyphen-counted"],
  },
  money: {
    columns: ["id", "currency", "forms", "example", "counter", "flags"],
    kinds: {
      "": (r) =>
        r.flags.has("link") || r.flags.has("range")
          ? r.value === ""
          : /^[A-Z]{3}$/.test(r.value) && (r.flags.has("pre") || r.flags.has("post")),
    },
    flags: ["pre", "post", "upper", "scale", "link", "range"],
    beside: [],
  },
  dates: {
    columns: ["id", "kind", "value", "forms", "example", "counter", "flags"],
    kinds: {
      month: (r) => Number.isInteger(Number(r.value)) && Number(r.value) >= 1 && Number(r.value) <= 12,
      weekday: (r) => Number.isInteger(Number(r.value)) && Number(r.value) >= 1 && Number(r.value) <= 7,
      season: (r) => /^(0[1-9]|1[0-2])-(0[1-9]|1[0-2])$/.test(r.value),
      "month-day": (r) => r.forms.length === 0,
      "ordinal-suffix": empty,
      "day-word": (r) => Number.isInteger(Number(r.value)) && Number(r.value) >= 1 && Number(r.value) <= 31,
      cue: empty,
      link: empty,
      relative: (r) => /^((year|month|week|day)[+-]\d|weekend-1|ytd|mtd|wtd)$/.test(r.value),
      anchored: (r) => /^year[+-]\d+$/.test(r.value),
      "mod-pre": (r) => MODS.includes(r.value),
      "mod-post": (r) => MODS.includes(r.value),
      part: (r) => /^(0[1-9]|1[0-2])-(0[1-9]|1[0-2])(\/\d-\d)?$/.test(r.value),
      "decade-prefix": empty,
      "decade-suffix": empty,
      decade: (r) => /^(18|19|20)\d0$/.test(r.value),
      "range-start": empty,
      "range-mid": empty,
      since: empty,
      "ago-pre": empty,
      "ago-post": empty,
      unit: (r) => ["year", "month", "week", "day"].includes(r.value),
      numeric: (r) => r.value === "dmy" || r.value === "mdy",
      block: (r) => empty(r) && r.counter !== "",
    },
    flags: ["cased", "cue", "weak", "link", "bare", "whole"],
    beside: ["cue"],
  },
};

function finder(name: Name, row: Row, lang: Lang): (text: string) => Span[] {
  if (name === "money" || (name === "numbers" && row.flags.has("money"))) return (s) => findMoney(s, lang);
  if (name === "numbers") return (s) => findNumbers(s, lang);
  return (s) => findTimes(s, lang, PUBLISHED);
}

function occurrences(text: string, row: Row): { start: number; end: number }[] {
  return row.forms.flatMap((f) => findForm(text, f));
}

for (const lang of LANGS) {
  for (const name of ["numbers", "money", "dates"] as Name[]) {
    const url = new URL(`${lang}/${name}.tsv`, ROOT);
    if (!existsSync(url)) continue;
    const source = readFileSync(url, "utf8");
    const rows = parseTable(source);
    const spec = SPECS[name];

    test(`${lang}/${name}.tsv is well formed`, () => {
      const header = source.split("\n").find((l) => l.trim() !== "" && !l.startsWith("#"));
      assert.deepEqual(header?.split("\t"), spec.columns);
      const ids = new Set<string>();
      for (const row of rows) {
        assert.match(row.id, ID, `${row.id}: id is kebab-case`);
        assert.ok(!ids.has(row.id), `${row.id}: id is unique`);
        ids.add(row.id);
        const check = spec.kinds[row.kind];
        assert.ok(check, `${row.id}: known kind ${JSON.stringify(row.kind)}`);
        assert.ok(check(row), `${row.id}: valid value ${JSON.stringify(row.value)} for ${row.kind || name}`);
        for (const f of row.flags) assert.ok(spec.flags.includes(f), `${row.id}: known flag ${f}`);
        assert.ok(row.forms.length > 0 || row.kind === "month-day", `${row.id}: has forms`);
        const cells = source.split("\n").find((l) => l.startsWith(`${row.id}\t`))?.split("\t") ?? [];
        assert.equal(cells.length, spec.columns.length, `${row.id}: one cell per column`);
      }
    });

    test(`${lang}/${name}.tsv examples match and counter-examples do not`, () => {
      for (const row of rows) {
        const find = finder(name, row, lang);
        if (row.example) {
          const found = find(row.example);
          const occ = occurrences(row.example, row);
          assert.ok(found.length > 0, `${row.id}: example ${JSON.stringify(row.example)} gives a mention`);
          if (occ.length > 0) {
            const beside = spec.beside.includes(row.kind) || (name === "money" && row.flags.has("range"));
            const ok = occ.some((o) =>
              found.some((m) =>
                beside
                  ? (m.start >= o.end && m.start - o.end <= 2) || (m.end <= o.start && o.start - m.end <= 2)
                  : m.start <= o.start && m.end >= o.end,
              ),
            );
            assert.ok(ok, `${row.id}: a mention in ${JSON.stringify(row.example)} covers its form; got ${JSON.stringify(found.map((m) => row.example.slice(m.start, m.end)))}`);
          }
        }
        if (row.counter) {
          const found = find(row.counter);
          assert.ok(!found.some((m) => m.rule === row.id), `${row.id}: counter-example ${JSON.stringify(row.counter)} gives no mention of this row`);
          for (const o of occurrences(row.counter, row)) {
            const hit = found.find((m) => m.start < o.end && m.end > o.start);
            assert.equal(hit, undefined, `${row.id}: no mention covers its form in ${JSON.stringify(row.counter)}`);
          }
        }
      }
    });
  }
}

test("every language with tables has all three", () => {
  for (const lang of LANGS) {
    const present = (["numbers", "money", "dates"] as Name[]).filter((n) => existsSync(new URL(`${lang}/${n}.tsv`, ROOT)));
    assert.ok(present.length === 0 || present.length === 3, `${lang}: ${present.join(", ")}`);
  }
});
