import { fold } from "../catalog/fold.ts";
import { gazetteerFor } from "../catalog/gazetteer.ts";
import { FirstWordIndex, tokenize, type PhraseMatch, type Token } from "../catalog/phrases.ts";
import type { Catalog, Category } from "../catalog/types.ts";
import { KIND, type Lexicon, type Trigger, type WordKindName } from "./lexicon.ts";
import { countWords } from "./normalise/numbers.ts";
import type { Lang } from "./normalise/types.ts";

export type MentionKind = "state" | "demonym" | "actor" | "system" | "category" | "maker" | "source" | "person";

/** A named thing in the text, with its token range [first, last]. */
export interface Mention {
  kind: MentionKind;
  start: number;
  end: number;
  first: number;
  last: number;
  /** Catalog id (state code, system id, maker id, source id, nsa id); for persons, the name. */
  id: string;
  /** The state or non-state actor this mention can stand for as a party to a transfer. */
  party: string | null;
  category?: Category;
  /** For states: how it was named (name, seat, force). */
  nameKind?: string;
  /** How to write it in a source chain or an item name. */
  label: string;
  rule: string;
}

/**
 * A mention with every field written, in one order, whatever stage makes it: all mentions then share one hidden class,
 * so the stages' reads of a mention's fields stay monomorphic (mentions made with some fields left out, or by
 * spreading another, would each have a class of their own).
 */
export function makeMention(m: Mention): Mention {
  return { kind: m.kind, start: m.start, end: m.end, first: m.first, last: m.last, id: m.id, party: m.party, category: m.category, nameKind: m.nameKind, label: m.label, rule: m.rule };
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Token range [first, end) */
  first: number;
  endToken: number;
  paragraph: number;
}

/** Everything the extraction stages share about one document. */
export interface Context {
  text: string;
  folded: string;
  tokens: Token[];
  lang: string;
  published: string | null;
  outlet: string | null;
  catalog: Catalog;
  lex: Lexicon;
  sentences: Sentence[];
  /** Sentence index of every token. */
  sentenceOf: Int32Array;
  mentions: Mention[];
  /** Index into `mentions` of the mention covering each token, or -1. */
  mentionAt: Int32Array;
  /** The transfer trigger starting at each token, once {@link triggerAt} has read it (undefined before). */
  triggerMatches: (PhraseMatch<Trigger> | null | undefined)[];
}

/** The transfer trigger starting at token `i`, if any: read once, as several stages ask for the same tokens. */
export function triggerAt(ctx: Context, i: number): PhraseMatch<Trigger> | null {
  if (i < 0 || i >= ctx.tokens.length) return null;
  let m = ctx.triggerMatches[i];
  if (m === undefined) ctx.triggerMatches[i] = m = ctx.lex.triggers.at(ctx.folded, ctx.tokens, i);
  return m;
}

/** Does a trigger start in [from, to)? */
export function triggerSince(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (triggerAt(ctx, k)) return true;
  return false;
}

/** Is a system or generic noun named in [from, to)? */
export function itemToldSince(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const kind = mentionAt(ctx, k)?.kind;
    if (kind === "system" || kind === "category") return true;
  }
  return false;
}

/** The last token of a word or phrase of "more" ("more", « de plus ») starting at token k, or -1. */
export function moreAt(ctx: Context, k: number): number {
  if (k < 0 || k >= ctx.tokens.length) return -1;
  const m = opensWordsAt(ctx, KIND["more-after-count"], k) ? ctx.lex.phrases.at(ctx.folded, ctx.tokens, k) : null;
  return m?.values.some((v) => v.kind === "more-after-count") ? m.last : isWordAt(ctx, KIND["more-after-count"], k) ? k : -1;
}

/** Is token k a count: a figure or a number word ("24", "six")? */
export function countAt(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k];
  return !!t && (/^\d/.test(t.text) || countWords(ctx.lang as Lang).has(t.text));
}

/** The first mention of a catalog entry in the document (indexed once per context). */
export function firstMention(ctx: Context, kind: MentionKind, id: string): Mention | undefined {
  let index = firstMentions.get(ctx);
  if (!index || index.size === 0 && ctx.mentions.length > 0) {
    index = new Map();
    for (const m of ctx.mentions) {
      let byId = index.get(m.kind);
      if (!byId) index.set(m.kind, (byId = new Map()));
      if (!byId.has(m.id)) byId.set(m.id, m);
    }
    firstMentions.set(ctx, index);
  }
  return index.get(kind)?.get(id);
}
/** Per context, the first mention of each catalog entry by kind and id (no key string made per lookup). */
const firstMentions = new WeakMap<Context, Map<MentionKind, Map<string, Mention>>>();

