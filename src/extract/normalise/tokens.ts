// A linear tokenizer for the normalisers: words (letters and marks), digit
// runs and single punctuation marks, with their offsets; whitespace is not a
// token but the gap between two tokens. Letter/digit boundaries split tokens,
// so "TB2" is "TB" glued to "2" and a designation can be recognised by glue.
import { isLetterUnit } from "../../catalog/phrases.ts";

/** Token kinds. */
export const WORD = 1;
export const DIGITS = 2;
export const PUNCT = 3;
/** "-", U+2010, U+2011: joins words ("quatre-vingts") and designations ("F-16"). */
export const HYPHEN = 4;
/** ' ’ ‘ ʼ: joins words ("d'euros", "aujourd'hui"). */
export const APOS = 5;

/** The tokens of one text, as parallel arrays (a 5 MB text has about a million tokens). */
export interface Tokens {
  readonly text: string;
  readonly n: number;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Folded form: words lower-cased without accents, digits in ASCII, punctuation normalised. */
  readonly norm: string[];
}

const LETTERS = /[\p{L}\p{M}]+/uy;
const LETTER_START = /[\p{L}\p{M}]/uy;
const MARKS = /\p{M}+/gu;

export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff
  );
}

/** The value of a decimal digit (ASCII, Arabic-Indic, Extended Arabic-Indic), or -1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x660 && c <= 0x669) return c - 0x660;
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0;
  return -1;
}

/** No unit above 0x7f (a loop: cheaper than a regex test on the short words it is asked about). */
function isAscii(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) > 0x7f) return false;
  return true;
}

const foldCache = new Map<string, string>();

/** Folds a word as the lexicon matches it: lower case, no accents, œ æ ß spelled out. */
export function fold(word: string): string {
  if (isAscii(word)) return word.toLowerCase();
  const hit = foldCache.get(word);
  if (hit !== undefined) return hit;
  const folded = word
    .toLowerCase()
    .normalize("NFD")
    .replace(MARKS, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/** The kind of a punctuation mark. */
function punctKind(c: number): number {
  switch (c) {
    case 0x27: case 0x2019: case 0x2018: case 0x2bc: case 0x2032:
      return APOS;
    case 0x2d: case 0x2010: case 0x2011:
      return HYPHEN;
    default:
      return PUNCT;
  }
}

/** The normalised form of a punctuation mark `ch` (code unit c). */
function punctNorm(c: number, ch: string): string {
  switch (c) {
    case 0x27: case 0x2019: case 0x2018: case 0x2bc: case 0x2032:
      return "'";
    case 0x2d: case 0x2010: case 0x2011:
      return "-";
    case 0x2012: case 0x2013: case 0x2014: case 0x2212:
      return "–";
    default:
      return ch;
  }
}

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * The end of a word that goes on at j after its ASCII letters, in text[.., n): further letters and marks are read by
 * LETTERS, which stops at n as it would at the end of text.slice(0, n) (a pair of surrogates cut by n is no letter).
 */
function wordEnd(text: string, j: number, n: number): number {
  if (j >= n || text.charCodeAt(j) < 0x80) return j;
  // Units of the Basic Multilingual Plane by table; from a surrogate on, the (code-point) pattern reads the rest.
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c >= 0xd800 && c <= 0xdfff) {
      LETTERS.lastIndex = j;
      const m = LETTERS.exec(text);
      if (!m) return j;
      const end = j + m[0].length;
      if (end <= n) return end;
      return isHighSurrogate(text.charCodeAt(n - 1)) ? n - 1 : n;
    }
    if (!isLetterUnit(c)) return j;
  }
  return j;
}

