import { fold } from "../catalog/fold.ts";
import { gazetteerFor } from "../catalog/gazetteer.ts";
import type { Catalog } from "../catalog/types.ts";
import { makeFrame, type Frame } from "./frames.ts";
import { lexiconFor, type Status } from "./lexicon.ts";
import { AS_OF_STATEMENT } from "./types.ts";

/** How far a deal has gone: a later stage replaces an earlier one when frames fold. */
const STAGE: Record<Status, number> = { unknown: 0, negotiating: 1, offered: 2, ordered: 3, delivered: 4, cancelled: 5 };

/** The system family root, so a variant and its parent are the same item. */
export function familyOf(catalog: Catalog, id: string | null): string | null {
  let cur = id;
  for (let guard = 0; cur && guard < 5; guard++) {
    const parent = catalog.systems.get(cur)?.family;
    if (!parent) return cur;
    cur = parent;
  }
  return cur;
}

/** How many open deals between the same parties a frame is compared with (the latest ones). */
const FOLD_REACH = 50;

/** How many earlier frames a frame looks back at for a missing party. */
const CARRY_REACH = 40;

/** Is `p` an earlier frame about the same item as `f` (same system family, or same category when neither is named)? */
function sameItem(catalog: Catalog, f: Frame, p: Frame): boolean {
  if (f.item.category !== p.item.category) return false;
  if (f.item.system && p.item.system) return familyOf(catalog, f.item.system) === familyOf(catalog, p.item.system);
  return true;
}

/**
 * A frame with one party missing takes it from an earlier frame about the same item that agrees on the other party
 * (the latest such frame within reach), else from the latest frame of its paragraph; a recipient still missing is the
 * article's topic recipient, when one country receives most of what the article tells.
 */
export function carryParties(catalog: Catalog, frames: Frame[]): Frame[] {
  const fits = (f: Frame, p: Frame) =>
    (!f.recipient && p.recipient && (!f.supplier || p.supplier === f.supplier) && p.recipient !== f.supplier) ||
    (!f.supplier && p.supplier && (!f.recipient || p.recipient === f.recipient) && p.supplier !== f.recipient);
  const topic = topicRecipient(frames);
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    // "The agency reported that the deal covers 24 drones", "The contract also includes AIM-9X missiles": a deal told
    // again is the deal signed just before (not one only talked of), whatever its item, up to two paragraphs back; its
    // parties outweigh a seller guessed from the make.
    const guessed = f.rules.includes("role/supplier-origin") || f.rules.includes("role/supplier-maker");
    if (f.dealAnaphor && !f.recipient && (!f.supplier || guessed)) {
      const deal = frames.slice(Math.max(0, i - CARRY_REACH), i).reverse().find((p) => p.recipient && p.supplier && (p.status === "ordered" || p.status === "delivered") && f.paragraph - p.paragraph <= 2);
      if (deal) {
        f.supplier = deal.supplier;
        f.recipient = deal.recipient;
        // ("L’accord … comprend 15 Gripen E et 2 Gripen F": what the deal told again holds, in the same voice, is part of it.)
        if (sameItem(catalog, f, deal) && sameOrigin(catalog, f, deal)) f.continues ??= deal;
        f.rules.push("role/parties-of-deal");
        continue;
      }
    }
    // "Nigeria has taken delivery of six A-29s from the United States. … the aircraft touched down in Kano": a seller
    // guessed from the make gives way to the one told before for the same item and buyer.
    if (f.recipient && f.supplier && (guessed || f.rules.includes("item/topic-system"))) {
      const told = frames.slice(Math.max(0, i - CARRY_REACH), i).reverse().find((p) => p.recipient === f.recipient && p.rules.includes("role/supplier-marked") && sameItem(catalog, f, p));
      if (told && told.supplier !== f.supplier) (f.supplier = told.supplier), f.rules.push("role/supplier-told-before");
    }
    if (f.recipient && f.supplier) continue;
    // A frame that names neither party takes both only from its own paragraph ("…, the Western tank deliveries").
    const neither = !f.recipient && !f.supplier;
    let donor: Frame | undefined;
    for (let j = i - 1; j >= Math.max(0, i - CARRY_REACH) && !donor; j--) {
      const p = frames[j]!;
      const named = p.item.system && f.item.system;
      const reach = neither ? f.paragraph === p.paragraph : named || f.paragraph - p.paragraph <= 2;
      if (fits(f, p) && sameItem(catalog, f, p) && reach) donor = p;
    }
    for (let j = i - 1; j >= Math.max(0, i - CARRY_REACH) && !donor; j--) if (frames[j]!.paragraph === f.paragraph && fits(f, frames[j]!)) donor = frames[j];
    // "Mali received two helicopters. The shipment was supplied by Russia.": the next sentence may name the party.
    for (let j = i + 1; j < frames.length && !donor && frames[j]!.sentence <= f.sentence + 1; j++) {
      const n = frames[j]!;
      // The next frame's other party is still to be carried (from this one), so only the party it names must agree.
      const completes = (!f.supplier && n.supplier && (!n.recipient || n.recipient === f.recipient) && n.supplier !== f.recipient) || (!f.recipient && n.recipient && (!n.supplier || n.supplier === f.supplier) && n.recipient !== f.supplier);
      if (n.sentence > f.sentence && n.paragraph === f.paragraph && completes && (sameItem(catalog, f, n) || (HYPERNYMS.other!.includes(f.item.category) && n.item.category === "other"))) donor = n;
    }
    if (!donor && !f.recipient && topic && topic !== f.supplier) {
      f.recipient = topic;
      f.rules.push("role/recipient-topic");
      continue;
    }
    if (!donor) continue;
    if (!f.recipient) (f.recipient = donor.recipient), f.rules.push("role/recipient-carried");
    if (!f.supplier) (f.supplier = donor.supplier), f.rules.push("role/supplier-carried");
  }
  return frames;
}

