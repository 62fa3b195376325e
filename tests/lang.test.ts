import { test } from "node:test";
import assert from "node:assert/strict";
import { fold } from "../src/catalog/fold.ts";
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
