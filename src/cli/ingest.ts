import { loadCatalog, defaultCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/types.ts";
import { extractDocument } from "../extract/pipeline.ts";
import { Deduper } from "../ingest/dedupe.ts";
import type { Document } from "../ingest/document.ts";
import { Fetcher, type Resolver } from "../ingest/fetch.ts";
import { readPage, type RawPage } from "../ingest/page.ts";
import { tasks, type SourceContext } from "../ingest/sources.ts";
import { openDb } from "../store/db.ts";
import { registerDocument } from "../store/register.ts";
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

Each document is stored in the register with its claims, one transaction per
document (re-reading an article changes nothing), and the assertions it
touches are merged again; see "dossier list". With --json nothing is stored:
one {"document": ..., "claims": ...} object per document is printed instead
(JSON Lines).

Options:
  --json               print JSON Lines instead of storing
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

On a terminal, a progress line (done, rate, failures) is drawn on standard
error; in a pipe nothing but results is printed. A summary on standard error
ends the run: ingested, duplicates, near-duplicates, skipped (not an
article), failed, each failure with its input and reason.

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
  ingested: number;
  /** Documents the register took as new, changed, or already held as they are. */
  stored: { added: number; updated: number; unchanged: number };
  duplicates: number;
  nearDuplicates: number;
  skipped: { input: string; reason: string }[];
  failed: { input: string; reason: string }[];
}

/** Draws a one-line progress report on a terminal, at most five times a second. */
function progress(io: Io, enabled: boolean, tally: Tally): { tick: () => void; end: () => void } {
  const start = Date.now();
  let last = 0;
  const draw = () => {
    const done = tally.ingested + tally.duplicates + tally.skipped.length + tally.failed.length;
    const rate = done / Math.max(0.001, (Date.now() - start) / 1000);
    io.err(`\r\x1b[Kingest: ${done} done, ${rate.toFixed(1)}/s, ${tally.failed.length} failed`);
  };
  return {
    tick: () => {
      if (enabled && Date.now() - last > 200) (last = Date.now()), draw();
    },
    end: () => enabled && io.err("\r\x1b[K"),
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
  const { positional, flags } = parseArgs(argv, ["json", "help", "allow-private"], ["timeout", "max-bytes", "concurrency", "catalog", "data"]);
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
  const tally: Tally = { ingested: 0, stored: { added: 0, updated: 0, unchanged: 0 }, duplicates: 0, nearDuplicates: 0, skipped: [], failed: [] };
  const db = flags.has("json") ? null : await openDb({ dataDir: (flags.get("data") as string | undefined) ?? undefined });
  const bar = progress(io, deps.tty ?? !!process.stderr.isTTY, tally);
  const dedupe = new Deduper();

  const handle = async (input: string, raw: RawPage) => {
    const read = readPage(raw, catalog);
    if ("skipped" in read) return void tally.skipped.push({ input, reason: read.skipped });
    for (const w of read.warnings) io.err(`warning: ${w}\n`);
    const { document } = read;
    const seen = dedupe.add(document.id, document.text);
    if (seen.duplicate) return void tally.duplicates++;
    if (seen.copyOf.length) (document.copyOf = seen.copyOf), tally.nearDuplicates++;
    const claims = extractDocument(document, catalog);
    if (db) tally.stored[(await registerDocument(db, document, claims, { catalog })).status]++;
    else io.out(JSON.stringify({ document, claims }) + "\n");
    tally.ingested++;
  };
  const fail = (input: string, e: unknown) => {
    const err = e as Error & { code?: string };
    tally.failed.push({ input, reason: err.message });
    if (process.env.DOSSIER_DEBUG && !err.code) io.err(`${err.stack}\n`);
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
  } finally {
    await db?.close();
  }
  bar.end();
  io.err(summary(tally, ctx.warcSkips, db ? `${db.backend} ${db.location}` : null));
  return tally.failed.length ? 3 : 0;
}

function summary(t: Tally, warcSkips: Map<string, number>, register: string | null): string {
  const lines = [`ingested ${t.ingested}, duplicates ${t.duplicates}, near-duplicates ${t.nearDuplicates}, skipped ${t.skipped.length} (not an article), failed ${t.failed.length}`];
  if (register) lines.push(`stored in the register (${register}): ${t.stored.added} new, ${t.stored.updated} updated, ${t.stored.unchanged} unchanged`);
  if (warcSkips.size) lines.push(`WARC records passed over: ${[...warcSkips].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  for (const s of t.skipped) lines.push(`  skipped ${s.input}: ${s.reason}`);
  for (const f of t.failed) lines.push(`  failed ${f.input}: ${f.reason}`);
  return lines.join("\n") + "\n";
}