/** How far into the body a headline looks for the supplier the body names. */
const HEADLINE_REACH = 3;

/**
 * "Greece admits Predator went to Sudan" told as "Predator went to Sudan": a headline whose supplier is only the
 * system's state of origin takes the supplier the body's first paragraphs name for the same item and recipient.
 */
export function headlineSuppliers(catalog: Catalog, frames: Frame[]): Frame[] {
  const guessed = (f: Frame) => f.rules.includes("role/supplier-origin") || f.rules.includes("role/supplier-maker");
  for (const f of frames) {
    if (f.paragraph !== 0 || !guessed(f)) continue;
    const told = frames.find((b) => b.paragraph > 0 && b.paragraph <= HEADLINE_REACH && b.recipient === f.recipient && b.rules.includes("role/supplier-marked") && sameItem(catalog, f, b));
    if (told && told.supplier !== f.supplier) {
      f.supplier = told.supplier;
      f.rules.push("role/supplier-from-body");
    }
  }
  return frames;
}

/** The recipient most frames name, when it is at least half of them: the country an article is about. */
function topicRecipient(frames: Frame[]): string | null {
  const counts = new Map<string, number>();
  let n = 0;
  for (const f of frames) if (f.recipient) (n++, counts.set(f.recipient, (counts.get(f.recipient) ?? 0) + 1));
  for (const [r, c] of counts) if (c >= 2 && c * 2 >= n) return r;
  return null;
}

/** Months between the end of one time range and the start of the other (0 when they overlap). */
function gapMonths(a: Frame["time"], b: Frame["time"]): number {
  if (!a || !b) return 0;
  return Math.max(0, monthIndex(b.from, false) - monthIndex(a.to, true), monthIndex(a.from, false) - monthIndex(b.to, true));
}

/** A date as a count of months ("2020" is its first month, or its last as the `end` of a range). */
function monthIndex(s: string, end: boolean): number {
  const [y, mo] = s.split("-");
  return Number(y) * 12 + (mo ? Number(mo) - 1 : end ? 11 : 0);
}

/**
 * What different origins say are different claims, each with its own stance and chain ("Iran had sent dozens", per one;
 * "was preparing to send more", per another): the register, not the article, merges them. A headline sums up its
 * body, whatever name it gives the source.
 */
