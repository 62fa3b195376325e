import { fold } from "../catalog/fold.ts";
import type { PhraseMatch } from "../catalog/phrases.ts";
import type { Category } from "../catalog/types.ts";
import { firstMention, gapText, isWord, type Context, type Mention, type Sentence } from "./context.ts";
import type { Role, Stance, StanceMarker, Status, Trigger } from "./lexicon.ts";
import type { MoneyMention, NumberMention, TimeMention } from "./normalise/types.ts";
import type { Claim } from "./types.ts";
import { covered, within } from "./spans.ts";

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
}

/** Which trigger of a clause tells its stage: a sale verb yields to an order ("signed a contract to buy"), an order to a delivery ("commandé…, livrés depuis"), all of them to talks, offers and cancellations. */
const CLAUSE_RANK = { unknown: 0, sold: 1, ordered: 2, delivered: 3, negotiating: 4, offered: 5, cancelled: 6 } as const;
const clauseStage = (t: Trigger): keyof typeof CLAUSE_RANK => (t.sale ? "sold" : t.status);

function mentionAt(ctx: Context, i: number): Mention | null {
  const k = ctx.mentionAt[i];
  return k === undefined || k < 0 ? null : ctx.mentions[k]!;
}

/** The role words ending just before token `k` (skipping determiners), or null. */
function markerBefore(ctx: Context, k: number, floor: number, adjective = false): Role | null {
  // An adjective may stand after its noun ("du port saoudien", "avec un partenaire industriel israélien"): step over up to two words.
  for (let n = 0; adjective && n < 2 && k >= floor && !ctx.lex.roles.at(ctx.folded, ctx.tokens, k) && !mentionAt(ctx, k); n++) k--;
  for (let guard = 0; guard < 5 && k >= floor; guard++) {
    let found: PhraseMatch<{ rule: string; role: Role }> | null = null;
    for (let start = Math.max(floor, k - 4); start <= k; start++) {
      const m = ctx.lex.roles.at(ctx.folded, ctx.tokens, start);
      if (m && m.last === k) {
        found = m;
        break;
      }
    }
    if (!found) return null;
    const roles = found.values.map((v) => v.role);
    if (roles.includes("skip") || roles.includes("transparent")) {
      k = found.first - 1;
      continue;
    }
    return roles.find((r) => r !== "passive") ?? null;
  }
  return null;
}

