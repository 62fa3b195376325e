import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fold } from "../src/catalog/fold.ts";
import { ROOT } from "../src/catalog/load.ts";
import { tokenize } from "../src/catalog/phrases.ts";
import { extractionLanguages, lexiconFor } from "../src/extract/lexicon.ts";

for (const lang of extractionLanguages()) {
  test(`${lang}: every rule's example matches its rule`, () => {
    const lex = lexiconFor(lang);
    assert.ok(lex.examples.length > 20, "the language has rules with examples");
    const misses: string[] = [];
    for (const { rule, example, trie } of lex.examples) {
      const folded = fold(example);
      const found = trie.all(folded, tokenize(folded)).some((m) => m.values.some((v) => v.rule === rule));
      if (!found) misses.push(`${rule}: "${example}"`);
    }
    assert.deepEqual(misses, []);
  });
}

// A form that folds the same in two rows of one table is read by whichever row the trie met first: the other
// row's meaning is silently lost ("envisagé" hypothetical hid "envisage" planned).
const TABLES: Record<string, number> = { "stance.tsv": 2, "transfer.tsv": 3, "attribution.tsv": 2, "roles.tsv": 2 };
for (const lang of extractionLanguages()) {
  test(`${lang}: no form of a table is in two rows`, () => {
    const clashes: string[] = [];
    for (const [file, column] of Object.entries(TABLES)) {
      const rowOf = new Map<string, string>();
      for (const line of readFileSync(join(ROOT, "lang", lang, file), "utf8").split("\n")) {
        if (!line || line.startsWith("#") || line.startsWith("id\t")) continue;
        const cells = line.split("\t");
        for (const form of (cells[column] ?? "").split("|")) {
          const key = fold(form.trim());
          const row = rowOf.get(key);
          if (key && row && row !== cells[0]) clashes.push(`${file}: "${form}" in ${row} and ${cells[0]}`);
          else if (key) rowOf.set(key, cells[0]!);
        }
      }
    }
    assert.deepEqual(clashes, []);
  });
}
