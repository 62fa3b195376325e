import { fold } from "../catalog/fold.ts";
import { gazetteerFor } from "../catalog/gazetteer.ts";
import type { Category, SystemEntry } from "../catalog/types.ts";
import { firstMention, gapText, isCapitalised, isWord, isWordAt, mentionAt, opensWordsAt, phraseAt, phraseEndsAt, triggerAt, triggerSince, type Context, type Mention } from "./context.ts";
import { KIND } from "./lexicon.ts";
import type { Quantities } from "./frames.ts";
import { dateWords } from "./normalise/lexicon.ts";
import { countWords } from "./normalise/numbers.ts";
import type { Lang, NumberMention } from "./normalise/types.ts";
import { markerBefore, possessive } from "./parties.ts";
import { covered, overlapped, tokenLowerBound, within } from "./spans.ts";

// What is transferred: designations and generic nouns grouped into items, with their counts and values.

export interface ItemGroup {
  first: number;
  last: number;
  name: string | null;
  category: Category;
  system: string | null;
  origin: string | null;
  /** A bare count standing for the item ("signed for six"). */
  count?: number;
}

/** Does a phrase such as "used on" or "montés sur" start between two items (no comma or full stop between)? */
function mountedOn(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (/[,;.]/.test(gapText(ctx, k - 1, k))) return false;
    if (opensWordsAt(ctx, KIND["mounted-on"], k) && ctx.lex.phrases.at(ctx.folded, ctx.tokens, k)?.values.some((v) => v.kind === "mounted-on")) return true;
  }
  return false;
}

/** Is token k a figure, a number word or a determiner ("24 units", "ce logiciel", "the product")? */
function countedOrDetermined(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t) return false;
  return /^\d/.test(t.text) || isWordAt(ctx, KIND["determiner"], k) || isWordAt(ctx, KIND["definite"], k) || isWordAt(ctx, KIND["demonstrative"], k) || countWords(ctx.lang as Lang).has(t.text);
}

/** Does a mounted-on phrase ("destinés au", "to be fitted on the") end right before token i, an article at most between? */
function mountedJustBefore(ctx: Context, i: number, floor: number): boolean {
  for (let k = Math.max(floor, i - 5); k < i; k++) {
    if (!opensWordsAt(ctx, KIND["mounted-on"], k)) continue;
    const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
    if (m?.values.some((v) => v.kind === "mounted-on") && m.last < i && (m.last === i - 1 || (m.last === i - 2 && (isWordAt(ctx, KIND["definite"], i - 1) || isWordAt(ctx, KIND["determiner"], i - 1))))) return true;
  }
  return false;
}

/** Is a generic noun the modifier of a part or technology noun ("drone technology", "composants de missiles")? */
function partOf(ctx: Context, m: Mention): boolean {
  const after = ctx.tokens[m.last + 1];
  if (after && isWord(ctx, KIND["part-noun"], after.text) && /^[ -]$/.test(gapText(ctx, m.last, m.last + 1))) return true;
  const link = ctx.tokens[m.first - 1];
  const part = ctx.tokens[m.first - 2];
  return !!link && !!part && isWord(ctx, KIND["part-link"], link.text) && isWord(ctx, KIND["part-noun"], part.text);
}

/** Does a phrase of opposing ("against", "for combating") end right before token k, over a demonym or an article? */
function opposedBefore(ctx: Context, k: number): boolean {
  // ("to shoot down Shahed drones and Kalibr missiles": also over the items of the list it opens, and over up to two
  // words describing them, "to destroy long-range ballistic missiles".)
  let described = 0;
  for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
    if (opposedEndsAt(ctx, j)) return true;
    if (/[;:.()]/.test(gapText(ctx, j, j + 1))) return false;
    if (inItemList(ctx, j)) continue;
    if (described < 2 && !mentionAt(ctx, j) && !triggerAt(ctx, j) && !isCapitalised(ctx, j)) {
      described++;
      continue;
    }
    return false;
  }
  return false;
}

/** Is token x part of a list of items: an item, a demonym, an article, "and", or "of"? */
function inItemList(ctx: Context, x: number): boolean {
  return ["demonym", "system", "category"].includes(mentionAt(ctx, x)?.kind ?? "") || isWordAt(ctx, KIND["definite"], x) || isWordAt(ctx, KIND["indefinite-article"], x) || isWordAt(ctx, KIND["coordination"], x) || isWordAt(ctx, KIND["part-link"], x);
}

/** Does a phrase of opposing ("against", "to shoot down") end at token j? */
function opposedEndsAt(ctx: Context, j: number): boolean {
  for (let start = Math.max(0, j - 3); start <= j; start++) {
    const m = ctx.lex.roles.at(ctx.folded, ctx.tokens, start);
    if (m && m.last === j && m.values.some((v) => v.role === "opposed")) return true;
  }
  return false;
}

/** Does a coordination ("and", « et ») stand in [from, to)? */
function coordinationBetween(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isWordAt(ctx, KIND["coordination"], k)) return true;
  return false;
}

