import { fold } from "../catalog/fold.ts";
import type { PhraseMatch } from "../catalog/phrases.ts";
import type { Catalog, Category } from "../catalog/types.ts";
import { LIST_ITEM_GAP, adverbAt, countAt, endsWithAny, firstMention, gapText, isCapitalised, isWord, isWordAt, itemToldSince, mentionAt, moreAt, opensWordsAt, phraseAt, phraseEndsAt, plainGap, triggerAt, triggerSince, type Context, type Mention, type Sentence } from "./context.ts";
import { armedWith, countOfGeneric, documentSpyware, itemsOf, moneyOf, quantityBefore, topicSystem, unitCount, type ItemGroup } from "./items.ts";
import { approvesPurchase, buyerAfterApproval, companiesOf, demonymOfDeal, isPassive, markerBefore, participle, parties, possessive, stateBody } from "./parties.ts";
import { familyOf } from "./deals.ts";
import { CLAUSE_RANK, clauseStage, conditionalTense, conditionalWord, contractedDelivery, futureTense, futureWord, stillToCome } from "./stage.ts";
import { KIND, type Stance, type WordKindName, type StanceMarker, type Status, type Trigger } from "./lexicon.ts";
import type { MoneyMention, NumberMention, TimeMention } from "./normalise/types.ts";
import { AS_OF_STATEMENT, type Claim } from "./types.ts";
import type { ChainScope } from "./attribution.ts";
import { covered, lowerBound, tokenLowerBound, within } from "./spans.ts";

/** Numbers, money and times found by the normalisers, indexed by token. */
export interface Quantities {
  numbers: NumberMention[];
  money: MoneyMention[];
  times: TimeMention[];
}

/** One transfer read from one clause: a claim's fields, where it was read, and the system it names. */
export interface Frame extends Omit<Claim, "item" | "evidence"> {
  sentence: number;
  paragraph: number;
  first: number;
  end: number;
  item: { name: string | null; category: Category; system: string | null };
  /** Words saying this is another deal than one already told ("a second batch"). */
  separate: boolean;
  /** A generic noun with a definite article ("the aircraft"): it may refer back to an item already named. */
  definiteItem?: boolean;
  /** The frame of the deal this one tells more of ("The purchase was contracted in 2014"). */
  continues?: Frame;
  /** A deal noun after "the" or "this", in a clause naming no party ("the deal covers 24 drones"): the deal told before. */
  dealAnaphor?: boolean;
  /** Told only as who supplies whom ("Taiwan's only arms supplier"), no one deal. */
  relationship?: boolean;
}

/**
 * A frame with every field written, in one order: a frame made by spreading another gets a hidden class of its own
 * (one per place that spreads), and the stages reading frames would read their fields megamorphically.
 */
export function makeFrame(f: Frame): Frame {
  return {
    sentence: f.sentence,
    paragraph: f.paragraph,
    first: f.first,
    end: f.end,
    supplier: f.supplier,
    recipient: f.recipient,
    intermediary: f.intermediary,
    item: f.item,
    maker: f.maker,
    quantity: f.quantity,
    value: f.value,
    time: f.time,
    status: f.status,
    stance: f.stance,
    sources: f.sources,
    targets: f.targets,
    separate: f.separate,
    definiteItem: f.definiteItem,
    dealAnaphor: f.dealAnaphor,
    relationship: f.relationship,
    span: f.span,
    rules: f.rules,
    continues: f.continues,
  };
}

/**
 * "…signe pour vingt F-35 et dément vouloir céder ses F-16", "ordered 48 K9s and received the first ten": a clause
 * opened by "and" with nothing named before its (active) head trigger is a second predicate of the sentence's subject.
 */
function sharesSubject(ctx: Context, from: number, head: PhraseMatch<Trigger>, items: ItemGroup[]): boolean {
  // ("…completes Rafale order, shelves plan for Mirages": so is one opened by its trigger verb after a comma.)
  const opened = isWordAt(ctx, KIND["predicate-link"], from) || (head.first === from && from > 0 && /^\s*,\s*$/.test(gapText(ctx, from - 1, from)));
  if (!opened || isPassive(ctx, head.first, from)) return false;
  for (let k = from + 1; k < head.first; k++) if (mentionAt(ctx, k)) return false;
  return !items.some((g) => g.first < head.first);
}

/**
 * Does a token of the sentence start a transfer trigger, or a verb of becoming that may open one ("became the tenth
 * customer of")? A sentence with neither has no clause with a trigger: its clauses need not be read.
 */
function mayTellTransfer(ctx: Context, s: Sentence): boolean {
  for (let i = s.first; i < s.endToken; i++) if (triggerAt(ctx, i) || isWordAt(ctx, KIND["become-verb"], i)) return true;
  return false;
}

/** Splits a sentence into clauses at semicolons, dashes and comma + conjunction. */
function clauses(ctx: Context, s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  let start = s.first;
  // "When he bought the mine, Clarke said…": a fronted subordinate clause ends at its first comma.
  let fronted = isWordAt(ctx, KIND["conjunction"], s.first) && !isWordAt(ctx, KIND["relative"], s.first);
  for (let i = s.first + 1; i < s.endToken; i++) {
    // "…a acquis 25 J-10C en réponse à l'achat de Rafale par l'Inde": what a clause answers is a clause of its own.
    if (phraseAt(ctx, "clause-opener", i)) {
      out.push([start, i]);
      start = i;
      continue;
    }
    // "has delivered 1 million shells to Russia and is on the verge of a satellite launch": a second predicate after
    // the item was told, without both a trigger and an item of its own, is no part of the transfer ("took delivery of
    // the S-400 and was expelled from the F-35 programme" stays one clause, each item read against its own trigger).
    const predicate = isWordAt(ctx, KIND["coordination"], i - 1) && isWordAt(ctx, KIND["finite-auxiliary"], i) && !/,/.test(gapText(ctx, i - 2, i - 1)) && itemToldSince(ctx, start, i - 1) && !transferBeforeBreak(ctx, i, s.endToken);
    // "signe pour vingt F-35 et dément vouloir céder ses F-16": a denial coordinated after an item was told denies only
    // what follows it.
    const denial = !predicate && isWordAt(ctx, KIND["predicate-link"], i - 1) && ctx.lex.stance.at(ctx.folded, ctx.tokens, i)?.values[0]!.effect === "denied" && itemToldSince(ctx, start, i - 1);
    if (predicate || denial) {
      out.push([start, i - 1]);
      start = i - 1;
      continue;
    }
    if (plainGap(ctx.text, ctx.tokens[i - 1]!.end, ctx.tokens[i]!.start)) continue;
    const gap = gapText(ctx, i - 1, i);
    // "Indonesia completes Rafale order, shelves plan for Qatari Mirages", "Egypt bought 24 Rafales in 2015, ordered 30
    // more in 2021": after a trigger and an item, a comma then a finite trigger verb opens a second predicate.
    // ("tools, supplied by Norway": a participle after the comma goes with what was told.)
    if (/^\s*,\s*$/.test(gap) && finiteTrigger(ctx, i) && itemToldSince(ctx, start, i) && triggerSince(ctx, start, i)) {
      out.push([start, i]);
      start = i;
      continue;
    }
    // ("…, tandis que les 63 autres": a conjunction of several words opens a clause too.)
    const conj = (isWordAt(ctx, KIND["conjunction"], i) || (/,/.test(gap) && phraseAt(ctx, "conjunction", i))) && !itemsOnlyAfter(ctx, i, s.endToken);
    const endsFronted = fronted && /,/.test(gap);
    if (endsFronted) fronted = false;
    // "…to Pakistan this week, a move seen as countering India's Rafale": a noun summing up the clause before opens another.
    const summary = /,/.test(gap) && isWordAt(ctx, KIND["indefinite-article"], i) && isWordAt(ctx, KIND["summary-noun"], i + 1);
    // ", as well as 48 FA-50 jets": a conjunction opening a phrase that adds to the list opens no clause.
    // (The lines of a list, "…contains:\n→ missiles;\n→ shells", are one clause.)
    if (summary || endsFronted || (/[;]|\s[—–-]\s/.test(gap) && !LIST_ITEM_GAP.test(gap)) || (/:/.test(gap) && !LIST_ITEM_GAP.test(gap) && subjectAndTriggerAfter(ctx, i, s.endToken)) || (conj && /,/.test(gap) && !isWordAt(ctx, KIND["relative"], i) && !listGoesOn(ctx, i) && !phraseAt(ctx, "additive", i))) {
      out.push([start, i]);
      start = i;
    }
  }
  out.push([start, s.endToken]);
  return out;
}

/**
 * "Armenia became the tenth customer of the CAESAR", « est devenue le dixième client du canon CAESAR »: becoming a
 * customer of an item is ordering it. A verb of becoming, a few words, a customer noun, then "of"/« de ».
 */
function becameCustomer(ctx: Context, at: number, to: number): PhraseMatch<Trigger> | null {
  if (!isWordAt(ctx, KIND["become-verb"], at)) return null;
  for (let k = at + 1; k < Math.min(to - 1, at + 6); k++) {
    if (/[,;:.]/.test(gapText(ctx, k - 1, k)) || mentionAt(ctx, k)) return null;
    if (!isWordAt(ctx, KIND["customer-noun"], k)) continue;
    const of = ctx.lex.roles.at(ctx.folded, ctx.tokens, k + 1)?.values.some((v) => v.role === "genitive" || v.role === "beneficiary");
    if (!of) return null;
    const trigger: Trigger = { rule: `${ctx.lang}/transfer/become-customer`, cls: "get", status: "ordered", sale: false };
    return { start: ctx.tokens[at]!.start, end: ctx.tokens[k]!.end, first: at, last: k, values: [trigger] };
  }
  return null;
}

/** Do a trigger and an item stand from token i on, before the next comma, semicolon or the end? */
function transferBeforeBreak(ctx: Context, i: number, end: number): boolean {
  let k = i;
  while (k < end && !(k > i && /[,;:]/.test(gapText(ctx, k - 1, k)))) k++;
  let trigger = false;
  for (let j = i; j < k && !trigger; j++) trigger = triggerAt(ctx, j) !== null;
  return trigger && itemToldSince(ctx, i, k);
}

/** The first token of a mention of the maker between tokens from and to, -1 when there is none. */
function makerIn(ctx: Context, maker: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const m = mentionAt(ctx, k);
    if (m?.kind === "maker" && m.id === maker) return m.first;
  }
  return -1;
}

/** The last system of a category named in the sentence before token `before`. */
function systemEarlierIn(ctx: Context, s: Sentence, before: number, category: Category): Mention | null {
  for (let k = before - 1; k >= s.first; k--) {
    const m = mentionAt(ctx, k);
    if (m?.kind === "system" && m.category === category) return m;
  }
  return null;
}

/** Does a version number start at token k: a figure, or a Roman numeral in capitals ("Block 70", "Block IV")? */
function versionNumberAt(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k];
  return !!t && (/^\d/.test(t.text) || /^[IVX]{1,4}$/.test(ctx.text.slice(t.start, t.end)));
}


/** Does a trigger start at token k with a verb that is no participle ("shelves", « renonce »)? */
function finiteTrigger(ctx: Context, k: number): boolean {
  const t = triggerAt(ctx, k);
  return !!t && t.values[0]!.cls !== "same" && (!participle(ctx, ctx.tokens[k]!.text) || countedObject(ctx, t.last + 1)) && !isWordAt(ctx, KIND["function"], k) && !mentionAt(ctx, k);
}

/** "…, ordered 30 more in 2021": a count right after a verb in "-ed" is its object, so the verb is finite (not "12 years ago"). */
function countedObject(ctx: Context, k: number): boolean {
  return countAt(ctx, k) && !isWordAt(ctx, KIND["time-noun"], k + 1) && !isWordAt(ctx, KIND["measure-unit"], k + 1);
}


/**
 * "…several of them donated in recent years: Russia gave Serbia six MiG-29s in 2017": after a colon, a party opening
 * a segment with a trigger after it opens a clause of its own.
 */
function subjectAndTriggerAfter(ctx: Context, k: number, end: number): boolean {
  const first = isWordAt(ctx, KIND["definite"], k) ? k + 1 : k;
  const m = mentionAt(ctx, first);
  if (!m?.party || m.first !== first) return false;
  for (let j = m.last + 1; j < Math.min(end, m.last + 5); j++) {
    if (/[,;:.()]/.test(gapText(ctx, j - 1, j))) return false;
    if (triggerAt(ctx, j)) return true;
  }
  return false;
}

/**
 * "France sold Cairo 24 Rafale fighters in 2015, and four Gowind corvettes": after "and", a phrase naming items and
 * no verb, up to the next punctuation, goes on with the list of what was told.
 */
function itemsOnlyAfter(ctx: Context, conjunction: number, end: number): boolean {
  if (!isWordAt(ctx, KIND["coordination"], conjunction)) return false;
  // (A short phrase opening on a count, an article or the item: "and weak demand for the Typhoon … contributed" is none.)
  const first = conjunction + 1;
  const opens = countAt(ctx, first) || isWordAt(ctx, KIND["indefinite-article"], first) || isWordAt(ctx, KIND["definite"], first) || ["system", "category"].includes(mentionAt(ctx, first)?.kind ?? "");
  if (!opens) return false;
  let item = false;
  for (let k = first; k < end; k++) {
    if (k > first && /[,;:.()]/.test(gapText(ctx, k - 1, k))) break;
    if (k - first >= 6) return false;
    const kind = mentionAt(ctx, k)?.kind;
    if (kind === "system" || kind === "category") item = true;
    else if (triggerAt(ctx, k) || isWordAt(ctx, KIND["auxiliary"], k) || isWordAt(ctx, KIND["finite-auxiliary"], k) || kind === "state" || kind === "person" || kind === "source") return false;
  }
  return item;
}

/** "Denmark, Israel, and Singapore": a conjunction after a comma goes on with a list when names of one kind stand on both sides. */
function listGoesOn(ctx: Context, conjunction: number): boolean {
  // ("…to Ukraine, while Norway pledged six more": only "and" / "or" go on with one.)
  if (!isWordAt(ctx, KIND["coordination"], conjunction)) return false;
  const before = mentionAt(ctx, conjunction - 1);
  // ("…, India, and the United Arab Emirates": an article may stand before the last name.)
  const next = isWordAt(ctx, KIND["definite"], conjunction + 1) ? conjunction + 2 : conjunction + 1;
  const after = mentionAt(ctx, next);
  // ("K9 howitzers, and FA-50 aircraft": a designation after a generic noun is an item too.)
  return !!before && !!after && before.last === conjunction - 1 && after.first === next && (before.kind === after.kind || (itemMention(before) && itemMention(after)));
}

/** A system or a generic noun of one. (A function, not a closure: tsx names every closure made, at a cost per call.) */
function itemMention(m: Mention): boolean {
  return m.kind === "system" || m.kind === "category";
}

/**
 * "sold drones to the Moroccan authorities", "livré aux forces marocaines": a demonym after a role marker ("to",
 * "from", "aux"), with only articles and a government or forces noun between, names a party, not the item's origin.
 */
function markedParty(ctx: Context, at: number, from: number): boolean {
  let k = at - 1;
  while (k >= Math.max(from, at - 3) && betweenMarkerAndParty(ctx, k)) k--;
  const marker = k >= from ? ctx.lex.roles.at(ctx.folded, ctx.tokens, k) : null;
  return !!marker && marker.last < at && marker.values.some((v) => ["dative", "source", "with", "beneficiary", "destination", "to-or-from"].includes(v.role));
}

/** May token j stand between a role marker and the party it marks: an article, a government or forces noun? */
function betweenMarkerAndParty(ctx: Context, j: number): boolean {
  return !!ctx.lex.roles.at(ctx.folded, ctx.tokens, j)?.values.some((v) => v.role === "skip") || isWordAt(ctx, KIND["state-body"], j);
}

/**
 * "the United States, Britain and Australia created an alliance called AUKUS, which includes equipping Australia with
 * submarines": a party before a relative clause whose antecedent is no party is not the subject of the relative's verb.
 */
/**
 * "…Scalp missiles, whose deep strikes are much valued by the Ukrainian staff", « dont les frappes … sont appréciées par
 * l'état-major ukrainien »: a party inside a relative set off by a comma that tells no transfer is none of the clause's.
 */
function inIdleRelative(ctx: Context, m: Mention, from: number): boolean {
  for (let k = m.first - 1; k > from; k--) {
    if (triggerAt(ctx, k)) return false;
    if (!/,/.test(gapText(ctx, k - 1, k))) continue;
    if (!isWordAt(ctx, KIND["relative"], k)) return false;
    const s = ctx.sentences[ctx.sentenceOf[k]!]!;
    for (let j = m.last + 1; j < s.endToken && !/[,;:.()]/.test(gapText(ctx, j - 1, j)); j++) if (triggerAt(ctx, j)) return false;
    return true;
  }
  return false;
}

/** Does a verb of saying stand in [from, to)? */
function speechBetween(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ctx.lex.attribution.at(ctx.folded, ctx.tokens, k)?.values[0]!.kind === "speech") return true;
  return false;
}