function sameOrigin(catalog: Catalog, a: Frame, b: Frame): boolean {
  const headline = a.paragraph === 0 || b.paragraph === 0;
  if (headline || !a.sources.length || !b.sources.length) return true;
  // "Amnesty" and "Amnesty International", "Morocco" and "Morocco's authorities" name one origin.
  const [x, y] = [fold(a.sources[0]!), fold(b.sources[0]!)].sort((p, q) => p.length - q.length) as [string, string];
  if (x === y || (y.startsWith(x) && /^[\s'’]/.test(y.slice(x.length)))) return true;
  // "the Pentagon said" and "the Defense Security Cooperation Agency said": one government speaks.
  const government = governmentOf(catalog, a.sources[0]!);
  return government !== null && government === governmentOf(catalog, b.sources[0]!);
}

const governments = new WeakMap<Catalog, Map<string, string | null>>();
const NOT_LETTERS = /[^\p{L}]+/u;
/** Words for a state's own bodies, in the languages read first (`state-body` in their words.tsv), read on first use. */
let governmentWords: Set<string> | null = null;

/** The state whose government a chain name is: a catalog source of type government or the state itself, named whole, or one state beside a body word. */
function governmentOf(catalog: Catalog, name: string): string | null {
  let known = governments.get(catalog);
  if (!known) governments.set(catalog, (known = new Map()));
  let state = known.get(name);
  if (state !== undefined) return state;
  state = null;
  const matches = ["en", "fr"].flatMap((lang) => gazetteerFor(catalog, lang).match(name));
  for (const m of matches) {
    if (m.start !== 0 || m.end !== name.length) continue;
    for (const t of m.targets) {
      const source = t.kind === "source" ? catalog.sources.get(t.id) : undefined;
      if (source?.type === "government" && source.country) state = source.country;
      else if (t.kind === "state" && t.nameKind !== "demonym") state = t.id;
    }
  }
  // "New Delhi's defence ministry", "a spokesperson for India's defence ministry": one state and a body of its own.
  if (state === null) {
    const states = new Set(matches.flatMap((m) => m.targets.filter((t) => t.kind === "state").map((t) => t.id)));
    const words = fold(name).split(NOT_LETTERS);
    governmentWords ??= new Set(["en", "fr"].flatMap((l) => [...(lexiconFor(l).words.get("state-body") ?? [])]));
    if (states.size === 1 && words.some((w) => governmentWords!.has(w))) state = [...states][0]!;
  }
  // Chain names repeat across documents; the memo is cleared rather than left to grow without bound.
  if (known.size > 10_000) known.clear();
  known.set(name, state);
  return state;
}

/** Longest span, in months, between an order and the delivery of what it bought, as one deal. */
const ORDER_TO_DELIVERY = 96;

/** Is one frame an order and the other a delivery of it, told as later and within {@link ORDER_TO_DELIVERY}? */
function deliveredAfterOrder(a: Frame, b: Frame): boolean {
  const [order, delivery] = a.status === "ordered" ? [a, b] : [b, a];
  if (order.status !== "ordered" || delivery.status !== "delivered" || !order.time || !delivery.time) return false;
  const months = monthIndex(delivery.time.from, false) - monthIndex(order.time.to, true);
  return months > 0 && months <= ORDER_TO_DELIVERY;
}

/** A time that names one day. */
const onDay = (t: Frame["time"]) => !!t && t.from === t.to && /^\d{4}-\d{2}-\d{2}$/.test(t.from);

function same(catalog: Catalog, a: Frame, b: Frame): boolean {
  if (a.supplier !== b.supplier || a.recipient !== b.recipient || a.item.category !== b.item.category) return false;
  if ((a.stance === "denied") !== (b.stance === "denied")) return false;
  // "Moscow and Tehran have denied…": the denials of two governments are two claims.
  if (a.stance === "denied" && a.sources.length && b.sources.length) {
    const [x, y] = [governmentOf(catalog, a.sources[0]!), governmentOf(catalog, b.sources[0]!)];
    if (x && y && x !== y) return false;
  }
  if (a.separate !== b.separate) return false;
  // "The United States is Taiwan's only arms supplier": who supplies whom is no stage of a deal.
  if (!!a.relationship !== !!b.relationship) return false;
  // Two orders at different times, or dates years apart, are two deals — unless a delivery follows the order, as
  // deliveries of aircraft and ships do years on ("ordered 14 Su-57s in 2019", "has received its first" in 2025).
  const gap = gapMonths(a.time, b.time);
  if ((gap > 24 && !deliveredAfterOrder(a, b)) || (gap > 0 && a.status === "ordered" && b.status === "ordered")) return false;
  // "reçu le 31 décembre 2021 deux hélicoptères… réceptionné le 30 mars 2022 deux hélicoptères": deliveries on
  // different days are different batches.
  if (a.status === "delivered" && b.status === "delivered" && onDay(a.time) && onDay(b.time) && a.time!.from !== b.time!.from) return false;
  if (!sameOrigin(catalog, a, b)) return false;
  // Different counts are different batches, unless a delivery (done or to come) is part of what was ordered.
  if (a.quantity != null && b.quantity != null && a.quantity !== b.quantity) {
    const [order, part] = a.quantity > b.quantity ? [a, b] : [b, a];
    // "Zagreb recevra un premier lot de six appareils": a batch still to come is part of the order too.
    const partial = order.status === "ordered" && (part.status === "delivered" || part.status === "offered");
    if (!partial) return false;
  }
  if (a.item.system && b.item.system && familyOf(catalog, a.item.system) !== familyOf(catalog, b.item.system)) return false;
  // "…Pinaka rocket launchers… Armenia ordered an artillery system from Bharat Forge": a generic item of a named
  // maker is no system another maker makes.
  const [named, generic] = a.item.system ? [a, b] : [b, a];
  if (named.item.system && !generic.item.system && generic.maker && !madeBy(catalog, named.item.system, generic.maker)) return false;
  return true;
}

/** Is the maker named `maker` the catalog's maker of the system (or the system's maker unknown)? */
function madeBy(catalog: Catalog, system: string, maker: string): boolean {
  const id = catalog.systems.get(system)?.maker;
  const entry = id ? catalog.makers.get(id) : undefined;
  return !entry || entry.names.some((n) => fold(n.text) === fold(maker));
}

function filled(f: Frame): number {
  return [f.item.name, f.quantity, f.value, f.time, f.maker].filter((x) => x != null).length + f.sources.length;
}

/** Folds the frames of one deal into one: furthest stage, the deal's quantity and value, the time range, the fullest chain. */
export function foldDeals(catalog: Catalog, frames: Frame[]): Frame[][] {
  const deals: Frame[][] = [];
  const byParties = new Map<string, Frame[][]>();
  const dealOf = new Map<Frame, Frame[]>();
  for (const f of frames) {
    // A frame that tells more of a deal already read joins it, whatever its date.
    const told = f.continues ? dealOf.get(f.continues) : undefined;
    if (told) {
      told.push(f);
      dealOf.set(f, told);
      continue;
    }
    const key = `${f.supplier}>${f.recipient}:${f.item.category}`;
    const candidates = byParties.get(key) ?? [];
    // Compared with the deal's first and last frames: enough to keep batches apart, linear in the document.
    let deal: Frame[] | undefined;
    for (let k = candidates.length - 1; k >= Math.max(0, candidates.length - FOLD_REACH) && !deal; k--) {
      const d = candidates[k]!;
      if (same(catalog, d[0]!, f) && same(catalog, d[d.length - 1]!, f)) deal = d;
    }
    if (deal) deal.push(f);
    else {
      deal = [f];
      deals.push(deal);
      candidates.push(deal);
      byParties.set(key, candidates);
    }
    dealOf.set(f, deal);
  }
  return deals;
}

/** Generic nouns that also name narrower kinds: "24 aircraft" may be the drones, "missiles" interceptors, "les armes" anything. */
const HYPERNYMS: Record<string, string[]> = { aircraft: ["uav", "helicopter"], missile: ["air-defence"], other: ["aircraft", "helicopter", "uav", "armoured-vehicle", "artillery", "missile", "air-defence", "ship", "small-arms", "ammunition"] };

/**
 * A deal told only with a generic noun joins a deal between the same parties whose item it can name, told in the
 * same or a neighbouring paragraph, or anywhere in the body for a deal told only in the headline.
 */
export function foldHypernyms(catalog: Catalog, deals: Frame[][]): Frame[][] {
  const out: Frame[][] = [];
  // (Who supplies whom, "Taiwan's only arms supplier", names no item of a deal.)
  const generic = new Set(deals.filter((d) => d.every((f) => !f.item.name && !f.relationship) && HYPERNYMS[d[0]!.item.category]));
  for (const d of deals) if (!generic.has(d)) out.push(d);
  for (const d of deals) {
    if (!generic.has(d)) continue;
    const narrower = HYPERNYMS[d[0]!.item.category]!;
    const hosts = out.filter(
      (o) =>
        o[0]!.supplier === d[0]!.supplier &&
        o[0]!.recipient === d[0]!.recipient &&
        narrower.includes(o[0]!.item.category) &&
        o.some((g) => (g.paragraph > 0 || o.length === 1) && g.stance === d[0]!.stance) &&
        sameOrigin(catalog, o[0]!, d[0]!) &&
        // (A deal told only in the headline sums up the whole body.)
        (d.every((f) => f.paragraph === 0) || d.every((f) => o.some((g) => Math.abs(g.paragraph - f.paragraph) <= 1))) &&
        // "des hélicoptères et avions russes": kinds of aircraft listed side by side in one clause are different items
        // ("…, which reported that the aircraft will be delivered": a definite one refers back).
        (d[0]!.item.category === "other" || !d.some((f) => !f.definiteItem && o.some((g) => g.first === f.first && g.end === f.end))),
    );
    // "d'armes ni de munitions", "arms and ammunition": unspecified arms, with the ammunition told in the same breath.
    const toldWith = (o: Frame[]) => o.every((g) => g.item.category === "ammunition" && !g.item.name && d.some((f) => f.sentence === g.sentence));
    const host = hosts.find(toldWith) ?? hosts[0];
    const armsAndAmmunition = host && toldWith(host);
    if (host && armsAndAmmunition) {
      const item = d[0]!.item;
      host.splice(0, host.length, ...[...host.map((g) => makeFrame({ ...g, item })), ...d].sort((a, b) => a.sentence - b.sentence));
    } else if (host) {
      host.push(...d.map((f) => makeFrame({ ...f, item: host[0]!.item })));
      host.sort((a, b) => a.sentence - b.sentence);
    } else out.push(d);
  }
  return out;
}

/** One frame standing for a folded deal. */
export function mergeDeal(deal: Frame[]): Frame {
  const best = [...deal].sort((a, b) => filled(b) - filled(a))[0]!;
  const out: Frame = { ...best, item: { ...best.item }, rules: [...best.rules], sources: [...best.sources], targets: [...best.targets] };
  // A deal is cancelled when the last sentence that tells of it, or its headline, says so; otherwise it reached its
  // furthest stage.
  const last = deal[deal.length - 1]!;
  const cancelled = deal.some((f) => f.status === "cancelled" && (f.sentence === last.sentence || f.paragraph === 0));
  out.status = cancelled ? "cancelled" : "unknown";
  // A headline compresses ("la Croatie achète douze Rafale"): the body says how far the deal went.
  const body = deal.filter((f) => f.paragraph > 0);
  for (const f of body.length ? body : deal) if (!cancelled && f.status !== "cancelled" && STAGE[f.status] > STAGE[out.status]) out.status = f.status;
  for (const f of deal) {
    if (f.item.name && (!out.item.name || f.item.name.length > out.item.name.length)) out.item = { ...f.item };
    if (out.value == null && f.value) out.value = f.value;
    if (out.maker == null && f.maker) out.maker = f.maker;
    if (out.intermediary == null && f.intermediary) out.intermediary = f.intermediary;
    if (f.time) {
      out.time = out.time
        ? { from: f.time.from < out.time.from ? f.time.from : out.time.from, to: f.time.to > out.time.to ? f.time.to : out.time.to }
        : { ...f.time };
    }
    if (f.sources.length > out.sources.length) out.sources = [...f.sources];
    for (const t of f.targets) if (!out.targets.includes(t)) out.targets.push(t);
  }
  const ordered = deal.find((f) => f.status === "ordered" && f.quantity != null);
  // ("the first batch of 12": a total told with a first delivery is the deal's count too.)
  const total = deal.find((f) => f.rules.includes("deal/first-of") && f.quantity != null);
  out.quantity = ordered?.quantity ?? total?.quantity ?? deal.find((f) => f.quantity != null)?.quantity ?? null;
  // The lede says how the article presents the deal ("have reportedly been delivered"); later detail does not unhedge it.
  const lede = body[0] ?? deal[0]!;
  // A headline's source ("…, Seoul's spy agency says") is the body's, told in full there.
  const told = body.find((f) => f.sources.length > 0);
  if (told && deal.some((f) => f.paragraph === 0 && f.sources.length > 0)) out.sources = [...told.sources];
  if (out.stance !== "denied") out.stance = lede.stance === "denied" ? out.stance : lede.stance;
  if (out.status === "unknown") out.status = best.status;
  // The deal's time is only as of a statement when every date it was given was a statement's.
  const timed = deal.filter((f) => f.time);
  out.rules = out.rules.filter((r) => r !== AS_OF_STATEMENT);
  if (timed.length > 0 && timed.every((f) => f.rules.includes(AS_OF_STATEMENT))) out.rules.push(AS_OF_STATEMENT);
  if (deal.length > 1) out.rules.push(`deal/folded-${deal.length}`);
  return out;
}
