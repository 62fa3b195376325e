import { test } from "node:test";
import assert from "node:assert/strict";
import { findNumbers } from "../../src/extract/normalise/numbers.ts";
import type { Lang } from "../../src/extract/normalise/types.ts";

process.env.DOSSIER_STRICT = "1";

/** [text of the mention, value, approximate] for every mention. */
function read(text: string, lang: Lang): [string, number, boolean][] {
  return findNumbers(text, lang).map((m) => [text.slice(m.start, m.end), m.value, m.approximate]);
}

function expectOne(text: string, lang: Lang, span: string, value: number, approximate = false): void {
  const got = read(text, lang);
  assert.ok(
    got.some(([s, v, a]) => s === span && v === value && a === approximate),
    `${JSON.stringify(text)}: expected ${JSON.stringify(span)} = ${value}${approximate ? " (approx)" : ""}, got ${JSON.stringify(got)}`,
  );
}

function expectNone(text: string, lang: Lang, part: string): void {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `test setup: ${part} not in ${text}`);
  const end = start + part.length;
  const hits = findNumbers(text, lang).filter((m) => m.start < end && m.end > start);
  assert.deepEqual(hits.map((m) => text.slice(m.start, m.end)), [], `${JSON.stringify(text)}: nothing expected in ${JSON.stringify(part)}`);
}

test("digits and separators, English", () => {
  expectOne("Turkey would buy 40 new jets", "en", "40", 40);
  expectOne("some 1,200 troops", "en", "some 1,200", 1200, true);
  expectOne("1,200,000 rounds", "en", "1,200,000", 1200000);
  expectOne("1 200 rounds", "en", "1 200", 1200);
  expectOne("1\u00a0200 rounds", "en", "1\u00a0200", 1200);
  expectOne("a $436.1 million deal", "en", "436.1 million", 436100000);
  expectOne("1.5 million rounds", "en", "1.5 million", 1500000);
  expectOne("1,234.5 tonnes", "en", "1,234.5", 1234.5);
  expectOne("1.200 km", "en", "1.200", 1.2);
});

test("digits and separators, French", () => {
  expectOne("1 200 soldats", "fr", "1 200", 1200);
  expectOne("1\u202f200 soldats", "fr", "1\u202f200", 1200);
  expectOne("1\u00a0200\u00a0000 obus", "fr", "1\u00a0200\u00a0000", 1200000);
  expectOne("1.200 soldats", "fr", "1.200", 1200);
  expectOne("1,5 million d'obus", "fr", "1,5 million", 1500000);
  expectOne("3,95 milliards", "fr", "3,95 milliards", 3950000000);
  expectOne("un taux de 8,4 %", "fr", "8,4", 8.4);
  expectOne("1.5 point", "fr", "1.5", 1.5);
  expectOne("436 000 obus", "fr", "436 000", 436000);
});

test("years are numbers", () => {
  expectOne("in 2013 Israel sold", "en", "2013", 2013);
  expectOne("en 2013, Israël", "fr", "2013", 2013);
  expectOne("de 2002 à 2020", "fr", "2020", 2020);
});

test("designations are not numbers", () => {
  for (const d of ["F-16", "S-400", "TB2", "Su-30MKA", "155mm", "MQ-9B", "AH-64E", "A400M", "MiG-29", "F-16s", "Block-70"]) {
    expectNone(`the ${d} fleet`, "en", d);
    expectNone(`les ${d} livrés`, "fr", d);
  }
  expectNone("Military Unit 02616x", "en", "02616x");
  expectOne("40 new F-16 Block 70 aircraft", "en", "70", 70);
  expectOne("mid-2020 deliveries", "en", "2020", 2020);
  expectOne("mi-2020", "fr", "2020", 2020);
});

test("unreadable digit strings give nothing", () => {
  expectNone("version 1.2.3 of the code", "en", "1.2.3");
  expectNone("a rate of 1,5", "en", "1,5");
  expectNone("code 12345678901234567890", "en", "12345678901234567890");
});