/** Does "version of (the)" end right before token k ("the export version of the HQ-22")? */
function versionOfBefore(ctx: Context, k: number): boolean {
  let j = k - 1;
  if (isWordAt(ctx, KIND["definite"], j)) j--;
  const link = ctx.lex.roles.at(ctx.folded, ctx.tokens, j);
  const genitive = link?.values.some((v) => v.role === "genitive") || isWordAt(ctx, KIND["contracted-definite"], j);
  if (!genitive || !isWordAt(ctx, KIND["version-noun"], j - 1)) return false;
  // (Only after the version it names: "the FBI bought a version of Pegasus" bought Pegasus.)
  for (let x = j - 2; x >= Math.max(0, j - 10); x--) if (mentionAt(ctx, x)?.kind === "system") return true;
  return false;
}

/** Does a generic noun qualify a noun of something other than a hand-over, after it or before it over a preposition? */
function qualifiesOther(ctx: Context, m: Mention): boolean {
  if (isWordAt(ctx, KIND["not-an-item"], m.last + 1) && /^[ -]$/.test(gapText(ctx, m.last, m.last + 1))) return true;
  // ("des bombardements quasi quotidiens de missiles": over « de » and up to two words of what kind.)
  let described = 0;
  // (« de missiles et de drones »: and over the items listed before it.)
  for (let k = m.first - 1; k >= Math.max(0, m.first - 8); k--) {
    if (isWordAt(ctx, KIND["not-an-item"], k)) return true;
    if (/[,;:.()]/.test(gapText(ctx, k, k + 1))) return false;
    if (isWordAt(ctx, KIND["preposition"], k) || isWordAt(ctx, KIND["definite"], k) || isWordAt(ctx, KIND["contracted-definite"], k) || isWordAt(ctx, KIND["part-link"], k)) continue;
    if (isWordAt(ctx, KIND["coordination"], k) && mentionAt(ctx, k - 1)?.kind === "category") {
      k = mentionAt(ctx, k - 1)!.first;
      continue;
    }
    if (described < 2 && !mentionAt(ctx, k) && !triggerAt(ctx, k) && !isCapitalised(ctx, k) && isWordAt(ctx, KIND["part-link"], m.first - 1)) {
      described++;
      continue;
    }
    return false;
  }
  return false;
}

/**
 * "deux hélicoptères de fabrication russe de type Mi-35P", "rifles of Czech make of the type CZ Bren": only words
 * of make and type, and demonyms, between a noun and a designation keep them one item.
 */
function linksItem(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isWordAt(ctx, KIND["item-link"], k) && mentionAt(ctx, k)?.kind !== "demonym") return false;
  return true;
}

/** How far back (in tokens) a demonstrative noun looks for the system it refers to. */
const DEMONSTRATIVE_REACH = 400;

/**
 * The system of the same category last named before a counted demonstrative noun ("une cinquantaine de ces
 * systèmes", "six of these howitzers") or a definite one right after a transfer verb ("has sold the drone to 30
 * countries"); a demonstrative alone ("ces drones complètent…") may sum up any of them.
 */
function demonstrativeReferent(ctx: Context, noun: Mention): Mention | null {
  const before = ctx.tokens[noun.first - 1]?.text ?? "";
  const counted = isWord(ctx, KIND["demonstrative"], before) && isWordAt(ctx, KIND["part-link"], noun.first - 2);
  const object = isWord(ctx, KIND["singular-definite"], before) && noun.first >= 2 && triggerAt(ctx, noun.first - 2)?.last === noun.first - 2;
  if (!counted && !object) return null;
  // "We have delivered the tanks" after "18 Leopard tanks … with 40 Marder infantry fighting vehicles": a system named
  // with the same noun first, else the latest of the category ("ces systèmes d'artillerie" after "canons CAESAR").
  const stem = (m: Mention) => fold(ctx.text.slice(m.start, m.end)).slice(0, 4);
  let latest: Mention | null = null;
  for (let k = noun.first - 2; k >= Math.max(0, noun.first - DEMONSTRATIVE_REACH); k--) {
    const m = mentionAt(ctx, k);
    if (m?.kind !== "system" || m.first !== k || m.category !== noun.category) continue;
    const beside = [mentionAt(ctx, m.last + 1), mentionAt(ctx, m.first - 1)].find((n) => n?.kind === "category");
    if (beside && stem(beside) === stem(noun)) return m;
    latest ??= m;
  }
  return latest;
}

/** "avions et hélicoptères", « des avions et des hélicoptères », "d'avions et d'hélicoptères": two nouns joined by a coordination, each with its article. */
function coordinatedNouns(ctx: Context, last: number, next: number): boolean {
  if (!isWordAt(ctx, KIND["coordination"], last + 1) || next - last < 2 || next - last > 3) return false;
  return next - last === 2 || isWordAt(ctx, KIND["determiner"], last + 2) || isWordAt(ctx, KIND["definite"], last + 2) || !!ctx.lex.roles.at(ctx.folded, ctx.tokens, last + 2)?.values.some((v) => v.role === "genitive");
}