function possessive(ctx: Context, m: Mention): boolean {
  const next = ctx.tokens[m.last + 1];
  return !!next && next.text === "s" && /^['’]$/.test(gapText(ctx, m.last, m.last + 1));
}

/** Does the word end like a past participle of the language ("sold", "delivered", "livrés")? */
function participle(ctx: Context, word: string): boolean {
  const suffixes = ctx.lex.words.get("participle-suffix");
  if (!suffixes) return true;
  for (const suffix of suffixes) if (word.length > suffix.length && word.endsWith(suffix)) return true;
  return isWord(ctx, "irregular-participle", word);
}

function isPassive(ctx: Context, trigger: number, floor: number): boolean {
  // "Poland is set to acquire" is no passive: the trigger must be a participle.
  if (!participle(ctx, ctx.tokens[trigger]!.text)) return false;
  for (let k = trigger - 1; k >= Math.max(floor, trigger - 3); k--) {
    const m = ctx.lex.roles.at(ctx.folded, ctx.tokens, k);
    if (m && m.values.some((v) => v.role === "passive") && m.last < trigger) return true;
  }
  return false;
}

/** Splits a sentence into clauses at semicolons, dashes and comma + conjunction. */
function clauses(ctx: Context, s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  let start = s.first;
  for (let i = s.first + 1; i < s.endToken; i++) {
    const gap = gapText(ctx, i - 1, i);
    const t = ctx.tokens[i]!.text;
    const conj = isWord(ctx, "conjunction", t);
    if (/[;]|\s[—–-]\s/.test(gap) || (conj && /,/.test(gap) && !/^(which|qui|dont|lequel|laquelle|who)$/.test(t))) {
      out.push([start, i]);
      start = i;
    }
  }
  out.push([start, s.endToken]);
  return out;
}

interface ItemGroup {
  first: number;
  last: number;
  name: string | null;
  category: Category;
  system: string | null;
  origin: string | null;
}

/** Systems and generic nouns of a clause, a system and its noun ("drones Heron") as one item. */
function itemsOf(ctx: Context, from: number, to: number, occupied: Set<number>, origins: Set<number>): ItemGroup[] {
  const groups: ItemGroup[] = [];
  let prev: ItemGroup | null = null;
  for (let i = from; i < to; i++) {
    const m = mentionAt(ctx, i);
    if (!m || m.first !== i || occupied.has(i)) continue;
    if (m.kind === "demonym") {
      if (prev && prev.last >= i - 2 && !prev.origin) prev.origin = m.party;
      continue;
    }
    if (m.kind !== "system" && m.kind !== "category") continue;
    // "anti-tank munitions", "défense antiaérienne": what a weapon is against is not what it is.
    if (m.kind === "category" && isWord(ctx, "against-prefix", ctx.tokens[m.first - 1]?.text ?? "") && /^-?$/.test(gapText(ctx, m.first - 1, m.first))) continue;
    // "in the F4 version", "au standard F4": a designation naming a version of another system is no item.
    if (m.kind === "system" && isWord(ctx, "version-noun", ctx.tokens[m.last + 1]?.text ?? "")) continue;
    // "Rafale F4", "F-16 Block 70": a designation right after another is its version.
    if (m.kind === "system" && prev?.system && prev.last === m.first - 1 && gapText(ctx, prev.last, m.first) === " ") {
      prev.last = m.last;
      continue;
    }
    // "TB2s armed with anti-tank munitions": what an item carries is part of it; "aboard an Il-76": what carries it is not.
    if (armedWith(ctx, m.first, from)) continue;
    const close = prev && i - prev.last <= 3 && !/[,;.]/.test(gapText(ctx, prev.last, i));
    if (close && prev && (prev.system === null) !== (m.kind === "category")) {
      // A noun and a designation side by side are one item; the designation decides the category.
      if (m.kind === "system") {
        prev.system = m.id;
        prev.name = ctx.text.slice(m.start, m.end);
        prev.category = m.category!;
      }
      prev.last = m.last;
      continue;
    }
    const g: ItemGroup = {
      first: m.first,
      last: m.last,
      name: m.kind === "system" ? ctx.text.slice(m.start, m.end) : null,
      category: m.category!,
      system: m.kind === "system" ? m.id : null,
      origin: null,
    };
    // "the Russian S-400", "U.S. M1A1 Abrams tanks": a demonym or state name just before names the origin.
    for (let k = m.first - 1; k >= Math.max(from, m.first - 2); k--) {
      const d = mentionAt(ctx, k);
      if (d?.kind === "demonym") g.origin = d.party;
      if (d?.kind === "state" && d.nameKind === "name" && d.last === m.first - 1 && !possessive(ctx, d) && !markerBefore(ctx, d.first - 1, from)) {
        g.origin = d.party;
        origins.add(d.first);
      }
    }
    groups.push(g);
    prev = g;
  }
  // "commandé 24 exemplaires": a unit noun counts the system the article is about.
  if (groups.length === 0) {
    for (let i = from; i < to; i++) {
      if (occupied.has(i) || mentionAt(ctx, i) || !isWord(ctx, "unit-noun", ctx.tokens[i]!.text)) continue;
      const topic = topicSystem(ctx, null);
      if (topic) groups.push({ first: i, last: i, name: topic.label, category: topic.category!, system: topic.id, origin: null });
      break;
    }
  }
  // "Candiru systems", "a client of NSO": a surveillance maker named without its product stands for it.
  if (groups.length === 0) {
    for (let i = from; i < to; i++) {
      const m = mentionAt(ctx, i);
      if (!m || m.first !== i || m.kind !== "maker" || occupied.has(i)) continue;
      const product = productOf(ctx, m.id);
      if (product) groups.push({ first: m.first, last: m.last, name: product.name, category: product.category, system: product.system, origin: null });
    }
  }
  // A generic noun of the same category as a named system in the clause is the same item.
  return groups.filter((g) => g.system !== null || !groups.some((o) => o.system && o.category === g.category));
}

/** Is there a negation just before the trigger, within its clause ("n'a pas livré", "did not sell", "never exported")? */
function negatedTrigger(ctx: Context, head: PhraseMatch<Trigger>, from: number): boolean {
  for (let k = Math.max(from, head.first - 4); k < head.first; k++) if (isWord(ctx, "negation", ctx.tokens[k]!.text)) return true;
  // "no sale", "no deliveries": a determiner negates only the noun it stands before.
  const before = ctx.tokens[head.first - 1];
  if (before && head.first - 1 >= from && isWord(ctx, "negative-determiner", before.text)) return true;
  // French "ne … pas" wraps an auxiliary: "n'avait jamais exporté".
  return false;
}

/** The designation the document names most (of one category, or of any), if named at least twice. */
function topicSystem(ctx: Context, category: Category | null): Mention | null {
  let cache = topics.get(ctx);
  if (!cache) topics.set(ctx, (cache = new Map()));
  const key = category ?? "*";
  if (!cache.has(key)) cache.set(key, countTopic(ctx, category));
  return cache.get(key)!;
}
const topics = new WeakMap<Context, Map<string, Mention | null>>();

function countTopic(ctx: Context, category: Category | null): Mention | null {
  const counts = new Map<string, { n: number; m: Mention }>();
  for (const m of ctx.mentions) {
    if (m.kind !== "system" || (category && m.category !== category)) continue;
    const c = counts.get(m.id) ?? { n: 0, m };
    c.n++;
    counts.set(m.id, c);
  }
  let best: { n: number; m: Mention } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best && best.n >= 2 ? best.m : null;
}

/** Is the demonym next to a noun for the state's authorities, forces or services? */
function stateBody(ctx: Context, m: Mention): boolean {
  return isWord(ctx, "state-body", ctx.tokens[m.last + 1]?.text ?? "") || isWord(ctx, "state-body", ctx.tokens[m.first - 1]?.text ?? "");
}

/** "par une compagnie ukrainienne de fret": the demonym qualifies a carrier, which never supplies. */
function carrierNoun(ctx: Context, m: Mention): boolean {
  const before = ctx.tokens[m.first - 1]?.text ?? "";
  const after = ctx.tokens[m.last + 1]?.text ?? "";
  return isWord(ctx, "carrier", before) || isWord(ctx, "carrier", after);
}

/** Does "armed with" (or its like, in `words.tsv`) stand just before token `i`? */
function armedWith(ctx: Context, i: number, floor: number): boolean {
  for (let k = Math.max(floor, i - 7); k < i; k++) {
    const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
    if (m && m.values.some((v) => v.kind === "armed-with" || v.kind === "aboard") && m.last >= i - 3 && m.last < i) return true;
  }
  return false;
}

/** The product a surveillance maker stands for: the one the document names, else the category all its products share. */
function productOf(ctx: Context, maker: string): { name: string | null; category: Category; system: string | null } | null {
  if (ctx.catalog.makers.get(maker)?.sector === "defence") return null;
  const products = [...ctx.catalog.systems.values()].filter((s) => s.maker === maker && (s.category === "spyware" || s.category === "surveillance"));
  if (products.length === 0) return null;
  const named = products.map((p) => firstMention(ctx, "system", p.id)).find((m) => m);
  if (named) return { name: ctx.text.slice(named.start, named.end), category: named.category!, system: named.id };
  const categories = new Set(products.map((p) => p.category));
  return categories.size === 1 ? { name: null, category: products[0]!.category, system: null } : null;
}

function spanIndex<T extends { start: number; end: number }>(ctx: Context, spans: T[], from: number, to: number): T[] {
  return within(spans, ctx.tokens[from]?.start ?? 0, ctx.tokens[to - 1]?.end ?? 0);
}

function quantityBefore(ctx: Context, g: ItemGroup, from: number, q: Quantities): number | null {
  const start = ctx.tokens[g.first]!.start;
  const floor = ctx.tokens[Math.max(from, g.first - 4)]!.start;
  let best: NumberMention | null = null;
  for (const n of within(q.numbers, floor - 40, start)) {
    if (n.end > start || n.end < floor) continue;
    if (covered(q.money, n.start, n.end) || covered(q.times, n.start, n.end)) continue;
    const between = ctx.text.slice(n.end, start);
    if (/[,;.()]/.test(between)) continue;
    if (!best || n.end > best.end) best = n;
  }
  if (!best || !Number.isInteger(best.value) || best.value < 1 || best.value > 10_000_000) return null;
  return best.value;
}

/** "50 F-35 jets worth $10.4 billion": money right after an item is that item's value. */
function moneyOf(ctx: Context, g: ItemGroup, to: number, q: Quantities): { amount: number; currency: string } | null {
  const end = ctx.tokens[g.last]!.end;
  const limit = ctx.tokens[Math.min(to - 1, g.last + 5)]!.end;
  const m = within(q.money, end, limit)[0];
  if (!m || /[,;:.]\s/.test(ctx.text.slice(end, m.start))) return null;
  return { amount: m.amount, currency: m.currency };
}

/** The last date given in the paragraph before sentence `s`. */
function lastTimeBefore(ctx: Context, q: Quantities, s: Sentence): TimeMention | null {
  let first = s.index;
  while (first > 0 && ctx.sentences[first - 1]!.paragraph === s.paragraph) first--;
  const times = within(q.times, ctx.sentences[first]!.start, s.start);
  return times[times.length - 1] ?? null;
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
      out.push(m);
      i = m.last + 1;
    } else i++;
  }
  return out;
}