test("English number words", () => {
  expectOne("three Heron drones", "en", "three", 3);
  expectOne("twenty-three jets", "en", "twenty-three", 23);
  expectOne("twenty three jets", "en", "twenty three", 23);
  expectOne("ninety-nine shells", "en", "ninety-nine", 99);
  expectOne("two hundred and fifty tanks", "en", "two hundred and fifty", 250);
  expectOne("a hundred tanks", "en", "a hundred", 100);
  expectOne("three thousand troops", "en", "three thousand", 3000);
  expectOne("two million three hundred thousand rounds", "en", "two million three hundred thousand", 2300000);
  expectOne("twenty-three billion dollars", "en", "twenty-three billion", 23e9);
  expectOne("nineteen hundred", "en", "nineteen hundred", 1900);
  expectOne("Eight two-seat jets", "en", "Eight", 8);
  expectOne("one two", "en", "one", 1);
  expectOne("one two", "en", "two", 2);
  expectOne("more than one million shells", "en", "one million", 1000000);
  expectOne("more than a million shells", "en", "a million", 1000000);
});

test("English collectives and fixed amounts", () => {
  expectOne("two dozen drones", "en", "two dozen", 24);
  expectOne("a dozen drones", "en", "a dozen", 12);
  expectOne("a good dozen drones", "en", "a good dozen", 12);
  expectOne("half a dozen boats", "en", "half a dozen", 6);
  expectOne("a half-dozen boats", "en", "a half-dozen", 6);
  expectOne("a pair of helicopters", "en", "a pair of", 2);
  expectOne("a couple of drones", "en", "a couple of", 2, true);
  expectOne("a couple of hundred shells", "en", "a couple of hundred", 200, true);
  expectOne("half a million shells", "en", "half a million", 500000);
  expectNone("a handful of drones", "en", "a handful of drones");
  expectNone("dozens of drones", "en", "dozens");
  expectNone("hundreds of tanks", "en", "hundreds");
  expectNone("a few hundred soldiers", "en", "a few hundred");
  expectNone("millions of rounds", "en", "millions");
  expectNone("a deal", "en", "a deal");
});

test("English approximations and scales", () => {
  expectOne("about 40 tanks", "en", "about 40", 40, true);
  expectOne("nearly 2,000 licences", "en", "nearly 2,000", 2000, true);
  expectOne("an estimated 450 drones", "en", "an estimated 450", 450, true);
  expectOne("a 1.2bn deal", "en", "1.2bn", 1.2e9);
  expectOne("5 trillion won", "en", "5 trillion", 5e12);
  expectOne("500 crore", "en", "500 crore", 5e9);
  expectNone("a 40m vessel", "en", "40m");
  expectNone("£600m", "en", "600m");
});

test("French number words", () => {
  expectOne("trois drones Heron", "fr", "trois", 3);
  expectOne("vingt-cinq chars", "fr", "vingt-cinq", 25);
  expectOne("vingt et un", "fr", "vingt et un", 21);
  expectOne("vingt-et-une frégates", "fr", "vingt-et-une", 21);
  expectOne("trente-deux", "fr", "trente-deux", 32);
  expectOne("soixante-dix", "fr", "soixante-dix", 70);
  expectOne("soixante et onze", "fr", "soixante et onze", 71);
  expectOne("soixante-quinze obusiers", "fr", "soixante-quinze", 75);
  expectOne("soixante-dix-sept blindés", "fr", "soixante-dix-sept", 77);
  expectOne("quatre-vingts drones", "fr", "quatre-vingts", 80);
  expectOne("quatre-vingt-un", "fr", "quatre-vingt-un", 81);
  expectOne("quatre-vingt-onze", "fr", "quatre-vingt-onze", 91);
  expectOne("quatre-vingt-dix-neuf obus", "fr", "quatre-vingt-dix-neuf", 99);
  expectOne("dix-sept médias", "fr", "dix-sept", 17);
  expectOne("cent chars", "fr", "cent", 100);
  expectOne("trois cents numéros", "fr", "trois cents", 300);
  expectOne("deux cent mille hommes", "fr", "deux cent mille", 200000);
  expectOne("mille deux cents", "fr", "mille deux cents", 1200);
  expectOne("deux mille hommes", "fr", "deux mille", 2000);
  expectOne("deux milliards", "fr", "deux milliards", 2e9);
  expectOne("un million d'obus", "fr", "un million", 1e6);
  expectOne("trois et quatre", "fr", "trois", 3);
  expectOne("trois et quatre", "fr", "quatre", 4);
  expectOne("Septante chars", "fr", "Septante", 70);
});

