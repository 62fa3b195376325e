import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { Agent, request } from "undici";
import { parseCidr, refusal } from "./ip.ts";

/** Sent with every request, so site owners can see what reads their pages and why. */
export const USER_AGENT = "Dossier/0.1 (evidence register of arms and spyware transfers; article ingest)";

/** Why a fetch failed, as a stable code. */
export type FetchErrorCode = "ssrf-refused" | "bad-url" | "too-many-redirects" | "too-large" | "timeout" | "http-status" | "network";

/** A fetch that failed for a reason the user can act on; `url` is the address that failed (after redirects). */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Resolves a host name to its addresses. */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export interface FetchOptions {
  /** Turns the SSRF guard off, for pages served from this machine in tests (default false). */
  allowPrivate?: boolean;
  /** Ranges (CIDR) let through although the guard would refuse them, e.g. `["127.0.0.0/8"]` for a loopback test server (default none). */
  allow?: string[];
  /** Host name resolution, replaceable in tests (default the system resolver). */
  resolve?: Resolver;
  /** Milliseconds for one request from connecting to the last body byte (default 30000). */
  timeoutMs?: number;
  /** Largest body read, counted after decompression (default 10 MB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Retries after a 429 or 5xx answer or a network error (default 2). */
  retries?: number;
  /** First retry delay in ms, doubled each time; a Retry-After header replaces it (default 500). */
  retryBaseMs?: number;
  /** Longest wait before a retry, whatever Retry-After asks, in ms (default 10000). */
  maxRetryDelayMs?: number;
  /** Requests in flight to one host at a time (default 2). */
  perHost?: number;
  /** Sent as User-Agent (default {@link USER_AGENT}). */
  userAgent?: string;
}

/** A fetched body and what the server said about it. */
export interface Fetched {
  /** The URL asked for. */
  url: string;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  redirects: string[];
}

const PRIVATE_HINT = "use --allow-private for local testing";

function header(h: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** Waits for a free slot per host, so one site is never hit by more than `limit` requests at once. */
class HostSlots {
  private readonly busy = new Map<string, number>();
  private readonly queue = new Map<string, (() => void)[]>();
  constructor(private readonly limit: number) {}

  async take(host: string): Promise<() => void> {
    if ((this.busy.get(host) ?? 0) >= this.limit) await new Promise<void>((r) => this.queue.set(host, [...(this.queue.get(host) ?? []), r]));
    this.busy.set(host, (this.busy.get(host) ?? 0) + 1);
    return () => {
      this.busy.set(host, this.busy.get(host)! - 1);
      const next = this.queue.get(host)?.shift();
      if (next) next();
    };
  }
}

/** Milliseconds a Retry-After value asks for (seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function decompressor(encoding: string | null): NodeJS.ReadWriteStream | null {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      return null;
  }
}

/** Reads a body to its end, decompressing it, and stops as soon as more than `max` decompressed bytes arrive. */
async function readCapped(body: Readable, encoding: string | null, max: number, url: string): Promise<Uint8Array> {
  const inflate = decompressor(encoding);
  const source: AsyncIterable<Buffer> = inflate ? body.pipe(inflate as unknown as NodeJS.WritableStream & Readable) : body;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > max) throw new FetchError("too-large", `${url}: body is over the ${max} byte limit${inflate ? " once decompressed" : ""}; raise it with --max-bytes`, url);
      chunks.push(chunk);
    }
  } finally {
    body.destroy();
    (inflate as unknown as Readable | null)?.destroy();
  }
  return Buffer.concat(chunks);
}

/** Fetches web pages with timeouts, a size cap, bounded redirects and retries, a per-host limit, and an SSRF guard. */
export class Fetcher {
  private readonly opts: Required<Omit<FetchOptions, "allow">>;
  private readonly allow;
  private readonly slots;

  constructor(options: FetchOptions = {}) {
    this.opts = {
      allowPrivate: options.allowPrivate ?? false,
      resolve: options.resolve ?? systemResolver,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 5,
      retries: options.retries ?? 2,
      retryBaseMs: options.retryBaseMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
      perHost: options.perHost ?? 2,
      userAgent: options.userAgent ?? USER_AGENT,
    };
    this.allow = (options.allow ?? []).map((c) => parseCidr(c));
    this.slots = new HostSlots(this.opts.perHost);
  }

