import { existsSync } from "node:fs";
import { join } from "node:path";
import { LANG_DIR } from "../catalog/load.ts";
import { PhraseTrie, tokenize } from "../catalog/phrases.ts";
import { fold } from "../catalog/fold.ts";
import { DataError, multi, readTsv } from "../catalog/tsv.ts";

export type TriggerClass = "give" | "get" | "approve" | "deal" | "arrive" | "same" | "use" | "wield" | "supplier";
export type Status = "ordered" | "delivered" | "offered" | "negotiating" | "cancelled" | "unknown";
export type Stance = "asserted" | "alleged" | "denied";
export type Role = "onward" | "opposed" | "made-in" | "between" | "via" | "maker" | "destination" | "genitive" | "to-or-from" | "place" | "dative" | "source" | "agent" | "with" | "beneficiary" | "possessive" | "passive" | "skip" | "transparent";
export type StanceEffect = "alleged" | "denied" | "rejects" | "neutral" | "hypothetical" | "prospective" | "planned" | "demanded";
export type AttributionKind = "according-to" | "opening-for" | "speech" | "cited-by" | "citing" | "told" | "report" | "carry";

export interface Trigger {
  rule: string;
  cls: TriggerClass;
  status: Status;
  /** A sale verb ("sold", "acheté"): delivered, unless an order or contract beside it says how far it went. */
  sale: boolean;
}
export interface RoleWord {
  rule: string;
  role: Role;
}
export interface StanceMarker {
  rule: string;
  effect: StanceEffect;
}
export interface AttributionCue {
  rule: string;
  kind: AttributionKind;
}

/** The extraction rules of one language, compiled. */
export interface Lexicon {
  lang: string;
  triggers: PhraseTrie<Trigger>;
  roles: PhraseTrie<RoleWord>;
  stance: PhraseTrie<StanceMarker>;
  attribution: PhraseTrie<AttributionCue>;
  /** Closed word classes (`words.tsv`): single words by kind, and the multi-word forms. */
  words: Map<string, Set<string>>;
  phrases: PhraseTrie<{ rule: string; kind: string }>;
  /**
   * The same words and the first word of every form, each with its kinds and the kinds whose forms it opens (so a
   * search for a kind's phrases skips every other word), asked of a token by its number.
   */
  wordKinds: WordKinds;
  /** Every rule with its example, for the generic rule test. */
  examples: { file: string; rule: string; example: string; trie: PhraseTrie<{ rule: string }> }[];
}

const TRIGGER_CLASSES = new Set(["give", "get", "approve", "deal", "arrive", "same", "use", "wield", "supplier"]);
const STATUSES = new Set(["ordered", "delivered", "offered", "negotiating", "cancelled", "unknown"]);
const ROLES = new Set(["onward", "opposed", "made-in", "between", "via", "maker", "destination", "genitive", "to-or-from", "place", "dative", "source", "agent", "with", "beneficiary", "possessive", "passive", "skip", "transparent"]);
const EFFECTS = new Set(["alleged", "denied", "rejects", "neutral", "hypothetical", "prospective", "planned", "demanded"]);
const KINDS = new Set(["according-to", "opening-for", "speech", "cited-by", "citing", "told", "report", "carry"]);

function table<T extends { rule: string }>(
  dir: string,
  name: string,
  columns: string[],
  build: (cells: Record<string, string>, file: string, line: number) => T,
  examples: Lexicon["examples"],
): PhraseTrie<T> {
  const trie = new PhraseTrie<T>();
  const file = join(dir, name);
  if (!existsSync(file)) return trie;
  for (const { line, cells } of readTsv(file, columns)) {
    const value = build(cells, file, line);
    for (const form of multi(cells.forms)) trie.add(form, value, (a, b) => a.rule === b.rule);
    if (cells.example && cells.example !== "-") examples.push({ file, rule: value.rule, example: cells.example, trie });
  }
  return trie;
}

function check(set: Set<string>, value: string | undefined, file: string, line: number, column: string): string {
  if (!value || !set.has(value)) throw new DataError(file, line, `${column}: expected one of ${[...set].join(", ")} (got ${JSON.stringify(value ?? "")})`);
  return value;
}

function compile(lang: string): Lexicon {
  const dir = join(LANG_DIR, lang);
  const examples: Lexicon["examples"] = [];
  const closed = words(dir, lang);
  const attribution = table(dir, "attribution.tsv", ["id", "kind", "forms"], (c, f, l) => ({
    rule: `${lang}/attribution/${c.id}`,
    kind: check(KINDS, c.kind, f, l, "kind") as AttributionKind,
  }), examples);
  addInvertedSpeech(dir, lang, attribution);
  return {
    lang,
    triggers: table(dir, "transfer.tsv", ["id", "class", "status", "forms"], (c, f, l) => ({
      rule: `${lang}/transfer/${c.id}`,
      cls: check(TRIGGER_CLASSES, c.class, f, l, "class") as TriggerClass,
      status: c.status === "sold" ? "delivered" : (check(STATUSES, c.status, f, l, "status") as Status),
      sale: c.status === "sold",
    }), examples),
    roles: table(dir, "roles.tsv", ["id", "role", "forms"], (c, f, l) => ({
      rule: `${lang}/roles/${c.id}`,
      role: check(ROLES, c.role, f, l, "role") as Role,
    }), examples),
    stance: table(dir, "stance.tsv", ["id", "effect", "forms"], (c, f, l) => ({
      rule: `${lang}/stance/${c.id}`,
      effect: check(EFFECTS, c.effect, f, l, "effect") as StanceEffect,
    }), examples),
    attribution,
    ...closed,
    examples,
  };
}

