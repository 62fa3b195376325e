import { AS_OF_STATEMENT } from "../extract/types.ts";
import { interval, overlaps, type Interval } from "../resolve/time.ts";
import type { RegisterClaim } from "../resolve/types.ts";

/** The kinds of disagreement README rule 9 keeps: values, quantities, times, stances (and a cancellation against a deal that went ahead). */
export type ConflictKind = "value" | "quantity" | "time" | "stance" | "status";

/** One kept disagreement with the values that disagree and the claims holding each. */
export interface Conflict {
  kind: ConflictKind;
  values: { value: string; claims: string[] }[];
}

function distinct(members: RegisterClaim[], read: (c: RegisterClaim) => string | null): { value: string; claims: string[] }[] {
  const by = new Map<string, string[]>();
  for (const c of members) {
    const v = read(c);
    if (v !== null) by.get(v)?.push(c.id) ?? by.set(v, [c.id]);
  }
  return [...by].map(([value, claims]) => ({ value, claims })).sort((a, b) => a.value.localeCompare(b.value));
}

/** The days a claim's time may cover: a statement's month ("said on Thursday it had delivered") holds any day up to it. */
function claimedTimes(c: RegisterClaim): Interval {
  const [from, to] = interval(c.time)!;
  return c.rules.includes(AS_OF_STATEMENT) ? [-Infinity, to] : [from, to];
}

/** The conflicts among an assertion's counted members; stages of one deal are a progression, not a conflict. */
export function findConflicts(members: RegisterClaim[]): Conflict[] {
  const out: Conflict[] = [];
  const counted = members.filter((m) => !m.optional);
  const currencies = new Set(counted.flatMap((c) => (c.value ? [c.value.currency] : [])));
  const values = [...currencies].sort().flatMap((cur) => distinct(counted, (c) => (c.value?.currency === cur ? `${c.value.amount} ${cur}` : null)));
  if ([...currencies].some((cur) => values.filter((v) => v.value.endsWith(` ${cur}`)).length > 1)) out.push({ kind: "value", values });
  const quantities = distinct(counted, (c) => (c.quantity === null ? null : String(c.quantity)));
  if (quantities.length > 1) out.push({ kind: "quantity", values: quantities });
  const timed = counted.filter((c) => interval(c.time));
  const clash = timed.some((a) => timed.some((b) => !overlaps(claimedTimes(a), claimedTimes(b))));
  if (clash) out.push({ kind: "time", values: distinct(timed, (c) => (c.time!.from === c.time!.to ? c.time!.from : `${c.time!.from}..${c.time!.to}`)) });
  const denied = counted.some((c) => c.stance === "denied");
  if (denied && counted.some((c) => c.stance !== "denied")) out.push({ kind: "stance", values: distinct(counted, (c) => c.stance) });
  const cancelled = counted.some((c) => c.status === "cancelled");
  if (cancelled && counted.some((c) => c.status === "ordered" || c.status === "delivered")) out.push({ kind: "status", values: distinct(counted, (c) => c.status) });
  return out;
}
