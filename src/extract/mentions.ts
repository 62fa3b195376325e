import { fold } from "../catalog/fold.ts";
import { gazetteerFor, type Target } from "../catalog/gazetteer.ts";
import { PhraseTrie } from "../catalog/phrases.ts";
import { MONARCHY_STYLES, type Catalog } from "../catalog/types.ts";
import { MENTION_NAMES, gapText, introducesName, isCapitalised, isWord, isWordAt, makeMention, mentionAt, triggerAt, type Context, type Mention, type MentionKind } from "./context.ts";
import { KIND, type Lexicon } from "./lexicon.ts";
import { tokenLowerBound } from "./spans.ts";
import { countWords } from "./normalise/numbers.ts";
import type { Lang } from "./normalise/types.ts";

// Patterns over written names, compiled once (tsx compiles a \p{…} literal in a function body at every call).
/** A name written in capitals ("SIPRI", "RAF"). */
const ACRONYM = /^\p{Lu}{2,}$/u;
/** The capital letters of a designation ("AS-12", "SA 8"). */
const DESIGNATION_LETTERS = /^\p{Lu}+(?=[\s-]?\d)/u;
const LETTER_FIRST = /^\p{L}/u;
const LOWER_CASE = /^\p{Ll}+$/u;
/** Every capital letter (a global pattern for match(), which starts it afresh at each call). */
const CAPITALS = /\p{Lu}/gu;
/** A run of characters that are no letter or digit (between the words of a name). */
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Whether a target's catalog form is an acronym, and the capitals of a designation it opens with, read once a target
 * and kept on it (a map by the form's text cost a lookup, and a cache miss, per candidate).
 */
function formShape(t: Target): { acronym: boolean; letters: string | undefined } {
  return (t.shape ??= { acronym: ACRONYM.test(t.form), letters: DESIGNATION_LETTERS.exec(t.form)?.[0] });
}

/** Tokens around an ambiguous name searched for a cue. */
const CUE_WINDOW = 8;

function partyOf(ctx: Context, t: Target): string | null {
  switch (t.kind) {
    case "state":
      return t.id;
    case "actor":
      return t.id;
    case "maker":
      return ctx.catalog.makers.get(t.id)?.country ?? null;
    case "source": {
      const s = ctx.catalog.sources.get(t.id);
      return s?.type === "government" ? s.country : null;
    }
    default:
      return null;
  }
}

/** "the White House" → "White House": catalog names keep a leading article to match; labels go without it. */
const withoutArticle = (written: string) => written.replace(/^(the|le|la|les|l['’])\s*/iu, "");

function labelOf(ctx: Context, t: Target, written: string): string {
  switch (t.kind) {
    case "source": {
      // A government body goes by the name the text's language gives it ("la Maison Blanche", "the White House");
      // outlets, agencies and NGOs by their own name.
      const source = ctx.catalog.sources.get(t.id);
      const acronym = ACRONYM.test(t.form);
      if (source?.type === "government" && !acronym) return withoutArticle(written);
      // A research institute goes by its full name ("Stockholm International Peace Research Institute", not "SIPRI").
      const full = source?.type === "institute" ? source.names.find((n) => !ACRONYM.test(n.text)) : undefined;
      return full?.text ?? source?.names[0]?.text ?? written;
    }
    case "system":
      return ctx.catalog.systems.get(t.id)?.names[0]?.text ?? written;
    case "maker":
      return ctx.catalog.makers.get(t.id)?.names[0]?.text ?? written;
    case "actor":
      return t.id.slice(4);
    default:
      // A state body ("the Pentagon") is labelled without its article; names and seats as written ("Le Caire").
      return t.kind === "state" && t.nameKind === "force" ? withoutArticle(written) : written;
  }
}

/** Candidates within the cue window of `c` (candidates are sorted by token). */
function neighbours(all: Candidate[], c: Candidate): Candidate[] {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.last < c.first - CUE_WINDOW) lo = mid + 1;
    else hi = mid;
  }
  const out: Candidate[] = [];
  for (let i = lo; i < all.length && all[i]!.first <= c.last + CUE_WINDOW; i++) out.push(all[i]!);
  return out;
}

interface Candidate {
  start: number;
  end: number;
  first: number;
  last: number;
  targets: Target[];
}

/** Does a figure stand within three tokens before the name ("24 Rafale", "12 F-16 Block 70")? */
function figureBefore(ctx: Context, c: Candidate): boolean {
  for (let k = Math.max(0, c.first - 3); k < c.first; k++) if (/^\d+$/.test(ctx.tokens[k]!.text)) return true;
  return false;
}

/** Is the name counted: a figure before it, or a count in words right before it ("trois CAESAR", "twelve Mica")? */
function countedBefore(ctx: Context, c: Candidate): boolean {
  const counts = countWords(ctx.lang as Lang);
  const word = (k: number) => k >= 0 && counts.has(ctx.tokens[k]!.text);
  // ("vingt et un Black Hawk": a compound count ending in "one" too.)
  const compound = c.first > 2 && isWordAt(ctx, KIND["coordination"], c.first - 2) && word(c.first - 3);
  return figureBefore(ctx, c) || word(c.first - 1) || compound;
}

/** Does the neighbourhood of an ambiguous name hold a cue for this target? */
function cued(ctx: Context, c: Candidate, t: Target, all: Candidate[], docMakers: Set<string>, docSystems: Set<string>): boolean {
  // An acronym the catalog writes in capitals ("DR", "SANG", "RAF") is one only in capitals: "Dr Clarke" is no Danish
  // broadcaster, "Yoo Sang-bum" no Saudi guard. Sources may be written as words ("Nato", "Sipri").
  const { acronym, letters } = formShape(t);
  const written = ctx.text.slice(c.start, c.end);
  // French press writes bodies' acronyms as words after an elided article ("l'Onu", "l'Otan").
  const elided = /\bl['’]$/iu.test(ctx.text.slice(Math.max(0, c.start - 2), c.start));
  // A weapon the press writes as a word ("missiles Mica") still needs its context cue below.
  const wordDesignation = t.kind === "system" && t.cue === "context" && written.length >= 4 && written[0] === written[0]!.toUpperCase();
  if (acronym && written !== written.toUpperCase() && !wordDesignation && (t.kind !== "source" || (written.length < 4 && !elided) || written[0] !== written[0]!.toUpperCase())) return false;
  // "AS-12", "SA-8": a designation whose letters the catalog writes in capitals is one only in capitals ("as 12 years").
  if (letters && written.slice(0, letters.length) !== written.slice(0, letters.length).toUpperCase()) return false;
  if (t.cue === "none") return true;
  const sentenceStart = ctx.sentences[ctx.sentenceOf[c.first]!]?.first === c.first;
  const capital = isCapitalised(ctx, c.first);
  // A seat standing for a government often opens a sentence ("Washington approved…"), and so does a source that speaks ("Amnesty said…").
  if (t.cue === "capital") return capital && (!sentenceStart || t.kind === "state" || (t.kind === "source" && speaksNext(ctx, c)));
  // Generic nouns are lowercase; names must be capitalised.
  if (!capital && t.kind !== "category" && t.kind !== "maker") return false;
  // "Nusra fighters", "rebel fighters", "combattants islamistes": an armed group's or a combatant's fighters are people.
  if (t.kind === "category" && t.ambiguous && combatants(ctx, c, all)) return false;
  if (t.kind === "category" && triggerNear(ctx, c)) return true;
  // "hacked the journalist's phone with Pegasus", "had bought Pegasus": a transfer or hacking word beside spyware's name
  // is its cue, as for a generic noun.
  if (t.kind === "system" && (t.category === "spyware" || t.category === "surveillance") && triggerNear(ctx, c)) return true;
  if (t.kind === "system") {
    const sys = ctx.catalog.systems.get(t.id)!;
    if (sys.maker && docMakers.has(sys.maker)) return true;
    if (docSystems.has(t.id)) return true;
  }
  // ("the Milan company", beside a spyware's name: a designation the catalog writes in capitals, written as a word, is
  // one only beside a noun of its own kind, "missiles Milan", or with its maker named.)
  // (A count before it, "vingt Mica", still counts it.)
  if (t.kind === "system" && acronym && written !== written.toUpperCase()) {
    return countedBefore(ctx, c) || neighbours(all, c).some((o) => (o.last === c.first - 1 || o.first === c.last + 1) && o.targets.some((ot) => ot.kind === "category" && ot.category === t.category));
  }
  const before = ctx.text.slice(Math.max(0, c.start - 3), c.start);
  const after = ctx.text.slice(c.end, c.end + 3);
  if (/["«“]\s*$/.test(before) && /^\s*["»”]/.test(after)) return true;
  for (const o of neighbours(all, c)) {
    if (o === c) continue;
    // "canons CAESAR", "batterie Patriot": a generic noun right beside the name is a cue even when it is ambiguous itself.
    const adjacent = o.last === c.first - 1 || o.first === c.last + 1;
    for (const ot of o.targets) {
      if (ot.ambiguous && !(adjacent && ot.kind === "category")) continue;
      if (ot.kind === "category" || ot.kind === "maker" || ot.kind === "system") return true;
    }
  }
  if (t.kind === "system" ? countedBefore(ctx, c) : figureBefore(ctx, c)) return true;
  // "une batterie Patriot", "two Patriot batteries": a unit noun beside it counts the system.
  // ("Gepard guns", « canons Caesar »: so does a noun of weapons.)
  if (t.kind === "system" && [c.first - 1, c.last + 1].some((k) => isWordAt(ctx, KIND["unit-noun"], k) || isWordAt(ctx, KIND["system-cue"], k))) return true;
  return false;
}

/** Is the ambiguous generic noun ("fighters") right after an armed group's name, an unknown name or a word for combatants? */
function combatants(ctx: Context, c: Candidate, all: Candidate[]): boolean {
  const before = ctx.tokens[c.first - 1];
  if (!before) return false;
  if (isWord(ctx, KIND["combatant-modifier"], before.text)) return true;
  const named = neighbours(all, c).find((o) => o.last === c.first - 1);
  if (named) return named.targets.some((t) => t.kind === "actor");
  // "Nusra fighters": a capitalised word the catalog does not know, before "fighters", names a group, not a jet.
  return isCapitalised(ctx, c.first - 1) && ctx.sentences[ctx.sentenceOf[c.first - 1]!]?.first !== c.first - 1;
}

/** Is the name followed by a reporting verb or a possessive ("Amnesty said", "Amnesty's researchers")? */
function speaksNext(ctx: Context, c: Candidate): boolean {
  const next = ctx.tokens[c.last + 1];
  if (!next) return false;
  if (next.text === "s" && /^['’]$/.test(ctx.text.slice(ctx.tokens[c.last]!.end, next.start))) return true;
  return ctx.lex.attribution.at(ctx.folded, ctx.tokens, c.last + 1) !== null;
}

function triggerNear(ctx: Context, c: Candidate): boolean {
  const s = ctx.sentences[ctx.sentenceOf[c.first]!];
  const from = Math.max(s?.first ?? 0, c.first - CUE_WINDOW);
  const to = Math.min(s?.endToken ?? ctx.tokens.length, c.last + CUE_WINDOW);
  for (let i = from; i < to; i++) if (i < c.first || i > c.last) if (triggerAt(ctx, i)) return true;
  return false;
}

/**
 * "Baykar CEO Haluk Bayraktar": a person's full name in the catalog is matched whole, so that no shorter name inside it
 * (the drone "Bayraktar") counts; persons themselves are found by their form ({@link addPersons}).
 */
function withoutPeople(matches: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of matches) {
    if (!c.targets.some((t) => t.kind === "person")) out.push(c);
    else if (!c.targets.some((t) => t.kind === "person" && !t.ambiguous)) {
      const targets = c.targets.filter((t) => t.kind !== "person");
      if (targets.length) out.push({ ...c, targets });
    }
  }
  return out;
}

/** Makes `mentions` (sorted by first token) the context's, each token indexed to the first mention covering it. */
function setMentions(ctx: Context, mentions: Mention[]): void {
  ctx.mentions = mentions;
  ctx.mentionAt.fill(-1);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    for (let k = m.first; k <= m.last; k++) if (ctx.mentionAt[k] === -1) ctx.mentionAt[k] = i;
  }
}

/** Finds catalog names, the document's own outlet and persons; fills `ctx.mentions` and `ctx.mentionAt`. */
/**
 * "the Philippine Air Force (PAF)": an acronym the text defines in brackets after a name, by its initials, stands for
 * that name wherever the document writes it, whatever else the catalog reads it as (PAF is also Pakistan's air force).
 */
function bindDefinedAcronyms(ctx: Context, mentions: Mention[]): void {
  const defined = new Map<string, Mention>();
  for (let k = 0; k + 1 < mentions.length; k++) {
    const [name, acronym] = [mentions[k]!, mentions[k + 1]!];
    if (acronym.first !== acronym.last || acronym.first !== name.last + 1 || name.first === name.last) continue;
    const written = ctx.text.slice(acronym.start, acronym.end);
    if (!ACRONYM.test(written) || !/^\s*\($/.test(ctx.text.slice(name.end, acronym.start)) || !/^\)/.test(ctx.text.slice(acronym.end))) continue;
    if (name.kind === acronym.kind && name.id === acronym.id) continue;
    // Only the name's initials define it: "National Intelligence Service (EYP)" glosses the Greek acronym, which
    // knows better than the name which service it is.
    const initials = (ctx.text.slice(name.start, name.end).match(CAPITALS) ?? []).join("");
    if (initials !== written) continue;
    defined.set(written, name);
  }
  if (defined.size === 0) return;
  for (const [k, m] of mentions.entries()) {
    const name = defined.get(ctx.text.slice(m.start, m.end));
    if (name && name.first < m.first) mentions[k] = makeMention({ ...name, start: m.start, end: m.end, first: m.first, last: m.last, label: name.label, rule: "coreference/defined-acronym" });
  }
}

export function findMentions(ctx: Context): void {
  const gaz = gazetteerFor(ctx.catalog, ctx.lang, MENTION_NAMES);
  const candidates: Candidate[] = withoutPeople(gaz.matchTokens(ctx.text, ctx.folded, ctx.tokens));
  const docMakers = new Set<string>();
  const docSystems = new Set<string>();
  const docCategories = new Map<string, number>();
  for (const c of candidates)
    for (const t of c.targets)
      if (!t.ambiguous) {
        if (t.kind === "maker") docMakers.add(t.id);
        if (t.kind === "system") docSystems.add(t.id);
        if (t.category) docCategories.set(t.category, (docCategories.get(t.category) ?? 0) + 1);
      }
  const mentions: Mention[] = [];
  for (const c of candidates) {
    const ok = c.targets.filter((t) => cued(ctx, c, t, candidates, docMakers, docSystems));
    if (ok.length === 0) continue;
    const t = pick(ctx, c, ok, candidates, docMakers, docCategories);
    const written = ctx.text.slice(c.start, c.end);
    mentions.push(makeMention({
      kind: t.kind === "state" && t.nameKind === "demonym" ? "demonym" : t.kind,
      start: c.start,
      end: c.end,
      first: c.first,
      last: c.last,
      id: t.id,
      party: partyOf(ctx, t),
      category: t.category,
      nameKind: t.nameKind,
      label: labelOf(ctx, t, written),
      rule: `catalog/${t.kind}/${t.id}`,
    }));
  }
  addOutlet(ctx, mentions);
  // "the Paris-based nonprofit", "Israel-based NSO Group": a place that locates an organisation is no party.
  for (const m of mentions) if (m.party && (m.kind === "state" || m.kind === "demonym") && isWordAt(ctx, KIND["located-suffix"], m.last + 1) && gapText(ctx, m.last, m.last + 1) === "-") m.party = null;
  mentions.sort((a, b) => a.first - b.first);
  bindDefinedAcronyms(ctx, mentions);
  setMentions(ctx, mentions);
  addPersons(ctx);
  addAnaphors(ctx);
}

/**
 * Among the readings of one name, prefer the one whose category a nearby noun names, then the one whose maker the
 * document names, then the category the document talks about most, then systems over the rest.
 */
function pick(ctx: Context, c: Candidate, targets: Target[], all: Candidate[], docMakers: Set<string>, docCategories: Map<string, number>): Target {
  if (targets.length === 1) return targets[0]!;
  const nearby = new Set<string>();
  for (const o of neighbours(all, c)) {
    for (const t of o.targets) if (t.kind === "category" && t.category) nearby.add(t.category);
  }
  const byCategory = targets.find((t) => t.category && nearby.has(t.category));
  if (byCategory) return byCategory;
  // ("le logiciel Predator", "the Predator software": a word for software beside it names the spyware.)
  const software = [c.first - 1, c.last + 1].some((k) => isWordAt(ctx, KIND["software-noun"], k)) ? targets.find((t) => t.category === "spyware" || t.category === "surveillance") : undefined;
  if (software) return software;
  const byMaker = targets.find((t) => t.kind === "system" && docMakers.has(ctx.catalog.systems.get(t.id)?.maker ?? ""));
  if (byMaker) return byMaker;
  const score = (t: Target) => (t.category ? docCategories.get(t.category) ?? 0 : 0);
  const byTopic = [...targets].sort((a, b) => score(b) - score(a))[0]!;
  if (score(byTopic) > 0 && targets.filter((t) => score(t) === score(byTopic)).length === 1) return byTopic;
  const order = ["source", "maker", "system", "actor", "state", "category"];
  return [...targets].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0]!;
}

/** Tries of outlet names, made once a name: a feed's articles name few outlets (at most this many kept). */
const outletTries = new Map<string, PhraseTrie<string>>();
const OUTLET_TRIES = 256;

function outletTrie(outlet: string): PhraseTrie<string> {
  let trie = outletTries.get(outlet);
  if (!trie) {
    if (outletTries.size >= OUTLET_TRIES) outletTries.clear();
    trie = new PhraseTrie<string>();
    trie.add(outlet, outlet);
    outletTries.set(outlet, trie);
  }
  return trie;
}

function addOutlet(ctx: Context, mentions: Mention[]): void {
  if (!ctx.outlet) return;
  const trie = outletTrie(ctx.outlet);
  const at = new Map<number, Mention>();
  for (const m of mentions) for (let k = m.first; k <= m.last; k++) at.set(k, m);
  const drop = new Set<Mention>();
  for (const m of trie.all(ctx.folded, ctx.tokens)) {
    const prior = at.get(m.first);
    if (prior) {
      if (prior.kind === "source") continue;
      drop.add(prior);
    }
    mentions.push(makeMention({ kind: "source", start: m.start, end: m.end, first: m.first, last: m.last, id: `outlet:${ctx.outlet}`, party: null, label: ctx.outlet, rule: "document/outlet" }));
  }
  if (drop.size) mentions.splice(0, mentions.length, ...mentions.filter((m) => !drop.has(m)));
}


/** Is the token a capitalised word that names outlets ("Times", "Post", "Journal")? */
function isOutletWord(ctx: Context, i: number): boolean {
  return isCapitalised(ctx, i) && isWordAt(ctx, KIND["outlet-word"], i);
}

/** The last token of "Journal de Quelland" from its outlet word at `i`: a particle (or an elided "d'") and capitalised names; -1 if none follows. */
function outletTitleEnd(ctx: Context, i: number): number {
  const { tokens, mentionAt } = ctx;
  const particle = tokens[i + 1];
  if (!particle || gapText(ctx, i, i + 1) !== " " || !(isWord(ctx, KIND["name-particle"], particle.text) || particle.text === "d")) return -1;
  const joint = gapText(ctx, i + 1, i + 2);
  if (!(joint === " " || (particle.text === "d" && /^['’]$/.test(joint)))) return -1;
  let j = i + 1;
  while (j + 1 < tokens.length && mentionAt[j + 1] === -1 && isNameToken(ctx, j + 1) && (j === i + 1 || gapText(ctx, j, j + 1) === " ")) j++;
  return j > i + 1 ? j : -1;
}

function isNameToken(ctx: Context, i: number): boolean {
  return plainNameToken(ctx, i) || homographName(ctx, i);
}

/**
 * "Theresa May", "Jan Novak": a month word that is also a name is one beside another name, with no figure or full
 * stop after it ("in May 2017", "Jan. 5").
 */
function homographName(ctx: Context, i: number): boolean {
  if (!isWordAt(ctx, KIND["name-homograph"], i) || !isCapitalised(ctx, i)) return false;
  const next = ctx.tokens[i + 1];
  if (next && (/^\d/.test(next.text) || /^\./.test(gapText(ctx, i, i + 1)))) return false;
  const before = i > 0 && gapText(ctx, i - 1, i) === " " && plainNameToken(ctx, i - 1);
  const after = !!next && gapText(ctx, i, i + 1) === " " && plainNameToken(ctx, i + 1);
  return before || after;
}

function plainNameToken(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i]!;
  // (Most tokens are no capital: that is asked before the pattern.)
  if (!isCapitalised(ctx, i)) return false;
  if (t.text.length < 2 || !LETTER_FIRST.test(t.text)) return false;
  const raw = ctx.text.slice(t.start, t.end);
  if (raw.length > 2 && raw === raw.toUpperCase()) return false;
  // "Twenty-four of them arrived": a number word opening a sentence is no name.
  if (countWords(ctx.lang as Lang).has(t.text)) return false;
  // ("Horizon 2 Priority Projects": nor the plural of a word of things.)
  if (t.text.length > 3 && t.text.endsWith("s") && isWord(ctx, KIND["not-a-name"], t.text.slice(0, -1))) return false;
  // "…, Lindsey Graham Says": a headline's capitalised reporting verb ends the name before it.
  return !isWordAt(ctx, KIND["function"], i) && !isWordAt(ctx, KIND["not-a-name"], i) && !isWordAt(ctx, KIND["title"], i) && !isWordAt(ctx, KIND["role"], i) && !ctx.lex.attribution.at(ctx.folded, ctx.tokens, i);
}

/**
 * Persons: runs of two or more capitalised words (particles allowed inside) that the catalog does not name,
 * and later the surname alone once the full name has been seen.
 */
function addPersons(ctx: Context): void {
  const { tokens, mentionAt } = ctx;
  const found: Mention[] = [];
  const surnames = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    if (mentionAt[i] !== -1) continue;
    // "le Journal de Quelland", "La Gazette d'Exempleville": an outlet word opening a name of place names an outlet.
    const titled = isOutletWord(ctx, i) ? outletTitleEnd(ctx, i) : -1;
    if (titled > i) {
      const label = ctx.text.slice(tokens[i]!.start, tokens[titled]!.end);
      found.push(makeMention({ kind: "source", start: tokens[i]!.start, end: tokens[titled]!.end, first: i, last: titled, id: `outlet:${label}`, party: null, label, rule: "source/outlet-title" }));
      i = titled;
      continue;
    }
    if (!isNameToken(ctx, i)) continue;
    let j = i;
    while (j + 1 < tokens.length && mentionAt[j + 1] === -1) {
      const gap = gapText(ctx, j, j + 1);
      if (gap !== " " && gap !== "-" && gap !== "\u00a0") break;
      if (isNameToken(ctx, j + 1)) j++;
      // "Sang-bum", "Jae-in": the lowercase half of a hyphenated given name.
      else if (gap === "-" && LOWER_CASE.test(ctx.text.slice(tokens[j + 1]!.start, tokens[j + 1]!.end))) j++;
      else if (isWordAt(ctx, KIND["name-particle"], j + 1) && j + 2 < tokens.length && isNameToken(ctx, j + 2) && gapText(ctx, j + 1, j + 2) === " ") j += 2;
      else break;
    }
    // "the Example Times", "Le Courrier de Norvarie": a capitalised run closed by an outlet word names an outlet.
    // ("Iran's Student News Network": a capitalised word of organisations after the outlet word goes on with its name.)
    let k = j;
    while (k + 1 < tokens.length && mentionAt[k + 1] === -1 && (isOutletWord(ctx, k + 1) || (k > j && isCapitalised(ctx, k + 1) && isWordAt(ctx, KIND["organisation-role"], k + 1))) && gapText(ctx, k, k + 1) === " ") k++;
    if (k > j) {
      const label = ctx.text.slice(tokens[i]!.start, tokens[k]!.end);
      found.push(makeMention({ kind: "source", start: tokens[i]!.start, end: tokens[k]!.end, first: i, last: k, id: `outlet:${label}`, party: null, label, rule: "source/outlet-name" }));
      i = k;
      continue;
    }
    // "Shore Based Anti-Ship Missile System": a run going on into the capitalised name of a kind of weapon or a system
    // is that thing's name
    // ("Johns Hopkins University", "World Trade Organization", "Red Sea": and so is a run going on into a word of
    // organisations and places.)
    const goesOn = j + 1 < tokens.length && /^[ -]$/.test(gapText(ctx, j, j + 1)) && isCapitalised(ctx, j + 1);
    const thing = goesOn && (mentionAt[j + 1] !== -1 ? ["category", "system"].includes(ctx.mentions[mentionAt[j + 1]!]!.kind) : (isWord(ctx, KIND["not-a-name"], tokens[j + 1]!.text) || isWord(ctx, KIND["organisation-role"], tokens[j + 1]!.text)));
    // "the Southeast Asian country", "Latin American buyers": a region's adjective makes the run no one's name.
    let region = false;
    for (let k = i; k <= j && !region; k++) region = isWordAt(ctx, KIND["region-adjective"], k);
    // "Senator Smith, a Democrat, said", « le général Burkhard »: one capitalised name after a title is a person's.
    if (j > i && !thing && !region) {
      const label = ctx.text.slice(tokens[i]!.start, tokens[j]!.end);
      found.push(makeMention({ kind: "person", start: tokens[i]!.start, end: tokens[j]!.end, first: i, last: j, id: label, party: null, label, rule: "person/capitalised-run" }));
      surnames.set(tokens[j]!.text, label);
      i = j;
    } else if (!thing && titledBefore(ctx, i)) {
      // The title is part of what the text calls the person ("Mr. Clarke", "President Tamsin").
      const label = ctx.text.slice(tokens[i - 1]!.start, tokens[j]!.end);
      found.push(makeMention({ kind: "person", start: tokens[i - 1]!.start, end: tokens[j]!.end, first: i - 1, last: j, id: label, party: null, label, rule: "person/titled-name" }));
      surnames.set(tokens[j]!.text, label);
      i = j;
    }
  }
  const inFound = new Uint8Array(tokens.length);
  for (const f of found) for (let k = f.first; k <= f.last; k++) inFound[k] = 1;
  for (let i = 0; surnames.size > 0 && i < tokens.length; i++) {
    if (mentionAt[i] !== -1 || inFound[i] === 1 || !isCapitalised(ctx, i)) continue;
    const full = surnames.get(tokens[i]!.text);
    if (full) found.push(makeMention({ kind: "person", start: tokens[i]!.start, end: tokens[i]!.end, first: i, last: i, id: full, party: null, label: full, rule: "person/surname" }));
  }
  if (found.length === 0) return;
  setMentions(ctx, [...ctx.mentions, ...found].sort((a, b) => a.first - b.first));
}

/** Is token `i` right after a title word ("Senator Smith", "Gen. Dupont", « le ministre Lecornu »)? */
function titledBefore(ctx: Context, i: number): boolean {
  if (i === 0 || ctx.mentionAt[i - 1] !== -1 || !isWordAt(ctx, KIND["title"], i - 1)) return false;
  const gap = gapText(ctx, i - 1, i);
  return gap === " " || gap === ". " || gap === "\u00a0";
}

/** Is there a definite article before token `i`, directly or over up to two adjectives ("the Gulf kingdom")? */
function definiteBefore(ctx: Context, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (isWordAt(ctx, KIND["definite"], k) || isWordAt(ctx, KIND["determiner"], k)) return true;
    if (ctx.mentionAt[k] !== -1 || /[,;:.]/.test(gapText(ctx, k, k + 1))) return false;
  }
  return false;
}

/** A definite article up to two words before token `i`, over lowercase adjectives or a demonym only ("the defense company"). */
function definiteOverAdjectives(ctx: Context, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (isWordAt(ctx, KIND["definite"], k)) return k < i - 1;
    if (/[,;:.()]/.test(gapText(ctx, k, k + 1)) || isWordAt(ctx, KIND["preposition"], k) || isWordAt(ctx, KIND["determiner"], k) || isWordAt(ctx, KIND["conjunction"], k)) return false;
    const m = ctx.mentionAt[k] === -1 ? null : ctx.mentions[ctx.mentionAt[k]!];
    if (m ? m.kind !== "demonym" : isCapitalised(ctx, k)) return false;
  }
  return false;
}

/** How far back (in tokens) "the company" or "le groupe" looks for what it names. */
const ANAPHOR_REACH = 300;

/**
 * "The company has sold the drone to Azerbaijan", "livrée au groupe": a definite noun naming a kind of company, or
 * a word of a non-state actor's name, refers to the last maker or actor named before it.
 */
/** For "the country" opening a sentence: the state the previous sentence opens with (its first mention), if any. */
function previousSubject(ctx: Context, i: number, afterDate = false): Mention | null {
  const here = ctx.sentences[ctx.sentenceOf[i]!]!;
  if (here.index === 0 || (here.first !== i - 1 && !(afterDate && datedOpening(ctx, here.first, i - 1)))) return null;
  const before = ctx.sentences[here.index - 1]!;
  if (before.paragraph !== here.paragraph) return null;
  return openingState(ctx, before.first, before.endToken, ["state"]);
}

/** The state the sentence before token i's opened with, when i's sentence names no party before it (nor opens on it). */
function stateBeforePronoun(ctx: Context, i: number, found: readonly Mention[]): Mention | null {
  const here = ctx.sentences[ctx.sentenceOf[i]!]!;
  // ("It also includes Meteor missiles": a sentence opening on "it" as often goes on with the deal told before; "Poland
  // was first to commit. It signed for 32 F-35As": unless a verb of a deal's party follows it.)
  if (here.index === 0 || (here.first === i && !partyVerbAfter(ctx, i))) return null;
  for (let k = here.first; k < i; k++) {
    const m = mentionAt(ctx, k);
    if (m && m.kind !== "system" && m.kind !== "category") return null;
  }
  const before = ctx.sentences[here.index - 1]!;
  if (before.paragraph !== here.paragraph) return null;
  // ("In April it signed a deal… At the same time it has emptied…": or the pronoun it opened with, taken up already.)
  const opening = openingState(ctx, before.first, before.endToken, ["state"]);
  const taken = found.find((f) => f.rule === "coreference/pronoun" && f.first >= before.first && f.first < before.first + 6 && (!opening || f.first < opening.first));
  return taken ?? opening;
}

/** Does a trigger a party does ("signed for", "ordered", "bought") follow token i, over auxiliaries and adverbs? */
function partyVerbAfter(ctx: Context, i: number): boolean {
  let k = i + 1;
  while (k < i + 4 && (isWordAt(ctx, KIND["auxiliary"], k) || isWordAt(ctx, KIND["sentence-adverb"], k) || /ly$/.test(ctx.tokens[k]?.text ?? ""))) k++;
  const t = triggerAt(ctx, k);
  return !!t && ["give", "get", "deal", "approve"].includes(t.values[0]!.cls) && !isWordAt(ctx, KIND["function"], k);
}

/** Is [from, to) a short date opening a sentence ("In 2021", "Last year,", « En mars 2022, »)? */
function datedOpening(ctx: Context, from: number, to: number): boolean {
  if (to - from > 4) return false;
  let dated = false;
  for (let k = from; k < to; k++) {
    const w = ctx.tokens[k]!.text;
    if (/^\d{4}$/.test(w) || isWord(ctx, KIND["date-word"], w)) dated = true;
    else if (!isWord(ctx, KIND["preposition"], w) && !isWord(ctx, KIND["function"], w)) return false;
  }
  return dated;
}

/** The state that opens the token range [from, to) as its first party-like mention, within its first six tokens. */
function openingState(ctx: Context, from: number, to: number, kinds: MentionKind[]): Mention | null {
  const first = ctx.mentions.find((m) => m.first >= from && m.first < to && m.kind !== "category" && m.kind !== "system");
  return first && kinds.includes(first.kind) && first.party && first.first <= from + 6 ? first : null;
}

/**
 * "Iran's Ministry of Defence announced that the country had acquired…": "the country" in what a speaker says is the
 * state the sentence opens with, before the "that".
 */
function speakersCountry(ctx: Context, i: number): Mention | null {
  const here = ctx.sentences[ctx.sentenceOf[i]!]!;
  let that = -1;
  for (let k = i - 2; k > here.first && that < 0; k--) if (isWordAt(ctx, KIND["complementizer"], k)) that = k;
  // ("Scott Morrison said his country would…": or the reporting verb right before it.)
  if (that < 0 && i - 2 > here.first && ctx.lex.attribution.at(ctx.folded, ctx.tokens, i - 2)?.last === i - 2) that = i - 2;
  if (that < 0) return null;
  // ("Un député iranien a révélé que le pays recevra…": the speaker's demonym names the state too.)
  // ("Scott Morrison a annoncé que son pays…": and so does an office holder the catalog knows, named first.)
  return openingState(ctx, here.first, that, ["state", "demonym"]) ?? catalogPersonState(ctx, here.first, that);
}

const personStates = new WeakMap<Catalog, Map<string, string>>();

/** The state of the first person named in [from, to) whom the catalog knows by that full name, as a mention there. */
function catalogPersonState(ctx: Context, from: number, to: number): Mention | null {
  let byName = personStates.get(ctx.catalog);
  if (!byName) {
    byName = new Map();
    for (const p of ctx.catalog.people.values()) for (const n of p.names) if (!n.ambiguous) byName.set(fold(n.text), p.state);
    personStates.set(ctx.catalog, byName);
  }
  for (let k = from; k < to; k++) {
    const m = mentionAt(ctx, k);
    if (m?.kind !== "person" || m.first !== k) continue;
    const state = byName.get(fold(m.label));
    const entry = state ? ctx.catalog.states.get(state) : undefined;
    return entry ? makeMention({ ...m, kind: "state", id: entry.id, party: entry.id, label: entry.label, rule: "coreference/person-state" }) : null;
  }
  return null;
}

/** For "the country's" at token i: the last state named before it in its sentence. */
function possessorState(ctx: Context, i: number): Mention | null {
  if (ctx.tokens[i + 1]?.text !== "s" || !/^['’]$/.test(gapText(ctx, i, i + 1))) return null;
  const here = ctx.sentences[ctx.sentenceOf[i]!]!;
  for (let k = i - 2; k >= here.first; k--) {
    const m = mentionAt(ctx, k);
    if (m?.kind === "state") return m;
  }
  return null;
}

const styleNounMaps = new WeakMap<Lexicon, (string | undefined)[]>();

/**
 * The nouns of a language for a monarchy's style ("kingdom", « royaume »), each with its style; made once a lexicon.
 * By word number in {@link Lexicon.wordKinds} (a token's entry), so a token's style is read without a lookup of its text.
 */
function styleNounsOf(lex: Lexicon): (string | undefined)[] {
  let byWord = styleNounMaps.get(lex);
  if (!byWord) {
    const nouns = new Map<string, string>();
    for (const st of MONARCHY_STYLES) for (const w of lex.words.get(`${st}-noun`) ?? []) nouns.set(w, st);
    byWord = lex.wordKinds.words.map((w) => nouns.get(w));
    styleNounMaps.set(lex, byWord);
  }
  return byWord;
}

const actorWordSets = new WeakMap<Catalog, WeakMap<Lexicon, Map<string, ReadonlySet<string>>>>();

/**
 * The words of a non-state actor's names by which a definite noun later takes it up: longer than three letters, and no
 * function word unless it is one of an organisation's roles. Made once an actor and lexicon, not at each mention.
 */
function actorWordsOf(ctx: Context, id: string): ReadonlySet<string> {
  let byLexicon = actorWordSets.get(ctx.catalog);
  if (!byLexicon) actorWordSets.set(ctx.catalog, (byLexicon = new WeakMap()));
  let byActor = byLexicon.get(ctx.lex);
  if (!byActor) byLexicon.set(ctx.lex, (byActor = new Map()));
  let words = byActor.get(id);
  if (!words) {
    words = new Set((ctx.catalog.actors.get(id)?.names ?? []).flatMap((n) => fold(n.text).split(NOT_WORD)).filter((w) => w.length > 3 && (!isWord(ctx, KIND["function"], w) || isWord(ctx, KIND["organisation-role"], w))));
    byActor.set(id, words);
  }
  return words;
}

/**
 * Is company m named inside an aside about company head: in parentheses right after it ("Nexa (formerly Amesys)"), or
 * after "of" in an apposition opened by an article ("Nexa, a founding member of Intellexa")?
 */
function describes(ctx: Context, head: Mention, m: Mention): boolean {
  if (m.first - head.last > 10 || m.first <= head.last) return false;
  const between = ctx.text.slice(head.end, m.start);
  if (/[.;!?]/.test(between.replace(/\([^()]*\)/g, ""))) return false;
  if (/^\s*\([^()]*$/.test(between)) return true;
  const comma = between.indexOf(",");
  if (comma < 0 || /^\s*[^\s(]/.test(between.slice(0, comma).replace(/\([^()]*\)/g, ""))) return false;
  const opener = tokenLowerBound(ctx.tokens, head.end + comma + 1);
  const article = isWordAt(ctx, KIND["indefinite-article"], opener) || isWordAt(ctx, KIND["definite"], opener);
  return article && !!ctx.lex.roles.at(ctx.folded, ctx.tokens, m.first - 1)?.values.some((v) => v.role === "genitive");
}

function addAnaphors(ctx: Context): void {
  const { tokens } = ctx;
  const found: Mention[] = [];
  let lastMaker: Mention | null = null;
  let lastActor: Mention | null = null;
  let actorWords: ReadonlySet<string> = new Set<string>();
  const lastStyled = new Map<string, Mention>();
  const styleNouns = styleNounsOf(ctx.lex);
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (next < ctx.mentions.length && ctx.mentions[next]!.first <= i) {
      const m = ctx.mentions[next++]!;
      const style = (m.kind === "state" || m.kind === "demonym") && m.party ? ctx.catalog.states.get(m.party)?.style : undefined;
      if (style) lastStyled.set(style, m);
      // A company quoted as a source ("Microsoft said") is as likely a referent of "the company" as a maker.
      // ("French company Nexa (formerly Amesys), a founding member of Intellexa. The firm…": a company named inside
      // what describes another is not what "the firm" takes up.)
      if ((m.kind === "maker" || (m.kind === "source" && ctx.catalog.sources.get(m.id)?.type === "company")) && !(lastMaker && describes(ctx, lastMaker, m))) lastMaker = m;
      if (m.kind === "actor") {
        lastActor = m;
        actorWords = actorWordsOf(ctx, m.id);
      }
    }
    if (ctx.mentionAt[i] !== -1 || i === 0) continue;
    const w = tokens[i]!.text;
    // "le royaume", "the Gulf kingdom", "l'émirat": the last state of that style named before. (A style noun is a word
    // of words.tsv, which the token's mark tells without a lookup of its text.)
    const style = ctx.lex.wordKinds.isListed(tokens[i]!.entry) ? styleNouns[tokens[i]!.entry] : undefined;
    const styled = style ? lastStyled.get(style) : undefined;
    if (styled && i - styled.last <= ANAPHOR_REACH && definiteBefore(ctx, i)) {
      found.push(makeMention({ ...styled, kind: "state", nameKind: "name", start: tokens[i]!.start, end: tokens[i]!.end, first: i, last: i, rule: "coreference/state-style" }));
      continue;
    }
    // "Kuwait has been modernising its forces. The last of the 28 jets it ordered…": "it" in a sentence naming no party
    // before it goes on with the state the sentence before opened with.
    const pronounState = isWordAt(ctx, KIND["state-pronoun"], i) ? stateBeforePronoun(ctx, i, found) : null;
    if (pronounState) {
      found.push(makeMention({ ...pronounState, kind: "state", nameKind: "name", start: tokens[i]!.start, end: tokens[i]!.end, first: i, last: i, rule: "coreference/pronoun" }));
      continue;
    }
    // "the defense company", "the Korean manufacturer": a company noun may take adjectives after its article.
    // "the Italian company RCS Lab": a company noun right before a name introduces that name and refers to no earlier one.
    const company = isWordAt(ctx, KIND["company-noun"], i) && !introducesName(ctx, i);
    const owned = isWordAt(ctx, KIND["possessive-determiner"], i - 1);
    if (!isWordAt(ctx, KIND["definite"], i - 1) && !isWordAt(ctx, KIND["determiner"], i - 1) && !owned && !(company && definiteOverAdjectives(ctx, i))) continue;
    // "Copenhague a décidé de donner… Le pays avait commandé…": a sentence opening on "the country" goes on with the
    // state the sentence before opened with.
    // ("Activists in Hong Kong said the city's police used Cellebrite": "the country's", "the city's" is the state
    // named last before it in the sentence.)
    // ("Scott Morrison a annoncé que son pays allait acquérir…": "his country" after a "that" is the speaker's.)
    const country = isWordAt(ctx, KIND["country-noun"], i);
    const subject = country && isWordAt(ctx, KIND["definite"], i - 1) ? previousSubject(ctx, i) ?? speakersCountry(ctx, i) ?? possessorState(ctx, i) : country && owned ? speakersCountry(ctx, i) : null;
    if (subject) {
      found.push(makeMention({ ...subject, kind: "state", nameKind: "name", start: tokens[i]!.start, end: tokens[i]!.end, first: i, last: i, rule: "coreference/country" }));
      continue;
    }
    // "The Philippines has been expanding its arsenal. In 2021 the air force ordered…": a state's service named bare,
    // opening a sentence (after a date at most), is that of the state the sentence before opened with.
    const service = isWordAt(ctx, KIND["definite"], i - 1) ? ctx.lex.phrases.at(ctx.folded, tokens, i) : null;
    const serviceEnd = service?.values.some((v) => v.kind === "service-noun") ? service.last : isWordAt(ctx, KIND["service-noun"], i) ? i : -1;
    const served = serviceEnd >= 0 && !ctx.mentionAt.slice(i, serviceEnd + 1).some((x) => x !== -1) ? previousSubject(ctx, i, true) : null;
    if (served) {
      // (Named as written when it speaks: "the Ministry of Defence said".)
      const label = ctx.text.slice(tokens[i]!.start, tokens[serviceEnd]!.end);
      found.push(makeMention({ ...served, kind: "state", nameKind: "force", label, start: tokens[i]!.start, end: tokens[serviceEnd]!.end, first: i, last: serviceEnd, rule: "coreference/service" }));
      i = serviceEnd;
      continue;
    }
    let ref: Mention | null = null;
    if (lastMaker && i - lastMaker.last <= ANAPHOR_REACH && company) ref = lastMaker;
    else if (lastActor && i - lastActor.last <= ANAPHOR_REACH && actorWords.has(w)) ref = lastActor;
    if (ref) found.push(makeMention({ ...ref, start: tokens[i]!.start, end: tokens[i]!.end, first: i, last: i, rule: "coreference/definite-noun" }));
  }
  if (found.length === 0) return;
  setMentions(ctx, [...ctx.mentions, ...found].sort((a, b) => a.first - b.first));
}
