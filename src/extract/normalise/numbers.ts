// Finds numbers in raw text: digits with the language's separators ("1 200",
// "1,200", "3,95"), spelled-out numbers ("quatre-vingt-dix-neuf",
// "two hundred and five"), collectives ("une vingtaine", "two dozen"), scales
// ("1.5 million", "$1.2bn"). The words are data (lang/<code>/numbers.tsv);
// the code only knows how number words combine.
import type { Lang, NumberMention } from "./types.ts";
import { type Row, type Table, WORD_CLASS, addWordClasses, cachedKeys, matchAt, matchKind, table, wordClasses } from "./lexicon.ts";
import { APOS, DIGITS, HYPHEN, PUNCT, WORD, type Tokens, afterJoin, glued, tokensOf } from "./tokens.ts";
import { selectLongest } from "./select.ts";
import { fold } from "../../catalog/fold.ts";

/** The number table of a language with its separators decoded. */
export interface NumLex {
  readonly tab: Table;
  readonly thousandsPunct: ReadonlySet<string>;
  readonly thousandsSpace: boolean;
  readonly decimalPunct: ReadonlySet<string>;
  readonly hyphenPrefix: ReadonlySet<string>;
  /** Nouns a number joined by a hyphen still counts ("a 42-jet order", "the 12-ship deal"). */
  readonly hyphenCounted: ReadonlySet<string>;
}

const SEPARATOR_CHARS: Record<string, string[]> = { comma: [","], dot: ["."], apostrophe: ["'"], space: [] };
const THIN_SPACES = new Set([0x20, 0xa0, 0x202f, 0x2009, 0x2007]);
const lexCache = new Map<Lang, NumLex>();

/** The number lexicon of a language (cached). */
export function numLex(lang: Lang): NumLex {
  const hit = lexCache.get(lang);
  if (hit) return hit;
  const tab = table(lang, "numbers");
  const thousandsPunct = new Set<string>();
  const decimalPunct = new Set<string>();
  let thousandsSpace = false;
  const hyphenPrefix = new Set<string>();
  const hyphenCounted = new Set<string>();
  for (const row of tab.rows) {
    if (row.kind === "separator") {
      for (const name of row.forms) {
        const chars = SEPARATOR_CHARS[name] ?? [];
        for (const c of chars) (row.value === "decimal" ? decimalPunct : thousandsPunct).add(c);
        if (name === "space" && row.value === "thousands") thousandsSpace = true;
      }
    } else if (row.kind === "hyphen-prefix" || row.kind === "hyphen-counted") {
      for (const f of row.forms) (row.kind === "hyphen-prefix" ? hyphenPrefix : hyphenCounted).add(f.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, ""));
    }
  }
  const lex: NumLex = { tab, thousandsPunct, thousandsSpace, decimalPunct, hyphenPrefix, hyphenCounted };
  lexCache.set(lang, lex);
  return lex;
}

const countCache = new Map<Lang, ReadonlySet<string>>();

/** The number words that count several ("three", « douze »), folded: no article ("a", « un ») among them. */
export function countWords(lang: Lang): ReadonlySet<string> {
  let set = countCache.get(lang);
  if (set) return set;
  set = new Set(table(lang, "numbers").rows.filter((r) => r.kind === "word" && Number(r.value) >= 2).flatMap((r) => r.forms.map(fold)));
  countCache.set(lang, set);
  return set;
}

/** A number found at a token: tokens [start, end), value and how it was read. */
export interface ParsedNumber {
  /** First token, an approximation marker ("about") included. */
  readonly start: number;
  /** First token of the number itself. */
  readonly core: number;
  /** Token after the number. */
  readonly end: number;
  readonly value: number;
  readonly approximate: boolean;
  readonly rule: string;
  /** A scale word multiplied it ("million", "bn"). */
  readonly scaled: boolean;
  /** The multiplier of that scale word (1 without one). */
  readonly scale: number;
  /** Written with digits only, without a scale: the caller may read it as a year or a day. */
  readonly plainDigits: boolean;
}

export interface NumberOptions {
  /** Accept scale words that only make sense in money ("m", "k", "M"); default false. */
  readonly money?: boolean;
  /** Accept digits glued to a word on their left ("USD5m"), for a caller that already read that word; default false. */
  readonly gluedLeft?: boolean;
  /** Do not take an approximation marker before the number; default false. */
  readonly noApprox?: boolean;
}

