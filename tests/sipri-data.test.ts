// The reference data tables load, and every description rule's example is decided by that rule.
import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultCatalog } from "../src/catalog/load.ts";
import { loadKinds, sipriLookups } from "../src/reference/sipri/lookups.ts";

const look = sipriLookups(defaultCatalog());

test("every description rule decides its own example (rules are ordered, the first match wins)", () => {
  assert.ok(look.rules.length > 10);
  for (const r of look.rules) assert.equal(look.describe(r.example).rule, r.id, `${r.id}: example "${r.example}"`);
});

test("descriptions SIPRI re-worded between versions land in the same category", () => {
  const pairs = [
    ["APV", "armoured reconnaissance vehicle"],
    ["IFV", "infantry fighting vehicle"],
    ["SRAAM", "short-range air-to-air missile"],
    ["SSM", "surface-to-surface missile"],
    ["self-propelled MRL", "multiple rocket launcher"],
    ["patrol craft", "patrol boat"],
    ["ARV", "armoured recovery vehicle"],
  ];
  for (const [old, now] of pairs) assert.equal(look.describe(old!).category, look.describe(now!).category, `${old} vs ${now}`);
  assert.equal(look.describe("tank destroyer").category, "armoured-vehicle");
  assert.equal(look.describe("anti-radar missile/ASM").category, "missile");
  assert.equal(look.describe("armoured engineer vehicle").category, "armoured-vehicle");
});

test("every kind a description rule names has words in kinds.tsv", () => {
  const kinds = loadKinds();
  for (const r of look.rules) if (r.kind) assert.ok(kinds.get(r.kind)?.length, `kind ${r.kind} of rule ${r.id}`);
});
