import type { Catalog } from "../catalog/types.ts";
import { extract } from "../extract/pipeline.ts";
import type { ExtractInput } from "../extract/types.ts";
import type { Document } from "../ingest/document.ts";
import type { IncomingClaims } from "../resolve/claims.ts";
import type { Db } from "./db.ts";
import { EXTRACTOR_VERSION, registerDocument } from "./register.ts";

/** What a re-extraction did. */
export interface ReextractSummary {
  documents: number;
  updated: number;
  unchanged: number;
  failed: { document: string; error: string }[];
}

/** Options of {@link reextract}. */
export interface ReextractOptions {
  /** The extractor; default the built-in `extract`. */
  extractor?: (input: ExtractInput, catalog: Catalog) => IncomingClaims;
  /** Default {@link EXTRACTOR_VERSION}. */
  version?: string;
  /** Called after each document. */
  progress?: (done: number, total: number) => void;
}

/**
 * Runs the extractor again over every stored text and registers the new claims, one transaction per document.
 * Analyst decisions are untouched (they live in their own table, keyed by what survives re-extraction), so they
 * apply to the new claims as they did to the old ones.
 */
export async function reextract(db: Db, catalog: Catalog, options: ReextractOptions = {}): Promise<ReextractSummary> {
  const run = options.extractor ?? extract;
  const version = options.version ?? EXTRACTOR_VERSION;
  const ids = (await db.kysely.selectFrom("documents").select("id").orderBy("id").execute()).map((r) => r.id);
  const summary: ReextractSummary = { documents: ids.length, updated: 0, unchanged: 0, failed: [] };
  for (const [i, id] of ids.entries()) {
    const row = await db.kysely.selectFrom("documents").select(["url", "canonical_url", "outlet", "published", "language", "title", "author", "text"]).where("id", "=", id).executeTakeFirstOrThrow();
    const copies = await db.kysely.selectFrom("document_copies").select("copy_of").where("document_id", "=", id).where("found_by", "=", "ingest").execute();
    const document: Document = {
      id,
      url: row.url,
      canonicalUrl: row.canonical_url,
      outlet: row.outlet,
      published: row.published,
      language: row.language,
      title: row.title,
      author: row.author,
      text: row.text,
      copyOf: copies.map((c) => c.copy_of),
    };
    try {
      const claims = run({ id, text: row.text, lang: row.language, published: row.published, outlet: row.outlet }, catalog);
      const r = await registerDocument(db, document, claims, { catalog, extractorVersion: version });
      if (r.status === "unchanged") summary.unchanged++;
      else summary.updated++;
    } catch (e) {
      const err = e as Error & { code?: string };
      if (!err.code) throw e;
      summary.failed.push({ document: id, error: err.message });
    }
    options.progress?.(i + 1, ids.length);
  }
  return summary;
}
