// The bulk path: many documents per transaction, for imports and benchmarks. It stores what registerDocument
// would store for the same documents in the same order (documents, copies, claims, sources, citations, assertions)
// with one statement per table per batch, and merges the pairs the batch touches once, at its end.
import { sql } from "kysely";
import { defaultCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/types.ts";
import type { Document } from "../ingest/document.ts";
import type { IncomingClaims } from "../resolve/claims.ts";
import { pairKey } from "../resolve/merge.ts";
import type { Db } from "./db.ts";
import { insertRows } from "./insert-rows.ts";
import { lockReference, recomputePairs, type Changes } from "./recompute.ts";
import {
  claimRecords,
  copyRows,
  documentAudit,
  findCopies,
  lockKeys,
  pairLock,
  prepareDocument,
  storeClaims,
  titleLock,
  type Prepared,
  type RegisterOptions,
  type RegisterResult,
} from "./register.ts";

/** What registering one document of a batch did (its assertions are reported for the whole batch). */
export type DocumentResult = Omit<RegisterResult, "assertions">;

/** Options of {@link registerDocuments}. */
export interface BatchOptions extends RegisterOptions {
  /**
   * `now` (default): merge the pairs the batch touches before it commits. `later`: record them in pending_pairs
   * instead, for {@link mergePending} to merge once after many batches; until then their assertions are stale.
   */
  merge?: "now" | "later";
}

/** What registering a batch did. */
export interface BatchResult {
  documents: DocumentResult[];
  /** Assertions created, updated or removed by the batch, against the register before it. */
  assertions: Changes;
}

type Candidate = { id: string; title: string | null; text: string };

/**
 * Stores documents with their claims in one transaction and merges the assertions of the pairs they touch once:
 * after a crash either the whole batch is stored or none of it. Each document is treated as by
 * {@link registerDocument} in the batch's order: the same document with the same claims changes nothing, other
 * claims replace its old ones, and a document finds its near-identical copies among those stored before it, in the
 * register or earlier in the batch. The tables end as registering the documents one by one leaves them; the audit
 * log records each document, and each assertion change once per batch rather than once per document.
 * Every document is checked before anything is written, so one invalid document refuses the batch.
 */
export async function registerDocuments(db: Db, inputs: readonly { document: Document; claims: IncomingClaims }[], options: BatchOptions = {}): Promise<BatchResult> {
  const catalog = options.catalog ?? defaultCatalog();
  const prepared = inputs.map((i) => prepareDocument(i.document, i.claims, options));
  if (prepared.length === 0) return { documents: [], assertions: { created: [], updated: [], removed: [] } };
  const ids = [...new Set(prepared.map((p) => p.document.id))];
  return db.kysely.transaction().execute(async (tx) => {
    // The locks registerDocument takes, in the same rounds (documents; the reference register, shared, when the
    // batch merges; then headlines and pairs, each sorted), so batches and single registrations never deadlock.
    await lockKeys(tx, ids.map((id) => `document:${id}`));
    const oldPairs = await tx.selectFrom("claims").select(["document_id", "pair"]).distinct().where(sql<boolean>`document_id = any(${ids}::text[])`).execute();
    if (options.merge !== "later") await lockReference(tx, "shared");
    await lockKeys(tx, [...new Set([...prepared.map(titleLock), ...oldPairs.map((o) => pairLock(o.pair)), ...prepared.flatMap((p) => p.rows.map((r) => pairLock(pairKey(r))))])]);

    const stored = new Map((await tx.selectFrom("documents").select(["id", "content_hash", "claims_hash", "title_key"]).where(sql<boolean>`id = any(${ids}::text[])`).execute()).map((r) => [r.id, r] as const));
    const links = await tx.selectFrom("document_copies").select(["document_id", "copy_of"]).where(sql<boolean>`document_id = any(${ids}::text[])`).execute();
    const headlines = new Headlines(
      await tx
        .selectFrom("documents")
        .select(["id", "title", "text", "title_key"])
        .where(sql<boolean>`title_key = any(${[...new Set(prepared.flatMap((p) => (p.row.title_key ? [p.row.title_key] : [])))]}::text[])`)
        .execute(),
    );
    const oldPairsOf = groupBy(oldPairs, (o) => o.document_id, (o) => o.pair);
    const linksOf = groupBy(links, (l) => l.document_id, (l) => l.copy_of);
    const pairs = new Set<string>();
    const documents: DocumentResult[] = [];
    const audits: ReturnType<typeof documentAudit>[] = [];
    const copies: ReturnType<typeof copyRows> = [];
    // The last changed version of each document in the batch is the one stored.
    const latest = new Map<string, Prepared>();
    for (const p of prepared) {
      const id = p.document.id;
      const before = stored.get(id);
      if (before && before.content_hash === p.contentHash && before.claims_hash === p.claimsHash) {
        const linked = [...(linksOf.get(id) ?? []), ...copies.filter((c) => c.document_id === id).map((c) => c.copy_of)];
        documents.push({ document: id, status: "unchanged", claims: p.rows.length, copies: [...new Set(linked)] });
        continue;
      }
      const found = findCopies(p.document, headlines.get(p.row.title_key));
      copies.push(...copyRows(id, found));
      headlines.set(id, p.row.title_key, { id, title: p.document.title, text: p.document.text });
      stored.set(id, { id, content_hash: p.contentHash, claims_hash: p.claimsHash, title_key: p.row.title_key });
      documents.push({ document: id, status: before ? "updated" : "added", claims: p.rows.length, copies: [...found.keys()].sort() });
      audits.push(documentAudit(p, !!before, [...found.keys()].sort()));
      for (const pair of oldPairsOf.get(id) ?? []) pairs.add(pair);
      for (const r of p.rows) pairs.add(pairKey(r));
      latest.set(id, p);
    }
    const writes = [...latest.values()];
    if (writes.length) {
      await insertRows(
        tx,
        "documents",
        writes.map((p) => ({ id: p.document.id, ...p.row })),
        sql`on conflict (id) do update set ${sql.join(Object.keys(writes[0]!.row).map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`,
      );
      await insertRows(tx, "document_copies", copies, sql`on conflict (document_id, copy_of) do nothing`);
      await tx.deleteFrom("claims").where(sql<boolean>`document_id = any(${writes.map((p) => p.document.id)}::text[])`).execute();
      await storeClaims(tx, writes.map((p) => claimRecords(catalog, p)));
    }
    const touched = [...pairs].sort();
    let assertions: Changes = { created: [], updated: [], removed: [] };
    if (options.merge === "later") await insertRows(tx, "pending_pairs", touched.map((pair) => ({ pair })), sql`on conflict (pair) do nothing`);
    else assertions = await recomputePairs(tx, catalog, touched);
    await insertRows(tx, "audit_log", audits);
    return { documents, assertions };
  });
}

function groupBy<T>(rows: T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) out.get(key(r))?.push(value(r)) ?? out.set(key(r), [value(r)]);
  return out;
}

