import { test } from "node:test";
import assert from "node:assert/strict";
import { findTimes } from "../../src/extract/normalise/time.ts";
import type { Lang } from "../../src/extract/normalise/types.ts";

process.env.DOSSIER_STRICT = "1";

function read(text: string, lang: Lang, published: string | null): string[] {
  return findTimes(text, lang, published).map((m) => `${text.slice(m.start, m.end)} = ${m.from}..${m.to}${m.relative ? " (rel)" : ""}`);
}

/** Expects a mention whose text is `span` (or, when span is null, any mention) resolving to from..to. */
function expectTime(text: string, lang: Lang, published: string | null, span: string | null, from: string, to = from): void {
  const got = findTimes(text, lang, published);
  const ok = got.some((m) => (span === null || text.slice(m.start, m.end) === span) && m.from === from && m.to === to);
  assert.ok(ok, `${JSON.stringify(text)} (${published}): expected ${span ?? "*"} = ${from}..${to}, got ${JSON.stringify(read(text, lang, published))}`);
}

function expectNoTime(text: string, lang: Lang, published: string | null, part = text): void {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `test setup: ${part} not in ${text}`);
  const end = start + part.length;
  const hits = findTimes(text, lang, published).filter((m) => m.start < end && m.end > start);
  assert.deepEqual(hits.map((m) => text.slice(m.start, m.end)), [], `${JSON.stringify(text)}: no time expected in ${JSON.stringify(part)}`);
}

const PUB = "2022-05-24"; // a Tuesday

test("years", () => {
  expectTime("en 2013, Israël avait vendu", "fr", PUB, "2013", "2013");
  expectTime("in 2013 Israel sold", "en", PUB, "2013", "2013");
  expectTime("the 2019 deal", "en", null, "2019", "2019");
  expectNoTime("1 200 soldats", "fr", PUB);
  expectNoTime("2,013 troops", "en", PUB);
  expectNoTime("$2019 fee", "en", PUB, "2019");
  expectNoTime("2000 millions", "fr", PUB, "2000");
  expectNoTime("the 1990s-era F-2019", "en", PUB, "F-2019");
  expectNoTime("1850 was long ago", "en", PUB, "1850");
});

test("month and year", () => {
  expectTime("en mars 2021", "fr", PUB, "mars 2021", "2021-03");
  expectTime("in March 2021", "en", PUB, "March 2021", "2021-03");
  expectTime("in March of 2021", "en", PUB, "March of 2021", "2021-03");
  expectTime("asked in October 2021.", "en", PUB, "October 2021", "2021-10");
  expectTime("En février 2015, elle", "fr", PUB, "février 2015", "2015-02");
  expectTime("Sept. 2021", "en", PUB, "Sept. 2021", "2021-09");
});

test("month without a year is the latest on or before publication", () => {
  expectTime("in March", "en", PUB, "March", "2022-03");
  expectTime("in June", "en", PUB, "June", "2021-06");
  expectTime("in May", "en", PUB, "May", "2022-05");
  expectTime("en janvier", "fr", PUB, "janvier", "2022-01");
  expectTime("en décembre", "fr", PUB, "décembre", "2021-12");
  expectTime("en mars", "fr", "2022-03-01", "mars", "2022-03");
  expectTime("in March", "en", "2022", "March", "2022-03");
  expectNoTime("in March", "en", null);
});

test("May, March and Mars are not always months", () => {
  expectNoTime("Theresa May defended the deal", "en", PUB);
  expectNoTime("Journalists may find more", "en", PUB);
  expectNoTime("May I ask", "en", PUB);
  expectNoTime("a protest march", "en", PUB);
  expectNoTime("la mission vers Mars", "fr", PUB);
  expectNoTime("marsupial", "fr", PUB);
  expectNoTime("Jan Kowalski said", "en", PUB);
  expectNoTime("ils étaient sept.", "fr", PUB);
  expectTime("said in May that", "en", PUB, "May", "2022-05");
  expectTime("since May", "en", PUB, "since May", "2022-05", "2022-05");
  expectTime("until May", "en", PUB, "May", "2022-05");
  expectTime("by May", "en", PUB, "May", "2022-05");
  expectTime("late May", "en", PUB, "late May", "2022-05");
  expectTime("early May", "en", PUB, "early May", "2022-05");
  expectTime("mid-May", "en", PUB, "mid-May", "2022-05");
  expectTime("last May", "en", PUB, "last May", "2022-05");
  expectTime("next May", "en", PUB, "next May", "2023-05");
  expectTime("the end of May", "en", PUB, "the end of May", "2022-05");
  expectTime("May 2", "en", PUB, "May 2", "2022-05-02");
  expectTime("May 2021", "en", PUB, "May 2021", "2021-05");
  expectTime("2 May 2021", "en", PUB, "2 May 2021", "2021-05-02");
  expectTime("en mars", "fr", PUB, "mars", "2022-03");
  expectTime("mars dernier", "fr", PUB, "mars dernier", "2022-03");
  expectTime("le 3 mars", "fr", PUB, "3 mars", "2022-03-03");
  expectTime("début mars", "fr", PUB, "début mars", "2022-03");
  expectTime("le 7 sept. 2021", "fr", PUB, "7 sept. 2021", "2021-09-07");
  expectTime("jusqu'en mars", "fr", PUB, "mars", "2022-03");
  expectTime("jusqu’en mars", "fr", PUB, "mars", "2022-03");
  expectTime("d'ici mars", "fr", PUB, "mars", "2022-03");
});

