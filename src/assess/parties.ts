import type { SourceRef } from "../resolve/names.ts";
import { refName, sameParty, type ProvenanceContext } from "./roots.ts";

/** One party among an assertion's roots: the references that rule 4 counts as one source. */
export interface Party {
  name: string;
  refs: SourceRef[];
  /** Why references were joined, in words. */
  why: string[];
}

/**
 * Groups roots into parties (README rule 4): same source by catalog entry or by name; a government named without
 * its state is the one government of the transfer's parties among the roots; a speaker tied to a government is that
 * government when it, or another of its speakers, is among the roots.
 */
export function groupParties(ctx: ProvenanceContext, refs: SourceRef[], parties: { supplier: string | null; recipient: string | null; outletStates: (string | null)[] }): { of: (r: SourceRef) => Party; all: Party[] } {
  const unique: SourceRef[] = [];
  for (const r of refs) if (!unique.some((u) => u === r)) unique.push(r);
  const states = new Set(unique.flatMap((r) => (r.kind === "government" && r.state ? [r.state] : [])));
  const transferStates = [parties.supplier, parties.recipient].filter((s): s is string => !!s);
  const settle = (r: SourceRef, i: number): { ref: SourceRef; why?: string } => {
    if (r.kind === "government" && !r.state) {
      const known = [...states].filter((s) => transferStates.includes(s));
      const state = known.length === 1 ? known[0]! : transferStates.includes(parties.outletStates[i] ?? "") ? parties.outletStates[i]! : null;
      if (state) return { ref: { ...r, state }, why: `"${r.written}" names no state: taken as the ${state} government, the one among the transfer's parties here` };
    }
    const tied = affiliation(r);
    if (tied) {
      const speakers = unique.filter((u) => affiliation(u) === tied && !sameParty(ctx, u, r));
      if (states.has(tied) || speakers.length > 0) return { ref: { kind: "government", state: tied, written: r.written }, why: `"${r.written}" speaks for the ${tied} government, which is also among the roots` };
    }
    return { ref: r };
  };
  const settled = refs.map((r, i) => settle(r, i));
  const groups: { refs: SourceRef[]; settled: SourceRef[]; why: string[] }[] = [];
  settled.forEach((s, i) => {
    const g = groups.find((x) => x.settled.some((y) => sameParty(ctx, y, s.ref)));
    const why = s.why ? [s.why] : [];
    if (g) {
      g.refs.push(refs[i]!);
      g.settled.push(s.ref);
      g.why.push(...why);
      if (refs[i]!.written !== g.refs[0]!.written) g.why.push(`"${refs[i]!.written}" is "${g.refs[0]!.written}"`);
    } else groups.push({ refs: [refs[i]!], settled: [s.ref], why });
  });
  const all: Party[] = groups.map((g) => ({ name: partyName(ctx, g.settled), refs: g.refs, why: [...new Set(g.why)] }));
  const of = (r: SourceRef) => all[groups.findIndex((g) => g.refs.includes(r))]!;
  return { of, all };
}

/** A party's name: the catalog's or the government's when it has one, otherwise its most frequent written form. */
function partyName(ctx: ProvenanceContext, refs: SourceRef[]): string {
  const formal = refs.find((r) => r.kind === "catalog") ?? refs.find((r) => r.kind === "government" && r.state);
  if (formal) return refName(ctx.catalog, formal);
  const counts = new Map<string, number>();
  for (const r of refs) counts.set(r.written, (counts.get(r.written) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0];
}

/** The state whose government a reference speaks for: a titled official's, or a catalog government body's. */
function affiliation(r: SourceRef): string | null {
  if (r.kind === "named") return r.state;
  if (r.kind === "catalog" && r.type === "government") return r.country;
  return null;
}
