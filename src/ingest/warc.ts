import { createReadStream } from "node:fs";
import { createGunzip, gunzipSync, inflateSync, brotliDecompressSync } from "node:zlib";
import type { Readable } from "node:stream";

/** An HTML page found in a WARC `response` record. */
export interface WarcPage {
  /** `WARC-Target-URI`: the URL the page was fetched from. */
  url: string;
  /** `WARC-Date`, as written. */
  date: string | null;
  recordId: string | null;
  /** The HTTP Content-Type of the page. */
  contentType: string | null;
  /** The page's body, de-chunked and decompressed. */
  bytes: Uint8Array;
}

/** What a WARC read passed over, by reason (`truncated`, `malformed`, `not-html`, `other-record` …). */
export type WarcSkips = Map<string, number>;

/** Largest record block read into memory (default 20 MB); a larger one is passed over and counted `too-large`. */
export const MAX_RECORD_BYTES = 20 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

const CRLF2 = Buffer.from("\r\n\r\n");
const MAGIC = Buffer.from("WARC/1.");
const NEXT_RECORD = /\r\nWARC\/1\.[01]\r\n(?:[\w-]+:[^\r\n]*\r\n)*?WARC-Type:/i;

/** Pulls bytes from a stream in the amounts a record parser asks for, holding no more than one record. */
class Reader {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  eof = false;
  /** Set when the stream failed (a cut or corrupt gzip member); the read ends there. */
  failure: Error | null = null;
  constructor(stream: AsyncIterable<Buffer>) {
    this.it = stream[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    let r: IteratorResult<Buffer>;
    try {
      r = await this.it.next();
    } catch (e) {
      this.failure = e as Error;
      this.eof = true;
      return false;
    }
    if (r.done) {
      this.eof = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, r.value]) : r.value;
    return true;
  }

  /** Skips to the next `WARC/1.` at a line start; false at the end of the stream. */
  async seekRecord(): Promise<boolean> {
    for (;;) {
      let at = this.buf.indexOf(MAGIC);
      while (at > 0 && this.buf[at - 1] !== 0x0a) at = this.buf.indexOf(MAGIC, at + 1);
      if (at >= 0) {
        this.buf = this.buf.subarray(at);
        return true;
      }
      // Keep a tail in case the marker is split across chunks.
      this.buf = this.buf.subarray(Math.max(0, this.buf.length - MAGIC.length));
      if (!(await this.fill())) return false;
    }
  }

  /** The bytes up to a blank line (consumed, not returned); null at the end of the stream or past `max` bytes. */
  async header(max: number): Promise<Buffer | null> {
    for (;;) {
      const at = this.buf.indexOf(CRLF2);
      if (at >= 0) {
        const head = this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + 4);
        return head;
      }
      if (this.buf.length > max || !(await this.fill())) return null;
    }
  }

  /** Puts bytes back in front of the stream. */
  unshift(bytes: Buffer): void {
    this.buf = Buffer.concat([bytes, this.buf]);
  }

  /** The next `n` bytes (kept only when `keep`), and whether the stream held them all. */
  async take(n: number, keep: boolean): Promise<{ bytes: Buffer; complete: boolean }> {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      if (this.buf.length === 0 && !(await this.fill())) return { bytes: Buffer.concat(parts), complete: false };
      const part = this.buf.subarray(0, need);
      this.buf = this.buf.subarray(part.length);
      need -= part.length;
      if (keep) parts.push(part);
    }
    return { bytes: keep ? Buffer.concat(parts) : Buffer.alloc(0), complete: true };
  }
}

function parseHeaders(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}

