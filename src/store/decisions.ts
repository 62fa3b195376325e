import { sql } from "kysely";
import type { Catalog } from "../catalog/types.ts";
import type { Reliability } from "../assess/grade.ts";
import type { Db } from "./db.ts";
import { claimSubject, lockReference, recomputePairs, type Changes } from "./recompute.ts";

/**
 * An analyst's decision. Decisions are kept apart from claims and never removed by re-extraction: they name what
 * they are about by something that survives it (a source's catalog id or name, a claim's document and evidence).
 */
export type Decision =
  | { kind: "source-reliability"; subject: string; reliability: Reliability }
  | { kind: "same-source"; subject: string; as: string }
  | { kind: "reject-claim"; document: string; evidence: string };

/** Records a decision, logs it, and recomputes the assertions it may change (all pairs: decisions are rare). */
export async function decide(db: Db, catalog: Catalog, d: Decision, analyst: string | null = null, note: string | null = null): Promise<Changes> {
  return db.kysely.transaction().execute(async (tx) => {
    const subject = d.kind === "reject-claim" ? claimSubject(d.document, d.evidence) : d.subject;
    const value = d.kind === "source-reliability" ? { reliability: d.reliability } : d.kind === "same-source" ? { as: d.as } : {};
    await tx.insertInto("decisions").values({ kind: d.kind, subject, value: JSON.stringify(value), analyst, note }).execute();
    await tx.insertInto("audit_log").values({ action: "decision", subject: `${d.kind}:${subject}`, detail: JSON.stringify({ value, analyst, note }) }).execute();
    const pairs = (await tx.selectFrom("claims").select("pair").distinct().execute()).map((r) => r.pair).sort();
    // The same locks registerDocument takes, so a decision and a registration do not recompute a pair at once.
    await lockReference(tx, "shared");
    const keys = pairs.map((p) => `pair:${p}`);
    await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${keys}::text[]) as k order by k`.execute(tx);
    return recomputePairs(tx, catalog, pairs);
  });
}
