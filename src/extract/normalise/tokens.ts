// A linear tokenizer for the normalisers: words (letters and marks), digit
// runs and single punctuation marks, with their offsets; whitespace is not a
// token but the gap between two tokens. Letter/digit boundaries split tokens,
// so "TB2" is "TB" glued to "2" and a designation can be recognised by glue.

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

function punctNorm(c: number, ch: string): [number, string] {
  switch (c) {
    case 0x27: case 0x2019: case 0x2018: case 0x2bc: case 0x2032:
      return [APOS, "'"];
    case 0x2d: case 0x2010: case 0x2011:
      return [HYPHEN, "-"];
    case 0x2012: case 0x2013: case 0x2014: case 0x2212:
      return [PUNCT, "–"];
    default:
      return [PUNCT, ch];
  }
}

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The end of the run of ASCII letters at i (i itself when there is none). */
function asciiLettersEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
  return j;
}

/** The end of a word that goes on at j after its ASCII letters: further letters and marks are read by LETTERS. */
function wordEnd(text: string, j: number): number {
  if (j < text.length && text.charCodeAt(j) >= 0x80) {
    LETTERS.lastIndex = j;
    const m = LETTERS.exec(text);
    if (m) j += m[0].length;
  }
  return j;
}

/** The parallel arrays of tokens being read, grown as needed. */
class TokenArrays {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  readonly norm: string[] = [];
  count = 0;

  constructor(private cap: number) {
    this.kind = new Uint8Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
  }

  push(k: number, s: number, e: number, v: string): void {
    if (this.count === this.cap) {
      this.cap *= 2;
      const k2 = new Uint8Array(this.cap); k2.set(this.kind); this.kind = k2;
      const s2 = new Int32Array(this.cap); s2.set(this.start); this.start = s2;
      const e2 = new Int32Array(this.cap); e2.set(this.end); this.end = e2;
    }
    this.kind[this.count] = k; this.start[this.count] = s; this.end[this.count] = e; this.norm.push(v);
    this.count++;
  }
}

/** Splits a text into tokens in one pass. */
export function tokenize(text: string): Tokens {
  const n = text.length;
  const out = new TokenArrays(Math.min(n, 4096) + 16);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) { i++; continue; }
    if (digitValue(c) >= 0) {
      let j = i;
      let ascii = "";
      while (j < n) {
        const d = digitValue(text.charCodeAt(j));
        if (d < 0) break;
        ascii += String.fromCharCode(0x30 + d);
        j++;
      }
      out.push(DIGITS, i, j, ascii);
      i = j;
      continue;
    }
    let letter = isAsciiLetter(c);
    if (!letter && c >= 0x80) {
      LETTER_START.lastIndex = i;
      letter = LETTER_START.test(text);
    }
    if (letter) {
      const asciiEnd = asciiLettersEnd(text, i);
      const j = wordEnd(text, asciiEnd);
      const w = text.slice(i, j);
      // A word of ASCII letters only folds to its lower case.
      out.push(WORD, i, j, j === asciiEnd ? w.toLowerCase() : fold(w));
      i = j;
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    const [k, v] = punctNorm(c, ch);
    out.push(k, i, i + len, v);
    i += len;
  }
  return { text, n: out.count, kind: out.kind, start: out.start, end: out.end, norm: out.norm };
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
