// The queries behind the web register: one filter shared by the page, its facets and its exports, so the CSV
// holds exactly the rows the page counts.
import { sql, type ExpressionBuilder, type RawBuilder } from "kysely";
import { summary, type AssertionSummary } from "../assess/assess.ts";
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

/** One page of matching assertions' summaries (the register's rows); ties in the sort fall back to the id, so pages never overlap. */
export async function pageAssertions(db: Db, catalog: Catalog, f: BrowseFilter, sort: Sort, offset: number, limit: number): Promise<AssertionSummary[]> {
  const dir = sort.desc ? sql`desc nulls last` : sql`asc nulls last`;
  const rows = await db.kysely
    .selectFrom("assertions")
    .select("summary")
    .where(where(catalog, f))
    .orderBy(sql`${ORDER[sort.key]} ${dir}`)
    .orderBy("id")
    .offset(offset)
    .limit(limit)
    .execute();
  return rows.map((r) => summary(r.summary as unknown as AssertionSummary));
}

/** Every matching assertion's summary in the page's order, read in batches so an export never holds the whole register. */
export async function* streamAssertions(db: Db, catalog: Catalog, f: BrowseFilter, sort: Sort, batch = 500): AsyncGenerator<AssertionSummary> {
  for (let offset = 0; ; offset += batch) {
    const rows = await pageAssertions(db, catalog, f, sort, offset, batch);
    yield* rows;
    if (rows.length < batch) return;
  }
}

/** Each facet's values among the matching assertions, most frequent first (ties by value), at most `limit` each. */
export type FacetCounts = Record<Facet, { value: string; count: number }[]>;

/** The facet counts of the register page: kept counts for the whole register, else grouped over the matches. */
export async function facetCounts(db: Db, catalog: Catalog, f: BrowseFilter, limit = 30): Promise<FacetCounts> {
  if (!unfiltered(f)) return groupFacets(db, catalog, f, limit);
  const rows = await db.kysely
    .selectFrom("assertion_facets")
    .select(["facet", "value", sql<number>`n::int`.as("count")])
    .where(sql<boolean>`n > 0`)
    .orderBy("facet")
    .orderBy("n", "desc")
    .orderBy("value")
    .execute();
  return topPerFacet(rows, limit);
}

/** Every facet counted over the matching assertions themselves, read once (what assertion_facets keeps for all). */
export async function groupFacets(db: Db, catalog: Catalog, f: BrowseFilter, limit = 30): Promise<FacetCounts> {
  const matching = db.kysely
    .selectFrom("assertions")
    .where(where(catalog, f))
    .select(FACETS.map((k) => FACET_EXPR[k].as(k)));
  const groups = sql.join(
    FACETS.map((k) => sql`select ${sql.lit(k)} as facet, ${sql.ref(k)} as value, count(*)::int as count from m group by 2`),
    sql` union all `,
  );
  const rows = await sql<{ facet: string; value: string | null; count: number }>`with m as materialized (${matching}) select * from (${groups}) g order by facet, count desc, value`.execute(db.kysely);
  return topPerFacet(rows.rows, limit);
}

function topPerFacet(rows: { facet: string; value: string | null; count: number }[], limit: number): FacetCounts {
  const out = Object.fromEntries(FACETS.map((k) => [k, []])) as unknown as FacetCounts;
  for (const r of rows) {
    const list = out[r.facet as Facet];
    if (list && list.length < limit) list.push({ value: String(r.value), count: Number(r.count) });
  }
  return out;
}