/** Documents by folded headline, as the batch has seen them so far (the register before it, then its own writes). */
class Headlines {
  private readonly byKey = new Map<string, Map<string, Candidate>>();
  private readonly keyOf = new Map<string, string | null>();

  constructor(rows: (Candidate & { title_key: string | null })[]) {
    for (const r of rows) this.set(r.id, r.title_key, r);
  }

  get(key: string | null): Iterable<Candidate> {
    return key ? (this.byKey.get(key)?.values() ?? []) : [];
  }

  set(id: string, key: string | null, doc: Candidate): void {
    const old = this.keyOf.get(id);
    if (old) this.byKey.get(old)?.delete(id);
    this.keyOf.set(id, key);
    if (!key) return;
    const group = this.byKey.get(key) ?? new Map<string, Candidate>();
    group.set(id, doc);
    this.byKey.set(key, group);
  }
}

/**
 * Merges the pairs bulk loads left pending, `chunk` pairs per transaction (default 2,000; each locked as
 * registerDocument locks it), until none is left; safe to run from several processes at once and to resume after
 * a crash. Ends by refreshing the planner's statistics (ANALYZE) when it merged at least `analyzeAfter` pairs
 * (default 1,000): a large load changes the tables' make-up, a small one does not.
 */
export async function mergePending(db: Db, options: { catalog?: Catalog; chunk?: number; analyzeAfter?: number; progress?: (pairs: number) => void } = {}): Promise<Changes & { pairs: number }> {
  const catalog = options.catalog ?? defaultCatalog();
  const total: Changes & { pairs: number } = { created: [], updated: [], removed: [], pairs: 0 };
  for (;;) {
    const step = await db.kysely.transaction().execute(async (tx) => {
      const rows = await sql<{ pair: string }>`select pair from pending_pairs order by pair limit ${options.chunk ?? 2000} for update skip locked`.execute(tx);
      const pairs = rows.rows.map((r) => r.pair);
      if (pairs.length === 0) return null;
      await lockReference(tx, "shared");
      await lockKeys(tx, pairs.map(pairLock));
      const changes = await recomputePairs(tx, catalog, pairs);
      await tx.deleteFrom("pending_pairs").where(sql<boolean>`pair = any(${pairs}::text[])`).execute();
      return { changes, pairs: pairs.length };
    });
    if (!step) {
      // A bulk load changes the tables' make-up wholesale: refresh the planner's statistics (the embedded PGlite has
      // no autovacuum to do it, and without them picks whole-table scans for one document's rows).
      if (total.pairs > 0 && total.pairs >= (options.analyzeAfter ?? 1000)) await sql`analyze`.execute(db.kysely);
      return total;
    }
    total.created.push(...step.changes.created);
    total.updated.push(...step.changes.updated);
    total.removed.push(...step.changes.removed);
    total.pairs += step.pairs;
    options.progress?.(total.pairs);
  }
}
