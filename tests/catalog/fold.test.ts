import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { fold } from "../../src/catalog/fold.ts";
import { tokenize } from "../../src/catalog/phrases.ts";

test("fold keeps the length of any string", () => {
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => fold(s).length === s.length));
});

test("fold removes case and accents and unifies apostrophes, hyphens and spaces", () => {
  assert.equal(fold("Israël"), "israel");
  assert.equal(fold("L’Élysée"), "l'elysee");
  assert.equal(fold("Su‑30\u00a0MKA"), "su-30 mka");
  assert.equal(fold("Hürkuş"), "hurkus");
});

test("tokens split letters from digits, so F-16, F16 and F 16 read the same", () => {
  const texts = (s: string) => tokenize(fold(s)).map((t) => t.text);
  assert.deepEqual(texts("F-16"), ["f", "16"]);
  assert.deepEqual(texts("F16"), ["f", "16"]);
  assert.deepEqual(texts("F 16"), ["f", "16"]);
  assert.deepEqual(texts("Leopard 2A4"), ["leopard", "2", "a", "4"]);
});
