// Full-text search over documents and their claims with Postgres text search, each document stemmed in its own
// language, so "commander" finds "commandés" in a French article and "deliver" finds "delivered" in an English one.
import { sql, type RawBuilder } from "kysely";
import type { Db } from "./db.ts";

/** Text-search configurations by ISO 639-1 code; other languages (and none) use `simple`, which does not stem. */
export const TS_CONFIGS: Record<string, string> = {
  ar: "arabic",
  de: "german",
  en: "english",
  es: "spanish",
  fr: "french",
  it: "italian",
  nl: "dutch",
  pt: "portuguese",
  ru: "russian",
  tr: "turkish",
};

// Control characters as markers: unlikely in article text, and a stray one could only misplace a highlight, since
// the page escapes every piece of a headline either way.
/** Start of a matching stretch in a headline. */
export const HIT_START = "\u0002";
/** End of a matching stretch in a headline. */
export const HIT_END = "\u0003";

// ts_headline's parser reads <…> as markup and drops it, so a quoted passage would silently lose text; angle
// brackets are swapped for two other control characters before and swapped back after, keeping it verbatim.
const ANGLES = "\u0004\u0005";
const unswap = (s: string) => s.replace(/\u0004/g, "<").replace(/\u0005/g, ">");

/** The configuration for a document's language column, as a SQL expression. */
function config(column: RawBuilder<unknown>): RawBuilder<unknown> {
  const whens = Object.entries(TS_CONFIGS).map(([code, cfg]) => sql`when ${sql.lit(code)} then ${sql.lit(cfg)}::regconfig`);
  return sql`(case ${column} ${sql.join(whens, sql` `)} else 'simple'::regconfig end)`;
}

/** Every configuration a document's vector may be made with. */
const CONFIGS = [...new Set([...Object.values(TS_CONFIGS), "simple"])];

/**
 * A query parsed in the configuration of a language column: one branch per configuration, each a constant the
 * planner computes once, rather than the query parsed again for every document.
 */
function parsedFor(column: RawBuilder<unknown>, query: string): RawBuilder<unknown> {
  const whens = Object.entries(TS_CONFIGS).map(([code, cfg]) => sql`when ${sql.lit(code)} then websearch_to_tsquery(${sql.lit(cfg)}::regconfig, ${query})`);
  return sql`(case ${column} ${sql.join(whens, sql` `)} else websearch_to_tsquery('simple'::regconfig, ${query}) end)`;
}

/** A query parsed in every configuration a document may have, or'ed together. */
function anyConfig(query: string): RawBuilder<unknown> {
  return sql.join(
    CONFIGS.map((c) => sql`websearch_to_tsquery(${sql.lit(c)}::regconfig, ${query})`),
    sql` || `,
  );
}

/** One matching document: its matching sentences (claims' evidence first), most relevant first. */
export interface SearchHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  rank: number;
  /** Headlines with matches between {@link HIT_START} and {@link HIT_END}. */
  fragment: string;
  claims: { idx: number; evidence: string; assertion: string | null }[];
}

/** The query for the most relevant matching documents, with their headlines, not yet run (tests explain it). */
export function documentSearch(db: Db, query: string, limit = 50) {
  const cfg = config(sql.ref("d.language"));
  const tsq = parsedFor(sql.ref("d.language"), query);
  const opts = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;
  return db.kysely
    .selectFrom("documents as d")
    .select(["d.id", "d.title", "d.outlet", "d.published", "d.language"])
    .select(sql<number>`ts_rank(d.search_vector, ${tsq})`.as("rank"))
    .select(sql<string>`ts_headline(${cfg}, translate(d.text, '<>', ${ANGLES}), ${tsq}, ${opts})`.as("fragment"))
    // search_vector is to_tsvector(config(language), title || ' ' || text), stored and indexed (migration 006). The
    // query parsed in every configuration, or'ed, is a constant the index can take: a superset of the matches, which
    // the query parsed in each document's own configuration then narrows.
    .where(sql<boolean>`d.search_vector @@ (${anyConfig(query)})`)
    .where(sql<boolean>`d.search_vector @@ ${tsq}`)
    .orderBy("rank", "desc")
    .orderBy("d.id")
    .limit(limit);
}

/** The documents matching a web-search style query (words, "phrases", -exclusions, or), at most `limit` (default 50). */
export async function searchDocuments(db: Db, query: string, limit = 50): Promise<SearchHit[]> {
  const cfg = config(sql.ref("d.language"));
  const tsq = parsedFor(sql.ref("d.language"), query);
  const docs = await documentSearch(db, query, limit).execute();
  if (docs.length === 0) return [];
  const claims = await db.kysely
    .selectFrom("claims as c")
    .innerJoin("documents as d", "d.id", "c.document_id")
    .leftJoin("assertion_members as m", "m.claim_id", "c.id")
    .select(["c.document_id", "c.idx", "m.assertion_id"])
    .select(sql<string>`ts_headline(${cfg}, translate(c.evidence, '<>', ${ANGLES}), ${tsq}, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`})`.as("evidence"))
    .where("c.document_id", "in", docs.map((d) => d.id))
    .where(sql<boolean>`to_tsvector(${cfg}, c.evidence) @@ ${tsq}`)
    .orderBy("c.document_id")
    .orderBy("c.idx")
    .execute();
  return docs.map((d) => ({
    ...d,
    rank: Number(d.rank),
    fragment: unswap(d.fragment),
    claims: claims.filter((c) => c.document_id === d.id).map((c) => ({ idx: c.idx, evidence: unswap(c.evidence), assertion: c.assertion_id })),
  }));
}
