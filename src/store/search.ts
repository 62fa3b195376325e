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

/** The query as the configurations parse it: one entry per distinct parse, with the configurations that give it. */
export interface ParsedQuery {
  tsquery: string;
  configs: string[];
}

/** Parses a query in every configuration, once; a configuration that finds no word in it (stop words only) is left out. */
export async function parseQuery(db: Db, query: string): Promise<ParsedQuery[]> {
  const each = sql.join(
    CONFIGS.map((c) => sql`(${c}, websearch_to_tsquery(${sql.lit(c)}::regconfig, ${query})::text)`),
    sql`, `,
  );
  const rows = await sql<{ config: string; tsquery: string }>`select config, tsquery from (values ${each}) v (config, tsquery)`.execute(db.kysely);
  const byParse = new Map<string, string[]>();
  for (const r of rows.rows) if (r.tsquery !== "") byParse.set(r.tsquery, [...(byParse.get(r.tsquery) ?? []), r.config]);
  return [...byParse].map(([tsquery, configs]) => ({ tsquery, configs }));
}

/** Whether a document's language is read with one of these configurations, as config() maps languages. */
function readWith(configs: string[]): RawBuilder<boolean> {
  const codes = (inside: boolean) => Object.entries(TS_CONFIGS).filter(([, cfg]) => configs.includes(cfg) === inside).map(([code]) => sql.lit(code));
  if (!configs.includes("simple")) return sql<boolean>`d.language in (${sql.join(codes(true))})`;
  const others = codes(false);
  return others.length ? sql<boolean>`(d.language is null or d.language not in (${sql.join(others)}))` : sql<boolean>`true`;
}

/**
 * Documents whose vector (search_vector: to_tsvector(config(language), title || ' ' || text), stored and indexed by
 * migration 006) matches the query parsed in their own language's configuration, written as one branch per distinct
 * parse, `vector @@ constant and language in (…)`: every branch can read the GIN index, and the planner can tell
 * from its statistics how many documents match, hence whether reading the newest first soon finds enough of them.
 */
function matching(parsed: ParsedQuery[]): RawBuilder<boolean> {
  if (parsed.length === 0) return sql<boolean>`false`;
  return sql.join(
    parsed.map((p) => sql<boolean>`(d.search_vector @@ ${p.tsquery}::tsquery and ${readWith(p.configs)})`),
    sql` or `,
  );
}

/**
 * How many matching documents a search ranks: the most recently published this many (all of them when fewer
 * match). Ranking every match of a word most documents hold means reading every one of their vectors (0.3 s at
 * 150,000 matches); this many take about 30 ms.
 */
export const SEARCH_CANDIDATES = 10_000;

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

/** What a search found. */
export interface SearchResult {
  /** How many documents match, counted up to the candidates ranked. */
  total: number;
  /** The count stopped at the candidates ranked: at least `total` documents match, and the hits are the most relevant of the `total` most recent. */
  capped: boolean;
  hits: SearchHit[];
}

/** How a search is bounded. */
export interface SearchOptions {
  /** Hits returned; default 50. */
  limit?: number;
  /** Matching documents ranked, the most recent first; default {@link SEARCH_CANDIDATES}. */
  candidates?: number;
}

/**
 * The query for the most relevant of the most recent matching documents, with their headlines and the count of
 * candidates, not yet run (tests explain it). Headlines are made for the hits only, after ranking.
 */
export function documentSearch(query: string, parsed: ParsedQuery[], options: SearchOptions = {}) {
  const limit = options.limit ?? 50;
  const candidates = options.candidates ?? SEARCH_CANDIDATES;
  const tsq = (alias: string) => parsedFor(sql.ref(`${alias}.language`), query);
  const opts = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;
  const recent = sql`published desc nulls last, id`;
  // Ranked as they are read, so the candidates kept are narrow rows (a vector each would cost more than the ranking).
  return sql<{ id: string; title: string | null; outlet: string | null; published: string | null; language: string | null; rank: number; fragment: string; matched: string }>`
with candidates as materialized (
  select d.id, d.published, ts_rank(d.search_vector, ${tsq("d")}) as rank
  from documents d where ${matching(parsed)}
  order by ${recent} limit ${candidates}
), ranked as (
  select id, published, rank from candidates order by rank desc, ${recent} limit ${limit}
)
select d.id, d.title, d.outlet, d.published, d.language, r.rank, (select count(*) from candidates) as matched,
  ts_headline(${config(sql.ref("d.language"))}, translate(d.text, '<>', ${ANGLES}), ${tsq("d")}, ${opts}) as fragment
from ranked r join documents d on d.id = r.id
order by r.rank desc, r.published desc nulls last, r.id`;
}

/**
 * The documents matching a web-search style query (words, "phrases", -exclusions, or): the most relevant of the
 * {@link SEARCH_CANDIDATES} most recent matches (of every match when fewer), with their matching claims.
 */
export async function searchDocuments(db: Db, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const candidates = options.candidates ?? SEARCH_CANDIDATES;
  const docs = (await documentSearch(query, await parseQuery(db, query), options).execute(db.kysely)).rows;
  if (docs.length === 0) return { total: 0, capped: false, hits: [] };
  const matched = Number(docs[0]!.matched);
  const cfg = config(sql.ref("d.language"));
  const tsq = parsedFor(sql.ref("d.language"), query);
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
  return {
    total: matched,
    capped: matched === candidates,
    hits: docs.map(({ matched: _, ...d }) => ({
      ...d,
      rank: Number(d.rank),
      fragment: unswap(d.fragment),
      claims: claims.filter((c) => c.document_id === d.id).map((c) => ({ idx: c.idx, evidence: unswap(c.evidence), assertion: c.assertion_id })),
    })),
  };
}
