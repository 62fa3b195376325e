import { test, after } from "node:test";
import assert from "node:assert/strict";
import dns from "node:dns";
import { gzipSync } from "node:zlib";
import { Fetcher, FetchError, retryAfterMs } from "../../src/ingest/fetch.ts";
import { serve } from "./server.ts";

const page = "<html><head><title>Fictional</title></head><body><p>The Republic of Norvaria is a fictional state.</p></body></html>";
let slowTimer: NodeJS.Timeout | undefined;
let flaky = 0;

const srv = await serve({
  "/page": (_q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page),
  "/gz": (_q, r) => r.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(page)),
  "/big": (_q, r) => r.writeHead(200, { "content-type": "text/html" }).end("x".repeat(5000)),
  "/bigchunked": (_q, r) => {
    r.writeHead(200, { "content-type": "text/html" });
    r.write("y".repeat(3000));
    r.end("y".repeat(3000));
  },
  // 64 MB of zeros compress to about 64 KB: a reader that inflates before counting would use 64 MB.
  "/bomb": (_q, r) => r.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(bomb),
  "/slow": (_q, r) => {
    r.writeHead(200, { "content-type": "text/html" });
    r.write("<p>start");
    slowTimer = setTimeout(() => r.end("</p>"), 5000);
  },
  "/flaky": (_q, r) => (++flaky < 2 ? r.writeHead(429, { "retry-after": "0" }).end("slow down") : r.writeHead(200, { "content-type": "text/html" }).end(page)),
  "/down": (_q, r) => r.writeHead(503).end("down"),
  "/r0": (_q, r) => r.writeHead(302, { location: "/r1" }).end(),
  "/r1": (_q, r) => r.writeHead(301, { location: "/r2" }).end(),
  "/r2": (_q, r) => r.writeHead(302, { location: "/page" }).end(),
  ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`/loop${i}`, (_q: unknown, r: import("node:http").ServerResponse) => r.writeHead(302, { location: `/loop${i + 1}` }).end()])),
  "/to-private": (_q, r) => r.writeHead(302, { location: "http://10.0.0.1/admin" }).end(),
  "/ua": (q, r) => r.writeHead(200, { "content-type": "text/plain" }).end(q.headers["user-agent"] ?? ""),
});
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
after(async () => {
  clearTimeout(slowTimer);
  await srv.close();
});

const local = (o: ConstructorParameters<typeof Fetcher>[0] = {}) => new Fetcher({ allowPrivate: true, retryBaseMs: 10, ...o });
const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");

async function refused(p: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof FetchError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, pattern);
    return true;
  });
}

test("a page is fetched with the project's User-Agent", async () => {
  const f = local();
  assert.equal(text((await f.fetch(`${srv.base}/page`)).bytes), page);
  assert.match(text((await f.fetch(`${srv.base}/ua`)).bytes), /^Dossier\//);
});

test("a gzip body is decompressed", async () => {
  const r = await local().fetch(`${srv.base}/gz`);
  assert.equal(text(r.bytes), page);
});

test("redirects are followed up to five, and the sixth is refused", async () => {
  const r = await local().fetch(`${srv.base}/r0`);
  assert.equal(r.finalUrl, `${srv.base}/page`);
  assert.equal(r.redirects.length, 3);
  await refused(local().fetch(`${srv.base}/loop0`), "too-many-redirects", /more than 5 redirects/);
  assert.ok(await local({ maxRedirects: 7 }).fetch(`${srv.base}/loop0`).catch((e: FetchError) => e.code === "http-status"));
});

test("a body over the cap is refused, by Content-Length or while streaming", async () => {
  await refused(local({ maxBytes: 1000 }).fetch(`${srv.base}/big`), "too-large", /over the 1000 byte limit/);
  await refused(local({ maxBytes: 4000 }).fetch(`${srv.base}/bigchunked`), "too-large", /over the 4000 byte limit/);
});

test("a gzip bomb stops at the cap on decompressed bytes", async () => {
  const before = process.memoryUsage().rss;
  await refused(local({ maxBytes: 1024 * 1024 }).fetch(`${srv.base}/bomb`), "too-large", /once decompressed/);
  assert.ok(process.memoryUsage().rss - before < 48 * 1024 * 1024, "the bomb was not inflated in full");
});

test("a server slower than the timeout fails with a timeout", async () => {
  const t0 = Date.now();
  await refused(local({ timeoutMs: 300 }).fetch(`${srv.base}/slow`), "timeout", /within 300 ms/);
  assert.ok(Date.now() - t0 < 3000);
});

test("a 404 fails with its status; a 503 after its retries", async () => {
  await refused(local().fetch(`${srv.base}/missing`), "http-status", /HTTP 404/);
  await refused(local({ retries: 2 }).fetch(`${srv.base}/down`), "http-status", /HTTP 503/);
  assert.equal(srv.hits.get("/down"), 3);
});

test("a 429 is retried, honouring Retry-After", async () => {
  const r = await local().fetch(`${srv.base}/flaky`);
  assert.equal(text(r.bytes), page);
  assert.equal(srv.hits.get("/flaky"), 2);
  assert.equal(retryAfterMs("7"), 7000);
  assert.equal(retryAfterMs("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT")), 10000);
});

