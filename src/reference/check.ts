import type { Assertion } from "../assess/assess.ts";
import { fold } from "../catalog/fold.ts";
import type { Catalog, Category } from "../catalog/types.ts";
import { familyOf, systemOf } from "../resolve/merge.ts";
import { compatibleTimes, gapDays, interval, overlaps, type Interval } from "../resolve/time.ts";
import type { ReferenceRecord } from "./sipri/parse.ts";

/** What a reference register says about an assertion. */
export type Verdict = "confirmed" | "partly" | "not-recorded" | "out-of-scope";

/** A verdict in words. */
export const VERDICT_WORDS: Record<Verdict, string> = { confirmed: "confirmed", partly: "partly", "not-recorded": "not recorded", "out-of-scope": "not recorded (out of scope)" };

/** One field on which an assertion and a register record disagree. */
export interface Difference {
  field: "supplier" | "intermediary" | "quantity" | "time" | "value" | "status";
  assertion: unknown;
  register: unknown;
  /** The difference in words. */
  note: string;
}

/** A register record that tells the assertion's transfer, with what agrees and what differs. */
export interface RecordMatch {
  record: ReferenceRecord;
  agrees: string[];
  differs: Difference[];
}

/** A register record close to the assertion without telling it, and why it is near. */
export interface NearRecord {
  record: ReferenceRecord;
  near: string[];
}

/** The cross-check of one assertion against a register. */
export interface CheckResult {
  assertion: string;
  verdict: Verdict;
  /** The verdict in one sentence. */
  explanation: string;
  /** Records telling the transfer, best first. */
  matches: RecordMatch[];
  /** When nothing matches: the closest records, closest first (at most {@link CheckOptions.nearest}). */
  nearest: NearRecord[];
  /** How many records the register holds for the assertion's supplier and recipient, and the first order year. */
  pair: { records: number; firstOrder: number | null };
}

/** Options of {@link checkAssertion}. */
export interface CheckOptions {
  /** Finer kinds (`tank`) with their folded names, to rank nearest records when the assertion names no system; default none. */
  kinds?: Map<string, string[]>;
  /** How many nearest records to give; default 5. */
  nearest?: number;
}

/** Categories outside SIPRI's scope: it records major conventional arms only. */
export const OUT_OF_SCOPE: ReadonlySet<Category> = new Set(["spyware", "surveillance", "small-arms", "ammunition"]);

const YEAR = 365;
const fmtYears = (ys: number[]) => (ys.length > 2 && ys.every((y, i) => i === 0 || y === ys[i - 1]! + 1) ? `${ys[0]}-${ys.at(-1)}` : ys.join(", "));

/** The years a record spans: from its order to its last delivery. */
export function recordInterval(r: ReferenceRecord): Interval {
  return interval({ from: String(r.orderYear), to: String(Math.max(r.orderYear, ...r.deliveryYears)) })!;
}

/** The record in words: `FRA → MAR: 3 Heron (UAV), ordered 2013, 3 delivered 2014, second-hand`. */
export function describeRecord(r: ReferenceRecord): string {
  const est = (b: boolean) => (b ? "?" : "");
  const ordered = r.ordered === null ? "" : `${r.ordered}${est(r.orderedEstimated)} `;
  const delivered = r.deliveryYears.length ? `, ${r.delivered ?? "?"}${est(r.deliveredEstimated)} delivered ${fmtYears(r.deliveryYears)}` : ", none delivered yet";
  return `${r.supplier.id ?? r.supplier.written} → ${r.recipient.id ?? r.recipient.written}: ${ordered}${r.designation} (${r.description}), ordered ${r.orderYear}${est(r.orderYearEstimated)}${delivered}, ${r.status}${r.comments.length ? `; ${r.comments.join("; ")}` : ""}`;
}

/** The kind (`tank`) an assertion's reports name, from their evidence; null when none or several. */
export function assertionKind(a: Assertion, kinds: Map<string, string[]>): string | null {
  const text = ` ${a.members.map((m) => fold(m.evidence).replace(/[\s-]+/g, " ")).join(" ")} `;
  const found = [...kinds].filter(([, names]) => names.some((n) => new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(text))).map(([k]) => k);
  return found.length === 1 ? found[0]! : null;
}

