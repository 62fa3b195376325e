import { existsSync } from "node:fs";
import { join } from "node:path";
import { LANG_DIR } from "../catalog/load.ts";
import { PhraseTrie, tokenize } from "../catalog/phrases.ts";
import { fold } from "../catalog/fold.ts";
import { DataError, multi, readTsv } from "../catalog/tsv.ts";

export type TriggerClass = "give" | "get" | "approve" | "deal" | "arrive" | "same" | "use" | "wield" | "supplier";
export type Status = "ordered" | "delivered" | "offered" | "negotiating" | "cancelled" | "unknown";
export type Stance = "asserted" | "alleged" | "denied";
export type Role = "between" | "via" | "maker" | "destination" | "genitive" | "to-or-from" | "place" | "dative" | "source" | "agent" | "with" | "beneficiary" | "possessive" | "passive" | "skip" | "transparent";
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
  /** The first word of every form of each kind, so a search for a kind's phrases skips every other word. */
  phraseStarts: Map<string, Set<string>>;
  /** Every rule with its example, for the generic rule test. */
  examples: { file: string; rule: string; example: string; trie: PhraseTrie<{ rule: string }> }[];
}

const TRIGGER_CLASSES = new Set(["give", "get", "approve", "deal", "arrive", "same", "use", "wield", "supplier"]);
const STATUSES = new Set(["ordered", "delivered", "offered", "negotiating", "cancelled", "unknown"]);
const ROLES = new Set(["between", "via", "maker", "destination", "genitive", "to-or-from", "place", "dative", "source", "agent", "with", "beneficiary", "possessive", "passive", "skip", "transparent"]);
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

function words(dir: string, lang: string): Pick<Lexicon, "words" | "phrases" | "phraseStarts"> {
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
  return { words: byKind, phrases, phraseStarts };
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