function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf("\r\n", at);
    if (eol < 0) return null;
    const size = parseInt(body.subarray(at, eol).toString("latin1"), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** The HTML page inside an HTTP response block, or the reason it is not one. */
function httpPage(block: Buffer): { contentType: string | null; body: Buffer } | string {
  let split = block.indexOf(CRLF2);
  let sep = 4;
  if (split < 0) (split = block.indexOf("\n\n")), (sep = 2);
  if (split < 0) return "bad-http";
  const [status, ...lines] = block.subarray(0, split).toString("latin1").split(/\r?\n/);
  const code = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(status ?? "");
  if (!code) return "bad-http";
  if (!code[1]!.startsWith("2")) return "http-status";
  const h = parseHeaders(lines);
  const contentType = h.get("content-type") ?? null;
  if (!/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType ?? "")) return "not-html";
  let body: Buffer | null = block.subarray(split + sep);
  if (/chunked/i.test(h.get("transfer-encoding") ?? "")) body = dechunk(body) ?? body;
  const encoding = (h.get("content-encoding") ?? "").toLowerCase();
  try {
    const limit = { maxOutputLength: MAX_RECORD_BYTES };
    if (encoding === "gzip" || encoding === "x-gzip") body = gunzipSync(body, limit);
    else if (encoding === "deflate") body = inflateSync(body, limit);
    else if (encoding === "br") body = brotliDecompressSync(body, limit);
  } catch {
    return "bad-encoding";
  }
  return { contentType, body };
}

/** The target URI as a normalised http(s) URL, or null. */
function httpUrl(uri: string | undefined): string | null {
  try {
    const u = new URL(uri ?? "");
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

const count = (skips: WarcSkips, why: string) => skips.set(why, (skips.get(why) ?? 0) + 1);

/**
 * The HTML pages of a WARC stream, one record at a time: only `response` records of HTML with a 2xx status;
 * every other record, and every truncated or malformed one, is passed over and counted in `skips` by reason.
 */
export async function* readWarc(stream: AsyncIterable<Buffer>, skips: WarcSkips = new Map()): AsyncGenerator<WarcPage> {
  const r = new Reader(stream);
  yield* records(r, skips);
  if (r.failure) count(skips, "unreadable-stream");
}

async function* records(r: Reader, skips: WarcSkips): AsyncGenerator<WarcPage> {
  while (await r.seekRecord()) {
    const head = await r.header(MAX_HEADER_BYTES);
    if (!head) {
      count(skips, r.eof ? "truncated" : "malformed");
      if (r.eof) return;
      await r.take(1, false);
      continue;
    }
    const [version, ...lines] = head.toString("utf8").split(/\r?\n/);
    const h = parseHeaders(lines);
    const length = Number(h.get("content-length"));
    if (!/^WARC\/1\.[01]$/.test(version?.trim() ?? "") || !Number.isInteger(length) || length < 0) {
      count(skips, "malformed");
      continue;
    }
    const type = h.get("warc-type") ?? "";
    const wanted = type === "response" && /application\/http/i.test(h.get("content-type") ?? "application/http");
    const fits = length <= MAX_RECORD_BYTES;
    const { bytes: block, complete } = await r.take(length, wanted && fits);
    // A record whose Content-Length overstates its size swallows the records after it: give them back.
    const next = wanted && fits ? NEXT_RECORD.exec(block.toString("latin1")) : null;
    if (next) {
      r.unshift(block.subarray(next.index + 2));
      count(skips, "bad-length");
      continue;
    }
    if (!complete) {
      count(skips, "truncated");
      return;
    }
    if (!wanted) {
      count(skips, type === "response" ? "not-http" : "other-record");
      continue;
    }
    if (!fits) {
      count(skips, "too-large");
      continue;
    }
    const page = httpPage(block);
    if (typeof page === "string") {
      count(skips, page);
      continue;
    }
    const url = httpUrl(h.get("warc-target-uri")?.replace(/^<|>$/g, ""));
    if (!url) {
      count(skips, "malformed");
      continue;
    }
    yield { url, date: h.get("warc-date") ?? null, recordId: h.get("warc-record-id") ?? null, contentType: page.contentType, bytes: page.body };
  }
}

/** A WARC file as a byte stream, gunzipped (all members) when it starts with the gzip magic bytes. */
export async function openWarc(path: string): Promise<Readable> {
  const probe = createReadStream(path, { start: 0, end: 1 });
  const magic: Buffer[] = [];
  for await (const c of probe) magic.push(c as Buffer);
  const m = Buffer.concat(magic);
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (m[0] === 0x1f && m[1] === 0x8b) {
    const gunzip = createGunzip();
    file.on("error", (e) => gunzip.destroy(e));
    return file.pipe(gunzip);
  }
  return file;
}
