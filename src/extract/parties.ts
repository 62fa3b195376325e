import type { PhraseMatch } from "../catalog/phrases.ts";
import { gapText, introducesName, isCapitalised, isWord, isWordAt, itemToldSince, mentionAt, opensWordsAt, phraseAt, phraseEndsAt, triggerAt, type Context, type Mention } from "./context.ts";
import { KIND, type Role, type Trigger } from "./lexicon.ts";

// Who supplies and who receives: each party mention read against the trigger nearest it.

/** The role words ending just before token `k` (skipping determiners), or null. */
export function markerBefore(ctx: Context, k: number, floor: number, adjective = false): Role | null {
  // An adjective may stand after its noun ("du port saoudien", "avec un partenaire industriel israélien"): step over up to two words.
  for (let n = 0; adjective && n < 2 && k >= floor && !ctx.lex.roles.at(ctx.folded, ctx.tokens, k) && !mentionAt(ctx, k); n++) k--;
  for (let guard = 0; guard < 5 && k >= floor; guard++) {
    // "avec l'entreprise allemande Rheinmetall", "from the US firm Raytheon": a company noun and its demonym describe the name.
    while (k >= floor && (mentionAt(ctx, k)?.kind === "demonym" || isWordAt(ctx, KIND["company-noun"], k))) k--;
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
    // « Des sociétés israéliennes ont vendu… »: opening the clause, « des » is an article; a genitive follows a noun.
    if (found.first === floor && roles.every((r) => r === "genitive")) return null;
    if (roles.includes("skip") || roles.includes("transparent")) {
      k = found.first - 1;
      continue;
    }
    return roles.find((r) => r !== "passive") ?? null;
  }
  return null;
}