test("no more than perHost requests reach one host at once", async () => {
  let open = 0;
  let peak = 0;
  const s = await serve({
    "/p": (_q, r) => {
      peak = Math.max(peak, ++open);
      setTimeout(() => (open--, r.writeHead(200).end("ok")), 40);
    },
  });
  const f = local({ perHost: 2 });
  await Promise.all(Array.from({ length: 6 }, () => f.fetch(`${s.base}/p`)));
  await s.close();
  assert.equal(peak, 2);
});

// The SSRF guard: every one of these is refused before any connection is attempted.
const guarded = new Fetcher({ resolve: async () => assert.fail("an IP literal is not resolved") });

test("loopback, private, link-local and IPv4-mapped loopback addresses are refused with the reason", async () => {
  await refused(guarded.fetch("http://127.0.0.1/"), "ssrf-refused", /127\.0\.0\.1 is a loopback address; use --allow-private/);
  await refused(guarded.fetch("http://[::1]/"), "ssrf-refused", /::1 is a loopback address/);
  await refused(guarded.fetch("http://169.254.169.254/latest/meta-data/"), "ssrf-refused", /link-local/);
  await refused(guarded.fetch("http://10.0.0.1/"), "ssrf-refused", /10\.0\.0\.1 is a private address \(RFC 1918\)/);
  await refused(guarded.fetch("http://[::ffff:127.0.0.1]/"), "ssrf-refused", /loopback/);
  await refused(guarded.fetch("http://100.64.0.1/"), "ssrf-refused", /carrier-grade NAT/);
  await refused(guarded.fetch("http://[fd12::1]/"), "ssrf-refused", /unique-local/);
  await refused(guarded.fetch("http://[64:ff9b::a00:1]/"), "ssrf-refused", /NAT64/);
  // Numeric spellings are normalised by the URL parser before the check.
  await refused(guarded.fetch("http://2130706433/"), "ssrf-refused", /127\.0\.0\.1 is a loopback address/);
  await refused(guarded.fetch("http://0x7f.1/"), "ssrf-refused", /loopback/);
  await refused(guarded.fetch("http://0.0.0.0/"), "ssrf-refused", /unspecified/);
  await refused(guarded.fetch("http://[fe80::1]/"), "ssrf-refused", /link-local/);
  await refused(guarded.fetch("http://224.0.0.251/"), "ssrf-refused", /multicast/);
});

test("a public-looking name that resolves to a private address is refused", async () => {
  const f = new Fetcher({ resolve: async () => [{ address: "192.168.1.20", family: 4 }] });
  await refused(f.fetch("http://news.example.com/story"), "ssrf-refused", /news\.example\.com resolves to 192\.168\.1\.20, a private address/);
  const mixed = new Fetcher({ resolve: async () => [{ address: "93.184.216.34", family: 4 }, { address: "::1", family: 6 }] });
  await refused(mixed.fetch("http://news.example.com/"), "ssrf-refused", /resolves to ::1/);
});

test("a redirect from an allowed server to a private address is refused", async () => {
  const f = new Fetcher({ allow: ["127.0.0.0/8"] });
  assert.equal(text((await f.fetch(`${srv.base}/page`)).bytes), page);
  await refused(f.fetch(`${srv.base}/to-private`), "ssrf-refused", /10\.0\.0\.1 is a private address/);
  await refused(f.fetch("http://[::1]/"), "ssrf-refused", /loopback/);
});

test("the connection goes to the checked address, not to a second DNS answer", async () => {
  // The resolver answers once with the loopback server; a rebinding attack would answer differently next time.
  let calls = 0;
  const port = new URL(srv.base).port;
  const f = new Fetcher({ allow: ["127.0.0.0/8"], resolve: async () => (calls++ === 0 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "10.0.0.1", family: 4 }]) });
  // The system resolver must not be asked at connect time; it is stubbed so a regression fails here without a DNS query.
  const system = dns.lookup;
  let systemCalls = 0;
  dns.lookup = ((_h: string, o: unknown, cb?: (e: Error) => void) => {
    systemCalls++;
    (typeof o === "function" ? (o as (e: Error) => void) : cb!)(Object.assign(new Error("system resolver used"), { code: "ESTUB" }));
  }) as typeof dns.lookup;
  try {
    const r = await f.fetch(`http://fictional-outlet.example:${port}/page`);
    assert.equal(text(r.bytes), page);
  } finally {
    dns.lookup = system;
  }
  assert.equal(calls, 1);
  assert.equal(systemCalls, 0);
});

test("only http and https are fetched", async () => {
  await refused(guarded.fetch("file:///etc/passwd"), "bad-url", /only http and https/);
  await refused(guarded.fetch("not a url"), "bad-url", /not a URL/);
});
