import { test, after } from "node:test";
import { scratchDir } from "../scratch.ts";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingestCommand, INGEST_HELP } from "../../src/cli/ingest.ts";
import { main } from "../../src/cli/main.ts";
import { fictionalPage, gzipMembers, warcResponse } from "./fixtures.ts";
import { serve } from "./server.ts";

/** Runs ingest printing JSON Lines (nothing stored), unless the call names a register folder with --data. */
async function run(argv: string[], deps = {}): Promise<{ code: number; out: string; err: string; docs: { document: Record<string, unknown>; claims: { transfers: unknown[] } }[] }> {
  if (!argv.includes("--data") && !argv.includes("--json") && argv[0] !== "help") argv = [...argv, "--json"];
  let out = "";
  let err = "";
  const io = { out: (s: string) => (out += s), err: (s: string) => (err += s) };
  const code = argv[0] === "ingest" || argv[0] === "help" ? await main(argv, io) : await ingestCommand(argv, io, { tty: false, ...deps });
  return { code, out, err, docs: argv.includes("--help") || argv[0] === "help" ? [] : out.split("\n").filter(Boolean).map((l) => JSON.parse(l)) };
}

const sale = ["Turkey sold Bayraktar TB2 drones to Poland, the Polish defence minister said on Saturday, in what he called a first for a NATO member.", "The contract covers 24 drones, the minister told reporters in Warsaw, with deliveries to begin in 2022.", "Neither the maker nor the Turkish government commented on the price of the deal."];
const pageA = fictionalPage({ title: "Poland to buy Turkish drones", body: sale });
const pageB = fictionalPage({ title: "Norvaria orders drones" });