function outsideRelative(ctx: Context, m: Mention, triggers: PhraseMatch<Trigger>[]): boolean {
  const next = triggers.find((t) => t.first > m.last);
  if (!next) return false;
  for (let k = m.last + 2; k < next.first; k++) {
    if (!isWordAt(ctx, KIND["relative"], k)) continue;
    // ("…avait reconnu devant la presse que le ministère avait acheté": after a verb of saying, « que » opens what was said.)
    if (isWordAt(ctx, KIND["complementizer"], k) && speechBetween(ctx, m.last + 1, k)) continue;
    // "The US has warned the countries who have bought S-400s from Russia": so is a party before a noun phrase its
    // relative restricts, unless the party is said to be one of them ("Morocco is among the countries that bought").
    const restrictive = !/,/.test(gapText(ctx, k - 1, k)) && nounPhraseBefore(ctx, k) && !copulaBetween(ctx, m.last + 1, k);
    if (!restrictive && !/,/.test(gapText(ctx, k - 1, k))) continue;
    // ("54 Leopard 2A7s, which it has recently ordered": a relative with a subject of its own may speak of the party.)
    if (isWordAt(ctx, KIND["pronoun"], k + 1) || mentionAt(ctx, k + 1)) return false;
    const antecedent = mentionAt(ctx, k - 1);
    return !antecedent?.party;
  }
  return false;
}

/** Does a noun phrase opened by a determiner end just before token `k` ("the countries", "all three firms")? */
function nounPhraseBefore(ctx: Context, k: number): boolean {
  return nounWord(ctx, k - 1) && (determinerAt(ctx, k - 2) || (nounWord(ctx, k - 2) && determinerAt(ctx, k - 3)));
}

function determinerAt(ctx: Context, j: number): boolean {
  return isWordAt(ctx, KIND["determiner"], j) || isWordAt(ctx, KIND["definite"], j);
}

/** A word inside a noun phrase: no mention, trigger, function word or auxiliary, and no punctuation after it. */
function nounWord(ctx: Context, j: number): boolean {
  return !!ctx.tokens[j] && !mentionAt(ctx, j) && !triggerAt(ctx, j) && !isWordAt(ctx, KIND["function"], j) && !isWordAt(ctx, KIND["auxiliary"], j) && !/[,;:]/.test(gapText(ctx, j, j + 1));
}

/** Is there a copula in [from, to) ("is among", « fait partie des »)? */
function copulaBetween(ctx: Context, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (isWordAt(ctx, KIND["copula"], j) || isWordAt(ctx, KIND["become-verb"], j)) return true;
  return false;
}

/** "…a submarine deal with Paris, which accused its allies of backstabbing": a hedge in a relative clause after the trigger qualifies the antecedent. */
function inRelativeAfter(ctx: Context, head: PhraseMatch<Trigger>, marker: number): boolean {
  for (let k = head.last + 1; k < marker; k++) if (isWordAt(ctx, KIND["relative"], k) && /,/.test(gapText(ctx, k - 1, k))) return true;
  return false;
}

/**
 * "Washington exhorte le Caire à annuler l'accord", "China demanded that the US cancel…": who demands a transfer is no
 * party to it. "Iranian officials have denied media reports about the delivery of Su-35 jets to Iran": nor is who denies
 * reports of it, when the state is named again in what is denied ("Rwanda denied allegations that it uses Pegasus" is
 * Rwanda's own denial).
 */
function asksAbout(ctx: Context, m: Mention, triggers: PhraseMatch<Trigger>[], markers: PhraseMatch<StanceMarker>[], occupied: Uint8Array, to: number): boolean {
  const next = triggers.find((t) => t.first > m.last);
  if (!next || triggers.some((t) => t.last < m.first)) return false;
  for (const mk of markers) {
    if (mk.first <= m.last || mk.last >= next.first) continue;
    const effect = mk.values[0]!.effect;
    if (effect === "demanded" && !occupiedIn(occupied, mk.last + 1, next.first)) return true;
    if (effect === "denied" && claimFollows(ctx, mk.last + 1, Math.min(to, mk.last + 4)) && namedIn(ctx, m.party, next.first, to)) return true;
  }
  return false;
}

/** Is the party named (a mention starting) in the token range [from, to)? */
function namedIn(ctx: Context, party: string | null, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const n = mentionAt(ctx, k);
    if (n && n.first === k && n.party === party) return true;
  }
  return false;
}

/** Does a reporting frame or its source hold a token of [from, to)? */
function occupiedIn(occupied: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (occupied[k] === 1) return true;
  return false;
}

/** How many tokens of [from, to) a date or a sum covers ("announced a $400 million aid package"). */
function datedOrPricedTokens(ctx: Context, q: Quantities, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const t = ctx.tokens[k]!;
    if (covered(q.times, t.start, t.end) || covered(q.money, t.start, t.end)) n++;
  }
  return n;
}

/** "will, in the coming weeks, take delivery": the words of an aside set off by commas right at token `from`, before `to`. */
function asideTokens(ctx: Context, from: number, to: number): number {
  if (from >= to || !/,/.test(gapText(ctx, from - 1, from))) return 0;
  for (let k = from; k < to; k++) if (/,/.test(gapText(ctx, k, k + 1))) return k - from + 1;
  return 0;
}

/** Do only auxiliaries and adverbs stand between an item and the verb (token range [from, to)) it is the subject of? */
function carriesTo(ctx: Context, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) if (mentionAt(ctx, k) || /[,;:.]/.test(gapText(ctx, k - 1, k)) || !(isWordAt(ctx, KIND["auxiliary"], k) || isWordAt(ctx, KIND["function"], k))) return false;
  return /^\s+$/.test(gapText(ctx, to - 1, to));
}

/** The closed classes of words that are no verb of their own between a negation and a trigger. */
const NOT_A_VERB = [KIND["function"], KIND["auxiliary"], KIND["negation"], KIND["pronoun"], KIND["definite"], KIND["determiner"], KIND["any-determiner"], KIND["infinitive-marker"], KIND["sentence-adverb"]];

/** Does a word no closed class, name or adverb claims stand between tokens a and b (a verb, most likely)? */
function verbBetween(ctx: Context, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (mentionAt(ctx, k) || closedClassAt(ctx, k) || endsWithAny(ctx, "adverb-suffix", ctx.tokens[k]!.text)) continue;
    // ("had not been supplied", « n'ont pas été livrés »: the passive's auxiliary too.)
    if (ctx.lex.roles.at(ctx.folded, ctx.tokens, k)?.values.some((v) => v.role === "passive")) continue;
    return true;
  }
  return false;
}

function closedClassAt(ctx: Context, k: number): boolean {
  for (const kind of NOT_A_VERB) if (isWordAt(ctx, kind, k)) return true;
  return false;
}

/** Is there a negation just before the trigger, within its clause ("n'a pas livré", "did not sell", "never exported")? */
function negatedTrigger(ctx: Context, head: PhraseMatch<Trigger>, from: number): boolean {
  // ("…do not break out drone sales", "did not disclose the sale": a verb of its own between them takes the negation.)
  for (let k = Math.max(from, head.first - 4); k < head.first; k++) if (isWordAt(ctx, KIND["negation"], k) && !verbBetween(ctx, k + 1, head.first)) return true;
  // "no sale", "no deliveries": a determiner negates only the noun it stands before.
  const before = ctx.tokens[head.first - 1];
  if (before && head.first - 1 >= from && isWord(ctx, KIND["negative-determiner"], before.text)) return true;
  // "said that no missiles had been delivered": a negative determiner before the item the passive trigger tells of.
  for (let k = Math.max(from, head.first - 5); k < head.first - 1; k++) if (isWordAt(ctx, KIND["negative-determiner"], k) && !verbBetween(ctx, k + 1, head.first)) return true;
  // "No other member has bought", "aucun pays n'a livré": a negated subject opening the clause negates what it did.
  const opener = ctx.tokens[from];
  if (opener && from < head.first && isWord(ctx, KIND["negative-determiner"], opener.text)) return true;
  return false;
}

function spanIndex<T extends { start: number; end: number }>(ctx: Context, spans: T[], from: number, to: number): T[] {
  return within(spans, ctx.tokens[from]?.start ?? 0, ctx.tokens[to - 1]?.end ?? 0);
}

/** The sentence a time is told in. */
function sentenceAt(ctx: Context, t: TimeMention): Sentence {
  return ctx.sentences[ctx.sentenceOf[tokenLowerBound(ctx.tokens, t.start)]!]!;
}

/** The last date given in the paragraph before sentence `s`. */
function lastTimeBefore(ctx: Context, q: Quantities, s: Sentence, occupied: Uint8Array, frames: Frame[], prospect: boolean): TimeMention | null {
  let first = s.index;
  while (first > 0 && ctx.sentences[first - 1]!.paragraph === s.paragraph) first--;
  // "The Times reported on Wednesday that… According to the Times, Israel sold…": the day of a report dates no deal.
  // ("New Delhi had bought 36 Rafales in 2016. Paris hopes to sell it three submarines": nor does the date of a deal
  // told before date a prospect.)
  const times = within(q.times, ctx.sentences[first]!.start, s.start).filter((t) => (!ctx.published || t.from <= ctx.published) && !datesStatement(ctx, occupied, t, sentenceAt(ctx, t).first, sentenceAt(ctx, t)) && !(prospect && datesFrame(ctx, t, frames)));
  return times[times.length - 1] ?? null;
}

/** Is the time the date of a frame read in its own sentence? */
function datesFrame(ctx: Context, t: TimeMention, frames: Frame[]): boolean {
  const sentence = sentenceAt(ctx, t).index;
  const month = monthOf(t);
  return frames.some((f) => f.sentence === sentence && f.time !== null && ((f.time.from === t.from && f.time.to === t.to) || (f.time.from === month.from && f.time.to === month.to)));
}

/**
 * "Blaszczak said on Saturday that…", "On Tuesday, Haaretz revealed that…": a day right after a reporting verb or a
 * source, or one opening the sentence before its speaker, dates what was said.
 */
function datesStatement(ctx: Context, occupied: Uint8Array, t: TimeMention, from: number, s: Sentence): boolean {
  const k = tokenLowerBound(ctx.tokens, t.start);
  for (let j = k - 1; j >= Math.max(from, k - 2); j--) if (occupied[j] === 1) return true;
  const after = tokenLowerBound(ctx.tokens, t.end);
  return k <= s.first + 1 && (occupied[after] === 1 || occupied[after + 1] === 1);
}

/** A day-precise time (a day, a week) widened to its months; coarser times as they are. */
function monthOf(t: { from: string; to: string }): { from: string; to: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return day.test(t.from) && day.test(t.to) ? { from: t.from.slice(0, 7), to: t.to.slice(0, 7) } : t;
}

/** The range from the earliest to the latest of some dates. */
function span(list: TimeMention[]): { from: string; to: string } {
  let from = list[0]!.from;
  let to = list[0]!.to;
  for (const t of list) {
    if (t.from < from) from = t.from;
    if (t.to > to) to = t.to;
  }
  return { from, to };
}

function nearest<T extends { start: number }>(list: T[], pos: number): T | null {
  let best: T | null = null;
  for (const x of list) if (!best || Math.abs(x.start - pos) < Math.abs(best.start - pos)) best = x;
  return best;
}

function stanceMarkers(ctx: Context, from: number, to: number): PhraseMatch<StanceMarker>[] {
  const out: PhraseMatch<StanceMarker>[] = [];
  for (let i = from; i < to; ) {
    const m = ctx.lex.stance.at(ctx.folded, ctx.tokens, i);
    if (m && m.last < to) {
      // "rejected 'categorically' an Amnesty report": rejecting is denying only when what is rejected is a claim.
      if (m.values[0]!.effect !== "rejects" || claimFollows(ctx, m.last + 1, to)) out.push(rejectsAsDenial(m));
      i = m.last + 1;
    } else i++;
  }
  return out;
}

function claimFollows(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < Math.min(to, from + 7); k++) if (isWordAt(ctx, KIND["claim-noun"], k)) return true;
  return false;
}

function rejectsAsDenial(m: PhraseMatch<StanceMarker>): PhraseMatch<StanceMarker> {
  return m.values[0]!.effect === "rejects" ? { ...m, values: [{ ...m.values[0]!, effect: "denied" }] } : m;
}

/** Is the trigger followed by a goal that names only a kind of party ("to three foreign customers", "à des clients")? */
function unnamedRecipient(ctx: Context, head: PhraseMatch<Trigger>, to: number): boolean {
  // "sells only to government agencies", "approves the export of cyber products exclusively to governmental entities":
  // the object or an adverb may stand before the "to".
  let at = -1;
  for (let k = head.last + 1; k < Math.min(to, head.last + 8) && at < 0; k++) {
    if (mentionAt(ctx, k)?.party) return false;
    if (ctx.lex.roles.at(ctx.folded, ctx.tokens, k)?.values.some((v) => v.role === "dative" || v.role === "to-or-from")) at = k;
  }
  if (at < 0) return false;
  const marker = ctx.lex.roles.at(ctx.folded, ctx.tokens, at)!;
  // "sold no aircraft to any African country": a recipient of "any" kind is no one in particular.
  if (isWordAt(ctx, KIND["any-determiner"], marker.last + 1)) return true;
  // ("only to vetted government intelligence and law enforcement agencies": adjectives and a coordination may come first.)
  for (let k = marker.last + 1; k < Math.min(to, marker.last + 9); k++) {
    if (mentionAt(ctx, k)?.party || (k > marker.last + 1 && /[,;:.()]/.test(gapText(ctx, k - 1, k)))) return false;
    if (isWordAt(ctx, KIND["unnamed-party"], k)) return true;
  }
  return false;
}

/** "une commande de Su-57 en provenance d'un client anonyme", "an order from an unnamed customer": the buyer is not named. */
function unnamedBuyer(ctx: Context, head: PhraseMatch<Trigger>, to: number): boolean {
  for (let k = head.last + 1; k < to; k++) {
    const marker = ctx.lex.roles.at(ctx.folded, ctx.tokens, k);
    if (!marker?.values.some((v) => v.role === "source")) continue;
    for (let j = marker.last + 1; j < Math.min(to, marker.last + 4); j++) {
      if (mentionAt(ctx, j)?.party) return false;
      if (isWordAt(ctx, KIND["buyer-noun"], j)) return true;
    }
  }
  return false;
}

/** Does the clause name a maker, or its paragraph a weapon or a kind of weapon? */
function aboutArms(ctx: Context, s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (mentionAt(ctx, k)?.kind === "maker") return true;
  return ctx.mentions.some((m) => (m.kind === "system" || m.kind === "category") && ctx.sentences[ctx.sentenceOf[m.first]!]!.paragraph === s.paragraph);
}

/** Is the subject before the trigger only a kind of party ("Buyers", "les clients"), with no party named? */
/** "included an option for another 17 of the planes", "une option sur 12 appareils": what an option covers is only offered. */
function optionFor(ctx: Context, first: number, from: number): boolean {
  for (let k = first - 1; k >= Math.max(from, first - 7); k--) {
    if (isWordAt(ctx, KIND["option-noun"], k)) return true;
    if (triggerAt(ctx, k)) return false;
    if (/[,;:.]/.test(gapText(ctx, k, k + 1))) return false;
  }
  return false;
}

/** Is the party one of a list of alternatives ("Israel, or New Zealand", "le Maroc ou l'Algérie")? */
function inAlternatives(ctx: Context, m: Mention): boolean {
  // "X or Y", "X, or Y", with an article or a role word between ("ou à l'Algérie").
  for (const [word, step] of [[m.last + 1, 1], [m.first - 1, -1]] as const) {
    if (!isWordAt(ctx, KIND["alternative"], word)) continue;
    for (let k = word + step, n = 0; n < 3 && k >= 0 && k < ctx.tokens.length; n++, k += step) {
      if (mentionAt(ctx, k)?.party) return true;
      const between = ctx.tokens[k]!.text;
      if (!isWord(ctx, KIND["determiner"], between) && !isWord(ctx, KIND["definite"], between) && !ctx.lex.roles.at(ctx.folded, ctx.tokens, k)) break;
    }
  }
  return false;
}

function genericSubject(ctx: Context, from: number, head: PhraseMatch<Trigger>): boolean {
  // "…arm twisting with the countries who have bought S-400 systems", « les pays qui ont acheté »: the subject relative
  // of a kind of party speaks of that kind, whoever is named before it.
  let r = head.first - 1;
  while (r > from && isWordAt(ctx, KIND["auxiliary"], r)) r--;
  if (isWordAt(ctx, KIND["relative"], r) && isWordAt(ctx, KIND["unnamed-party"], r - 1) && gapText(ctx, r - 1, r) === " ") return true;
  let kind = false;
  for (let k = from; k < head.first; k++) {
    if (mentionAt(ctx, k)?.party) return false;
    const w = ctx.tokens[k]!.text;
    // "le pays avait réceptionné…": one country, the one the text is about, is no kind of party.
    const one = isWord(ctx, KIND["country-noun"], w) && isWordAt(ctx, KIND["singular-definite"], k - 1);
    if (isWord(ctx, KIND["unnamed-party"], w) && !one) kind = true;
  }
  return kind;
}