test("names holding time words are not times", () => {
  expectNoTime("The Sunday Times reported", "en", PUB);
  expectNoTime("told the Mail on Sunday", "en", PUB);
  expectNoTime("the Long March 5 rocket", "en", PUB);
  expectNoTime("selon le Journal du dimanche", "fr", PUB);
  expectTime("The Sunday Times reported on Friday", "en", PUB, "Friday", "2022-05-20");
  expectTime("le Journal du dimanche, dimanche", "fr", PUB, "dimanche", "2022-05-22");
});

test("full dates", () => {
  expectTime("le 20 mai 2022", "fr", PUB, "20 mai 2022", "2022-05-20");
  expectTime("le 1er mai 2022", "fr", PUB, "1er mai 2022", "2022-05-01");
  expectTime("le premier mai", "fr", PUB, "premier mai", "2022-05-01");
  expectTime("May 20, 2022", "en", PUB, "May 20, 2022", "2022-05-20");
  expectTime("May 20th, 2022", "en", PUB, "May 20th, 2022", "2022-05-20");
  expectTime("20 May 2022", "en", PUB, "20 May 2022", "2022-05-20");
  expectTime("the 20th of May 2022", "en", PUB, "20th of May 2022", "2022-05-20");
  expectTime("on July 12, 2019, carried", "en", PUB, "July 12, 2019", "2019-07-12");
  expectTime("Friday, May 20, 2022", "en", PUB, "Friday, May 20, 2022", "2022-05-20");
  expectTime("vendredi 20 mai 2022", "fr", PUB, "vendredi 20 mai 2022", "2022-05-20");
  expectTime("2022-05-20", "en", PUB, "2022-05-20", "2022-05-20");
  expectTime("le 20/05/2022", "fr", PUB, "20/05/2022", "2022-05-20");
  expectTime("on 05/20/2022", "en", PUB, "05/20/2022", "2022-05-20");
  expectTime("on 20/05/2022", "en", PUB, "20/05/2022", "2022-05-20");
  // An impossible day is dropped; the month still counts.
  expectNoTime("le 31 février 2022", "fr", PUB, "31");
  expectTime("le 31 février 2022", "fr", PUB, "février 2022", "2022-02");
  expectNoTime("le 29 février 2022", "fr", PUB, "29");
  expectTime("le 29 février 2020", "fr", PUB, "29 février 2020", "2020-02-29");
});

test("day and month without a year", () => {
  expectTime("OSLO, Jan 27 (Example Wire)", "en", "2024-01-27", "Jan 27", "2024-01-27");
  expectTime("on Jan. 25", "en", "2024-01-27", "Jan. 25", "2024-01-25");
  expectTime("on Dec. 3", "en", "2021-12-15", "Dec. 3", "2021-12-03");
  expectTime("le 20 mai", "fr", PUB, "20 mai", "2022-05-20");
  expectTime("le 25 mai", "fr", PUB, "25 mai", "2021-05-25");
  expectTime("le 10 juin", "fr", "2011-10-20", "10 juin", "2011-06-10");
  expectTime("on 20 May", "en", PUB, "20 May", "2022-05-20");
  expectTime("le 20 mai", "fr", "2022-05", "20 mai", "2022-05-20");
  expectNoTime("le 20 seul", "fr", PUB);
  expectNoTime("le 20", "fr", PUB);
});