/**
 * Does a generic noun modify another of another kind beside it: before it in English ("radar satellites", "tank
 * ammunition"), after it in French (« satellites radar »)?
 */
function modifiesNoun(ctx: Context, m: Mention): boolean {
  const head = ctx.lang === "en" ? mentionAt(ctx, m.last + 1) : mentionAt(ctx, m.first - 1);
  if (head?.kind !== "category" || head.category === m.category) return false;
  return ctx.lang === "en" ? head.first === m.last + 1 && gapText(ctx, m.last, head.first) === " " : head.last === m.first - 1 && gapText(ctx, head.last, m.first) === " ";
}

/** Systems and generic nouns of a clause, a system and its noun ("drones Heron") as one item. */
export function itemsOf(ctx: Context, from: number, to: number, occupied: Uint8Array, origins: Set<number>): ItemGroup[] {
  const groups: ItemGroup[] = [];
  let prev: ItemGroup | null = null;
  for (let i = from; i < to; i++) {
    const m = mentionAt(ctx, i);
    if (!m || m.first !== i || occupied[i] === 1) continue;
    if (m.kind === "demonym") {
      if (prev && prev.last >= i - 2 && !prev.origin) {
        prev.origin = m.party;
        // "les hélicoptères et avions russes", "tanks and howitzers of German make": the nouns coordinated before share it.
        for (let k = groups.length - 2; k >= 0; k--) {
          const [g, next] = [groups[k]!, groups[k + 1]!];
          if (g.origin || !coordinatedNouns(ctx, g.last, next.first)) break;
          g.origin = m.party;
        }
      }
      continue;
    }
    if (m.kind !== "system" && m.kind !== "category") continue;
    // "anti-tank munitions", "défense antiaérienne": what a weapon is against is not what it is.
    if (m.kind === "category" && isWordAt(ctx, KIND["against-prefix"], m.first - 1) && /^-?$/.test(gapText(ctx, m.first - 1, m.first))) continue;
    // "drone technology", "missile components", "pièces de drones": what a part or a know-how is for is not what is sent.
    if (m.kind === "category" && partOf(ctx, m)) continue;
    // "for the High Mobility Artillery Rocket Systems (HIMARS)": a short form in brackets after the same system is that
    // mention again, read (or set aside) with it.
    if (m.kind === "system" && /\(\s*$/.test(gapText(ctx, m.first - 1, m.first)) && mentionAt(ctx, m.first - 1)?.id === m.id) continue;
    // "radar satellites", « satellites radar »: a generic noun modifying another, glued to it, is no item of its own.
    if (m.kind === "category" && modifiesNoun(ctx, m)) continue;
    // "systems for combating drones", "used against Russian tanks": what the items are used against is no item.
    if (opposedBefore(ctx, m.first)) continue;
    // "the arms embargo on Iran", "weapons inspectors", « l'embargo sur les armes »: a generic noun qualifying what is
    // no hand-over names nothing handed over.
    if (m.kind === "category" && qualifiesOther(ctx, m)) continue;
    // "in the F4 version", "au standard F4": a designation naming a version of another system is no item.
    if (m.kind === "system" && isWordAt(ctx, KIND["version-noun"], m.last + 1)) continue;
    // "FK-3 missiles, the export version of the HQ-22", « une version du J-10C »: the system a version is made
    // from is not what is sent.
    if (m.kind === "system" && versionOfBefore(ctx, m.first)) continue;
    // "80 Rafale au standard F4": a designation after a version noun is the version of the item before it.
    if (m.kind === "system" && prev?.system && m.first - prev.last <= 3 && isWordAt(ctx, KIND["version-noun"], m.first - 1)) {
      prev.last = m.last;
      continue;
    }
    // ("80 avions de combat Rafale, dans leur version F4": further on, over a comma, it names that version too.)
    if (m.kind === "system" && prev?.system && m.first - prev.last <= 6 && isWordAt(ctx, KIND["version-noun"], m.first - 1)) continue;
    // "Rafale F4", "F-16 Block 70": a designation right after another is its version.
    if (m.kind === "system" && prev?.system && prev.last === m.first - 1 && gapText(ctx, prev.last, m.first) === " ") {
      prev.last = m.last;
      continue;
    }
    // "camera systems used on Baykar's armed drones", "des radars montés sur les frégates": what carries the item is not sent.
    if (prev && m.first - prev.last <= 7 && mountedOn(ctx, prev.last + 1, m.first)) continue;
    // ("Les appareils, destinés au porte-avions": also after an item the catalog cannot tell.)
    if (!prev && mountedJustBefore(ctx, m.first, from)) continue;
    // "obus de 35 mm pour Gepard", "ammunition for the Gepard", "PAC-3 interceptors for its Patriot batteries": the
    // platform a munition or interceptor is for is not what is sent.
    // (« des cartouches de fusil », « obus d'artillerie »: a weapon noun after a munition's "de" says what it is fired from.)
    if (m.kind === "category" && prev?.category === "ammunition" && !prev.system && m.first === prev.last + 2 && ctx.lex.roles.at(ctx.folded, ctx.tokens, prev.last + 1)?.values.some((v) => v.role === "genitive")) {
      prev.last = m.last;
      continue;
    }
    // ("missiles for air defense systems", "shells for artillery": so is a generic noun of the platform.)
    if ((m.kind === "system" || m.kind === "category") && prev && (prev.category === "ammunition" || prev.category === "missile" || prev.category === "air-defence") && m.first - prev.last <= 6 && platformFor(ctx, m.first)) continue;
    // "the Patriot announcement", "l'affaire Pegasus": a designation naming what a story is about is no item of this clause.
    if (m.kind === "system" && [m.last + 1, m.first - 1].some((k) => isWordAt(ctx, KIND["topic-noun"], k))) continue;
    // "TB2s armed with anti-tank munitions": what an item carries is part of it; "aboard an Il-76": what carries it is not.
    if (armedWith(ctx, m.first, from)) continue;
    // ("Shahed drones and artillery shells": a noun coordinated after a designation is another item.)
    const close = prev && !/[,;.]/.test(gapText(ctx, prev.last, i)) && !coordinationBetween(ctx, prev.last + 1, i) && (i - prev.last <= 3 || (i - prev.last <= 7 && linksItem(ctx, prev.last + 1, i)));
    if (close && prev && (prev.system === null) !== (m.kind === "category")) {
      // A noun and a designation side by side are one item; the designation decides the category.
      if (m.kind === "system") {
        prev.system = m.id;
        prev.name = designation(ctx, m);
        prev.category = m.category!;
      }
      prev.last = m.last;
      continue;
    }
    const g: ItemGroup = {
      first: m.first,
      last: m.last,
      name: m.kind === "system" ? designation(ctx, m) : uncataloguedDesignation(ctx, m, from, to),
      category: m.category!,
      system: m.kind === "system" ? m.id : null,
      origin: null,
    };
    // "une cinquantaine de ces systèmes d'artillerie", "has sold the drone to": the system last named of its kind.
    const named = m.kind === "category" ? demonstrativeReferent(ctx, m) : null;
    if (named) (g.system = named.id), (g.name = designation(ctx, named));
    // "the Russian S-400", "U.S. M1A1 Abrams tanks": a demonym or state name just before names the origin
    // ("Polish-made Sikorsky Black Hawk": also before the maker's name).
    const makerBefore = mentionAt(ctx, m.first - 1);
    const reach = makerBefore?.kind === "maker" && makerBefore.last === m.first - 1 ? makerBefore.first - 2 : m.first - 2;
    for (let k = m.first - 1; k >= Math.max(from, reach); k--) {
      if (occupied[k] === 1 || /[,;:]/.test(gapText(ctx, k, k + 1))) break;
      // « la commande grecque de Rafale »: a demonym before "de" qualifies the noun before it, not the item.
      if (ctx.lex.roles.at(ctx.folded, ctx.tokens, k)?.values.some((v) => v.role === "genitive")) break;
      const d = mentionAt(ctx, k);
      if (d?.kind === "demonym") g.origin = d.party;
      // ("Israel sold Azerbaijan weapons": a state right after a verb of giving is whom it gives to.)
      const given = !!d && d.first > 0 && triggerAt(ctx, d.first - 1)?.values[0]!.cls === "give";
      if (d?.kind === "state" && d.nameKind === "name" && d.last === m.first - 1 && !possessive(ctx, d) && !markerBefore(ctx, d.first - 1, from) && !given) {
        g.origin = d.party;
        origins.add(d.first);
      }
    }
    groups.push(g);
    prev = g;
  }
  // "commandé 24 exemplaires": a unit noun counts the system the article is about, also before an aside
  // naming a kind ("24 exemplaires, missiles compris").
  if (groups.every((g) => !g.system)) {
    for (let i = from; i < Math.min(to, groups[0]?.first ?? to); i++) {
      if (occupied[i] === 1 || mentionAt(ctx, i) || !isWordAt(ctx, KIND["unit-noun"], i)) continue;
      // ("gross domestic product", "units of the army": the noun counts items only after a figure or a determiner.)
      if (!countedOrDetermined(ctx, i - 1)) continue;
      // (« ce logiciel de NSO Group »: the product of the vendor named right after the noun.)
      const vendor = ctx.lex.roles.at(ctx.folded, ctx.tokens, i + 1)?.values.some((v) => v.role === "genitive") ? mentionAt(ctx, i + 2) : null;
      const product = vendor?.kind === "maker" && vendor.first === i + 2 ? productOf(ctx, vendor.id) : null;
      if (product) {
        groups.unshift({ first: i, last: i, ...product, origin: null });
        break;
      }
      const topic = topicSystem(ctx, null);
      if (topic) groups.unshift({ first: i, last: i, name: topic.label, category: topic.category!, system: topic.id, origin: null });
      break;
    }
  }
  // "Candiru systems", "a client of NSO": a surveillance maker named without its product stands for it.
  if (groups.length === 0) {
    for (let i = from; i < to; i++) {
      const m = mentionAt(ctx, i);
      if (!m || m.first !== i || m.kind !== "maker" || occupied[i] === 1) continue;
      const product = productOf(ctx, m.id);
      if (product) groups.push({ first: m.first, last: m.last, name: product.name, category: product.category, system: product.system, origin: null });
    }
  }
  // "A C-17 landed at Clark Air Base, carrying launchers": a vehicle told, in a phrase set off after it, as carrying the
  // items after it is no item ("TB2 drones carrying munitions" are armed with them).
  const carried = groups.filter((g, k) => carries(ctx, g.last + 1, groups[k + 1]?.first ?? to));
  // A generic noun of the same category as a named system in the clause is the same item.
  return groups.filter((g) => !carried.includes(g) && (g.system !== null || !groups.some((o) => o.system && o.category === g.category)));
}

/** Is token k a letter run that may belong to a designation: capitalised, or glued to a figure ("GM200", "2A7")? */
function designationLetters(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k]!;
  if (/\d/.test(t.text)) return false;
  if (isCapitalised(ctx, k)) return true;
  return figureGluedTo(ctx, k - 1, k) || figureGluedTo(ctx, k + 1, k);
}

