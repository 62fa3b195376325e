import { createHash } from "node:crypto";
import type { Category, SourceType } from "../catalog/types.ts";
import { fold } from "../catalog/fold.ts";
import { groupKey, mergeClaims } from "../resolve/merge.ts";
import type { SourceRef } from "../resolve/names.ts";
import type { ClaimGroup, MergeReason, RegisterClaim } from "../resolve/types.ts";
import { findConflicts, type Conflict, type ConflictKind } from "./conflicts.ts";
import { DEFAULT_RELIABILITY, grade, type Grade, type GradedOrigin, type Reliability } from "./grade.ts";
import { groupParties } from "./parties.ts";
import { registerVerdict, type RegisterInput, type RegisterVerdict } from "./register.ts";
import { outletRef, rootResolver, type ProvenanceContext, type Root } from "./roots.ts";

/** One member claim of an assertion, with the origin it resolves to and why. */
export interface Member {
  claim: string;
  document: string;
  outlet: string | null;
  published: string | null;
  stance: string;
  optional: boolean;
  evidence: string;
  chain: string[];
  /** The origin's party name; null for optional members, which are not counted. */
  origin: string | null;
  resolution: string[];
  circular: boolean;
}

/** An assertion as `list --json` and `show` print it. */
export interface Assertion {
  id: string;
  supplier: string | null;
  recipient: string | null;
  intermediary: string | null;
  item: { name: string | null; category: Category };
  quantity: number | null;
  value: { amount: number; currency: string } | null;
  time: { from: string; to: string } | null;
  status: string;
  stance: string;
  independentOrigins: number;
  origins: string[];
  /** Each origin's type: a catalog source type, `government`, `person`, `unknown`, or `register`. */
  originTypes: Record<string, GradedOrigin["type"]>;
  denials: string[];
  circular: boolean;
  loop: string[];
  conflicts: ConflictKind[];
  conflictDetails: Conflict[];
  documents: { id: string; url: string | null; outlet: string | null }[];
  grade: Grade;
  members: Member[];
  /** Why each claim was merged into the assertion. */
  merged: MergeReason[];
  /** Why some roots were counted as one party. */
  sameParty: string[];
  /** What the imported reference register says of it, and whether that counts as an origin; null when none was imported. */
  register: RegisterVerdict | null;
}

/**
 * An assertion's summary, what `list` prints and the register's rows show (`show --json` prints everything): every
 * field but the members, why they merged, the conflicts' details and the sources counted as one, which are the bulk
 * of an assertion. The register stores it beside the assertion (migration 008), so listing reads only these.
 */
export type AssertionSummary = Omit<Assertion, "members" | "merged" | "conflictDetails" | "sameParty">;

/** The summary of an assertion, or of a summary read back (whose keys the database may have reordered), keys in print order. */
export function summary(a: AssertionSummary): AssertionSummary {
  // An object literal, not a loop over key names: V8 builds a thousand of these in well under a millisecond.
  return {
    id: a.id,
    supplier: a.supplier,
    recipient: a.recipient,
    intermediary: a.intermediary,
    item: a.item,
    quantity: a.quantity,
    value: a.value,
    time: a.time,
    status: a.status,
    stance: a.stance,
    independentOrigins: a.independentOrigins,
    origins: a.origins,
    originTypes: a.originTypes,
    denials: a.denials,
    circular: a.circular,
    loop: a.loop,
    documents: a.documents,
    conflicts: a.conflicts,
    grade: a.grade,
    register: a.register ?? null,
  };
}

/** Analyst inputs that change an assessment. */
export interface AssessOptions {
  /** Reliability decided for a source, by its folded name or catalog id; default: none (type defaults apply). */
  reliability?: Map<string, Reliability>;
  /** A reference register to check each assertion against (its confirmation counts as an origin); default none. */
  register?: RegisterInput;
}

const STAGES = ["unknown", "offered", "negotiating", "ordered", "delivered"];

/** The assertion id: stable for the same key and the same first member (members are in canonical order). */
export function assertionId(group: ClaimGroup): string {
  return createHash("sha256").update(`${groupKey({ supplier: group.supplier, recipient: group.recipient, item: { category: group.category } })}|${group.members[0]!.id}`).digest("hex").slice(0, 12);
}

/** Merges claims into assertions and assesses each: a pure function of the claims, their documents, the catalog and the register's records. */
export function buildAssertions(ctx: ProvenanceContext, claims: RegisterClaim[], options: AssessOptions = {}): Assertion[] {
  const rootOf = rootResolver(ctx);
  return mergeClaims(ctx.catalog, claims).map((g) => assess(ctx, g, rootOf, options));
}