interface Parties {
  supplier: Mention | null;
  recipient: Mention | null;
  intermediary: Mention | null;
  /** Further recipients coordinated with the first ("to Morocco and Ethiopia") or each marked ("to A, and to B"). */
  more: Mention[];
  /** The roles came from a contract between two parties, which does not say who sells. */
  symmetric: boolean;
}

const COORDINATION = new Set(["and", "or", "et", "ou", "as", "well", "ainsi", "que", "qu", "also", "aussi", "then", "puis"]);

/** Are two party mentions joined only by commas, conjunctions and role words ("Morocco and Ethiopia", "à A, puis à B")? */
function coordinated(ctx: Context, a: Mention, b: Mention): boolean {
  if (b.first <= a.last || b.first - a.last > 6) return false;
  for (let k = a.last + 1; k < b.first; k++) {
    const w = ctx.tokens[k]!.text;
    if (COORDINATION.has(w)) continue;
    const role = ctx.lex.roles.at(ctx.folded, ctx.tokens, k);
    if (role && role.last < b.first && role.values.some((v) => v.role === "dative" || v.role === "skip")) {
      k = role.last;
      continue;
    }
    return false;
  }
  return !/[;.]/.test(ctx.text.slice(a.end, b.start));
}

/** Fills supplier and recipient from the markers and positions of the parties around the head trigger. */
function parties(ctx: Context, triggers: PhraseMatch<Trigger>[], head: PhraseMatch<Trigger>, actors: Mention[], from: number): Parties {
  const out: Parties = { supplier: null, recipient: null, intermediary: null, more: [], symmetric: false };
  // Each party is read against its own trigger: the nearest one before it ("reçu des avions livrés par la Russie"),
  // else the first one after it ("Estonia began negotiating…, and Israel approved the deal").
  const triggerOf = (m: Mention) => {
    let best: PhraseMatch<Trigger> | null = null;
    for (const t of triggers) if (t.last < m.first && (!best || t.first > best.first)) best = t;
    if (best && m.first - best.last <= 6) return best;
    return triggers.find((t) => t.first > m.last) ?? head;
  };
  const taken = (party: string) => [out.supplier, out.recipient, out.intermediary, ...out.more].some((x) => x?.party === party);
  const set = (role: "supplier" | "recipient" | "intermediary", m: Mention, explicit = false) => {
    if (!m.party || taken(m.party)) return;
    if (!out[role]) out[role] = m;
    else if (role === "recipient" && (explicit || coordinated(ctx, out.more[out.more.length - 1] ?? out.recipient!, m))) out.more.push(m);
  };
  const marked = actors.map((m) => {
    // "exported drones to 13 countries, including Egypt and Iraq": the list is read with the sentence's own trigger.
    const own = triggerOf(m);
    const t = own.values[0]!.cls === "same" && head.values[0]!.cls !== "same" ? head : own;
    // A trigger ending in a preposition ("entre les mains des") has already said the role.
    const inTrigger = triggers.some((tr) => tr.last === m.first - 1);
    const marker = possessive(ctx, m) ? ("possessive" as Role) : inTrigger ? null : markerBefore(ctx, m.first - 1, from, m.kind === "demonym");
    return { m, marker, before: m.last < t.first, t };
  });
  for (const x of marked) if (x.marker === "via") set("intermediary", x.m);
  // "conçus par la branche italienne": the maker's state supplies only when no one else is said to.
  const makers = marked.filter((x) => x.marker === "maker");
  // Nearest first before the trigger ("Ukraine : la France va céder…" has France as subject), in text order after it.
  const arrives = (x: (typeof marked)[number]) => x.t.values[0]!.cls === "arrive" && x.t !== head;
  // Subjects first, nearest to their trigger first; then what follows the triggers, in text order.
  const order = (x: (typeof marked)[number]) => (x.before ? x.t.first - x.m.last : 10_000 + x.m.first);
  const rest = marked
    .filter((x) => x.marker !== "via" && x.marker !== "maker" && x.marker !== "destination")
    .sort((a, b) => Number(arrives(a)) - Number(arrives(b)) || order(a) - order(b));
  for (const x of rest) {
    const { m, marker, before } = x;
    const cls = x.t.values[0]!.cls;
    const giveLike = cls === "give" || cls === "approve";
    const passive = isPassive(ctx, x.t.first, from);
    const nominal = NOMINAL_BEFORE.has(ctx.tokens[x.t.first - 1]?.text ?? "");
    // A demonym is a party inside a marked phrase ("à destination du port saoudien") or beside a state body
    // ("the Moroccan authorities", "les services marocains"), never the carrier's.
    if (m.kind === "demonym" && ((marker === null && !stateBody(ctx, m)) || carrierNoun(ctx, m))) continue;
    if (m.kind === "maker") {
      // A maker stands for its state only as the seller: "commandé à Nexter", "bought from Lockheed Martin".
      const sells = marker === "with" || marker === "source" || (cls === "get" && marker === "dative" && ctx.lang === "fr") || (giveLike && marker === null && before);
      if (sells) set("supplier", m);
      continue;
    }
    if (giveLike) {
      if (marker === "agent") set("supplier", m);
      else if (marker === "dative" || marker === "beneficiary") set("recipient", m, true);
      else if (marker === "with" && !before) set("recipient", m);
      else if (marker === "possessive" && before) set("supplier", m);
      else if (marker === null && before) set(passive ? "recipient" : "supplier", m);
      else if (marker === null && !before && !passive) set("recipient", m);
      // "exported from Greece to Sudan", "la vente de drones turcs … de la Turquie".
      else if (marker === "source" && !before && cls !== "approve") set("supplier", m);
    } else if (cls === "get") {
      if (marker === "agent") set("recipient", m);
      else if (marker === "source" || marker === "with") set("supplier", m);
      else if (marker === "dative" && ctx.lang === "fr") set("supplier", m);
      else if (marker === "possessive" && before) set("recipient", m);
      else if (marker === "beneficiary") set("recipient", m);
      else if (marker === null && before) set(passive ? "supplier" : "recipient", m);
    } else if (cls === "deal") {
      out.symmetric = true;
      if (marker === "with") set("supplier", m);
      else if (marker === "dative" || marker === "beneficiary") set("recipient", m);
      else if (marker === "source" && !nominal) set("supplier", m);
      else if ((marker === null || marker === "possessive") && before) set("recipient", m);
      else if (marker === "agent") set("recipient", m);
    } else if (cls === "supplier") {
      // "un fournisseur important de l'Algérie", "Russia, India's main supplier": who supplies whom.
      if (marker === "possessive" && before) set("recipient", m);
      else if (before && marker === null) set("supplier", m);
      else if (!before && (marker === "source" || marker === "dative")) set("recipient", m);
    } else if (cls === "use") {
      // Spyware "operated from Saudi Arabia", "a client of NSO": the users are the recipients.
      if (marker !== "with") set("recipient", m, true);
    } else if (cls === "arrive") {
      // "promised to Ukraine, have arrived in Poland": where it arrives on the way is an intermediary.
      if (marker === "source") set("supplier", m);
      else if (out.recipient && !before) set("intermediary", m);
      else set("recipient", m);
    }
  }
  for (const x of makers) set("supplier", x.m);
  // "acheminé en Russie des roquettes destinées à Wagner": the destination is the recipient, not the way there.
  const destination = marked.find((x) => x.marker === "destination" && x.m.party && x.m.party !== out.supplier?.party);
  if (destination) {
    out.recipient = destination.m;
    out.more = out.more.filter((m) => m !== destination.m);
  }
  return out;
}

