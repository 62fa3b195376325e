import { fold } from "../catalog/fold.ts";
import { gazetteerFor, tokenize } from "../catalog/gazetteer.ts";
import type { Catalog, SourceType } from "../catalog/types.ts";
import { lexiconFor, extractionLanguages } from "../extract/lexicon.ts";

// Leading articles in the languages the corpus uses; the same set the scorer drops, so the
// register and the acceptance comparison agree on when two names are one.
const ARTICLES = new Set(["le", "la", "les", "l", "the", "a", "an", "el", "los", "las", "al", "der", "die", "das", "un", "une", "des", "du", "de"]);

const wordCache = new Map<string, string[]>();
/** The words of a name after folding case and accents and dropping articles. */
export function nameWords(name: string): string[] {
  let words = wordCache.get(name);
  if (!words) {
    words = tokenize(fold(name))
      .map((t) => t.text)
      .filter((t) => /[\p{L}\p{N}]/u.test(t) && !ARTICLES.has(t));
    // Chain names repeat across documents; the cache is cleared rather than left to grow without bound.
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(name, words);
  }
  return words;
}

/** Word-set Dice coefficient of two word lists (1 when both are empty). */
export function dice(a: string[], b: string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  if (A.size === 0 || B.size === 0) return A.size === B.size ? 1 : 0;
  let shared = 0;
  for (const t of A) if (B.has(t)) shared++;
  return (2 * shared) / (A.size + B.size);
}

/** README rule 4's string test: the word sets overlap with a Dice coefficient of at least one half. */
export function sameName(a: string, b: string): boolean {
  return dice(nameWords(a), nameWords(b)) >= 0.5;
}

/** What a name in a source chain refers to. */
export type SourceRef =
  /** A catalog source (outlet, agency, NGO…) or maker, found anywhere in the phrase: a section or unit is its organisation. */
  | { kind: "catalog"; id: string; name: string; type: SourceType; country: string | null; written: string }
  /** A state's government, authorities or officials; `state` null when the phrase does not say which. */
  | { kind: "government"; state: string | null; written: string }
  /** A person or body that is named but not in the catalog; `state` when the phrase ties it to a government ("Polish Defence Minister X"). */
  | { kind: "named"; words: string[]; state: string | null; written: string }
  /** People or documents described without a name ("two officials familiar with the talks"). */
  | { kind: "unnamed"; written: string };

const DESCRIPTIVE_KINDS = ["function", "title", "role", "determiner", "definite", "preposition", "state-body", "institution", "outlet-word", "organisation-role", "company-noun"];

function wordsOf(lang: string, kinds: string[]): Set<string> {
  const out = new Set<string>();
  const langs = extractionLanguages().includes(lang) ? [lang] : [];
  if (lang !== "en") langs.push("en");
  for (const l of langs) for (const k of kinds) for (const w of lexiconFor(l).words.get(k) ?? []) out.add(w);
  return out;
}

const cache = new WeakMap<Catalog, Map<string, (written: string) => SourceRef>>();

/** A describer of chain names for one catalog and language, compiled once. */
export function sourceDescriber(catalog: Catalog, lang: string | null): (written: string) => SourceRef {
  const code = lang && catalog.languages.includes(lang) ? lang : "en";
  let byLang = cache.get(catalog);
  if (!byLang) cache.set(catalog, (byLang = new Map()));
  let fn = byLang.get(code);
  if (!fn) byLang.set(code, (fn = compileDescriber(catalog, code)));
  return fn;
}

function compileDescriber(catalog: Catalog, lang: string): (written: string) => SourceRef {
  // With people: "Mariusz Błaszczak" speaks for Poland's government whether or not the text gives his title.
  const gazetteers = lang === "en" ? [gazetteerFor(catalog, "en", { people: true })] : [gazetteerFor(catalog, lang, { people: true }), gazetteerFor(catalog, "en", { people: true })];
  const descriptive = wordsOf(lang, DESCRIPTIVE_KINDS);
  const institution = wordsOf(lang, ["institution"]);
  const titles = wordsOf(lang, ["title"]);
  const memo = new Map<string, SourceRef>();
  return (written: string): SourceRef => {
    let ref = memo.get(written);
    if (!ref) memo.set(written, (ref = describe(written)));
    return ref;
  };

  function describe(written: string): SourceRef {
    const folded = fold(written);
    const capitalised = (at: number) => /\p{Lu}/u.test(written[at] ?? "");
    let state: string | null = null;
    let body = false;
    let officeHolder: string | null = null;
    const stateSpans: [number, number][] = [];
    for (const g of gazetteers) {
      for (const m of g.match(written, folded)) {
        for (const t of m.targets) {
          // An ambiguous form counts in a chain name only when written with a capital, as names are.
          if (t.ambiguous && !capitalised(m.start)) continue;
          // An acronym the catalog writes in capitals is one only in capitals: "Un haut responsable" is no "UN".
          const matched = written.slice(m.start, m.end);
          if (/^\p{Lu}{2,}$/u.test(t.form) && matched.length < 4 && matched !== matched.toUpperCase()) continue;
          if (t.kind === "source") {
            const e = catalog.sources.get(t.id)!;
            return { kind: "catalog", id: `source:${e.id}`, name: e.names[0]!.text, type: e.type, country: e.country, written };
          }
          if (t.kind === "maker") {
            const e = catalog.makers.get(t.id)!;
            return { kind: "catalog", id: `maker:${e.id}`, name: e.names[0]!.text, type: "company", country: e.country, written };
          }
          // A catalog office holder, by full name or by surname after a title ("Chancellor Scholz"), speaks for the state.
          if (t.kind === "person") {
            const person = catalog.people.get(t.id)!;
            const titledBefore = tokenize(fold(written.slice(0, m.start))).some((w) => titles.has(w.text));
            if (person.type === "government" && (!t.ambiguous || titledBefore)) officeHolder ??= person.state;
            continue;
          }
          if (t.kind === "state") {
            state ??= t.id;
            stateSpans.push([m.start, m.end]);
            // A seat of government or a state body ("the Pentagon", "Rabat") speaks for the state's government.
            if (t.nameKind === "force" || t.nameKind === "seat") body = true;
          }
        }
      }
    }
    const tokens = tokenize(folded).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
    const inState = (at: number) => stateSpans.some(([a, b]) => a <= at && at < b);
    // A proper name is a capitalised word that no word class describes and that names no state.
    const proper = tokens.filter((t) => capitalised(t.start) && !descriptive.has(t.text) && !inState(t.start));
    if (proper.length > 0) {
      // Titles and descriptions do not tell two names apart ("Defence Minister Mariusz Blaszczak" is "Mariusz Błaszczak").
      const keep = new Set(proper.map((p) => p.text));
      const words = nameWords(written).filter((w) => keep.has(w));
      const titled = tokens.some((t) => titles.has(t.text));
      return { kind: "named", words, state: officeHolder ?? (titled ? state : null), written };
    }
    if (body || tokens.some((t) => institution.has(t.text))) return { kind: "government", state, written };
    return { kind: "unnamed", written };
  }
}
