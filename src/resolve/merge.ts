import { fold } from "../catalog/fold.ts";
import type { Catalog } from "../catalog/types.ts";
import { compatibleTimes, interval, type Interval } from "./time.ts";
import type { ClaimGroup, MergeReason, RegisterClaim } from "./types.ts";
import { gazetteerFor } from "../catalog/gazetteer.ts";

const systemIndex = new WeakMap<Catalog, Map<string, string>>();

/** The catalog system a written item name designates, or null when the catalog does not know it. */
export function systemOf(catalog: Catalog, name: string | null): string | null {
  if (!name) return null;
  let index = systemIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const s of catalog.systems.values()) for (const n of s.names) index.set(fold(n.text).replace(/[\s-]+/g, " "), s.id);
    systemIndex.set(catalog, index);
  }
  const exact = index.get(fold(name).replace(/[\s-]+/g, " "));
  if (exact) return exact;
  // A name with more words than the catalog's ("the IAI Harop loitering munition") is the system it contains.
  const hit = gazetteerFor(catalog, "en").match(name).flatMap((m) => m.targets).find((t) => t.kind === "system");
  return hit ? hit.id : null;
}

/** The root of a system's family (Harfang → Heron), so variants and their parents agree; unknown names stand for themselves. */
export function familyOf(catalog: Catalog, name: string | null): string | null {
  if (!name) return null;
  const id = systemOf(catalog, name);
  return id ? familyRoot(catalog, id) : `name:${fold(name).trim()}`;
}

/** The furthest catalog ancestor of a catalog system id (itself when it has none): what the register counts it as. */
export function familyRoot(catalog: Catalog, id: string): string {
  const seen = new Set<string>();
  let at = id;
  for (;;) {
    const parent = catalog.systems.get(at)?.family;
    if (!parent || seen.has(parent) || !catalog.systems.has(parent)) return at;
    seen.add(at);
    at = parent;
  }
}

/** The key claims must share to be one assertion, as a string. */
export function groupKey(c: { supplier: string | null; recipient: string | null; item: { category: string } }): string {
  return `${c.supplier ?? "-"}|${c.recipient ?? "-"}|${c.item.category}`;
}

/** The (supplier, recipient) pair: the unit the register recomputes, since no counting rule looks beyond it. */
export function pairKey(c: { supplier: string | null; recipient: string | null }): string {
  return `${c.supplier ?? "-"}|${c.recipient ?? "-"}`;
}

interface Placed {
  claim: RegisterClaim;
  family: string | null;
  time: Interval | null;
}

/** Orders claims by content only, so the groups do not depend on the order documents arrived in. */
function canonical(a: Placed, b: Placed): number {
  return (
    Number(a.claim.optional) - Number(b.claim.optional) ||
    Number(a.family === null) - Number(b.family === null) ||
    (a.time?.[0] ?? Infinity) - (b.time?.[0] ?? Infinity) ||
    (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0)
  );
}

/**
 * Merges claims into groups (README rule 2): equal supplier, recipient and category; systems of one family or
 * one of them unnamed; times overlapping or less than a year apart. A claim joins the first group all of whose
 * members it agrees with, so a claim with no system cannot bridge two different systems.
 */
export function mergeClaims(catalog: Catalog, claims: RegisterClaim[]): ClaimGroup[] {
  const byKey = new Map<string, Placed[]>();
  for (const claim of claims) {
    const p: Placed = { claim, family: familyOf(catalog, claim.item.name), time: interval(claim.time) };
    const k = groupKey(claim);
    byKey.get(k)?.push(p) ?? byKey.set(k, [p]);
  }
  const groups: ClaimGroup[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const placed = byKey.get(key)!.sort(canonical);
    const open: { members: Placed[]; family: string | null; reasons: MergeReason[] }[] = [];
    for (const p of placed) {
      const target = open.find((g) => g.members.every((m) => agree(m, p)));
      if (!target) {
        open.push({ members: [p], family: p.family, reasons: [{ claim: p.claim.id, joined: null, because: ["first member"] }] });
        continue;
      }
      const first = target.members[0]!;
      target.reasons.push({ claim: p.claim.id, joined: first.claim.id, because: why(first, p, target.family) });
      target.members.push(p);
      target.family ??= p.family;
    }
    for (const g of open) {
      const c = g.members[0]!.claim;
      groups.push({ supplier: c.supplier, recipient: c.recipient, category: c.item.category, system: g.family, members: g.members.map((m) => m.claim), reasons: g.reasons });
    }
  }
  return groups;
}

function agree(a: Placed, b: Placed): boolean {
  return (a.family === null || b.family === null || a.family === b.family) && compatibleTimes(a.time, b.time);
}

function why(first: Placed, p: Placed, family: string | null): string[] {
  const out = [`same supplier (${p.claim.supplier ?? "unknown"}), recipient (${p.claim.recipient ?? "unknown"}) and category (${p.claim.item.category})`];
  if (p.family && family) out.push(p.claim.item.name === first.claim.item.name ? `same system (${p.claim.item.name})` : `one system family (${p.claim.item.name} is of the ${family} family)`);
  else out.push(p.family ? `the group names no system yet; this claim names ${p.claim.item.name}` : "this claim names no system, so it does not contradict the group's");
  out.push(p.time ? "times overlap or are less than a year apart from every member's" : "no time given, compatible with any");
  return out;
}