const NOMINAL_BEFORE = new Set(["the", "a", "an", "its", "their", "of", "la", "le", "l", "les", "une", "un", "sa", "son", "ses", "leur", "d", "de", "du", "des", "cette", "ce", "this", "that", "s"]);

/** Reads transfer frames from every clause that holds a trigger. */
export function readFrames(ctx: Context, q: Quantities, chains: string[][], occupied: Set<number>): Frame[] {
  const frames: Frame[] = [];
  for (const s of ctx.sentences) {
    const before = frames.length;
    for (const [from, to] of clauses(ctx, s)) {
      const triggers: PhraseMatch<Trigger>[] = [];
      for (let i = from; i < to; ) {
        const inName = mentionAt(ctx, i);
        const m = occupied.has(i) || (inName && inName.kind !== "category") ? null : ctx.lex.triggers.at(ctx.folded, ctx.tokens, i);
        // "in order to" is no order; "export rules", "un marché d'armement" talk about trade, not a transfer.
        const regulation = m && isWord(ctx, "not-a-transfer", ctx.tokens[m.last + 1]?.text ?? "");
        if (m && m.last < to && !regulation && !(m.values[0]!.rule.endsWith("/order") && ctx.tokens[i - 1]?.text === "in")) {
          triggers.push(m);
          i = m.last + 1;
        } else i++;
      }
      if (triggers.length === 0) continue;
      const origins = new Set<number>();
      const items = itemsOf(ctx, from, to, occupied, origins);
      // "Morocco paid IAI $22 million under a deal": money changing hands for arms never named is an unspecified transfer.
      if (items.length === 0 && spanIndex(ctx, q.money, from, to).length > 0 && triggers.some((t) => t.values[0]!.cls === "deal" || t.values[0]!.sale)) {
        const at = triggers[0]!;
        items.push({ first: at.first, last: at.last, name: null, category: "other", system: null, origin: null });
      }
      if (items.length === 0) continue;
      const actors: Mention[] = [];
      for (let i = from; i < to; i++) {
        const m = mentionAt(ctx, i);
        if (!m || m.first !== i || occupied.has(i) || origins.has(i) || !m.party) continue;
        if (m.kind === "maker" && armedWith(ctx, m.first, from)) continue;
        if (m.kind === "demonym" && items.some((g) => g.first - 3 <= m.first && m.last <= g.last + 3)) continue;
        actors.push(m);
      }
      // The head trigger decides the roles: an approval over a sale, a verb over a noun.
      // An approval decides the roles; otherwise a sale or purchase says more than a contract ("le contrat de vente").
      const specific = (t: PhraseMatch<Trigger>) => ["give", "get", "arrive", "use", "supplier"].includes(t.values[0]!.cls);
      const head = triggers.find((t) => t.values[0]!.cls === "approve") ?? triggers.find(specific) ?? triggers[0]!;
      const elaboration = triggers.every((t) => t.values[0]!.cls === "same");
      // "qu'ils n'aillent pas en Ukraine", "has never exported": a negated transfer is denied by whoever says so, else none.
      const negated = negatedTrigger(ctx, head, from);
      const previous = frames[frames.length - 1];
      if (elaboration && (!previous || s.paragraph - previous.paragraph > 1)) continue;
      const roles = parties(ctx, triggers, head, actors, from);
      let stage: keyof typeof CLAUSE_RANK = "unknown";
      for (const t of triggers) if (CLAUSE_RANK[clauseStage(t.values[0]!)] > CLAUSE_RANK[stage]) stage = clauseStage(t.values[0]!);
      let status: Status = stage === "sold" ? "delivered" : stage;
      if (elaboration && previous) status = previous.status;
      let stance: Stance = "asserted";
      const markers = stanceMarkers(ctx, s.first, s.endToken);
      let denier: Mention | null = null;
      for (const mk of markers) {
        const e = mk.values[0]!.effect;
        if (e === "alleged" && stance === "asserted") stance = "alleged";
        if (e === "denied") {
          stance = "denied";
          for (let k = mk.first - 1; k >= s.first && !denier; k--) {
            const d = mentionAt(ctx, k);
            if (d && (d.party || d.kind === "person" || d.kind === "source")) denier = d;
          }
        }
        if (e === "hypothetical" && mk.first >= from && mk.last < to && (status === "delivered" || status === "ordered")) status = "offered";
        // "va céder", "decided to donate", "a annoncé la cession": an announced hand-over has not happened yet.
        if (e === "prospective" && status === "delivered" && triggers.some((t) => t.values[0]!.cls === "give" && t.first > mk.last && t.first - mk.last <= 3)) status = "offered";
        // "un projet israélien de vendre", "plans to buy": a sale still planned is under negotiation.
        if (e === "planned" && (status === "delivered" || status === "offered") && triggers.some((t) => t.first > mk.last && t.first - mk.last <= 4)) status = "negotiating";
      }
      const makers: Mention[] = [];
      for (let i = from; i < to; i++) {
        const m = mentionAt(ctx, i);
        if (m && m.first === i && m.kind === "maker" && !occupied.has(i)) makers.push(m);
      }
      const money = spanIndex(ctx, q.money, from, to);
      const sentenceMoney = money.length ? money : spanIndex(ctx, q.money, s.first, s.endToken);
      const times = spanIndex(ctx, q.times, from, to);
      const sentenceTimes = times.length ? times : spanIndex(ctx, q.times, s.first, s.endToken);
      // No date in the sentence: the last one given earlier in the paragraph dates it ("mardi…. Le président a réceptionné…").
      const paragraphTime = sentenceTimes.length ? null : lastTimeBefore(ctx, q, s);
      const headPos = ctx.tokens[head.first]!.start;
      const value = nearest(sentenceMoney, headPos);
      const time = nearest(sentenceTimes, headPos) ?? paragraphTime;
      const separateNear = (at: number, after = 0) => {
        for (let k = Math.max(from, at - 3); k < Math.min(to, at + after); k++) if (isWord(ctx, "separate-deal", ctx.tokens[k]!.text) || ctx.lex.phrases.at(ctx.folded, ctx.tokens, k)?.values.some((v) => v.kind === "separate-deal")) return true;
        return false;
      };
      for (const g of items) for (const recipientMention of [roles.recipient, ...roles.more]) {
        // Use implies a transfer only for spyware and surveillance, whose sale is rarely announced.
        if (head.values[0]!.cls === "use" && g.category !== "spyware" && g.category !== "surveillance") continue;
        const sys = g.system ? ctx.catalog.systems.get(g.system) : undefined;
        // The maker is named only when the text names it: in the clause, or the system's maker anywhere in the document.
        const makerMention = makers[0] ?? null;
        const makerId = makerMention?.id ?? (sys?.maker && firstMention(ctx, "maker", sys.maker) ? sys.maker : null);
        const maker = makerId ? ctx.catalog.makers.get(makerId) : undefined;
        const rules = [head.values[0]!.rule];
        let supplier = roles.supplier?.party ?? null;
        if (supplier) rules.push("role/supplier-marked");
        if (!supplier && g.origin) (supplier = g.origin), rules.push("role/supplier-demonym");
        if (!supplier && makerMention?.party) (supplier = makerMention.party), rules.push("role/supplier-maker");
        if (!supplier && sys?.origin) (supplier = sys.origin), rules.push("role/supplier-origin");
        // "l'achat de 18 avions" in an article about the Rafale: the generic noun is that system.
        let item = g;
        if (!supplier && !g.system) {
          const topic = topicSystem(ctx, g.category);
          const origin = topic ? ctx.catalog.systems.get(topic.id)?.origin : null;
          if (topic && origin) {
            item = { ...g, name: topic.label, system: topic.id };
            supplier = origin;
            rules.push("item/topic-system");
          }
        }
        let recipient = recipientMention?.party ?? null;
        // "Il s'agit de L-39 et de Su-25": the items of the previous frame, told one by one.
        if (elaboration && previous) {
          supplier = roles.supplier?.party ?? previous.supplier;
          recipient ??= previous.recipient;
          rules.push("frame/elaboration");
        }
        // A contract "with" someone does not say who sells: the system's state of origin does.
        if (roles.symmetric && sys?.origin && recipient === sys.origin && supplier && supplier !== sys.origin) {
          [supplier, recipient] = [recipient, supplier];
          rules.push("role/swapped-by-origin");
        }
        if (supplier && supplier === recipient) continue;
        const start = Math.min(ctx.tokens[head.first]!.start, ctx.tokens[g.first]!.start, roles.supplier?.start ?? Infinity, recipientMention?.start ?? Infinity);
        const end = Math.max(ctx.tokens[head.last]!.end, ctx.tokens[g.last]!.end, roles.supplier?.end ?? 0, recipientMention?.end ?? 0);
        let sources = stance === "denied" && denier ? [denier.label] : chains[s.index] ?? [];
        if (negated) {
          if (sources.length === 0) continue;
          stance = "denied";
          rules.push("stance/negated");
        }
        // A government body that approves or supplies speaks for itself: "the State Department cleared Greece".
        if (sources.length === 0 && roles.supplier?.kind === "source") (sources = [roles.supplier.label]), rules.push("attribution/acting-body");
        frames.push({
          sentence: s.index,
          paragraph: s.paragraph,
          first: from,
          end: to,
          supplier,
          recipient,
          intermediary: roles.intermediary?.party ?? null,
          item: { name: item.name, category: item.category, system: item.system },
          maker: makerMention ? ctx.text.slice(makerMention.start, makerMention.end) : writtenMaker(ctx, makerId) ?? maker?.names[0]?.text ?? null,
          quantity: quantityBefore(ctx, g, from, q),
          value: moneyOf(ctx, g, to, q) ?? (value ? { amount: value.amount, currency: value.currency } : null),
          time: time ? { from: time.from, to: time.to } : elaboration && previous ? previous.time : null,
          status: status === "unknown" ? "delivered" : status,
          stance,
          sources: [...sources],
          targets: g.category === "spyware" || g.category === "surveillance" ? targetsOf(ctx, s, sources) : [],
          separate: separateNear(g.first, g.last - g.first + 6) || separateNear(head.first),
          span: { start, end },
          rules,
        });
      }
    }
    if (frames.length === before) {
      const denial = denialOf(ctx, s, frames, chains[s.index] ?? []);
      if (denial) frames.push(denial);
    }
  }
  return frames;
}

