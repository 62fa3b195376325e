// Bulk registration as `dossier ingest` and the queue's workers do it: documents go in batches, one transaction
// each (a batch is stored whole or not at all, so each of its documents is too), with merging deferred to
// pending_pairs in the same transaction and done once at the end by mergePending. A batch the register refuses is
// retried one document per transaction, so only the document at fault fails.
import type { Document } from "../ingest/document.ts";
import type { IncomingClaims } from "../resolve/claims.ts";
import type { Db } from "./db.ts";
import { mergePending, registerDocuments, type BatchOptions, type DocumentResult } from "./register-batch.ts";

/** What became of one document: what registering it did, or why it was not stored. */
export type Outcome = DocumentResult | Error;

/** A document with its claims, as the register takes it. */
export interface Input {
  document: Document;
  claims: IncomingClaims;
}

/**
 * Stores inputs as one batch, in one transaction; when that fails, stores each input in a transaction of its own,
 * so a document the register refuses fails alone and the others are stored. One outcome per input, in order.
 */
export async function registerBatch(db: Db, inputs: readonly Input[], options: BatchOptions = {}): Promise<{ outcomes: Outcome[]; transactions: number }> {
  if (inputs.length === 0) return { outcomes: [], transactions: 0 };
  try {
    return { outcomes: (await registerDocuments(db, inputs, options)).documents, transactions: 1 };
  } catch (e) {
    if (inputs.length === 1) return { outcomes: [asError(e)], transactions: 1 };
  }
  const outcomes: Outcome[] = [];
  for (const input of inputs) {
    try {
      outcomes.push(...(await registerDocuments(db, [input], options)).documents);
    } catch (e) {
      outcomes.push(asError(e));
    }
  }
  return { outcomes, transactions: 1 + inputs.length };
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** Options of a {@link BulkRegister}. */
export interface BulkOptions<T> extends Omit<BatchOptions, "merge"> {
  /** Documents per transaction; default 100. */
  batch?: number;
  /** Characters of text per transaction, so that long pages make smaller batches; default 8,000,000. */
  batchChars?: number;
  /** Pairs merged per transaction at the end; default mergePending's (2,000). */
  mergeChunk?: number;
  /** Told each document's outcome, with the tag it was added with, once its transaction has ended. */
  stored?: (tag: T, outcome: Outcome) => void;
}

/** What {@link BulkRegister.finish} merged. */
export interface MergeReport {
  pairs: number;
  created: number;
  updated: number;
  removed: number;
}

/**
 * Registers a stream of documents in batches. While one batch commits the caller reads and extracts the next
 * (on a Postgres server the two run side by side); batches commit one after another in the order documents
 * were added, so each document finds its copies among those added before it, as one by one. `finish` stores the
 * last batch and merges every pending pair, this run's and any an interrupted run left behind.
 */
export class BulkRegister<T = void> {
  private waiting: { input: Input; tag: T }[] = [];
  private chars = 0;
  private committing: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** Transactions that stored documents so far. */
  transactions = 0;

  constructor(
    private readonly db: Db,
    private readonly options: BulkOptions<T> = {},
  ) {}

  /** Adds a document; once the batch is full it is handed over to commit, after the one before it. */
  async add(input: Input, tag: T): Promise<void> {
    this.waiting.push({ input, tag });
    this.chars += input.document.text.length;
    if (this.waiting.length >= (this.options.batch ?? 100) || this.chars >= (this.options.batchChars ?? 8_000_000)) await this.handOver();
  }

  /** Stores what was added and waits until every batch has committed. */
  async drain(): Promise<void> {
    await this.handOver();
    await this.committing;
    this.rethrow();
  }

  /** Drains, then merges every pending pair; `merging` is told how many pairs are merged out of how many. */
  async finish(merging?: (merged: number, total: number) => void): Promise<MergeReport> {
    await this.drain();
    const total = await pendingPairs(this.db);
    merging?.(0, total);
    const m = await mergePending(this.db, { catalog: this.options.catalog, chunk: this.options.mergeChunk, progress: (n) => merging?.(n, total) });
    return { pairs: m.pairs, created: m.created.length, updated: m.updated.length, removed: m.removed.length };
  }

  private async handOver(): Promise<void> {
    if (this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    this.chars = 0;
    await this.committing;
    this.rethrow();
    this.committing = this.commit(batch).catch((e: unknown) => void (this.failure = e));
  }

  private async commit(batch: { input: Input; tag: T }[]): Promise<void> {
    const { outcomes, transactions } = await registerBatch(
      this.db,
      batch.map((b) => b.input),
      { ...this.options, merge: "later" },
    );
    this.transactions += transactions;
    outcomes.forEach((o, i) => this.options.stored?.(batch[i]!.tag, o));
  }

  private rethrow(): void {
    if (this.failure) throw this.failure;
  }
}

/** How many supplier–recipient pairs wait to be merged (a bulk load not finished, or interrupted). */
export async function pendingPairs(db: Db): Promise<number> {
  const r = await db.kysely.selectFrom("pending_pairs").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