/** Is token j a figure glued to token k? (A function, not a closure: tsx names every closure made, at a cost per call.) */
function figureGluedTo(ctx: Context, j: number, k: number): boolean {
  return /\d/.test(ctx.tokens[j]?.text ?? "") && gapText(ctx, Math.min(j, k), Math.max(j, k)) === "";
}

/** May token k be part of a designation the catalog does not know: a figure or such letters, no word of the lexicons? */
function designationToken(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t || mentionAt(ctx, k)) return false;
  // ("OPV 58 S", "Zastava-12 M": a capital letter or two after a figure is a variant, whatever word it also spells.)
  if (/^\d+$/.test(ctx.tokens[k - 1]?.text ?? "") && /^[A-Z]{1,2}$/.test(ctx.text.slice(t.start, t.end))) return true;
  if (ctx.lex.wordKinds.isListed(t.entry) || countWords(ctx.lang as Lang).has(t.text) || dateWords(ctx.lang as Lang).has(t.text)) return false;
  return /^\d+$/.test(t.text) || designationLetters(ctx, k);
}

/**
 * "24 Wolfhound-3 armoured vehicles", « trois patrouilleurs OPV 58 S »: a designation the catalog does not know,
 * written right before (or, as French puts it, right after) a generic noun — capitalised letters with a figure, joined
 * by nothing, a hyphen or one space. A count before it, a calibre ("155mm"), a decade ("1970s") or a layout ("6x6")
 * names nothing.
 */
