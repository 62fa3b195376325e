import { fold } from "../catalog/fold.ts";
import type { PhraseMatch } from "../catalog/phrases.ts";
import { adverbAt, countAt, endsInAbbreviation, endsWithAny, firstMention, gapText, isCapitalised, isWord, isWordAt, opensWordsAt, mentionAt, moreAt, phraseAt, phraseEndsAt, triggerAt, type Context, type Mention, type Sentence } from "./context.ts";
import { KIND, type AttributionCue } from "./lexicon.ts";
import { isPassive, possessive } from "./parties.ts";
import { lowerBound } from "./spans.ts";

/** A source as the chain names it, with the tokens it occupies. */
interface SourceRef {
  label: string;
  first: number;
  last: number;
  /** An anaphor ("the expert", "il") refers back to the current source. */
  anaphor: boolean;
  named: boolean;
  /** "an investigation led by EIC and published by Mediapart": the outlet that published the work, the nearer link. */
  publisher?: string;
}

/** What attribution found in one sentence. */
export interface SentenceAttribution {
  /** The chain origin first, or null when the sentence names no new source. */
  chain: string[] | null;
  carry: boolean;
  /** The first token of the cue that carries ("…, he said"): a person named after it is in what was said. */
  carriedAt: number | null;
  /** A described speaker with nothing named before to refer to ("le ministre des Armées"), when it carries. */
  described: string | null;
  /** The carrying speaker is a pronoun ("il", "it", "they"). */
  pronoun: boolean;
  /** …one that names no person ("it"). */
  thing: boolean;
  /** The carrying speaker is no person: "it", "the groups", "the report". */
  impersonal: boolean;
  /** 1 for each token of the document that belongs to a reporting frame or its source: no party to a transfer. */
  occupied: Uint8Array;
  rules: string[];
  /**
   * "Spain has offered tanks, while Norway said it would send eight": the token where the clause of a speaker who
   * opens a later clause begins; the chain speaks for that clause on, not for the clauses before it.
   */
  scope: number | null;
}

/** A sentence whose chain speaks only from token `from` on; the clauses before keep the chain `before`. */
export interface ChainScope {
  from: number;
  before: string[];
}

const NAMED_KINDS = new Set(["source", "person", "actor"]);
const PUNCT_STOP = /[,;:()«»"“”\[\]—]|\.\s/;

function isSourceLike(m: Mention): boolean {
  return NAMED_KINDS.has(m.kind) || m.kind === "state" || m.kind === "maker";
}

/** The text from the start of token `a` to the end of token `b`. */
function spanText(ctx: Context, a: number, b: number): string {
  return ctx.text.slice(ctx.tokens[a]!.start, ctx.tokens[b]!.end);
}

/** Is token `w` a speaking role ("spokesman", "ministre")? */
function isRole(ctx: Context, w: number): boolean {
  // ("le porte-parole", "the prime minister": a role of several words counts at its first.)
  return isWordAt(ctx, KIND["role"], w) || (opensWordsAt(ctx, KIND["role"], w) && phraseAt(ctx, "role", w));
}

function isOfficeRole(ctx: Context, w: number): boolean {
  return isWordAt(ctx, KIND["office-role"], w) || (opensWordsAt(ctx, KIND["office-role"], w) && phraseAt(ctx, "office-role", w));
}

/**
 * A source reference in one of two shapes, with or without a publisher, however it was made: references made by
 * spreading another would each get a hidden class of their own, and attribution's reads of them would be megamorphic.
 */
function makeRef(r: SourceRef): SourceRef {
  const { label, first, last, anaphor, named, publisher } = r;
  return publisher === undefined ? { label, first, last, anaphor, named } : { label, first, last, anaphor, named, publisher };
}

function refOf(m: Mention): SourceRef {
  return { label: m.label, first: m.first, last: m.last, anaphor: false, named: true };
}

/**
 * Is word k of the phrase a role ("officials"), a coordination before one ("U.S. and allied … officials"), or a
 * lowercase modifier or two before one ("Hong Kong pro-democracy activists")?
 */
function ofRole(ctx: Context, words: number[], k: number): boolean {
  if (!words.includes(k)) return false;
  if (isRole(ctx, k) || (isWordAt(ctx, KIND["coordination"], k) && words.some((w) => w > k && isRole(ctx, w)))) return true;
  for (let j = k; j <= k + 3 && words.includes(j); j++) {
    if (isRole(ctx, j)) return j > k;
    if (mentionAt(ctx, j) || !LOWER_FIRST.test(ctx.text.slice(ctx.tokens[j]!.start, ctx.tokens[j]!.end))) return false;
  }
  return false;
}

/** Is the mention a government body of the catalog's sources? */
function governmentBody(ctx: Context, m: Mention): boolean {
  return m.kind === "source" && ctx.catalog.sources.get(m.id)?.type === "government";
}

/**
 * Reads a noun phrase as a source: a person in it is the speaker ("Pentagon spokesman John Kirby"); a name that heads
 * it is that source ("the Pentagon"); a phrase around a speaking noun is an unnamed source, as written ("a diplomat",
 * "The Emirati embassy in Washington"); a pronoun or "the expert" refers back (anaphor).
 */
/** Is token w a place and its "-based" ("London-based"), or that suffix itself? */
function basedAt(ctx: Context, w: number): boolean {
  const m = mentionAt(ctx, w);
  if (m && isWordAt(ctx, KIND["located-suffix"], m.last + 1) && gapText(ctx, m.last, m.last + 1) === "-") return true;
  const before = mentionAt(ctx, w - 1);
  return !!before && before.last === w - 1 && isWordAt(ctx, KIND["located-suffix"], w) && gapText(ctx, w - 1, w) === "-";
}

function readPhrase(ctx: Context, words: number[]): SourceRef | null {
  // "Indonesia's State Secretariat in a statement", « le ministère dans un communiqué »: how it spoke is no part of who.
  const how = words.findIndex((w, k) => k > 0 && isWordAt(ctx, KIND["preposition"], w) && words.slice(k + 1).some((x) => isWordAt(ctx, KIND["statement-noun"], x)) && words.slice(k + 1).every((x) => isWordAt(ctx, KIND["statement-noun"], x) || isWordAt(ctx, KIND["determiner"], x) || isWordAt(ctx, KIND["definite"], x)));
  if (how > 0) words = words.slice(0, how);
  if (words.length === 0) return null;
  const t = ctx.tokens;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (words.length === 1 && isWordAt(ctx, KIND["pronoun"], first)) return { label: spanText(ctx, first, first), first, last, anaphor: true, named: false };
  // "based on our analysis": the speaker's own work is no further source.
  if (isWordAt(ctx, KIND["first-person"], first)) return null;
  // "le témoignage d'un militaire", "rests on the testimony of a former officer": whoever testifies is the source.
  const noun = words.findIndex((w, k) => k + 2 < words.length && isWordAt(ctx, KIND["testimony-noun"], w) && isWordAt(ctx, KIND["testimony-link"], words[k + 1]!));
  if (noun >= 0) {
    const witness = readPhrase(ctx, words.slice(noun + 2));
    if (witness) return makeRef({ ...witness, first });
  }
  // "une enquête menée par EIC et publiée par Mediapart": the leader speaks, and the outlet that published it relays;
  // "a report published on Monday by Amnesty International": with no one else named, the publisher speaks.
  const pub = words.findIndex((w, k) => k > 0 && publisherAt(ctx, w, last + 1) > w);
  if (pub > 0) {
    const start = publisherAt(ctx, words[pub]!, last + 1);
    const publisher = readPhrase(ctx, words.filter((w) => w >= start));
    const before = words.slice(0, isWordAt(ctx, KIND["coordination"], words[pub - 1]!) ? pub - 1 : pub);
    const leader = before.some((w) => opensWordsAt(ctx, KIND["work-by"], w)) ? readPhrase(ctx, before) : null;
    if (leader && publisher && leader.label !== publisher.label) return makeRef({ ...leader, first, last, publisher: publisher.label });
    if (publisher) return makeRef({ ...publisher, first, last });
  }
  // "l'enquête menée par le consortium Forbidden Stories avec Amnesty", "a study led by X with Y": the leader speaks.
  const by = words.findIndex((w, k) => k > 0 && opensWordsAt(ctx, KIND["work-by"], w) && ctx.lex.phrases.at(ctx.folded, t, w)?.values.some((v) => v.kind === "work-by"));
  if (by > 0) {
    const after = ctx.lex.phrases.at(ctx.folded, t, words[by]!)!.last;
    const rest = words.filter((w) => w > after);
    const partner = rest.findIndex((w) => isWordAt(ctx, KIND["work-partner"], w));
    const leader = readPhrase(ctx, partner > 0 ? rest.slice(0, partner) : rest);
    if (leader) return makeRef({ ...leader, first });
  }
  // ("The London-based human rights group said": where a speaker is based is no part of who speaks.)
  words = words.filter((w) => !basedAt(ctx, w));
  if (words.length === 0) return null;
  const mentions: Mention[] = [];
  for (const w of words) {
    const m = mentionAt(ctx, w);
    if (m && m.first === w && isSourceLike(m)) mentions.push(m);
  }
  // "according to a DSCA statement", "an Amnesty report": a source named right before its statement or work speaks.
  const issuer = mentions.find((m) => m.kind === "source" && m.last === last - 1 && (isWordAt(ctx, KIND["statement-noun"], last) || isWordAt(ctx, KIND["work-noun"], last)));
  if (issuer && words.length <= 4) return makeRef({ ...refOf(issuer), first, last });
  // "Hillary Clinton's campaign manager Robby Mook": the possessor is not the speaker.
  const person = mentions.find((m) => m.kind === "person" && !possessive(ctx, m)) ?? mentions.find((m) => m.kind === "person");
  // ("Pagliano's lawyer", "Clinton's aides": a person's lawyer or aides are other people, told as the text words them.)
  if (person && possessive(ctx, person) && words.some((w) => w > person.last && isWordAt(ctx, KIND["person-role"], w))) return { label: spanText(ctx, first, last), first, last, anaphor: false, named: false };
  if (person) return makeRef({ ...refOf(person), first, last: Math.max(person.last, first) });
  // "the state news agency Petra", "l'agence officielle Petra": a descriptor of the kind of source before its name.
  const described = mentions.find((m) => m.kind === "source" && m.last === last && m.first > first && isWordAt(ctx, KIND["role"], m.first - 1));
  if (described) return makeRef({ ...refOf(described), first, last });
  // ("the daily Politika", "le quotidien Politika": so is a capitalised word the catalog does not know.)
  if (words.length >= 2 && isWordAt(ctx, KIND["role"], words[words.length - 2]!) && isCapitalised(ctx, last) && !mentionAt(ctx, last)) return { label: spanText(ctx, last, last), first, last, anaphor: false, named: true };
  const content = words.filter((w) => !isWordAt(ctx, KIND["function"], w) || isWordAt(ctx, KIND["role"], w));
  // "China's Xinhua news agency": the possessor is not the source.
  const heads = content.filter((w) => {
    const m = mentionAt(ctx, w);
    return !(m && possessive(ctx, m)) && !(m === null && t[w]!.text === "s");
  });
  const head = heads[0];
  const leading = head !== undefined ? mentionAt(ctx, head) : null;
  // "The US State Department", "la Turquie Défense": a state right before a body of its own names whose body speaks.
  const body = leading?.kind === "state" ? mentionAt(ctx, leading.last + 1) : null;
  const lead = body && body.kind === "source" && words.includes(body.first) ? body : leading;
  // "U.S. officials" are unnamed officials, written as they are; "the Citizen Lab researchers" speak for Citizen Lab.
  // ("unnamed U.S. and allied security officials": so are officials of a state coordinated with others.)
  // ("A German government source", "a State Department official": so are a government body's people.)
  if (lead && isSourceLike(lead) && ((lead.kind === "source" && !(governmentBody(ctx, lead) && ofRole(ctx, words, lead.last + 1))) || (lead.kind !== "source" && !ofRole(ctx, words, lead.last + 1)))) return nameAround(ctx, lead, words) ?? makeRef({ ...refOf(lead), first, last: lead.last });
  // "Amnesty International's latest investigation", "Amnesty's researchers": the owner of the report speaks.
  const owner = mentions.find((m) => (m.kind === "source" || m.kind === "person") && possessive(ctx, m));
  if (owner && head !== undefined && isRole(ctx, head) && !mentions.some((m) => m !== owner && m.first > owner.last && (m.kind === "source" || m.kind === "person")))
    return makeRef({ ...refOf(owner), first, last: Math.max(owner.last, head ?? owner.last) });
  // "the state news agency IRNA", "the spyware manufacturer Paragon": a catalog source, maker or person closing the phrase names it.
  const closing = mentions.find((m) => (m.kind === "source" || m.kind === "person" || m.kind === "maker") && m.last === last);
  if (closing) return nameAround(ctx, closing, words) ?? makeRef({ ...refOf(closing), first, last: closing.last });
  // "Indonesia's state-run Antara news agency": a catalog source followed only by nouns of what it is names it.
  const headed = mentions.find((m) => m.kind === "source" && !possessive(ctx, m) && words.every((w) => w <= m.last || isWordAt(ctx, KIND["organisation-role"], w) || isWordAt(ctx, KIND["function"], w)));
  if (headed) return makeRef({ ...refOf(headed), first, last });
  // "its manufacturer said", « le constructeur a indiqué »: the maker last named, or the maker of the system last named.
  if (content.length === 1 && isWordAt(ctx, KIND["maker-role"], content[0]!) && isWordAt(ctx, KIND["determiner"], first) && !isWordAt(ctx, KIND["indefinite-article"], first)) {
    const maker = makerReferent(ctx, first);
    if (maker) return { label: maker, first, last, anaphor: false, named: true };
  }
  const roles = content.filter((w) => isRole(ctx, w));
  if (roles.length > 0) {
    const named = mentions.filter((m) => m.kind !== "demonym");
    // ("la télévision d'État algérienne", "the Algerian state television": a demonym makes it a description, no anaphor.)
    // ("the human rights group": a kind of organisation may take a word or two before its noun.)
    const organisationNoun = isWordAt(ctx, KIND["organisation-role"], content[content.length - 1]!);
    if (isWordAt(ctx, KIND["definite"], first) && content.length <= (organisationNoun ? 3 : 2) && named.length === 0 && !words.some((w) => mentionAt(ctx, w)?.kind === "demonym")) {
      // "the minister said", "selon le spécialiste": the person last introduced with that role;
      // "l'ONG", "the agency": the organisation last named.
      const roleWords = roles.map((w) => t[w]!.text);
      const organisation = roleWords.some((w) => isWord(ctx, KIND["organisation-role"], w)) ? lastSourceBefore(ctx, first) : null;
      // "the Defense Ministry said, … citing Anadolu Agency. … the ministry added": a name holding the role word, nearer
      // than the catalog source, is the one meant; it is the current speaker's, so the phrase refers back.
      if (organisation && !roleWords.some((w) => wordsOf(ctx, organisation).includes(w)) && namedWithRoleBetween(ctx, Math.max(-1, first - ROLE_REACH), first, roleWords)) return { label: spanText(ctx, first, last), first, last, anaphor: true, named: false };
      if (organisation) return makeRef({ ...refOf(organisation), first, last });
      const person = organisation ? null : personWithRole(ctx, first, roleWords);
      if (person) return makeRef({ ...person, first, last });
      return { label: spanText(ctx, first, last), first, last, anaphor: !newOfficeHolder(ctx, first, roles), named: false };
    }
    if (words.length <= 10) return { label: spanText(ctx, first, last), first, last, anaphor: false, named: false };
  }
  // A long stretch that merely contains a name is a clause, not a source ("Elle est devenue un fournisseur de l'Algérie").
  const named = content.length <= 4 ? mentions.find((m) => m.kind !== "demonym") : undefined;
  if (named) return nameAround(ctx, named, words) ?? makeRef({ ...refOf(named), first, last: named.last });
  // "the Saudis said", "les Marocains affirment": a people named by its demonym speaks as written.
  const people = content.length === 1 ? mentionAt(ctx, content[0]!) : null;
  if (people?.kind === "demonym" && people.first === content[0] && isWordAt(ctx, KIND["definite"], first))
    return { label: spanText(ctx, people.first, people.last), first, last, anaphor: false, named: true };
  // "Roe said", "Politifact pointed out": one to three capitalised words the catalog does not know name a speaker.
  // ("the IMF said", "the Tax Foundation found": an article may open the name.)
  const name = words.filter((w, k) => !isWordAt(ctx, KIND["title"], w) && !(k === 0 && words.length > 1 && isWordAt(ctx, KIND["definite"], w)));
  if (name.length >= 1 && name.length <= 4 && name.length >= words.length - 1 && name.every((w) => nameWord(ctx, w) || nameInitial(ctx, w)) && name.some((w) => nameWord(ctx, w))) {
    // "Yoo said" after "lawmaker Yoo Sang-bum": a part of a name already given is that person.
    const known = name.length === 1 ? personNamed(ctx, t[name[0]!]!.text, first) : null;
    return { label: known?.label ?? spanText(ctx, first, last), first, last, anaphor: false, named: true };
  }
  return null;
}

/** The last person before token `i` whose name has the word `w` ("Sang-bum" or "Yoo" for "Yoo Sang-bum"). */
function personNamed(ctx: Context, w: string, i: number): Mention | null {
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.kind !== "person" || m.first >= i) continue;
    for (let j = m.first; j <= m.last; j++) if (ctx.tokens[j]!.text === w) return m;
  }
  return null;
}

