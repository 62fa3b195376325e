import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { summary, type Assertion, type AssertionSummary } from "../assess/assess.ts";
import type { Catalog } from "../catalog/types.ts";
import { familyOf } from "../resolve/merge.ts";
import { StoreError, type Db } from "./db.ts";
import type { Schema } from "./schema.ts";

/** Filters of {@link listAssertions}; every one is optional. */
export interface ListFilter {
  supplier?: string;
  recipient?: string;
  category?: string;
  /** Keep assertions whose time reaches this year or later (undated ones are left out). */
  since?: number;
  /** Keep assertions whose time starts in this year or earlier (undated ones are left out). */
  until?: number;
  /** A system name: matches its whole family (Harfang finds Heron). */
  item?: string;
  /** Default 1000. */
  limit?: number;
}

/** The conditions of a filter on the assertions table, shared by `list`, the web register and its exports. */
export function filterCondition(catalog: Catalog, f: Omit<ListFilter, "limit">) {
  return (eb: ExpressionBuilder<Schema, "assertions">) => {
    const all: Expression<SqlBool>[] = [];
    if (f.supplier) all.push(eb("supplier", "=", f.supplier));
    if (f.recipient) all.push(eb("recipient", "=", f.recipient));
    if (f.category) all.push(eb("category", "=", f.category));
    if (f.since !== undefined) all.push(eb(sql<string>`substr(time_to, 1, 4)`, ">=", String(f.since).padStart(4, "0")));
    if (f.until !== undefined) all.push(eb(sql<string>`substr(time_from, 1, 4)`, "<=", String(f.until).padStart(4, "0")));
    if (f.item) all.push(eb.or([eb("system", "=", familyOf(catalog, f.item)), eb(sql<string>`lower(item_name)`, "=", f.item.toLowerCase())]));
    return all;
  };
}

/** The assertions matching a filter, ordered by supplier, recipient, category, time and id. */
export async function listAssertions(db: Db, catalog: Catalog, filter: ListFilter = {}): Promise<Assertion[]> {
  const rows = await listed(db, catalog, filter).select("data").execute();
  return rows.map((r) => r.data as Assertion);
}

/** The summaries `list` prints of the assertions matching a filter, in the same order: read from their stored column, not from the whole assertions. */
export async function listSummaries(db: Db, catalog: Catalog, filter: ListFilter = {}): Promise<AssertionSummary[]> {
  const rows = await listed(db, catalog, filter).select("summary").execute();
  return rows.map((r) => summary(r.summary as unknown as AssertionSummary));
}

// The order is the one of the index assertions_list_order (migration 008), so a supplier's first thousand are read in order, not sorted.
function listed(db: Db, catalog: Catalog, filter: ListFilter) {
  return db.kysely
    .selectFrom("assertions")
    .where((eb) => eb.and(filterCondition(catalog, filter)(eb)))
    .orderBy("supplier")
    .orderBy("recipient")
    .orderBy("category")
    .orderBy("time_from")
    .orderBy("id")
    .limit(filter.limit ?? 1000);
}

/** One assertion by id, or by a prefix of at least four characters that only it has. */
export async function getAssertion(db: Db, id: string): Promise<Assertion> {
  if (!/^[0-9a-f]{4,}$/.test(id)) throw new StoreError("not-found", `"${id}" is not an assertion id (hex, at least 4 characters)`);
  const rows = await db.kysely.selectFrom("assertions").select(["id", "data"]).where("id", "like", `${id}%`).limit(2).execute();
  if (rows.length === 0) throw new StoreError("not-found", `no assertion ${id}`);
  if (rows.length > 1) throw new StoreError("not-found", `${id} is the start of several assertion ids; give more of it`);
  return rows[0]!.data as Assertion;
}

/** How many rows the main tables hold. */
export async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ["documents", "claims", "sources", "citations", "assertions", "assertion_members", "conflicts", "decisions", "audit_log"] as const) {
    const r = await db.kysely.selectFrom(t).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** Assertions by exact id, in id order; ids not stored are left out. */
export async function assertionsByIds(db: Db, ids: string[]): Promise<Assertion[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely.selectFrom("assertions").select("data").where("id", "in", ids).orderBy("id").execute();
  return rows.map((r) => r.data as Assertion);
}
