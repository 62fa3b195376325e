import type { Catalog } from "../catalog/types.ts";
import type { Frame } from "./frames.ts";
import type { Status } from "./lexicon.ts";

/** How far a deal has gone: a later stage replaces an earlier one when frames fold. */
const STAGE: Record<Status, number> = { unknown: 0, negotiating: 1, offered: 2, ordered: 3, delivered: 4, cancelled: 5 };

/** The system family root, so a variant and its parent are the same item. */
function familyOf(catalog: Catalog, id: string | null): string | null {
  let cur = id;
  for (let guard = 0; cur && guard < 5; guard++) {
    const parent = catalog.systems.get(cur)?.family;
    if (!parent) return cur;
    cur = parent;
  }
  return cur;
}

/** A frame with one party missing takes it from the last frame of the same or previous paragraph that agrees on the other. */
export function carryParties(frames: Frame[]): Frame[] {
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    if (f.recipient && f.supplier) continue;
    for (let j = i - 1; j >= 0; j--) {
      const p = frames[j]!;
      if (f.paragraph - p.paragraph > 1) break;
      if (!f.recipient && p.recipient && (!f.supplier || p.supplier === f.supplier) && p.recipient !== f.supplier) {
        f.recipient = p.recipient;
        f.rules.push("role/recipient-carried");
        break;
      }
      if (!f.supplier && p.supplier && p.recipient === f.recipient && f.recipient) {
        f.supplier = p.supplier;
        f.rules.push("role/supplier-carried");
        break;
      }
    }
  }
  return frames;
}

function same(catalog: Catalog, a: Frame, b: Frame): boolean {
  if (a.supplier !== b.supplier || a.recipient !== b.recipient || a.item.category !== b.item.category) return false;
  if ((a.stance === "denied") !== (b.stance === "denied")) return false;
  if (b.separate) return false;
  if (a.item.system && b.item.system && familyOf(catalog, a.item.system) !== familyOf(catalog, b.item.system)) return false;
  return true;
}

function filled(f: Frame): number {
  return [f.item.name, f.quantity, f.value, f.time, f.maker].filter((x) => x != null).length + f.sources.length;
}

/** Folds the frames of one deal into one: furthest stage, the deal's quantity and value, the time range, the fullest chain. */
export function foldDeals(catalog: Catalog, frames: Frame[]): Frame[][] {
  const deals: Frame[][] = [];
  for (const f of frames) {
    const deal = deals.find((d) => d.every((g) => same(catalog, g, f) || same(catalog, f, g)) && same(catalog, d[0]!, f));
    if (deal) deal.push(f);
    else deals.push([f]);
  }
  return deals;
}

/** One frame standing for a folded deal. */
export function mergeDeal(deal: Frame[]): Frame {
  const best = [...deal].sort((a, b) => filled(b) - filled(a))[0]!;
  const out: Frame = { ...best, item: { ...best.item }, rules: [...best.rules], sources: [...best.sources], targets: [...best.targets] };
  for (const f of deal) {
    if (STAGE[f.status] > STAGE[out.status]) out.status = f.status;
    if (!out.item.name && f.item.name) out.item = { ...f.item };
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
  out.quantity = ordered?.quantity ?? deal.find((f) => f.quantity != null)?.quantity ?? null;
  if (deal.some((f) => f.stance === "asserted") && out.stance === "alleged") out.stance = deal.every((f) => f.stance !== "asserted") ? "alleged" : "asserted";
  if (deal.length > 1) out.rules.push(`deal/folded-${deal.length}`);
  return out;
}