export function possessive(ctx: Context, m: Mention): boolean {
  const next = ctx.tokens[m.last + 1];
  return !!next && next.text === "s" && /^['’]$/.test(gapText(ctx, m.last, m.last + 1));
}

/** Does the word end like a past participle of the language ("sold", "delivered", "livrés")? */
export function participle(ctx: Context, word: string): boolean {
  const suffixes = ctx.lex.words.get("participle-suffix");
  if (!suffixes) return true;
  for (const suffix of suffixes) if (word.length > suffix.length && word.endsWith(suffix)) return true;
  return isWord(ctx, KIND["irregular-participle"], word);
}

export function isPassive(ctx: Context, trigger: number, floor: number): boolean {
  // "Poland is set to acquire" is no passive: the trigger must be a participle ("est devenue cliente" is none either).
  if (!participle(ctx, ctx.tokens[trigger]!.text) || isWordAt(ctx, KIND["become-verb"], trigger)) return false;
  for (let k = trigger - 1; k >= Math.max(floor, trigger - 3); k--) {
    const m = ctx.lex.roles.at(ctx.folded, ctx.tokens, k);
    if (m && m.values.some((v) => v.role === "passive") && m.last < trigger) return true;
  }
  // "Ethiopia used drones supplied by Turkey", « des drones fournis par la Turquie »: a participle right after its
  // item, before its agent, is a passive without its auxiliary.
  // ("Cellebrite forensic tools, supplied by Norway,": also set off by a comma, after a vendor's product.)
  if (!ctx.lex.roles.at(ctx.folded, ctx.tokens, trigger + 1)?.values.some((v) => v.role === "agent")) return false;
  const item = mentionAt(ctx, trigger - 1);
  if (item && (item.kind === "system" || item.kind === "category")) return true;
  if (!/^\s*,\s*$/.test(gapText(ctx, trigger - 1, trigger))) return false;
  // ("des F-16 de conception américaine, cédés par le Danemark": over a demonym describing the item.)
  for (let k = trigger - 1; k >= Math.max(floor, trigger - 5); k--) {
    const named = mentionAt(ctx, k);
    if (named && named.kind !== "demonym") return named.kind === "system" || named.kind === "category" || named.kind === "maker";
  }
  return false;
}

/**
 * Does a relative after which the subject may follow its verb (French « que »; `inverting-relative` in words.tsv), with
 * at most an object pronoun after it (« lui »), stand right before token t?
 */
function invertingRelativeBefore(ctx: Context, t: number): boolean {
  for (let k = t - 1; k >= Math.max(0, t - 2); k--) {
    if (isWordAt(ctx, KIND["inverting-relative"], k)) return true;
    if (!isWordAt(ctx, KIND["object-pronoun"], k)) return false;
  }
  return false;
}

export interface Parties {
  supplier: Mention | null;
  recipient: Mention | null;
  intermediary: Mention | null;
  /** Further recipients coordinated with the first ("to Morocco and Ethiopia") or each marked ("to A, and to B"). */
  more: Mention[];
  /** Further suppliers coordinated with the first ("Norway and Sweden have pledged"). */
  moreSuppliers: Mention[];
  /** The roles came from a contract between two parties, which does not say who sells. */
  symmetric: boolean;
  /** The recipient is whom a hacking is laid on ("attributed the hack to Rwanda"): an accusation. */
  blamed?: boolean;
}


/** Are two party mentions joined only by commas, conjunctions and role words ("Morocco and Ethiopia", "à A, puis à B")? */
function coordinated(ctx: Context, a: Mention, b: Mention): boolean {
  if (groupedLists(ctx, a, b)) return true;
  if (b.first <= a.last || b.first - a.last > 6) return false;
  for (let k = a.last + 1; k < b.first; k++) {
    const w = ctx.tokens[k]!.text;
    if (isWord(ctx, KIND["coordination"], w)) continue;
    const role = ctx.lex.roles.at(ctx.folded, ctx.tokens, k);
    if (role && role.last < b.first && role.values.some((v) => v.role === "dative" || v.role === "to-or-from" || v.role === "place" || v.role === "skip")) {
      k = role.last;
      continue;
    }
    return false;
  }
  return !/[;.]/.test(ctx.text.slice(a.end, b.start));
}

/**
 * "to three European nations (Germany, Austria, Switzerland), four Gulf countries (the United Arab Emirates…)": the
 * last of one bracketed list and the first of the next, each after a noun for countries, are coordinated.
 */
function groupedLists(ctx: Context, a: Mention, b: Mention): boolean {
  if (b.first <= a.last || b.first - a.last > 10) return false;
  const between = ctx.text.slice(a.end, b.start);
  if (!/^\s*\)/.test(between) || /[;.]/.test(between)) return false;
  let open = b.first;
  while (open > a.last + 1 && !/\(/.test(gapText(ctx, open - 1, open))) open--;
  if (open === a.last + 1 || !/\(/.test(gapText(ctx, open - 1, open))) return false;
  // ("(Congo and Kenya)": a name left unread and a coordination may come before it in its list.)
  for (let k = open; k < b.first; k++) if (!isWordAt(ctx, KIND["definite"], k) && !isWordAt(ctx, KIND["coordination"], k) && !(isCapitalised(ctx, k) && !mentionAt(ctx, k))) return false;
  return isWordAt(ctx, KIND["country-group"], open - 1);
}

/** "the purchase that the Polish government approved", "Warsaw approved the acquisition": an approval of a purchase is the buyer's, and orders it. */
export function approvesPurchase(triggers: PhraseMatch<Trigger>[], t: PhraseMatch<Trigger>): boolean {
  return t.values[0]!.cls === "approve" && triggers.some((tr) => tr.values[0]!.cls === "get" && Math.abs(tr.first - t.first) <= 10);
}

/** A party between an approval and the purchase it governs: the purchase's own buyer ("cleared Poland to buy"). */
export function buyerAfterApproval(ctx: Context, triggers: PhraseMatch<Trigger>[], approval: PhraseMatch<Trigger>): boolean {
  const purchase = triggers.find((tr) => tr.values[0]!.cls === "get" && tr.first > approval.last && tr.first - approval.last <= 10);
  if (!purchase) return false;
  for (let k = approval.last + 1; k < purchase.first; k++) {
    const m = mentionAt(ctx, k);
    if (m?.party && m.kind !== "maker") return true;
  }
  return false;
}

/** Does a word of a purchase made together ("jointly", « conjointement ») stand in the clause, up to a few words after its last trigger? */
function jointPurchase(ctx: Context, from: number, triggers: PhraseMatch<Trigger>[]): boolean {
  const to = Math.min(ctx.tokens.length, Math.max(...triggers.map((t) => t.last)) + 6);
  for (let k = from; k < to; k++) if (opensWordsAt(ctx, KIND["joint-purchase"], k) && phraseAt(ctx, "joint-purchase", k)) return true;
  return false;
}

/** Are two mentions coordinated, whichever comes first ("Varsovie et Ankara", read nearest first)? */
function coordinatedEither(ctx: Context, a: Mention, b: Mention): boolean {
  return a.first < b.first ? coordinated(ctx, a, b) : coordinated(ctx, b, a);
}

/** Is there a coordinating word ("and", "et", "ainsi que") between two mentions, and no colon? */
function joinedByAnd(ctx: Context, a: Mention, b: Mention): boolean {
  if (/:/.test(ctx.text.slice(a.end, b.start))) return false;
  for (let k = a.last + 1; k < b.first; k++) if (isWordAt(ctx, KIND["coordination"], k) && !/^,?$/.test(ctx.tokens[k]!.text)) return true;
  return false;
}

/** A party mention with the trigger it is read against, the role word before it, and whether it stands before that trigger. */
interface MarkedActor {
  m: Mention;
  marker: Role | null;
  before: boolean;
  t: PhraseMatch<Trigger>;
}

/**
 * Each party is read against its own trigger: the nearest one before it ("reçu des avions livrés par la Russie"),
 * else the first one after it ("Estonia began negotiating…, and Israel approved the deal").
 */
function triggerOf(ctx: Context, triggers: PhraseMatch<Trigger>[], head: PhraseMatch<Trigger>, m: Mention): PhraseMatch<Trigger> {
  let best: PhraseMatch<Trigger> | null = null;
  for (const t of triggers) if (t.last < m.first && (!best || t.first > best.first)) best = t;
  const next = triggers.find((t) => t.first > m.last);
  // "Under the agreement, Brazil will receive…", « Dans le cadre de ce contrat, le Brésil recevra… »: a deal noun set
  // off by a comma before the party leaves it to the verb after it.
  const setOffDeal = best?.values[0]!.cls === "deal" && next && next.first - m.last <= 6 && /,/.test(ctx.text.slice(ctx.tokens[best.last]!.end, m.start));
  if (best && m.first - best.last <= 6 && !setOffDeal) return best;
  // "l'envoi de canons Caesar à l'Ukraine, dont l'achat sera financé…": a trigger in a relative clause set off after
  // the party is not the one it is a party of.
  if (best && next && /,/.test(gapText(ctx, m.last, m.last + 1)) && isWordAt(ctx, KIND["relative"], m.last + 1)) return best;
  return next ?? head;
}

/** Is the party read against an arrival other than the head trigger? Those are read last. */
function arrives(x: MarkedActor, head: PhraseMatch<Trigger>): boolean {
  return x.t.values[0]!.cls === "arrive" && x.t !== head;
}

/**
 * "Berne n'autorise pas le transfert par l'Allemagne": under an approval, the agent of the transfer supplies; the
 * state that licenses is no party. Those agents are read first.
 */
function licensed(x: MarkedActor, triggers: PhraseMatch<Trigger>[], head: PhraseMatch<Trigger>): boolean {
  return head.values[0]!.cls === "approve" && x.marker === "agent" && triggers.some((t) => t !== head && t.values[0]!.cls === "give");
}

/** Subjects first, nearest to their trigger first; then what follows the triggers, in text order. */
function order(x: MarkedActor): number {
  return x.before ? x.t.first - x.m.last : 10_000 + x.m.first;
}

/** The roles of a clause's parties, set one at a time: a party takes one role, further ones only when coordinated. */
class RoleFiller {
  constructor(
    private readonly ctx: Context,
    private readonly out: Parties,
  ) {}

  private taken(party: string): boolean {
    const out = this.out;
    return [out.supplier, out.recipient, out.intermediary, ...out.more, ...out.moreSuppliers].some((x) => x?.party === party);
  }

  set(role: "supplier" | "recipient" | "intermediary", m: Mention, explicit = false): void {
    const { ctx, out } = this;
    if (!m.party || this.taken(m.party)) return;
    if (!out[role]) out[role] = m;
    else if (role === "recipient" && (explicit || coordinatedEither(ctx, out.more[out.more.length - 1] ?? out.recipient!, m))) out.more.push(m);
    else if (role === "supplier" && m.kind !== "maker") {
      const last = out.moreSuppliers[out.moreSuppliers.length - 1] ?? out.supplier!;
      const [a, b] = last.first < m.first ? [last, m] : [m, last];
      if (last.kind !== "maker" && coordinated(ctx, a, b) && joinedByAnd(ctx, a, b)) out.moreSuppliers.push(m);
    }
  }
}

/** Fills supplier and recipient from the markers and positions of the parties around the head trigger. */
export function parties(ctx: Context, triggers: PhraseMatch<Trigger>[], head: PhraseMatch<Trigger>, actors: Mention[], from: number): Parties {
  const out: Parties = { supplier: null, recipient: null, intermediary: null, more: [], moreSuppliers: [], symmetric: false };
  const roles = new RoleFiller(ctx, out);
  const marked = actors.map((m): MarkedActor => {
    // "exported drones to 13 countries, including Egypt and Iraq": the list is read with the sentence's own trigger.
    // "approved Poland's purchase of": a possessor is read against the trigger it possesses.
    const possessed = possessive(ctx, m) ? triggers.find((tr) => tr.first === m.last + 2 || tr.first === m.last + 3) : undefined;
    const own = governedBy(ctx, triggers, possessed ?? triggerOf(ctx, triggers, head, m));
    const t = own.values[0]!.cls === "same" && head.values[0]!.cls !== "same" ? head : own;
    // A trigger ending in a preposition ("entre les mains des") has already said the role.
    const inTrigger = triggers.some((tr) => tr.last === m.first - 1);
    // "a reçu de Washington", "importés de Russie": right after a verb of getting, a bare "de" says where from.
    const getFrom = t.values[0]!.cls === "get" && t.last === m.first - 2 && isWordAt(ctx, KIND["get-from"], m.first - 1);
    // "with the French firm Dassault as middleman", "X servant d'intermédiaire": a role said after the party.
    const middleman = ctx.lex.phrases.at(ctx.folded, ctx.tokens, m.last + 1)?.values.some((v) => v.kind === "middleman-after");
    // "…with Armenia, which buys arms from France": the antecedent of a relative subject is the subject of its verb.
    const antecedent = relativeSubjectOf(ctx, m, t);
    // ("donated 19 F-16s to Ukraine's fight for freedom": a possessor right after "to" is where the item goes.)
    // ("in response to India's purchase": not after a phrase ending in "to" that gives nothing.)
    const handedOver = triggers.some((tr) => tr.values[0]!.cls === "give" && tr.last < m.first);
    // ("to Sudan's paramilitary Rapid Support Forces": not when what it possesses is a party of its own.)
    const possessesParty = [m.last + 2, m.last + 3].some((k) => mentionAt(ctx, k)?.kind === "actor");
    const possessorMarked = possessive(ctx, m) && handedOver && !possessesParty ? markerBefore(ctx, m.first - 1, from, m.kind === "demonym") : null;
    // ("to Sudan's paramilitary Rapid Support Forces": the party possessed takes the marker before its possessor.)
    const possessor = m.kind === "actor" ? [m.first - 2, m.first - 3, m.first - 4].map((k) => mentionAt(ctx, k)).find((p) => p && possessive(ctx, p) && m.first - p.last <= 4) : undefined;
    const marker = antecedent ? null : middleman ? ("via" as Role) : possessorMarked === "dative" ? possessorMarked : possessive(ctx, m) && !ownBody(ctx, m) ? ("possessive" as Role) : getFrom ? ("source" as Role) : inTrigger ? null : markerBefore(ctx, (possessor?.first ?? m.first) - 1, from, m.kind === "demonym");
    // "un contrat de 3,3 millions d'euros avec la faction…": "with" names the other party of the deal before it, however far.
    const deal = marker === "with" ? [...triggers].reverse().find((tr) => tr.values[0]!.cls === "deal" && tr.last < m.first) : undefined;
    if (deal) return { m, marker, before: false, t: governedBy(ctx, triggers, deal) };
    return { m, marker, before: m.last < t.first, t };
  });
  // "between Jordan and NSO Group": the party coordinated after one marked "between" is the deal's other party;
  // "provided by Turkey and Iran": so is one after a passive's agent another agent, and "developed by India and Russia"
  // one after a maker another maker.
  for (const [i, x] of marked.entries()) {
    const y = marked[i + 1];
    if ((x.marker === "between" || x.marker === "agent" || x.marker === "maker") && y && y.marker === null && joinedByAnd(ctx, x.m, y.m) && y.m.first - x.m.last <= 3) y.marker = x.marker;
  }
  for (const x of marked) if (x.marker === "via") roles.set("intermediary", x.m);
  // "conçus par la branche italienne": the maker's state supplies only when no one else is said to.
  const makers = marked.filter((x) => x.marker === "maker");
  // Nearest first before the trigger ("Ukraine : la France va céder…" has France as subject), in text order after it.
  const rest = marked
    // ("déployés face aux Russes", "used against Russian forces": whom the arms face is no party.)
    // ("Black Hawk américains fabriqués en Pologne": nor where the items were built.)
    .filter((x) => x.marker !== "via" && x.marker !== "maker" && x.marker !== "destination" && x.marker !== "onward" && x.marker !== "opposed" && x.marker !== "made-in")
    .sort((a, b) => Number(arrives(a, head)) - Number(arrives(b, head)) || Number(licensed(b, triggers, head)) - Number(licensed(a, triggers, head)) || order(a) - order(b));
  // "a signé un arrangement avec l'Arménie et l'Estonie pour acheter conjointement des canons Caesar": in a joint
  // purchase, whom the buyer buys with buys too.
  const joint = jointPurchase(ctx, from, triggers);
  for (const x of rest) {
    const { m, before } = x;
    const cls = x.t.values[0]!.cls;
    if (joint && x.marker === "with" && (cls === "get" || cls === "deal")) {
      roles.set("recipient", m, true);
      continue;
    }
    // French « à » is where a sale goes and whom a purchase is made from ("vendu au Maroc", "acheté à Israël").
    // "vendus en Jordanie", "acheté en Israël": a feminine country after « en » too, but a place only adds to a list of
    // recipients it is coordinated with ("à l'Allemagne, à condition qu'ils n'aillent pas en Ukraine" adds none).
    const place = x.marker === "place";
    // ("Des cyber-opérateurs opérant en Arabie saoudite … ont acheté": a place inside the subject, before the trigger,
    // locates the subject; it is no place the item comes from or goes to.)
    const marker: Role | null = place && before ? null : x.marker === "to-or-from" || place ? (cls === "get" ? "source" : "dative") : x.marker;
    const giveLike = cls === "give" || cls === "approve";
    const passive = isPassive(ctx, x.t.first, from);
    const nominal = isWordAt(ctx, KIND["determiner"], x.t.first - 1);
    // A demonym is a party inside a marked phrase ("à destination du port saoudien") or beside a state body
    // ("the Moroccan authorities", "les services marocains"), never the carrier's.
    // « la commande grecque », "the French sale": a demonym beside a transfer noun is the party the noun's class says.
    if (m.kind === "demonym" && marker === null && demonymOfDeal(ctx, x.t, m)) {
      roles.set(giveLike ? "supplier" : "recipient", m);
      if (cls === "deal") out.symmetric = true;
      continue;
    }
    if (m.kind === "demonym" && ((marker === null && !stateBody(ctx, m) && !companiesOf(ctx, m)) || carrierNoun(ctx, m))) continue;
    // « aux MiG et aux Sukhoï ukrainiens »: a maker's name with a demonym after it names that state's aircraft, no company.
    if (m.kind === "maker" && mentionAt(ctx, m.last + 1)?.kind === "demonym" && /^ $/.test(gapText(ctx, m.last, m.last + 1))) continue;
    if (m.kind === "maker") {
      // A maker stands for its state as the seller ("commandé à Nexter", "bought from Lockheed Martin"), or as the
      // buyer of a sale made to it ("le contrat de vente … avec Rheinmetall", "cédés à Rheinmetall").
      const buys = cls === "give" && (marker === "with" || marker === "dative");
      // ("Cellebrite tools, supplied by Norway": not as the subject of a passive, where it only names the product.)
      const sells = !buys && (marker === "with" || marker === "between" || marker === "source" || ((giveLike || cls === "deal") && marker === null && before && !passive));
      if (buys) roles.set("recipient", m);
      if (sells) roles.set("supplier", m);
      continue;
    }
    // "Moscow has dismissed the Western tank deliveries", "Pékin a condamné la vente": who reacts to a transfer is no party to it.
    // ("Washington's envoy raised concerns over the arms transfers": so is the state whose envoy reacts.)
    if (before && (marker === null || marker === "possessive") && reactsTo(ctx, m.last + 1, x.t.first)) continue;
    // "Norway, which funded the delivery of Cellebrite devices to Serbia": who pays for a handover neither gives nor receives it.
    if (before && marker === null && giveLike && paysFor(ctx, m.last + 1, x.t.first)) continue;
    // "it had informed the United States that it would suspend discussions": whom one tells is no party.
    if (marker === null && addressed(ctx, m.first) && !urgedToTransfer(ctx, m)) continue;
    // "Lors d'une conférence de presse, mardi à Paris, le ministre a annoncé la cession…": a seat (or a body, « à l'Élysée ») set off before the
    // clause's first trigger says where it was said, not where the item goes.
    const frontedPlace = before && marker === "dative" && (m.nameKind === "seat" || m.nameKind === "force" || m.kind === "source") && !triggers.some((t) => t.last < m.first) && /,/.test(ctx.text.slice(m.end, ctx.tokens[x.t.first]!.start));
    if (frontedPlace) continue;
    // « la Croatie a signé à Zagreb l'achat de douze Rafale », "signed in Paris": where a deal was signed is no party.
    if (m.nameKind === "seat" && (marker === "dative" || marker === "source" || marker === "place" || x.marker === "place") && isWordAt(ctx, KIND["signing"], m.first - 2)) continue;
    // "the Polish government approved the purchase": the approver buys; "Washington has cleared Poland to buy",
    // "approved Poland's purchase": the buyer is named after the approval, and the approver is the seller's government.
    if (approvesPurchase(triggers, x.t) && marker === null && before && !buyerAfterApproval(ctx, triggers, x.t)) roles.set("recipient", m);
    else if (giveLike) {
      // "has turned down repeated requests from Kyiv for air-defence systems": whom a refused request is from would receive.
      // (With what was asked for named after it: "…from Kyiv for its own air-defence systems".)
      if (marker === "source" && x.t.values[0]!.status === "cancelled" && x.t.last === m.first - 2 && isWordAt(ctx, KIND["request-noun"], x.t.last) && itemToldSince(ctx, m.last + 1, Math.min(m.last + 8, ctx.sentences[ctx.sentenceOf[m.first]!]!.endToken))) roles.set("recipient", m);
      else if (marker === "agent") roles.set("supplier", m);
      else if ((marker === "dative" || marker === "beneficiary") && !whereActorIs(out.recipient, m)) roles.set("recipient", m, !place);
      // "L'Égypte a signé avec la France un contrat de fourniture", "signé un contrat de fourniture … avec Paris": whom a
      // deal for a delivery is signed with is its other party; which one sells, the system's origin says (swapped later).
      else if (marker === "with" && (!before || (m.kind === "state" && triggers.some((t) => t.values[0]!.cls === "deal" && t.first > m.last)))) {
        roles.set("recipient", m);
        if (triggers.some((t) => t.values[0]!.cls === "deal")) out.symmetric = true;
      }
      else if (marker === "possessive" && before) roles.set("supplier", m);
      // ("drones that it leases from IAI": who leases from someone is the lessee.)
      else if (marker === null && before && !passive && x.t.values[0]!.rule.endsWith("/lease") && marked.some((y) => !y.before && y.marker === "source")) roles.set("recipient", m);
      else if (marker === null && before) roles.set(passive ? "recipient" : "supplier", m);
      // « la technologie que lui fourniront les États-Unis »: after an object relative, the party put after the verb is
      // its subject.
      else if (marker === null && !before && !passive && invertingRelativeBefore(ctx, x.t.first)) roles.set("supplier", m);
      else if (marker === null && !before && !passive) roles.set("recipient", m);
      // "exported from Greece to Sudan", "la vente de drones turcs … de la Turquie".
      // ("Weapons from the UAE were trucked to…": also before a passive.)
      else if (marker === "source" && (!before || passive) && cls !== "approve") roles.set("supplier", m);
    } else if (cls === "get") {
      // "Dassault Aviation a signé avec l'Indonésie une commande": whom a maker signs an order with is its buyer.
      const makerSubject = marked.some((y) => y.m.kind === "maker" && y.before && y.marker === null);
      // "Hanwha has won an order from Australia", « KNDS a décroché une commande de la Belgique »: whom a maker has an
      // order from is its buyer.
      if (marker === "agent") roles.set("recipient", m);
      else if ((marker === "with" || marker === "source" || marker === "genitive") && makerSubject) roles.set("recipient", m);
      else if (marker === "source" || marker === "with") roles.set("supplier", m);
      else if (marker === "possessive" && before) roles.set("recipient", m);
      else if (marker === "beneficiary") roles.set("recipient", m);
      else if (marker === null && before) roles.set(passive ? "supplier" : "recipient", m);
      // "Nigeria paid the United States $462 million for 12 jets": whom a buyer pays is the seller.
      else if (marker === null && !passive && isWordAt(ctx, KIND["funding-verb"], x.t.last) && m.first - x.t.last <= 2) roles.set("supplier", m);
    } else if (cls === "deal") {
      out.symmetric = true;
      // "Nexa a conclu un contrat avec la faction du maréchal Haftar": a maker's contract "with" a party sells to it.
      // ("Naval Group won a contract from the Netherlands", « le contrat des Pays-Bas »: whom a maker's contract is from buys.)
      const makerSubject = marked.some((y) => y.m.kind === "maker" && y.before && y.marker === null);
      // "Israel was negotiating with Morocco over the sale of drones": talks over a sale have the seller as subject.
      // (Not a contract "for the supply of", whose parties the word does not tell apart.)
      const overSale = !makerSubject && x.t.values[0]!.status === "negotiating" && triggers.some((n) => n.values[0]!.cls === "give" && n.values[0]!.sale && n.first > x.t.last && n.first - x.t.last <= 8);
      if (marker === "with") roles.set(makerSubject || overSale ? "recipient" : "supplier", m);
      else if (overSale && (marker === null || marker === "possessive") && before) roles.set("supplier", m);
      else if ((marker === "source" || marker === "genitive") && makerSubject && !before) roles.set("recipient", m);
      else if (marker === "dative" || marker === "beneficiary") roles.set("recipient", m);
      // "un contrat entre la France et l'Inde": the first is the buyer unless the system's origin says otherwise (swapped later).
      else if (marker === "between") roles.set(out.recipient ? "supplier" : "recipient", m);
      else if (marker === "source" && !nominal) roles.set("supplier", m);
      else if ((marker === null || marker === "possessive") && before) roles.set("recipient", m);
      else if (marker === "agent") roles.set("recipient", m);
    } else if (cls === "supplier") {
      // "un fournisseur important de l'Algérie", "Russia, India's main supplier": who supplies whom.
      if (marker === "possessive" && before) roles.set("recipient", m);
      else if (before && marker === null) roles.set("supplier", m);
      else if (!before && (marker === "source" || marker === "genitive" || marker === "dative")) roles.set("recipient", m);
    } else if (cls === "wield") {
      // "Moroccan authorities hacked his phone", "hacked by Morocco": the state that hacks holds the spyware.
      // "Morocco's authorities … had put him under surveillance by hacking his phone": a state's body hacks for it.
      if ((marker === null && before && !passive) || marker === "agent" || (marker === "possessive" && before && stateBody(ctx, m))) roles.set("recipient", m);
      // "Researchers attributed the hacking of his phone to Rwanda": whom the hacking is laid on hacked.
      else if (marker === "dative" && !before && blamedOn(ctx, head, m)) {
        roles.set("recipient", m);
        out.blamed = true;
      }
    } else if (cls === "use") {
      // Spyware "operated from Saudi Arabia", "a client of NSO": the users are the recipients.
      // "using tools from the Israeli company NSO Group": where the tool comes from supplies it.
      if (marker === "source") roles.set("supplier", m);
      else if (marker !== "with") roles.set("recipient", m, true);
    } else if (cls === "arrive") {
      // "promised to Ukraine, have arrived in Poland": where it arrives on the way is an intermediary.
      // "Norway's eight Leopards are also in Ukraine": whose items arrive somewhere else gave them ("Israel's first two
      // F-35s will arrive" are Israel's own).
      const arrivesElsewhere = marker === "possessive" && before && marked.some((y) => !y.before && y.m.party && y.m.party !== m.party);
      // ("Six Chinese air force Y-20 planes landed in Belgrade carrying the FK-3": so does a party whose vehicles arrive.)
      const sendsVehicles = marker === null && before && m.kind !== "demonym" && carrying(ctx, x.t.last + 1, ctx.sentences[ctx.sentenceOf[m.first]!]!.endToken) && marked.some((y) => !y.before && y.m.party && y.m.party !== m.party);
      if (marker === "source" || arrivesElsewhere || sendsVehicles) roles.set("supplier", m);
      else if (out.recipient && !before) roles.set("intermediary", m);
      else roles.set("recipient", m);
    }
  }
  // ("the BrahMos, jointly developed by India and Russia": of makers coordinated, the first named stands for the seller.)
  if (makers[0]) roles.set("supplier", makers[0].m);
  // "Indonesia looks to French industry to supply jets", « le Mali a fait appel à la Russie pour livrer »: whom a buyer
  // turns to, to give, is the supplier, and the buyer receives.
  const turnedTo = head.values[0]!.cls === "give" ? marked.find((x) => x.m.party && turnedToGive(ctx, x.m, head)) : undefined;
  if (turnedTo) {
    // The buyer read as the seller, else the party named last before the one turned to ("Poland asked the United States").
    const before = [...marked].reverse().find((x) => x.m.party && x.m.last < turnedTo.m.first - 1 && x.m.party !== turnedTo.m.party)?.m ?? null;
    const buyer = out.supplier && out.supplier !== turnedTo.m ? out.supplier : before;
    out.supplier = turnedTo.m;
    if (buyer) out.recipient = buyer;
    else if (out.recipient === turnedTo.m) out.recipient = null;
  }
  // "would give a drone to Lithuania so that it could be passed on to Ukraine": who it is passed on to receives it, and
  // the first receiver is the way there.
  const onward = marked.find((x) => x.marker === "onward" && x.m.party && x.m.party !== out.supplier?.party);
  if (onward) {
    if (out.recipient && out.recipient.party !== onward.m.party) out.intermediary ??= out.recipient;
    out.recipient = onward.m;
    out.more = out.more.filter((m) => m !== onward.m);
  }
  // "acheminé en Russie des roquettes destinées à Wagner": the destination is the recipient, not the way there.
  const destination = marked.find((x) => x.marker === "destination" && x.m.party && x.m.party !== out.supplier?.party);
  if (destination) {
    out.recipient = destination.m;
    out.more = out.more.filter((m) => m !== destination.m);
  }
  // (Who sells a joint purchase, the item's origin says: the buyers' deal is no contract between them.)
  if (joint) out.symmetric = false;
  return out;
}



/** Does a carrying word ("carrying", « transportant ») stand in [from, to)? */
function carrying(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (phraseAt(ctx, "carrying", k)) return true;
  return false;
}

/** Is the party turned to ("looks to", « fait appel à ») just before an infinitive of giving, the head trigger? */
function turnedToGive(ctx: Context, m: Mention, head: PhraseMatch<Trigger>): boolean {
  let link = m.last + 1;
  // ("French industry", « l'industrie française »: a noun or two of what the party is may follow it.)
  while (link < head.first - 1 && link - m.last <= 2 && !mentionAt(ctx, link) && !triggerAt(ctx, link) && !isWordAt(ctx, KIND["urge-link"], link) && !isWordAt(ctx, KIND["infinitive-marker"], link)) link++;
  if (link !== head.first - 1 || !(isWordAt(ctx, KIND["urge-link"], link) || isWordAt(ctx, KIND["infinitive-marker"], link))) return false;
  // (An article or a noun may stand between: "looks to the French", « fait appel à l'industrie française ».)
  for (let k = m.first - 1; k >= Math.max(0, m.first - 3); k--) if (phraseEndsAt(ctx, "turn-to", k)) return true;
  return false;
}

/** "aux milices Houthis au Yémen": a state right after an armed group that receives is where the group is. */
function whereActorIs(recipient: Mention | null, m: Mention): boolean {
  return !!recipient && recipient.kind === "actor" && m.kind === "state" && m.first > recipient.last && m.first - recipient.last <= 2;
}

/** Is the mention the object of a verb of telling ("informed Washington", "a prévenu Paris")? */
/** "urged Cairo to cancel the purchase", « exhorte le Caire à annuler l'accord »: whom one urges to act on a deal is its party. */
function urgedToTransfer(ctx: Context, m: Mention): boolean {
  const k = m.last + 1;
  return isWordAt(ctx, KIND["urge-link"], k) && (!!triggerAt(ctx, k + 1) || !!triggerAt(ctx, k + 2));
}

function addressed(ctx: Context, first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) {
    const t = ctx.tokens[k]!.text;
    if (isWord(ctx, KIND["addressee-verb"], t)) return true;
    if (!isWord(ctx, KIND["definite"], t) && !isWord(ctx, KIND["determiner"], t)) return false;
  }
  return false;
}

/** Does a funding verb govern the transfer noun at `to`, with only linking words ("for the", "le coût de") between? */
function paysFor(ctx: Context, from: number, to: number): boolean {
  for (let k = to - 1; k >= Math.max(from, to - 5); k--) {
    const t = ctx.tokens[k]!.text;
    if (isWord(ctx, KIND["funding-verb"], t)) return true;
    if (!isWord(ctx, KIND["funding-link"], t) && !isWord(ctx, KIND["determiner"], t) && !isWord(ctx, KIND["definite"], t)) return false;
  }
  return false;
}

/** Does a verb of reaction ("condemned", "a salué") stand between a subject and the transfer noun it reacts to? */
function reactsTo(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!isWordAt(ctx, KIND["reaction-verb"], k)) continue;
    // "Israel dismissed reports that it sold…": who dismisses a claim about itself denies it, and is its party.
    const next = ctx.tokens[k + 1]?.text ?? "";
    const after = isWord(ctx, KIND["definite"], next) ? ctx.tokens[k + 2]?.text ?? "" : next;
    if (!isWord(ctx, KIND["claim-noun"], after)) return true;
  }
  return false;
}