/**
 * "Pyongyang dismissed the accusations": a denial that names no transfer denies the latest claim its denier is a
 * party to, and is a claim of its own (stance denied, the denier as source).
 */
function denialOf(ctx: Context, s: Sentence, frames: Frame[], chain: string[]): Frame | null {
  const marker = stanceMarkers(ctx, s.first, s.endToken).find((m) => m.values[0]!.effect === "denied");
  if (!marker) return null;
  let denier: Mention | null = null;
  for (let k = marker.first - 1; k >= s.first && !denier; k--) {
    const d = mentionAt(ctx, k);
    if (d && (d.party || d.kind === "person" || d.kind === "source") && d.kind !== "demonym") denier = d;
  }
  if (!denier) return null;
  const party = denier.party ?? partyOfPerson(ctx, denier);
  let prior: Frame | undefined;
  for (let k = frames.length - 1; k >= 0 && !prior; k--) {
    const f = frames[k]!;
    if (s.paragraph - f.paragraph > 3) break;
    if (f.stance !== "denied" && (party ? f.supplier === party || f.recipient === party : true)) prior = f;
  }
  if (!prior) return null;
  const sources = chain.length && fold(chain[0]!) === fold(denier.label) ? chain : [denier.label];
  return {
    ...prior,
    sentence: s.index,
    paragraph: s.paragraph,
    stance: "denied",
    sources: [...sources],
    separate: false,
    span: { start: Math.min(denier.start, ctx.tokens[marker.first]!.start), end: Math.max(denier.end, ctx.tokens[marker.last]!.end) },
    rules: [marker.values[0]!.rule, "frame/denial-of-prior"],
  };
}

