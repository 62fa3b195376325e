import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { goldenOutput } from "./golden/run.ts";

const root = join(import.meta.dirname, "golden");
for (const lang of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const f of readdirSync(join(root, lang.name)).filter((x) => x.endsWith(".txt"))) {
    test(`golden ${lang.name}/${f}`, () => {
      const path = join(root, lang.name, f);
      const expected = path.replace(/\.txt$/, ".expected.json");
      assert.ok(existsSync(expected), `${expected} missing: run node --import tsx scripts/update-golden.ts and review it`);
      assert.deepEqual(goldenOutput(lang.name, f, readFileSync(path, "utf8")), JSON.parse(readFileSync(expected, "utf8")));
    });
  }
}