/** Does the trigger tell a hand-over (give or get)? */
function isTransfer(n: PhraseMatch<Trigger>): boolean {
  return n.values[0]!.cls === "give" || n.values[0]!.cls === "get";
}

/**
 * "Germany blocked the sale of tanks to Saudi Arabia", "le contrat de vente": the parties of a cancellation or a
 * contract take the roles of the transfer noun right after it (who sells, who buys).
 */
function governedBy(ctx: Context, triggers: PhraseMatch<Trigger>[], t: PhraseMatch<Trigger>): PhraseMatch<Trigger> {
  const status = t.values[0]!.status;
  if (t.values[0]!.cls !== "deal" || (status !== "ordered" && status !== "cancelled" && status !== "negotiating")) return t;
  const reach = status === "cancelled" ? 3 : 2;
  // ("Varsovie et Ankara se sont entendues sur la fourniture": talks over a noun still have two sides.)
  // ("Israel was negotiating the sale of drones to Morocco": but a noun that is the object of the verb alone — no phrase
  // ending in its preposition, "se sont entendues sur" — is its subject's.)
  const noun = triggers.find((n) => n.first > t.last && n.first - t.last <= reach && isTransfer(n) && (status !== "negotiating" || (t.first === t.last && directObject(ctx, t.last, n.first))));
  // "signed a deal with Saudi Arabia to sell it drones", "un accord avec Paris pour acheter", "is in talks to sell",
  // « serait en discussion pour céder »: the deal's purpose says who gives.
  const purpose = triggers.find((n) => n.first > t.last && n.first - t.last <= 7 && isTransfer(n) && isWordAt(ctx, KIND["infinitive-marker"], n.first - 1));
  return noun ?? (status !== "cancelled" ? purpose : undefined) ?? t;
}

