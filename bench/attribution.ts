// Attribution on text nobody wrote for this project: PolNeAR's annotated news articles
// (../shared/data/polnear-attribution). For every annotated attribution with a source, does the
// chain Dossier gives the sentence holding the start of its content name that source?
// Names compare as the claims scorer compares them (word-set Dice ≥ 0.5).
//   node --import tsx bench/attribution.ts [--verbose]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ROOT, defaultCatalog } from "../src/catalog/load.ts";
import { attributeDocument } from "../src/extract/attribution.ts";
import { createContext } from "../src/extract/context.ts";
import { lexiconFor } from "../src/extract/lexicon.ts";
import { findMentions } from "../src/extract/mentions.ts";

const base = resolve(ROOT, "../shared/data/polnear-attribution");
if (!existsSync(base)) {
  console.log("attribution bench skipped: ../shared/data/polnear-attribution not found");
  process.exit(0);
}
const verbose = process.argv.includes("--verbose");
const words = (s: string) =>
  new Set(s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter((w) => w && !["the", "a", "an"].includes(w)));
const same = (a: string, b: string) => {
  const A = words(a);
  const B = words(b);
  if (!A.size || !B.size) return false;
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return (2 * n) / (A.size + B.size) >= 0.5;
};
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you", "his", "her", "their"]);

let total = 0;
let found = 0;
let anyChain = 0;
for (const split of ["dev", "train-arms"]) {
  const dir = join(base, split);
  const anns = readdirSync(join(dir, "attributions")).filter((f) => f.endsWith(".ann"));
  const seen = new Set<string>();
  for (const ann of anns) {
    const article = ann.replace(/_[^_]+\.ann$/, "");
    if (seen.has(article)) continue; // one annotator per article
    seen.add(article);
    const textPath = join(dir, "text", `${article}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, "utf8");
    const spans = new Map<string, { label: string; start: number; text: string }>();
    const relations: { source: string; content: string }[] = [];
    for (const line of readFileSync(join(dir, "attributions", ann), "utf8").split("\n")) {
      const t = /^(T\d+)\t(\w[\w-]*) (\d+) [\d; ]+\t(.*)$/.exec(line);
      if (t) spans.set(t[1]!, { label: t[2]!, start: Number(t[3]), text: t[4]! });
      const e = /^E\d+\tAttribution:T\d+ (.*)$/.exec(line);
      if (e) {
        const roles = Object.fromEntries(e[1]!.split(" ").map((r) => r.split(":")));
        if (roles.Source && roles.Content) relations.push({ source: roles.Source, content: roles.Content });
      }
    }
    const ctx = createContext(text, "en", null, null, defaultCatalog(), lexiconFor("en"));
    findMentions(ctx);
    const { chains } = attributeDocument(ctx);
    for (const r of relations) {
      const source = spans.get(r.source);
      const content = spans.get(r.content);
      if (!source || !content || PRONOUNS.has(source.text.toLowerCase())) continue;
      const s = ctx.sentences.find((x) => x.start <= content.start && content.start < x.end + 2);
      if (!s) continue;
      total++;
      const chain = chains[s.index] ?? [];
      if (chain.length) anyChain++;
      const ok = chain.some((c) => same(c, source.text));
      if (ok) found++;
      else if (verbose) console.log(`miss ${article}: "${source.text}" got [${chain.join(" > ")}] :: ${text.slice(s.start, Math.min(s.end, s.start + 140))}`);
    }
  }
}
console.log(`PolNeAR attributions with a named or described source (pronouns left out): ${total}`);
console.log(`  sentence has a chain        ${((100 * anyChain) / total).toFixed(1)}%`);
console.log(`  chain names the source      ${((100 * found) / total).toFixed(1)}% (recall)`);
