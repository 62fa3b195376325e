import { sql } from "kysely";
import type { Assertion } from "../assess/assess.ts";
import type { Catalog } from "../catalog/types.ts";
import { familyOf } from "../resolve/merge.ts";
import { StoreError, type Db } from "./db.ts";

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

/** The assertions matching a filter, ordered by supplier, recipient, category, time and id. */
export async function listAssertions(db: Db, catalog: Catalog, filter: ListFilter = {}): Promise<Assertion[]> {
  let q = db.kysely.selectFrom("assertions").select("data");
  if (filter.supplier) q = q.where("supplier", "=", filter.supplier);
  if (filter.recipient) q = q.where("recipient", "=", filter.recipient);
  if (filter.category) q = q.where("category", "=", filter.category);
  if (filter.since !== undefined) q = q.where(sql<string>`substr(time_to, 1, 4)`, ">=", String(filter.since).padStart(4, "0"));
  if (filter.until !== undefined) q = q.where(sql<string>`substr(time_from, 1, 4)`, "<=", String(filter.until).padStart(4, "0"));
  if (filter.item) {
    const family = familyOf(catalog, filter.item);
    q = q.where((eb) => eb.or([eb("system", "=", family), eb(sql<string>`lower(item_name)`, "=", filter.item!.toLowerCase())]));
  }
  const rows = await q.orderBy("supplier").orderBy("recipient").orderBy("category").orderBy("time_from").orderBy("id").limit(filter.limit ?? 1000).execute();
  return rows.map((r) => r.data as Assertion);
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