test("day lists and ranges", () => {
  expectTime("effectués les 20 et 21 mai.", "fr", PUB, "20 et 21 mai", "2022-05-20", "2022-05-21");
  expectTime("les 20, 21 et 22 mai 2021", "fr", PUB, "20, 21 et 22 mai 2021", "2021-05-20", "2021-05-22");
  expectTime("du 20 au 22 mai", "fr", PUB, "du 20 au 22 mai", "2022-05-20", "2022-05-22");
  expectTime("20-21 May", "en", PUB, "20-21 May", "2022-05-20", "2022-05-21");
  expectTime("May 20-22", "en", PUB, "May 20-22", "2022-05-20", "2022-05-22");
  expectTime("de 2002 à 2020", "fr", PUB, "de 2002 à 2020", "2002", "2020");
  expectTime("between 2014 and 2016", "en", PUB, "between 2014 and 2016", "2014", "2016");
  expectTime("from 2014 to 2016", "en", PUB, "from 2014 to 2016", "2014", "2016");
  expectTime("entre 2014 et 2016", "fr", PUB, "entre 2014 et 2016", "2014", "2016");
  expectTime("2014-2016", "en", PUB, "2014-2016", "2014", "2016");
  expectTime("2014–16", "en", PUB, "2014–16", "2014", "2016");
  expectTime("2008-2012", "fr", PUB, "2008-2012", "2008", "2012");
  expectTime("between Sept. 7 and Oct. 1", "en", "2023-11-02", "between Sept. 7 and Oct. 1", "2023-09-07", "2023-10-01");
  expectTime("de janvier à mars 2021", "fr", PUB, "de janvier à mars 2021", "2021-01", "2021-03");
  expectTime("entre novembre 2024 et avril 2025", "fr", PUB, "entre novembre 2024 et avril 2025", "2024-11", "2025-04");
  expectTime("from March 2020 to June", "en", PUB, "from March 2020 to June", "2020-03", "2020-06");
  expectTime("dans la nuit de lundi à mardi", "fr", PUB, "de lundi à mardi", "2022-05-23", "2022-05-24");
  expectTime("de 2016 à 2014", "fr", PUB, "2016", "2016");
  expectNoTime("entre 100 et 200 millions", "fr", PUB);
});

test("since", () => {
  expectTime("ouverte depuis 2009", "fr", PUB, "depuis 2009", "2009", "2022");
  expectTime("since 2016", "en", "2021-04-07", "since 2016", "2016", "2021");
  expectTime("since March 2018", "en", PUB, "since March 2018", "2018-03", "2022-05");
  expectTime("since early August", "en", "2023-11-02", "since early August", "2023-08", "2023-11");
  expectTime("depuis le 20 mai", "fr", PUB, "depuis le 20 mai", "2022-05-20", "2022-05-24");
  expectTime("depuis la mi-avril", "fr", "2019-05-10", "depuis la mi-avril", "2019-04", "2019-05");
  expectTime("depuis les années 70", "fr", PUB, "depuis les années 70", "1970", "2022");
  expectTime("since 2009", "en", null, "since 2009", "2009", "2009");
  expectTime("à partir de 2027", "fr", PUB, "à partir de 2027", "2027", "2027");
  expectNoTime("depuis plus de 20 ans", "fr", PUB);
});

test("decades", () => {
  expectTime("dans les années 70, Israël", "fr", PUB, "les années 70", "1970", "1979");
  expectTime("années 1970", "fr", PUB, "années 1970", "1970", "1979");
  expectTime("les années 2000", "fr", PUB, "les années 2000", "2000", "2009");
  expectTime("les années soixante-dix", "fr", PUB, "les années soixante-dix", "1970", "1979");
  expectTime("les années quatre-vingt", "fr", PUB, "les années quatre-vingt", "1980", "1989");
  expectTime("in the 1970s", "en", PUB, "1970s", "1970", "1979");
  expectTime("in the 1970's", "en", PUB, "1970's", "1970", "1979");
  expectTime("in the '70s", "en", PUB, "'70s", "1970", "1979");
  expectTime("in the ’70s", "en", PUB, "’70s", "1970", "1979");
  expectTime("in the 70s", "en", PUB, "70s", "1970", "1979");
  expectTime("the seventies", "en", PUB, "the seventies", "1970", "1979");
  expectTime("the late 1990s", "en", PUB, "late 1990s", "1997", "1999");
  expectTime("the early 2000s", "en", PUB, "early 2000s", "2000", "2003");
  expectTime("the mid-1970s", "en", PUB, "mid-1970s", "1974", "1976");
  expectTime("fin des années 90", "fr", PUB, "fin des années 90", "1997", "1999");
  expectTime("au début des années 2000", "fr", PUB, "au début des années 2000", "2000", "2003");
  expectNoTime("in their seventies", "en", PUB);
  expectNoTime("ces dernières années", "fr", PUB);
  expectNoTime("les années 2013", "fr", PUB, "années");
});

