import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { decodeBytes } from "./charset.ts";
import { looksLikeFeed, parseFeed, type FeedItem } from "./feeds.ts";
import type { Fetcher } from "./fetch.ts";
import type { RawPage } from "./page.ts";
import { openWarc, readWarc, type WarcSkips } from "./warc.ts";

/** An input that cannot be read at all; `code` is stable. */
export class SourceError extends Error {
  readonly code = "input-invalid";
}

/** One unit of work: a page to load (maybe over the network), named by the input it came from. */
export interface Task {
  input: string;
  load: () => Promise<RawPage>;
}

/** Largest local file read whole (WARC files are streamed and have no limit), in bytes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** File name endings read from a folder. */
export const FOLDER_EXTENSIONS = [".html", ".htm", ".txt", ".warc", ".warc.gz"];

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const isWarcName = (s: string) => /\.warc(\.gz)?$/i.test(s);
const isHtmlName = (s: string) => /\.x?html?$/i.test(s);

function sniffHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString("latin1");
  return /^\s*(<!doctype html|<html|<head|<body|<meta|<title|<article|<p\b|<div\b)/i.test(head.replace(/^\uFEFF|^\xEF\xBB\xBF/, ""));
}

function sniffWarc(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x1f && bytes[1] === 0x8b) || Buffer.from(bytes.subarray(0, 7)).toString("latin1") === "WARC/1.";
}

/** Every file under a folder with a readable ending, in sorted order. */
function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) yield* walk(path);
    else if (FOLDER_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) yield path;
  }
}

const failing = (input: string, e: unknown): Task => ({ input, load: () => Promise.reject(e) });

/** What the sources need: a fetcher for URLs and feed items, and a tally for WARC records passed over. */
export interface SourceContext {
  fetcher: Fetcher;
  warcSkips: WarcSkips;
  /** Standard input's bytes, read on demand (replaceable in tests). */
  stdin?: () => Promise<Uint8Array>;
}

function feedTasks(input: string, items: FeedItem[], ctx: SourceContext): Task[] {
  return items.map((item) => ({ input: `${input} → ${item.url}`, load: () => fetchPage(item.url, ctx.fetcher, item.published) }));
}

/** Fetches one page (not a feed) as raw bytes; text/plain answers are not read as HTML. */
export async function fetchPage(url: string, fetcher: Fetcher, dateHint: string | null = null): Promise<RawPage> {
  const r = await fetcher.fetch(url);
  const html = !/^\s*text\/plain\b/i.test(r.contentType ?? "");
  return { input: url, url: r.finalUrl, bytes: r.bytes, contentType: r.contentType, html, dateHint };
}

async function* warcTasks(input: string, stream: AsyncIterable<Buffer>, ctx: SourceContext): AsyncGenerator<Task> {
  let n = 0;
  for await (const page of readWarc(stream, ctx.warcSkips)) {
    const raw: RawPage = { input: `${input}#${++n} ${page.url}`, url: page.url, bytes: page.bytes, contentType: page.contentType, html: true };
    yield { input: raw.input, load: async () => raw };
  }
}

/** The tasks of one local file: a WARC's pages, a feed's items, or the file itself. */
async function* fileTasks(path: string, ctx: SourceContext): AsyncGenerator<Task> {
  if (isWarcName(path)) {
    yield* warcTasks(path, await openWarc(path), ctx);
    return;
  }
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new SourceError(`${path}: ${Math.round(size / 1048576)} MB is over the ${MAX_FILE_BYTES / 1048576} MB limit for a page`);
  let bytes: Uint8Array = readFileSync(path);
  yield* bytesTasks(path, path, bytes, ctx);
}

/** The tasks of bytes read whole (a file, standard input): a WARC's pages, a feed's items, or one page. */
async function* bytesTasks(input: string, url: string | null, data: Uint8Array, ctx: SourceContext): AsyncGenerator<Task> {
  let bytes = data;
  if (sniffWarc(bytes)) {
    const stream = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)]);
    yield* warcTasks(input, bytes[0] === 0x1f ? stream.pipe(createGunzip()) : stream, ctx);
    return;
  }
  const text = decodeBytes(bytes.subarray(0, 4096)).text;
  if (looksLikeFeed(text)) {
    yield* feedTasks(input, parseFeed(decodeBytes(bytes, null, { html: false }).text, url && isUrl(url) ? url : null), ctx);
    return;
  }
  const html = url ? isHtmlName(url) || (extname(url).toLowerCase() !== ".txt" && sniffHtml(bytes)) : sniffHtml(bytes);
  const raw: RawPage = { input, url, bytes, contentType: null, html };
  yield { input, load: async () => raw };
}

/** The tasks of a URL: the page itself, or every item of a feed (judged by Content-Type and by the body). */
async function* urlTasks(url: string, ctx: SourceContext): AsyncGenerator<Task> {
  const r = await ctx.fetcher.fetch(url);
  const type = r.contentType ?? "";
  const head = decodeBytes(r.bytes.subarray(0, 4096), type).text;
  if (looksLikeFeed(head)) {
    yield* feedTasks(url, parseFeed(decodeBytes(r.bytes, type, { html: false }).text, r.finalUrl), ctx);
    return;
  }
  const raw: RawPage = { input: url, url: r.finalUrl, bytes: r.bytes, contentType: r.contentType, html: !/^\s*text\/plain\b/i.test(type) };
  yield { input: url, load: async () => raw };
}

/**
 * Turns what the user gave (URLs, files, folders searched recursively, feeds, WARC files, `-` for standard input)
 * into tasks, one per page; an input that fails yields one failing task, so the others still run.
 */
export async function* tasks(inputs: string[], ctx: SourceContext): AsyncGenerator<Task> {
  for (const input of inputs) {
    try {
      if (input === "-") {
        const bytes = await (ctx.stdin ?? readStdin)();
        yield* bytesTasks("stdin", null, bytes, ctx);
      } else if (isUrl(input)) yield* urlTasks(input, ctx);
      else {
        let st;
        try {
          st = statSync(input);
        } catch (e) {
          throw new SourceError(`${input}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
        if (st.isDirectory()) for (const path of walk(input)) yield* guard(path, fileTasks(path, ctx));
        else yield* fileTasks(input, ctx);
      }
    } catch (e) {
      yield failing(input, e);
    }
  }
}

/** A folder's file that fails becomes a failing task instead of ending the folder. */
async function* guard(input: string, inner: AsyncGenerator<Task>): AsyncGenerator<Task> {
  try {
    yield* inner;
  } catch (e) {
    yield failing(input, e);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    size += (c as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new SourceError(`stdin: over the ${MAX_FILE_BYTES / 1048576} MB limit`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}