function uncataloguedDesignation(ctx: Context, noun: Mention, from: number, to: number): string | null {
  let first = noun.first;
  while (first - 1 >= from && joinedAfter(ctx, first - 1) && designationToken(ctx, first - 1)) first--;
  let last = noun.last;
  if (first === noun.first && joinedAfter(ctx, noun.last)) while (last + 1 < to && (last === noun.last || joinedAfter(ctx, last)) && designationToken(ctx, last + 1)) last++;
  const [a, b] = first < noun.first ? [first, noun.first - 1] : [noun.last + 1, last];
  let start = a;
  while (start <= b && /^\d+$/.test(ctx.tokens[start]!.text)) start++;
  if (start > b || !isCapitalised(ctx, start) || b - start > 4) return null;
  let figure = false;
  for (let k = start + 1; k <= b; k++) if (/^\d+$/.test(ctx.tokens[k]!.text)) figure = true;
  // ("le logiciel espion NoviSpy", "NoviSpy spyware": software is named by a word alone.)
  const software = (noun.category === "spyware" || noun.category === "surveillance") && start === b && !isWordAt(ctx, KIND["software-noun"], start);
  return figure || software ? ctx.text.slice(ctx.tokens[start]!.start, ctx.tokens[b]!.end) : null;
}

/** Is the gap after token a nothing, a hyphen or one space? (A function, not a closure: tsx names every closure made, at a cost per call.) */
function joinedAfter(ctx: Context, a: number): boolean {
  return /^(|-| )$/.test(gapText(ctx, a, a + 1));
}

/** Does a carrying word ("transporting", « transportant », or "carrying" after a comma) stand in [from, to)? */
function carries(ctx: Context, from: number, to: number): boolean {
  // ("carrying" also arms: right after the item, "drones carrying munitions" are armed with them; not after a verb
  // of its own, "planes landed in Belgrade carrying the FK-3".)
  for (let k = from; k < to; k++) if (phraseAt(ctx, "carrying", k) && (!phraseAt(ctx, "armed-with", k) || /,/.test(gapText(ctx, from - 1, k)) || triggerSince(ctx, from, k))) return true;
  return false;
}