/** Whether a record is of the assertion's system (through families and the `part of ... system` note) or, with none named, of its category. */
function sameItem(catalog: Catalog, a: Assertion, r: ReferenceRecord): { same: boolean; why: string } {
  const family = familyOf(catalog, a.item.name);
  // "Arms" with no system or category named is any major conventional arms, not SIPRI's residual category.
  if (!family) return a.item.category === "other" ? { same: true, why: "any major arms (no category named)" } : { same: r.category === a.item.category, why: `category ${a.item.category}` };
  if (family.startsWith("name:")) return { same: fold(r.designation).trim() === family.slice(5), why: `designation ${r.designation}` };
  if (r.family === family) return { same: true, why: `system ${catalog.systems.get(family)?.names[0]?.text ?? family} (family)` };
  const part = r.partOf ? systemOf(catalog, r.partOf) : null;
  if (part && familyOf(catalog, catalog.systems.get(part)!.names[0]!.text) === family) return { same: true, why: `system: part of ${r.partOf}` };
  return { same: false, why: "" };
}

function compare(catalog: Catalog, a: Assertion, r: ReferenceRecord, why: string): RecordMatch {
  const agrees = ["recipient", why];
  const differs: Difference[] = [];
  const origin = r.system ? catalog.systems.get(r.system)?.origin ?? null : null;
  if (a.supplier && r.supplier.id === a.supplier) agrees.push("supplier");
  else if (a.supplier) {
    differs.push({ field: "supplier", assertion: a.supplier, register: r.supplier.id, note: `the assertion names ${a.supplier} as supplier, the register ${r.supplier.id ?? r.supplier.written}` });
    if (origin === a.supplier && r.supplier.id && r.supplier.id !== origin) {
      differs.push({
        field: "intermediary",
        assertion: a.intermediary,
        register: r.supplier.id,
        note: `the system is of ${origin} origin and the register has ${r.supplier.id} supply it${r.status !== "new" ? ` ${r.status}` : ""}${r.partOf ? ` (part of ${r.partOf})` : ""}: ${r.supplier.id} stands between ${origin} and ${a.recipient}, which the assertion ${a.intermediary ? `gives as ${a.intermediary}` : "does not name"}`,
      });
    }
  }
  const via = r.intermediaries.filter((i) => i.role === "via").map((i) => i.party.id);
  if (via.length && !via.includes(a.intermediary)) differs.push({ field: "intermediary", assertion: a.intermediary, register: via, note: `the register has the deal ordered via ${via.join(", ")}` });
  const count = r.ordered ?? r.delivered;
  if (a.quantity !== null && count !== null) {
    if (a.quantity === count || a.quantity === r.delivered) agrees.push(`quantity ${a.quantity}`);
    else differs.push({ field: "quantity", assertion: a.quantity, register: { ordered: r.ordered, delivered: r.delivered }, note: `the assertion says ${a.quantity}, the register ${r.ordered ?? "?"} ordered and ${r.delivered ?? "?"} delivered` });
  }
  const t = interval(a.time);
  if (t) {
    const hit = overlaps(t, interval({ from: String(r.orderYear), to: String(r.orderYear) })!) || r.deliveryYears.some((y) => overlaps(t, interval({ from: String(y), to: String(y) })!));
    if (hit) agrees.push("time");
    else differs.push({ field: "time", assertion: a.time, register: { ordered: r.orderYear, delivered: r.deliveryYears }, note: `the assertion dates it ${a.time!.from === a.time!.to ? a.time!.from : `${a.time!.from}-${a.time!.to}`}, the register has it ordered ${r.orderYear} and delivered ${fmtYears(r.deliveryYears) || "not yet"}` });
  }
  if (a.value && r.value) {
    const theirs = a.value.currency === "USD" ? r.value.usd : r.value.currency === a.value.currency ? r.value.amount : null;
    if (theirs !== null && Math.abs(theirs - a.value.amount) <= 0.1 * Math.max(theirs, a.value.amount)) agrees.push("value");
    else if (theirs !== null) differs.push({ field: "value", assertion: a.value, register: r.value, note: `the assertion says ${a.value.amount} ${a.value.currency}, the register ${r.value.written}` });
  }
  if (a.status === "delivered" && r.deliveryYears.length === 0) differs.push({ field: "status", assertion: a.status, register: "ordered", note: "the assertion has it delivered; the register records no delivery yet" });
  return { record: r, agrees, differs };
}

/**
 * Checks an assertion against a register's records for its recipient (or supplier): the same parties, the same
 * system through catalog families (or the same category when none is named) and compatible years. A record with
 * another supplier but the same recipient, named system and years still tells the transfer: the verdict is then
 * `partly`, naming the difference.
 */
