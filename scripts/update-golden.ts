// Rewrites tests/golden/<lang>/<case>.expected.json from the extractor's current output.
// Review the diff before committing: golden files pin behaviour, they are not gold annotations.
//   node --import tsx scripts/update-golden.ts
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../src/catalog/load.ts";
import { goldenOutput } from "../tests/golden/run.ts";

const root = join(ROOT, "tests", "golden");
let n = 0;
for (const lang of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const f of readdirSync(join(root, lang.name)).filter((x) => x.endsWith(".txt"))) {
    const path = join(root, lang.name, f);
    writeFileSync(path.replace(/\.txt$/, ".expected.json"), JSON.stringify(goldenOutput(lang.name, f, readFileSync(path, "utf8")), null, 2) + "\n");
    n++;
  }
}
console.log(`${n} golden files written`);