/** Assesses one group of claims: origins (README rules 3–8, 10), conflicts (rule 9), the reference register's verdict and the grade. */
export function assess(ctx: ProvenanceContext, group: ClaimGroup, rootOf: (c: RegisterClaim) => Root, options: AssessOptions = {}): Assertion {
  const counted = group.members.filter((m) => !m.optional);
  const roots = new Map(counted.map((m) => [m.id, rootOf(m)] as const));
  const refs: SourceRef[] = counted.map((m) => roots.get(m.id)!.ref);
  const outletStates = counted.map((m) => {
    const o = outletRef(ctx, ctx.docs.get(m.document)!);
    return o.kind === "catalog" ? o.country : null;
  });
  const parties = groupParties(ctx, refs, { supplier: group.supplier, recipient: group.recipient, outletStates });
  const partyOf = (m: RegisterClaim) => parties.of(roots.get(m.id)!.ref);
  const supporting = counted.filter((m) => m.stance !== "denied");
  const denied = counted.filter((m) => m.stance === "denied");
  const originParties = unique(supporting.map(partyOf));
  const denialParties = unique(denied.map(partyOf));
  const circularMembers = counted.filter((m) => roots.get(m.id)!.circular);
  const conflictDetails = findConflicts(group.members);
  const graded: GradedOrigin[] = originParties.map((p) => {
    const ref = p.refs.find((r) => r.kind === "catalog") ?? p.refs.find((r) => r.kind === "government") ?? p.refs[0]!;
    const type: GradedOrigin["type"] = ref.kind === "catalog" ? ref.type : ref.kind === "government" ? "government" : ref.kind === "named" ? "person" : "unknown";
    const decided = options.reliability?.get(ref.kind === "catalog" ? ref.id : fold(p.name)) ?? options.reliability?.get(fold(p.name));
    const state = ref.kind === "government" ? ref.state : ref.kind === "catalog" && ref.type === "government" ? ref.country : null;
    return { name: p.name, type, reliability: decided ?? DEFAULT_RELIABILITY[type as SourceType], overridden: !!decided, official: !!state && (state === group.supplier || state === group.recipient) };
  });
  const docIds = unique(group.members.map((m) => m.document));
  const members: Member[] = group.members.map((m) => {
    const doc = ctx.docs.get(m.document)!;
    const root = roots.get(m.id);
    return {
      claim: m.id,
      document: m.document,
      outlet: doc.outlet,
      published: doc.published,
      stance: m.stance,
      optional: m.optional,
      evidence: m.evidence,
      chain: m.sources,
      origin: root ? partyOf(m).name : null,
      resolution: root ? root.resolution : ["optional claim: not counted"],
      circular: root?.circular ?? false,
    };
  });
  const basis = supporting.length ? supporting : counted.length ? counted : group.members;
  const support = (m: RegisterClaim) => (roots.has(m.id) ? partyOf(m).name : `claim:${m.id}`);
  const a: Assertion = {
    id: assertionId(group),
    supplier: group.supplier,
    recipient: group.recipient,
    intermediary: best(basis, (m) => m.intermediary, support),
    item: { name: best(basis, (m) => m.item.name, support), category: group.category },
    quantity: best(basis, (m) => m.quantity, support),
    value: best(basis, (m) => m.value, support),
    time: best(basis, (m) => m.time, support),
    status: furthest(basis),
    stance: supporting.length ? (best(supporting, (m) => m.stance, support) ?? "asserted") : denied.length ? "denied" : (group.members[0]?.stance ?? "asserted"),
    independentOrigins: originParties.length,
    origins: originParties.map((p) => p.name).sort(),
    originTypes: Object.fromEntries(graded.map((o) => [o.name, o.type])),
    denials: denialParties.map((p) => p.name).sort(),
    circular: circularMembers.length > 0,
    loop: unique(circularMembers.flatMap((m) => roots.get(m.id)!.loop)),
    conflicts: conflictDetails.map((c) => c.kind),
    conflictDetails,
    documents: docIds.map((id) => ({ id, url: ctx.docs.get(id)!.url, outlet: ctx.docs.get(id)!.outlet })),
    grade: { reliability: "F", credibility: 6, explanation: "" },
    members,
    merged: group.reasons,
    sameParty: unique(parties.all.flatMap((p) => p.why)),
    register: null,
  };
  // The register is checked against the assertion as the reports tell it (parties, system, quantity, years).
  const input = options.register;
  if (input) {
    const publisher = originParties.some((p) => p.refs.some((r) => r.kind === "catalog" && r.id === input.publisher));
    const verdict = registerVerdict(ctx.catalog, a, input, publisher);
    a.register = verdict;
    if (verdict.counted) {
      const decided = options.reliability?.get(`register:${input.register}`) ?? options.reliability?.get(fold(input.name));
      graded.push({ name: input.name, type: "register", reliability: decided ?? DEFAULT_RELIABILITY.register, overridden: !!decided, official: false });
      a.independentOrigins++;
      a.origins = [...a.origins, input.name].sort();
      a.originTypes[input.name] = "register";
    }
  }
  a.grade = grade({
    origins: graded,
    denials: denialParties.map((p) => p.name),
    // A register states what it records plainly: with it among the origins, the support is not all hedged.
    hedged: supporting.length > 0 && supporting.every((m) => m.stance === "alleged") && !a.register?.counted,
    circular: circularMembers.length > 0,
    conflicts: conflictDetails.map((c) => c.kind),
    members: counted.length,
    documents: unique(counted.map((m) => m.document)).length,
    register: a.register,
  });
  return a;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The value with the most distinct origins behind it, then the most members; ties go to the canonical first. */
function best<T>(members: RegisterClaim[], read: (m: RegisterClaim) => T | null, support: (m: RegisterClaim) => string): T | null {
  const by = new Map<string, { value: T; origins: Set<string>; n: number; order: number }>();
  members.forEach((m, order) => {
    const v = read(m);
    if (v === null || v === undefined) return;
    const k = JSON.stringify(v);
    const e = by.get(k) ?? { value: v, origins: new Set<string>(), n: 0, order };
    e.origins.add(support(m));
    e.n++;
    by.set(k, e);
  });
  const ranked = [...by.values()].sort((a, b) => b.origins.size - a.origins.size || b.n - a.n || a.order - b.order);
  return ranked[0]?.value ?? null;
}

/** The furthest stage the members report; a cancellation, when reported, is the deal's last word. */
function furthest(members: RegisterClaim[]): string {
  if (members.some((m) => m.status === "cancelled")) return "cancelled";
  return members.reduce((s, m) => (STAGES.indexOf(m.status) > STAGES.indexOf(s) ? m.status : s), "unknown");
}