test("parts of a year and of a month", () => {
  expectTime("fin 2020", "fr", PUB, "fin 2020", "2020-10", "2020-12");
  expectTime("vers la fin 2020", "fr", PUB, "vers la fin 2020", "2020-10", "2020-12");
  expectTime("à la fin de 2020", "fr", PUB, "à la fin de 2020", "2020-10", "2020-12");
  expectTime("fin de l'année 2020", "fr", PUB, "fin de l'année 2020", "2020-10", "2020-12");
  expectTime("late 2020", "en", PUB, "late 2020", "2020-10", "2020-12");
  expectTime("end of 2020", "en", PUB, "end of 2020", "2020-10", "2020-12");
  expectTime("by the end of 2024", "en", PUB, "by the end of 2024", "2024-10", "2024-12");
  expectTime("début 2020", "fr", PUB, "début 2020", "2020-01", "2020-03");
  expectTime("early 2020", "en", PUB, "early 2020", "2020-01", "2020-03");
  expectTime("the beginning of 2020", "en", PUB, "the beginning of 2020", "2020-01", "2020-03");
  expectTime("mi-2020", "fr", PUB, "mi-2020", "2020-05", "2020-08");
  expectTime("mid-2020", "en", PUB, "mid-2020", "2020-05", "2020-08");
  expectTime("mid 2020", "en", PUB, "mid 2020", "2020-05", "2020-08");
  expectTime("the first half of 2021", "en", PUB, "the first half of 2021", "2021-01", "2021-06");
  expectTime("au second semestre 2023", "fr", PUB, "au second semestre 2023", "2023-07", "2023-12");
  expectTime("Q3 2022", "en", PUB, "Q3 2022", "2022-07", "2022-09");
  expectTime("fin novembre", "fr", PUB, "fin novembre", "2021-11");
  expectTime("Fin août, Mediapart", "fr", "2011-10-20", "Fin août", "2011-08");
  expectTime("à la mi-juillet", "fr", "2020-02-05", "à la mi-juillet", "2019-07");
  expectTime("late January", "en", "2023-04-15", "late January", "2023-01");
  expectTime("at the end of March", "en", "2023-04-15", "at the end of March", "2023-03");
  expectTime("Fin septembre 2021", "fr", PUB, "Fin septembre 2021", "2021-09");
  expectNoTime("start 2020 deliveries", "en", PUB, "start");
  expectNoTime("la fin de la guerre", "fr", PUB);
  expectNoTime("vendredi à la mi-journée", "fr", PUB, "mi-journée");
});

test("seasons", () => {
  expectTime("summer 2021", "en", PUB, "summer 2021", "2021-06", "2021-08");
  expectTime("l'été 2021", "fr", PUB, "l'été 2021", "2021-06", "2021-08");
  expectTime("à l’été 2021", "fr", PUB, "l’été 2021", "2021-06", "2021-08");
  expectTime("in the summer of 2021", "en", PUB, "summer of 2021", "2021-06", "2021-08");
  expectTime("winter 2021", "en", PUB, "winter 2021", "2021-12", "2022-02");
  expectTime("l'hiver 2021", "fr", PUB, "l'hiver 2021", "2021-12", "2022-02");
  expectTime("au printemps 2021", "fr", PUB, "printemps 2021", "2021-03", "2021-05");
  expectTime("autumn 2022", "en", PUB, "autumn 2022", "2022-09", "2022-11");
  expectTime("last summer", "en", PUB, "last summer", "2021-06", "2021-08");
  expectTime("last summer", "en", "2022-09-10", "last summer", "2022-06", "2022-08");
  expectTime("l'été dernier", "fr", PUB, "l'été dernier", "2021-06", "2021-08");
  expectTime("cet été", "fr", PUB, "cet été", "2022-06", "2022-08");
  // A season after a cue and no year is the one of the year of publication; bare, it is no time.
  expectTime("a commandé trente appareils au printemps", "fr", "2021-12-04", "printemps", "2021-03", "2021-05");
  expectTime("ordered 30 jets in the spring", "en", "2021-12-04", "spring", "2021-03", "2021-05");
  expectTime("this winter", "en", "2022-01-10", "this winter", "2021-12", "2022-02");
  expectNoTime("the fall of Kabul", "en", PUB);
  expectNoTime("il a été livré", "fr", PUB);
});

