// Ingest figures: article text fidelity and speed on the 181-page article-extraction benchmark, side by side with
// Debian's readability-lxml in the same run; page metadata agreement on the Readability and trafilatura test
// pages; peak memory while streaming a large synthetic WARC; ingest-to-store throughput (bench/ingest/store.ts).
//   npm run bench:ingest -- [--rounds 3] [--jsdom] [--skip-lxml] [--verbose] [--warc-mb N]
//                           [--store N [--store-rounds 3] [--before ROOT]] [--store-only]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { JSDOM, VirtualConsole } from "jsdom";
import { defaultCatalog } from "../src/catalog/load.ts";
import { decodeBytes } from "../src/ingest/charset.ts";
import { linkedom, readHtml, type DomParser } from "../src/ingest/html.ts";
import { readPage } from "../src/ingest/page.ts";
import { storeBench } from "./ingest/store.ts";

const SHARED = join(import.meta.dirname, "../../shared");
const BENCH = join(SHARED, "data/article-extraction-benchmark");
const SCORE = join(SHARED, "eval/text-score.mjs");
const args = process.argv.slice(2);
const flag = (n: string) => args.includes(n);
const value = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const tmp = mkdtempSync(join(tmpdir(), "dossier-bench-ingest-"));
const storeArticles = Number(value("--store") ?? 0);
if (flag("--store-only")) {
  await storeBench(tmp, storeArticles || 2000, Number(value("--store-rounds") ?? 3), value("--before") ?? null);
  process.exit(0);
}

if (!existsSync(BENCH)) {
  console.error(`bench:ingest needs ${BENCH} (the shared data folder beside the project)`);
  process.exit(2);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};
const score = (pred: string) => JSON.parse(execFileSync(process.execPath, [SCORE, "--truth", join(BENCH, "ground-truth.json"), "--pred", pred, "--json"], { encoding: "utf8" })) as { f1: number; precision: number; recall: number; accuracy: number };
const row = (name: string, s: { f1: number; precision: number; recall: number }, speed: string) => console.log(`${name.padEnd(34)} F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  ${speed}`);