/** Are the tokens between a verb ending at `verb` and a noun at `noun` only its article ("negotiating the sale")? */
function directObject(ctx: Context, verb: number, noun: number): boolean {
  if (/[,;:]/.test(ctx.text.slice(ctx.tokens[verb]!.end, ctx.tokens[noun]!.start))) return false;
  for (let k = verb + 1; k < noun; k++) if (!isWordAt(ctx, KIND["definite"], k) && !isWordAt(ctx, KIND["determiner"], k) && !isWordAt(ctx, KIND["indefinite-article"], k)) return false;
  return true;
}

/** Is the party followed by ", which" (or "qui") and at most an adverb or auxiliary before the trigger? */
function relativeSubjectOf(ctx: Context, m: Mention, t: PhraseMatch<Trigger>): boolean {
  const rel = m.last + 1;
  if (rel >= t.first || !/,/.test(gapText(ctx, m.last, rel)) || !isWordAt(ctx, KIND["subject-relative"], rel)) return false;
  return t.first - rel <= 3;
}

/**
 * "between Jordan's government and NSO Group": a possessive whose noun is the state's own body is that state; not when
 * the body word only qualifies a noun after it ("Poland's military goals").
 */
function ownBody(ctx: Context, m: Mention): boolean {
  const body = m.last + 2;
  if (!isWordAt(ctx, KIND["state-body"], body)) return false;
  const next = ctx.tokens[body + 1];
  return !next || /[,;:.()]/.test(gapText(ctx, body, body + 1)) || [KIND["coordination"], KIND["preposition"], KIND["function"], KIND["auxiliary"]].some((k) => isWord(ctx, k, next.text));
}

