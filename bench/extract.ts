// Extraction throughput on one core: articles/s, MB/s and peak memory over a corpus
// of at least 10,000 articles made by replicating the dev corpus (or the golden
// fixtures when ../shared is absent).   npm run bench:extract [-- --articles N] [-- --kb K]
// With --kb K each article is grown to at least K KB with the paragraphs of the next articles of its language,
// so the figure is measured at that size rather than scaled from the corpus's mean.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT, defaultCatalog } from "../src/catalog/load.ts";
import { extract } from "../src/extract/pipeline.ts";

const arg = process.argv.indexOf("--articles");
const target = arg > 0 ? Number(process.argv[arg + 1]) : 10_000;
const kbArg = process.argv.indexOf("--kb");
const minKb = kbArg > 0 ? Number(process.argv[kbArg + 1]) : 0;
if (!(target > 0) || !(minKb >= 0)) throw new Error("usage: bench/extract.ts [--articles N] [--kb K]");
const dirs = [resolve(ROOT, "../shared/corpus/dev"), resolve(ROOT, "../shared/corpus/seed")].filter(existsSync);
const fallback = join(ROOT, "tests/golden");
const sources: { lang: string; text: string }[] = [];
const collect = (dir: string) => {
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    if (f.isDirectory()) collect(p);
    else if (f.name.endsWith(".txt")) sources.push({ lang: f.name.startsWith("fr") || dir.endsWith("/fr") ? "fr" : "en", text: readFileSync(p, "utf8") });
  }
};
for (const d of dirs.length ? dirs : [fallback]) collect(d);
if (sources.length === 0) throw new Error("no articles to benchmark");

/** The article grown with the paragraphs of the next articles of its language until it holds at least `kb` KB. */
function grown(k: number, kb: number): { lang: string; text: string } {
  const s = sources[k]!;
  let text = s.text.trimEnd();
  for (let n = 1; Buffer.byteLength(text) < kb * 1024 && n < sources.length; n++) {
    const next = sources[(k + n) % sources.length]!;
    if (next.lang !== s.lang) continue;
    for (const paragraph of next.text.split(/\n\s*\n/)) {
      if (Buffer.byteLength(text) >= kb * 1024) break;
      if (paragraph.trim()) text += `\n\n${paragraph.trim()}`;
    }
  }
  return { lang: s.lang, text: `${text}\n` };
}
if (minKb > 0) sources.splice(0, sources.length, ...sources.map((_, k) => grown(k, minKb)));

const t0 = performance.now();
defaultCatalog();
extract({ id: "warm", text: sources[0]!.text, lang: sources[0]!.lang });
const startup = performance.now() - t0;

let bytes = 0;
let claims = 0;
let peak = process.memoryUsage().rss;
const perRound: number[] = [];
const rounds = 5;
const perRoundArticles = Math.ceil(target / rounds);
for (let r = 0; r < rounds; r++) {
  const start = performance.now();
  for (let i = 0; i < perRoundArticles; i++) {
    const s = sources[i % sources.length]!;
    // A distinct id and a changed first line per copy, so nothing is cached by identity.
    const text = `${i} ${s.text}`;
    bytes += Buffer.byteLength(text);
    claims += extract({ id: `a${r}-${i}`, text, lang: s.lang, published: "2022-06-15" }).transfers.length;
  }
  perRound.push(perRoundArticles / ((performance.now() - start) / 1000));
  peak = Math.max(peak, process.memoryUsage().rss);
}
const total = perRoundArticles * rounds;
const sorted = [...perRound].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const avgKb = bytes / total / 1024;
console.log(`articles          ${total} (${sources.length} distinct, mean ${avgKb.toFixed(1)} KB)`);
console.log(`startup           ${startup.toFixed(0)} ms (catalog load + first article)`);
console.log(`throughput        ${median.toFixed(0)} articles/s median of ${rounds} rounds (min ${sorted[0]!.toFixed(0)}, max ${sorted[rounds - 1]!.toFixed(0)})`);
console.log(`                  ${((median * avgKb) / 1024).toFixed(2)} MB/s`);
console.log(`claims            ${claims} (${(claims / total).toFixed(2)} per article)`);
console.log(`peak RSS          ${(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1048576).toFixed(0)} MB`);
