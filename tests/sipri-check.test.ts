// The cross-check as a pure function: fictional assertions against the fictional export's records.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Assertion } from "../src/assess/assess.ts";
import { defaultCatalog, ROOT } from "../src/catalog/load.ts";
import { assertionKind, checkAssertion } from "../src/reference/check.ts";
import { loadKinds } from "../src/reference/sipri/lookups.ts";
import { parseTradeRegister } from "../src/reference/sipri/parse.ts";

const catalog = defaultCatalog();
const kinds = loadKinds();
const records = parseTradeRegister(join(ROOT, "tests", "fixtures", "sipri", "fictional-register.csv"), catalog).then((r) => r.records);

function assertion(over: Partial<Assertion>, evidence = "a fictional report"): Assertion {
  return {
    id: "a1",
    supplier: "ISR",
    recipient: "MAR",
    intermediary: null,
    item: { name: null, category: "uav" },
    quantity: null,
    value: null,
    time: null,
    status: "delivered",
    members: [{ evidence }],
    ...over,
  } as Assertion;
}

test("same parties, system family and years, nothing differing: confirmed", async () => {
  const c = checkAssertion(catalog, assertion({ item: { name: "Barak MX", category: "air-defence" }, time: { from: "2022", to: "2023" } }), await records);
  assert.equal(c.verdict, "confirmed");
  assert.equal(c.matches[0]!.record.designation, "Barak-MX");
});

test("a value SIPRI gives agrees within a tenth; a different one is a difference", async () => {
  const ok = checkAssertion(catalog, assertion({ item: { name: "Barak MX", category: "air-defence" }, time: { from: "2022", to: "2022" }, value: { amount: 480e6, currency: "USD" } }), await records);
  assert.equal(ok.verdict, "confirmed");
  assert.ok(ok.matches[0]!.agrees.includes("value"));
  const off = checkAssertion(catalog, assertion({ item: { name: "Barak MX", category: "air-defence" }, time: { from: "2022", to: "2022" }, value: { amount: 900e6, currency: "USD" } }), await records);
  assert.equal(off.verdict, "partly");
  assert.deepEqual(off.matches[0]!.differs.map((d) => d.field), ["value"]);
});

test("another supplier of the same system and years: partly, naming supplier and intermediary; Harfang finds Heron", async () => {
  for (const name of ["Heron", "Harfang"]) {
    const c = checkAssertion(catalog, assertion({ item: { name, category: "uav" }, time: { from: "2013", to: "2013" }, quantity: 4 }), await records);
    assert.equal(c.verdict, "partly", name);
    const fields = c.matches[0]!.differs.map((d) => d.field);
    assert.deepEqual(fields, ["supplier", "intermediary", "quantity"], name);
  }
});

test("years too far apart are not the deal: the record is only the nearest", async () => {
  const late = checkAssertion(catalog, assertion({ item: { name: "Heron", category: "uav" }, time: { from: "2019", to: "2019" } }), await records);
  assert.equal(late.verdict, "not-recorded");
  assert.equal(late.nearest[0]!.record.designation, "Heron");
  assert.equal(late.pair.records, 1);
  assert.match(late.explanation, /first ISR → MAR deal was ordered in 2022/);
});

test("an intermediary the register names (ordered via) that the assertion lacks is a difference", async () => {
  const c = checkAssertion(catalog, assertion({ supplier: "VNM", recipient: "TUR", item: { name: "M48 Patton", category: "armoured-vehicle" }, time: { from: "2000", to: "2000" }, quantity: 12 }), await records);
  assert.equal(c.verdict, "partly");
  assert.deepEqual(c.matches[0]!.differs.map((d) => [d.field, d.register]), [["intermediary", ["USA"]]]);
});

test("with no system named, another supplier's deal of the category is only a nearest record", async () => {
  const a = assertion({ supplier: "FRA", recipient: "TUR", item: { name: null, category: "armoured-vehicle" }, time: { from: "2000", to: "2001" } }, "la France a livré des chars de combat à la Turquie");
  assert.equal(assertionKind(a, kinds), "tank");
  const c = checkAssertion(catalog, a, await records, { kinds });
  assert.equal(c.verdict, "not-recorded");
  assert.equal(c.nearest[0]!.record.designation, "M-48A3 Patton");
  assert.ok(c.nearest[0]!.near.includes("same kind (tank)"));
});

test("spyware and other categories SIPRI does not cover are out of scope", async () => {
  for (const category of ["spyware", "surveillance", "small-arms", "ammunition"] as const) {
    const c = checkAssertion(catalog, assertion({ item: { name: null, category } }), await records);
    assert.equal(c.verdict, "out-of-scope");
  }
});
