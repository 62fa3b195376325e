// A reference register's verdict as an origin of the assessment: a register that records the transfer is an account
// of it independent of the news reports, so it counts as one more origin, of type `register`.
import type { Catalog } from "../catalog/types.ts";
import { checkAssertion, describeRecord, type Difference, type Verdict } from "../reference/check.ts";
import type { ReferenceRecord } from "../reference/sipri/parse.ts";
import type { Assertion } from "./assess.ts";

/** A reference register the assessment checks every assertion against. */
export interface RegisterInput {
  /** The register's id (`sipri`). */
  register: string;
  /** Its name as an origin: `SIPRI Arms Transfers Database`. */
  name: string;
  /** The catalog source that publishes it (`sipri`): a report citing that source is not independent of the register. */
  publisher: string | null;
  /** The register's records for an assertion's recipient, or its supplier when it names no recipient; in a stable order. */
  recordsFor(parties: { supplier: string | null; recipient: string | null }): ReferenceRecord[];
}

/** What an imported register says of an assertion, as the assertion keeps it. */
export interface RegisterVerdict {
  register: string;
  name: string;
  verdict: Verdict;
  /** True when the register counts as one of the assertion's independent origins. */
  counted: boolean;
  /** Why it counts or not, in words that follow the verdict. */
  why: string;
  /** The record that tells the transfer (confirmed, partly), with its line in the export it was first imported from. */
  record: { hash: string; line: number; text: string } | null;
  /** Where that record and the assertion differ (partly). */
  differs: Pick<Difference, "field" | "note">[];
}

/** The SIPRI Arms Transfers Database, published by the catalog's source `sipri`. */
export const SIPRI = { register: "sipri", name: "SIPRI Arms Transfers Database", publisher: "source:sipri" } as const;

/**
 * The register's verdict on an assertion and whether it counts as an origin. *Confirmed* counts. *Partly* counts
 * when the register names the same supplier: it then records this transfer (same supplier, recipient and system,
 * compatible years) and disagrees on a detail (quantity, dates, value, stage, an intermediary), which is how two
 * reports of one deal disagree, and each of those is still an origin. A *partly* that names another supplier does
 * not count: it says someone else made the transfer (three Heron from France, not from Israel), so it does not
 * support the assertion as stated. *Not recorded* and *out of scope* count neither way: SIPRI's silence is no
 * denial. Nor does the register count when a report's origin is already its publisher (a report citing SIPRI is
 * SIPRI's own account, counted once).
 */
export function registerVerdict(catalog: Catalog, a: Assertion, input: RegisterInput, publisherIsOrigin: boolean): RegisterVerdict {
  const check = checkAssertion(catalog, a, input.recordsFor(a), { nearest: 0 });
  const best = check.matches[0] ?? null;
  const record = best ? { hash: best.record.hash, line: best.record.line, text: describeRecord(best.record) } : null;
  const differs = best && check.verdict === "partly" ? best.differs.map((d) => ({ field: d.field, note: d.note })) : [];
  const base = { register: input.register, name: input.name, verdict: check.verdict, record, differs };
  const sameSupplier = !!best && best.agrees.includes("supplier");
  if (check.verdict === "confirmed" || (check.verdict === "partly" && sameSupplier)) {
    if (publisherIsOrigin) return { ...base, counted: false, why: "its publisher is already an origin of the reports, so it is counted once" };
    const on = [...new Set(differs.map((d) => d.field))];
    return {
      ...base,
      counted: true,
      why: check.verdict === "confirmed" ? "a register confirmation, counted as an independent origin of type register" : `the same supplier, differing on ${on.join(", ")}: counted as an independent origin of type register, the difference noted`,
    };
  }
  if (check.verdict === "partly") {
    return { ...base, counted: false, why: `it names ${best!.record.supplier.id ?? best!.record.supplier.written} as supplier: not this transfer as stated, so not counted as an origin` };
  }
  if (check.verdict === "out-of-scope") return { ...base, counted: false, why: "it covers only major conventional arms: its silence says nothing, and it is not counted" };
  return { ...base, counted: false, why: "silence is no denial: it counts neither way" };
}