/** A person denies for the party of the nearest state named in the same sentence, if any. */
function partyOfPerson(ctx: Context, person: Mention): string | null {
  const s = ctx.sentences[ctx.sentenceOf[person.first]!]!;
  for (let k = s.first; k < s.endToken; k++) {
    const m = mentionAt(ctx, k);
    if (m && m !== person && m.party && m.kind !== "maker") return m.party;
  }
  return null;
}

/** The maker as the text writes it, when the text names it somewhere. */
function writtenMaker(ctx: Context, id: string | null): string | null {
  const m = id ? firstMention(ctx, "maker", id) : undefined;
  return m ? ctx.text.slice(m.start, m.end) : null;
}

/** Persons named after a targeting word in the sentence. */
function targetsOf(ctx: Context, s: Sentence, sources: string[]): string[] {
  let cue = -1;
  for (let i = s.first; i < s.endToken; i++) if (isWord(ctx, "target", ctx.tokens[i]!.text)) {
    cue = i;
    break;
  }
  if (cue < 0) return [];
  const out: string[] = [];
  for (let i = cue; i < s.endToken; i++) {
    const m = mentionAt(ctx, i);
    if (m && m.first === i && m.kind === "person" && !sources.includes(m.label) && !out.includes(m.label)) out.push(m.label);
  }
  return out;
}