type State = "start" | "article" | "det" | "unit" | "teen" | "ten" | "tenunit" | "compound" | "hundred" | "scale";
type Cls = "unit" | "teen" | "ten" | "compound" | "hundred" | "hundreds" | "scale";

function cls(v: number): Cls {
  if (v >= 1000) return "scale";
  if (v === 100) return "hundred";
  if (v > 100) return "hundreds";
  if (v < 10) return "unit";
  if (v < 20) return "teen";
  return v % 10 === 0 ? "ten" : "compound";
}

const NEXT: Record<State, readonly Cls[]> = {
  start: ["unit", "teen", "ten", "compound", "hundred", "hundreds", "scale"],
  article: ["hundred", "scale"],
  det: [],
  unit: ["hundred", "scale"],
  teen: ["hundred", "scale"],
  ten: ["unit", "teen", "scale"],
  tenunit: ["hundred", "scale"],
  compound: ["hundred", "scale"],
  hundred: ["unit", "teen", "ten", "compound", "scale"],
  scale: ["unit", "teen", "ten", "compound", "hundred", "hundreds"],
};
const AFTER_AND: Partial<Record<State, readonly Cls[]>> = {
  ten: ["unit", "teen"],
  hundred: ["unit", "teen", "ten", "compound"],
  scale: ["unit", "teen", "ten", "compound", "hundred", "hundreds"],
};

function numValue(row: Row): number {
  const v = Number(row.value);
  return Number.isFinite(v) && row.value !== "" ? v : NaN;
}

/** A digit run glued to a letter, or joined by a hyphen to a word ("F-16", "TB2", "Su-30"), is part of a designation. */
export function designationLeft(t: Tokens, i: number, lex: NumLex): boolean {
  if (i > 0 && glued(t, i - 1, i) && t.kind[i - 1] === WORD) return true;
  if (i > 1 && t.kind[i - 1] === HYPHEN && glued(t, i - 1, i) && glued(t, i - 2, i - 1) && t.kind[i - 2] === WORD) {
    // "mi-2020" is mid-year; "Mi-35" is a helicopter.
    return !(lex.hyphenPrefix.has(t.norm[i - 2]!) && /^\d{4}$/.test(t.norm[i]!));
  }
  return false;
}

function isNumPunct(t: Tokens, k: number): boolean {
  return t.kind[k] === PUNCT && (t.norm[k] === "." || t.norm[k] === ",");
}

function thinGap(t: Tokens, a: number, b: number): boolean {
  const s = t.end[a]!;
  return t.start[b]! - s === 1 && THIN_SPACES.has(t.text.charCodeAt(s));
}

/** mantissa / 10^k × scale without floating-point noise ("3,95 milliards" = 3950000000). */
function scaleValue(mantissa: string, k: number, scale: number): number {
  const m = Number(mantissa);
  const p = 10 ** k;
  if (scale >= p && scale % p === 0) return m * (scale / p);
  return (m * scale) / p;
}

const isScale = (r: Row): boolean => r.kind === "word" && numValue(r) >= 1000 && !r.flags.has("money");
const isMoneyScale = (r: Row): boolean => r.kind === "word" && numValue(r) >= 1000;
const isMultiplier = (r: Row): boolean => r.kind === "word" && numValue(r) >= 100 && !r.flags.has("money");
const isMoneyMultiplier = (r: Row): boolean => r.kind === "word" && numValue(r) >= 100;
const isWordPart = (r: Row): boolean => (r.kind === "word" && !r.flags.has("money")) || r.kind === "and";
const isMoneyWordPart = (r: Row): boolean => r.kind === "word" || r.kind === "and";
const isWordStart = (r: Row): boolean => isWordPart(r) || r.kind === "article";
const isMoneyWordStart = (r: Row): boolean => isMoneyWordPart(r) || r.kind === "article";

function scaleAfter(t: Tokens, j: number, lex: NumLex, money: boolean): { end: number; value: number; row: Row } | null {
  const k = glued(t, j, j + 1) && t.kind[j + 1] === WORD ? j + 1 : afterJoin(t, j);
  if (k < 0) return null;
  const m = matchAt(lex.tab, t, k, money ? isMoneyScale : isScale);
  if (!m) return null;
  const row = m.rows[0]!;
  return { end: m.end, value: numValue(row), row };
}

