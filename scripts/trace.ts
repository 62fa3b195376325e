// Prints what the extractor saw in each sentence: mentions, triggers, chains.
//   node --import tsx scripts/trace.ts FILE LANG [PUBLISHED] [--sentence N]
import { readFileSync } from "node:fs";
import { defaultCatalog } from "../src/catalog/load.ts";
import { attributeDocument } from "../src/extract/attribution.ts";
import { createContext } from "../src/extract/context.ts";
import { lexiconFor } from "../src/extract/lexicon.ts";
import { findMentions } from "../src/extract/mentions.ts";
import { findNumbers } from "../src/extract/normalise/numbers.ts";
import { findTimes } from "../src/extract/normalise/time.ts";
import type { Lang } from "../src/extract/normalise/types.ts";

const [file, lang, published] = process.argv.slice(2);
const text = readFileSync(file!, "utf8");
const ctx = createContext(text, lang!, published ?? null, null, defaultCatalog(), lexiconFor(lang!));
findMentions(ctx);
const { chains } = attributeDocument(ctx);
const numbers = findNumbers(text, lang as Lang);
const times = findTimes(text, lang as Lang, published ?? null);
for (const s of ctx.sentences) {
  console.log(`\n[${s.index}/p${s.paragraph}] ${text.slice(s.start, s.end)}`);
  const ms = ctx.mentions.filter((m) => m.first >= s.first && m.first < s.endToken);
  console.log("  mentions:", ms.map((m) => `${text.slice(m.start, m.end)}=${m.kind}:${m.id}${m.party ? `(${m.party})` : ""}`).join("; "));
  const trig: string[] = [];
  for (let i = s.first; i < s.endToken; i++) {
    const t = ctx.lex.triggers.at(ctx.folded, ctx.tokens, i);
    if (t) trig.push(`${text.slice(t.start, t.end)}=${t.values[0]!.rule}`);
  }
  console.log("  triggers:", trig.join("; "));
  const ns = numbers.filter((n) => n.start >= s.start && n.end <= s.end).map((n) => `${text.slice(n.start, n.end)}=${n.value}`);
  const ts = times.filter((n) => n.start >= s.start && n.end <= s.end).map((n) => `${text.slice(n.start, n.end)}=${n.from}..${n.to}`);
  console.log("  numbers:", ns.join("; "), " times:", ts.join("; "));
  console.log("  chain:", chains[s.index]!.join(" → "));
}