/** Does a letter or mark start at surrogate i of text[.., n)? A surrogate without its pair before n is neither. */
function letterAtSurrogate(text: string, i: number, n: number): boolean {
  if (!isHighSurrogate(text.charCodeAt(i)) || i + 1 >= n || (text.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return false;
  LETTER_START.lastIndex = i;
  return LETTER_START.test(text);
}

/** Texts up to this length read their tokens into views of a shared block: no typed arrays of their own. */
const SHORT = 4096;
/** The shared block, and its first free entry. */
const BLOCK = 1 << 16;
let blockKind = new Uint8Array(BLOCK);
let blockStart = new Int32Array(BLOCK);
let blockEnd = new Int32Array(BLOCK);
let blockUsed = 0;

/**
 * Splits text[from, to) (the whole text by default) into tokens in one pass: the tokens of text.slice(from, to), their
 * offsets into `text`, so a sentence is read in place. The arrays have the capacity they always had (the length read
 * up to 4096, plus 16, doubled as needed), zero past the last token.
 * tokenize("Paid $5m. In 2020", 10) holds "In" at 10 and "2020" at 13.
 *
 * `known` are tokens of the same text already read with their folded text (the catalog's, from `firstKnown` on, in
 * order): an ASCII word or figure that spans one of them exactly takes that string as its folded form, which is the
 * same (lower-case ASCII), rather than a new one cut and lower-cased.
 */
export function tokenize(text: string, from = 0, to = text.length, known?: readonly { start: number; end: number; text: string }[], firstKnown = 0): Tokens {
  const n = to;
  let cap = Math.min(n - from, SHORT) + 16;
  let kindA: Uint8Array;
  let startA: Int32Array;
  let endA: Int32Array;
  /** Index of the first token in the arrays. */
  let base = 0;
  const short = n - from <= SHORT;
  if (short) {
    // A text of n units has at most n tokens: the region never fills.
    if (blockUsed + cap > BLOCK) {
      blockKind = new Uint8Array(BLOCK);
      blockStart = new Int32Array(BLOCK);
      blockEnd = new Int32Array(BLOCK);
      blockUsed = 0;
    }
    kindA = blockKind;
    startA = blockStart;
    endA = blockEnd;
    base = blockUsed;
    blockUsed += cap;
  } else {
    kindA = new Uint8Array(cap);
    startA = new Int32Array(cap);
    endA = new Int32Array(cap);
  }
  const norm: string[] = [];
  let count = 0;
  let i = from;
  /** The first known token not before i. */
  let kn = firstKnown;
  const nKnown = known === undefined ? 0 : known.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) { i++; continue; }
    if (!short && count === cap) {
      cap *= 2;
      const k2 = new Uint8Array(cap); k2.set(kindA); kindA = k2;
      const s2 = new Int32Array(cap); s2.set(startA); startA = s2;
      const e2 = new Int32Array(cap); e2.set(endA); endA = e2;
    }
    const at = base + count;
    if (digitValue(c) >= 0) {
      let j = i;
      let asciiOnly = true;
      while (j < n) {
        const u = text.charCodeAt(j);
        if (u >= 0x30 && u <= 0x39) { j++; continue; }
        if (digitValue(u) < 0) break;
        asciiOnly = false;
        j++;
      }
      let ascii = "";
      if (asciiOnly) {
        while (kn < nKnown && known![kn]!.start < i) kn++;
        const k = kn < nKnown ? known![kn]! : undefined;
        ascii = k !== undefined && k.start === i && k.end === j ? k.text : text.slice(i, j);
      } else for (let k = i; k < j; k++) ascii += String.fromCharCode(0x30 + digitValue(text.charCodeAt(k)));
      kindA[at] = DIGITS; startA[at] = i; endA[at] = j; norm.push(ascii); count++;
      i = j;
      continue;
    }
    let letter = isAsciiLetter(c);
    if (!letter && c >= 0x80) letter = c >= 0xd800 && c <= 0xdfff ? letterAtSurrogate(text, i, n) : isLetterUnit(c);
    if (letter) {
      // The run of ASCII letters, and whether it holds a capital.
      let asciiEnd = i;
      let upper = false;
      for (; asciiEnd < n; asciiEnd++) {
        const u = text.charCodeAt(asciiEnd);
        if (u >= 0x61 && u <= 0x7a) continue;
        if (u >= 0x41 && u <= 0x5a) { upper = true; continue; }
        break;
      }
      const j = wordEnd(text, asciiEnd, n);
      // A word of ASCII letters only folds to its lower case (itself, without a capital): the known token's text, if one spans it.
      let folded: string;
      if (j === asciiEnd) {
        while (kn < nKnown && known![kn]!.start < i) kn++;
        const k = kn < nKnown ? known![kn]! : undefined;
        if (k !== undefined && k.start === i && k.end === j) folded = k.text;
        else {
          const w = text.slice(i, j);
          folded = upper ? w.toLowerCase() : w;
        }
      } else folded = fold(text.slice(i, j));
      kindA[at] = WORD; startA[at] = i; endA[at] = j; norm.push(folded); count++;
      i = j;
      continue;
    }
    const len = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const ch = len === 1 ? text[i]! : text.slice(i, i + 2);
    kindA[at] = punctKind(c); startA[at] = i; endA[at] = i + len; norm.push(punctNorm(c, ch)); count++;
    i += len;
  }
  if (!short) return { text, n: count, kind: kindA, start: startA, end: endA, norm };
  return { text, n: count, kind: kindA.subarray(base, base + cap), start: startA.subarray(base, base + cap), end: endA.subarray(base, base + cap), norm };
}

let lastText: string | null = null;
let lastTokens: Tokens | null = null;

/** tokenize() with a one-entry cache, so the three finders run on one text tokenize it once. */
export function tokensOf(text: string): Tokens {
  if (lastTokens !== null && lastText === text) return lastTokens;
  const t = tokenize(text);
  lastText = text;
  lastTokens = t;
  return t;
}

/** True when token b directly follows token a with nothing between them. */
export function glued(t: Tokens, a: number, b: number): boolean {
  return b === a + 1 && b < t.n && a >= 0 && t.start[b] === t.end[a];
}

/**
 * The token after a, across a plain gap: whitespace of at most 4 characters
 * with at most one line break (or nothing). -1 at the end or across a
 * paragraph break.
 */
export function after(t: Tokens, a: number): number {
  const b = a + 1;
  if (a < 0 || b >= t.n) return -1;
  return gapOk(t, a, b) ? b : -1;
}

/** True when the gap between consecutive tokens a and a+1 is a short, single-line whitespace. */
export function gapOk(t: Tokens, a: number, b: number): boolean {
  const s = t.end[a]!;
  const e = t.start[b]!;
  if (e - s > 4) return false;
  let nl = 0;
  for (let k = s; k < e; k++) if (t.text.charCodeAt(k) === 0x0a) nl++;
  return nl <= 1;
}

/** The token after a across whitespace and at most one hyphen or apostrophe ("mid-2020", "d'euros"). */
export function afterJoin(t: Tokens, a: number): number {
  const b = after(t, a);
  if (b < 0) return -1;
  const k = t.kind[b];
  if (k === HYPHEN || k === APOS) return after(t, b);
  return b;
}

/** True when the text of token i starts with an upper-case letter. */
export function capitalised(t: Tokens, i: number): boolean {
  const ch = t.text.charAt(t.start[i]!);
  return ch !== ch.toLowerCase();
}

/** True when every letter of tokens i..j-1 is upper case. */
export function upperCase(t: Tokens, i: number, j: number): boolean {
  const s = t.text.slice(t.start[i]!, t.end[j - 1]!);
  return s === s.toUpperCase() && s !== s.toLowerCase();
}