interface Base {
  end: number;
  value: number;
  rule: string;
  approximate: boolean;
  scaled: boolean;
  scale: number;
  plainDigits: boolean;
  integral: boolean;
}

function parseDigits(t: Tokens, i: number, lex: NumLex, opts: NumberOptions): Base | null {
  if (t.kind[i] !== DIGITS) return null;
  if (!opts.gluedLeft && designationLeft(t, i, lex)) return null;
  // The tail of a number we could not read ("1,5" in English, "1.2.3").
  if (i >= 2 && isNumPunct(t, i - 1) && glued(t, i - 1, i) && t.kind[i - 2] === DIGITS && glued(t, i - 2, i - 1)) return null;
  let int = t.norm[i]!;
  if (int.length > 15) return null;
  let j = i;
  let grouped = false;
  if (int.length <= 3) {
    for (let g = 0; g < 6; g++) {
      const a = j + 1;
      const b = j + 2;
      if (
        b < t.n && (t.kind[a] === PUNCT || t.kind[a] === APOS) && lex.thousandsPunct.has(t.norm[a]!) &&
        glued(t, j, a) && glued(t, a, b) && t.kind[b] === DIGITS && t.norm[b]!.length === 3
      ) {
        int += t.norm[b]!;
        j = b;
        grouped = true;
        continue;
      }
      if (lex.thousandsSpace && a < t.n && t.kind[a] === DIGITS && t.norm[a]!.length === 3 && thinGap(t, j, a)) {
        int += t.norm[a]!;
        j = a;
        grouped = true;
        continue;
      }
      break;
    }
  }
  let frac = "";
  if (
    j + 2 < t.n && t.kind[j + 1] === PUNCT && lex.decimalPunct.has(t.norm[j + 1]!) &&
    glued(t, j, j + 1) && glued(t, j + 1, j + 2) && t.kind[j + 2] === DIGITS && t.norm[j + 2]!.length <= 6
  ) {
    frac = t.norm[j + 2]!;
    j += 2;
  }
  if (j + 2 < t.n && isNumPunct(t, j + 1) && glued(t, j, j + 1) && glued(t, j + 1, j + 2) && t.kind[j + 2] === DIGITS) {
    return null;
  }
  const scale = scaleAfter(t, j, lex, opts.money === true);
  if (!scale && glued(t, j, j + 1) && t.kind[j + 1] === WORD) return null; // "155mm", "30MKA", "1990s"
  if (scale) {
    return {
      end: scale.end,
      value: scaleValue(int + frac, frac.length, scale.value),
      rule: scale.row.id,
      approximate: false,
      scaled: true,
      scale: scale.value,
      plainDigits: false,
      integral: true,
    };
  }
  const value = frac ? Number(`${int}.${frac}`) : Number(int);
  return {
    end: j + 1,
    value,
    rule: grouped ? "digits-grouped" : frac ? "digits-decimal" : "digits",
    approximate: false,
    scaled: false,
    scale: 1,
    plainDigits: !grouped && !frac,
    integral: !frac,
  };
}

interface WordsResult extends Base {
  state: State;
}