/** Does a phrase of this kind of `words.tsv` start in the token range [from, to)? */
function hasPhrase(ctx: Context, kind: WordKindName, from: number, to: number): boolean {
  const n = KIND[kind];
  // (The kind's number looked up once: most tokens open no form of it.)
  for (let k = from; k < to; k++) if (opensWordsAt(ctx, n, k) && phraseAt(ctx, kind, k)) return true;
  return false;
}

/**
 * Is the clause's deal told as signed? Not by a signing that only dates the sale ("has sold dozens of TB2 drones
 * after the two governments signed a deal", « après avoir signé »).
 */
function toldSigned(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (signingAt(ctx, k, k + 1) && !sequenceBefore(ctx, k, from)) return true;
  return false;
}

/** Does a signing word ("signed", « signé ») open at a token of [from, to)? */
function signingAt(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (opensWordsAt(ctx, KIND["signing"], k) && phraseAt(ctx, "signing", k)) return true;
  return false;
}

/** Does token k stand in a phrase opened by "after" or "before" (« après », « avant »), with no comma between? */
function sequenceBefore(ctx: Context, k: number, from: number): boolean {
  for (let j = k - 1; j >= Math.max(from, k - 12); j--) {
    if (/[,;:]/.test(gapText(ctx, j, j + 1))) return false;
    if (isWordAt(ctx, KIND["sequence-preposition"], j)) return true;
  }
  return false;
}

const afterSequence = (ctx: Context, t: PhraseMatch<Trigger>, from: number): boolean => sequenceBefore(ctx, t.first, from);

/**
 * "40 F-16 Block 70 jets, 32 single-seat F-16C and eight two-seat F-16D": counts of the same system after its total
 * that add up to no more than it break the total down; they are no further deals.
 */
function dropBreakdown(ctx: Context, frames: Frame[], clauseStart: number): void {
  const clause = frames.slice(clauseStart);
  const parts = new Set<Frame>();
  for (const total of clause) {
    if (total.quantity == null || !total.item.system || parts.has(total)) continue;
    const family = familyOf(ctx.catalog, total.item.system);
    const after = clause.filter((f) => f.span.end > total.span.end && f.quantity != null && f.quantity < total.quantity! && f.recipient === total.recipient && f.item.category === total.item.category && f.item.system && familyOf(ctx.catalog, f.item.system) === family);
    const sum = after.reduce((n, f) => n + f.quantity!, 0);
    if (after.length > 0 && sum <= total.quantity) for (const f of after) parts.add(f);
  }
  if (parts.size) frames.splice(clauseStart, clause.length, ...clause.filter((f) => !parts.has(f)));
}

/**
 * "commandé quinze exemplaires en 2017, puis quatre de plus en 2019", "ordered 15 in 2017 and four more in 2019": a
 * count with "more" after "then" tells a second deal of the same kind, with the verb left out.
 */
function followOn(ctx: Context, q: Quantities, from: number, to: number): { count: NumberMention; time: TimeMention | null; span: { start: number; end: number }; giver: string | null } | null {
  for (let k = from + 1; k < to - 2; k++) {
    if (!isWordAt(ctx, KIND["then-word"], k)) continue;
    const next = ctx.tokens[k + 1]!;
    const count = q.numbers[lowerBound(q.numbers, next.start)];
    if (!count || count.start !== next.start || !Number.isInteger(count.value) || covered(q.times, count.start, count.end) || covered(q.money, count.start, count.end)) continue;
    const after = tokenLowerBound(ctx.tokens, count.end);
    if (!hasPhrase(ctx, "more-after-count", after, Math.min(to, after + 1))) continue;
    const time = within(q.times, count.end, ctx.tokens[to - 1]!.end)[0] ?? null;
    const end = time && tokenLowerBound(ctx.tokens, time.end) - after <= 4 ? time.end : ctx.tokens[after]!.end;
    // ("six appareils cédés par la Russie en 2017 et quatre autres offerts par la Biélorussie": the agent of the second.)
    let giver: string | null = null;
    for (let j = after + 1; j < to && giver === null; j++) {
      const m = mentionAt(ctx, j);
      if (m?.party && m.first === j && agentBefore(ctx, j)) giver = m.party;
    }
    return { count, time, span: { start: ctx.tokens[k]!.start, end }, giver };
  }
  return null;
}

/**
 * "Switzerland chose 36 F-35As over the Rafale, the Super Hornet and the Eurofighter", « a choisi le F-35 au détriment
 * du Rafale »: after a choice of an item, the rivals it was chosen over, as far as their list goes; the token after
 * them, or -1 when no choice of an item comes before.
 */
function rivalsAfterChoice(ctx: Context, k: number): number {
  const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
  const last = m?.values.some((v) => v.kind === "rival-preposition") ? m.last : isWordAt(ctx, KIND["rival-preposition"], k) ? k : -1;
  if (last < 0) return -1;
  const s = ctx.sentences[ctx.sentenceOf[k]!]!;
  let item = false;
  let choice = false;
  for (let j = k - 1; j >= Math.max(s.first, k - 10) && !choice; j--) {
    if (/[;:]/.test(gapText(ctx, j, j + 1))) break;
    const kind = mentionAt(ctx, j)?.kind;
    if (kind === "system" || kind === "category") item = true;
    else if (isWordAt(ctx, KIND["choice-verb"], j)) choice = item;
  }
  if (!choice) return -1;
  // The list of rivals: items, their articles and makers, over commas and "and" / "or" while items go on.
  let j = last + 1;
  while (j < s.endToken) {
    const gap = gapText(ctx, j - 1, j);
    if (/[;:.()]/.test(gap)) break;
    if (/,/.test(gap)) {
      const next = isWordAt(ctx, KIND["coordination"], j) ? j + 1 : j;
      const named = [next, next + 1, next + 2].some((x) => ["system", "category", "maker", "demonym", "state"].includes(mentionAt(ctx, x)?.kind ?? "")) && !triggerSince(ctx, next, next + 3);
      if (!named) break;
    }
    if (triggerAt(ctx, j)) break;
    j++;
  }
  return j;
}

/**
 * The parties after the head trigger each followed by a bare count and set off by a comma or "and" ("…, Denmark 19
 * and Norway six", « le Danemark 19 et la Norvège six »), with the end of each count.
 */
function gappedParties(ctx: Context, q: Quantities, actors: Mention[], head: PhraseMatch<Trigger>, to: number): { m: Mention; count: number; end: number }[] {
  const out: { m: Mention; count: number; end: number }[] = [];
  for (const m of actors) {
    if (m.first <= head.last || !m.party || m.last + 1 >= to) continue;
    const opener = isWordAt(ctx, KIND["definite"], m.first - 1) ? m.first - 1 : m.first;
    if (!(/,/.test(gapText(ctx, opener - 1, opener)) || isWordAt(ctx, KIND["coordination"], opener - 1))) continue;
    const next = ctx.tokens[m.last + 1]!;
    const count = q.numbers[lowerBound(q.numbers, next.start)];
    if (!count || count.start !== next.start || !Number.isInteger(count.value) || covered(q.times, count.start, count.end) || covered(q.money, count.start, count.end)) continue;
    const after = tokenLowerBound(ctx.tokens, count.end);
    if (after < to && !/[,;.]/.test(gapText(ctx, after - 1, after)) && !isWordAt(ctx, KIND["coordination"], after)) continue;
    out.push({ m, count: count.value, end: count.end });
  }
  // (One alone may be an object: "sold Turkey 40 jets"; the first must follow a count told before it.)
  return out.length && out.some((g) => /,/.test(gapText(ctx, g.m.first - 2, g.m.first - 1)) || /,/.test(gapText(ctx, g.m.first - 1, g.m.first))) ? out : [];
}

/** The last token of "more" / « de plus » right at `k` when nothing is named after it ("six more", "30 more in 2021"); else -1. */
function moreOfPrevious(ctx: Context, k: number, to: number): number {
  const more = k < to ? moreAt(ctx, k) : -1;
  if (more < 0) return -1;
  const next = more + 1;
  return next >= to || /^\s*[,;.)]/.test(gapText(ctx, more, next)) || (isWordAt(ctx, KIND["function"], next) && !isWordAt(ctx, KIND["part-link"], next)) ? more : -1;
}

/** Kinds of systems one industry makes: a maker of one of them may well make the others. */
const INDUSTRIES: Category[][] = [
  ["aircraft", "helicopter", "uav", "satellite", "sensor"],
  ["missile", "air-defence", "ammunition", "sensor"],
  ["armoured-vehicle", "artillery", "small-arms", "ammunition"],
  ["ship", "sensor"],
  ["spyware", "surveillance"],
];

const madeIndustries = new WeakMap<Catalog, Map<string, Set<Category>>>();

/**
 * "des avions de chasse Mig et Sukhoï … et des chars T-90": a maker the catalog knows only in other industries made
 * nothing of this kind (a maker without catalog systems may make anything).
 */
function mayMake(catalog: Catalog, maker: string, category: Category): boolean {
  let byMaker = madeIndustries.get(catalog);
  if (!byMaker) {
    byMaker = new Map();
    for (const sys of catalog.systems.values()) {
      if (!sys.maker) continue;
      const kinds = byMaker.get(sys.maker) ?? new Set<Category>();
      for (const industry of INDUSTRIES) if (industry.includes(sys.category)) for (const c of industry) kinds.add(c);
      kinds.add(sys.category);
      byMaker.set(sys.maker, kinds);
    }
    madeIndustries.set(catalog, byMaker);
  }
  const made = byMaker.get(maker);
  return !made || made.has(category) || category === "other";
}

/** Is the party marked as maker ("conçus par …", "built by …") just after another item of the clause than `g`? */
function makerOfAnother(ctx: Context, party: Mention, g: ItemGroup, items: ItemGroup[], from: number): boolean {
  if (items.length < 2 || markerBefore(ctx, party.first - 1, from, party.kind === "demonym") !== "maker") return false;
  const made = items.filter((x) => x.last < party.first).sort((a, b) => b.last - a.last)[0];
  return !!made && made !== g && party.first - made.last <= 8;
}

/** "to prevent the group from acquiring arms", "empêcher le groupe de se procurer des armes": a transfer kept from happening. */
function prevented(ctx: Context, head: PhraseMatch<Trigger>, from: number): boolean {
  if (!isWordAt(ctx, KIND["prevent-link"], head.first - 1)) return false;
  for (let k = head.first - 2; k >= Math.max(from, head.first - 8); k--) if (isWordAt(ctx, KIND["prevent-verb"], k)) return true;
  return false;
}

/** Does an idiom starting in `from..at` cover the trigger at `at` ("in order to", "le calendrier de livraison")? */
/** Is a bare "to" marker set apart from the trigger after it by punctuation ("to Ukraine, delivered")? */
function setApartFrom(ctx: Context, mk: PhraseMatch<StanceMarker>, t: PhraseMatch<Trigger>): boolean {
  return mk.first === mk.last && isWordAt(ctx, KIND["infinitive-marker"], mk.first) && /[,;:]/.test(ctx.text.slice(ctx.tokens[mk.last]!.end, ctx.tokens[t.first]!.start));
}

/** Is the trigger one of a hand-over (no use or hacking)? */
function handsOver(t: PhraseMatch<Trigger>): boolean {
  return t.values[0]!.cls !== "use" && t.values[0]!.cls !== "wield";
}

/** Does a trigger of a hand-over (no use or hacking) stand in [from, to)? */
function handOverIn(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = triggerAt(ctx, k);
    if (t && handsOver(t)) return true;
  }
  return false;
}

/** Is the mention the sentence's speaker, or right before a verb of saying ("Kyiv reported that")? */
function speaksHere(ctx: Context, m: Mention, speaker: string | undefined): boolean {
  return (!!speaker && fold(speaker) === fold(m.label)) || ctx.lex.attribution.at(ctx.folded, ctx.tokens, m.last + 1)?.values[0]!.kind === "speech";
}

/**
 * Is the chain origin `label` an onlooker, no party's voice: an outlet, NGO or institute the catalog knows, or people
 * named by an onlooker's role ("the experts", "analysts", "the monitors"), with no state's body beside it?
 */
function toldByOnlooker(ctx: Context, s: Sentence, label: string): boolean {
  const folded = fold(label);
  for (let k = s.first; k < s.endToken; k++) {
    const m = mentionAt(ctx, k);
    if (!m || m.first !== k || fold(m.label) !== folded) continue;
    const type = m.kind === "source" ? ctx.catalog.sources.get(m.id)?.type : undefined;
    return type === "outlet" || type === "ngo" || type === "institute";
  }
  const words = folded.split(/[^\p{L}]+/u).filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.some((w) => isWord(ctx, KIND["onlooker"], w)) && !words.some((w) => isWord(ctx, KIND["state-body"], w) || isWord(ctx, KIND["title"], w));
}

/** Does a pronoun stand in [from, to)? */
function pronounBetween(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isWordAt(ctx, KIND["pronoun"], k)) return true;
  return false;
}

/** Does a relative in [from, to) tell a hand-over ("the Mirages that France had sold", « que la France avait vendus »)? */
function soldInRelative(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!isWordAt(ctx, KIND["relative"], k)) continue;
    for (let j = k + 1; j < Math.min(to, k + 6); j++) {
      const cls = triggerAt(ctx, j)?.values[0]!.cls;
      if (cls === "give" || cls === "get") return true;
    }
  }
  return false;
}

/** Does token j open the clause, or what a "that" or a verb of saying right before it opens? */
function opensSaid(ctx: Context, j: number, from: number): boolean {
  return j === from || isWordAt(ctx, KIND["complementizer"], j - 1) || ctx.lex.attribution.at(ctx.folded, ctx.tokens, j - 1)?.last === j - 1;
}

/** Is an item the subject right before the verb at `at`, over auxiliaries ("the F-35 had offered", "the jet offers")? */
function itemSubjectBefore(ctx: Context, at: number, from: number): boolean {
  let k = at - 1;
  while (k >= from && k > at - 3 && isWordAt(ctx, KIND["auxiliary"], k)) k--;
  const m = k >= from ? mentionAt(ctx, k) : null;
  if (!m || (m.kind !== "system" && m.kind !== "category") || /[,;:]/.test(gapText(ctx, m.last, at))) return false;
  // (Its own subject: after an article opening the clause or a "that", not an object "sent the F-35 offered by".)
  const before = m.first - 1;
  // ("The minister said the F-35 had offered": or right after a verb of saying.)
  const opener = before < from || opensSaid(ctx, m.first, from) || ((isWordAt(ctx, KIND["definite"], before) || isWordAt(ctx, KIND["determiner"], before)) && opensSaid(ctx, before, from));
  return opener && !ctx.lex.roles.at(ctx.folded, ctx.tokens, at + 1)?.values.some((v) => v.role === "agent");
}

function notATrigger(ctx: Context, from: number, at: number): boolean {
  for (let k = from; k <= at; k++) {
    if (!opensWordsAt(ctx, KIND["not-a-trigger"], k)) continue;
    const p = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
    if (p && p.last >= at && p.values.some((v) => v.kind === "not-a-trigger")) return true;
  }
  return false;
}

/**
 * "« We have decided to send four Leopards », Portuguese Prime Minister Antonio Costa said": a first-person plural
 * subject of a hand-over is the state of whoever speaks, when the text names that state beside the speaker
 * ("Portuguese Prime Minister", "Portugal's defence minister") or the speaker is a state's body itself.
 */
