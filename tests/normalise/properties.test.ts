// Properties every finder keeps on any input: it returns (never throws),
// every span lies within the text, spans are sorted and do not overlap, and
// values are well formed. Also: a 5 MB text and pathological inputs finish.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { findNumbers } from "../../src/extract/normalise/numbers.ts";
import { findMoney } from "../../src/extract/normalise/money.ts";
import { findTimes } from "../../src/extract/normalise/time.ts";
import type { Lang, MoneyMention, NumberMention, Span, TimeMention } from "../../src/extract/normalise/types.ts";

process.env.DOSSIER_STRICT = "1";

const LANGS: Lang[] = ["en", "fr", "es", "de", "ar"];
const ISO = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function checkSpans(text: string, spans: Span[]): void {
  let last = 0;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), "integer offsets");
    assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end, `span ${s.start}..${s.end} within ${text.length}`);
    assert.ok(s.start >= last, "sorted and non-overlapping");
    assert.ok(typeof s.rule === "string" && s.rule.length > 0, "has a rule id");
    last = s.end;
  }
}

function checkNumbers(text: string, ms: NumberMention[]): void {
  checkSpans(text, ms);
  for (const m of ms) assert.ok(Number.isFinite(m.value) && typeof m.approximate === "boolean");
}

function checkMoney(text: string, ms: MoneyMention[]): void {
  checkSpans(text, ms);
  for (const m of ms) assert.ok(Number.isFinite(m.amount) && /^[A-Z]{3}$/.test(m.currency));
}

function checkTimes(text: string, ms: TimeMention[]): void {
  checkSpans(text, ms);
  for (const m of ms) {
    assert.match(m.from, ISO);
    assert.match(m.to, ISO);
    assert.ok(m.from <= m.to, `${m.from} <= ${m.to}`);
  }
}

function checkAll(text: string, lang: Lang, published: string | null): void {
  checkNumbers(text, findNumbers(text, lang));
  checkMoney(text, findMoney(text, lang));
  checkTimes(text, findTimes(text, lang, published));
}

/** Pieces of news text that reach deep into the grammars when shuffled. */
const PIECES = [
  " ", " ", "\u00a0", "\u202f", "\n", "\n\n", ",", ".", "-", "–", "'", "’", "$", "€", "£", "¥", "US$", "M$", "/", "%", "(", ")",
  "0", "1", "2", "12", "20", "31", "70", "200", "000", "1,200", "1 200", "3,95", "1.5", "2013", "2020", "1970", "2014-2016", "2022-05-20", "20/05/2022",
  "a", "an", "the", "one", "two", "twenty", "hundred", "thousand", "million", "billion", "bn", "m", "k", "dozen", "couple of", "half a dozen", "and", "of", "about",
  "un", "une", "deux", "vingt", "et", "quatre", "soixante", "dix", "cent", "cents", "mille", "millions", "milliards", "vingtaine", "demi-douzaine", "de", "d'", "environ",
  "dollars", "euros", "dirhams", "émiratis", "won", "pounds", "livres", "yuan", "roubles", "NT$", "Rs",
  "May", "March", "mars", "mai", "Jan", "Jan.", "Sept.", "janvier", "juin", "Friday", "vendredi", "summer", "l'été", "hiver",
  "in", "en", "since", "depuis", "between", "entre", "from", "du", "au", "à", "to", "les", "années", "the", "s", "'70s", "1970s",
  "late", "early", "mid", "mi", "fin", "début", "end", "last", "dernier", "next", "year", "years", "ago", "il y a", "ans", "last year", "l'an dernier",
  "last week", "le week-end dernier", "hier", "yesterday", "aujourd'hui", "F-16", "S-400", "TB2", "155mm", "Su-30MKA", "1er", "20th",
];

