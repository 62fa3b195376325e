import { test } from "node:test";
import { scratchDir } from "../scratch.ts";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { openWarc, readWarc, type WarcPage } from "../../src/ingest/warc.ts";
import { fictionalPage, gzipMembers, warcRecord, warcResponse } from "./fixtures.ts";
import { gzipSync } from "node:zlib";

async function read(chunks: Buffer[] | Readable): Promise<{ pages: WarcPage[]; skips: Map<string, number> }> {
  const skips = new Map<string, number>();
  const pages: WarcPage[] = [];
  for await (const p of readWarc(Array.isArray(chunks) ? Readable.from(chunks) : chunks, skips)) pages.push(p);
  return { pages, skips };
}

const good = (n: number) => warcResponse(`https://norvaria-today.example/a/${n}`, fictionalPage({ title: `Fictional story ${n}` }));
const records = [
  warcRecord("warcinfo", "software: a test\r\n", { "Content-Type": "application/warc-fields" }),
  warcRecord("request", "GET /a/1 HTTP/1.1\r\nHost: norvaria-today.example\r\n\r\n", { "WARC-Target-URI": "https://norvaria-today.example/a/1", "Content-Type": "application/http; msgtype=request" }),
  good(1),
  warcResponse("https://norvaria-today.example/logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png"),
  warcResponse("https://norvaria-today.example/gone", "<html>gone</html>", "text/html", "404 Not Found"),
  // A header with no Content-Length: malformed, passed over.
  Buffer.from("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n"),
  warcResponse("https://norvaria-today.example/gz", gzipSync(fictionalPage({ title: "Fictional gzip story" })), "text/html", "200 OK", ["Content-Encoding: gzip"]),
  good(2),
];

test("only HTML response records come out, the others counted by reason", async () => {
  const { pages, skips } = await read([Buffer.concat(records)]);
  assert.deepEqual(pages.map((p) => p.url), ["https://norvaria-today.example/a/1", "https://norvaria-today.example/gz", "https://norvaria-today.example/a/2"]);
  assert.match(Buffer.from(pages[1]!.bytes).toString(), /Fictional gzip story/);
  assert.deepEqual(Object.fromEntries(skips), { "other-record": 2, "not-html": 1, "http-status": 1, malformed: 1 });
});

test("records split across arbitrary chunk boundaries read the same", async () => {
  const all = Buffer.concat(records);
  const chunks: Buffer[] = [];
  for (let i = 0; i < all.length; i += 7) chunks.push(all.subarray(i, i + 7));
  assert.equal((await read(chunks)).pages.length, 3);
});

test("a record whose Content-Length overstates its size gives the next records back", async () => {
  const liar = warcResponse("https://norvaria-today.example/liar", fictionalPage()).toString("latin1").replace(/Content-Length: (\d+)\r\n\r\nHTTP/, (_m, n) => `Content-Length: ${Number(n) + 5000}\r\n\r\nHTTP`);
  const { pages, skips } = await read([Buffer.concat([good(1), Buffer.from(liar, "latin1"), good(2), good(3)])]);
  assert.deepEqual(pages.map((p) => p.url.slice(-3)), ["a/1", "a/2", "a/3"]);
  assert.equal(skips.get("bad-length"), 1);
});

test("a truncated last record is counted, the ones before it kept", async () => {
  const cut = good(3).subarray(0, 900);
  const { pages, skips } = await read([Buffer.concat([good(1), good(2), cut])]);
  assert.equal(pages.length, 2);
  assert.equal(skips.get("truncated"), 1);
});

test("a multi-member .warc.gz streams from a file, and a cut gzip ends the read without losing earlier pages", async () => {
  const dir = scratchDir("warc");
  const gz = gzipMembers([good(1), good(2), good(3)]);
  writeFileSync(join(dir, "a.warc.gz"), gz);
  assert.equal((await read(await openWarc(join(dir, "a.warc.gz")))).pages.length, 3);
  writeFileSync(join(dir, "cut.warc.gz"), gz.subarray(0, gz.length - 200));
  const { pages, skips } = await read(await openWarc(join(dir, "cut.warc.gz")));
  assert.equal(pages.length, 2);
  assert.ok((skips.get("truncated") ?? 0) + (skips.get("unreadable-stream") ?? 0) >= 1, JSON.stringify([...skips]));
});

test("any cut or corruption of a WARC is read without throwing; what comes out are http(s) pages, no more than went in", async () => {
  const fc = (await import("fast-check")).default;
  const all = Buffer.concat([good(1), good(2), good(3)]);
  await fc.assert(
    fc.asyncProperty(fc.nat(all.length), fc.array(fc.tuple(fc.nat(all.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.integer({ min: 1, max: 4096 }), async (cut, flips, chunk) => {
      const bytes = Buffer.from(all.subarray(0, cut));
      for (const [at, v] of flips) if (at < bytes.length) bytes[at] = v;
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
      const { pages } = await read(chunks);
      for (const p of pages) assert.match(p.url, /^https?:\/\/[^\s]+$/);
      assert.ok(pages.length <= 3);
    }),
    { numRuns: 150 },
  );
});
