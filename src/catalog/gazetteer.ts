import { fold } from "./fold.ts";
import { PhraseTrie, tokenize, type FirstWordIndex, type PhraseMatch, type Token } from "./phrases.ts";
export { tokenize, type Token };
import type { Catalog, Category, Cue, NameForm, StateNameKind } from "./types.ts";

/** What a name can refer to. */
export interface Target {
  kind: "state" | "system" | "maker" | "source" | "actor" | "person" | "category";
  id: string;
  /** The written form that matched is also an ordinary word: it needs `cue`. */
  ambiguous: boolean;
  cue: Cue;
  /** For states: name, demonym, seat or force. */
  nameKind?: StateNameKind;
  /** For systems and category nouns. */
  category?: Category;
  /** The catalog form that matched, as written in the catalog. */
  form: string;
  /**
   * How `form` is written, as the mentions stage reads it (an acronym in capitals; the capitals opening a designation),
   * kept here once read (null before): a lookup by the form's text in a map of its own cost more than the reading.
   */
  shape?: { acronym: boolean; letters: string | undefined } | null;
}

/** A stretch of text that names one or more catalog entries. */
export interface GazetteerMatch {
  start: number;
  end: number;
  /** Token range of the match (-1 when matched without tokens). */
  first: number;
  last: number;
  targets: Target[];
}

/** What a gazetteer compiles besides the names every reader applies. */
export interface GazetteerOptions {
  /**
   * People's names too (off unless asked): a reader that asks must apply a person's cue, a title right before a surname
   * alone ({@link titledSurname}).
   */
  people?: boolean;
}

/** A compiled matcher over every name of the catalog in one language. */
export class Gazetteer {
  private readonly trie = new PhraseTrie<Target>(true);

  constructor(catalog: Catalog, lang: string, options: GazetteerOptions = {}) {
    for (const s of catalog.states.values()) {
      for (const n of s.names[lang] ?? []) this.add(n, { kind: "state", id: s.id, ambiguous: n.ambiguous, cue: n.ambiguous ? "capital" : "none", nameKind: n.kind, form: n.text });
    }
    for (const s of catalog.systems.values()) for (const n of s.names) this.add(n, { kind: "system", id: s.id, ambiguous: n.ambiguous, cue: n.ambiguous ? s.cue : "none", category: s.category, form: n.text });
    for (const m of catalog.makers.values()) for (const n of m.names) this.add(n, { kind: "maker", id: m.id, ambiguous: n.ambiguous, cue: n.ambiguous ? "context" : "none", form: n.text });
    for (const s of catalog.sources.values()) for (const n of s.names) this.add(n, { kind: "source", id: s.id, ambiguous: n.ambiguous, cue: n.ambiguous ? "capital" : "none", form: n.text });
    for (const a of catalog.actors.values()) for (const n of a.names) this.add(n, { kind: "actor", id: a.id, ambiguous: n.ambiguous, cue: n.ambiguous ? "capital" : "none", form: n.text });
    if (options.people) for (const p of catalog.people.values()) for (const n of p.names) this.add(n, { kind: "person", id: p.id, ambiguous: n.ambiguous, cue: n.ambiguous ? "context" : "none", form: n.text });
    for (const c of catalog.categoryNouns.get(lang) ?? []) this.add(c, { kind: "category", id: c.category, ambiguous: c.ambiguous, cue: c.ambiguous ? "context" : "none", category: c.category, form: c.text });
  }

  /** Number of distinct names compiled. */
  get size(): number {
    return this.trie.size;
  }

  /** The names as a phrase trie, for a {@link FirstWordIndex} shared with other tries. */
  get phrases(): PhraseTrie<Target> {
    return this.trie;
  }

  private add(name: NameForm, target: Target): void {
    // (Written now, so every target keeps the hidden class it will have once its shape is read.)
    target.shape = null;
    this.trie.add(name.text, target, (a, b) => a.kind === b.kind && a.id === b.id && a.nameKind === b.nameKind);
  }

  /** Every leftmost-longest name occurrence in `text` (`folded` may be passed when already computed), with character spans. */
  match(text: string, folded: string = fold(text)): GazetteerMatch[] {
    return this.trie.scan(folded).map((m) => ({ start: m.start, end: m.end, first: -1, last: -1, targets: m.values }));
  }

  /** The same occurrences, with the range of `tokens` (the tokens of `folded`) each covers. */
  matchTokens(text: string, folded: string, tokens: Token[]): GazetteerMatch[] {
    const found = this.trie.scanTokens(folded, tokens);
    const out: GazetteerMatch[] = [];
    for (let i = 0; i < found.length; i++) {
      let m = found[i]!;
      // "NISS" is no plural of the acronym "NIS": an acronym takes a small "s" ("NGOs").
      if (m.plural && ACRONYM_PLURAL.test(text.slice(tokens[m.last]!.start, tokens[m.last]!.end))) continue;
      // "The Australian Army": an ambiguous name ("?The Australian") yields to a plain one starting inside it and reaching further.
      if (m.values.every((v) => v.ambiguous)) {
        const inner = this.reachingFurther(folded, tokens, m);
        if (inner) {
          m = inner;
          while (found[i + 1] && found[i + 1]!.first <= inner.last) i++;
        }
      }
      out.push({ start: m.start, end: m.end, first: m.first, last: m.last, targets: m.values });
    }
    return out;
  }

  /** A name with a plain reading that starts inside match `m` and ends after it. */
  private reachingFurther(folded: string, tokens: Token[], m: PhraseMatch<Target>): PhraseMatch<Target> | null {
    for (let k = m.first + 1; k <= m.last; k++) {
      const inner = this.trie.at(folded, tokens, k);
      if (inner && inner.last > m.last && inner.values.some((v) => !v.ambiguous)) return inner;
    }
    return null;
  }
}

/** A word in capitals ending in a capital S (compiled once). */
const ACRONYM_PLURAL = /^\p{Lu}{2,}S$/u;

const compiled = new WeakMap<Catalog, Map<string, Gazetteer>>();
/** The gazetteer of a catalog for one language (with the options), compiled once. */
export function gazetteerFor(catalog: Catalog, lang: string, options: GazetteerOptions = {}): Gazetteer {
  let byLang = compiled.get(catalog);
  if (!byLang) compiled.set(catalog, (byLang = new Map()));
  const key = options.people ? `${lang}+people` : lang;
  let g = byLang.get(key);
  if (!g) byLang.set(key, (g = new Gazetteer(catalog, lang, options)));
  return g;
}

/**
 * The `context` cue of a person's ambiguous name, a surname alone: it counts written with a capital right after a
 * title ("Chancellor Scholz", "la ministre Parly", "Mr. Price"), nothing but a space or an abbreviation's dot between.
 * `endsTitle(k)` says whether token `k` ends one of the language's titles (`title` in `lang/<code>/words.tsv`).
 */
export function titledSurname(text: string, tokens: Token[], first: number, endsTitle: (k: number) => boolean): boolean {
  const name = tokens[first];
  const before = tokens[first - 1];
  if (!name || !before) return false;
  const initial = text[name.start]!;
  if (initial === initial.toLowerCase()) return false;
  return /^\.?[ \u00a0]+$/.test(text.slice(before.end, name.start)) && endsTitle(first - 1);
}