function ourState(ctx: Context, s: Sentence, head: PhraseMatch<Trigger>, from: number, chain: string[]): string | null {
  if (!chain.length || !["give", "approve"].includes(head.values[0]!.cls)) return null;
  let we = false;
  for (let k = Math.max(from, head.first - 6); k < head.first; k++) {
    if (isWordAt(ctx, KIND["first-person-plural"], k)) we = true;
    else if (we && mentionAt(ctx, k)) return null;
  }
  if (!we) return null;
  const speaker = fold(chain[0]!);
  // ("Danish Defence Minister Troels Lund Poulsen described… ¶ « We have donated 19 F-16s », he said": the speaker may be
  // introduced paragraphs before.)
  for (let k = s.endToken - 1; k >= 0; k--) {
    const m = mentionAt(ctx, k);
    if (!m || m.first !== k || fold(m.label) !== speaker) continue;
    if (m.party) return m.party;
    // The title before the name: "Portuguese Prime Minister", "le ministre portugais de la Défense".
    for (let j = m.first - 1; j >= Math.max(0, m.first - 5) && !/[,;:.«»"“”()]/.test(gapText(ctx, j, j + 1)); j--) {
      const d = mentionAt(ctx, j);
      if (d?.party && (d.kind === "demonym" || d.kind === "state")) return d.party;
    }
    return null;
  }
  return null;
}

/**
 * "273 Rafale ont été vendus : 80 pour les Émirats, 55 pour l'Égypte", "80 to the UAE and 55 to Egypt": in a list of
 * recipients, a count right before a recipient's marker is that recipient's share.
 */
function shareOf(ctx: Context, q: Quantities, recipient: Mention): number | null {
  let k = recipient.first - 1;
  while (k >= 0 && (isWordAt(ctx, KIND["definite"], k) || isWordAt(ctx, KIND["determiner"], k)) && !isWordAt(ctx, KIND["share-marker"], k)) k--;
  if (k < 1 || !isWordAt(ctx, KIND["share-marker"], k)) return null;
  const count = within(q.numbers, ctx.tokens[k - 1]!.start, ctx.tokens[k - 1]!.end)[0];
  if (!count || count.end !== ctx.tokens[k - 1]!.end || covered(q.money, count.start, count.end) || covered(q.times, count.start, count.end)) return null;
  return Number.isInteger(count.value) && count.value >= 1 ? count.value : null;
}

/**
 * Is the trigger a definite noun heading the subject of the verb at `verb` ("les premières livraisons d'Apache au
 * Maroc devraient…")? Only names, determiners and prepositions may stand between.
 */
function subjectNoun(ctx: Context, t: PhraseMatch<Trigger>, verb: number): boolean {
  // ("signed in 2017, with delivery originally expected by 2023", « avec une livraison prévue en 2023 »: also a noun
  // right after a preposition, with its article at most.)
  const article = isWordAt(ctx, KIND["determiner"], t.first - 1) || isWordAt(ctx, KIND["indefinite-article"], t.first - 1);
  const headed = [1, 2].some((d) => isWordAt(ctx, KIND["definite"], t.first - d)) || isWordAt(ctx, KIND["preposition"], t.first - (article ? 2 : 1));
  if (verb - t.last > 6 || !headed) return false;
  for (let k = t.last + 1; k < verb; k++) {
    const w = ctx.tokens[k]!.text;
    if (!mentionAt(ctx, k) && !adverbAt(ctx, k) && ![KIND["function"], KIND["preposition"], KIND["determiner"], KIND["definite"], KIND["auxiliary"]].some((kind) => isWord(ctx, kind, w))) return false;
  }
  return true;
}

/**
 * "ont annoncé jeudi que la Serbie achèterait 12 Rafale": a conditional verb in what a reporting verb reports is the
 * future seen from then (the sequence of tenses), not a hedge.
 */
function futureInPast(ctx: Context, s: Sentence, t: PhraseMatch<Trigger>): boolean {
  // (Not a perfect's: « affirme que Rabat aurait acheté deux satellites » hedges a purchase made.)
  return conditionalTense(ctx, t) && !isWordAt(ctx, KIND["have-auxiliary"], t.first - 1) && reportedThat(ctx, s, t.first);
}

/** Does token k stand in what a reporting verb reports, after its "that" (« a annoncé que… »)? */
function reportedThat(ctx: Context, s: Sentence, k: number): boolean {
  for (let c = k - 1; c > s.first; c--) {
    if (!isWordAt(ctx, KIND["complementizer"], c)) continue;
    return speechBetween(ctx, s.first, c);
  }
  // ("Morrison said his country would acquire": or a verb of saying a short subject before, with no "that".)
  for (let j = Math.max(s.first, k - 5); j < k - 1; j++) {
    const cue = ctx.lex.attribution.at(ctx.folded, ctx.tokens, j);
    if (cue?.values[0]!.kind === "speech" && cue.last < k - 1 && !/[,;:]/.test(ctx.text.slice(ctx.tokens[cue.last]!.end, ctx.tokens[k]!.start))) return true;
  }
  return false;
}

/**
 * « l'Italie et la République tchèque figureraient parmi les pays… », « seraient parvenus »: a verb of the clause in the
 * conditional hedges it, unless it is the future of a reported "that" (« a annoncé qu'elle enverrait ») or said by a
 * relative of an item. ("le retrait", "un extrait": a noun after its article is no verb.)
 */
function conditionalHedge(ctx: Context, s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!conditionalWord(ctx, k) || isWordAt(ctx, KIND["definite"], k - 1) || isWordAt(ctx, KIND["determiner"], k - 1) || isWordAt(ctx, KIND["indefinite-article"], k - 1)) continue;
    // (« trois Scorpène, qui seraient assemblés à Bombay »: what a relative says would be done describes the item.)
    if (isWordAt(ctx, KIND["relative"], k - 1) || inComment(ctx, k, from)) continue;
    // ("La Russie a reçu des missiles … et pourrait les utiliser": a conditional coordinated after the hand-over, with
    // none after it, hedges another predicate.)
    if (isWordAt(ctx, KIND["coordination"], k - 1) && handOverIn(ctx, from, k) && !handOverIn(ctx, k + 1, to)) continue;
    if (!reportedThat(ctx, s, k)) return true;
  }
  return false;
}

/** Is a state named at token k, after a definite article if any ("in the Netherlands")? */
function stateAt(ctx: Context, k: number): boolean {
  const m = mentionAt(ctx, isWordAt(ctx, KIND["definite"], k) ? k + 1 : k);
  return !!m && m.kind === "state" && m.party !== null;
}

/**
 * "refused to disclose the amount", "a refusé de révéler le montant du contrat": refusing to do something other than a
 * transfer cancels nothing ("refused to sell", "refused to allow the sale of" still do).
 */
function refusesOther(ctx: Context, last: number, to: number): boolean {
  if (!isWordAt(ctx, KIND["infinitive-marker"], last + 1) || last + 2 >= to) return false;
  // ("halted sales to Serbia": "to" before a party is where the sales went, no infinitive.)
  if (mentionAt(ctx, last + 2)?.party || (mentionAt(ctx, last + 3)?.party && isWordAt(ctx, KIND["definite"], last + 2))) return false;
  // Three words on, over names ("refused to let NSO Group sell").
  for (let k = last + 2, words = 0; k < to && words < 3; k++) {
    if (triggerAt(ctx, k)) return false;
    if (!mentionAt(ctx, k)) words++;
  }
  return true;
}

/**
 * "acheter des F-35 plutôt que des Rafale français", "to replace its ageing MiG-29s": what a buyer chose against, or
 * what the item replaces, up to the next comma or "with" ("replacing them with 54 Leopard 2A7s"), what people
 * only expect or speculate ("expectations for a follow-on purchase"), and what a party already holds ("l'Algérie, qui
 * dispose déjà de 44 Su-30") is neither an item nor a party nor a transfer.
 */
function setAside(ctx: Context, occupied: Uint8Array): void {
  const kinds = ["set-aside", "speculation", "inventory"];
  for (let k = 0; k < ctx.tokens.length; k++) {
    const rivals = opensWordsAt(ctx, KIND["rival-preposition"], k) ? rivalsAfterChoice(ctx, k) : -1;
    if (rivals > k) {
      for (let x = k; x < rivals; x++) occupied[x] = 1;
      k = rivals - 1;
      continue;
    }
    // "the Predator spyware, capable of hacking phones, to Egypt": what an item can do, set off by commas, is no clause.
    const capability = opensWordsAt(ctx, KIND["capability"], k) && k > 0 && /,/.test(gapText(ctx, k - 1, k)) && phraseAt(ctx, "capability", k);
    if (!capability && !opensWordsAt(ctx, KIND["set-aside"], k) && !opensWordsAt(ctx, KIND["speculation"], k) && !opensWordsAt(ctx, KIND["inventory"], k)) continue;
    const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
    if (!capability && !m?.values.some((v) => kinds.includes(v.kind))) continue;
    const end = ctx.sentences[ctx.sentenceOf[k]!]!.endToken;
    // The phrase itself ("on a par with"), then what it sets aside, up to punctuation or an end word.
    let j = k;
    while (j <= m!.last) j++;
    // ("a écarté le Rafale et choisi d'acheter 36 F-35A": a coordinated verb of a deal ends it too.)
    while (j < end && !/[,;.:()]/.test(gapText(ctx, j - 1, j)) && !isWordAt(ctx, KIND["set-aside-end"], j) && !(isWordAt(ctx, KIND["coordination"], j) && triggerAt(ctx, j + 1))) j++;
    // ("Kiev dispose déjà de F-16, cédés par le Danemark": what a party holds, told as given by someone, was a transfer.)
    if (m?.values.some((v) => v.kind === "inventory") && givenBy(ctx, j)) continue;
    // (« remplaceront les Mirage 2000-9 que la France avait vendus aux Émirats »: nor is what a relative tells was sold.)
    if (m?.values.some((v) => v.kind === "set-aside") && soldInRelative(ctx, m.last + 1, j)) continue;
    for (let x = k; x < j; x++) occupied[x] = 1;
    k = j - 1;
  }
}

/** Does a giving participle with its agent start at token j ("cédés par", "supplied by")? */
function givenBy(ctx: Context, j: number): boolean {
  const t = triggerAt(ctx, j);
  return !!t && t.values[0]!.cls === "give" && participle(ctx, ctx.tokens[j]!.text) && !!ctx.lex.roles.at(ctx.folded, ctx.tokens, t.last + 1)?.values.some((v) => v.role === "agent");
}

/** A trigger that says which way the item goes (a sale, a purchase, a delivery), not only that there is a deal. */
function specific(t: PhraseMatch<Trigger>): boolean {
  return ["give", "get", "arrive", "use", "supplier"].includes(t.values[0]!.cls);
}

/** An approval far after every item ("…tanks, part of a purchase that the government approved") is a side remark. */
function governs(t: PhraseMatch<Trigger>, items: ItemGroup[]): boolean {
  return items.some((g) => t.last < g.first || t.first - g.last <= 8);
}

/**
 * « à la frontière kazakhe », "the Kazakh border", "off Yemen's coast", "the coast of Yemen": a state or demonym beside a
 * noun of a place names where, no party.
 */
function namesPlace(ctx: Context, m: Mention): boolean {
  if (m.kind !== "demonym" && m.kind !== "state") return false;
  if (m.kind === "demonym" && (placeNounAt(ctx, m.first - 1) || placeNounAt(ctx, m.last + 1))) return true;
  if (possessive(ctx, m) && placeNounAt(ctx, m.last + 2)) return true;
  const of = m.first > 0 ? ctx.lex.roles.at(ctx.folded, ctx.tokens, m.first - 1) : null;
  const ofStart = of?.values.some((v) => v.role === "genitive") && of.last === m.first - 1 ? of.first : isWordAt(ctx, KIND["contracted-definite"], m.first - 1) ? m.first - 1 : -1;
  return ofStart > 0 && placeNounAt(ctx, ofStart - 1);
}

/** Is token k a noun of a place? (A function, not a closure: tsx names every closure made, at a cost per call.) */
function placeNounAt(ctx: Context, k: number): boolean {
  return isWordAt(ctx, KIND["place-noun"], k);
}

/** The first word of stopping a shipment ("seized", « intercepté ») in [from, to), or -1. */
function seizureIn(ctx: Context, from: number, to: number): number {
  // ("since Russia seized Crimea": a place or a state seized is no shipment stopped.)
  for (let k = from; k < to; k++) if (isWordAt(ctx, KIND["seizure"], k) && !seizesPlace(ctx, k)) return k;
  return -1;
}

/** Is what the seizure verb at k takes a state or a place (a capitalised name the catalog does not know as an item)? */
function seizesPlace(ctx: Context, k: number): boolean {
  const next = isWordAt(ctx, KIND["definite"], k + 1) ? k + 2 : k + 1;
  const m = mentionAt(ctx, next);
  if (m) return m.kind === "state";
  return isCapitalised(ctx, next) && !triggerAt(ctx, next);
}

/** Is the party the one that stops the shipment: the subject before the seizing verb, or its agent after "by"? */
function seizes(ctx: Context, m: Mention, seizure: number, head: PhraseMatch<Trigger>): boolean {
  if (m.last < seizure) return seizure < head.first;
  return m.first > seizure && m.first - seizure <= 3 && agentBefore(ctx, m.first);
}

/** After a verb of use at token k: up to five words naming no item, then "pour"/"to" and a trigger of giving? */
function meansOfTransfer(ctx: Context, k: number, to: number): boolean {
  for (let j = k; j < Math.min(to - 1, k + 6); j++) {
    const kind = mentionAt(ctx, j)?.kind;
    if (kind === "system" || kind === "category" || /[,;:]/.test(gapText(ctx, j - 1, j))) return false;
    if (j > k && isWordAt(ctx, KIND["infinitive-marker"], j)) return triggerAt(ctx, j + 1)?.values[0]!.cls === "give";
  }
  return false;
}

/** Is the trigger one of sending (a shipment, a delivery), which a seizure stops on its way? */
function weaponsSent(t: PhraseMatch<Trigger>): boolean {
  return t.values[0]!.cls === "give";
}

/** Use is the weakest: "devenue cliente, avec l'achat de 18 avions" is a purchase. */
function weak(t: PhraseMatch<Trigger>): boolean {
  return t.values[0]!.cls === "use" || t.values[0]!.cls === "wield";
}

/** The times no later than the publication date (all of them when it is unknown). */
function notAfterPublication(ctx: Context, list: TimeMention[]): TimeMention[] {
  return ctx.published ? list.filter((t) => t.from <= ctx.published!) : list;
}

/**
 * "the contract will be signed in August", « la Croatie signera le contrat en juin », written in May: a month or day
 * without a year after a verb of the future is the next one, still to come, not the one before publication.
 */
function foretold(ctx: Context, t: TimeMention, markers: PhraseMatch<StanceMarker>[], from: number): boolean {
  if (!t.assumedPast || !ctx.published || t.to >= ctx.published.slice(0, t.to.length)) return false;
  const at = tokenLowerBound(ctx.tokens, t.start);
  if (markers.some((mk) => mk.first >= from && mk.last < at && mk.values[0]!.effect === "prospective" && phraseAt(ctx, "expectation", mk.first))) return true;
  for (let k = from; k < at; k++) if (futureWord(ctx, k)) return true;
  return false;
}

/** Does "by" (« par »), with an article or a noun such as « le chantier » at most, stand before token k? */
function agentBefore(ctx: Context, k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (ctx.lex.roles.at(ctx.folded, ctx.tokens, j)?.values.some((v) => v.role === "agent")) return true;
  return false;
}

/** Is the vendor standing for its product the one bought: the subject of a passive purchase, or its direct object? */
function companyBought(ctx: Context, head: PhraseMatch<Trigger>, g: ItemGroup, from: number): boolean {
  if (g.last < head.first) return isPassive(ctx, head.first, from);
  return g.first - head.last <= 2 && !ctx.lex.roles.at(ctx.folded, ctx.tokens, head.last + 1);
}

/** Does a genitive at token k ("of", « de ») open a phrase that names no item, vendor or party ("of WhatsApp")? */
function usesOther(ctx: Context, k: number): boolean {
  const genitive = ctx.lex.roles.at(ctx.folded, ctx.tokens, k);
  if (!genitive?.values.some((v) => v.role === "genitive")) return false;
  let j = genitive.last + 1;
  if (isWordAt(ctx, KIND["definite"], j) || isWordAt(ctx, KIND["determiner"], j)) j++;
  const named = mentionAt(ctx, j);
  return !named || named.kind === "source" || named.kind === "person";
}

/** Do words saying this is another deal ("a second batch", "une nouvelle commande") stand in the clause [from, to) near token `at`? */
function separateNear(ctx: Context, from: number, to: number, at: number, after = 0): boolean {
  for (let k = Math.max(from, at - 3); k < Math.min(to, at + after); k++) {
    if (isWordAt(ctx, KIND["separate-deal"], k) || (opensWordsAt(ctx, KIND["separate-deal"], k) && ctx.lex.phrases.at(ctx.folded, ctx.tokens, k)?.values.some((v) => v.kind === "separate-deal"))) return true;
  }
  return false;
}

/** What {@link statusOf} reads of a clause: its span, triggers and head, and the stance words of its sentence. */
interface ClauseStatus {
  ctx: Context;
  q: Quantities;
  s: Sentence;
  from: number;
  to: number;
  triggers: PhraseMatch<Trigger>[];
  head: PhraseMatch<Trigger>;
  /** The marker of a demand ("demanded that the US cancel"), if any. */
  demand: PhraseMatch<StanceMarker> | undefined;
  /** An approval withheld ("did not approve the sale"). */
  refused: boolean;
  /** Every trigger of the clause tells more of the previous frame. */
  elaboration: boolean;
  previous: Frame | undefined;
  markers: PhraseMatch<StanceMarker>[];
}

/**
 * "Algeria has received its first Su-57s, the broadcaster reported, in what would make it the first foreign operator",
 * « …, ce qui en ferait le premier client »: a word in a segment set off by a comma after a trigger of the clause,
 * opening on a comment, speaks of what the fact means (whatever trigger the comment holds: "operator").
 */
function inComment(ctx: Context, k: number, from: number): boolean {
  let start = k;
  while (start > from && !/,/.test(gapText(ctx, start - 1, start))) start--;
  if (start <= from || !phraseAt(ctx, "comment-opening", start)) return false;
  for (let j = from; j < start; j++) if (triggerAt(ctx, j)) return true;
  return false;
}