const newsy = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(""));
const spaced = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(" "));
const published = fc.oneof(
  fc.constant(null),
  fc.constantFrom("2022-05-24", "2024-01-27", "2022", "2022-05", "2000-02-29", "1999-12-31", "bad", "", "2022-13-40"),
  fc.string({ maxLength: 12 }),
);

test("any binary string: the finders return well-formed results", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom(...LANGS), published, (text, lang, pub) => {
      checkAll(text, lang, pub);
    }),
    { numRuns: 300 },
  );
});

test("shuffled news fragments: the finders return well-formed results", () => {
  fc.assert(
    fc.property(fc.oneof(newsy, spaced), fc.constantFrom(...LANGS), published, (text, lang, pub) => {
      checkAll(text, lang, pub);
    }),
    { numRuns: 1500 },
  );
});

test("results do not depend on what the text shares with an earlier call", () => {
  fc.assert(
    fc.property(spaced, spaced, fc.constantFrom<Lang>("en", "fr"), (a, b, lang) => {
      const before = findNumbers(b, lang);
      findNumbers(a, lang);
      assert.deepEqual(findNumbers(b, lang), before);
    }),
    { numRuns: 200 },
  );
});

test("non-string input gives no mention", () => {
  const bad = [undefined, null, 42, {}, []] as unknown as string[];
  for (const x of bad) {
    assert.deepEqual(findNumbers(x, "en"), []);
    assert.deepEqual(findMoney(x, "fr"), []);
    assert.deepEqual(findTimes(x, "en", null), []);
  }
  assert.deepEqual(findNumbers("trois", "xx" as Lang), []);
});

const PARAGRAPH =
  "OSLO, Jan 27 (Example Wire) - The ministry cleared the purchase of 40 trainer jets, a package worth about $23 billion. " +
  "En 2013, le pays avait acheté trois drones pour 50 millions de dollars ; de 2002 à 2020, les délégations se sont rencontrées. Dans les années 70, " +
  "une vingtaine de chars, 1 200 soldats, 3,95 milliards d'euros, le 20 mai 2022, les 20 et 21 mai, l'an dernier, fin 2020, mi-2020, depuis 2009. " +
  "Theresa May said on Friday that £600m and NT$32.5 billion ($1.07 billion) were spent between Sept. 7 and Oct. 1, two years ago, in the 1970s.\n\n";

test("a 5 MB text of mixed content finishes", () => {
  let text = "";
  while (text.length < 5_000_000) text += PARAGRAPH;
  const numbers = findNumbers(text, "fr");
  const money = findMoney(text, "en");
  const times = findTimes(text, "fr", "2022-05-24");
  const copies = Math.floor(text.length / PARAGRAPH.length);
  assert.ok(numbers.length >= copies * 10, `numbers: ${numbers.length}`);
  assert.ok(money.length >= copies * 4, `money: ${money.length}`);
  assert.ok(times.length >= copies * 8, `times: ${times.length}`);
  const tail = text.slice(-PARAGRAPH.length);
  checkNumbers(tail, findNumbers(tail, "fr"));
});

test("pathological inputs finish", () => {
  const n = 50_000;
  const cases = [
    "1,".repeat(n) + "1",
    "1 000 ".repeat(n),
    "1".repeat(n),
    "un ".repeat(n),
    "quatre-vingt-".repeat(n),
    "vingt et ".repeat(n),
    "one hundred and ".repeat(n),
    "$".repeat(n),
    "'".repeat(n),
    "-".repeat(n),
    "de ".repeat(n),
    "between 2014 and ".repeat(n),
    "les 20 et ".repeat(n),
    "May May May ".repeat(n / 3),
    "\u00a0".repeat(n),
    "é".repeat(n),
    "a".repeat(n),
    "\ud800".repeat(n),
  ];
  for (const text of cases) {
    for (const lang of ["en", "fr"] as Lang[]) {
      checkNumbers(text, findNumbers(text, lang));
      checkMoney(text, findMoney(text, lang));
      checkTimes(text, findTimes(text, lang, "2022-05-24"));
    }
  }
});