/** The mention covering token `i`, if any. */
export function mentionAt(ctx: Context, i: number): Mention | null {
  const k = ctx.mentionAt[i];
  return k === undefined || k < 0 ? null : ctx.mentions[k]!;
}

/** True when a word of `kind` ({@link KIND}) in the language's `words.tsv` is this folded token. */
export function isWord(ctx: Context, kind: number, token: string): boolean {
  return ctx.lex.wordKinds.has(kind, token);
}

/** Does the word end with one of the suffixes of `kind` ("briefing" ends in -ing)? */
export function endsWithAny(ctx: Context, kind: string, word: string): boolean {
  for (const suffix of ctx.lex.words.get(kind) ?? []) if (word.length > suffix.length + 2 && word.endsWith(suffix)) return true;
  return false;
}

/** A word with an adverb's ending ("-ly", « -ment »), unless an article makes it a noun ("the family", « le gouvernement »). */
export function adverbAt(ctx: Context, w: number): boolean {
  return endsWithAny(ctx, "adverb-suffix", ctx.tokens[w]!.text) && !isWordAt(ctx, KIND["determiner"], w - 1) && !isWordAt(ctx, KIND["definite"], w - 1);
}

/**
 * Token k, or undefined outside the text. The stages ask about the token before the first one (k = -1): read from the
 * array, -1 would be a property name, and a read of both indices and names is generic (megamorphic) at that site.
 */
export function tokenAt(ctx: Context, k: number): Token | undefined {
  return k >= 0 ? ctx.tokens[k] : undefined;
}

/** {@link isWord} of token k (false outside the text), read from the token's mark rather than its text. */
export function isWordAt(ctx: Context, kind: number, k: number): boolean {
  const t = tokenAt(ctx, k);
  return t !== undefined && ctx.lex.wordKinds.isWord(t.entry, kind);
}

/** Does token k open a form of `kind` ({@link KIND}) in `words.tsv` (a single word or the first of several)? Read from its mark. */
export function opensWordsAt(ctx: Context, kind: number, k: number): boolean {
  const t = tokenAt(ctx, k);
  return t !== undefined && ctx.lex.wordKinds.opens(t.entry, kind);
}

/** {@link KIND} as a map: a kind named by a variable is found faster in it than as a property of the object. */
const KIND_NUMBERS: ReadonlyMap<string, number> = new Map(Object.entries(KIND));

/** Does a form of this kind of `words.tsv` (one word or several) start at token k? */
export function phraseAt(ctx: Context, kind: WordKindName, k: number): boolean {
  const t = tokenAt(ctx, k);
  // Most tokens are no word of words.tsv: they open none of its forms, whatever the kind.
  if (t === undefined || !ctx.lex.wordKinds.isListed(t.entry) || !ctx.lex.wordKinds.opens(t.entry, KIND_NUMBERS.get(kind)!)) return false;
  const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
  return m !== null && hasValueOfKind(m.values, kind);
}

/** Does a form of this kind of `words.tsv` end at token k (one word or up to five)? */
export function phraseEndsAt(ctx: Context, kind: WordKindName, k: number): boolean {
  const n = KIND_NUMBERS.get(kind)!;
  for (let j = Math.max(0, k - 4); j <= k; j++) {
    if (!opensWordsAt(ctx, n, j)) continue;
    const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, j);
    if (m !== null && m.last === k && hasValueOfKind(m.values, kind)) return true;
  }
  return false;
}

/** Is one of a `words.tsv` phrase's values of `kind`? (A loop, not a closure made per call.) */
function hasValueOfKind(values: readonly { kind: string }[], kind: string): boolean {
  for (const v of values) if (v.kind === kind) return true;
  return false;
}

/** The raw text between two tokens. */
export function gapText(ctx: Context, a: number, b: number): string {
  const left = tokenAt(ctx, a);
  const right = tokenAt(ctx, b);
  if (!left || !right) return "";
  return ctx.text.slice(left.end, right.start);
}

/** Does a name follow token k, with a plain space ("the Italian company RCS Lab", « la société française Nexa »)? */
export function introducesName(ctx: Context, k: number): boolean {
  return !!ctx.tokens[k + 1] && gapText(ctx, k, k + 1) === " " && (ctx.mentionAt[k + 1] !== -1 || isCapitalised(ctx, k + 1));
}