/**
 * "Cellebrite halted sales to Serbia after allegations of misuse", « après des accusations d'abus »: a hedge word after
 * the head trigger, opening (with its article at most) a phrase of what led to it, hedges the cause, not the transfer.
 */
function causeAfter(ctx: Context, head: PhraseMatch<Trigger>, mk: PhraseMatch<StanceMarker>): boolean {
  if (mk.first <= head.last) return false;
  for (let k = mk.first - 1; k >= Math.max(head.last + 1, mk.first - 4); k--) {
    if (phraseEndsAt(ctx, "cause-opening", k)) return true;
    if (!isWordAt(ctx, KIND["determiner"], k) && !isWordAt(ctx, KIND["definite"], k) && !isWordAt(ctx, KIND["indefinite-article"], k) && !isWordAt(ctx, KIND["function"], k)) return false;
  }
  return false;
}

/**
 * "the first batch of 10 K2 tanks, out of 180 ordered in 2022", « dix chars, sur les 180 commandés »: a number after a
 * phrase of the whole, set off after the items and followed by a verb of ordering or buying, is the deal's count.
 */
function totalOutOf(ctx: Context, q: Quantities, g: ItemGroup, to: number): number | null {
  for (let k = g.last + 1; k < Math.min(to, g.last + 10); k++) {
    if (!opensWordsAt(ctx, KIND["total-of"], k)) continue;
    const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
    if (!m?.values.some((v) => v.kind === "total-of")) continue;
    const count = q.numbers.find((n) => n.start === ctx.tokens[m.last + 1]?.start);
    const next = count ? tokenLowerBound(ctx.tokens, count.end) : -1;
    const ordered = next >= 0 && triggerAt(ctx, next)?.values.some((v) => v.status === "ordered" || v.sale);
    return count && ordered && Number.isInteger(count.value) ? count.value : null;
  }
  return null;
}

/** How many tokens of [from, to) the stance markers cover ("the first country to"). */
function markerTokens(markers: PhraseMatch<StanceMarker>[], from: number, to: number): number {
  let n = 0;
  for (const mk of markers) n += Math.max(0, Math.min(to - 1, mk.last) - Math.max(from, mk.first) + 1);
  return n;
}

/** Is the trigger a present participle right after a comma, with a deal told before it in the clause? */
function participleAfterDeal(ctx: Context, t: PhraseMatch<Trigger>, told: PhraseMatch<Trigger>[]): boolean {
  if (t.first === 0 || !/,\s*$/.test(gapText(ctx, t.first - 1, t.first)) || !endsWithAny(ctx, "present-participle-suffix", ctx.tokens[t.first]!.text)) return false;
  return told.some((o) => o.last < t.first && o.values[0]!.cls === "deal");
}

/** The stage told by some triggers of a clause, and by the stance words around them. */
function statusOf(clause: ClauseStatus, told: PhraseMatch<Trigger>[]): Status {
  const { ctx, q, s, from, to, triggers, head, demand, refused, elaboration, previous, markers } = clause;
  let stage: keyof typeof CLAUSE_RANK = "unknown";
  for (const t of told) {
    if (weak(t) && !weak(head)) continue;
    // "has sold Ethiopia dozens of TB2 drones after the two governments signed a deal": what came before the transfer
    // told tells no stage of it.
    if (afterSequence(ctx, t, from) && told.some((o) => !afterSequence(ctx, o, from))) continue;
    // "is set to sign its largest export deal this month, delivering 180 K2 tanks to Poland": a present participle set
    // off by a comma tells what the deal before it holds, at the deal's own stage.
    if (participleAfterDeal(ctx, t, told)) continue;
    if (demand && t.first > demand.last && clauseStage(t.values[0]!) === "cancelled") continue;
    // The buyer's government approving its purchase has ordered; a seller's clearance ("cleared Poland to buy") offers.
    const own = approvesPurchase(triggers, t) && !buyerAfterApproval(ctx, triggers, t) ? "ordered" : contractedDelivery(ctx, triggers, t) ? "unknown" : clauseStage(t.values[0]!);
    if (CLAUSE_RANK[own] > CLAUSE_RANK[stage]) stage = own;
  }
  // "Initially signed in February 2022, Jakarta's Rafale acquisition…", « la vente, signée en 2015 »: a purchase
  // said to be signed is a contract, ordered.
  if (stage === "sold" && toldSigned(ctx, from, to)) stage = "ordered";
  let status: Status = refused ? "cancelled" : stage === "sold" ? "delivered" : stage;
  if (elaboration && previous) status = previous.status;
  // « l'envoi de canons Caesar, dont l'achat sera financé… »: a purchase with a marker of what is to come right after
  // it is no purchase made, under which a hand-over to come would be ordered.
  const settled = told.filter((t) => !markers.some((mk) => mk.values[0]!.effect === "prospective" && mk.first > t.last && mk.first - t.last <= 2));
  for (const mk of markers) {
    const e = mk.values[0]!.effect;
    // ("La Russie a reçu des missiles … et pourrait les utiliser": not a marker after every hand-over told, of a use.)
    const hedgesHandOver = !told.some(handsOver) || told.some((t) => handsOver(t) && t.first > mk.last);
    // ("Morrison said his country would acquire Tomahawks": after a verb of saying, "would" is the future of then; a
    // purchase still to come is under negotiation, a hand-over still to come offered.)
    const futureOfThen = e === "hypothetical" && isWordAt(ctx, KIND["reported-future"], mk.first) && reportedThat(ctx, s, mk.first + 1);
    if (futureOfThen && mk.first >= from && mk.last < to && (status === "delivered" || status === "ordered") && hedgesHandOver) status = stillToCome(told.filter((t) => t.first > mk.last), told) ?? "offered";
    else if (e === "hypothetical" && mk.first >= from && mk.last < to && (status === "delivered" || status === "ordered") && !inComment(ctx, mk.first, from) && hedgesHandOver) status = "offered";
    if (e === "prospective" && status === "delivered") {
      // "les premières livraisons devraient avoir lieu en 2024", "deliveries are expected to begin": a delivery noun
      // that is the subject of the marker is still to come ("for the sale of Predator to Madagascar": "to" is no verb).
      const verbal = !isWordAt(ctx, KIND["infinitive-marker"], mk.first) && !isWordAt(ctx, KIND["preposition"], mk.first);
      const subject = verbal ? told.filter((t) => t.last < mk.first && subjectNoun(ctx, t, mk.first)) : [];
      // "delivered the first batch, two years after inking a deal to supply them": a delivery told before the marker stands,
      // and so does a sale when what is to come is another deal ("a acquis un sous-marin et s'apprête à réceptionner un
      // autre"), not what was sold ("bought 24 Rafale, which will be delivered from 2018").
      const another = separateNear(ctx, mk.last + 1, to, mk.last + 1, 8);
      const deliveredBefore = told.some((t) => t.last < mk.first && !subject.includes(t) && (clauseStage(t.values[0]!) === "delivered" || (clauseStage(t.values[0]!) === "sold" && another)) && !contractedDelivery(ctx, triggers, t));
      // ("a annoncé fin janvier la livraison": a date between the marker and the trigger is stepped over.)
      // ("was set to become the first country to buy": and the words of another marker in between.)
      // (« a annoncé, jeudi, l'arrivée de six Rafale »: an arrival announced in the past has happened.)
      const arrivedAnnounced = (t: PhraseMatch<Trigger>) => t.values[0]!.cls === "arrive" && participle(ctx, ctx.tokens[mk.last]!.text);
      // ("donated 12 tanks to Ukraine, delivered 8 more": a comma between them sets the trigger apart from a "to".)
      if (!deliveredBefore) status = stillToCome([...subject, ...told.filter((t) => t.first > mk.last && !arrivedAnnounced(t) && !setApartFrom(ctx, mk, t) && t.first - mk.last - datedOrPricedTokens(ctx, q, mk.last + 1, t.first) - asideTokens(ctx, mk.last + 1, t.first) - markerTokens(markers, mk.last + 1, t.first) <= 3)], settled) ?? status;
    }
    // "Serbia is expected to order 12 Rafale", « le contrat devrait être signé en mars »: an order only expected is
    // under negotiation, unless the clause told the order before ("signed in May; deliveries are expected to begin").
    if (e === "prospective" && status === "ordered" && phraseAt(ctx, "expectation", mk.first)) {
      const expected = told.filter((t) => clauseStage(t.values[0]!) === "ordered" && ((t.first > mk.last && t.first - mk.last <= 3) || (t.last < mk.first && subjectNoun(ctx, t, mk.first))));
      const orderedBefore = told.some((t) => t.last < mk.first && !expected.includes(t) && ["ordered", "delivered", "sold"].includes(clauseStage(t.values[0]!)));
      if (expected.length && !orderedBefore) status = "negotiating";
      // "the contract … will be signed in August", « le contrat sera signé en août »: a deal whose signing is still to
      // come is not signed yet.
      if (signingAt(ctx, mk.last + 1, Math.min(to, mk.last + 3))) status = "negotiating";
    }
    // "un projet israélien de vendre", "plans to buy", "interested in ordering": a deal still planned is under negotiation.
    if (e === "planned" && (status === "delivered" || status === "offered" || status === "ordered") && told.some((t) => t.first > mk.last && t.first - mk.last <= 4)) status = "negotiating";
  }
  // « Belgrade signera le contrat en août »: a signing in the future tense is still to come.
  if (status === "ordered") for (let k = from; k < to; k++) if (futureWord(ctx, k) && signingAt(ctx, k, k + 1)) status = "negotiating";
  // "Zagreb recevra six appareils": a verb in the future tense is a prospective marker of its own, and so is the
  // future of then ("ont annoncé que la Serbie achèterait").
  if (status === "delivered") status = stillToCome(told.filter((t) => futureTense(ctx, t) || futureInPast(ctx, s, t)), settled) ?? status;
  // "avaient préconisé que la livraison de CAESAR soit étudiée", "urged Washington to approve the sale": a transfer
  // asked for is at most under discussion.
  if (demand && told.every((t) => t.first > demand.last) && (status === "delivered" || status === "ordered" || status === "offered")) status = "negotiating";
  return status;
}

/**
 * "a reçu ses premiers Rafale en 2021 et a commandé trois frégates en 2022": a part of the clause is dated by the
 * dates it tells, else by one opening the clause; the dates of other parts are other deals'.
 */
function partTime(ctx: Context, dealTimes: TimeMention[], triggers: PhraseMatch<Trigger>[], part: ItemPart): TimeMention | null | undefined {
  const inside = dealTimes.filter((t) => t.start >= ctx.tokens[part.from]!.start && t.end <= ctx.tokens[part.to - 1]!.end);
  const opening = dealTimes.filter((t) => t.end <= ctx.tokens[triggers[0]!.first]!.start);
  const dates = inside.length ? inside : opening;
  return dates.length ? nearest(dates, ctx.tokens[part.told[0]!.first]!.start) : dealTimes.length ? null : undefined;
}

