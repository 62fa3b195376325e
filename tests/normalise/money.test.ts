import { test } from "node:test";
import assert from "node:assert/strict";
import { findMoney } from "../../src/extract/normalise/money.ts";
import type { Lang } from "../../src/extract/normalise/types.ts";

process.env.DOSSIER_STRICT = "1";

function read(text: string, lang: Lang): [string, number, string][] {
  return findMoney(text, lang).map((m) => [text.slice(m.start, m.end), m.amount, m.currency]);
}

function expectOne(text: string, lang: Lang, span: string, amount: number, currency: string): void {
  const got = read(text, lang);
  assert.ok(
    got.some(([s, a, c]) => s === span && a === amount && c === currency),
    `${JSON.stringify(text)}: expected ${JSON.stringify(span)} = ${amount} ${currency}, got ${JSON.stringify(got)}`,
  );
}

function expectNone(text: string, lang: Lang): void {
  assert.deepEqual(read(text, lang), [], `${JSON.stringify(text)}: no money expected`);
}

test("English amounts with a symbol or code before them", () => {
  expectOne("valued at about $23 billion", "en", "$23 billion", 23e9, "USD");
  expectOne("a $1.2bn deal", "en", "$1.2bn", 1.2e9, "USD");
  expectOne("worth $23 billion", "en", "$23 billion", 23e9, "USD");
  expectOne("£600m", "en", "£600m", 6e8, "GBP");
  expectOne("£65bn in trade", "en", "£65bn", 65e9, "GBP");
  expectOne("US$ 48 million", "en", "US$ 48 million", 48e6, "USD");
  expectOne("US$48m", "en", "US$48m", 48e6, "USD");
  expectOne("USD 5 million", "en", "USD 5 million", 5e6, "USD");
  expectOne("USD5m", "en", "USD5m", 5e6, "USD");
  expectOne("€1.5 billion", "en", "€1.5 billion", 1.5e9, "EUR");
  expectOne("$8.6 billion", "en", "$8.6 billion", 8.6e9, "USD");
  expectOne("a $22m sale", "en", "$22m", 22e6, "USD");
  expectOne("$436.1 million", "en", "$436.1 million", 436.1e6, "USD");
  expectOne("$23.37 billion", "en", "$23.37 billion", 23.37e9, "USD");
  expectOne("¥50 billion", "en", "¥50 billion", 50e9, "JPY");
  expectOne("Rs 500 crore", "en", "Rs 500 crore", 5e9, "INR");
  expectOne("NIS 1.5 billion", "en", "NIS 1.5 billion", 1.5e9, "ILS");
  expectOne("$50k", "en", "$50k", 50000, "USD");
  expectOne("$30 million", "en", "$30 million", 30e6, "USD");
  expectOne("$2,500", "en", "$2,500", 2500, "USD");
});

test("English amounts in other currencies", () => {
  expectOne("NT$32.5 billion ($1.07 billion)", "en", "NT$32.5 billion", 32.5e9, "TWD");
  expectOne("NT$32.5 billion ($1.07 billion)", "en", "$1.07 billion", 1.07e9, "USD");
  expectOne("HK$1 billion", "en", "HK$1 billion", 1e9, "HKD");
  expectOne("A$3.5 billion", "en", "A$3.5 billion", 3.5e9, "AUD");
  expectOne("C$2 billion", "en", "C$2 billion", 2e9, "CAD");
  expectOne("10 billion yuan", "en", "10 billion yuan", 10e9, "CNY");
  expectOne("5 trillion won", "en", "5 trillion won", 5e12, "KRW");
  expectOne("500 crore rupees", "en", "500 crore rupees", 5e9, "INR");
  expectOne("20 billion dirhams", "en", "20 billion dirhams", 20e9, "AED");
  expectOne("20 billion UAE dirhams", "en", "20 billion UAE dirhams", 20e9, "AED");
  expectOne("3 billion Moroccan dirhams", "en", "3 billion Moroccan dirhams", 3e9, "MAD");
  expectOne("10 billion riyals", "en", "10 billion riyals", 10e9, "SAR");
  expectOne("500 million shekels", "en", "500 million shekels", 5e8, "ILS");
  expectOne("2 billion roubles", "en", "2 billion roubles", 2e9, "RUB");
  expectOne("2 billion rubles", "en", "2 billion rubles", 2e9, "RUB");
  expectOne("3 billion Turkish lira", "en", "3 billion Turkish lira", 3e9, "TRY");
  expectOne("10 billion CFA francs", "en", "10 billion CFA francs", 10e9, "XOF");
  expectOne("5 million pounds sterling", "en", "5 million pounds sterling", 5e6, "GBP");
  expectOne("a 20-million-pound deal", "en", "20-million-pound", 20e6, "GBP");
  expectOne("a 14-billion-euro contract", "en", "14-billion-euro", 14e9, "EUR");
  expectOne("17 billion euros", "en", "17 billion euros", 17e9, "EUR");
  expectOne("a million dollars", "en", "a million dollars", 1e6, "USD");
  expectOne("eighty million dollars", "en", "eighty million dollars", 80e6, "USD");
});