/** Does "for" ("pour"), maybe with its article, stand right before token `i`? */
function platformFor(ctx: Context, i: number): boolean {
  const k = isWordAt(ctx, KIND["definite"], i - 1) || isWordAt(ctx, KIND["determiner"], i - 1) ? i - 2 : i - 1;
  return isWordAt(ctx, KIND["platform-for"], k);
}

/** A system as written, less a generic noun the catalog's alias ends in ("K2 tanks" is the K2, "Alpha Jet" stays). */
function designation(ctx: Context, m: Mention): string {
  const bracketed = bracketedShortForm(ctx, m);
  if (bracketed) return bracketed;
  const written = singular(ctx, m, ctx.text.slice(m.start, m.end));
  if (m.last === m.first) return written;
  const short = ctx.text.slice(m.start, ctx.tokens[m.last - 1]!.end);
  const same = gazetteerFor(ctx.catalog, ctx.lang).match(short).some((g) => g.start === 0 && g.end === short.length && g.targets.some((t) => t.kind === "system" && t.id === m.id));
  const generic = gazetteerFor(ctx.catalog, ctx.lang).match(ctx.text.slice(ctx.tokens[m.last]!.start, m.end)).some((g) => g.targets.some((t) => t.kind === "category"));
  if (same && generic) return short;
  if (lowercaseName(ctx, m)) return mainName(ctx, m, written);
  // « le logiciel Pegasus »: a common noun opening the catalog's name is no part of the designation.
  const tail = ctx.text.slice(ctx.tokens[m.first + 1]!.start, m.end);
  const lowercase = !isCapitalised(ctx, m.first) && !/\d/.test(ctx.tokens[m.first]!.text);
  if (lowercase && gazetteerFor(ctx.catalog, ctx.lang).match(tail).some((g) => g.start === 0 && g.end === tail.length && g.targets.some((t) => t.kind === "system" && t.id === m.id))) return tail;
  return written;
}

/** "Terminal High Altitude Area Defense (THAAD)": the short form in brackets right after a name spelled out, for the same system. */
function bracketedShortForm(ctx: Context, m: Mention): string | null {
  for (let k = m.last + 1; k <= m.last + 2; k++) {
    const next = mentionAt(ctx, k);
    if (!next || next.first !== k) continue;
    const shorter = next.id === m.id && next.end - next.start < m.end - m.start;
    return shorter && /^\s*\(\s*$/.test(ctx.text.slice(m.end, next.start)) && /^\s*\)/.test(ctx.text.slice(next.end, next.end + 3)) ? ctx.text.slice(next.start, next.end) : null;
  }
  return null;
}

/** « une frégate de défense et d'intervention »: a name the catalog also writes as a description goes by its main name, when one word, else by its shortest one-word name ("FDI"). */
function mainName(ctx: Context, m: Mention, written: string): string {
  const names = ctx.catalog.systems.get(m.id)?.names ?? [];
  let main = names[0] && oneWord(names[0].text) ? names[0].text : undefined;
  if (!main) for (const n of names) if (oneWord(n.text) && (!main || n.text.length < main.length)) main = n.text;
  return !main || fold(main) === fold(written) ? written : main;
}

/** A name of one word with no figure ("CAESAR", "FDI", not "FDI HN" nor "K-9"). */
function oneWord(text: string): boolean {
  return !/[\s\d-]/.test(text);
}

/** Is every word of the mention written in small letters, with no figure (a description, not a designation)? */
function lowercaseName(ctx: Context, m: Mention): boolean {
  for (let k = m.first; k <= m.last; k++) if (isCapitalised(ctx, k) || /\d/.test(ctx.tokens[k]!.text)) return false;
  return true;
}