/** Reads transfer frames from every clause that holds a trigger. */
export function readFrames(ctx: Context, q: Quantities, chains: string[][], occupied: Uint8Array, scopes: (ChainScope | null)[] = []): Frame[] {
  const frames: Frame[] = [];
  setAside(ctx, occupied);
  for (const s of ctx.sentences) {
    const before = frames.length;
    // The stance words of the sentence, read once for all its clauses.
    let sentenceStance: PhraseMatch<StanceMarker>[] | undefined;
    // The party before the head of the sentence's first clause: its subject, which a coordinated predicate shares.
    let sentenceSubject: Mention | null = null;
    for (const [from, to] of mayTellTransfer(ctx, s) ? clauses(ctx, s) : []) {
      const clauseStart = frames.length;
      const triggers: PhraseMatch<Trigger>[] = [];
      for (let i = from; i < to; ) {
        const inName = mentionAt(ctx, i);
        const read = occupied[i] === 1 || (inName && inName.kind !== "category") ? null : becameCustomer(ctx, i, to) ?? triggerAt(ctx, i);
        // "phone-hacking tool": a hacking word inside a generic noun names the kind of tool, not what a state did.
        const m = read && inName && read.values[0]!.cls === "wield" ? null : read;
        // "export rules", "un marché d'armement" talk about trade, not a transfer; but permits a government cancels or
        // grants ("cancelled export permits for … to Turkey") stand for the transfer they allow.
        const licensing = m && triggers.some((t) => (t.values[0]!.status === "cancelled" || t.values[0]!.cls === "approve") && i - t.last <= 2);
        const regulation = m && !licensing && isWordAt(ctx, KIND["not-a-transfer"], m.last + 1);
        // "in order to", "law and order": words around a trigger form that make it something else.
        // ("the Block 15 aircraft": a version noun before its number blocks nothing.)
        const idiom = m && (notATrigger(ctx, Math.max(from, i - 3), i) || (isWordAt(ctx, KIND["version-number-noun"], m.last) && versionNumberAt(ctx, m.last + 1)));
        const declined = m && m.values[0]!.status === "cancelled" && refusesOther(ctx, m.last, to);
        // "are in Ukraine", "landed in Niamey": a trigger ending in a place preposition needs the place to be a state.
        const placeless = m && isWordAt(ctx, KIND["place-preposition"], m.last) && !stateAt(ctx, m.last + 1);
        // "des utilisateurs de WhatsApp", "customers of the bank": the users or clients of something that is neither an
        // item nor its vendor use nothing sent.
        const usersOfOther = m && m.values[0]!.cls === "use" && m.first === m.last && usesOther(ctx, m.last + 1);
        // "utilisent cet aéroport pour acheminer des armes", "used the airport to fly in weapons": what is used as the means
        // of a transfer told after "pour"/"to" is no item used; the subject goes with that transfer.
        const means = m && m.values[0]!.cls === "use" && meansOfTransfer(ctx, m.last + 1, to);
        // "agreed on Tuesday to buy": a trigger's closing preposition that opens a date belongs to the date.
        // (Not a cancellation's particle, whose object is never a date: "the sale fell through last year".)
        const dated = m && m.last > m.first && m.values[0]!.status !== "cancelled" && isWordAt(ctx, KIND["preposition"], m.last) && q.times[lowerBound(q.times, ctx.tokens[m.last + 1]?.start ?? -1)]?.start === ctx.tokens[m.last + 1]?.start;
        // "the F-35 had offered the best overall package": an item offering something is no offer of it.
        const itemOffers = m && m.values[0]!.cls === "give" && m.values[0]!.status === "offered" && itemSubjectBefore(ctx, i, from);
        if (m && m.last < to && !regulation && !idiom && !declined && !dated && !placeless && !usersOfOther && !means && !itemOffers) {
          triggers.push(m);
          i = m.last + 1;
        } else i++;
      }
      if (triggers.length === 0) continue;
      // "l'envoi de F-16 turcs en Pologne pour une mission de l'Otan": forces sent on a mission stay their owner's.
      if (hasPhrase(ctx, "deployment", from, to)) continue;
      const origins = new Set<number>();
      const items = itemsOf(ctx, from, to, occupied, origins);
      /** Bare counts with "more", each a further deal of the frame told before. */
      const furtherOf = new Map<ItemGroup, Frame>();
      // "Qatar, which signed for six": a bare count after the trigger counts the system the article is about.
      if (items.length === 0) {
        const count = triggers.map((t) => within(q.numbers, ctx.tokens[t.last]!.end, ctx.tokens[Math.min(to - 1, t.last + 2)]!.end)[0]).find((n) => n);
        const topic = count ? topicSystem(ctx, null) : null;
        // Bare: nothing named after it ("signed for six in March"), not "covers 48 engines".
        const after = count ? tokenLowerBound(ctx.tokens, count.end) : -1;
        // ("the deals, one of the largest orders": a count of a part is no count of items.)
        // ("en a racheté 12 d'occasion": also before words saying what kind of copies.)
        const bare = after >= to || /^\s*[,;.)]/.test(ctx.text.slice(count?.end ?? 0)) || (isWordAt(ctx, KIND["function"], after) && !isWordAt(ctx, KIND["part-link"], after)) || phraseAt(ctx, "count-qualifier", after);
        // "…donate 18 F-16 jets to Ukraine, while Norway pledged six more": a bare count with "more" is a further deal of
        // the item just told.
        const previous = frames[frames.length - 1];
        const more = count && previous && s.paragraph === previous.paragraph && !covered(q.times, count.start, count.end) && !covered(q.money, count.start, count.end) ? moreOfPrevious(ctx, after, to) : -1;
        if (more >= 0 && previous && Number.isInteger(count!.value)) {
          const k = tokenLowerBound(ctx.tokens, count!.start);
          const origin = previous.item.system ? ctx.catalog.systems.get(previous.item.system)?.origin ?? null : null;
          const further = { first: k, last: more, name: previous.item.name, category: previous.item.category, system: previous.item.system, origin, count: count!.value };
          items.push(further);
          furtherOf.set(further, previous);
        } else if (count && bare && topic && !covered(q.times, count.start, count.end) && !covered(q.money, count.start, count.end)) {
          const k = tokenLowerBound(ctx.tokens, count.start);
          items.push({ first: k, last: k, name: topic.label, category: topic.category!, system: topic.id, origin: null, count: Number.isInteger(count.value) && count.value > 1 ? count.value : undefined });
        }
      }
      // "La Croatie a également passé une commande auprès de KNDS France", in an article about the CAESAR: an order
      // placed with the maker of the system the article is about, named after the trigger, is for that system.
      // (Money paid to the maker under a deal is told apart, below: what it bought is left unnamed.)
      if (items.length === 0 && spanIndex(ctx, q.money, from, to).length === 0 && triggers.some((t) => t.values[0]!.cls === "get" || t.values[0]!.cls === "deal")) {
        const topic = topicSystem(ctx, null);
        const maker = topic ? ctx.catalog.systems.get(topic.id)?.maker : undefined;
        // ("Nexter a reçu une importante commande": the maker as the subject receives the order; it is placed with it after.)
        const at = maker ? makerIn(ctx, maker, triggers[0]!.last + 1, to) : -1;
        if (topic && at >= 0) items.push({ first: at, last: at, name: topic.label, category: topic.category!, system: topic.id, origin: null });
      }
      // "Morocco paid IAI $22 million under a deal": money changing hands for arms never named is an unspecified transfer.
      // Only in a paragraph about arms: "Mexico buys $250 billion worth of stuff from the United States" is trade.
      if (items.length === 0 && spanIndex(ctx, q.money, from, to).length > 0 && triggers.some((t) => t.values[0]!.cls === "deal" || t.values[0]!.sale) && aboutArms(ctx, s, from, to)) {
        const at = triggers[0]!;
        items.push({ first: at.first, last: at.last, name: null, category: "other", system: null, origin: null });
      }
      // "will soon send a new package of military aid to Ukraine": aid that is military, told without its items, hands
      // over arms unnamed (the items may follow: "the package contains…").
      if (items.length === 0 && triggers.some((t) => phraseAt(ctx, "arms-aid", t.first))) {
        const at = triggers.find((t) => phraseAt(ctx, "arms-aid", t.first))!;
        items.push({ first: at.first, last: at.last, name: null, category: "other", system: null, origin: null });
      }
      // "Morocco spied on the journalist", in an article about NSO Group: a state that hacks used the document's spyware.
      const wields = triggers.find((t) => t.values[0]!.cls === "wield");
      if (items.length === 0 && wields) {
        const tool = documentSpyware(ctx, wields);
        if (tool) items.push(tool);
      }
      // ("The aircraft, the first batch of 12 ordered jets, arrived": also over a generic noun of the item told before.)
      const lastFrame = frames[frames.length - 1];
      const onlyGeneric = items.length > 0 && items.every((g) => !g.system && !g.name && g.category === lastFrame?.item.category);
      const first = items.length === 0 || onlyGeneric ? firstOf(ctx, q, s, from, to, triggers, lastFrame) : null;
      if (first) {
        frames.push(first);
        continue;
      }
      if (items.length === 0) {
        const told = dealAnaphor(ctx, q, s, from, to, triggers, lastFrame, chains[s.index] ?? [], occupied) ?? dealsCancelled(ctx, s, from, to, triggers, frames, chains[s.index] ?? [], occupied);
        if (told) frames.push(told);
        continue;
      }
      const actors: Mention[] = [];
      for (let i = from; i < to; i++) {
        const m = mentionAt(ctx, i);
        if (!m || m.first !== i || occupied[i] === 1 || origins.has(i) || !m.party) continue;
        if (m.kind === "maker" && armedWith(ctx, m.first, from)) continue;
        if (sequenceMark(ctx, m, to)) continue;
        if (namesPlace(ctx, m)) continue;
        if (outsideRelative(ctx, m, triggers) || inIdleRelative(ctx, m, from)) continue;
        if (asksAbout(ctx, m, triggers, (sentenceStance ??= stanceMarkers(ctx, s.first, s.endToken)), occupied, to)) continue;
        // (Not beside a maker standing for its product: "Huawei technicians helped Ugandan authorities".)
        if (m.kind === "demonym" && items.some((g) => g.first - 3 <= m.first && m.last <= g.last + 3 && mentionAt(ctx, g.first)?.kind !== "maker") && !markedParty(ctx, m.first, from) && !companiesOf(ctx, m) && !triggers.some((t) => demonymOfDeal(ctx, t, m))) continue;
        actors.push(m);
      }
      // The head trigger decides the roles: an approval over a sale, a verb over a noun.
      // An approval decides the roles; otherwise a sale or purchase says more than a contract ("le contrat de vente").
      const head = triggers.find((t) => t.values[0]!.cls === "approve" && governs(t, items)) ?? triggers.find((t) => specific(t) && !weak(t)) ?? triggers.find(specific) ?? triggers.find(weak) ?? triggers[0]!;
      const previous = frames[frames.length - 1];
      const elaboration = triggers.every((t) => t.values[0]!.cls === "same");
      const termsOfPrevious = previous != null && s.paragraph - previous.paragraph <= 1 && underTheDeal(ctx, from, triggers);
      // "qu'ils n'aillent pas en Ukraine", "has never exported": a negated transfer is denied by whoever says so, else none.
      // "Berne n'autoriserait pas le transfert", "did not approve the sale": a withheld approval blocks the transfer
      // (cancelled), it denies nothing.
      const refused = head.values[0]!.cls === "approve" && negatedTrigger(ctx, head, from);
      const negated = !refused && negatedTrigger(ctx, head, from);
      if (prevented(ctx, head, from)) continue;
      // "La société a été rachetée par le fonds AE Industrial Partners", "Francisco Partners bought NSO Group": a vendor
      // bought is a company changing hands, no transfer of what it makes.
      if (items.every((g) => mentionAt(ctx, g.first)?.kind === "maker") && head.values[0]!.cls === "get" && head.values[0]!.sale && items.some((g) => companyBought(ctx, head, g, from))) continue;
      // "who else would be interested in hacking them": hacking only wished or supposed says nothing of a tool held.
      if (head.values[0]!.cls === "wield" && (sentenceStance ??= stanceMarkers(ctx, s.first, s.endToken)).some((mk) => (mk.values[0]!.effect === "planned" || mk.values[0]!.effect === "hypothetical") && mk.last < head.first && head.first - mk.last <= 4)) continue;
      // (Two paragraphs on at most: "…will send a new package of military aid. [How it was learned.] The package contains:".)
      if (elaboration && (!previous || s.paragraph - previous.paragraph > 2)) continue;
      // "The US Navy seized a shipment of Iranian weapons bound for the Houthis", "…was intercepted by the coalition": who
      // stops a shipment is no party of it; how far it went is unknown.
      // (Also from the clause a relative hangs on: "intercepted a vessel that was carrying Iranian weapons to the Huthis".)
      const seizure = seizureIn(ctx, s.first, to);
      if (seizure >= 0) for (const m of actors.filter((m) => seizes(ctx, m, seizure, head))) actors.splice(actors.indexOf(m), 1);
      if (from === s.first) sentenceSubject = actors.find((m) => m.last < head.first) ?? null;
      else if (sentenceSubject && sharesSubject(ctx, from, head, items)) actors.unshift(sentenceSubject);
      // "The Netherlands pledged 24 jets, Denmark 19 and Norway six": parties each before a bare count, with the verb left
      // out, do what the clause's subject did; they are none of its own deal.
      const gapped = gappedParties(ctx, q, actors, head, to);
      for (const g of gapped) actors.splice(actors.indexOf(g.m), 1);
      const roles = parties(ctx, triggers, head, actors, from);
      // "delivered to three foreign customers without naming them": a recipient the text leaves unnamed is no one to
      // carry a recipient over to.
      if (!roles.recipient && (unnamedRecipient(ctx, head, to) || unnamedBuyer(ctx, head, to))) continue;
      // "For sales to Japan, Australia, Israel, or New Zealand, the Administration must notify…": parties offered as
      // alternatives are a condition on any of them, no transfer to one.
      if ([roles.supplier, roles.recipient].some((m) => m && inAlternatives(ctx, m))) continue;
      // "Buyers must still negotiate with the manufacturer…": a kind of party as the subject makes the clause generic.
      if (!roles.recipient && genericSubject(ctx, from, head)) continue;
      // "les autorités du royaume ont infiltré le téléphone avec Pegasus": hacking implies a sale only when the text
      // names the state that hacks; no one is carried over to it.
      if (!roles.recipient && head.values[0]!.cls === "wield") continue;
      // "les patrouilleurs recevront des lanceurs": the platform that receives is no item; its owner is the recipient.
      let holderRecipient: string | null = null;
      if (head.values[0]!.cls === "get" && !isPassive(ctx, head.first, from) && items.some((g) => g.last < head.first) && items.some((g) => g.first > head.last)) {
        const holders = items.filter((g) => g.last < head.first && !g.system);
        for (const h of holders) {
          items.splice(items.indexOf(h), 1);
          for (let k = frames.length - 1; k >= 0 && !holderRecipient; k--) {
            const f = frames[k]!;
            if (s.paragraph - f.paragraph > 3) break;
            if (f.item.category === h.category && f.recipient) holderRecipient = f.recipient;
          }
        }
      }
      // "A special plane has delivered four Mi-171 helicopters", "Chinese Y-20 aircraft deliver the FK-3": a vehicle as the
      // subject of a hand-over carries what it hands over; it is no item.
      if (head.values[0]!.cls === "give" && !isPassive(ctx, head.first, from) && items.some((g) => g.first > head.last)) {
        for (const g of items.filter((g) => g.last < head.first && carriesTo(ctx, g.last + 1, head.first))) items.splice(items.indexOf(g), 1);
      }
      // "demanded that the US cancel plans to sell…", "a appelé à suspendre les ventes": a cancellation asked for is none yet.
      const markers = (sentenceStance ??= stanceMarkers(ctx, s.first, s.endToken));
      const demand = markers.find((mk) => mk.values[0]!.effect === "demanded");
      // "Researchers attributed the hack to Rwanda": a hacking laid on a state accuses it.
      let stance: Stance = roles.blamed || conditionalHedge(ctx, s, from, to) ? "alleged" : "asserted";
      let denier: Mention | null = null;
      for (const mk of markers) {
        const e = mk.values[0]!.effect;
        if (e === "alleged" && stance === "asserted" && !triggers.some((t) => (t.first === mk.first || t.first === mk.last + 1) && futureInPast(ctx, s, t)) && !inRelativeAfter(ctx, head, mk.first) && !causeAfter(ctx, head, mk)) stance = "alleged";
        // (A denial coordinated after the clause, "… and denied plans to…", is the next clause's.)
        if (e === "denied" && !(mk.first >= to && isWordAt(ctx, KIND["predicate-link"], mk.first - 1))) {
          stance = "denied";
          // '"Allegations that Turkey is supplying Ethiopia are false," the embassy said': a denial quoted is its speaker's.
          // "Kanaani … called the claims regarding the transfer of drones to Russia unfounded": the speaker named before
          // the denial denies it, with the chain that relays them, not a party inside what is denied.
          const chain = chains[s.index] ?? [];
          denier = chain.length && (quoted(ctx, s, mk.first) || namedBefore(ctx, s, mk.first, chain[0]!)) ? null : denierOf(ctx, s, mk.first);
        }
      }
      const clause: ClauseStatus = { ctx, q, s, from, to, triggers, head, demand, refused, elaboration, previous, markers };
      // (A shipment stopped on its way reached no stage: "unknown", not the hand-over a stage left untold defaults to.)
      const stopped = seizure >= 0 && weaponsSent(head);
      const clauseStatus = stopped ? "unknown" : statusOf(clause, triggers);
      const parts = itemParts(ctx, items, triggers, to);
      const makers: Mention[] = [];
      for (let i = from; i < to; i++) {
        const m = mentionAt(ctx, i);
        if (m && m.first === i && m.kind === "maker" && occupied[i] !== 1) makers.push(m);
      }
      const money = spanIndex(ctx, q.money, from, to);
      const sentenceMoney = money.length ? money : spanIndex(ctx, q.money, s.first, s.endToken);
      // "the first will reach Poland in 2022", written in 2021: a date still to come is a plan, not the deal's time.
      const times = notAfterPublication(ctx, spanIndex(ctx, q.times, from, to)).filter((t) => !foretold(ctx, t, markers, from));
      const sentenceTimes = times.length ? times : notAfterPublication(ctx, spanIndex(ctx, q.times, s.first, s.endToken)).filter((t) => !foretold(ctx, t, markers, s.first));
      // No date in the sentence: the last one given earlier in the paragraph dates it ("mardi…. Le président a réceptionné…").
      // (A date the sentence foretells is its own, still to come: none is taken from before.)
      // ("…que la France avait vendus aux Émirats": a pluperfect tells of a time before the one told, which dates nothing.)
      const earlier = triggers.some((t) => isWordAt(ctx, KIND["pluperfect-auxiliary"], t.first - 1) || isWordAt(ctx, KIND["pluperfect-auxiliary"], t.first - 2));
      const paragraphTime = earlier || sentenceTimes.length || spanIndex(ctx, q.times, s.first, s.endToken).length ? null : lastTimeBefore(ctx, q, s, occupied, frames, clauseStatus === "negotiating" || clauseStatus === "offered");
      const headPos = ctx.tokens[head.first]!.start;
      const value = nearest(sentenceMoney, headPos);
      // "took them over on January 26, some six years after the 2014 purchase": a clause telling several stages of
      // one deal dates it from the first date it gives to the last.
      const staged = new Set(triggers.map((t) => clauseStage(t.values[0]!))).size > 1 && times.length > 1;
      // "Blaszczak said on Saturday that Poland would purchase…": a day right after a reporting verb, or in another
      // clause of the sentence, dates what was said; the deal is of that month, no more precise.
      // ("On Tuesday, Haaretz revealed that…": a day opening the sentence before its speaker dates the statement too.)
      // ("Le Rwanda a démenti jeudi toute utilisation": a day right after a denial dates the denial, CONVENTIONS 11.)
      // (Inline, not a named closure: tsx names every closure made, at a cost per call.)
      const dealTimes = times.filter((t) => !datesStatement(ctx, occupied, t, from, s) && !(stance === "denied" && markers.some((mk) => mk.values[0]!.effect === "denied" && tokenLowerBound(ctx.tokens, t.start) - mk.last <= 2 && tokenLowerBound(ctx.tokens, t.start) > mk.last)));
      const own = staged ? span(times) : nearest(dealTimes, headPos);
      const told = own ? null : nearest(sentenceTimes, headPos);
      // A denial's date dates only the denial (CONVENTIONS 11).
      // ("said in December that the purchase had been abandoned": nor does the date of a statement of what had been done.)
      const time = own ?? (told && (stance === "denied" || negated || (earlier && clauseStatus === "cancelled")) ? null : told ? monthOf(told) : paragraphTime);
      // "said on Thursday that it had delivered…": the statement's month is when the deal stood as told, not when it was made.
      const asOfStatement = !own && told != null && time != null && datesStatement(ctx, occupied, told, from, s);
      const tally = hasPhrase(ctx, "tally", from, to);
      for (const g of items) for (const supplierMention of [roles.supplier, ...roles.moreSuppliers]) for (const recipientMention of [roles.recipient, ...roles.more]) {
        const part = parts?.get(g);
        const status = part && !stopped ? statusOf(clause, part.told) : clauseStatus;
        const partDate = part ? partTime(ctx, dealTimes, triggers, part) : undefined;
        const dated = partDate === undefined ? time : partDate;
        // "Dassault enregistre un total de 507 Rafale vendus": a seller's tally names no one it sold to.
        if (!recipientMention && tally) continue;
        // Use implies a transfer only for spyware and surveillance, whose sale is rarely announced.
        if (weak(head) && g.category !== "spyware" && g.category !== "surveillance") continue;
        const sys = g.system ? ctx.catalog.systems.get(g.system) : undefined;
        // The maker is named only when the text names it: in the clause, or the system's maker anywhere in the document.
        const namedMaker = sys?.maker && firstMention(ctx, "maker", sys.maker) ? sys.maker : null;
        // "Designed by Cytrox, Predator was sold by Intellexa": the company that sells is no maker when the text names
        // the system's own.
        // ("deux Scorpène Evolved, qui seront construits par le chantier PT PAL": a yard of the buyer's own state that builds
        // a foreign system under licence is no maker of it, nor its seller.)
        // (Both tests inline, not named closures: tsx names every closure made, at a cost per call.)
        const makerMention = makers.find((m) => mayMake(ctx.catalog, m.id, g.category) && !(namedMaker !== null && m.id !== namedMaker && supplierMention?.first === m.first) && !(!!sys?.origin && m.party !== sys.origin && m.party === recipientMention?.party && m.first > g.last && agentBefore(ctx, m.first))) ?? null;
        const makerId = makerMention?.id ?? namedMaker;
        const maker = makerId ? ctx.catalog.makers.get(makerId) : undefined;
        const rules = [head.values[0]!.rule, ...(asOfStatement && partDate === undefined ? [AS_OF_STATEMENT] : [])];
        // "des lanceurs Simbad-RC, ainsi que des missiles Marte, conçus par la branche italienne": a maker named right
        // after one item made that one only.
        const otherMaker = supplierMention && makerOfAnother(ctx, supplierMention, g, items, from);
        let supplier = otherMaker ? null : supplierMention?.party ?? null;
        if (supplier) rules.push("role/supplier-marked");
        // "Missiles iraniens pour Moscou : Washington affirme que les premières livraisons ont eu lieu": a state that speaks
        // acts in what it says only when the items' own origin does not say otherwise.
        const speaker = chains[s.index]?.[0];
        // ("Washington said it would sell French-made jets": not when a pronoun takes the speaker up as the subject.)
        if (supplier && g.origin && g.origin !== supplier && supplierMention && speaksHere(ctx, supplierMention, speaker) && !pronounBetween(ctx, supplierMention.last + 1, head.first)) (supplier = g.origin), rules.push("role/supplier-demonym");
        // "« We will send four Leopards », Portuguese Prime Minister Antonio Costa said": "we" is the speaker's state.
        const ours = supplier ? null : ourState(ctx, s, head, from, chains[s.index] ?? []);
        if (ours && ours !== recipientMention?.party) (supplier = ours), rules.push("role/supplier-speaker");
        if (!supplier && g.origin) (supplier = g.origin), rules.push("role/supplier-demonym");
        // "developed jointly by India's DRDO and Russia's NPO Mashinostroyeniya": of makers of several states, the one of
        // the system's own state supplies.
        const jointly = makerMention?.party && sys?.origin && makerMention.party !== sys.origin && makers.some((m) => m.party === sys.origin);
        if (!supplier && jointly) (supplier = sys!.origin), rules.push("role/supplier-origin");
        if (!supplier && makerMention?.party) (supplier = makerMention.party), rules.push("role/supplier-maker");
        if (!supplier && sys?.origin) (supplier = sys.origin), rules.push("role/supplier-origin");
        // "l'achat de 18 avions" in an article about the Rafale: the generic noun is that system.
        let item = g;
        // (A generic noun named by a designation the catalog does not know is that item, not the article's topic.)
        if (!supplier && !g.system && !g.name) {
          // ("Jakarta signed for the Rafales in 2022, but the deal came in tranches: six aircraft first": a system of the
          // kind named earlier in the sentence comes before the article's topic.)
          const topic = systemEarlierIn(ctx, s, from, g.category) ?? topicSystem(ctx, g.category);
          const origin = topic ? ctx.catalog.systems.get(topic.id)?.origin : null;
          // ("Ces cessions pèsent sur l'armée de Terre : les dix-huit canons donnés…": deals a demonstrative points back to,
          // told of a generic noun, are those told before; they are no new one.)
          if (topic && origin && isWordAt(ctx, KIND["demonstrative"], head.first - 1)) continue;
          if (topic && origin) {
            item = { ...g, name: topic.label, system: topic.id };
            supplier = origin;
            rules.push("item/topic-system");
          }
        }
        let recipient = recipientMention?.party ?? null;
        if (!recipient && holderRecipient) (recipient = holderRecipient), rules.push("role/recipient-holder");
        // ("Norway pledged six more": the parties the clause leaves out are those of the deal it adds to.)
        const added = furtherOf.get(g);
        if (added) {
          recipient ??= added.recipient;
          if (!supplierMention) supplier = added.supplier;
          rules.push("frame/further-count");
        }
        // "Il s'agit de L-39 et de Su-25": the items of the previous frame, told one by one ("aircraft including
        // Iranian-made Shahed drones", after a sale of air defence, lists something else).
        const elaborated = elaboration && previous ? frames.filter((f) => f.sentence === previous.sentence) : [];
        // ("25 avions … comprenant le J-10C", after a J-10C sale and a Rafale sale: the frame whose seller made it.)
        // (A demonym's make must fit; a catalog origin only prefers: Russia delivers Czech-made L-39s.)
        // ("It also includes Meteor missiles": what a deal also includes is of any kind.)
        const addition = head.values[0]!.rule.endsWith("/addition");
        const fits = elaborated.filter((f) => (addition || f.item.category === g.category || f.item.category === "other") && (!g.origin || !f.supplier || f.supplier === g.origin));
        // (Of frames told alike, one whose parties are both named before one still missing a party.)
        const whole = fits.filter((f) => f.supplier && f.recipient);
        const host = [...fits].reverse().find((f) => sys?.origin && f.supplier === sys.origin) ?? whole[whole.length - 1] ?? fits[fits.length - 1];
        if (elaboration && previous && !host) continue;
        // (…and at its stage: "The package would also include…" after a package to be sent.)
        let stage = status;
        if (elaboration && host) {
          supplier = supplierMention?.party ?? host.supplier;
          recipient ??= host.recipient;
          stage = host.status;
          rules.push("frame/elaboration");
        }
        // A contract "with" someone does not say who sells: the system's state of origin does.
        if (roles.symmetric && sys?.origin && recipient === sys.origin && supplier && supplier !== sys.origin) {
          [supplier, recipient] = [recipient, supplier];
          rules.push("role/swapped-by-origin");
        }
        // "with the French firm Dassault as middleman": the state a transfer passed through did not make it; who did supplies.
        if (supplier && supplier === roles.intermediary?.party && sys?.origin && sys.origin !== supplier) (supplier = sys.origin), rules.push("role/supplier-origin");
        if (supplier && supplier === recipient) continue;
        const start = Math.min(ctx.tokens[head.first]!.start, ctx.tokens[g.first]!.start, supplierMention?.start ?? Infinity, recipientMention?.start ?? Infinity);
        const end = Math.max(ctx.tokens[head.last]!.end, ctx.tokens[g.last]!.end, supplierMention?.end ?? 0, recipientMention?.end ?? 0);
        // A clause before the one a later speaker opens keeps the voice it had ("Spain has offered…, while Norway said…").
        const scope = scopes[s.index];
        const clauseChain = scope && to <= scope.from ? scope.before : chains[s.index] ?? [];
        let sources = stance === "denied" && denier ? [bodyLabel(ctx, denier)] : clauseChain;
        if (negated) {
          // ("The experts said the missiles had not been supplied by China": a negation told by no party of the transfer
          // denies nothing of it, CONVENTIONS 8.)
          if (sources.length === 0 || toldByOnlooker(ctx, s, sources[0]!)) continue;
          stance = "denied";
          rules.push("stance/negated");
        }
        // "has acknowledged that the country bought spyware from NSO Group but denied that it was being used to target
        // opponents": denying a use of what the sentence says was bought denies the use, not the purchase.
        if (stance === "denied" && (head.values[0]!.cls === "wield" || head.values[0]!.cls === "use") && frames.some((f) => f.sentence === s.index && f.stance !== "denied" && f.item.category === g.category)) continue;
        // A government body that approves or supplies speaks for itself: "the State Department cleared Greece".
        if (sources.length === 0 && supplierMention?.kind === "source") (sources = [supplierMention.label]), rules.push("attribution/acting-body");
        frames.push({
          sentence: s.index,
          paragraph: s.paragraph,
          first: from,
          end: to,
          supplier,
          recipient,
          intermediary: roles.intermediary?.party ?? null,
          item: { name: item.name, category: item.category, system: item.system },
          maker: makerMention ? makerName(ctx, makerMention) : writtenMaker(ctx, makerId) ?? maker?.names[0]?.text ?? null,
          quantity: (roles.more.length && recipientMention ? shareOf(ctx, q, recipientMention) : null) ?? g.count ?? totalOutOf(ctx, q, g, to) ?? quantityBefore(ctx, g, items, from, q) ?? unitCount(ctx, items, to, q) ?? countOfGeneric(ctx, g, items, from, to, q),
          value: moneyOf(ctx, g, to, q) ?? (value ? { amount: value.amount, currency: value.currency } : null),
          time: dated ? { from: dated.from, to: dated.to } : elaboration && previous ? previous.time : null,
          // (…and so did what "the cargo included" of such a shipment.)
          status: optionFor(ctx, g.first, from) ? "offered" : stage === "unknown" && !stopped && !(elaboration && (host ?? previous)?.status === "unknown") ? "delivered" : stage,
          stance,
          sources: [...sources],
          targets: g.category === "spyware" || g.category === "surveillance" ? targetsOf(ctx, s, sources) : [],
          separate: separateNear(ctx, from, to, g.first, g.last - g.first + 6) || separateNear(ctx, from, to, head.first),
          definiteItem: !g.system && isWordAt(ctx, KIND["definite"], g.first - 1),
          dealAnaphor: !supplierMention && !recipientMention && triggers.some((t) => t.values[0]!.cls === "deal" && oneDealTold(ctx, t)),
          relationship: head.values[0]!.cls === "supplier",
          span: { start, end },
          rules,
          // (Written undefined rather than left out: a field added by a spread gives each frame a hidden class of its own.)
          continues: termsOfPrevious && termsFit(previous!, supplier, recipient, item.category) ? previous : undefined,
        });
        // "Moscow and Tehran have denied…": each denier coordinated with the one read denies in a claim of its own.
        if (stance === "denied" && denier && sources[0] === bodyLabel(ctx, denier)) {
          const denied = frames[frames.length - 1]!;
          for (const other of coDeniers(ctx, s, denier)) frames.push(makeFrame({ ...denied, sources: [bodyLabel(ctx, other)] }));
        }
      }
      dropBreakdown(ctx, frames, clauseStart);
      if (gapped.length) {
        const told = frames.slice(clauseStart);
        for (const f of told) {
          const subject = roles.supplier && roles.supplier.last < head.first ? "supplier" : roles.recipient && roles.recipient.last < head.first ? "recipient" : null;
          if (!subject || f.quantity == null) continue;
          for (const g of gapped) frames.push(makeFrame({ ...f, [subject]: g.m.party, quantity: g.count, separate: true, span: { start: g.m.start, end: g.end }, rules: [...f.rules, "frame/gapped-party"] }));
        }
      }
      const more = followOn(ctx, q, from, to);
      if (more) {
        for (const f of frames.slice(clauseStart)) {
          if (f.quantity == null || f.quantity === more.count.value) continue;
          frames.push(makeFrame({ ...f, supplier: more.giver ?? f.supplier, quantity: more.count.value, time: more.time ? { from: more.time.from, to: more.time.to } : null, separate: true, span: more.span, rules: [...f.rules, "frame/follow-on"] }));
        }
      }
    }
    if (frames.length === before) {
      const denial = denialOf(ctx, s, sentenceStance ?? stanceMarkers(ctx, s.first, s.endToken), frames, chains[s.index] ?? []);
      if (denial) frames.push(denial);
    }
  }
  return frames;
}