function parseWords(t: Tokens, i: number, lex: NumLex, opts: NumberOptions): WordsResult | null {
  let total = 0;
  let group = 0;
  let groupHasHundred = false;
  let state: State = "start";
  let lastScale = Infinity;
  let end = -1;
  let pos = i;
  let afterAnd = false;
  let scaled = false;
  const used: Row[] = [];
  const money = opts.money === true;
  for (let steps = 0; steps < 16 && pos >= 0 && pos < t.n; steps++) {
    if (t.kind[pos] !== WORD) break;
    const m = matchAt(lex.tab, t, pos, steps === 0 ? (money ? isMoneyWordStart : isWordStart) : money ? isMoneyWordPart : isWordPart);
    if (!m) break;
    const row = m.rows.find((r) => r.kind === "word") ?? m.rows[0]!;
    if (row.kind === "article") {
      state = row.value === "" || row.value === "-" ? "det" : "article";
      group = state === "article" ? 1 : 0;
      end = m.end;
      used.push(row);
      pos = afterJoin(t, m.end - 1);
      continue;
    }
    if (row.kind === "and") {
      if (afterAnd || !AFTER_AND[state]) break;
      afterAnd = true;
      pos = afterJoin(t, m.end - 1);
      continue;
    }
    const v = numValue(row);
    if (Number.isNaN(v)) break;
    const c = cls(v);
    const allowed: readonly Cls[] = afterAnd ? AFTER_AND[state] ?? [] : NEXT[state];
    if (!allowed.includes(c)) break;
    const bound = row.flags.has("bound");
    if (c === "hundred") {
      if (groupHasHundred) break;
      if (group === 0 && bound && state !== "article") break;
      group = (group || 1) * 100;
      groupHasHundred = true;
      state = "hundred";
    } else if (c === "hundreds") {
      if (group !== 0) break;
      group = v;
      groupHasHundred = true;
      state = "hundred";
    } else if (c === "scale") {
      if (v >= lastScale) break;
      if (group === 0) {
        if (total !== 0 || (bound && state !== "article")) break;
        group = 1;
      }
      total += group * v;
      group = 0;
      groupHasHundred = false;
      lastScale = v;
      state = "scale";
      scaled = true;
    } else {
      group += v;
      state = state === "ten" && (c === "unit" || c === "teen") ? "tenunit" : c;
    }
    afterAnd = false;
    used.push(row);
    end = m.end;
    pos = afterJoin(t, m.end - 1);
  }
  if (end < 0) return null;
  const value = total + group;
  const single = used.length === 1;
  return {
    end,
    value,
    rule: single ? used[0]!.id : "words",
    approximate: false,
    scaled,
    scale: scaled ? lastScale : 1,
    plainDigits: false,
    integral: true,
    state,
  };
}

/**
 * Reads a number starting at token i (an approximation marker first, if any),
 * or null. Used by findNumbers and by the money and time finders.
 */
export function parseNumberAt(t: Tokens, i: number, lex: NumLex, opts: NumberOptions = {}): ParsedNumber | null {
  if (i < 0 || i >= t.n) return null;
  let pos = i;
  let approximate = false;
  if (!opts.noApprox && t.kind[i] === WORD) {
    const a = matchKind(lex.tab, t, i, "approx");
    if (a) {
      const next = afterJoin(t, a.end - 1);
      if (next >= 0) {
        const inner = parseNumberAt(t, next, lex, { ...opts, noApprox: true });
        if (inner) return { ...inner, start: i, approximate: true };
      }
    }
  }
  const k = t.kind[pos];
  if (k !== DIGITS && k !== WORD) return null;
  let base: Base | null = null;
  let state: State = "start";
  const fixed = k === WORD ? matchKind(lex.tab, t, pos, "fixed") : null;
  if (fixed) {
    const row = fixed.rows[0]!;
    base = { end: fixed.end, value: numValue(row), rule: row.id, approximate: row.flags.has("approx"), scaled: false, scale: 1, plainDigits: false, integral: true };
    state = "compound";
  } else if (k === DIGITS) {
    base = parseDigits(t, pos, lex, opts);
    state = "compound";
  } else {
    const w = parseWords(t, pos, lex, opts);
    if (w) {
      base = w;
      state = w.state;
    }
  }
  if (!base || Number.isNaN(base.value)) return null;
  // A collective after a count, an article or a determiner: "two dozen", "une vingtaine", "une bonne vingtaine".
  if (base.integral && !base.scaled && (state !== "scale")) {
    let cpos = afterJoin(t, base.end - 1);
    if (cpos >= 0 && (state === "article" || state === "det" || state === "unit")) {
      const mod = matchKind(lex.tab, t, cpos, "modifier");
      if (mod) {
        const after = afterJoin(t, mod.end - 1);
        if (after >= 0 && matchKind(lex.tab, t, after, "collective")) cpos = after;
      }
    }
    const coll = cpos >= 0 ? matchKind(lex.tab, t, cpos, "collective") : null;
    if (coll) {
      const row = coll.rows[0]!;
      const mult = state === "det" ? 1 : base.value;
      let value = mult * numValue(row);
      let end = coll.end;
      let scaled = false;
      let scaleMult = 1;
      // "une dizaine de millions", "a couple of hundred"
      let spos = afterJoin(t, coll.end - 1);
      const of = spos >= 0 ? matchKind(lex.tab, t, spos, "of") : null;
      if (of) spos = afterJoin(t, of.end - 1);
      const scale = spos >= 0 ? matchAt(lex.tab, t, spos, opts.money === true ? isMoneyMultiplier : isMultiplier) : null;
      if (scale) {
        scaleMult = numValue(scale.rows[0]!);
        value *= scaleMult;
        end = scale.end;
        scaled = true;
      }
      if (!Number.isNaN(value)) {
        return { start: i, core: pos, end, value, approximate: approximate || row.flags.has("approx"), rule: row.id, scaled, scale: scaleMult, plainDigits: false };
      }
    }
  }
  if (state === "article" || state === "det") return null;
  return {
    start: i,
    core: pos,
    end: base.end,
    value: base.value,
    approximate: approximate || base.approximate,
    rule: base.rule,
    scaled: base.scaled,
    scale: base.scale,
    plainDigits: base.plainDigits,
  };
}