/** « la commande grecque de 18 Rafale », "the Greek order for", "the French sale": a demonym right beside a transfer noun. */
export function demonymOfDeal(ctx: Context, t: PhraseMatch<Trigger>, m: Mention): boolean {
  if (m.kind !== "demonym" || t.first !== t.last || !["get", "give", "deal"].includes(t.values[0]!.cls)) return false;
  const noun = isWordAt(ctx, KIND["determiner"], Math.min(t.first, m.first) - 1);
  return noun && (t.last === m.first - 1 || t.first === m.last + 1);
}

/** Is the demonym next to a noun for the state's authorities, forces or services? */
export function stateBody(ctx: Context, m: Mention): boolean {
  // ("Morocco's police": after the possessive's "s".)
  const after = possessive(ctx, m) ? m.last + 2 : m.last + 1;
  if (isWordAt(ctx, KIND["state-body"], after) || isWordAt(ctx, KIND["state-body"], m.first - 1)) return true;
  // "aux gouvernements malgache, égyptien et vietnamien": a demonym coordinated after one beside the body.
  let k = m.first - 1;
  while (k >= 0 && isWordAt(ctx, KIND["coordination"], k)) k--;
  const before = k < m.first - 1 || /,/.test(gapText(ctx, k, m.first)) ? mentionAt(ctx, k) : null;
  return before?.kind === "demonym" && before.last === k && stateBody(ctx, before);
}