test("relative years, months and weeks", () => {
  expectTime("livrés l'an dernier", "fr", PUB, "l'an dernier", "2021");
  expectTime("l’année dernière", "fr", PUB, "l’année dernière", "2021");
  expectTime("last year", "en", PUB, "last year", "2021");
  expectTime("cette année", "fr", PUB, "cette année", "2022");
  expectTime("this year", "en", PUB, "this year", "2022");
  expectTime("next year", "en", PUB, "next year", "2023");
  expectTime("earlier this year", "en", PUB, "earlier this year", "2022-01", "2022-05");
  expectTime("plus tôt cette année", "fr", PUB, "plus tôt cette année", "2022-01", "2022-05");
  expectTime("le mois dernier", "fr", PUB, "le mois dernier", "2022-04");
  expectTime("last month", "en", "2022-01-10", "last month", "2021-12");
  expectTime("la semaine dernière", "fr", PUB, "la semaine dernière", "2022-05-16", "2022-05-22");
  expectTime("last week", "en", "2024-01-27", "last week", "2024-01-15", "2024-01-21");
  expectTime("earlier in the week", "en", "2024-01-27", "earlier in the week", "2024-01-22", "2024-01-27");
  expectTime("le week-end dernier", "fr", PUB, "le week-end dernier", "2022-05-21", "2022-05-22");
  expectTime("last weekend", "en", PUB, "last weekend", "2022-05-21", "2022-05-22");
  expectTime("last weekend", "en", "2022-05-22", "last weekend", "2022-05-14", "2022-05-15");
  expectTime("last weekend", "en", "2022-05-23", "last weekend", "2022-05-21", "2022-05-22");
  expectTime("il y a deux ans", "fr", PUB, "il y a deux ans", "2020");
  expectTime("il y a un an", "fr", PUB, "il y a un an", "2021");
  expectTime("two years ago", "en", PUB, "two years ago", "2020");
  expectTime("a year ago", "en", PUB, "a year ago", "2021");
  expectTime("three months ago", "en", PUB, "three months ago", "2022-02");
  expectTime("il y a 10 jours", "fr", PUB, "il y a 10 jours", "2022-05-14");
  expectNoTime("il y a quelques années", "fr", PUB);
});

test("relative months: dernier, last, last year", () => {
  expectTime("en juin dernier", "fr", PUB, "juin dernier", "2021-06");
  expectTime("en juin dernier", "fr", "2022-06-15", "juin dernier", "2022-06");
  expectTime("en novembre dernier", "fr", PUB, "novembre dernier", "2021-11");
  expectTime("en octobre dernier", "fr", "2021-03-10", "octobre dernier", "2020-10");
  expectTime("last June", "en", PUB, "last June", "2021-06");
  expectTime("in June last year", "en", PUB, "June last year", "2021-06");
  expectTime("in December last year", "en", "2021-11-15", "December last year", "2020-12");
  expectTime("in May last year", "en", "2023-06-29", "May last year", "2022-05");
  expectTime("juin de l'année dernière", "fr", PUB, "juin de l'année dernière", "2021-06");
  expectTime("en mars prochain", "fr", PUB, "mars prochain", "2023-03");
  expectTime("Last October, Cellebrite said", "en", "2021-04-07", "Last October", "2020-10");
});

test("weekdays and days", () => {
  expectTime("said on Friday", "en", "2024-01-27", "Friday", "2024-01-26");
  expectTime("said late on Friday", "en", "2024-01-27", "Friday", "2024-01-26");
  expectTime("on Friday", "en", "2024-01-26", "Friday", "2024-01-26");
  expectTime("on Saturday", "en", "2024-01-26", "Saturday", "2024-01-20");
  expectTime("vendredi", "fr", PUB, "vendredi", "2022-05-20");
  expectTime("mardi", "fr", PUB, "mardi", "2022-05-24");
  expectTime("mardi dernier", "fr", PUB, "mardi dernier", "2022-05-24");
  expectTime("last Tuesday", "en", PUB, "last Tuesday", "2022-05-24");
  expectTime("next Friday", "en", PUB, "next Friday", "2022-05-27");
  expectTime("ce jeudi", "fr", "2011-10-20", "ce jeudi", "2011-10-20");
  expectTime("hier", "fr", PUB, "hier", "2022-05-23");
  expectTime("yesterday", "en", "2022-03-01", "yesterday", "2022-02-28");
  expectTime("aujourd'hui", "fr", PUB, "aujourd'hui", "2022-05-24");
  expectTime("aujourd’hui", "fr", PUB, "aujourd’hui", "2022-05-24");
  expectTime("today", "en", PUB, "today", "2022-05-24");
  expectTime("avant-hier", "fr", PUB, "avant-hier", "2022-05-22");
  expectTime("demain", "fr", PUB, "demain", "2022-05-25");
  expectNoTime("friday", "en", PUB);
});