const startCache = new WeakMap<NumLex, [ReadonlySet<string>, ReadonlySet<string>]>();

/**
 * The words a number can start with in parseNumberAt (the first words of approximation markers, unless
 * `noApprox`, fixed forms, number words, "and" and articles): at any other word it reads nothing.
 */
export function numberStarts(lex: NumLex, noApprox: boolean): ReadonlySet<string> {
  let sets = startCache.get(lex);
  if (!sets) {
    const withApprox = new Set<string>();
    const without = new Set<string>();
    for (const row of lex.tab.rows) {
      const approx = row.kind === "approx";
      if (!approx && row.kind !== "fixed" && row.kind !== "word" && row.kind !== "and" && row.kind !== "article") continue;
      for (const form of row.forms) {
        const keys = cachedKeys(form);
        if (keys.length === 0) continue;
        withApprox.add(keys[0]!.key);
        if (!approx) without.add(keys[0]!.key);
      }
    }
    startCache.set(lex, (sets = [withApprox, without]));
  }
  return noApprox ? sets[1] : sets[0];
}

addWordClasses((lang) => {
  const lex = numLex(lang);
  const words: [string, number][] = [];
  for (const w of numberStarts(lex, false)) words.push([w, WORD_CLASS.numberStart]);
  for (const w of numberStarts(lex, true)) words.push([w, WORD_CLASS.numberStartNoApprox]);
  return words;
});

/**
 * Numbers in a text, sorted by start and non-overlapping (the longest reading
 * wins). Never throws: an internal error gives [] (DOSSIER_STRICT=1 rethrows it, for tests).
 */
export function findNumbers(text: string, lang: Lang): NumberMention[] {
  return typeof text === "string" && text.length > 0 ? numbersIn(tokensOf(text), lang) : [];
}

/** {@link findNumbers} over tokens already read, with offsets into their text: numbersIn(tokenize("of 1,200 guns"), "en") is 1200 at 3-8. */
export function numbersIn(t: Tokens, lang: Lang): NumberMention[] {
  try {
    const lex = numLex(lang);
    // (Whether a word opens a number, numberStarts(lex, false), read from the sentence's word classes.)
    const classes = wordClasses(t, lang);
    const found: { start: number; end: number; item: NumberMention }[] = [];
    for (let i = 0; i < t.n; i++) {
      const k = t.kind[i];
      if (k !== DIGITS && !(k === WORD && (classes[i]! & WORD_CLASS.numberStart) !== 0)) continue;
      const p = parseNumberAt(t, i, lex);
      if (!p || !Number.isFinite(p.value)) continue;
      // "two-seat jets", "a 10-year deal", "155-mm shells": a number joined by a hyphen to the word after it describes.
      // ("a 42-jet order", "the 12-ship deal": not a noun of the items counted.)
      if (p.end + 1 < t.n && t.kind[p.end] === HYPHEN && glued(t, p.end - 1, p.end) && glued(t, p.end, p.end + 1) && t.kind[p.end + 1] === WORD && !lex.hyphenCounted.has(t.norm[p.end + 1]!)) continue;
      const start = t.start[p.start]!;
      const end = t.end[p.end - 1]!;
      found.push({ start: p.start, end: p.end, item: { start, end, rule: p.rule, value: p.value, approximate: p.approximate } });
    }
    return selectLongest(found, t.n);
  } catch (err) {
    if (process.env.DOSSIER_STRICT === "1") throw err;
    return [];
  }
}
