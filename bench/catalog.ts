// Catalog load + compile time, and gazetteer matching speed on one core.
//   npm run bench:catalog
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { loadCatalog, ROOT } from "../src/catalog/load.ts";
import { Gazetteer } from "../src/catalog/gazetteer.ts";
import { fold } from "../src/catalog/fold.ts";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loads: number[] = [];
const compiles: number[] = [];
let catalog = loadCatalog();
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  catalog = loadCatalog();
  const t1 = performance.now();
  // With people: the larger of the two gazetteers each language has (extraction compiles the one without).
  new Gazetteer(catalog, "en", { people: true });
  new Gazetteer(catalog, "fr", { people: true });
  loads.push(t1 - t0);
  compiles.push(performance.now() - t1);
}
const dev = resolve(ROOT, "../shared/corpus/dev");
const texts = existsSync(dev)
  ? readdirSync(dev).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(dev, f), "utf8"))
  : readdirSync(join(ROOT, "tests/golden/en")).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(ROOT, "tests/golden/en", f), "utf8"));
let text = texts.join("\n\n");
while (text.length < 20_000_000) text += "\n\n" + text;
const gaz = new Gazetteer(catalog, "en", { people: true });
const rates: number[] = [];
let matches = 0;
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const folded = fold(text);
  matches = gaz.match(text, folded).length;
  rates.push(text.length / 1048576 / ((performance.now() - t0) / 1000));
}
console.log(`catalog load       ${median(loads).toFixed(0)} ms median of 5 (validation of every file included)`);
console.log(`compile en+fr      ${median(compiles).toFixed(0)} ms median of 5 (${gaz.size} English names, people included)`);
console.log(`matching           ${median(rates).toFixed(1)} MB/s median of 3 over ${(text.length / 1048576).toFixed(0)} MB (fold + scan; ${matches} matches)`);