/**
 * "Russian companies supplied", "Israeli defense firms", « des sociétés israéliennes ont vendu »: a demonym describing
 * companies stands for its state as seller or buyer, unless a name follows that the words introduce ("the Israeli
 * company Elbit", « la société française Nexa »): the name is the party then.
 */
export function companiesOf(ctx: Context, m: Mention): boolean {
  // "Russian and Chinese companies": a demonym coordinated before one that describes companies.
  const next = mentionAt(ctx, m.last + 2);
  if (next?.kind === "demonym" && next.first === m.last + 2 && (isWordAt(ctx, KIND["coordination"], m.last + 1) || gapText(ctx, m.last, m.last + 1) === ", ") && companiesOf(ctx, next)) return true;
  if (companyNoun(ctx, m.last + 1)) return !introducesName(ctx, m.last + 1);
  if (sectorWord(ctx, m.last + 1) && companyNoun(ctx, m.last + 2)) return !introducesName(ctx, m.last + 2);
  return companyNoun(ctx, m.first - 1) && !introducesName(ctx, m.last);
}

function companyNoun(ctx: Context, k: number): boolean {
  return isWordAt(ctx, KIND["company-noun"], k) || isWordAt(ctx, KIND["companies-noun"], k);
}

/** Word classes that never say what a company does. */
const NOT_A_SECTOR = [KIND["coordination"], KIND["preposition"], KIND["determiner"], KIND["definite"], KIND["auxiliary"]];

