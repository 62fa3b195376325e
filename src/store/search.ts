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

/** A document's searchable text: its title and its text, as the search indexes hold it. */
const DOCUMENT_TEXT = sql`coalesce(d.title, '') || ' ' || d.text`;

/**
 * Documents whose text matches the query in their own language's configuration. The query is written once per
 * configuration, with the configuration fixed, so that each branch can use that language's partial GIN index
 * (migration 007: `to_tsvector('french', …) where language = 'fr'`, and so on); a query whose configuration
 * depended on the row could use no index at all.
 */
function documentMatches(query: string): RawBuilder<boolean> {
  const codes = Object.keys(TS_CONFIGS);
  const branch = (cfg: string, which: RawBuilder<unknown>) =>
    sql`(${which} and to_tsvector(${sql.lit(cfg)}::regconfig, ${DOCUMENT_TEXT}) @@ websearch_to_tsquery(${sql.lit(cfg)}::regconfig, ${query}))`;
  const known = Object.entries(TS_CONFIGS).map(([code, cfg]) => branch(cfg, sql`d.language = ${sql.lit(code)}`));
  const other = branch("simple", sql`(d.language is null or d.language not in (${sql.join(codes.map((c) => sql.lit(c)))}))`);
  return sql<boolean>`(${sql.join([...known, other], sql` or `)})`;
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

/** The row's own configuration and the query parsed in it: for ranking and headlines of rows already matched. */
function inRowLanguage(query: string) {
  const cfg = config(sql.ref("d.language"));
  return { cfg, tsq: sql`websearch_to_tsquery(${cfg}, ${query})` };
}

/** The query for the most relevant matching documents, with their headlines, not yet run (tests explain it). */
export function documentSearch(db: Db, query: string, limit = 50) {
  const { cfg, tsq } = inRowLanguage(query);
  const opts = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;
  return db.kysely
    .selectFrom("documents as d")
    .select(["d.id", "d.title", "d.outlet", "d.published", "d.language"])
    .select(sql<number>`ts_rank(to_tsvector(${cfg}, ${DOCUMENT_TEXT}), ${tsq})`.as("rank"))
    .select(sql<string>`ts_headline(${cfg}, translate(d.text, '<>', ${ANGLES}), ${tsq}, ${opts})`.as("fragment"))
    .where(documentMatches(query))
    .orderBy("rank", "desc")
    .orderBy("d.id")
    .limit(limit);
}

/** The documents matching a web-search style query (words, "phrases", -exclusions, or), at most `limit` (default 50). */
export async function searchDocuments(db: Db, query: string, limit = 50): Promise<SearchHit[]> {
  const { cfg, tsq } = inRowLanguage(query);
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