/**
 * « a-t-il indiqué », « précise-t-elle », « ont-ils affirmé »: a reporting verb with its subject pronoun put after its
 * first word (the language's `inverted-subject` words) carries the current source, like "he said".
 */
function addInvertedSpeech(dir: string, lang: string, trie: PhraseTrie<AttributionCue>): void {
  const file = join(dir, "attribution.tsv");
  const wordsFile = join(dir, "words.tsv");
  if (!existsSync(file) || !existsSync(wordsFile)) return;
  const inverted = readTsv(wordsFile, ["id", "kind", "forms"]).flatMap(({ cells }) => (cells.kind === "inverted-subject" ? multi(cells.forms) : []));
  if (inverted.length === 0) return;
  for (const { cells } of readTsv(file, ["id", "kind", "forms"])) {
    if (cells.kind !== "speech") continue;
    const cue: AttributionCue = { rule: `${lang}/attribution/${cells.id}-inverted`, kind: "carry" };
    for (const form of multi(cells.forms)) {
      const [head, ...rest] = form.split(" ");
      for (const subject of inverted) trie.add([head, subject, ...rest].join(" "), cue, (a, b) => a.rule === b.rule);
    }
  }
}

/** The kinds of `words.tsv` the rules ask about (a name not listed here is a type error at the rule). */
const KIND_NAMES = [
  "aboard", "accused-participle", "additive", "addressee-verb", "against-prefix", "alternative", "anonymity", "any-determiner",
  "armed-with", "armed-with-blocker", "arms-aid", "aside", "audience", "auxiliary", "become-verb", "blame-verb",
  "briefed-participle", "buyer-noun", "capability", "choice-verb", "carrier", "carrying", "cause-opening", "charge-preposition", "cite-as-verb",
  "claim-noun", "clause-conjunction", "clause-opener", "combatant-modifier", "comment-opening", "companies-noun", "company-noun", "count-qualifier",
  "age-unit", "complementizer", "conjunction", "contracted-definite", "coordination", "copula", "country-group", "country-noun",
  "customer-noun", "date-word", "deal-terms", "definite", "demonstrative", "deployment", "determiner", "expectation",
  "finite-auxiliary", "first-of", "first-person", "first-person-plural", "function", "funding-link", "funding-verb",
  "get-from", "have-auxiliary", "indefinite-article", "infinitive-marker", "inserted-participle", "inventory", "inverting-relative",
  "irregular-participle", "item-link", "joint-purchase", "located-suffix", "maker-role", "matter-link", "measure-unit",
  "more-after-count", "more-word", "mounted-on", "name-homograph", "name-particle", "naming-participle", "negation",
  "negative-determiner", "not-a-cue", "not-a-name", "not-an-item", "not-a-transfer", "not-a-trigger", "object-pronoun", "office-role", "onlooker",
  "option-noun", "ordinal", "organisation-role", "outlet-word", "owner-relative", "part-link", "part-noun",
  "party-member", "person-role", "place-noun", "place-preposition", "platform-for", "plural-pronoun", "pluperfect-auxiliary", "possessive-determiner", "predicate-link", "preposition", "present-participle-suffix", "prevent-link", "prevent-verb",
  "pronoun", "provides-for", "published", "range-link", "rate-marker", "reaction-verb", "region-adjective", "relative",
  "report-medium-link", "reported-future", "request-noun", "rival-preposition", "role", "seizure", "sentence-adverb", "separate-deal", "sequence-preposition", "service-noun",
  "set-aside", "set-aside-end", "share-marker", "sighting-verb", "signing", "singular-definite", "software-noun", "speaking-as",
  "speaking-adjunct", "speculation", "speech-auxiliary", "speech-participle", "state-body", "state-pronoun", "system-cue", "statement-noun",
  "subject-relative", "summary-noun", "tally", "target", "testimony-link", "testimony-noun", "then-word",
  "thing-pronoun", "told-back", "time-noun", "time-opening", "title", "topic-noun", "topic-shift", "total-of", "trade-good", "turn-to", "unit-noun",
  "unit-price", "unit-price-link", "unnamed-party", "urge-link", "version-noun", "version-number-noun", "work-by",
  "work-noun", "work-partner"
] as const;
export type WordKindName = (typeof KIND_NAMES)[number];

