// Finds money amounts: a number with a currency before it ("$1.2bn",
// "US$ 48 million", "USD 5 million") or after it ("50 millions de dollars",
// "22 M$", "14-billion-euro"). Currency words and symbols, where they may
// stand, and the words that may join amount and currency ("de", "d'") are
// data (lang/<code>/money.tsv).
import type { Lang, MoneyMention } from "./types.ts";
import { type Match, type Row, type Table, WORD_CLASS, addWordClasses, cachedKeys, matchAt, table, wordClasses } from "./lexicon.ts";
import { type NumLex, type ParsedNumber, numLex, numberStarts, parseNumberAt } from "./numbers.ts";
import { DIGITS, PUNCT, WORD, type Tokens, after, afterJoin, glued, tokensOf } from "./tokens.ts";
import { type Candidate, selectLongest } from "./select.ts";

const isPre = (r: Row): boolean => r.flags.has("pre") && r.value !== "";
const isPost = (r: Row): boolean => r.flags.has("post") && r.value !== "";
const isLink = (r: Row): boolean => r.flags.has("link");
const isRange = (r: Row): boolean => r.flags.has("range");

function fits(row: Row, p: ParsedNumber): boolean {
  return !row.flags.has("scale") || p.scaled;
}

/** A currency after token j (the last token of an amount), across glue, a space or a hyphen, and a linking word. */
function currencyAfter(mt: Table, t: Tokens, j: number): Match | null {
  const k = glued(t, j, j + 1) && t.kind[j + 1] === PUNCT ? j + 1 : afterJoin(t, j);
  if (k < 0) return null;
  const direct = matchAt(mt, t, k, isPost);
  const link = matchAt(mt, t, k, isLink);
  if (link) {
    const k2 = afterJoin(t, link.end - 1);
    const linked = k2 >= 0 ? matchAt(mt, t, k2, isPost) : null;
    if (linked && (!direct || linked.end > direct.end)) return linked;
  }
  return direct;
}

function mention(t: Tokens, a: number, b: number, amount: number, row: Row): Candidate<MoneyMention> {
  return { start: a, end: b, item: { start: t.start[a]!, end: t.end[b - 1]!, rule: row.id, amount, currency: row.value } };
}

/** A second amount after a range connector ("100 et 200 millions", "$1-2 billion"), or null. */
function rangeTail(mt: Table, t: Tokens, p: ParsedNumber, lex: NumLex): ParsedNumber | null {
  if (p.scaled) return null;
  const k = after(t, p.end - 1);
  if (k < 0) return null;
  const conn = matchAt(mt, t, k, isRange);
  if (!conn) return null;
  const k2 = after(t, conn.end - 1);
  const q = k2 >= 0 ? parseNumberAt(t, k2, lex, { money: true, noApprox: true }) : null;
  return q && q.scaled ? q : null;
}

function prefixAt(mt: Table, t: Tokens, i: number, lex: NumLex, out: Candidate<MoneyMention>[]): void {
  const m = matchAt(mt, t, i, isPre);
  if (!m) return;
  // A symbol glued to a word we do not know ("XY$") is not a plain dollar sign.
  if (t.kind[i] === PUNCT && i > 0 && glued(t, i - 1, i) && t.kind[i - 1] === WORD) return;
  const last = m.end - 1;
  const k = glued(t, last, m.end) ? m.end : after(t, last);
  if (k < 0 || (t.kind[k] !== DIGITS && t.kind[k] !== WORD)) return;
  const p = parseNumberAt(t, k, lex, { money: true, gluedLeft: true, noApprox: true });
  if (!p) return;
  const row = m.rows.find((r) => fits(r, p));
  if (!row) return;
  const tail = rangeTail(mt, t, p, lex);
  if (tail) {
    out.push(mention(t, i, p.end, p.value * tail.scale, row));
    out.push(mention(t, tail.core, tail.end, tail.value, row));
    return;
  }
  out.push(mention(t, i, p.end, p.value, row));
}

function suffixAt(mt: Table, t: Tokens, i: number, lex: NumLex, out: Candidate<MoneyMention>[]): void {
  const p = parseNumberAt(t, i, lex, { money: true, noApprox: true });
  if (!p) return;
  const c = currencyAfter(mt, t, p.end - 1);
  if (c) {
    const row = c.rows.find((r) => fits(r, p));
    if (row) out.push(mention(t, p.core, c.end, p.value, row));
    return;
  }
  const tail = rangeTail(mt, t, p, lex);
  if (!tail) return;
  const c2 = currencyAfter(mt, t, tail.end - 1);
  const row = c2?.rows.find((r) => fits(r, tail));
  if (row) out.push(mention(t, p.core, p.end, p.value * tail.scale, row));
}

const preCache = new WeakMap<Table, ReadonlySet<string>>();

/** The first words of the currencies written before an amount (prefixAt reads nothing at any other token). */
function preStarts(mt: Table): ReadonlySet<string> {
  let set = preCache.get(mt);
  if (!set) {
    const words = new Set<string>();
    for (const row of mt.rows) {
      if (!isPre(row)) continue;
      for (const form of row.forms) {
        const keys = cachedKeys(form);
        if (keys.length > 0) words.add(keys[0]!.key);
      }
    }
    preCache.set(mt, (set = words));
  }
  return set;
}

addWordClasses((lang) => [...preStarts(table(lang, "money"))].map((w) => [w, WORD_CLASS.moneyPre] as const));

/**
 * Money amounts in a text, sorted by start and non-overlapping (the longest
 * reading wins). Never throws: an internal error gives [] (DOSSIER_STRICT=1 rethrows it, for tests).
 */
export function findMoney(text: string, lang: Lang): MoneyMention[] {
  return typeof text === "string" && text.length > 0 ? moneyIn(tokensOf(text), lang) : [];
}

/** {@link findMoney} over tokens already read, with offsets into their text: moneyIn(tokenize("for $5m"), "en") is 5000000 USD at 4-7. */
export function moneyIn(t: Tokens, lang: Lang): MoneyMention[] {
  try {
    const lex = numLex(lang);
    const mt = table(lang, "money");
    // (preStarts(mt) and numberStarts(lex, true), read from the sentence's word classes.)
    const classes = wordClasses(t, lang);
    const out: Candidate<MoneyMention>[] = [];
    for (let i = 0; i < t.n; i++) {
      const bits = classes[i]!;
      if ((bits & WORD_CLASS.moneyPre) !== 0) prefixAt(mt, t, i, lex, out);
      const k = t.kind[i];
      if (k === DIGITS || (k === WORD && (bits & WORD_CLASS.numberStartNoApprox) !== 0)) suffixAt(mt, t, i, lex, out);
    }
    return selectLongest(out.filter((c) => Number.isFinite(c.item.amount)), t.n);
  } catch (err) {
    if (process.env.DOSSIER_STRICT === "1") throw err;
    return [];
  }
}
