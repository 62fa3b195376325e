import { loadCatalog, defaultCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/types.ts";
import { extractDocument } from "../extract/pipeline.ts";
import { Deduper } from "../ingest/dedupe.ts";
import type { Document } from "../ingest/document.ts";
import { Fetcher, type Resolver } from "../ingest/fetch.ts";
import { readPage, type RawPage } from "../ingest/page.ts";
import { tasks, type SourceContext } from "../ingest/sources.ts";
import { BulkRegister, type MergeReport } from "../store/bulk.ts";
import { openDb, StoreError, type Db } from "../store/db.ts";
import { PostgresQueue } from "../store/queue/postgres.ts";
import { registerJob } from "../store/queue/register-job.ts";
import type { JobSpec } from "../store/queue/types.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";

export const INGEST_HELP = `Usage: dossier ingest INPUT... [options]

Reads articles from each INPUT and extracts their transfer claims. An INPUT is
an http(s) URL of a page or of an RSS/Atom feed (every item is fetched), a
file (.html .htm .txt, a feed, .warc or .warc.gz streamed record by record),
a folder (searched recursively for .html .htm .txt .warc .warc.gz), or - for
standard input. Each document gets its main text (Readability), title, outlet,
publication date, author, canonical URL and language; its id is a hash of its
text, so the same article twice is read once, and near-identical copies are
listed in copyOf.

Each document is stored in the register with its claims (re-reading an
article changes nothing). Documents are stored in batches, one transaction
per batch, so a crash leaves each document whole or absent; the assertions
of the supplier-recipient pairs they touch are merged once, when every input
has been read (running the same ingest again after a crash finishes what it
left). Then "dossier list" shows the register. With --json nothing is stored:
one {"document": ..., "claims": ...} object per document is printed instead
(JSON Lines). With --queue the documents are queued as jobs on the Postgres
server for "dossier worker" processes to extract and store.

Options:
  --json               print JSON Lines instead of storing
  --queue              add a register job per document to the Postgres job
                       queue instead of storing (needs $DATABASE_URL)
  --batch N            documents stored per transaction (default 100; fewer
                       when their texts pass 8,000,000 characters)
  --data DIR           the embedded register's folder (default: $DOSSIER_DATA,
                       else ./dossier-data); ignored when $DATABASE_URL names a
                       Postgres server
  --allow-private      fetch from loopback and private addresses too; the
                       default refuses them (SSRF guard): for local testing only
  --timeout SECONDS    time allowed for one request, connect to last byte
                       (default 30)
  --max-bytes N        largest page read, counted after decompression; k, M
                       and G suffixes allowed (default 10M)
  --concurrency N      pages fetched at once, at most 2 per host (default 4)
  --catalog DIR        a catalog folder merged over the built-in one
                       (default: $DOSSIER_CATALOG when set)
  --help               this text

On a terminal, a progress line (done, rate, failures; then the merge) is drawn
on standard error; in a pipe, a run that stores or queues prints a progress
line every 10 seconds, and --json prints nothing but results. A summary on
standard error ends the run: ingested, duplicates, near-duplicates, skipped
(not an article), failed, each failure with its input and reason; what the
register stored, in how many transactions, and how many pairs were merged.

Exit codes: 0 every input read, 2 usage error, 3 some inputs failed.`;

/** Parses a byte count such as `10M` or `500k`. */
function bytesFlag(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new UsageError(`--max-bytes takes a size such as 10M or 500000 (got "${v}")`);
  const scale = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Math.round(Number(m[1]) * scale);
}

function positive(name: string, v: string | true | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} takes a positive number (got "${v}")`);
  return n;
}

/** Tallies of one run, for the summary. */
interface Tally {
  /** Documents read and extracted, and stored or queued when the run stores or queues them. */
  ingested: number;
  /** Documents the register took as new, changed, or already held as they are. */
  stored: { added: number; updated: number; unchanged: number };
  /** Register jobs added to the queue, and those it already held. */
  queued: { added: number; already: number };
  duplicates: number;
  nearDuplicates: number;
  skipped: { input: string; reason: string }[];
  failed: { input: string; reason: string }[];
}

/**
 * Reports progress on standard error: on a terminal a line redrawn at most five times a second (and when `force`d),
 * elsewhere (when `periodic`) a line every ten seconds.
 */
function progress(io: Io, tty: boolean, periodic: boolean, tally: Tally) {
  const start = Date.now();
  let last = start;
  let merge = "";
  const line = () => {
    const done = tally.ingested + tally.duplicates + tally.skipped.length + tally.failed.length;
    const rate = done / Math.max(0.001, (Date.now() - start) / 1000);
    return `ingest: ${done} done, ${rate.toFixed(1)}/s, ${tally.failed.length} failed${merge}`;
  };
  const tick = (force = false) => {
    const now = Date.now();
    if (tty && (force || now - last > 200)) io.err(`\r\x1b[K${line()}`);
    else if (!tty && periodic && now - last > 10_000) io.err(`${line()}\n`);
    else return;
    last = now;
  };
  return {
    tick,
    merging(merged: number, total: number) {
      merge = `; merging pairs: ${merged} of ${total}`;
      tick(merged === 0);
    },
    end: () => tty && io.err("\r\x1b[K"),
  };
}

export interface IngestDeps {
  /** Standard input's bytes (replaceable in tests). */
  stdin?: () => Promise<Uint8Array>;
  /** Whether standard error is a terminal (default: process.stderr.isTTY). */
  tty?: boolean;
  /** Host name resolution for the fetcher (replaceable in tests). */
  resolve?: Resolver;
}

export async function ingestCommand(argv: string[], io: Io, deps: IngestDeps = {}): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "queue", "help", "allow-private"], ["timeout", "max-bytes", "concurrency", "catalog", "data", "batch"]);
  if (flags.has("help")) {
    io.out(INGEST_HELP + "\n");
    return 0;
  }
  if (positional.length === 0) throw new UsageError("ingest needs at least one INPUT (a URL, file, folder, feed, WARC, or - for standard input)");
  const timeout = positive("timeout", flags.get("timeout"), 30);
  const concurrency = Math.floor(positive("concurrency", flags.get("concurrency"), 4));
  const maxBytes = flags.has("max-bytes") ? bytesFlag(flags.get("max-bytes") as string) : 10 * 1024 * 1024;
  const catalogDir = (flags.get("catalog") as string | undefined) ?? process.env.DOSSIER_CATALOG;
  const catalog = catalogDir ? loadCatalog({ overlays: [catalogDir] }) : defaultCatalog();
  const fetcher = new Fetcher({ allowPrivate: flags.has("allow-private"), timeoutMs: timeout * 1000, maxBytes, resolve: deps.resolve });
  const ctx: SourceContext = { fetcher, warcSkips: new Map(), stdin: deps.stdin };
  const batch = Math.max(1, Math.floor(positive("batch", flags.get("batch"), 100)));
  const mode = flags.has("json") ? "print" : flags.has("queue") ? "queue" : "store";
  if (flags.has("json") && flags.has("queue")) throw new UsageError("--json and --queue do not go together: --json prints, --queue hands documents to the workers");
  const tally: Tally = { ingested: 0, stored: { added: 0, updated: 0, unchanged: 0 }, queued: { added: 0, already: 0 }, duplicates: 0, nearDuplicates: 0, skipped: [], failed: [] };
  const db = mode === "print" ? null : await openDb({ dataDir: (flags.get("data") as string | undefined) ?? undefined });
  if (db && mode === "queue" && db.backend !== "postgres") {
    await db.close();
    throw new StoreError("store-invalid", "ingest --queue needs a Postgres server: set DATABASE_URL (the embedded register stores documents in process: leave out --queue)");
  }
  const fail = (input: string, e: unknown) => {
    const err = e as Error & { code?: string };
    tally.failed.push({ input, reason: err.message });
    if (process.env.DOSSIER_DEBUG && !err.code) io.err(`${err.stack}\n`);
  };
  const bulk =
    db && mode === "store"
      ? new BulkRegister<string>(db, {
          catalog,
          batch,
          stored: (input, outcome) => {
            if (outcome instanceof Error) return fail(input, outcome);
            tally.stored[outcome.status]++;
            tally.ingested++;
          },
        })
      : null;
  const queue = db && mode === "queue" ? jobQueue(db, batch, tally.queued) : null;
  const bar = progress(io, deps.tty ?? !!process.stderr.isTTY, mode !== "print", tally);
  const dedupe = new Deduper();
  let merged: MergeReport | null = null;

  const handle = async (input: string, raw: RawPage) => {
    const read = readPage(raw, catalog);
    if ("skipped" in read) return void tally.skipped.push({ input, reason: read.skipped });
    for (const w of read.warnings) io.err(`warning: ${w}\n`);
    const { document } = read;
    const seen = dedupe.add(document.id, document.text);
    if (seen.duplicate) return void tally.duplicates++;
    if (seen.copyOf.length) (document.copyOf = seen.copyOf), tally.nearDuplicates++;
    if (queue) {
      // The workers extract: that is the work worth spreading over machines.
      await queue.add(registerJob(document));
      return void tally.ingested++;
    }
    const claims = extractDocument(document, catalog);
    if (bulk) return bulk.add({ document, claims }, input);
    io.out(JSON.stringify({ document, claims }) + "\n");
    tally.ingested++;
  };

  // Loads run ahead up to the concurrency limit; pages are read in input order, so ids and copies are stable.
  const window: { input: string; loaded: Promise<RawPage | Error> }[] = [];
  const drain = async () => {
    const next = window.shift()!;
    const raw = await next.loaded;
    try {
      if (raw instanceof Error) throw raw;
      await handle(next.input, raw);
    } catch (e) {
      fail(next.input, e);
    }
    bar.tick();
  };
  try {
    for await (const task of tasks(positional, ctx)) {
      window.push({ input: task.input, loaded: task.load().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))) });
      if (window.length >= concurrency) await drain();
    }
    while (window.length) await drain();
    if (bulk) merged = await bulk.finish((m, total) => bar.merging(m, total));
    await queue?.flush();
    bar.tick(true);
  } finally {
    // A batch still committing finishes before the register closes.
    await bulk?.drain().catch(() => {});
    await db?.close();
  }
  bar.end();
  const register = db ? `${db.backend} ${db.location}` : null;
  io.err(summary(tally, ctx.warcSkips, register && bulk ? { register, transactions: bulk.transactions, merged: merged! } : null, register && queue ? register : null));
  return tally.failed.length ? 3 : 0;
}

/** Adds register jobs to the Postgres queue `batch` at a time, counting those it did not hold yet. */
function jobQueue(db: Db, batch: number, counts: Tally["queued"]) {
  const queue = new PostgresQueue(db.kysely);
  let waiting: JobSpec[] = [];
  const flush = async () => {
    const added = await queue.add(waiting);
    counts.added += added;
    counts.already += waiting.length - added;
    waiting = [];
  };
  return {
    async add(job: JobSpec) {
      waiting.push(job);
      if (waiting.length >= batch) await flush();
    },
    flush,
  };
}

function summary(t: Tally, warcSkips: Map<string, number>, stored: { register: string; transactions: number; merged: MergeReport } | null, queued: string | null): string {
  const lines = [`ingested ${t.ingested}, duplicates ${t.duplicates}, near-duplicates ${t.nearDuplicates}, skipped ${t.skipped.length} (not an article), failed ${t.failed.length}`];
  if (stored) {
    const { added, updated, unchanged } = t.stored;
    lines.push(`stored in the register (${stored.register}): ${added} new, ${updated} updated, ${unchanged} unchanged, in ${stored.transactions} transaction${stored.transactions === 1 ? "" : "s"}; ${stored.merged.pairs} supplier-recipient pair${stored.merged.pairs === 1 ? "" : "s"} merged`);
  }
  if (queued) lines.push(`queued for "dossier worker" (${queued}): ${t.queued.added} new jobs, ${t.queued.already} already queued`);
  if (warcSkips.size) lines.push(`WARC records passed over: ${[...warcSkips].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  for (const s of t.skipped) lines.push(`  skipped ${s.input}: ${s.reason}`);
  for (const f of t.failed) lines.push(`  failed ${f.input}: ${f.reason}`);
  return lines.join("\n") + "\n";
}