test("coarse or missing publication dates", () => {
  expectTime("vendredi", "fr", "2022-05", "vendredi", "2022-05");
  expectTime("hier", "fr", "2022", "hier", "2022");
  expectTime("l'an dernier", "fr", "2022", "l'an dernier", "2021");
  expectTime("le mois dernier", "fr", "2022-01", "le mois dernier", "2021-12");
  expectTime("en 2013", "fr", null, "2013", "2013");
  expectTime("fin 2020", "fr", null, "fin 2020", "2020-10", "2020-12");
  expectTime("hier", "fr", "2022-05-24T08:00:00Z", "hier", "2022-05-23");
  for (const p of [null, "", "garbage", "2022-13-01", "2022-02-30", "0000"]) {
    assert.deepEqual(findTimes("vendredi, hier, l'an dernier, en juin dernier, il y a deux ans", "fr", p), []);
  }
});

test("relative flag", () => {
  const [year] = findTimes("en 2013", "fr", PUB);
  assert.equal(year?.relative, false);
  const [rel] = findTimes("l'an dernier", "fr", PUB);
  assert.equal(rel?.relative, true);
  assert.equal(rel?.rule, "l-an-dernier");
});

test("Spanish and German basics", () => {
  expectTime("el 20 de mayo de 2022", "es", PUB, "20 de mayo de 2022", "2022-05-20");
  expectTime("en los años 70", "es", PUB, "los años 70", "1970", "1979");
  expectTime("a finales de 2020", "es", PUB, "a finales de 2020", "2020-10", "2020-12");
  expectTime("hace dos años", "es", PUB, "hace dos años", "2020");
  expectTime("el año pasado", "es", PUB, "el año pasado", "2021");
  expectTime("am 20. Mai 2022", "de", PUB, "20. Mai 2022", "2022-05-20");
  expectTime("in den 1970er Jahren", "de", PUB, "1970er Jahren", "1970", "1979");
  expectTime("vor zwei Jahren", "de", PUB, "vor zwei Jahren", "2020");
  expectTime("Ende 2020", "de", PUB, "Ende 2020", "2020-10", "2020-12");
  expectTime("seit 2009", "de", PUB, "seit 2009", "2009", "2022");
});

test("a wire story's dateline, weekday and month resolve against publication", () => {
  const text =
    "OSLO, Jan 27 (Example Wire) - The ministry said late on Friday that the request had been filed. The navy first asked for the boats in October 2021.";
  const got = read(text, "en", "2024-01-27");
  assert.deepEqual(got, ["Jan 27 = 2024-01-27..2024-01-27 (rel)", "Friday = 2024-01-26..2024-01-26 (rel)", "October 2021 = 2021-10..2021-10"]);
});

test("an anchored time counts from the time told before it, to its month unless it means a whole year; alone it is none", () => {
  const spans = (text: string, lang: "en" | "fr") => findTimes(text, lang, PUB).map((t) => `${text.slice(t.start, t.end)}=${t.from}..${t.to}`);
  assert.deepEqual(spans("In a 2021 report it named two operators. A year earlier, talks were reported.", "en"), ["2021=2021..2021", "A year earlier=2020..2020"]);
  assert.deepEqual(spans("ordered in May 2018 and delivered two years later", "en"), ["May 2018=2018-05..2018-05", "two years later=2020-05..2020-05"]);
  assert.deepEqual(spans("ordered in May 2018 and delivered the following year", "en"), ["May 2018=2018-05..2018-05", "the following year=2019..2019"]);
  assert.deepEqual(spans("a commencé en septembre 2021 à voler, commandés un an plus tôt", "fr"), ["septembre 2021=2021-09..2021-09", "un an plus tôt=2020-09..2020-09"]);
  assert.deepEqual(spans("A year later it was delivered.", "en"), []);
});