  /**
   * The address to connect to for a URL: the host resolved once and every address checked; the connection is then
   * pinned to the checked address, so a second DNS answer cannot swap in another one.
   */
  async check(url: URL): Promise<LookupAddress> {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    let addresses: LookupAddress[];
    if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
    else {
      try {
        addresses = await this.opts.resolve(host);
      } catch (e) {
        throw new FetchError("network", `${url.href}: cannot resolve ${host} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, url.href);
      }
      if (addresses.length === 0) throw new FetchError("network", `${url.href}: ${host} has no address`, url.href);
    }
    if (!this.opts.allowPrivate) {
      for (const a of addresses) {
        const why = refusal(a.address, this.allow);
        if (why) {
          const what = isIP(host) ? `${a.address} is ${why}` : `${host} resolves to ${a.address}, ${why}`;
          throw new FetchError("ssrf-refused", `refused: ${what}; ${PRIVATE_HINT}`, url.href);
        }
      }
    }
    return addresses[0]!;
  }

  /** One request to one URL, no redirects followed; the body is read only for a 2xx answer. */
  private async once(url: URL): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Uint8Array | null }> {
    const pinned = await this.check(url);
    const agent = new Agent({
      connect: {
        timeout: this.opts.timeoutMs,
        lookup: (_host: string, options: { all?: boolean }, cb: (...a: unknown[]) => void) => {
          if (options?.all) cb(null, [pinned]);
          else cb(null, pinned.address, pinned.family);
        },
      } as never,
      headersTimeout: this.opts.timeoutMs,
      bodyTimeout: this.opts.timeoutMs,
    });
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.opts.timeoutMs);
    try {
      const res = await request(url, {
        dispatcher: agent,
        signal: abort.signal,
        headers: {
          "user-agent": this.opts.userAgent,
          accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
          "accept-encoding": "gzip, deflate, br",
        },
      });
      // Closing the agent early ends the body with an abort error that nothing else would catch.
      res.body.on("error", () => {});
      const headers = res.headers as Record<string, string | string[] | undefined>;
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump({ limit: 65536 }).catch(() => {});
        return { status: res.statusCode, headers, bytes: null };
      }
      const declared = Number(header(headers, "content-length"));
      if (!header(headers, "content-encoding") && declared > this.opts.maxBytes) {
        res.body.destroy();
        throw new FetchError("too-large", `${url.href}: ${declared} bytes is over the ${this.opts.maxBytes} byte limit; raise it with --max-bytes`, url.href);
      }
      const bytes = await readCapped(res.body as unknown as Readable, header(headers, "content-encoding"), this.opts.maxBytes, url.href);
      return { status: res.statusCode, headers, bytes };
    } catch (e) {
      if (e instanceof FetchError) throw e;
      const err = e as Error & { code?: string };
      if (abort.signal.aborted || /Timeout/.test(err.code ?? "") || err.name === "AbortError") {
        throw new FetchError("timeout", `${url.href}: no complete answer within ${this.opts.timeoutMs} ms; raise it with --timeout`, url.href);
      }
      throw new FetchError("network", `${url.href}: ${err.code ?? err.message}`, url.href);
    } finally {
      clearTimeout(timer);
      agent.destroy().catch(() => {});
    }
  }

  /** Fetches a URL, following up to `maxRedirects` redirects (each target checked by the guard) and retrying 429/5xx answers. */
  async fetch(input: string): Promise<Fetched> {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new FetchError("bad-url", `${input}: not a URL`, input);
    }
    const redirects: string[] = [];
    for (;;) {
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError("bad-url", `${url.href}: only http and https URLs are fetched`, url.href);
      const release = await this.slots.take(url.host);
      let res;
      try {
        res = await this.withRetries(url);
      } finally {
        release();
      }
      const location = header(res.headers, "location");
      if (res.status >= 300 && res.status < 400 && location) {
        if (redirects.length >= this.opts.maxRedirects) throw new FetchError("too-many-redirects", `${input}: more than ${this.opts.maxRedirects} redirects`, url.href, res.status);
        url = new URL(location, url);
        redirects.push(url.href);
        continue;
      }
      if (!res.bytes) throw new FetchError("http-status", `${url.href}: HTTP ${res.status}`, url.href, res.status);
      return { url: input, finalUrl: url.href, status: res.status, contentType: header(res.headers, "content-type"), bytes: res.bytes, redirects };
    }
  }

  private async withRetries(url: URL) {
    for (let attempt = 0; ; attempt++) {
      let res;
      try {
        res = await this.once(url);
      } catch (e) {
        if (!(e instanceof FetchError) || e.code !== "network" || attempt >= this.opts.retries) throw e;
        await sleep(Math.min(this.opts.retryBaseMs * 2 ** attempt, this.opts.maxRetryDelayMs));
        continue;
      }
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= this.opts.retries) return res;
      const asked = retryAfterMs(header(res.headers, "retry-after"));
      await sleep(Math.min(asked ?? this.opts.retryBaseMs * 2 ** attempt, this.opts.maxRetryDelayMs));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
