// The queries behind the web register: one filter shared by the page, its facets and its exports, so the CSV
// holds exactly the rows the page counts.
import { sql, type ExpressionBuilder, type RawBuilder } from "kysely";
import type { Assertion } from "../assess/assess.ts";
import type { Catalog } from "../catalog/types.ts";
import type { Db } from "./db.ts";
import { filterCondition, type ListFilter } from "./queries.ts";
import type { Schema } from "./schema.ts";

/** The register page's filters: `list`'s, and the stage, stance and grade; every one is optional and they combine (AND). */
export interface BrowseFilter extends Omit<ListFilter, "limit"> {
  /** The furthest stage reported (ordered, delivered…). */
  stage?: string;
  stance?: string;
  /** An Admiralty grade such as `B2`. */
  grade?: string;
}

/** The columns the register sorts by. */
export const SORT_KEYS = ["supplier", "recipient", "item", "category", "quantity", "value", "time", "stage", "stance", "origins", "grade"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** A sort: a column and a direction. */
export interface Sort {
  key: SortKey;
  desc: boolean;
}

/** The facets the register counts. */
export const FACETS = ["supplier", "recipient", "category", "stage", "stance", "grade"] as const;
export type Facet = (typeof FACETS)[number];

// Stored columns computed from the assessment (migration 005), so filters and facets read no JSON.
const STAGE = sql<string>`stage`;
const STANCE = sql<string>`stance`;
const GRADE = sql<string>`grade`;

const ORDER: Record<SortKey, RawBuilder<unknown>> = {
  supplier: sql`supplier`,
  recipient: sql`recipient`,
  item: sql`item_name`,
  category: sql`category`,
  quantity: sql`(data->>'quantity')::double precision`,
  value: sql`(data->'value'->>'amount')::double precision`,
  time: sql`time_from`,
  stage: STAGE,
  stance: STANCE,
  origins: sql`independent_origins`,
  grade: GRADE,
};

const FACET_EXPR: Record<Facet, RawBuilder<string>> = {
  supplier: sql<string>`coalesce(supplier, '?')`,
  recipient: sql<string>`coalesce(recipient, '?')`,
  category: sql<string>`category`,
  stage: STAGE,
  stance: STANCE,
  grade: GRADE,
};

function where(catalog: Catalog, f: BrowseFilter) {
  return (eb: ExpressionBuilder<Schema, "assertions">) => {
    const all = filterCondition(catalog, f)(eb);
    if (f.stage) all.push(eb(STAGE, "=", f.stage));
    if (f.stance) all.push(eb(STANCE, "=", f.stance));
    if (f.grade) all.push(eb(GRADE, "=", f.grade));
    return eb.and(all);
  };
}

/** Whether a filter keeps every assertion: then the counts kept in assertion_facets answer for the whole register. */
const unfiltered = (f: BrowseFilter) => Object.values(f).every((v) => v === undefined || v === "");

/** How many assertions match. */
export async function countAssertions(db: Db, catalog: Catalog, f: BrowseFilter): Promise<number> {
  if (unfiltered(f)) {
    // Every assertion has exactly one category.
    const all = await db.kysely.selectFrom("assertion_facets").select(sql<number>`coalesce(sum(n), 0)::int`.as("n")).where("facet", "=", "category").executeTakeFirstOrThrow();
    return Number(all.n);
  }
  const r = await db.kysely.selectFrom("assertions").select(sql<number>`count(*)::int`.as("n")).where(where(catalog, f)).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of matching assertions; ties in the sort fall back to the id, so pages never overlap. */
export async function pageAssertions(db: Db, catalog: Catalog, f: BrowseFilter, sort: Sort, offset: number, limit: number): Promise<Assertion[]> {
  const dir = sort.desc ? sql`desc nulls last` : sql`asc nulls last`;
  const rows = await db.kysely
    .selectFrom("assertions")
    .select("data")
    .where(where(catalog, f))
    .orderBy(sql`${ORDER[sort.key]} ${dir}`)
    .orderBy("id")
    .offset(offset)
    .limit(limit)
    .execute();
  return rows.map((r) => r.data as Assertion);
}

/** Every matching assertion in the page's order, read in batches so an export never holds the whole register. */
export async function* streamAssertions(db: Db, catalog: Catalog, f: BrowseFilter, sort: Sort, batch = 500): AsyncGenerator<Assertion> {
  for (let offset = 0; ; offset += batch) {
    const rows = await pageAssertions(db, catalog, f, sort, offset, batch);
    yield* rows;
    if (rows.length < batch) return;
  }
}

/** A facet's values among the matching assertions, most frequent first. */
export async function facetCounts(db: Db, catalog: Catalog, f: BrowseFilter, facet: Facet, limit = 30): Promise<{ value: string; count: number }[]> {
  if (!unfiltered(f)) return groupFacet(db, catalog, f, facet, limit);
  const rows = await db.kysely
    .selectFrom("assertion_facets")
    .select(["value", sql<number>`n::int`.as("count")])
    .where("facet", "=", facet)
    .where(sql<boolean>`n > 0`)
    .orderBy("n", "desc")
    .orderBy("value")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
}

/** A facet counted over the matching assertions themselves (what assertion_facets keeps for the whole register). */
export async function groupFacet(db: Db, catalog: Catalog, f: BrowseFilter, facet: Facet, limit = 30): Promise<{ value: string; count: number }[]> {
  const expr = FACET_EXPR[facet];
  const rows = await db.kysely
    .selectFrom("assertions")
    .select([expr.as("value"), sql<number>`count(*)::int`.as("count")])
    .where(where(catalog, f))
    .groupBy(expr)
    .orderBy(sql`count(*) desc`)
    .orderBy(expr)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ value: String(r.value), count: Number(r.count) }));
}