/** A lowercase word saying what the companies do, right after the demonym ("defense" in "Israeli defense firms")? */
function sectorWord(ctx: Context, k: number): boolean {
  return !!ctx.tokens[k] && gapText(ctx, k - 1, k) === " " && !isCapitalised(ctx, k) && !NOT_A_SECTOR.some((kind) => isWordAt(ctx, kind, k)) && !triggerAt(ctx, k);
}

/** "par une compagnie ukrainienne de fret": the demonym qualifies a carrier, which never supplies. */
function carrierNoun(ctx: Context, m: Mention): boolean {
  const before = ctx.tokens[m.first - 1]?.text ?? "";
  const after = ctx.tokens[m.last + 1]?.text ?? "";
  return isWord(ctx, KIND["carrier"], before) || isWord(ctx, KIND["carrier"], after);
}

/** "attributed the hacking of his phone to Rwanda", « a imputé le piratage au Maroc »: a blame verb before the hacking word lays it on the party after. */
function blamedOn(ctx: Context, head: PhraseMatch<Trigger>, m: Mention): boolean {
  if (m.first <= head.last) return false;
  for (let k = head.first - 1; k >= Math.max(0, head.first - 3); k--) if (isWordAt(ctx, KIND["blame-verb"], k)) return true;
  return false;
}