/** The part of a clause that tells of one of its items: the triggers that govern it, and the tokens [from, to) they open. */
interface ItemPart {
  told: PhraseMatch<Trigger>[];
  from: number;
  to: number;
}

/**
 * "Turkey took delivery of the S-400 and was expelled from the F-35 programme": where triggers stand between the
 * items of a clause, each item is told by the triggers before it, back to the item before and its relative clause
 * (and the last item by those after it too), up to the next item's triggers. An item with none shares the part before
 * it ("ordered 24 F-16s and 36 Apaches"). Null when the triggers do not stand apart.
 */
function itemParts(ctx: Context, items: ItemGroup[], triggers: PhraseMatch<Trigger>[], to: number): Map<ItemGroup, ItemPart> | null {
  if (items.length < 2) return null;
  const inOrder = [...items].sort((a, b) => a.first - b.first);
  // "including", "dont": a trigger saying the next item is part of the one before separates no deals.
  const told = triggers.filter((t) => t.values[0]!.cls !== "same");
  // "the 40 howitzers that Washington approved in 2021, …": a relative clause right after an item tells of that item.
  const ends = inOrder.map((g) => (isWordAt(ctx, KIND["relative"], g.last + 1) ? relativeEnd(ctx, g.last + 1, to, told) : g.last));
  const sets = inOrder.map((g, k) => told.filter((t) => (k === 0 || t.first > ends[k - 1]!) && (t.last < g.first || t.last <= ends[k]! || k === inOrder.length - 1)));
  if (inOrder.filter((g, k) => sets[k]!.some((t) => t.last < g.first)).length < 2) return null;
  const parts: ItemPart[] = [];
  for (const set of sets) {
    if (set.length === 0) continue;
    if (parts.length) parts[parts.length - 1]!.to = set[0]!.first;
    parts.push({ told: set, from: set[0]!.first, to });
  }
  const out = new Map<ItemGroup, ItemPart>();
  let shared = parts[0]!;
  inOrder.forEach((g, k) => {
    if (sets[k]!.length) shared = parts.find((p) => p.told === sets[k])!;
    out.set(g, shared);
  });
  return out;
}

/**
 * "En 2015, trois mois après l'Égypte, le Qatar commandait…", "a year after Egypt": a party named after "after" or
 * "before" only dates the clause, unless it does something there ("after Egypt ordered").
 */
function sequenceMark(ctx: Context, m: Mention, to: number): boolean {
  const before = isWordAt(ctx, KIND["definite"], m.first - 1) ? m.first - 2 : m.first - 1;
  if (!isWordAt(ctx, KIND["sequence-preposition"], before)) return false;
  for (let k = m.last + 1; k < Math.min(to, m.last + 4); k++) {
    if (/,/.test(gapText(ctx, k - 1, k)) || mentionAt(ctx, k)) return true;
    if (triggerAt(ctx, k)) return false;
  }
  return true;
}

/**
 * The last token of the relative clause opening at token `at`: up to a comma or semicolon, or up to a conjunction
 * before another trigger ("the jets that Sweden offered and ordered F-35s": "ordered" is the main clause's again).
 */
function relativeEnd(ctx: Context, at: number, to: number, triggers: PhraseMatch<Trigger>[]): number {
  let k = at;
  while (k + 1 < to && !/[,;]/.test(gapText(ctx, k, k + 1)) && !(isWordAt(ctx, KIND["coordination"], k + 1) && coordinatedTrigger(ctx, k + 1, to, triggers))) k++;
  return k;
}

/** Does one of the triggers follow the conjunction at token k, across auxiliaries ("and has ordered")? */
function coordinatedTrigger(ctx: Context, k: number, to: number, triggers: PhraseMatch<Trigger>[]): boolean {
  let j = k + 1;
  while (j < to && isWordAt(ctx, KIND["auxiliary"], j)) j++;
  return triggers.some((t) => t.first === j);
}

/** The parties and category of a clause on the terms of a deal agree with the deal's, where the clause names them. */
function termsFit(deal: Frame, supplier: string | null, recipient: string | null, category: Category): boolean {
  return (!supplier || supplier === deal.supplier) && (!recipient || recipient === deal.recipient) && category === deal.item.category;
}

/**
 * "Under the deal, Poland will be supplied with…", "Dans le cadre de ce contrat, …": a clause opening on the terms of
 * the deal (a definite or demonstrative deal noun) tells more of the deal just told, whatever batch words it repeats.
 */
function underTheDeal(ctx: Context, from: number, triggers: PhraseMatch<Trigger>[]): boolean {
  const opening = ctx.lex.phrases.at(ctx.folded, ctx.tokens, from);
  const phrase = opening?.values.some((v) => v.kind === "deal-terms") ? opening : null;
  if (!phrase && !isWordAt(ctx, KIND["deal-terms"], from)) return false;
  const last = phrase ? phrase.last : from;
  // "aux termes du contrat": the article is in the phrase; "under the deal", "dans le cadre de cet accord": it follows.
  const article = [KIND["definite"], KIND["contracted-definite"]].some((k) => isWord(ctx, k, ctx.tokens[last]!.text)) || [KIND["definite"], KIND["demonstrative"]].some((k) => isWord(ctx, k, ctx.tokens[last + 1]?.text ?? ""));
  return article && triggers.some((t) => t.values[0]!.cls === "deal" && t.first > last && t.first <= last + 3);
}

/** "the deal", « ce contrat »: a singular deal noun after a definite or demonstrative article ("the contracts" are many). */
function oneDealTold(ctx: Context, t: PhraseMatch<Trigger>): boolean {
  return definiteBefore(ctx, t.first) && !/s$/.test(ctx.tokens[t.last]!.text);
}

/** A definite article or demonstrative right before token k, also one contracted with a preposition (« le montant du contrat »). */
function definiteBefore(ctx: Context, k: number): boolean {
  return isWordAt(ctx, KIND["definite"], k - 1) || isWordAt(ctx, KIND["demonstrative"], k - 1) || isWordAt(ctx, KIND["contracted-definite"], k - 1);
}

/**
 * "The purchase was contracted in 2014, the report says": a deal noun after "the" or "this", in a clause that names
 * no item and no party, tells more of the deal just told (here, when it was signed), in the same voice.
 */