const srv = await serve({
  "/a": (_q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(pageA),
  "/b": (_q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(pageB),
  "/menu": (_q, r) => r.writeHead(200, { "content-type": "text/html" }).end("<html><body><ul><li><a href='/a'>A</a></li></ul></body></html>"),
  "/rss.xml": (_q, r) =>
    r.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Fictional</title>
<item><title>A</title><link>/a</link><pubDate>Sat, 22 May 2021 10:00:00 GMT</pubDate></item>
<item><title>B</title><link>/b</link></item>
<item><title>Gone</title><link>/gone</link></item>
<item><title>Menu</title><link>/menu</link></item></channel></rss>`),
});
after(() => srv.close());

test("a feed URL ingests every item: documents with claims, a failure listed with its reason, exit 3", async () => {
  const r = await run([`${srv.base}/rss.xml`, "--json", "--allow-private"]);
  assert.equal(r.code, 3, r.err);
  assert.equal(r.docs.length, 2);
  const a = r.docs[0]!;
  assert.equal(a.document.url, `${srv.base}/a`);
  assert.equal(a.document.title, "Poland to buy Turkish drones");
  assert.equal(a.document.outlet, "Norvaria Today");
  assert.equal(a.document.published, "2024-05-14");
  assert.match(String(a.document.text), /^Poland to buy Turkish drones\n\n/);
  assert.ok(a.claims.transfers.length >= 1, "the sale is extracted");
  assert.match(r.err, /ingested 2, duplicates 0, near-duplicates 0, skipped 1 \(not an article\), failed 1/);
  assert.match(r.err, /failed .*\/gone: .*HTTP 404/);
  assert.match(r.err, /skipped .*\/menu: not an article/);
});

test("without --allow-private a loopback URL fails with the reason", async () => {
  const r = await run([`${srv.base}/a`, "--json"]);
  assert.equal(r.code, 3);
  assert.match(r.err, /refused: 127\.0\.0\.1 is a loopback address; use --allow-private for local testing/);
});

test("a folder is read recursively: html, txt and WARC; the same article twice is one document", async () => {
  const dir = scratchDir("ingest");
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "a.html"), pageA);
  writeFileSync(join(dir, "sub", "a-again.htm"), pageA);
  writeFileSync(join(dir, "note.txt"), "Israel sold three Heron drones to Morocco in 2013 for $50 million, according to Haaretz.");
  writeFileSync(join(dir, "ignored.json"), "{}");
  writeFileSync(join(dir, "crawl.warc.gz"), gzipMembers([warcResponse("https://norvaria-today.example/b", pageB)]));
  const r = await run([dir]);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(r.docs.map((d) => String(d.document.url).replace(dir, "")), ["/a.html", "https://norvaria-today.example/b", "/note.txt"]);
  assert.match(r.err, /ingested 3, duplicates 1/);
  assert.equal(r.docs[2]!.document.language, "en");
});

test("standard input is read with -", async () => {
  const r = await run(["-", "--json"], { stdin: async () => Buffer.from(pageB) });
  assert.equal(r.code, 0, r.err);
  assert.equal(r.docs[0]!.document.title, "Norvaria orders drones");
});

test("usage errors exit 2; --help names every option with its default", async () => {
  assert.equal((await run(["ingest"])).code, 2);
  assert.equal((await run(["ingest", "x", "--timeout", "soon"])).code, 2);
  assert.equal((await run(["ingest", "x", "--bogus"])).code, 2);
  const help = await run(["ingest", "--help"]);
  assert.equal(help.code, 0);
  for (const opt of ["--json", "--queue", "--batch", "--allow-private", "--timeout", "--max-bytes", "--concurrency", "--catalog", "--help"]) assert.ok(help.out.includes(opt), opt);
  for (const d of ["(default 30)", "(default 10M)", "(default 4)", "(default 100"]) assert.ok(INGEST_HELP.includes(d), d);
  assert.equal((await run(["ingest", "x", "--json", "--queue"])).code, 2);
  assert.match((await run(["help"])).out, /ingest INPUT/);
});

test("a missing file fails, the other inputs still run", async () => {
  const dir = scratchDir("ingest");
  writeFileSync(join(dir, "b.html"), pageB);
  const r = await run([join(dir, "missing.html"), join(dir, "b.html")]);
  assert.equal(r.code, 3);
  assert.equal(r.docs.length, 1);
  assert.match(r.err, /missing\.html: cannot read \(ENOENT\)/);
});

test("a progress line is drawn only on a terminal", async () => {
  const dir = scratchDir("ingest");
  writeFileSync(join(dir, "b.html"), pageB);
  const piped = await run([join(dir, "b.html")], { tty: false });
  assert.doesNotMatch(piped.err, /\d+ done/);
  const tty = await run([join(dir, "b.html")], { tty: true });
  assert.match(tty.err, /ingest: 1 done, [\d.]+\/s, 0 failed/);
});

test("without --json, documents and claims are stored in the register, and reading them again changes nothing", async (t) => {
  // The embedded register in a folder of its own, even when the run has a Postgres server for the store tests.
  const url = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  t.after(() => (url === undefined ? undefined : (process.env.DATABASE_URL = url)));
  const dir = scratchDir("ingest");
  const data = join(dir, "register");
  writeFileSync(join(dir, "a.html"), pageA);
  writeFileSync(join(dir, "note.txt"), "Israel sold three Heron drones to Morocco in 2013 for $50 million, according to Haaretz.");
  const first = await run([dir, "--data", data]);
  assert.equal(first.code, 0, first.err);
  assert.equal(first.out, "");
  assert.match(first.err, /stored in the register \(pglite .*\): 2 new, 0 updated, 0 unchanged/);
  const again = await run([dir, "--data", data]);
  assert.match(again.err, /0 new, 0 updated, 2 unchanged/);
  let out = "";
  assert.equal(await main(["list", "--json", "--data", data], { out: (s) => (out += s), err: () => {} }), 0);
  const listed = JSON.parse(out) as { supplier: string; recipient: string; item: { name: string | null } }[];
  assert.ok(listed.some((a) => a.supplier === "ISR" && a.recipient === "MAR" && a.item.name === "Heron"), out);
  assert.ok(listed.some((a) => a.supplier === "TUR" && a.recipient === "POL"), out);
});