/** "Rafales", "TB2s", "Leopard 2s": a designation in the plural is named in the singular the catalog gives it. */
function singular(ctx: Context, m: Mention, written: string): string {
  const stem = written.replace(/(?<=\w)['’]?s$/u, "");
  if (stem === written) return written;
  const whole = gazetteerFor(ctx.catalog, ctx.lang).match(stem).some((g) => g.start === 0 && g.end === stem.length && g.targets.some((t) => t.kind === "system" && t.id === m.id));
  return whole ? stem : written;
}

/** The designation the document names most (of one category, or of any), if named at least twice. */
export function topicSystem(ctx: Context, category: Category | null): Mention | null {
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

/** Does "armed with" (or its like, in `words.tsv`) stand just before token `i`? */
export function armedWith(ctx: Context, i: number, floor: number): boolean {
  for (let k = Math.max(floor, i - 7); k < i; k++) {
    if (!opensWordsAt(ctx, KIND["armed-with"], k) && !opensWordsAt(ctx, KIND["aboard"], k)) continue;
    const m = ctx.lex.phrases.at(ctx.folded, ctx.tokens, k);
    // "était équipée de drones", "was equipped with": then the equipping is the transfer.
    const blocked = isWordAt(ctx, KIND["armed-with-blocker"], k - 1);
    if (m && !blocked && m.values.some((v) => v.kind === "armed-with" || v.kind === "aboard") && m.last >= i - 3 && m.last < i && (m.values.some((v) => v.kind === "aboard") || itemJustBefore(ctx, k, floor))) return true;
  }
  return false;
}

/**
 * The spyware a document is about, for a clause that says a state hacked without naming the tool: the surveillance
 * product or vendor the document names (first), with the vendor's state as its origin.
 */
export function documentSpyware(ctx: Context, at: { first: number; last: number }): ItemGroup | null {
  for (const m of ctx.mentions) {
    if (m.kind === "system" && (m.category === "spyware" || m.category === "surveillance")) {
      const sys = ctx.catalog.systems.get(m.id);
      return { ...at, name: m.label, category: m.category, system: m.id, origin: sys?.origin ?? null };
    }
    if (m.kind !== "maker") continue;
    const product = productOf(ctx, m.id);
    if (product) return { ...at, ...product, origin: m.party };
  }
  return null;
}

/**
 * Is an item named right before token k, with no comma between but the one setting off the phrase ("TB2s armed with",
 * "drones TB2, équipés de")? ("Flights from the UAE landed in Chad, carrying weapons": what nothing named carries is sent.)
 */
function itemJustBefore(ctx: Context, k: number, floor: number): boolean {
  for (let j = k - 1; j >= Math.max(floor, k - 3); j--) {
    // ("24 drones TB2, équipés de missiles": a comma may set off the phrase itself.)
    if (j < k - 1 && /[,;:]/.test(gapText(ctx, j, j + 1))) return false;
    const m = mentionAt(ctx, j);
    if (m && (m.kind === "system" || m.kind === "category")) return true;
  }
  return false;
}

/** The product a surveillance maker stands for: the one the document names, else the category all its products share. */
function productOf(ctx: Context, maker: string): { name: string | null; category: Category; system: string | null } | null {
  if (ctx.catalog.makers.get(maker)?.sector === "defence") return null;
  const products = surveillanceProducts(ctx, maker);
  // ("Huawei technicians helped Zambian authorities spy on bloggers": a surveillance maker the catalog lists no product of
  // stands for surveillance technology unnamed.)
  if (products.length === 0) return ctx.catalog.makers.get(maker)?.sector === "surveillance" ? { name: null, category: "surveillance", system: null } : null;
  const named = products.map((p) => firstMention(ctx, "system", p.id)).find((m) => m);
  if (named) return { name: ctx.text.slice(named.start, named.end), category: named.category!, system: named.id };
  const categories = new Set(products.map((p) => p.category));
  return categories.size === 1 ? { name: null, category: products[0]!.category, system: null } : null;
}

/** Does a rate marker ("at a rate of", « à raison de ») end within the three words before token k? */
function rateBefore(ctx: Context, k: number): boolean {
  for (let d = 1; d <= 3; d++) if (phraseEndsAt(ctx, "rate-marker", k - d)) return true;
  return false;
}

/**
 * "The Rafale deal comes months after the UAE ordered 80 of the jets": the count of a generic noun of the item's kind
 * that the clause's named system stands for (the noun is no item of its own).
 */
export function countOfGeneric(ctx: Context, g: ItemGroup, items: ItemGroup[], from: number, to: number, q: Quantities): number | null {
  if (items.length !== 1 || !g.system) return null;
  for (let k = from; k < to; k++) {
    const m = mentionAt(ctx, k);
    if (!m || m.first !== k || m.kind !== "category" || m.category !== g.category || (m.first >= g.first && m.last <= g.last)) continue;
    const n = quantityBefore(ctx, { first: m.first, last: m.last, name: null, category: g.category, system: null, origin: null }, items, from, q);
    if (n != null) return n;
  }
  return null;
}

/** Does a noun of people (a role that speaks, "officials", « dirigeants ») stand in [from, to)? */
function peopleBetween(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((isWordAt(ctx, KIND["role"], k) || isWordAt(ctx, KIND["person-role"], k)) && !mentionAt(ctx, k)) return true;
  return false;
}

export function quantityBefore(ctx: Context, g: ItemGroup, items: ItemGroup[], from: number, q: Quantities): number | null {
  const start = ctx.tokens[g.first]!.start;
  // "18 more U.S.-made HIMARS": a count may stand six words before its item, across "more" and an origin.
  const floor = ctx.tokens[Math.max(from, g.first - 6)]!.start;
  let best: NumberMention | null = null;
  for (const n of within(q.numbers, floor - 40, start)) {
    if (n.end > start || n.end < floor) continue;
    if (overlapped(q.money, n.start, n.end) || covered(q.times, n.start, n.end)) continue;
    const between = ctx.text.slice(n.end, start);
    const next = tokenLowerBound(ctx.tokens, n.end);
    const gap = tokenLowerBound(ctx.tokens, start) - next;
    if (/[,;()]|\.(\s|$)/.test(between) || (gap > 3 && !isWordAt(ctx, KIND["more-word"], next))) continue;
    // ("quatre anciens gérants du groupe FinFisher": a count of people before the item counts no item.)
    if (peopleBetween(ctx, next, tokenLowerBound(ctx.tokens, start))) continue;
    // "obus de 35 mm pour Gepard", "a 155mm gun": a calibre, range or weight is no count.
    // ("250 M1A2 Abrams": a whole word only; the "m" of a designation is no metre.)
    const unit = /^\s*([\p{L}%]+)(?![\p{L}\p{N}])/u.exec(ctx.folded.slice(n.end, n.end + 24));
    if (unit && (unit[1] === "%" || isWord(ctx, KIND["measure-unit"], unit[1]!))) continue;
    // "the Block 15 aircraft", "au standard F3": a figure after a version noun names the version, it counts nothing.
    if (isWordAt(ctx, KIND["version-number-noun"], tokenLowerBound(ctx.tokens, n.start) - 1)) continue;
    // "une production nationale de drones": an article is a count only right before its item.
    // ("a fourth IRIS-T system", « une deuxième batterie »: an article before an ordinal counts one more.)
    if (n.value === 1 && gap > 0 && isWord(ctx, KIND["indefinite-article"], ctx.folded.slice(n.start, n.end)) && !isWordAt(ctx, KIND["ordinal"], next)) continue;
    // "at a rate of 3 to 5 aircraft per year", « au rythme de deux avions par an »: a rate counts no deal.
    if (rateBefore(ctx, tokenLowerBound(ctx.tokens, n.start))) continue;
    if (!best || n.end > best.end) best = n;
  }
  if (!best && isWordAt(ctx, KIND["ordinal"], g.first - 1) && isWordAt(ctx, KIND["indefinite-article"], g.first - 2)) return 1;
  if (!best || !Number.isInteger(best.value) || best.value < 1 || best.value > 10_000_000) return null;
  // "36 Rafale and Meteor missiles": a count before another item counts that one.
  const counted = tokenLowerBound(ctx.tokens, best.end);
  if (items.some((h) => h !== g && h.first >= counted && h.last < g.first)) return null;
  // "400 tanks and howitzers", « 400 chars et obusiers »: one count before two platforms joined bare is their total
  // ("deux hélicoptères et des radars": a noun with its own article is not counted with it).
  // ("12 Rafale or Typhoon jets": a count before alternatives counts whichever it is.)
  const joined = items.find((h) => h.first > g.last && h.first === g.last + 2 && isWordAt(ctx, KIND["coordination"], g.last + 1) && !isWordAt(ctx, KIND["alternative"], g.last + 1));
  if (joined && !JOINT_COUNT_EXCLUDED.has(joined.category) && !JOINT_COUNT_EXCLUDED.has(g.category)) return null;
  return best.value;
}

/** What is counted apart from the platforms it is listed with ("12 Rafale and Meteor missiles"). */
const JOINT_COUNT_EXCLUDED = new Set<Category>(["ammunition", "missile", "other"]);

/**
 * "Jakarta's Rafale acquisition comprises 42 units", « la commande porte sur 12 exemplaires »: a count of unit nouns
 * later in the clause counts its only item.
 */
export function unitCount(ctx: Context, items: ItemGroup[], to: number, q: Quantities): number | null {
  if (items.length !== 1) return null;
  const from = ctx.tokens[items[0]!.last]!.end;
  for (const n of within(q.numbers, from, ctx.tokens[to - 1]!.end)) {
    if (overlapped(q.money, n.start, n.end) || covered(q.times, n.start, n.end)) continue;
    const next = tokenLowerBound(ctx.tokens, n.end);
    if (next >= to || !isWordAt(ctx, KIND["unit-noun"], next) || mentionAt(ctx, next)) continue;
    return Number.isInteger(n.value) && n.value >= 1 && n.value <= 10_000_000 ? n.value : null;
  }
  return null;
}

/** "50 F-35 jets worth $10.4 billion": money right after an item is that item's value. */
export function moneyOf(ctx: Context, g: ItemGroup, to: number, q: Quantities): { amount: number; currency: string } | null {
  const end = ctx.tokens[g.last]!.end;
  const limit = ctx.tokens[Math.min(to - 1, g.last + 5)]!.end;
  const m = within(q.money, end, limit)[0];
  if (!m || /[,;:.]\s/.test(ctx.text.slice(end, m.start))) return null;
  return { amount: m.amount, currency: m.currency };
}

const productIndex = new WeakMap<object, Map<string, SystemEntry[]>>();
/** The spyware and surveillance products of each maker (indexed once per catalog). */
function surveillanceProducts(ctx: Context, maker: string): SystemEntry[] {
  let index = productIndex.get(ctx.catalog);
  if (!index) {
    index = new Map();
    for (const s of ctx.catalog.systems.values())
      if (s.maker && (s.category === "spyware" || s.category === "surveillance")) index.set(s.maker, [...(index.get(s.maker) ?? []), s]);
    productIndex.set(ctx.catalog, index);
  }
  return index.get(maker) ?? [];
}