/**
 * Each kind the rules ask about, numbered once for every language: a rule names one as `KIND["definite"]`, a number,
 * so that asking a token about it reads a bit ({@link WordKinds}) and looks up no name.
 */
export const KIND: Readonly<Record<WordKindName, number>> = Object.fromEntries(KIND_NAMES.map((name, n) => [name, n])) as Record<WordKindName, number>;

/**
 * The words of `words.tsv` (each single-word form, and the first word of every form), numbered, with the kinds each
 * is a word of and the kinds whose forms it opens as bits. The first-word index numbers these words first
 * ({@link FirstWordIndex}), so a token's entry there is its number here: a stage asks a token about a kind with no
 * lookup of its text.
 */
export class WordKinds {
  /** The words, by number. */
  readonly words: string[];
  /** The words of each {@link KIND}, by its number. */
  private readonly sets: (ReadonlySet<string> | undefined)[] = [];
  /** Two bits per kind and word: kind n's bit 2n if the word is one of its words, 2n + 1 if it opens one of its forms. */
  private readonly bits: Int32Array;
  private readonly stride = Math.ceil((2 * KIND_NAMES.length) / 32);

  constructor(words: Map<string, Set<string>>, starts: Map<string, Set<string>>) {
    const numbers = new Map<string, number>();
    for (const byKind of [words, starts]) for (const set of byKind.values()) for (const w of set) if (!numbers.has(w)) numbers.set(w, numbers.size);
    this.words = [...numbers.keys()];
    this.bits = new Int32Array(Math.max(1, this.words.length * this.stride));
    const kindNumber = (name: string): number | undefined => (Object.hasOwn(KIND, name) ? KIND[name as WordKindName] : undefined);
    for (const [bitOf, byKind] of [[(n: number) => 2 * n, words], [(n: number) => 2 * n + 1, starts]] as const) {
      for (const [kind, list] of byKind) {
        const n = kindNumber(kind);
        if (n === undefined) continue;
        if (byKind === words) this.sets[n] = list;
        for (const w of list) this.bits[numbers.get(w)! * this.stride + (bitOf(n) >>> 5)]! |= 1 << (bitOf(n) & 31);
      }
    }
  }

  /** Is `word` (folded) a word of the kind numbered `kind`? */
  has(kind: number, word: string): boolean {
    return this.sets[kind]?.has(word) ?? false;
  }

  /** Is `n` the number of a word of `words.tsv` (not -1, nor a first-word entry past the words)? */
  isListed(n: number): boolean {
    return n >= 0 && n < this.words.length;
  }

  /** Is the word numbered `n` (-1 for none) a word of the kind numbered `kind`? */
  isWord(n: number, kind: number): boolean {
    return this.bit(n, 2 * kind);
  }

  /** Does the word numbered `n` (-1 for none) open a form of the kind numbered `kind`? */
  opens(n: number, kind: number): boolean {
    return this.bit(n, 2 * kind + 1);
  }

  private bit(n: number, bit: number): boolean {
    return n >= 0 && n < this.words.length && (this.bits[n * this.stride + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
  }
}

function words(dir: string, lang: string): Pick<Lexicon, "words" | "phrases" | "wordKinds"> {
  const byKind = new Map<string, Set<string>>();
  const phrases = new PhraseTrie<{ rule: string; kind: string }>();
  const phraseStarts = new Map<string, Set<string>>();
  const file = join(dir, "words.tsv");
  if (existsSync(file)) {
    for (const { cells } of readTsv(file, ["id", "kind", "forms"])) {
      const set = byKind.get(cells.kind!) ?? new Set<string>();
      byKind.set(cells.kind!, set);
      for (const form of multi(cells.forms)) {
        const tokens = tokenize(fold(form));
        if (tokens.length === 1) set.add(tokens[0]!.text);
        if (tokens.length > 0) phraseStarts.set(cells.kind!, (phraseStarts.get(cells.kind!) ?? new Set()).add(tokens[0]!.text));
        phrases.add(form, { rule: `${lang}/words/${cells.id}`, kind: cells.kind! }, (a, b) => a.kind === b.kind);
      }
    }
  }
  return { words: byKind, phrases, wordKinds: new WordKinds(byKind, phraseStarts) };
}

const cache = new Map<string, Lexicon>();
/** The compiled rules of a language (loaded once). */
export function lexiconFor(lang: string): Lexicon {
  let lex = cache.get(lang);
  if (!lex) cache.set(lang, (lex = compile(lang)));
  return lex;
}

let languagesWithRules: string[] | null = null;
/** Languages whose extraction rules exist (a `transfer.tsv`), looked up once like the rules themselves. */
export function extractionLanguages(): string[] {
  languagesWithRules ??= ["en", "fr", "es", "de", "ar"].filter((l) => existsSync(join(LANG_DIR, l, "transfer.tsv")));
  return [...languagesWithRules];
}