test("English ranges share scale and currency", () => {
  expectOne("$1-2 billion", "en", "$1", 1e9, "USD");
  expectOne("$1-2 billion", "en", "2 billion", 2e9, "USD");
  expectOne("between $1bn and $2bn", "en", "$1bn", 1e9, "USD");
  expectOne("between $1bn and $2bn", "en", "$2bn", 2e9, "USD");
  expectOne("between 1 and 2 billion dollars", "en", "1", 1e9, "USD");
});

test("English non-amounts", () => {
  expectNone("Turkey won the contract in 2019 won", "en");
  expectNone("500 pounds of explosives", "en");
  expectNone("billions of dollars", "en");
  expectNone("the dollar fell", "en");
  expectNone("a 40m vessel", "en");
  expectNone("XY$5", "en");
  expectNone("try 5 million times", "en");
});

test("French amounts", () => {
  expectOne("50 millions de dollars en 2013", "fr", "50 millions de dollars", 5e7, "USD");
  expectOne("1,2 milliard d'euros", "fr", "1,2 milliard d'euros", 1.2e9, "EUR");
  expectOne("1,2 milliard d’euros", "fr", "1,2 milliard d’euros", 1.2e9, "EUR");
  expectOne("3,95 milliards d'euros", "fr", "3,95 milliards d'euros", 3.95e9, "EUR");
  expectOne("8,6 milliards de dollars", "fr", "8,6 milliards de dollars", 8.6e9, "USD");
  expectOne("80 millions de dollars", "fr", "80 millions de dollars", 8e7, "USD");
  expectOne("deux milliards de dollars", "fr", "deux milliards de dollars", 2e9, "USD");
  expectOne("22 M$", "fr", "22 M$", 22e6, "USD");
  expectOne("10 M€", "fr", "10 M€", 1e7, "EUR");
  expectOne("3 Mds€", "fr", "3 Mds€", 3e9, "EUR");
  expectOne("500 000 euros", "fr", "500 000 euros", 5e5, "EUR");
  expectOne("500\u202f000\u00a0euros", "fr", "500\u202f000\u00a0euros", 5e5, "EUR");
  expectOne("un million d'euros", "fr", "un million d'euros", 1e6, "EUR");
  expectOne("environ 80 millions de dollars", "fr", "80 millions de dollars", 8e7, "USD");
  expectOne("une dizaine de millions d'euros", "fr", "une dizaine de millions d'euros", 1e7, "EUR");
  expectOne("80 millions USD", "fr", "80 millions USD", 8e7, "USD");
  expectOne("5 millions de dollars américains", "fr", "5 millions de dollars américains", 5e6, "USD");
  expectOne("$1.2bn", "fr", "$1.2bn", 1.2e9, "USD");
});

test("French currencies", () => {
  expectOne("3 milliards de dirhams", "fr", "3 milliards de dirhams", 3e9, "MAD");
  expectOne("20 milliards de dirhams émiratis", "fr", "20 milliards de dirhams émiratis", 2e10, "AED");
  expectOne("10 milliards de riyals", "fr", "10 milliards de riyals", 1e10, "SAR");
  expectOne("500 millions de shekels", "fr", "500 millions de shekels", 5e8, "ILS");
  expectOne("2 milliards de roubles", "fr", "2 milliards de roubles", 2e9, "RUB");
  expectOne("10 milliards de yuans", "fr", "10 milliards de yuans", 1e10, "CNY");
  expectOne("5 000 milliards de wons", "fr", "5 000 milliards de wons", 5e12, "KRW");
  expectOne("500 millions de roupies", "fr", "500 millions de roupies", 5e8, "INR");
  expectOne("5 millions de livres sterling", "fr", "5 millions de livres sterling", 5e6, "GBP");
  expectOne("10 milliards de francs CFA", "fr", "10 milliards de francs CFA", 1e10, "XOF");
  expectOne("3 milliards de livres turques", "fr", "3 milliards de livres turques", 3e9, "TRY");
  expectOne("3 milliards de lires turques", "fr", "3 milliards de lires turques", 3e9, "TRY");
  expectOne("50 milliards de yens", "fr", "50 milliards de yens", 5e10, "JPY");
});

test("French ranges and non-amounts", () => {
  expectOne("compris entre 100 et 200 millions d'euros", "fr", "100", 1e8, "EUR");
  expectOne("compris entre 100 et 200 millions d'euros", "fr", "200 millions d'euros", 2e8, "EUR");
  expectNone("plusieurs centaines de millions d'euros", "fr");
  expectNone("des dizaines de millions de dollars", "fr");
  expectNone("500 livres de poudre", "fr");
  expectNone("le dollar a baissé", "fr");
});

test("Spanish and German amounts", () => {
  expectOne("50 millones de dólares", "es", "50 millones de dólares", 5e7, "USD");
  expectOne("1,2 millones de euros", "es", "1,2 millones de euros", 1.2e6, "EUR");
  expectOne("dos mil millones de dólares", "es", "dos mil millones de dólares", 2e9, "USD");
  expectOne("50 Millionen Dollar", "de", "50 Millionen Dollar", 5e7, "USD");
  expectOne("1,2 Milliarden Euro", "de", "1,2 Milliarden Euro", 1.2e9, "EUR");
  expectOne("3 Mrd. Euro", "de", "3 Mrd. Euro", 3e9, "EUR");
});