// --- text fidelity and speed ---
const truth = JSON.parse(readFileSync(join(BENCH, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url: string }>;
const ids = Object.keys(truth);
const pages = new Map(ids.map((id) => [id, gunzipSync(readFileSync(join(BENCH, "html", `${id}.html.gz`))).toString("utf8")]));

// The machine is shared, so speed is the median over rounds: pages/s of each round, and each page's median time.
const rounds = Number(value("--rounds") ?? 3);
const speed = (perRound: number[][]) => {
  const rates = perRound.map((t) => ids.length / t.reduce((a, b) => a + b, 0));
  const perPage = ids.map((_, i) => median(perRound.map((t) => t[i]!)));
  return `${median(rates).toFixed(1)} pages/s, median ${(median(perPage) * 1000).toFixed(1)} ms/page (${perRound.length} rounds)`;
};

function runDossier(name: string, parser: DomParser, n: number): void {
  const out: Record<string, { articleBody: string }> = {};
  const perRound: number[][] = [];
  for (let round = 0; round < n; round++) {
    const times: number[] = [];
    for (const id of ids) {
      const t = performance.now();
      const r = readHtml(pages.get(id)!, truth[id]!.url, parser);
      times.push((performance.now() - t) / 1000);
      out[id] = { articleBody: r.body };
    }
    perRound.push(times);
  }
  const file = join(tmp, `${name.replace(/\W+/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(out));
  row(name, score(file), speed(perRound));
}

console.log(`Article text, ${ids.length} pages of ${BENCH.replace(SHARED, "../shared")} (scored by ../shared/eval/text-score.mjs; Dossier's body, without the headline)\n`);
// A warm-up pass, so neither side is timed while the JIT compiles.
for (const id of ids.slice(0, 10)) readHtml(pages.get(id)!, null);
runDossier("dossier (linkedom)", linkedom, rounds);
if (flag("--jsdom")) {
  const quiet = new VirtualConsole();
  runDossier("dossier (jsdom)", (html, url) => new JSDOM(html, { url: url ?? undefined, virtualConsole: quiet }).window.document, 1);
}
if (!flag("--skip-lxml")) {
  const idsFile = join(tmp, "ids.json");
  writeFileSync(idsFile, JSON.stringify(ids));
  const out = join(tmp, "lxml.json");
  const perRound: number[][] = [];
  for (let round = 0; round < rounds; round++) {
    const py = spawnSync("/usr/bin/python3", [join(import.meta.dirname, "ingest/peer_readability.py"), join(BENCH, "html"), idsFile, out], { stdio: ["ignore", "inherit", "inherit"] });
    if (py.status !== 0) break;
    const secs = (JSON.parse(readFileSync(out, "utf8")) as { seconds: Record<string, number> }).seconds;
    perRound.push(ids.map((id) => secs[id]!));
  }
  if (!perRound.length) console.log("readability-lxml: not run (apt-get install python3-readability)");
  else row("readability-lxml (Debian)", score(out), speed(perRound));
}
const baselines = join(BENCH, "baselines");
if (existsSync(baselines)) for (const f of readdirSync(baselines).sort()) row(`stored ${f}`, score(join(baselines, f)), "(stored output)");

// --- metadata agreement ---
type Fields = Partial<Record<"title" | "author" | "published" | "siteName" | "language", string | null>>;
const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[’‘]/g, "'").replace(/[“”«»]/g, '"').replace(/^(by|par)\s+/i, "").replace(/\s+/g, " ").trim();
/** Titles and dates agree when equal after normalising; names (author, site) also when one contains the other. */
function agrees(field: keyof Fields, want: string, got: string | null | undefined): boolean {
  if (!got) return false;
  if (field === "published") return got === want.slice(0, 10);
  if (field === "language") return got === want.toLowerCase().slice(0, 2);
  const a = norm(want);
  const b = norm(got);
  return a === b || (field !== "title" && (a.includes(b) || b.includes(a)));
}

function metaOf(bytes: Uint8Array, url: string | null): Fields {
  const r = readPage({ input: url ?? "page", url, bytes, contentType: null, html: true }, catalog);
  if ("skipped" in r) return {};
  const d = r.document;
  return { title: d.title, author: d.author, published: d.published, siteName: d.outlet, language: d.language };
}

function agreement(name: string, cases: { page: string; want: Fields; got: Fields }[]): void {
  const parts: string[] = [];
  for (const field of ["title", "author", "published", "siteName", "language"] as const) {
    const scored = cases.filter((c) => c.want[field]);
    if (!scored.length) continue;
    const ok = scored.filter((c) => agrees(field, c.want[field]!, c.got[field])).length;
    if (flag("--verbose")) for (const c of scored) if (!agrees(field, c.want[field]!, c.got[field])) console.log(`  ${field} ${c.page}: expected ${JSON.stringify(c.want[field])}, got ${JSON.stringify(c.got[field])}`);
    parts.push(`${field} ${ok}/${scored.length}`);
  }
  console.log(`${name.padEnd(34)} ${parts.join("  ")}`);
}

const catalog = defaultCatalog();
console.log("\nPage metadata agreement (pages whose expected value is not empty)\n");
const RTP = join(SHARED, "data/readability-test-pages");
if (existsSync(RTP)) {
  const cases = readdirSync(RTP)
    .filter((d) => existsSync(join(RTP, d, "expected-metadata.json")))
    .map((d) => {
      const m = JSON.parse(readFileSync(join(RTP, d, "expected-metadata.json"), "utf8")) as Record<string, string | null>;
      return { page: d, want: { title: m.title, author: m.byline, published: m.publishedTime, siteName: m.siteName, language: m.lang }, got: metaOf(readFileSync(join(RTP, d, "source.html")), null) };
    });
  agreement(`readability-test-pages (${cases.length})`, cases);
}
const TRAF = join(SHARED, "data/trafilatura-eval-sample");
if (existsSync(TRAF)) {
  const gold = JSON.parse(readFileSync(join(TRAF, "evaldata-subset.json"), "utf8")) as Record<string, Record<string, string | null>>;
  const cases = Object.entries(gold).map(([url, g]) => ({ page: g.file!, want: { title: g.title, author: g.author, published: g.date, siteName: g.sitename }, got: metaOf(readFileSync(join(TRAF, "html", g.file!)), url) }));
  agreement(`trafilatura-eval-sample (${cases.length})`, cases);
}

// --- WARC memory ---
const words = "norvaria quelland windlark halvern vesk marrow tollen brisk ardent coastal patrol ministry officials said the and of to in a for on with report navy drones order contract deliveries spring summer parliament".split(" ");
/** A plainly fictional article page of about `size` bytes, most of it an inline data script as on real news sites. */
function syntheticPage(n: number, size: number): string {
  let seed = n * 2654435761;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const sentence = () => Array.from({ length: 18 }, () => words[Math.floor(rand() * words.length)]).join(" ") + ".";
  const paras = Array.from({ length: 8 }, () => `<p>${Array.from({ length: 4 }, sentence).join(" ")}</p>`).join("\n");
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fictional report ${n} | Norvaria Today</title><meta property="og:site_name" content="Norvaria Today (fictional)"></head><body><nav><a href="/">Home</a></nav><article><h1>Fictional report ${n}</h1>${paras}</article>`;
  const pad = Math.max(0, size - head.length - 40);
  return `${head}<script>var data="${"x".repeat(pad)}";</script></body></html>`;
}

async function warcBench(mb: number): Promise<void> {
  const { createWriteStream } = await import("node:fs");
  const { gzipSync } = await import("node:zlib");
  const file = join(tmp, `synthetic-${mb}mb.warc.gz`);
  const out = createWriteStream(file);
  let written = 0;
  let n = 0;
  const record = (type: string, uri: string, payload: Buffer) => {
    const head = `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2024-05-14T10:00:00Z\r\nContent-Type: application/http; msgtype=${type}\r\nContent-Length: ${payload.length}\r\n\r\n`;
    const rec = Buffer.concat([Buffer.from(head), payload, Buffer.from("\r\n\r\n")]);
    written += rec.length;
    return gzipSync(rec);
  };
  while (written < mb * 1024 * 1024) {
    n++;
    const uri = `https://norvaria-today.example/${n}`;
    const body = Buffer.from(syntheticPage(n, 90_000 + (n % 7) * 10_000));
    const chunks = [
      record("request", uri, Buffer.from(`GET /${n} HTTP/1.1\r\nHost: norvaria-today.example\r\n\r\n`)),
      record("response", uri, Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n`), body])),
    ];
    if (n % 10 === 0) chunks.push(record("response", `${uri}.png`, Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG")));
    for (const c of chunks) if (!out.write(c)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise((r) => out.end(r));
  console.log(`\nWARC memory: ${(written / 1048576).toFixed(0)} MB uncompressed (${n} pages, multi-member gzip), streamed in a fresh process\n`);
  for (const mode of ["--read-only", "--ingest"]) {
    const child = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "ingest/warc-child.ts"), file, mode], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout) as { pages: number; seconds: number; maxRssMb: number };
    console.log(`${(mode === "--read-only" ? "WARC reader alone" : "dossier ingest (text, claims)").padEnd(34)} ${r.pages} pages in ${r.seconds.toFixed(1)} s, peak RSS ${r.maxRssMb.toFixed(0)} MB`);
  }
}
const warcMb = Number(value("--warc-mb") ?? 0);
if (warcMb > 0) await warcBench(warcMb);
if (storeArticles > 0) await storeBench(tmp, storeArticles, Number(value("--store-rounds") ?? 3), value("--before") ?? null);