/** Is the token capitalised in the original text? */
export function isCapitalised(ctx: Context, i: number): boolean {
  const t = tokenAt(ctx, i);
  if (!t) return false;
  const c = ctx.text.charCodeAt(t.start);
  // An ASCII unit is a capital exactly when it is A to Z: no case mapping (and no string) needed.
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = ctx.text[t.start]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

const SENTENCE_END = /[.!?…]/;

// Made once: tsx compiles a \p{…} literal inside a function at every call.
/** A word ending in two small letters ("contractor", "Ukraine"), not an abbreviation's capital ("U.S"). */
const WORD_ENDING_SMALL = /^\p{L}+\p{Ll}{2}$/u;
/** A capital followed by a small letter: a word opening a sentence. */
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;

/** A two-letter part after a full stop that is no word of the language ("Az" of "News.Az", not "Le" nor "It"). */
function domainPart(ctx: Pick<Context, "lex">, t: Token): boolean {
  return t.end - t.start <= 2 && !ctx.lex.wordKinds.has(KIND["function"], t.text) && !ctx.lex.wordKinds.has(KIND["definite"], t.text) && !ctx.lex.wordKinds.has(KIND["pronoun"], t.text) && !ctx.lex.wordKinds.has(KIND["determiner"], t.text);
}

/** A gap opening a line of a list: a line break, then a bullet ("→", "•", "-") and a space. */
export const LIST_ITEM_GAP = /\n[ \t]*[→•▪‣◦·*–-][ \t]/;

/** Splits paragraphs (line breaks) and sentences (end punctuation followed by a capital, quote or digit). */
export function segment(ctx: Pick<Context, "text" | "folded" | "tokens" | "lex">): { sentences: Sentence[]; sentenceOf: Int32Array } {
  const { text, tokens } = ctx;
  const sentences: Sentence[] = [];
  const sentenceOf = new Int32Array(tokens.length);
  let paragraph = 0;
  let startToken = 0;
  const abbreviations = ctx.lex.words.get("abbreviation") ?? new Set<string>();
  const close = (endToken: number, newParagraph: boolean) => {
    if (endToken > startToken) {
      const index = sentences.length;
      sentences.push({ index, start: tokens[startToken]!.start, end: tokens[endToken - 1]!.end, first: startToken, endToken, paragraph });
      for (let k = startToken; k < endToken; k++) sentenceOf[k] = index;
    }
    startToken = endToken;
    if (newParagraph && sentences.length && sentences[sentences.length - 1]!.paragraph === paragraph) paragraph++;
  };
  // Inside a list of lines opened by a colon ("the package contains:\n→ missiles…;\n→ shells"): one sentence.
  let inList = false;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (plainGap(text, tokens[i]!.end, tokens[i + 1]!.start)) continue;
    const gap = text.slice(tokens[i]!.end, tokens[i + 1]!.start);
    if (gap.includes("\n")) {
      if (LIST_ITEM_GAP.test(gap) && (inList || /^\s*:/.test(gap))) {
        inList = true;
        continue;
      }
      inList = false;
      close(i + 1, true);
      continue;
    }
    const m = SENTENCE_END.exec(gap);
    if (!m) continue;
    const after = gap.slice(m.index + 1);
    if (!/^["'»”’)\]]*\s/.test(after) && after !== "") continue;
    // "…a Korean defense contractor.Under the deal…": pages that lose the space after a full stop still end the sentence there.
    // ("News.Az reports": a name like a domain, whose part after the stop is two letters and no word of the language, goes on.)
    if (after === "" && !(gap === "." && WORD_ENDING_SMALL.test(text.slice(tokens[i]!.start, tokens[i]!.end)) && CAPITALISED_WORD.test(text.slice(tokens[i + 1]!.start, tokens[i + 1]!.start + 2)) && !domainPart(ctx, tokens[i + 1]!))) continue;
    const next = text[tokens[i + 1]!.start]!;
    const opensSentence = next !== next.toLowerCase() || /[0-9"«“]/.test(next) || /["«“]/.test(after);
    if (!opensSentence) continue;
    // "U.S." "Jan." "M." are not sentence ends.
    if (gap[m.index] === "." && m.index === 0) {
      if (isAbbreviation(text, tokens, abbreviations, i)) continue;
    }
    close(i + 1, false);
  }
  close(tokens.length, false);
  return { sentences, sentenceOf };
}

/** The gazetteer's options the mentions stage reads names with. */
export const MENTION_NAMES = { people: true } as const;

const firstWordIndexes = new WeakMap<Catalog, Map<Lexicon, FirstWordIndex>>();

/**
 * One index of the first words of the language's rule tries and of the catalog's names, made once for the pair. The
 * words of `words.tsv` lead it, so a token's entry numbers its word in {@link Lexicon.wordKinds} ({@link isWordAt}).
 */
function firstWordIndex(catalog: Catalog, lex: Lexicon): FirstWordIndex {
  let byLexicon = firstWordIndexes.get(catalog);
  if (!byLexicon) firstWordIndexes.set(catalog, (byLexicon = new Map()));
  let index = byLexicon.get(lex);
  if (!index) {
    const names = gazetteerFor(catalog, lex.lang, MENTION_NAMES).phrases;
    byLexicon.set(lex, (index = new FirstWordIndex([lex.triggers, lex.roles, lex.stance, lex.attribution, lex.phrases, names], lex.wordKinds.words)));
  }
  return index;
}

/**
 * Is text[from, to), the gap between two tokens, nothing or a single space? Most gaps are, and such a gap holds no
 * punctuation or line break that a stage looks for (so it need not be cut out of the text to be read).
 */
export function plainGap(text: string, from: number, to: number): boolean {
  return to === from || (to === from + 1 && text.charCodeAt(from) === 0x20);
}

/** Builds the shared context: folding, tokens, sentences (mentions are added by the mentions stage). */
export function createContext(text: string, lang: string, published: string | null, outlet: string | null, catalog: Catalog, lex: Lexicon): Context {
  const folded = fold(text);
  const tokens = tokenize(folded);
  // Each token's text is looked up once for the phrases it may open in every trie the stages ask.
  firstWordIndex(catalog, lex).mark(tokens);
  const { sentences, sentenceOf } = segment({ text, folded, tokens, lex });
  // Every field written out (no spread of a base object): V8 gives an object spread and then extended a hidden class
  // of its own each time, so every stage reading a field of the context would look it up anew for every document.
  return {
    text,
    folded,
    tokens,
    lex,
    lang,
    published,
    outlet,
    catalog,
    sentences,
    sentenceOf,
    mentions: [],
    mentionAt: new Int32Array(tokens.length).fill(-1),
    triggerMatches: new Array(tokens.length),
  };
}

const WIRE_DATELINE = /^\p{Lu}[\p{Lu} .'\/-]{1,40},\s[^\n()]{0,30}?\([^)\n]{1,40}\)\s*(?:--|[-–—])\s/u;
const CITY_DATELINE = /^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)?\s(?:--|[–—-])\s/u;
/** "New Delhi, Feb 21 (IANS) ", "Paris, 3 mars (AFP) - ": a place, a day and an agency, the dash optional. */
const DATED_DATELINE = /^\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){0,2},\s(?:\p{L}{3,9}\.?\s\d{1,2}|\d{1,2}\s\p{L}{3,9}\.?)\s\([^)\n\d]{1,40}\)\s*(?:(?:--|[-–—])\s)?/u;
/** "MOSCOW (UrduPoint News / Sputnik - 22nd December, 2022) ": a place in capitals and, in brackets, the agency and the day. */
const BRACKETED_DATELINE = /^\p{Lu}{3,}(?: \p{Lu}{3,})?\s\([^)\n]{1,60}\d{4}\)\s/u;