function dealAnaphor(ctx: Context, q: Quantities, s: Sentence, from: number, to: number, triggers: PhraseMatch<Trigger>[], previous: Frame | undefined, chain: string[], occupied: Uint8Array): Frame | null {
  if (!previous || s.paragraph - previous.paragraph > 1) return null;
  const head = triggers[0]!;
  if (!definiteBefore(ctx, head.first)) return null;
  // (A party inside who tells it, "confirmed by Italy's Foreign Minister", is no party to the deal.)
  // ("but the order was cancelled in 2022 amid fears of US sanctions after Russia's invasion": parties told after the
  // trigger's own words, in why or when it happened, are none either.)
  // (Only when the clause dates or prices what it tells: "What the deal buys is leverage with Paris" tells nothing.)
  const times = spanIndex(ctx, q.times, from, to).filter((t) => !ctx.published || t.from <= ctx.published);
  const money = spanIndex(ctx, q.money, from, to);
  // ("le contrat du siècle, concernant le cobalt et le cuivre, signé avec la Chine en 2008": nor a deal of other goods.)
  for (let i = from; i < to; i++) if (isWordAt(ctx, KIND["trade-good"], i)) return null;
  const partiesUntil = times.length || money.length ? Math.min(to, triggers[triggers.length - 1]!.last + 3) : to;
  for (let i = from; i < partiesUntil; i++) if (mentionAt(ctx, i)?.party && occupied[i] !== 1) return null;
  // ("D'après des documents consultés par Mediapart, la vente aurait été conclue pour 14 millions d'euros": another
  // source pricing the deal adds its value; the deal stays told by whoever told it first.)
  const otherVoice = chain.length > 0 && previous.sources.length > 0 && fold(chain[0]!) !== fold(previous.sources[0]!);
  if (otherVoice && !money.length) return null;
  // ("The talks for the sale of the two vessels have been confirmed by the minister": or who tells a deal told by no one.)
  const vouched = chain.length > 0 && previous.sources.length === 0;
  if (times.length === 0 && money.length === 0 && !vouched) return null;
  let stage: keyof typeof CLAUSE_RANK = "unknown";
  for (const t of triggers) if (CLAUSE_RANK[clauseStage(t.values[0]!)] > CLAUSE_RANK[stage]) stage = clauseStage(t.values[0]!);
  return makeFrame({
    ...previous,
    sentence: s.index,
    paragraph: s.paragraph,
    first: from,
    end: to,
    time: times.length ? span(times) : null,
    value: money[0] ? { amount: money[0].amount, currency: money[0].currency } : null,
    status: stage === "sold" || stage === "unknown" ? "delivered" : stage,
    sources: chain.length && !otherVoice ? [...chain] : [...previous.sources],
    separate: false,
    continues: previous,
    span: { start: ctx.tokens[head.first]!.start, end: ctx.tokens[head.last]!.end },
    rules: [head.values[0]!.rule, "deal/anaphor"],
  });
}

/** How many paragraphs back a cancellation naming a party looks for the deal it ends. */
const CANCEL_REACH = 3;

/**
 * "l'entreprise israélienne a rompu ses contrats avec Rome", "NSO cancelled its contracts with Mexico": a cancellation
 * naming no item but a party of a deal told shortly before ends that deal.
 */
function dealsCancelled(ctx: Context, s: Sentence, from: number, to: number, triggers: PhraseMatch<Trigger>[], frames: Frame[], chain: string[], occupied: Uint8Array): Frame | null {
  const cancel = triggers.find((t) => t.values[0]!.status === "cancelled" && t.values[0]!.cls === "deal");
  if (!cancel) return null;
  const parties = new Set<string>();
  for (let i = cancel.last + 1; i < to; i++) {
    const m = mentionAt(ctx, i);
    if (m?.party && m.first === i && occupied[i] !== 1) parties.add(m.party);
  }
  if (parties.size !== 1) return null;
  const [party] = [...parties];
  for (let k = frames.length - 1; k >= 0; k--) {
    const f = frames[k]!;
    if (s.paragraph - f.paragraph > CANCEL_REACH) break;
    if (f.recipient !== party && f.supplier !== party) continue;
    // (A deal only denied so far is no deal this one goes on with: the cancellation is told in its own voice.)
    const denied = f.stance === "denied";
    const sources = f.sources.length && !denied ? [...f.sources] : [...chain];
    return makeFrame({ ...f, sentence: s.index, paragraph: s.paragraph, first: from, end: to, status: "cancelled", stance: "asserted", time: null, sources, separate: false, continues: denied ? undefined : f, span: { start: ctx.tokens[cancel.first]!.start, end: ctx.tokens[cancel.last]!.end }, rules: [cancel.values[0]!.rule, "deal/cancelled-with-party"] });
  }
  return null;
}

/**
 * "…had agreed to supply Gepard guns, and the first of 30 arrived in Ukraine in July", « les premiers des 26 appareils
 * ont été livrés »: the first of a number, handed over or arriving, is the delivery of the items told just before, and
 * the number is their total.
 */
function firstOf(ctx: Context, q: Quantities, s: Sentence, from: number, to: number, triggers: PhraseMatch<Trigger>[], previous: Frame | undefined): Frame | null {
  if (!previous || s.index - previous.sentence > 1 || s.paragraph - previous.paragraph > 1) return null;
  const handover = triggers.find((t) => ["arrive", "give", "get"].includes(t.values[0]!.cls));
  if (!handover) return null;
  for (let k = from; k < to; k++) {
    if (!opensWordsAt(ctx, KIND["first-of"], k)) continue;
    const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
    if (!m?.values.some((v) => v.kind === "first-of")) continue;
    const count = q.numbers.find((n) => n.start === ctx.tokens[m.last + 1]?.start);
    if (!count || !Number.isInteger(count.value) || count.value < 2) return null;
    const times = notAfterPublication(ctx, spanIndex(ctx, q.times, from, to));
    const stage = clauseStage(handover.values[0]!);
    return makeFrame({
      ...previous,
      sentence: s.index,
      first: from,
      end: to,
      quantity: count.value,
      time: times.length ? span(times) : previous.time,
      status: stage === "sold" || stage === "unknown" || stage === "delivered" ? "delivered" : previous.status,
      separate: false,
      continues: previous,
      span: { start: ctx.tokens[k]!.start, end: ctx.tokens[handover.last]!.end },
      rules: [handover.values[0]!.rule, "deal/first-of"],
    });
  }
  return null;
}

/**
 * "Pyongyang dismissed the accusations": a denial that names no transfer denies the latest claim its denier is a
 * party to, and is a claim of its own (stance denied, the denier as source).
 */
function denialOf(ctx: Context, s: Sentence, stance: PhraseMatch<StanceMarker>[], frames: Frame[], chain: string[]): Frame | null {
  const marker = stance.find((m) => m.values[0]!.effect === "denied");
  if (!marker || deniesOther(ctx, s, marker)) return null;
  let denier: Mention | null = null;
  for (let k = marker.first - 1; k >= s.first && !denier; k--) {
    const d = mentionAt(ctx, k);
    if (d && (d.party || d.kind === "person" || d.kind === "source") && d.kind !== "demonym") denier = d;
  }
  if (!denier) return null;
  const party = denier.party ?? partyOfPerson(ctx, denier);
  // "Ankara rejected suggestions that it was arming the Ethiopian government": the other party named says which claim.
  const others = new Set<string>();
  for (let k = marker.last + 1; k < s.endToken; k++) {
    const m = mentionAt(ctx, k);
    if (!m?.party || m.party === party || m.first !== k) continue;
    // "the Ethiopian government" names a party; "les médias japonais" do not.
    if (m.kind === "state" || (m.kind === "demonym" && stateBody(ctx, m))) others.add(m.party);
  }
  let prior: Frame | undefined;
  for (let k = frames.length - 1; k >= 0 && !prior; k--) {
    const f = frames[k]!;
    if (s.paragraph - f.paragraph > 3) break;
    const concerns = others.size === 0 || others.has(f.supplier ?? "") || others.has(f.recipient ?? "");
    // A headline's denial is told again in the body ("Morocco rejects…" then "Morocco's authorities have rejected…").
    const retold = f.stance === "denied" && f.paragraph === 0 && s.paragraph > 0;
    if ((f.stance !== "denied" || retold) && concerns && (party ? f.supplier === party || f.recipient === party : true)) prior = f;
  }
  if (!prior) return null;
  const label = bodyLabel(ctx, denier);
  const sources = chain.length && fold(chain[0]!) === fold(label) ? chain : [label];
  return makeFrame({
    ...prior,
    sentence: s.index,
    paragraph: s.paragraph,
    stance: "denied",
    sources: [...sources],
    separate: false,
    span: { start: Math.min(denier.start, ctx.tokens[marker.first]!.start), end: Math.max(denier.end, ctx.tokens[marker.last]!.end) },
    rules: [marker.values[0]!.rule, "frame/denial-of-prior"],
  });
}

/**
 * "Cairo denied any wrongdoing", « a nié toute implication »: a denial whose object is something else than a claim or a
 * transfer (no claim noun, trigger or item before the next comma or conjunction) denies no transfer.
 */
function deniesOther(ctx: Context, s: Sentence, marker: PhraseMatch<StanceMarker>): boolean {
  let object = false;
  for (let k = marker.last + 1; k < s.endToken && !/[,;:]/.test(gapText(ctx, k - 1, k)); k++) {
    if (isWordAt(ctx, KIND["coordination"], k) && object) break;
    if (isWordAt(ctx, KIND["claim-noun"], k) || triggerAt(ctx, k) || mentionAt(ctx, k)) return false;
    if (!isWordAt(ctx, KIND["function"], k) && !isWordAt(ctx, KIND["preposition"], k) && !adverbAt(ctx, k)) object = true;
  }
  return object;
}

/** "Morocco's authorities", "the Moroccan authorities": a state named with its body is named so. */
function bodyLabel(ctx: Context, m: Mention): string {
  const t = ctx.tokens;
  const possessed = possessive(ctx, m) && isWordAt(ctx, KIND["state-body"], m.last + 2);
  // ("Kaczynski's allies had denied": a person's allies or aides are others, told as written.)
  if (possessed || entourageOf(ctx, m)) return ctx.text.slice(m.start, t[m.last + 2]!.end);
  if (m.kind === "demonym" && isWordAt(ctx, KIND["state-body"], m.last + 1)) return ctx.text.slice(m.start, t[m.last + 1]!.end);
  // (« les autorités italiennes »: the body before its demonym, as French puts it.)
  if (m.kind === "demonym" && isWordAt(ctx, KIND["state-body"], m.first - 1)) return ctx.text.slice(t[m.first - 1]!.start, m.end);
  // (« le ministre français de la Défense dément »: the office its demonym describes, with what it is the office of.)
  if (m.kind === "demonym" && (isWordAt(ctx, KIND["office-role"], m.first - 1) || isWordAt(ctx, KIND["title"], m.first - 1))) {
    let end = m.last;
    const of = (k: number) => !!ctx.lex.roles.at(ctx.folded, t, k)?.values.some((v) => v.role === "genitive") || isWordAt(ctx, KIND["contracted-definite"], k) || isWordAt(ctx, KIND["definite"], k);
    for (let k = m.last + 1; k < t.length && k <= m.last + 4 && !/[,;:.]/.test(gapText(ctx, k - 1, k)); k++) {
      if (isCapitalised(ctx, k) && !mentionAt(ctx, k)) end = k;
      else if (!of(k)) break;
    }
    return ctx.text.slice(t[m.first - 1]!.start, t[end]!.end);
  }
  return m.label;
}

/** A person denies for the party of a state named in the same comma segment of the sentence, if any. */
function partyOfPerson(ctx: Context, person: Mention): string | null {
  const s = ctx.sentences[ctx.sentenceOf[person.first]!]!;
  // ("In its response to the Biden administration, Prime Minister Abiy Ahmed's government denied…": a state set off
  // by a comma is someone else's.)
  let first = person.first;
  while (first > s.first && !/,/.test(gapText(ctx, first - 1, first))) first--;
  let end = person.last + 1;
  while (end < s.endToken && !/,/.test(gapText(ctx, end - 1, end))) end++;
  for (let k = first; k < end; k++) {
    const m = mentionAt(ctx, k);
    if (m && m !== person && m.party && m.kind !== "maker") return m.party;
  }
  return null;
}

/** A maker mention as the text writes it; "the company" stands for the name it refers back to. */
function makerName(ctx: Context, m: Mention): string {
  return m.rule.startsWith("coreference/") ? writtenMaker(ctx, m.id) ?? m.label : ctx.text.slice(m.start, m.end);
}

/** The maker as the text writes it, when the text names it somewhere. */
function writtenMaker(ctx: Context, id: string | null): string | null {
  const m = id ? firstMention(ctx, "maker", id) : undefined;
  return m ? ctx.text.slice(m.start, m.end) : null;
}

/** Is token `at` inside quotation marks opened earlier in its sentence? */
function quoted(ctx: Context, s: Sentence, at: number): boolean {
  // A sentence opening on a quotation may start after its opening mark.
  const before = ctx.text.slice(Math.max(0, s.start - 2), ctx.tokens[at]!.start);
  const straight = (before.match(/"/g) ?? []).length;
  const open = (before.match(/[«“]/g) ?? []).length - (before.match(/[»”]/g) ?? []).length;
  return straight % 2 === 1 || open > 0;
}

/**
 * Who denies: the party, person or source just before the denial ("Moscou a démenti"); when the denial closes a
 * longer clause ("Iran regarded reports of deliveries to Russia as groundless"), the clause's subject.
 */
/** Is a person or source of this label named in the sentence before token `marker`? */
function namedBefore(ctx: Context, s: Sentence, marker: number, label: string): boolean {
  for (let k = s.first; k < marker; k++) {
    const m = mentionAt(ctx, k);
    if (m && m.first === k && (m.kind === "person" || m.kind === "source") && m.label === label && !entourageOf(ctx, m)) return true;
  }
  return false;
}

/** "Kaczynski's allies", "Netanyahu's aides": is the person's name followed by 's and a word for those around them? */
function entourageOf(ctx: Context, m: Mention): boolean {
  return m.kind === "person" && possessive(ctx, m) && isWordAt(ctx, KIND["person-role"], m.last + 2);
}

/** Can the mention deny: a party, a person or a source? */
function speaks(d: Mention | null): d is Mention {
  return !!d && (!!d.party || d.kind === "person" || d.kind === "source");
}

function denierOf(ctx: Context, s: Sentence, marker: number): Mention | null {
  for (let k = marker - 1; k >= Math.max(s.first, marker - 4); k--) {
    // ("…had sold drones to Ethiopia as baseless": a party after a role word is the transfer's, no denier.)
    const m = mentionAt(ctx, k);
    if (m && speaks(m) && ctx.lex.roles.at(ctx.folded, ctx.tokens, m.first - 1)?.values.some((v) => v.role !== "skip" && v.role !== "transparent")) continue;
    if (speaks(mentionAt(ctx, k))) return mentionAt(ctx, k);
    // "defended its arms sales to the Syrian government, but denied": a name before the clause's comma is no subject.
    if (/[,;]/.test(gapText(ctx, k - 1, k))) break;
  }
  for (let k = s.first; k < marker; k++) if (speaks(mentionAt(ctx, k)) && mentionAt(ctx, k)!.kind !== "demonym") return mentionAt(ctx, k);
  return null;
}

/** The speakers coordinated before a denier ("Moscow and Tehran have denied", "Rabat, Paris and Tel Aviv deny"). */
function coDeniers(ctx: Context, s: Sentence, denier: Mention): Mention[] {
  const out: Mention[] = [];
  let k = denier.first - 1;
  for (;;) {
    let gap = k;
    while (gap >= s.first && isWordAt(ctx, KIND["coordination"], gap)) gap--;
    const joined = gap < k || /^,\s$/.test(gapText(ctx, k, k + 1));
    const m = joined && gap >= s.first ? mentionAt(ctx, gap) : null;
    if (!m || m.last !== gap || !speaks(m) || m.kind === "demonym") return out;
    out.push(m);
    k = m.first - 1;
  }
}

/** Persons named after a targeting word in the sentence. */
function targetsOf(ctx: Context, s: Sentence, sources: string[]): string[] {
  let cue = -1;
  for (let i = s.first; i < s.endToken; i++) if (isWordAt(ctx, KIND["target"], i)) {
    cue = i;
    break;
  }
  if (cue < 0) return [];
  const out: string[] = [];
  for (let i = cue; i < s.endToken; i++) {
    // "…for hacking cellphones in 2017, not long after Netanyahu met Szydło": a clause after the targets names none.
    const next = ctx.tokens[i]!.text;
    if (i > cue && /,/.test(gapText(ctx, i - 1, i)) && [KIND["conjunction"], KIND["relative"], KIND["preposition"], KIND["negation"]].some((k) => isWord(ctx, k, next))) break;
    const m = mentionAt(ctx, i);
    if (m && m.first === i && m.kind === "person" && !sources.includes(m.label) && !out.includes(m.label)) out.push(m.label);
  }
  return out;
}