export function checkAssertion(catalog: Catalog, a: Assertion, records: ReferenceRecord[], options: CheckOptions = {}): CheckResult {
  const pairRecords = records.filter((r) => r.supplier.id === a.supplier && r.recipient.id === a.recipient);
  const pair = { records: pairRecords.length, firstOrder: pairRecords.length ? Math.min(...pairRecords.map((r) => r.orderYear)) : null };
  if (OUT_OF_SCOPE.has(a.item.category)) {
    return {
      assertion: a.id,
      verdict: "out-of-scope",
      explanation: `not recorded, and not expected to be: SIPRI's Arms Transfers Database covers only major conventional arms, and ${a.item.category} is outside it`,
      matches: [],
      nearest: [],
      pair,
    };
  }
  const t = interval(a.time);
  const matches: RecordMatch[] = [];
  for (const r of records) {
    if (a.recipient && r.recipient.id !== a.recipient) continue;
    if (!a.recipient && r.supplier.id !== a.supplier) continue;
    const item = sameItem(catalog, a, r);
    if (!item.same || !compatibleTimes(t, recordInterval(r))) continue;
    // Only a named system ties another supplier's deal to the claim: a category alone (any armoured vehicle) does not.
    if (!a.item.name && r.supplier.id !== a.supplier) continue;
    matches.push(compare(catalog, a, r, item.why));
  }
  matches.sort((x, y) => Number(y.agrees.includes("supplier")) - Number(x.agrees.includes("supplier")) || x.differs.length - y.differs.length || y.agrees.length - x.agrees.length || x.record.line - y.record.line);
  const best = matches[0];
  if (best) {
    const confirmed = best.differs.length === 0 && best.agrees.includes("supplier");
    return {
      assertion: a.id,
      verdict: confirmed ? "confirmed" : "partly",
      explanation: confirmed
        ? `the register records it: ${describeRecord(best.record)}`
        : `the register records a matching deal with differences (${[...new Set(best.differs.map((d) => d.field))].join(", ")}): ${describeRecord(best.record)}`,
      matches,
      nearest: [],
      pair,
    };
  }
  return {
    assertion: a.id,
    verdict: "not-recorded",
    explanation: `no record of the register tells it${pair.records ? `; its first ${a.supplier} → ${a.recipient} deal was ordered in ${pair.firstOrder}` : `; it holds no ${a.supplier ?? "?"} → ${a.recipient ?? "?"} deal at all`}`,
    matches: [],
    nearest: nearest(catalog, a, records, options),
    pair,
  };
}

/** The records closest to an assertion: same system, same recipient, same kind, overlapping then adjacent years, same category, same supplier, then fewest years apart. */
function nearest(catalog: Catalog, a: Assertion, records: ReferenceRecord[], options: CheckOptions): NearRecord[] {
  if (options.nearest === 0) return [];
  const kind = options.kinds ? assertionKind(a, options.kinds) : null;
  const t = interval(a.time);
  const scored = records.map((r) => {
    const near: string[] = [];
    if (a.recipient && r.recipient.id === a.recipient) near.push("same recipient");
    if (kind && r.kind === kind) near.push(`same kind (${kind})`);
    const ri = recordInterval(r);
    const within = t !== null && overlaps(t, ri);
    const fits = t !== null && compatibleTimes(t, ri);
    if (within) near.push("same years");
    else if (fits) near.push("adjacent years");
    if (r.category === a.item.category) near.push(`same category (${r.category})`);
    if (a.supplier && r.supplier.id === a.supplier) near.push("same supplier");
    const gap = t ? Math.round(gapDays(t, ri) / YEAR) : 0;
    const system = a.item.name !== null && sameItem(catalog, a, r).same;
    if (system) near.push("same system");
    const key = [Number(system), Number(near.includes("same recipient")), Number(kind !== null && r.kind === kind), Number(within), Number(fits), Number(r.category === a.item.category), Number(near.includes("same supplier")), -gap];
    return { r, near, key };
  });
  scored.sort((x, y) => {
    for (let i = 0; i < x.key.length; i++) if (x.key[i] !== y.key[i]) return y.key[i]! - x.key[i]!;
    return x.r.orderYear - y.r.orderYear || x.r.line - y.r.line;
  });
  return scored.slice(0, options.nearest ?? 5).map((s) => ({ record: s.r, near: s.near }));
}