/** Does a person mention stand between tokens from and to (inclusive)? */
function namesPerson(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (mentionAt(ctx, k)?.kind === "person") return true;
  return false;
}

/** Does a segment hold a person or an unknown name ("Dr Clarke", not "a former minister")? */
function namesSomeone(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (mentionAt(ctx, k)?.kind === "person" || unknownName(ctx, k)) return true;
  return false;
}

/** A capital followed by a small letter (compiled once: tsx compiles a \p{…} literal in a function at every call). */
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/**
 * "selon le Forum FAR Maroc", "Want China Times said": a catalog name inside a longer proper name the catalog does not
 * know is part of that name, which is the source as written: the run of capitalised words around it, when one of them
 * is unknown.
 */
function nameAround(ctx: Context, m: Mention, words: number[]): SourceRef | null {
  let first = m.first;
  let last = m.last;
  while (inNameRun(ctx, words, first - 1) && !/[,;:()«»"“”]/.test(gapText(ctx, first - 1, first))) first = mentionAt(ctx, first - 1)?.first ?? first - 1;
  while (inNameRun(ctx, words, last + 1) && !/[,;:()«»"“”]/.test(gapText(ctx, last, last + 1))) last = mentionAt(ctx, last + 1)?.last ?? last + 1;
  let unknown = false;
  for (let w = first; w <= last; w++) if (unknownName(ctx, w)) unknown = true;
  if (!unknown) return null;
  return { label: spanText(ctx, first, last), first, last, anaphor: false, named: true };
}

/** Can word w of the phrase go on a run of capitalised words around a name: unknown, or a capitalised party's name? */
function inNameRun(ctx: Context, words: number[], w: number): boolean {
  return words.includes(w) && (unknownName(ctx, w) || (isCapitalised(ctx, w) && !!mentionAt(ctx, w)?.party));
}

/** An upper-case letter (compiled once, as CAPITALISED). */
const UPPER = /\p{Lu}/u;
/** A small letter first (compiled once, like {@link UPPER}). */
const LOWER_FIRST = /^\p{Ll}/u;

/** A capital letter that opens a name with the next word: a middle initial ("Donald J. Trump") or a prefix ("O'Neill"). */
function nameInitial(ctx: Context, w: number): boolean {
  const tok = ctx.tokens[w]!;
  return tok.end - tok.start === 1 && UPPER.test(ctx.text[tok.start]!) && /^(?:\.\s|['’])$/.test(gapText(ctx, w, w + 1)) && unknownName(ctx, w + 1);
}

/** Two to six capitals (compiled once, as CAPITALISED). */
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** An unknown name, or an acronym the catalog does not know ("the IMF said"). */
function nameWord(ctx: Context, w: number): boolean {
  const tok = ctx.tokens[w]!;
  return unknownName(ctx, w) || (!mentionAt(ctx, w) && ACRONYM.test(ctx.text.slice(tok.start, tok.end)) && !isWord(ctx, KIND["function"], tok.text));
}

/** A capitalised word that no catalog entry or closed class claims. */
function unknownName(ctx: Context, w: number): boolean {
  const tok = ctx.tokens[w]!;
  if (mentionAt(ctx, w) || !CAPITALISED.test(ctx.text.slice(tok.start, tok.end))) return false;
  return ![KIND["function"], KIND["title"], KIND["role"], KIND["pronoun"], KIND["auxiliary"], KIND["date-word"]].some((kind) => isWord(ctx, kind, tok.text));
}

/** How far back (in tokens) a role anaphor looks for the person it names. */
const ROLE_REACH = 400;

function wordsOf(ctx: Context, m: Mention): string[] {
  const out: string[] = [];
  for (let k = m.first; k <= m.last; k++) out.push(ctx.tokens[k]!.text);
  return out;
}

/** Is one of the role words written capitalised, as part of a name, between tokens `after` and `before`? */
function namedWithRoleBetween(ctx: Context, after: number, before: number, roleWords: string[]): boolean {
  for (let k = after + 1; k < before; k++) if (roleWords.includes(ctx.tokens[k]!.text) && isCapitalised(ctx, k) && k > 0 && isCapitalised(ctx, k - 1)) return true;
  return false;
}

/** The last catalog source named before token `i` (within reach). */
function lastSourceBefore(ctx: Context, i: number): Mention | null {
  for (let k = i - 1; k >= Math.max(0, i - ROLE_REACH); k--) {
    const m = mentionAt(ctx, k);
    if (m?.kind === "source" && m.first === k) return m;
  }
  return null;
}

/** The name of the maker last named before token `i`, else of the last named system's maker (as the text names it, if it does). */
function makerReferent(ctx: Context, i: number): string | null {
  for (let k = i - 1; k >= Math.max(0, i - ROLE_REACH); k--) {
    const m = mentionAt(ctx, k);
    if (!m || m.first !== k) continue;
    if (m.kind === "maker") return m.label;
    const makerId = m.kind === "system" ? ctx.catalog.systems.get(m.id)?.maker : undefined;
    if (makerId) return firstMention(ctx, "maker", makerId)?.label ?? ctx.catalog.makers.get(makerId)?.names[0]?.text ?? null;
  }
  return null;
}

/** The last person before token `i` introduced with one of these role words ("Defence Minister Mariusz Blaszczak", "Jonathan Hempel, spécialiste de…"). */
function personWithRole(ctx: Context, i: number, roles: string[]): SourceRef | null {
  if (roles.length === 0) return null;
  for (let k = i - 1; k >= Math.max(0, i - ROLE_REACH); k--) {
    const m = introducedPerson(ctx, k);
    if (m && roles.some((r) => wordsAround(ctx, m).includes(r))) return refOf(m);
    // "President Erdogan said… the president added": a title before a name the catalog does not know.
    if (roles.includes(ctx.tokens[k]!.text) && isWordAt(ctx, KIND["title"], k) && unknownName(ctx, k + 1)) {
      let last = k + 1;
      while (last + 1 < i && unknownName(ctx, last + 1) && /^\s+$/.test(gapText(ctx, last, last + 1))) last++;
      return { label: spanText(ctx, k, last), first: k, last, anaphor: false, named: true };
    }
  }
  return null;
}

/** A full-name person mention opening at token k. */
function introducedPerson(ctx: Context, k: number): Mention | null {
  const m = mentionAt(ctx, k);
  return m?.kind === "person" && m.first === k && m.rule !== "person/surname" ? m : null;
}

/** The words introducing a person: up to four before the name, the name with its title, four after it up to a stop. */
function wordsAround(ctx: Context, m: Mention): string[] {
  const t = ctx.tokens;
  const around: string[] = [];
  // "President Erdogan … the president": the title may open the person's own mention.
  for (let j = Math.max(0, m.first - 4); j <= m.last; j++) around.push(t[j]!.text);
  for (let j = m.last + 1; j < Math.min(t.length, m.last + 5); j++) {
    if (/[.;]/.test(gapText(ctx, j - 1, j))) break;
    around.push(t[j]!.text);
  }
  return around;
}

/**
 * "President Erdogan said… The spokesman added": an office nobody named holds is someone new when the person last
 * named was introduced with a title of their own; with none ("Ned Price said… the spokesman added") it may be theirs.
 */
function newOfficeHolder(ctx: Context, i: number, roles: number[]): boolean {
  if (!roles.every((w) => isOfficeRole(ctx, w))) return false;
  for (let k = i - 1; k >= Math.max(0, i - ROLE_REACH); k--) {
    // ("President Erdogan said": a title before a name the catalog does not know introduces a person too.)
    if (isWordAt(ctx, KIND["title"], k) && k + 1 < i && unknownName(ctx, k + 1)) return true;
    const m = mentionAt(ctx, k);
    if (m?.kind === "person" && m.first === k) return wordsAround(ctx, m).some((w) => isWord(ctx, KIND["title"], w) || isWord(ctx, KIND["role"], w));
  }
  return false;
}

/** The phrase from token `i` up to punctuation, a conjunction or another cue (at most 10 words). */
function phraseWords(ctx: Context, i: number, limit: number, cues: Set<number>): { words: number[]; closed: boolean } {
  const words: number[] = [];
  // (« a indiqué sous couvert d'anonymat un porte-parole »: how the speaker spoke, told first, is no part of who.)
  if (phraseAt(ctx, "anonymity", i)) i = ctx.lex.phrases.at(ctx.folded, ctx.tokens, i)!.last + 1;
  // The phrase ends on what says when or where (a date, or a preposition after a name): it is closed there.
  let whenOrWhere = false;
  let bracketClosed = -1;
  let j = i;
  // A phrase that tells who led or published a work ("led by", « publiée ») may run longer.
  let long = false;
  while (j < limit && words.length < (long ? 18 : 10)) {
    if (cues.has(j)) break;
    // "une enquête publiée jeudi par Mediapart", "a report released on Monday by": who published it is read on,
    // over the day it was published.
    const published = words.length > 0 ? publisherAt(ctx, j, limit) : -1;
    if (published > j) {
      for (let k = j; k < published; k++) words.push(k);
      j = published;
      long = true;
      continue;
    }
    // ("the European Investigative Collaborations (EIC)": a short form in brackets after a name adds nothing.)
    if (words.length > 0 && /^\s*\(\s*$/.test(gapText(ctx, j - 1, j)) && /^\s*\)\s*$/.test(gapText(ctx, j, j + 1)) && mentionAt(ctx, j - 1)) {
      bracketClosed = j + 1;
      j++;
      continue;
    }
    if (j > i && j !== bracketClosed && PUNCT_STOP.test(gapText(ctx, j - 1, j)) && !(/^\.\s+$/.test(gapText(ctx, j - 1, j)) && endsInAbbreviation(ctx, j - 1))) break;
    if (words.length > 0 && (isWordAt(ctx, KIND["conjunction"], j) || isWordAt(ctx, KIND["relative"], j)) && !statesOfOneRole(ctx, j, limit) && !(isWordAt(ctx, KIND["coordination"], j) && publisherAt(ctx, j + 1, limit) > j + 1)) break;
    // ("…, a indiqué le ministre lors d'une conférence de presse": how the speaker spoke ends who it is.)
    if (words.length > 0 && phraseAt(ctx, "speaking-adjunct", j)) break;
    // "Estonian officials in August 2019": the date says when they spoke, not who they are.
    // "a report on Tuesday in the Israeli daily Haaretz": the date is stepped over and the reading goes on.
    if (words.length > 0 && isWordAt(ctx, KIND["preposition"], j) && datesAt(ctx, j + 1)) {
      let k = j + 1;
      // ("on Friday evening": a part of the day goes with the date.)
      while (k < limit && (datesAt(ctx, k) || (k > j + 1 && isWordAt(ctx, KIND["time-noun"], k))) && !PUNCT_STOP.test(gapText(ctx, k, k + 1))) k++;
      if (k < limit && (datesAt(ctx, k) || isWordAt(ctx, KIND["time-noun"], k))) {
        whenOrWhere = true;
        break;
      }
      if (k >= limit) {
        whenOrWhere = true;
        break;
      }
      if (k >= limit || !isWordAt(ctx, KIND["preposition"], k)) break;
      j = k;
      continue;
    }
    // "la télévision d'État algérienne il y a quelques jours": a time told before its count ends the phrase too.
    if (words.length > 0 && opensWordsAt(ctx, KIND["time-opening"], j) && ctx.lex.phrases.at(ctx.folded, ctx.tokens, j)?.values.some((v) => v.kind === "time-opening")) break;
    // ("une source proche du dossier sous couvert d'anonymat": how the speaker spoke closes the phrase too.)
    if (words.length > 0 && phraseAt(ctx, "anonymity", j)) {
      whenOrWhere = true;
      break;
    }
    // "le ministre des Armées Sébastien Lecornu lors d'une visite à Erevan": after a named speaker, a preposition opens
    // where or when they spoke; the phrase is closed there.
    if (words.length > 0 && isWordAt(ctx, KIND["preposition"], j) && namedSpeakerEndsAt(ctx, j - 1)) {
      whenOrWhere = true;
      break;
    }
    // "un haut responsable à Erevan le 25 juin": a date closing the phrase says when, not who.
    if (words.length > 0 && (dayAt(ctx, j) || (isWordAt(ctx, KIND["definite"], j) && dayAt(ctx, j + 1)))) {
      // The phrase is closed when nothing but the date follows it before the clause ends.
      let k = j;
      while (k < limit && (dayAt(ctx, k) || /^\d/.test(ctx.tokens[k]!.text) || isWordAt(ctx, KIND["definite"], k) || (k > j && isWordAt(ctx, KIND["time-noun"], k)))) {
        k++;
        if (PUNCT_STOP.test(gapText(ctx, k - 1, k))) break;
      }
      whenOrWhere = k >= limit || PUNCT_STOP.test(gapText(ctx, k - 1, k));
      break;
    }
    words.push(j);
    if (workByAt(ctx, j)) long = true;
    j++;
  }
  const closed = j >= limit || PUNCT_STOP.test(gapText(ctx, j - 1, j)) || cues.has(j) || whenOrWhere;
  return { words, closed };
}

/** Does a person's or a source's name end at token k? */
function namedSpeakerEndsAt(ctx: Context, k: number): boolean {
  const m = mentionAt(ctx, k);
  return !!m && m.last === k && (m.kind === "person" || m.kind === "source");
}

/**
 * The token after "published … by" (« publiée … par », "published … in") when a participle of publishing starts at
 * token j, followed by its day at most, then an agent or a preposition: where the publisher's name starts; else -1.
 */
function publisherAt(ctx: Context, j: number, limit: number): number {
  if (!isWordAt(ctx, KIND["published"], j)) return -1;
  let k = j + 1;
  while (k < limit && k < j + 5 && (dayAt(ctx, k) || /^\d/.test(ctx.tokens[k]!.text) || ((isWordAt(ctx, KIND["preposition"], k) || isWordAt(ctx, KIND["definite"], k) || isWordAt(ctx, KIND["demonstrative"], k)) && dayAt(ctx, k + 1)))) k++;
  const by = ctx.lex.roles.at(ctx.folded, ctx.tokens, k);
  const link = by?.values.some((v) => v.role === "agent") ? by.last : isWordAt(ctx, KIND["preposition"], k) ? k : -1;
  if (link < 0 || link + 1 >= limit || PUNCT_STOP.test(gapText(ctx, j, link + 1))) return -1;
  return link + 1;
}

/** Does a participle of publishing stand between tokens a and b, at most three words apart ("report released by")? */
function publishedBetween(ctx: Context, a: number, b: number): boolean {
  if (b - a > 4) return false;
  for (let k = a + 1; k < b; k++) if (isWordAt(ctx, KIND["published"], k)) return true;
  return false;
}

/** Is the speaker an unnamed work or statement published right after by `publisher` ("a report released by Amnesty")? */
function ownWorkPublished(ctx: Context, work: SourceRef, publisher: SourceRef): boolean {
  return !work.named && (isWordAt(ctx, KIND["work-noun"], work.last) || isWordAt(ctx, KIND["statement-noun"], work.last)) && publishedBetween(ctx, work.last, publisher.first);
}

/** Does word w open who led or published a work ("led by", « publiée »)? */
function workByAt(ctx: Context, w: number): boolean {
  return opensWordsAt(ctx, KIND["work-by"], w) || isWordAt(ctx, KIND["published"], w);
}

/**
 * "unnamed U.S. and allied security officials", « des responsables américains et israéliens »: "and" between a state
 * or demonym and another one, or a role within three words, joins the qualifiers of one group of speakers.
 */
function statesOfOneRole(ctx: Context, and: number, limit: number): boolean {
  if (!isWordAt(ctx, KIND["coordination"], and)) return false;
  const before = mentionAt(ctx, and - 1);
  const gap = gapText(ctx, and - 1, and);
  if (!before || (before.kind !== "state" && before.kind !== "demonym") || (PUNCT_STOP.test(gap) && !(/^\.\s+$/.test(gap) && endsInAbbreviation(ctx, and - 1)))) return false;
  const next = mentionAt(ctx, and + 1);
  if (next && (next.kind === "state" || next.kind === "demonym") && next.first === and + 1) return true;
  for (let k = and + 1; k < Math.min(limit, and + 4); k++) {
    if (PUNCT_STOP.test(gapText(ctx, k - 1, k)) || mentionAt(ctx, k)) return false;
    if (isRole(ctx, k)) return true;
  }
  return false;
}

/** Does a day start at token `k` ("juin", "25 juin", "yesterday")? */
function dayAt(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k]?.text ?? "";
  return isWordAt(ctx, KIND["date-word"], k) || (/^\d/.test(t) && isWordAt(ctx, KIND["date-word"], k + 1));
}

/** The source phrase starting at token `i`. */
/** The outlet named at token i after a dative "to" (« à l'AFP », "to Reuters"), if any. */
function outletAddressedAt(ctx: Context, i: number): Mention | null {
  if (!ctx.lex.roles.at(ctx.folded, ctx.tokens, i)?.values.some((v) => v.role === "to-or-from" || v.role === "dative")) return null;
  return outletAt(ctx, i + 1);
}

/** The outlet or news agency named from token i, after its article if any ("the Guardian", « l'AFP »). */
function outletAt(ctx: Context, i: number): Mention | null {
  const first = isWordAt(ctx, KIND["definite"], i) ? i + 1 : i;
  const m = mentionAt(ctx, first);
  return m && m.first === first && newsOutlet(ctx, m) ? m : null;
}

/** Is the mention an outlet or a news agency of the catalog? */
function newsOutlet(ctx: Context, m: Mention): boolean {
  const type = m.kind === "source" ? ctx.catalog.sources.get(m.id)?.type : undefined;
  return type === "outlet" || type === "agency";
}

function phraseAfter(ctx: Context, i: number, limit: number, cues: Set<number>): SourceRef | null {
  const { words } = phraseWords(ctx, i, limit, cues);
  const r = quotedTitle(ctx, words, limit) ?? readPhrase(ctx, words);
  // ("a annoncé le ministre des Armées, Sébastien Lecornu": a title that would refer back is named right after.)
  return r ? (namedInApposition(ctx, r, limit) ?? r) : r;
}

/** "confirmed by Italy's Foreign Minister, Luigi Di Maio, …": a title set off by the name of its holder is that person. */
function namedInApposition(ctx: Context, r: SourceRef, limit: number): SourceRef | null {
  const title = mentionAt(ctx, r.first);
  if ((title && title.kind === "person") || !/^\s*,\s*$/.test(gapText(ctx, r.last, r.last + 1))) return null;
  const person = mentionAt(ctx, r.last + 1);
  if (!person || person.kind !== "person" || person.first !== r.last + 1) return null;
  if (person.last + 1 < limit && !/^\s*[,;.]/.test(gapText(ctx, person.last, person.last + 1))) return null;
  return { label: ctx.text.slice(person.start, person.end), first: r.first, last: person.last, anaphor: false, named: true };
}

/** "selon les informations révélées dans cette enquête intitulée « Predator Files »": the quoted title names the source. */
function quotedTitle(ctx: Context, words: number[], limit: number): SourceRef | null {
  const last = words[words.length - 1];
  if (last === undefined || !isWordAt(ctx, KIND["naming-participle"], last) || !/^\s*[«“"]\s*$/.test(gapText(ctx, last, last + 1))) return null;
  let end = last + 1;
  while (end + 1 < limit && !/[»”"]/.test(gapText(ctx, end, end + 1))) end++;
  if (end + 1 > limit || end - last > 6) return null;
  const label = ctx.text.slice(ctx.tokens[last + 1]!.start, ctx.tokens[end]!.end);
  return { label, first: words[0]!, last: end, anaphor: false, named: true };
}

/** A day of the month, as digits. */
const DAY_OF_MONTH = /^\d{1,2}$/;

/** "…, rapportent mercredi des journaux algériens": the token after a day word or two between an inverted verb and its subject. */
function pastDay(ctx: Context, i: number, limit: number): number {
  let k = i;
  // ("indique ce mardi le quotidien", "said this week the ministry": an article or demonstrative may open the day.)
  // ("écrit le 26 avril l'agence": or a day of the month.)
  const dayOfMonth = DAY_OF_MONTH.test(ctx.tokens[k + 1]?.text ?? "") && isWordAt(ctx, KIND["date-word"], k + 2);
  if (k + 1 < limit && (isWordAt(ctx, KIND["definite"], k) || isWordAt(ctx, KIND["demonstrative"], k)) && (isWordAt(ctx, KIND["date-word"], k + 1) || dayOfMonth)) k++;
  // ("rapporte ce mardi 30 novembre le quotidien": the date's own figures too.)
  while (k < limit && k < i + 5 && (isWordAt(ctx, KIND["date-word"], k) || (k > i && DAY_OF_MONTH.test(ctx.tokens[k]!.text) && isWordAt(ctx, KIND["date-word"], k + 1))) && !PUNCT_STOP.test(gapText(ctx, k, k + 1))) k++;
  return k < limit ? k : i;
}

/** Does word w tell a clause of its own: a trigger, a finite auxiliary, or a system or category named? */
function opensClause(ctx: Context, w: number): boolean {
  return !!triggerAt(ctx, w) || isWordAt(ctx, KIND["finite-auxiliary"], w) || ["system", "category"].includes(mentionAt(ctx, w)?.kind ?? "");
}

/** "…, said the agency.": a short source phrase closing the clause after an inverted reporting verb. */
function invertedAfter(ctx: Context, i: number, limit: number, cues: Set<number>): SourceRef | null {
  const { words, closed } = phraseWords(ctx, pastDay(ctx, i, limit), limit, cues);
  // ("…, révèle une enquête menée par EIC et publiée par Mediapart": who led or published it is no part of the length.)
  const by = words.findIndex((w) => workByAt(ctx, w));
  const core = by > 0 ? words.slice(0, by) : words;
  // "…, said that Israel had sold": a clause after the verb is what was said, not who said it.
  if (!closed || core.length > 8 || isWordAt(ctx, KIND["relative"], i)) return null;
  // "…, said Israel sold drones": a clause with a verb of its own is what was said.
  // (or one naming what was sold: "…, said the administration remained committed to the F-35").
  if (core.some((w) => opensClause(ctx, w))) return null;
  // ("Sébastien Lecornu, a annoncé lundi à Paris, aux côtés de…": a place after a marker says where, not who.)
  if (placeAlone(ctx, core)) return null;
  return readPhrase(ctx, words);
}

/** Are the words a marker ("à", "in") and one place or state, maybe with its article ("à Paris", "in London")? */
function placeAlone(ctx: Context, words: number[]): boolean {
  if (words.length < 2 || words.length > 3 || !ctx.lex.roles.at(ctx.folded, ctx.tokens, words[0]!)) return false;
  const m = mentionAt(ctx, words[words.length - 1]!);
  return !!m && m.kind === "state" && m.first >= words[1]!;
}

/** Is word w an auxiliary or an adverb trailing a subject ("has", "précédemment"), and no part of a name? */
function trailsSubject(ctx: Context, w: number): boolean {
  return (isWordAt(ctx, KIND["auxiliary"], w) || adverbAt(ctx, w)) && !mentionAt(ctx, w);
}

/** Is word w an adverb that may open a clause before its subject ("Later", « Puis », "Separately")? */
function openingAdverb(ctx: Context, w: number): boolean {
  return (isWordAt(ctx, KIND["sentence-adverb"], w) || adverbAt(ctx, w)) && !mentionAt(ctx, w);
}

/** The subject of a reporting verb at token `verb`: the comma segment before it, stepping over inserted segments. */
function subjectBefore(ctx: Context, s: Sentence, verb: number, verbEnd: number, cues: Set<number>, mayInvert = true): SourceRef | null | "inverted" {
  const { tokens } = ctx;
  let end = verb - 1;
  if (end < s.first) return "inverted";
  if (mayInvert && /[,"»”]/.test(gapText(ctx, end, verb)) && invertedAfter(ctx, verbEnd + 1, s.endToken, cues)) return "inverted";
  // ("Israël a vendu des drones au Maroc, a indiqué une source proche du dossier sous couvert d'anonymat": right after
  // the comma that closes what was told, the verb's subject follows it, however long; what was told is no subject.)
  // (Not after an apposition closing a long subject: "A statement …, Air Commodore Edward Gabkwet, said".)
  if (mayInvert && /,/.test(gapText(ctx, end, verb)) && verbEnd + 1 < s.endToken && triggerInSegmentBefore(ctx, s, end)) return "inverted";
  let afterRelative = false;
  for (let guard = 0; guard < 4 && end >= s.first; guard++) {
    let start = end;
    // A dash set off by spaces ends a segment too: "SEOUL, July 4 (UPI) -- Hyundai Rotem said…".
    while (start > s.first && !/[,;:«»"“”(]|\s(?:--|—|–)\s/.test(gapText(ctx, start - 1, start))) start--;
    // "…stemmed from Polish newspaper Wyborcza on Monday, which revealed": "which" is the name closing the segment before.
    const antecedent = afterRelative ? nameClosing(ctx, start, end) : null;
    if (antecedent) return antecedent;
    const head = tokens[start]!.text;
    // "Nasser Kanaani called the claims unfounded and reaffirmed that…": a reporting verb coordinated after another verb
    // shares its subject, the person or source opening the segment.
    if (guard === 0 && end > start && isWordAt(ctx, KIND["coordination"], end) && /^\s+$/.test(gapText(ctx, end, verb))) {
      const opener = sharedSubject(ctx, start, end);
      if (opener) return refOf(opener);
    }
    // ("il « rejette catégoriquement » ces « allégations » et affirme…": so does one after quoted words, whose subject
    // opens the clause before the quotes, a pronoun or a name.)
    if (guard === 0 && end === start && isWordAt(ctx, KIND["predicate-link"], end) && /[»”"]/.test(gapText(ctx, start - 1, start))) {
      let open = start;
      while (open > s.first && !/[,;:(]/.test(gapText(ctx, open - 1, open))) open--;
      if (isWordAt(ctx, KIND["pronoun"], open)) return { label: spanText(ctx, open, open), first: open, last: open, anaphor: true, named: false };
      const opener = sharedSubject(ctx, open, end);
      if (opener) return refOf(opener);
    }
    // ("Russia was delivering jets, and helicopters to Iran but added that…": after "but"/"and" with no opener in its
    // segment, the verb shares the sentence's opening speaker, or no one the segment names.)
    if (guard === 0 && isWordAt(ctx, KIND["predicate-link"], end) && /^\s+$/.test(gapText(ctx, end, verb)) && !sharedSubject(ctx, start, end)) {
      const opener = sharedSubject(ctx, s.first, end);
      return opener ? refOf(opener) : null;
    }
    // "Amnesty International, whose researchers found…": the owner named before speaks.
    if (isWordAt(ctx, KIND["owner-relative"], start) && start > s.first) {
      for (let k = start - 1; k >= s.first; k--) {
        const m = mentionAt(ctx, k);
        if (m && (m.kind === "source" || m.kind === "person")) return refOf(m);
      }
    }
    const relative = isWordAt(ctx, KIND["relative"], start) && !isWordAt(ctx, KIND["owner-relative"], start);
    // "Jean Exemple, a fictional analyst, said": an apposition describing the person just named.
    const named = start > s.first ? mentionBeforeAside(ctx, start - 1, s.first) : null;
    const article = isWordAt(ctx, KIND["determiner"], start) || isWordAt(ctx, KIND["definite"], start);
    // "John Kirby, strategic communications coordinator at the NSC, reported", « Jean Dupont, chercheur à l'IRIS, a dit »:
    // a lowercase apposition set off on both sides describes the person too.
    const bare = describing(ctx, start) && /,/.test(gapText(ctx, end, end + 1));
    // ("d'Argonay (Haute-Savoie), la ministre des Armées Florence Parly a annoncé": not one that names its own person.)
    if (named?.kind === "person" && (article || bare) && /,/.test(gapText(ctx, start - 1, start)) && !namesPerson(ctx, start, end)) {
      // ", a Democrat from Ohio, said": an apposition set off on both sides describes whoever it is.
      let describes = /,/.test(gapText(ctx, end, end + 1));
      for (let k = start; k <= end; k++) if (isWordAt(ctx, KIND["role"], k) || isWordAt(ctx, KIND["title"], k)) describes = true;
      // The apposition is the speaker's description: no party of what was said ("…, the adviser for the United States, said").
      if (describes) return makeRef({ ...refOf(named!), last: end });
    }
    // "Adam Schiff, 56, said": so does an age.
    if (named?.kind === "person" && ageAt(ctx, start, end)) return makeRef({ ...refOf(named), last: end });
    // "Citizen Lab, a group of researchers at the University of Toronto, has found": an organisation's apposition is
    // set off on both sides.
    // ("Hungary, the only EU member named as a client, confirmed": a state's too.)
    // (« la Pologne, inquiète des ambitions de la Russie, avait annoncé »: a lowercase one too; the state named inside it
    // is no speaker.)
    if ((named?.kind === "source" || named?.kind === "state") && (article || bare) && /,/.test(gapText(ctx, start - 1, start)) && /,/.test(gapText(ctx, end, end + 1))) return makeRef({ ...refOf(named), last: end });
    // Inserted segments: a relative clause, an apposition, a participle, or an adverbial ("in its own report on Wednesday").
    // "Sen. David Perdue (R-Ga.) said": a bracket closing on the verb is an aside, unless it names ("the agency (DSCA) said").
    const bracketed = start > s.first && /\(/.test(gapText(ctx, start - 1, start)) && /^\.?\)\s+$/.test(gapText(ctx, end, verb)) && !mentionAt(ctx, start);
    const inserted =
      relative || bracketed || (isWordAt(ctx, KIND["title"], start) && end - start < 4 && !namesSomeone(ctx, start, end)) || isWordAt(ctx, KIND["preposition"], start) || cues.has(start) || isWordAt(ctx, KIND["inserted-participle"], start) || endsWithAny(ctx, "inserted-suffix", head);
    const words: number[] = [];
    let relativeAt: number | null = null;
    for (let k = start; k <= end; k++) {
      if (k > start && isWordAt(ctx, KIND["relative"], k)) {
        relativeAt = k;
        break;
      }
      if (!cues.has(k)) words.push(k);
    }
    // A name alone between "that" and the verb makes the verb the relative clause's own: "on the same day that Blaszczak
    // said" names the speaker, "howitzers that Washington said it could not deliver" speaks of the howitzers only.
    // With a verb of its own the relative clause describes the subject ("the report that Amnesty published said").
    if (relativeAt !== null) {
      const inner: number[] = [];
      for (let j = relativeAt + 1; j <= end; j++) if (!cues.has(j)) inner.push(j);
      while (inner.length > 1 && isWordAt(ctx, KIND["auxiliary"], inner[inner.length - 1]!)) inner.pop();
      const speaker = inner.length > 0 && inner.length <= 4 ? readPhrase(ctx, inner) : null;
      const last = inner[inner.length - 1]!;
      const nameEnds = speaker?.named && (mentionAt(ctx, last) || unknownName(ctx, last));
      if (nameEnds) return isWordAt(ctx, KIND["time-noun"], relativeAt - 1) ? speaker : null;
      // "The report that Amnesty published said": the report is Amnesty's.
      if (speaker?.named && words.some((w) => isWordAt(ctx, KIND["role"], w)) && !words.some((w) => mentionAt(ctx, w))) return speaker;
    }
    // A segment running up to the verb is its subject's clause ("after a consortium of media outlets reported"):
    // only a segment set off by a comma before the verb is inserted.
    const setOff = /,/.test(gapText(ctx, end, end + 1));
    if (inserted && guard === 0 && !setOff && !relative && isWordAt(ctx, KIND["preposition"], start) && words.length > 1) words.shift();
    else if (inserted && start > s.first && guard < 3) {
      afterRelative = relative && start === verb - 1;
      end = start - 1;
      continue;
    }
    // "Jean Dupont, chercheur, a également souligné", "Prigojine, a de son côté évoqué": a segment of auxiliaries and
    // asides alone leaves the subject further back.
    const aside = asideTokens(ctx, start, end);
    // ("Marc Roe, the league's chief, forcefully told": an adverb alone in its segment is such an aside.)
    if (start > s.first && guard < 3 && words.length > 0 && words.every((w) => aside.has(w) || trailsSubject(ctx, w))) {
      end = start - 1;
      continue;
    }
    // "The investigative outlet Inside Story has revealed": auxiliaries and adverbs are no part of the subject.
    // (A name's own word stays: "the digital rights group Access Now said".)
    // ("La presse iranienne avait précédemment fait état": adverbs too.)
    while (words.length > 1 && trailsSubject(ctx, words[words.length - 1]!)) words.pop();
    // "While his advisers have suggested…": the conjunction opening the clause is no part of its subject.
    while (words.length > 1 && isWordAt(ctx, KIND["conjunction"], words[0]!)) words.shift();
    // "The statement comes a day after a Russian lawmaker told": a conjunction inside the segment opens the speaker's clause.
    for (let k = words.length - 2; k > 0; k--) {
      const w = words[k]!;
      if (!isWordAt(ctx, KIND["conjunction"], w) || isWordAt(ctx, KIND["coordination"], w) || isWordAt(ctx, KIND["relative"], w)) continue;
      words.splice(0, k + 1);
      break;
    }
    // "Later the president said", « Puis le ministre a ajouté »: an adverb opening the clause before its subject's article.
    while (words.length > 2 && openingAdverb(ctx, words[0]!) && (isWordAt(ctx, KIND["determiner"], words[1]!) || isWordAt(ctx, KIND["definite"], words[1]!))) words.shift();
    // ("a senior official speaking on condition of anonymity told Reuters": how they spoke is no part of who.)
    const anonymous = words.findIndex((w) => phraseAt(ctx, "anonymity", w));
    if (anonymous > 0) words.splice(anonymous);
    // "Researchers at Citizen Lab published a report alleging that…": who published the work speaks through it.
    const published = words.findIndex((w) => isWordAt(ctx, KIND["published"], w));
    if (published > 0 && published >= words.length - 4 && isWordAt(ctx, KIND["work-noun"], words[words.length - 1]!)) words.splice(published);
    return readPhrase(ctx, words.slice(-10));
  }
  return null;
}

/** Does the comma before token `cue` close an apposition to a person ("Jane Roe, the ministry's spokeswoman, told")? */
function afterApposition(ctx: Context, s: Sentence, cue: number): boolean {
  let start = cue - 1;
  while (start > s.first && !/,/.test(gapText(ctx, start - 1, start))) start--;
  if (start <= s.first || start >= cue) return false;
  const named = mentionAt(ctx, start - 1);
  // ("Adam Schiff, 56, told": an age is such an apposition.)
  return named?.kind === "person" && named.last === start - 1 && (describing(ctx, start) || ageAt(ctx, start, cue - 1));
}

/** Is the segment from `start` to `end` a person's age alone ("Adam Schiff, 56, told", « Jean Dupont, 45 ans, a dit »)? */
function ageAt(ctx: Context, start: number, end: number): boolean {
  const unit = end === start + 1 && isWordAt(ctx, KIND["age-unit"], end);
  return (start === end || unit) && /^\d{1,3}$/.test(ctx.tokens[start]!.text) && /,/.test(gapText(ctx, start - 1, start)) && /,/.test(gapText(ctx, end, end + 1));
}

/**
 * Does the comma before token `cue` close a segment inserted after a subject — a participle or a relative clause
 * ("An official, speaking on condition of anonymity, told", « Un responsable, qui a requis l'anonymat, a déclaré à »)?
 */
function afterInsertedSegment(ctx: Context, s: Sentence, cue: number): boolean {
  let start = cue - 1;
  while (start > s.first && !/,/.test(gapText(ctx, start - 1, start))) start--;
  if (start <= s.first || start >= cue) return false;
  return isWordAt(ctx, KIND["relative"], start) || isWordAt(ctx, KIND["inserted-participle"], start) || endsWithAny(ctx, "inserted-suffix", ctx.tokens[start]!.text);
}

/** Does the segment at token k open as a description (an article, or a lowercase word that is no conjunction)? */
function describing(ctx: Context, k: number): boolean {
  if (isWordAt(ctx, KIND["conjunction"], k)) return false;
  const t = ctx.tokens[k]!;
  // ("Senator Jane Roe, Democrat of California, said": a party's member is a description, however written.)
  return isWordAt(ctx, KIND["determiner"], k) || isWordAt(ctx, KIND["definite"], k) || isWordAt(ctx, KIND["party-member"], k) || LOWER_FIRST.test(ctx.text.slice(t.start, t.end));
}

/**
 * The mention ending at token `k`, or ending before the bracket that closes at `k`: "Sen. Jane Roe (D-Calif.), chair of
 * the committee, said" describes Jane Roe.
 */
function mentionBeforeAside(ctx: Context, k: number, floor: number): Mention | null {
  const m = mentionAt(ctx, k);
  if (m || !/^\.?\)/.test(gapText(ctx, k, k + 1))) return m;
  for (let open = k; open > floor && open > k - 6; open--) if (/\(\s*$/.test(gapText(ctx, open - 1, open))) return mentionAt(ctx, open - 1);
  return null;
}

/** The speaker named between the "that" after a reporting verb and a second reporting verb at `cue`. */
function innerSubject(ctx: Context, verb: number, cue: number, cues: Set<number>): SourceRef | null {
  const that = complementizerAfter(ctx, verb, cue);
  // Only a phrase running unbroken from the "que" to the verb, as its subject.
  if (that < 0 || that + 1 >= cue || PUNCT_STOP.test(ctx.text.slice(ctx.tokens[that]!.end, ctx.tokens[cue]!.start))) return null;
  const r = phraseAfter(ctx, that + 1, cue, cues);
  let end = cue - 1;
  while (end > that && isWordAt(ctx, KIND["auxiliary"], end)) end--;
  return r && !r.anaphor && r.last >= end ? r : null;
}

/** The "that" / « que » opening what a reporting verb ending at `verb` says, within three tokens and before `to`; -1 if none. */
function complementizerAfter(ctx: Context, verb: number, to: number): number {
  for (let k = verb; k < to && k <= verb + 3; k++) if (isWordAt(ctx, KIND["complementizer"], k)) return k;
  return -1;
}

/**
 * Does a "that" / « que » open what is said between a reporting verb and token `to`, with no name of what is said
 * before `to` ("affirme que, depuis janvier, la presse…", not "confirmed that the government had bought UFED…, Haaretz")?
 */
function reportedAfter(ctx: Context, verb: number, to: number): boolean {
  const that = complementizerAfter(ctx, verb, to);
  if (that < 0) return false;
  for (let j = that + 1; j < to; j++) if (mentionAt(ctx, j)) return false;
  return true;
}

/** The person or source that opens the clause [from, to) as its subject: the first one, before any trigger or other party. */
function sharedSubject(ctx: Context, from: number, to: number): Mention | null {
  for (let k = from; k < to; k++) {
    if (triggerAt(ctx, k)) return null;
    const m = mentionAt(ctx, k);
    if (!m || m.first !== k) continue;
    if ((m.kind === "person" || m.kind === "source") && !possessive(ctx, m)) return m;
    if (m.kind !== "state" && m.kind !== "demonym") return null;
  }
  return null;
}

/** The source or name that closes the token range [from, to], over a closing date ("Wyborcza on Monday"). */
function nameClosing(ctx: Context, from: number, to: number): SourceRef | null {
  let k = to;
  while (k > from && (datesAt(ctx, k) || isWordAt(ctx, KIND["definite"], k) || isWordAt(ctx, KIND["preposition"], k))) k--;
  const m = mentionAt(ctx, k);
  if (m && m.last === k && (m.kind === "source" || m.kind === "person" || m.kind === "maker")) return refOf(m);
  let first = k;
  while (first > from && unknownName(ctx, first - 1)) first--;
  if (!unknownName(ctx, k) || k - first > 2) return null;
  return { label: ctx.text.slice(ctx.tokens[first]!.start, ctx.tokens[k]!.end), first, last: k, anaphor: false, named: true };
}

/** Tokens in [from, to] covered by an aside phrase ("de son côté", "for its part"). */
function asideTokens(ctx: Context, from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (let k = from; k <= to; k++) {
    if (!opensWordsAt(ctx, KIND["aside"], k)) continue;
    const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
    if (m?.values.some((v) => v.kind === "aside")) for (let j = k; j <= m.last; j++) out.add(j);
  }
  return out;
}

/**
 * Does a deal noun ("deux contrats", "an agreement") follow within three words, before any "that", as the verb's object?
 * A deal noun followed by a verb of its own is the subject of what was said ("has said the deal provides for…").
 */
function dealObject(ctx: Context, from: number, end: number): boolean {
  // ("L'Inde a conclu lundi avec la France un accord": over a day and the other party too, up to a "que".)
  for (let k = from; k < Math.min(end, from + 8); k++) {
    if (isWordAt(ctx, KIND["relative"], k) || isWordAt(ctx, KIND["complementizer"], k) || /[,:;«"“]/.test(gapText(ctx, k - 1, k))) return false;
    // ("said he wanted to keep negotiating": a subject pronoun or an infinitive opens what was said.)
    if (isWordAt(ctx, KIND["pronoun"], k) || isWordAt(ctx, KIND["infinitive-marker"], k)) return false;
    const deal = triggerAt(ctx, k);
    if (deal?.values[0]!.cls !== "deal") continue;
    // A deal noun ("an agreement", "deux contrats"), not a verb of its own after a subject or an auxiliary ("said it
    // had ended its contract").
    if (k > from && [KIND["pronoun"], KIND["auxiliary"], KIND["finite-auxiliary"]].some((kind) => isWordAt(ctx, kind, k - 1))) return false;
    const next = deal.last + 1;
    const clause = next < end && (isWordAt(ctx, KIND["finite-auxiliary"], next) || triggerAt(ctx, next) != null);
    return !clause;
  }
  return false;
}

/** "people briefed on the notification", "officials informed about the talks": a reporting verb describing a speaker. */
function briefedOn(ctx: Context, c: PhraseMatch<AttributionCue>): boolean {
  return c.first === c.last && isWordAt(ctx, KIND["briefed-participle"], c.first) && isWordAt(ctx, KIND["role"], c.first - 1) && isWordAt(ctx, KIND["matter-link"], c.last + 1);
}

/** "has documented five Kestrel drones at an airbase": a verb of finding with a weapon as its object is a sighting. */
function sighting(ctx: Context, c: PhraseMatch<AttributionCue>): boolean {
  if (!isWordAt(ctx, KIND["sighting-verb"], c.last)) return false;
  for (let k = c.last + 1; k <= c.last + 4 && k < ctx.tokens.length; k++) {
    const m = mentionAt(ctx, k);
    if (m?.kind === "system" || m?.kind === "category") return true;
    if ((m && m.kind !== "demonym") || isWordAt(ctx, KIND["conjunction"], k) || /[,;:.]/.test(gapText(ctx, k - 1, k))) return false;
  }
  return false;
}

/**
 * Marks the tokens of a source phrase as occupied: a source is no party to a transfer, except a state, body or company
 * that speaks and acts ("Portugal said it had sent…", "Rheinmetall said it had supplied…").
 * "Israel said it sold…", "selon Bamako, les drones reçus…": a state may be the source and a party; a government
 * body that is only cited ("according to the White House") is a source and nothing else.
 */
function markSource(ctx: Context, occupied: Uint8Array, r: SourceRef, speaks = false, afterWhatItSays = false): void {
  for (let k = r.first; k <= r.last; k++) {
    const m = mentionAt(ctx, k);
    // ("Washington said it would sell": a state or maker that speaks may act in what it says; "Iran has sent missiles
    // to Russia, the United States said": not one that speaks after it, in a segment of its own.)
    const actsToo = !afterWhatItSays && (m?.kind === "state" || (speaks && m?.kind === "maker"));
    if ((speaks || m?.nameKind !== "force") && m && m.party && actsToo && r.named && m.label === r.label) continue;
    occupied[k] = 1;
  }
}

/** Does a trigger stand in the comma segment of the sentence that ends at token `end`? */
function triggerInSegmentBefore(ctx: Context, s: Sentence, end: number): boolean {
  for (let k = end; k >= s.first; k--) {
    if (triggerAt(ctx, k)) return true;
    if (k > s.first && /[,;:]/.test(gapText(ctx, k - 1, k))) return false;
  }
  return false;
}

/** Does a trigger stand from token `from` to the next comma or the end of the sentence (`to`)? */
function triggerInSegment(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (k > from && /,/.test(gapText(ctx, k - 1, k))) return false;
    if (triggerAt(ctx, k)) return true;
  }
  return false;
}

/** Is a transfer told before token `cue`, in a segment the reporting verb's own is set off from (by a comma or quote)? */
function toldBefore(ctx: Context, from: number, cue: number): boolean {
  let told = false;
  for (let k = from; k <= cue; k++) {
    if (told && /[,"»”]/.test(gapText(ctx, k - 1, k))) return true;
    if (k < cue && triggerAt(ctx, k)) told = true;
  }
  return false;
}

/**
 * A phrase from `from` on that tells of a statement's making ("after talks with his Armenian counterpart"), opened by
 * a preposition: the parties and talks it names, up to a comma, or a relative clause or a trigger, which may tell
 * something again, are no parties to what was said.
 */
function occupySpeaking(ctx: Context, occupied: Uint8Array, from: number, to: number): void {
  const opener = from < to && (isWordAt(ctx, KIND["preposition"], from) || ctx.lex.phrases.at(ctx.folded, ctx.tokens, from)?.values.some((v) => v.kind === "speaking-adjunct"));
  if (!opener) return;
  for (let k = from; k < to; k++) {
    if (k > from && /[,;(]/.test(gapText(ctx, k - 1, k))) return;
    if (isWordAt(ctx, KIND["relative"], k)) return;
    // ("after talks with": talks are the statement's occasion.)
    const trigger = triggerAt(ctx, k);
    if (trigger && trigger.values[0]!.status !== "negotiating") return;
    if (trigger) for (let j = k; j <= trigger.last; j++) occupied[j] = 1;
    if (mentionAt(ctx, k)?.party) occupied[k] = 1;
  }
}

/** The description an anaphor leaves: the first described speaker of several words ("le ministre des Armées"). */
function describedBy(described: string | null, r: SourceRef): string | null {
  return !described && r.last > r.first ? r.label : described;
}

/**
 * A reporting verb written as a bare participle ("avancé", "confirmé", "reconnu") speaks only after an auxiliary
 * ("a avancé", "ont ensuite confirmé"); languages that list no `speech-auxiliary` are not asked.
 */
function adjectivalParticiple(ctx: Context, c: PhraseMatch<AttributionCue>, floor: number): boolean {
  const auxiliaries = ctx.lex.words.get("speech-auxiliary");
  if (!auxiliaries || c.first !== c.last) return false;
  const written = ctx.text.slice(ctx.tokens[c.first]!.start, ctx.tokens[c.first]!.end).toLowerCase();
  if (!/é(e?s?)$/.test(written) && !isWordAt(ctx, KIND["speech-participle"], c.first)) return false;
  for (let k = c.first - 1; k >= Math.max(floor, c.first - 4); k--) if (auxiliaries.has(ctx.tokens[k]!.text)) return false;
  return true;
}

/** Reads the reporting frames of one sentence, marking the tokens they occupy in `occupied` (one flag a token of the document). */
export function attributeSentence(ctx: Context, s: Sentence, occupied = new Uint8Array(ctx.tokens.length)): SentenceAttribution & { opening: SourceRef | null; steps: ChainStep[] } {
  const cues: PhraseMatch<AttributionCue>[] = [];
  for (let i = s.first; i < s.endToken; ) {
    // A cue word inside a name ("the United States") is part of the name.
    const named = mentionAt(ctx, i);
    // "cited the minister as saying", "was quoted as saying": "as saying" only ends the cue before it.
    // ("Cela dit, …", "That said, …": a set phrase that says nothing of who spoke.)
    // (« selon les termes du contrat », "according to the terms of": what a deal lays down, no one's report.)
    if (phraseAt(ctx, "speaking-as", i) || phraseAt(ctx, "not-a-cue", i) || phraseAt(ctx, "deal-terms", i)) {
      i = ctx.lex.phrases.at(ctx.folded, ctx.tokens, i)!.last + 1;
      continue;
    }
    const read = named && named.kind !== "category" ? null : ctx.lex.attribution.at(ctx.folded, ctx.tokens, i);
    const m = read && (briefedOn(ctx, read) || sighting(ctx, read)) ? null : read;
    if (m && m.last < s.endToken) {
      cues.push(m);
      i = m.last + 1;
    } else i++;
  }
  const cueTokens = new Set<number>();
  for (const c of cues) for (let k = c.first; k <= c.last; k++) cueTokens.add(k);
  for (const k of cueTokens) occupied[k] = 1;
  const rules: string[] = [];
  let opening: SourceRef | null = null;
  /** The last token of the reporting verb of a speaker named before it (not inverted), for the clause it speaks for. */
  let speechAt: number | null = null;
  let speechFirst: number | null = null;
  let openedByCiting = false;
  /** Reporting verbs whose speaker was read: a "citing" right after one unread names the nearest relay. */
  const reporterRead = new Set<number>();
  let carry = false;
  let pronoun = false;
  let thing = false;
  let impersonal = false;
  let carriedAt: number | null = null;
  let described: string | null = null;
  const steps: ChainStep[] = [];
  for (const c of cues) {
    const cue = c.values[0]!;
    switch (cue.kind) {
      case "opening-for": {
        // "Pour Amnesty, la faute revient…": a named source opening the sentence, set off by a comma.
        const r = phraseAfter(ctx, c.last + 1, s.endToken, cueTokens);
        const closedByComma = r && /^\s*,/.test(ctx.text.slice(ctx.tokens[r.last]!.end, ctx.tokens[r.last]!.end + 2));
        if (c.first !== s.first || !r || !r.named || !closedByComma || opening) break;
        markSource(ctx, occupied, r);
        rules.push(cue.rule);
        opening = r;
        break;
      }
      case "carry":
        carry = true;
        carriedAt ??= c.first;
        // ("…, they added": a plural goes on with the source, no one person named since.)
        if (isWordAt(ctx, KIND["plural-pronoun"], c.first)) impersonal = true;
        rules.push(cue.rule);
        if (toldBefore(ctx, s.first, c.first)) occupySpeaking(ctx, occupied, c.last + 1, s.endToken);
        break;
      case "according-to":
      case "report": {
        // "quelques heures après la révélation de ce contrat par Disclose": a report that dates a statement is not its source.
        // ("D'après un rapport de l'ONU": not the "après" of a cue of its own.)
        if (cue.kind === "report" && [1, 2].some((d) => isWordAt(ctx, KIND["sequence-preposition"], c.first - d) && !cueTokens.has(c.first - d))) break;
        const r = phraseAfter(ctx, c.last + 1, s.endToken, cueTokens);
        if (!r) break;
        markSource(ctx, occupied, r);
        rules.push(cue.rule);
        if (r.anaphor) {
          carry = true;
          carriedAt ??= c.first;
          described = describedBy(described, r);
        } else if (!opening && !(carry && described && cue.kind === "according-to")) opening = r;
        // "X said…, according to Y" relays X; "X said…, a report by Y" names X's source.
        // ("…, the Defense Ministry said, according to Anadolu": so it relays a speaker who refers back.)
        else steps.push({ kind: cue.kind === "report" ? "citing" : "cited-by", ref: r, relaysCarried: !opening });
        break;
      }
      case "speech": {
        // "NSO Group did not say whether…": what someone does not say is no statement.
        if (negatedCue(ctx, c.first, s.first)) break;
        // ("Belarus added four more in 2019": a verb with a count of more as its object adds items, it says nothing.)
        if (countOfMoreAt(ctx, c.last + 1)) break;
        // "l'hélicoptère le plus avancé", "un accord confirmé": a bare participle with no auxiliary before it qualifies a noun.
        if (adjectivalParticiple(ctx, c, s.first)) break;
        // "MBDA a conclu deux contrats avec Chypre": a reporting verb whose object is a deal concluded it, said nothing.
        if (dealObject(ctx, c.last + 1, s.endToken)) break;
        // « La Pologne a conclu d'acheter… »: before « de » and an infinitive, the verb decides, it reports nothing.
        if (isWordAt(ctx, KIND["infinitive-marker"], c.last + 1) && !!triggerAt(ctx, c.last + 2)) break;
        // "Saudi Arabia was reported to have signed": a passive reporting verb hedges; its subject is what is reported on
        // (but "he was quoted as saying" still names the speaker).
        // "Serbia Accused of Spying on Journalists": an accusing participle right before its charge is passive too.
        const accusedOf = isWordAt(ctx, KIND["accused-participle"], c.last) && isWordAt(ctx, KIND["charge-preposition"], c.last + 1);
        if (accusedOf || (isPassive(ctx, c.first, s.first) && !/^(as|comme)$/.test(ctx.tokens[c.last + 1]?.text ?? ""))) {
          // "It was widely reported in the Hungarian press that…": a passive report names where it appeared.
          const medium = isWordAt(ctx, KIND["report-medium-link"], c.last + 1) ? phraseAfter(ctx, c.last + 2, s.endToken, cueTokens) : null;
          if (medium && !opening && (medium.named || isWordAt(ctx, KIND["role"], medium.last))) {
            markSource(ctx, occupied, medium);
            rules.push(cue.rule);
            opening = medium;
          }
          break;
        }
        // "declined to comment on reports that…": "reports" is a noun here, and the unnamed source.
        const nominal = isWordAt(ctx, KIND["claim-noun"], c.first) && (isWordAt(ctx, KIND["preposition"], c.first - 1) || isWordAt(ctx, KIND["determiner"], c.first - 1) || isWordAt(ctx, KIND["definite"], c.first - 1));
        // "Media reports said": a noun standing before the reporting verb that follows it is its subject, not a verb.
        // "reports" is a verb closing its clause ("…, Intelligence Online reports."), a noun anywhere else
        // ("official reports by the agencies confirmed").
        const closesClause = c.last + 1 >= s.endToken || /[,;:.!?)»”"]/.test(gapText(ctx, c.last, c.last + 1));
        if (isWordAt(ctx, KIND["claim-noun"], c.first) && c.first === c.last && (cues.some((o) => o.first === c.last + 1) || !closesClause)) {
          for (let k = c.first; k <= c.last; k++) cueTokens.delete(k);
          break;
        }
        // "Africa Intelligence affirme que la presse israélienne a révélé…": the subject of a reporting verb inside what is
        // said starts after the "que".
        const inner: SourceRef | null = opening && speechAt !== null && !nominal ? innerSubject(ctx, speechAt, c.first, cueTokens) : null;
        // « C'est ce qu'a affirmé mardi Antony Blinken »: after a phrase reporting back, the speaker follows the verb.
        const back = c.first - 1 > s.first && phraseEndsAt(ctx, "told-back", c.first - 1) && phraseAt(ctx, "told-back", s.first);
        const subj: SourceRef | null | "inverted" = nominal ? null : back ? "inverted" : inner ?? subjectBefore(ctx, s, c.first, c.last, cueTokens);
        // ("…, a confirmé à l'AFP une source sécuritaire": an outlet addressed right after the verb, before its subject.)
        const invertedFrom: number = subj === "inverted" ? pastDay(ctx, c.last + 1, s.endToken) : -1;
        const addressed: Mention | null = subj === "inverted" ? outletAddressedAt(ctx, invertedFrom) : null;
        const r: SourceRef | null = nominal ? { label: ctx.text.slice(ctx.tokens[c.first]!.start, ctx.tokens[c.first]!.end), first: c.first, last: c.first, anaphor: false, named: false } : subj === "inverted" ? phraseAfter(ctx, addressed ? addressed.last + 1 : invertedFrom, s.endToken, cueTokens) : subj;
        if (!r) break;
        if (addressed && !r.anaphor) {
          markSource(ctx, occupied, refOf(addressed));
          steps.push({ kind: "told", ref: refOf(addressed) });
        }
        // ("…, the United States said": a speaker opening its own segment after what it says; not a relative's antecedent.)
        const ownSegment = /,/.test(gapText(ctx, r.first - 1, r.first)) && toldBefore(ctx, s.first, c.first) && !triggerInSegment(ctx, c.last + 1, s.endToken);
        markSource(ctx, occupied, r, true, ownSegment);
        rules.push(cue.rule);
        // "« … », a-t-il indiqué à l'issue d'un entretien avec son homologue arménien": after what was said, what
        // follows its speaker tells of the speaking.
        if (toldBefore(ctx, s.first, c.first)) occupySpeaking(ctx, occupied, Math.max(c.last, r.last) + 1, s.endToken);
        // "Citing four officials, Reuters reported…": the speaker relays what it cites.
        // "…, the embassy said on Twitter, the BBC reported.": a named reporter closing the sentence relays the speaker.
        // "…, people briefed on it said, Trend reports citing Reuters": a reporter citing someone relays too.
        const relaysCited = cues.some((o) => o.first === c.last + 1 && o.values[0]!.kind === "citing");
        if (r.anaphor) {
          carry = true;
          carriedAt ??= c.first;
          described = describedBy(described, r);
          if (r.first === r.last && isWordAt(ctx, KIND["pronoun"], r.first)) pronoun = true;
          if (r.first === r.last && isWordAt(ctx, KIND["thing-pronoun"], r.first)) thing = true;
          // ("The groups said", "the report says": an organisation or a work referred to is no person either.)
          // ("the researchers concluded": nor a plural of people, who are not the one person named before.)
          if (thing || isWordAt(ctx, KIND["organisation-role"], r.last) || isWordAt(ctx, KIND["work-noun"], r.last) || pluralRole(ctx, r.last)) impersonal = true;
        } else if (!opening) (opening = r), (speechAt = subj === "inverted" ? null : c.last), (speechFirst = c.first);
        else if ((openedByCiting || ((closesClause || relaysCited || subj === "inverted") && r.named && r.first > opening.last)) && r.label !== opening.label && !steps.some((st) => st.ref.label === r.label)) {
          steps.push({ kind: "cited-by", ref: r });
        } else if (speechAt !== null && r.first > speechAt && r.label !== opening.label && reportedAfter(ctx, speechAt, r.first) && !steps.some((st) => st.ref.label === r.label)) {
          // "Africa Intelligence affirme que la presse israélienne a révélé…", "X said that Haaretz had reported…": a
          // speaker inside what another says is the earlier source.
          steps.push({ kind: "citing", ref: r });
        }
        if (!relaysCited || r.anaphor || r === opening || steps.some((st) => st.ref === r)) reporterRead.add(c.last);
        break;
      }
      case "told": {
        // "X told Y": X speaks, Y is the outlet that carries it. "…: interrogée par l'AFP, une source a assuré" opens a
        // segment, and its speaker comes after it.
        const opensSegment = c.first === s.first || /[,;:]/.test(gapText(ctx, c.first - 1, c.first));
        // "…, affirme dans un entretien au Figaro le chercheur Jean Exemple": after an inverted verb of saying, the
        // outlet comes first and the speaker after it.
        // ("…, a confié au Figaro un responsable": so after a verb of telling set off the same way.)
        const sayer = cues.find((o) => o.last === c.first - 1 && o.values[0]!.kind === "speech");
        const verbFirst = sayer ? sayer.first : c.first;
        const inverted = verbFirst > s.first && /,/.test(gapText(ctx, verbFirst - 1, verbFirst)) && triggerInSegmentBefore(ctx, s, verbFirst - 1);
        const outletFirst = inverted ? outletAt(ctx, c.last + 1) : null;
        const speakerAfter = outletFirst && outletFirst.last + 1 < s.endToken ? phraseAfter(ctx, outletFirst.last + 1, s.endToken, cueTokens) : null;
        if (speakerAfter && outletFirst) {
          markSource(ctx, occupied, speakerAfter, true);
          markSource(ctx, occupied, refOf(outletFirst));
          if (!opening) opening = speakerAfter;
          rules.push(cue.rule);
          steps.push({ kind: "told", ref: refOf(outletFirst) });
          break;
        }
        const r = phraseAfter(ctx, c.last + 1, s.endToken, cueTokens);
        // "told Washington", "acheté auprès d'Israël": a state told or dealt with is no medium that carries the words.
        // (« auprès du suédois Saab », « auprès de l'israélien Elbit »: also after the party's article and demonym.)
        if (r && dealtWithParty(ctx, r)) break;
        // ("Jane Roe, the ministry's spokeswoman, told Xinhua": after a person's apposition, the cue is the person's verb.)
        // ("An Israeli official, speaking on condition of anonymity, told the Times…": nor after an inserted segment.)
        const subj = opensSegment && !afterApposition(ctx, s, c.first) && !afterInsertedSegment(ctx, s, c.first) ? null : subjectBefore(ctx, s, c.first, c.last, cueTokens);
        if (subj && subj !== "inverted" && !subj.anaphor && !opening) {
          markSource(ctx, occupied, subj, true);
          opening = subj;
        } else if (subj && subj !== "inverted" && subj.anaphor) {
          carry = true;
          carriedAt ??= c.first;
          described = describedBy(described, subj);
        }
        // "X told reporters", "X told Dev Wire" (this article's outlet): the speaker alone is the source.
        // ("Tehran told Russian officials": so with people addressed, who carry the words nowhere.)
        if (!r || isWordAt(ctx, KIND["audience"], r.first) || addressesPeople(ctx, r) || isOwnOutlet(ctx, r.label)) break;
        // "told the Senate", "told the committee": a body addressed with its article is no outlet, unless the catalog
        // or a word of its phrase says it is one ("told the Guardian", "told the news agency Petra").
        if (isWordAt(ctx, KIND["definite"], r.first) && !r.anaphor && !outletPhrase(ctx, r)) break;
        // "told the news agency": the outlet last named.
        if (r.anaphor) {
          const outlet = lastOutletBefore(ctx, s.first);
          if (!outlet) break;
          r.label = outlet;
          r.anaphor = false;
        }
        markSource(ctx, occupied, r);
        rules.push(cue.rule);
        steps.push({ kind: "told", ref: r });
        break;
      }
      case "cited-by":
      case "citing": {
        const found = phraseAfter(ctx, c.last + 1, s.endToken, cueTokens);
        // "Antara cited the defence minister as saying…": a verb that also cites reasons ("cited security concerns")
        // cites a speaker only when "as saying" follows; the speaker it describes is cited as described.
        const citedAs = !!found && phraseAt(ctx, "speaking-as", found.last + 1);
        // (« selon un communiqué publié par le ministère »: the body referred back to, named before, issued its own work
        // or statement: it speaks on.)
        if (found?.anaphor && !citedAs && opening && ownWorkPublished(ctx, opening, found)) {
          opening = null;
          carry = true;
          carriedAt ??= c.first;
          described = describedBy(described, found);
          break;
        }
        if (!found || (found.anaphor && !citedAs)) break;
        if (isWordAt(ctx, KIND["cite-as-verb"], c.first) && !citedAs) break;
        const r = citedAs ? makeRef({ ...found, anaphor: false }) : found;
        markSource(ctx, occupied, r);
        rules.push(cue.rule);
        // "Defense News quoted sources in Morocco": the one who cites is the nearer link.
        // ("…, which cited X": a relative's antecedent was read already, as a relay.)
        // ("The sale was first reported by X": after an auxiliary the cue is passive, and its subject is what was reported.)
        const passiveCue = isWordAt(ctx, KIND["finite-auxiliary"], c.first - 1) || !!ctx.lex.roles.at(ctx.folded, ctx.tokens, c.first - 1)?.values.some((v) => v.role === "passive");
        if (!opening && cue.kind === "citing" && !passiveCue && !isWordAt(ctx, KIND["relative"], c.first)) {
          // "Middle East Monitor, quoting Haaretz, said…": what follows "citing" is the cited, never an inverted subject.
          const subj = subjectBefore(ctx, s, c.first, c.last, cueTokens, false);
          // ("…, the ministry said, News.Az reports citing Anadolu" in News.Az itself: the article's own voice relays nothing.)
          const ownVoice = subj && subj !== "inverted" && carry && described !== null && isOwnOutlet(ctx, subj.label);
          if (subj && subj !== "inverted" && !subj.anaphor && subj.named && !ownVoice) {
            markSource(ctx, occupied, subj);
            opening = subj;
          }
        }
        if (!opening && cue.kind === "citing" && carry && described) steps.push({ kind: "cited-by", ref: r, relaysCarried: true });
        else if (!opening && cue.kind === "citing") (opening = r), (openedByCiting = true);
        // "The talks have been confirmed by the foreign minister, Defense News reports": the agent of a passive
        // reporting verb is the speaker, whoever reports it after.
        else if (!opening && cue.kind === "cited-by" && passiveCue && !(carry && described)) opening = r;
        // "…, people said, an unknown outlet reports citing Reuters": with the reporter unread, Reuters is the nearest.
        else if (cue.kind === "citing" && cues.some((o) => o.last === c.first - 1 && o.values[0]!.kind === "speech" && !reporterRead.has(o.last))) steps.push({ kind: "cited-by", ref: r });
        else steps.push({ kind: cue.kind, ref: r, ...(cue.kind === "citing" ? { anchor: relativeAntecedent(ctx, c.first, opening, steps) } : {}) });
        break;
      }
    }
  }
  // "Pat Caddell: …", "WALLACE: …": a name opening a sentence with a colon speaks the rest.
  if (!opening && ctx.tokens[s.first]) {
    const lead = mentionAt(ctx, s.first);
    if (lead && (lead.kind === "person" || lead.kind === "source") && /^\s*:/.test(ctx.text.slice(lead.end, lead.end + 3))) opening = refOf(lead);
  }
  // "The sale was first reported by The Washington Post": a relay with nothing before it to relay is the source itself.
  // ("Tel que rapporté par les agences russes, le même responsable a annoncé": not when the speaker refers back.)
  if (!opening && steps[0]?.kind === "cited-by" && !steps[0].relaysCarried && !(carry && described)) opening = steps.shift()!.ref;
  // "according to a report released by Amnesty International", « selon une enquête publiée par Mediapart »: an unnamed
  // work published by someone right after it is theirs.
  // (Not one "seen by" or "obtained by" an outlet: that one relays it.)
  // (« selon un communiqué publié par le ministère croate »: so is a statement.)
  if (opening && steps[0]?.kind === "cited-by" && ownWorkPublished(ctx, opening, steps[0].ref)) opening = steps.shift()!.ref;
  let chain: string[] | null = null;
  if (opening) {
    chain = opening.publisher ? [opening.label, opening.publisher] : [opening.label];
    for (const st of steps) applyStep(chain, st.kind, st.ref.label, st.anchor);
    // The article's own outlet alone is the article's own voice.
    if (chain.length === 1 && isOwnOutlet(ctx, chain[0]!)) chain = null;
  }
  return { chain, carry, carriedAt, described, pronoun, thing, impersonal, occupied, rules, opening, steps, scope: opening && speechAt !== null ? laterClause(ctx, s, opening, speechAt) ?? coordinatedPredicate(ctx, opening, speechFirst!) : null };
}

/**
 * The conjunction opening the clause of a speaker named after a comma and a conjunction ("…, while Norway said it
 * would send…"), when the reporting verb has words of its own after it; null when the speaker speaks for the sentence.
 */
function laterClause(ctx: Context, s: Sentence, speaker: SourceRef, verbLast: number): number | null {
  if (verbLast + 1 >= s.endToken || /[.!?]/.test(gapText(ctx, verbLast, verbLast + 1))) return null;
  let k = speaker.first - 1;
  while (k > s.first && isWordAt(ctx, KIND["relative"], k) && isWordAt(ctx, KIND["clause-conjunction"], k - 1)) k--;
  if (k <= s.first || !isWordAt(ctx, KIND["clause-conjunction"], k) || !/,/.test(gapText(ctx, k - 1, k))) return null;
  return k;
}

/**
 * The conjunction before a reporting verb that is its speaker's second predicate, after one that tells a transfer
 * ("Morocco signed for 20 F-35s and denied plans to…", « signe pour vingt F-35 et dément… »): the speaker speaks for
 * the second only. Null when no trigger stands between the speaker and the conjunction.
 */
function coordinatedPredicate(ctx: Context, speaker: SourceRef, verbFirst: number): number | null {
  const k = verbFirst - 1;
  if (k <= speaker.last + 1 || !isWordAt(ctx, KIND["predicate-link"], k) || /,/.test(gapText(ctx, k - 1, k))) return null;
  for (let j = speaker.last + 1; j < k; j++) if (triggerAt(ctx, j)) return k;
  return null;
}

/** Does a count followed by "more" / « de plus » start at token k ("four more", "30 additional")? */
function countOfMoreAt(ctx: Context, k: number): boolean {
  return countAt(ctx, k) && moreAt(ctx, k + 1) >= 0;
}

/** Is the reporting verb at token `i` negated ("did not say", "n'a pas confirmé")? */
function negatedCue(ctx: Context, i: number, floor: number): boolean {
  // ("has never officially confirmed": over an adverb too.)
  for (let k = i - 1; k >= Math.max(floor, i - 4); k--) {
    if (isWordAt(ctx, KIND["negation"], k)) return true;
    if (!isWordAt(ctx, KIND["auxiliary"], k) && !adverbAt(ctx, k)) return false;
  }
  return false;
}

/** Does a date word or a number start at token `i`? */
function datesAt(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i]?.text;
  return !!t && (/^\d/.test(t) || isWord(ctx, KIND["date-word"], t));
}

/** Does a source phrase name an outlet: a source of the catalog, or a phrase with a word of the kind ("the daily Politika")? */
function outletPhrase(ctx: Context, r: SourceRef): boolean {
  for (let k = r.first; k <= r.last; k++) {
    const m = mentionAt(ctx, k);
    if (m?.kind === "source" || isWordAt(ctx, KIND["role"], k) || isWordAt(ctx, KIND["outlet-word"], k)) return true;
  }
  return false;
}

/** Is the phrase after "told" / « auprès de » a state, actor or maker, over its article and demonym at most? */
function dealtWithParty(ctx: Context, r: SourceRef): boolean {
  const m = mentionAt(ctx, r.last);
  if (!m || m.last !== r.last || (m.kind !== "state" && m.kind !== "actor" && m.kind !== "maker")) return false;
  for (let k = r.first; k < m.first; k++) if (!isWordAt(ctx, KIND["definite"], k) && mentionAt(ctx, k)?.kind !== "demonym") return false;
  return true;
}

/** Is the phrase after "told" people who carry the words nowhere, named by nothing ("Russian officials", « des responsables européens »)? */
function addressesPeople(ctx: Context, r: SourceRef): boolean {
  if (r.named) return false;
  for (let k = r.first; k <= r.last; k++) if (isWordAt(ctx, KIND["audience"], k)) return true;
  return false;
}

/** The last outlet or news agency the document names before token `i`. */
function lastOutletBefore(ctx: Context, i: number): string | null {
  let outlets = outletIndex.get(ctx);
  if (!outlets) {
    outlets = ctx.mentions.filter((m) => newsOutlet(ctx, m) && !isOwnOutlet(ctx, m.label));
    outletIndex.set(ctx, outlets);
  }
  const before = lowerBound(outlets, ctx.tokens[i]?.start ?? ctx.text.length);
  return before > 0 ? outlets[before - 1]!.label : null;
}
const outletIndex = new WeakMap<Context, Mention[]>();

function isOwnOutlet(ctx: Context, label: string): boolean {
  return !!ctx.outlet && fold(label) === fold(ctx.outlet);
}

/** Adds a relay to a chain: cited-by and told come after, citing comes before the nearest. */
export function applyStep(chain: string[], kind: string, label: string, anchor?: string | null): void {
  if (chain.some((c) => fold(c) === fold(label))) return;
  // "…, citing Haaretz, which itself cited an expert": what a relative cites comes right before its antecedent.
  const at = anchor ? chain.findIndex((c) => fold(c) === fold(anchor)) : -1;
  if (kind === "citing") chain.splice(at >= 0 ? at : Math.max(0, chain.length - 1), 0, label);
  else chain.push(label);
}

/** A link of a chain read after its opening: who relays, or whom a source cites (before `anchor` when given). */
interface ChainStep {
  kind: string;
  ref: SourceRef;
  anchor?: string | null;
  /** A relay of the speaker the sentence refers back to, read before anyone it names. */
  relaysCarried?: boolean;
}

/** ", which itself cited", "lequel cite": the source read last before the relative pronoun opening the cue. */
function relativeAntecedent(ctx: Context, cue: number, opening: SourceRef | null, steps: ChainStep[]): string | null {
  if (!isWordAt(ctx, KIND["relative"], cue)) return null;
  let best: SourceRef | null = null;
  for (const r of [opening, ...steps.map((st) => st.ref)]) if (r && r.last < cue && (!best || r.last > best.last)) best = r;
  return best?.label ?? null;
}

/** Is token k the plural of a speaking noun ("researchers", « les experts »)? */
function pluralRole(ctx: Context, k: number): boolean {
  const text = ctx.tokens[k]?.text ?? "";
  return text.length > 3 && /[sx]$/.test(text) && isWord(ctx, KIND["role"], text.slice(0, -1)) && !mentionAt(ctx, k);
}

/** Does the sentence open on a demonstrative or a pronoun that refers back? */
function continues(ctx: Context, s: Sentence): boolean {
  if (isWordAt(ctx, KIND["pronoun"], s.first) || isWordAt(ctx, KIND["demonstrative"], s.first)) return true;
  // "Le journal israélien relie…", "The report adds…": a definite speaking noun refers back to the source.
  // ("Le gouvernement marocain a réagi": not one a state's name or demonym makes another party.)
  // ("Les pilotes ukrainiens ont été formés": nor one of people, who are not the outlet or report that spoke.)
  const noun = s.first + 1;
  return isWordAt(ctx, KIND["definite"], s.first) && (isWordAt(ctx, KIND["organisation-role"], noun) || isWordAt(ctx, KIND["work-noun"], noun)) && !isStateBodyOf(ctx, noun);
}

/** The last person named in the sentence before, or in this one before token `until` (what follows a carrying cue is what was said). */
function recentPerson(ctx: Context, s: Sentence, until: number): string | null {
  const prev = ctx.sentences[s.index - 1];
  const from = prev && prev.paragraph === s.paragraph ? prev.first : s.first;
  let found: string | null = null;
  for (let k = from; k < until; k++) {
    const m = mentionAt(ctx, k);
    if (m?.kind === "person" && m.first === k) found = m.label;
  }
  return found;
}

/** Is token k a state body word inside, or right before, a mention of a state ("gouvernement marocain")? */
function isStateBodyOf(ctx: Context, k: number): boolean {
  if (!isWordAt(ctx, KIND["state-body"], k)) return false;
  const m = mentionAt(ctx, k) ?? mentionAt(ctx, k + 1);
  return !!m && (m.kind === "state" || m.kind === "demonym");
}

/**
 * The state body a sentence opens on ("Le gouvernement marocain", "The Moroccan authorities", "Rwanda's government"),
 * as written without its article, when that sentence is in the paragraph of `s`.
 */
function bodyOpening(ctx: Context, prev: Sentence | undefined, s: Sentence): string | null {
  if (!prev || prev.paragraph !== s.paragraph) return null;
  let k = prev.first;
  if (isWordAt(ctx, KIND["definite"], k)) k++;
  const first = k;
  // A state or demonym before the body ("the Moroccan government", "Rwanda's government") or after it.
  const before = mentionAt(ctx, k);
  // ("The Moroccan government", « gouvernement marocain » may be one mention of the state.)
  if (before && before.first === k && (isWordAt(ctx, KIND["state-body"], before.last) || isWordAt(ctx, KIND["state-body"], before.first))) return ctx.text.slice(ctx.tokens[first]!.start, before.end);
  if (before && (before.kind === "state" || before.kind === "demonym") && before.first === k) k = before.last + 1 + (ctx.tokens[before.last + 1]?.text === "s" ? 1 : 0);
  if (!isWordAt(ctx, KIND["state-body"], k)) return null;
  let last = k;
  const after = mentionAt(ctx, k + 1);
  if (!before && after && after.kind === "demonym" && after.first === k + 1) last = after.last;
  else if (!before) return null;
  return ctx.text.slice(ctx.tokens[first]!.start, ctx.tokens[last]!.end);
}

/**
 * "…, selon une source. Le PDG de Dassault, Éric Trappier, a refusé de révéler…": a sentence whose subject is another
 * person than the current source, and that reports nothing, is told by the article again.
 */
function otherPersonActs(ctx: Context, s: Sentence, current: string[]): boolean {
  if (!current.length) return false;
  for (let k = s.first; k < Math.min(s.endToken, s.first + 8); k++) {
    const m = mentionAt(ctx, k);
    if (!m) continue;
    return m.kind === "person" && !current.some((c) => fold(c).includes(fold(m.label)) || fold(m.label).includes(fold(c)));
  }
  return false;
}

/**
 * "The defence ministry declined to comment.", « Le ministère n'a pas souhaité réagir. »: a sentence telling that
 * someone would not answer is the article's voice again, and so is what follows it.
 */
function declinesComment(ctx: Context, s: Sentence): boolean {
  for (let k = s.first; k < s.endToken; k++) if (ctx.lex.stance.at(ctx.folded, ctx.tokens, k)?.values.some((v) => v.rule.endsWith("/no-comment"))) return true;
  return false;
}

/** The chain for every sentence: paragraphs keep their current source; carry cues and known origins restore it. */
export function attributeDocument(ctx: Context): { chains: string[][]; scopes: (ChainScope | null)[]; occupied: Uint8Array; rules: string[][] } {
  const chains: string[][] = [];
  const scopes: (ChainScope | null)[] = [];
  const rules: string[][] = [];
  const occupied = new Uint8Array(ctx.tokens.length);
  const known = new Map<string, string[]>();
  const own: boolean[] = [];
  let current: string[] = [];
  let last: string[] = [];
  let paragraph = -1;
  for (const s of ctx.sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      // A paragraph that opens on an anaphor ("Ce contrat…", "They…") goes on with the one before.
      if (!continues(ctx, s)) current = [];
    }
    const a = attributeSentence(ctx, s, occupied);
    scopes.push(a.chain && a.scope !== null ? { from: a.scope, before: current } : null);
    if (a.chain) {
      const prior = known.get(fold(a.chain[0]!));
      let chain = a.chain;
      if (prior && prior.length > chain.length) {
        chain = [...prior];
        for (const st of a.steps) applyStep(chain, st.kind, st.ref.label, st.anchor);
      }
      known.set(fold(chain[0]!), chain);
      current = chain;
    } else if (!a.carry && (otherPersonActs(ctx, s, current) || phraseAt(ctx, "topic-shift", s.first) || declinesComment(ctx, s))) {
      current = [];
    } else if (a.carry) {
      // "…, he said": the person named just before speaks, when the current chain is not already theirs.
      // ("…when Emirati activist Ahmed Mansoor forwarded a message. Two years later, it assessed…": "it" is no person; it
      // goes on with the organisation last named.)
      const organisation = a.thing ? lastSourceBefore(ctx, a.carriedAt ?? s.endToken) : null;
      if (organisation && !current.some((c) => fold(c) === fold(organisation.label))) current = known.get(fold(organisation.label)) ?? [organisation.label];
      const person = a.impersonal ? null : recentPerson(ctx, s, a.carriedAt ?? s.endToken);
      if (person && !current.some((c) => fold(c) === fold(person))) current = known.get(fold(person)) ?? [person];
      // "Le gouvernement marocain a vivement réagi. Dans un communiqué, il « rejette »…": a pronoun after a sentence that
      // opened on a state's body, and reported nothing, is that body.
      const body = !person && a.pronoun && !own[own.length - 1] ? bodyOpening(ctx, ctx.sentences[s.index - 1], s) : null;
      if (body && !current.some((c) => fold(c) === fold(body))) current = [body];
      current = current.length ? current : last;
      // "le ministre des Armées a annoncé…" with no one named before: the description is the source, as written.
      if (!current.length && a.described) current = [a.described];
      if (a.steps.length) {
        current = [...current];
        for (const st of a.steps) applyStep(current, st.kind, st.ref.label, st.anchor);
      }
    }
    if (current.length) last = current;
    chains.push(current);
    own.push(a.chain !== null);
    rules.push(a.rules);
  }
  quotedBack(ctx, chains, own);
  toldBack(ctx, chains, own);
  return { chains, scopes, occupied, rules };
}

/**
 * "Russia has received Iranian missiles. That is what the Secretary of State said…", « C'est ce qu'a affirmé mardi
 * Antony Blinken »: a sentence opening on a phrase that reports back gives its chain to the sentence before.
 */
function toldBack(ctx: Context, chains: string[][], own: boolean[]): void {
  for (let i = 1; i < ctx.sentences.length; i++) {
    const s = ctx.sentences[i]!;
    if (!own[i] || !chains[i]!.length || own[i - 1] || ctx.sentences[i - 1]!.paragraph !== s.paragraph || !phraseAt(ctx, "told-back", s.first)) continue;
    chains[i - 1] = chains[i]!;
  }
}

const OPENING_QUOTE = /["“«]/;
const CLOSING_QUOTE = /["”»]/g;

/**
 * "“Iran has not supplied any equipment. We have always…,” Kanaani said": a quotation running over several sentences
 * of a paragraph is all said by the speaker named where it closes.
 */
function quotedBack(ctx: Context, chains: string[][], own: boolean[]): void {
  const { sentences, text, tokens } = ctx;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const lead = text.slice(i > 0 ? sentences[i - 1]!.end : 0, tokens[s.first]?.start ?? s.start);
    if (!OPENING_QUOTE.test(lead) || own[i] || closesQuote(text.slice(tokens[s.first]?.start ?? s.start, s.end))) continue;
    let k = i + 1;
    while (k < sentences.length && sentences[k]!.paragraph === s.paragraph && !closesQuote(text.slice(sentences[k]!.start, sentences[k]!.end))) k++;
    if (k >= sentences.length || sentences[k]!.paragraph !== s.paragraph || !own[k] || !chains[k]!.length) continue;
    for (let j = i; j < k; j++) if (!own[j]) chains[j] = chains[k]!;
    i = k;
  }
}

/** Does a sentence close a quotation opened before it: a closing mark, or an odd number of straight quotes? */
function closesQuote(sentence: string): boolean {
  const marks = sentence.match(CLOSING_QUOTE) ?? [];
  return marks.some((m) => m !== '"') || marks.filter((m) => m === '"').length % 2 === 1;
}