test("French collectives", () => {
  expectOne("une vingtaine de drones", "fr", "une vingtaine", 20, true);
  expectOne("une bonne vingtaine de drones", "fr", "une bonne vingtaine", 20, true);
  expectOne("la vingtaine de drones", "fr", "la vingtaine", 20, true);
  expectOne("une demi-douzaine de navires", "fr", "une demi-douzaine", 6, true);
  expectOne("une douzaine de chars", "fr", "une douzaine", 12, true);
  expectOne("deux douzaines de chars", "fr", "deux douzaines", 24, true);
  expectOne("une centaine de soldats", "fr", "une centaine", 100, true);
  expectOne("un millier d'obus", "fr", "un millier", 1000, true);
  expectOne("une dizaine de millions d'euros", "fr", "une dizaine de millions", 1e7, true);
  expectOne("une centaine de milliers d'obus", "fr", "une centaine de milliers", 1e5, true);
  expectOne("une paire de Rafale", "fr", "une paire de", 2);
  expectNone("plusieurs centaines de millions", "fr", "plusieurs centaines de millions");
  expectNone("des dizaines de drones", "fr", "des dizaines");
  expectNone("des milliers d'obus", "fr", "des milliers");
  expectNone("mis en quarantaine", "fr", "quarantaine");
});

test("French approximations", () => {
  expectOne("environ 80 millions", "fr", "environ 80 millions", 8e7, true);
  expectOne("près de deux semaines", "fr", "près de deux", 2, true);
  expectOne("quelque 200 millions", "fr", "quelque 200 millions", 2e8, true);
  expectOne("Près de 2 milliards", "fr", "Près de 2 milliards", 2e9, true);
  expectNone("quelques jours", "fr", "quelques");
});

test("Spanish and German basics", () => {
  expectOne("treinta y dos tanques", "es", "treinta y dos", 32);
  expectOne("veintiún aviones", "es", "veintiún", 21);
  expectOne("ciento veinte tanques", "es", "ciento veinte", 120);
  expectOne("dos mil millones de dólares", "es", "dos mil millones", 2e9);
  expectOne("1.200 soldados", "es", "1.200", 1200);
  expectOne("1,5 millones", "es", "1,5 millones", 1.5e6);
  expectOne("una docena de drones", "es", "una docena", 12);
  expectOne("unos 40 tanques", "es", "unos 40", 40, true);
  expectOne("einundzwanzig Panzer", "de", "einundzwanzig", 21);
  expectOne("zweihundert Panzer", "de", "zweihundert", 200);
  expectOne("zwei Dutzend Drohnen", "de", "zwei Dutzend", 24);
  expectOne("1,5 Millionen Schuss", "de", "1,5 Millionen", 1.5e6);
  expectOne("rund 40 Panzer", "de", "rund 40", 40, true);
});

test("languages without tables still read plain digits", () => {
  expectOne("٣ طائرات و 40 دبابة", "ar", "٣", 3);
  expectOne("٣ طائرات و 40 دبابة", "ar", "40", 40);
});

test("mentions are sorted, non-overlapping and carry rule ids", () => {
  const text = "Ruritania will buy 20 Su-30 jets, 12 of Block 3 and eight two-seat trainers, under a 10-year plan.";
  const got = findNumbers(text, "en");
  // "two-seat", "10-year": a number joined by a hyphen to the word after it describes; it counts nothing.
  assert.deepEqual(got.map((m) => m.value), [20, 12, 3, 8]);
  for (let k = 1; k < got.length; k++) assert.ok(got[k - 1]!.end <= got[k]!.start);
  assert.ok(got.every((m) => m.rule.length > 0));
  assert.equal(got[3]!.rule, "eight");
});