/** Character ranges of datelines opening a paragraph ("WASHINGTON, Jan 27 (Reuters) - ", "Niamey – "): place and date of filing, not of the news. */
export function datelines(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /(^|\n)[ \t]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length;
    const line = text.slice(at, at + 120);
    const d = WIRE_DATELINE.exec(line) ?? DATED_DATELINE.exec(line) ?? BRACKETED_DATELINE.exec(line) ?? CITY_DATELINE.exec(line);
    if (d) out.push([at, at + d[0].length]);
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return out;
}

/** The agency a wire dateline names ("DUBAI, Nov 6 (Reuters) - "), in the first paragraphs: the text's producer. */
export function datelineAgency(text: string): string | null {
  for (const [start, end] of datelines(text.slice(0, 2000))) {
    const agency = /\(([^)\n\d]{1,40})\)\s*(?:[-–—]\s*)?$/u.exec(text.slice(start, end));
    if (agency) return agency[1]!.trim();
  }
  return null;
}

/** An upper-case letter (compiled once: tsx compiles a \p{…} literal in a function at every call). */
const UPPER = /\p{Lu}/u;

/** Is the dot after token `i` an abbreviation's ("U.S.", "Jan.", "Mr.", the initial in "J. Smith") rather than a full stop? */
function isAbbreviation(text: string, tokens: Token[], abbreviations: Set<string>, i: number): boolean {
  const word = tokens[i]!.text;
  const before = i > 0 && text.slice(tokens[i - 1]!.end, tokens[i]!.start) === "." ? `${tokens[i - 1]!.text}.${word}` : word;
  const inDesignation = i > 0 && tokens[i - 1]!.end === tokens[i]!.start;
  // "p." is a page and "J." an initial, but the P of "Mi-24P." ends a designation.
  const initial = word.length === 1 && UPPER.test(text[tokens[i]!.start]!);
  if (inDesignation && word.length === 1) return false;
  return abbreviations.has(word) || abbreviations.has(before) || initial;
}

/** Does token `i` end in an abbreviation's dot ("U.S. officials")? */
export function endsInAbbreviation(ctx: Context, i: number): boolean {
  return ctx.text[ctx.tokens[i]!.end] === "." && isAbbreviation(ctx.text, ctx.tokens, ctx.lex.words.get("abbreviation") ?? new Set(), i);
}
