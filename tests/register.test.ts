// Unit tests of the register's pure stages: naming sources, merging claims, conflicts, roots and grades.
import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultCatalog } from "../src/catalog/load.ts";
import { sameName, sourceDescriber } from "../src/resolve/names.ts";
import { familyOf, mergeClaims } from "../src/resolve/merge.ts";
import { compatibleTimes, interval } from "../src/resolve/time.ts";
import { findConflicts } from "../src/assess/conflicts.ts";
import { AS_OF_STATEMENT } from "../src/extract/types.ts";
import { grade } from "../src/assess/grade.ts";
import { buildAssertions } from "../src/assess/assess.ts";
import type { RegisterClaim, RegisterDoc } from "../src/resolve/types.ts";

const catalog = defaultCatalog();
const en = sourceDescriber(catalog, "en");
const fr = sourceDescriber(catalog, "fr");

let n = 0;
function claim(over: Partial<RegisterClaim> & { document: string }): RegisterClaim {
  n++;
  return {
    id: `c${String(n).padStart(3, "0")}`,
    index: 0,
    supplier: "ISR",
    recipient: "MAR",
    intermediary: null,
    item: { name: null, category: "uav" },
    maker: null,
    quantity: null,
    value: null,
    time: null,
    status: "delivered",
    stance: "asserted",
    targets: [],
    sources: [],
    evidence: `claim ${n}`,
    optional: false,
    span: null,
    rules: [],
    ...over,
  };
}
const doc = (id: string, outlet: string, published: string, copyOf: string[] = []): RegisterDoc => ({ id, url: null, outlet, published, language: "en", title: null, copyOf });

test("chain names: unnamed people, governments, catalog sources and their sections, named people", () => {
  assert.equal(en("two officials familiar with the negotiations").kind, "unnamed");
  assert.equal(en("sources in Morocco").kind, "unnamed");
  assert.equal(en("Moroccan sources").kind, "unnamed");
  assert.equal(fr("des sources marocaines").kind, "unnamed");
  assert.deepEqual(en("Moroccan authorities"), { kind: "government", state: "MAR", written: "Moroccan authorities" });
  assert.deepEqual(fr("les autorités marocaines"), { kind: "government", state: "MAR", written: "les autorités marocaines" });
  assert.deepEqual(fr("un haut responsable gouvernemental"), { kind: "government", state: null, written: "un haut responsable gouvernemental" });
  const amnesty = en("Amnesty International UK");
  assert.equal(amnesty.kind === "catalog" && amnesty.id, "source:amnesty-international");
  const iai = en("IAI sources");
  assert.equal(iai.kind === "catalog" && iai.id, "maker:israel-aerospace-industries");
  const minister = en("Polish Defense Minister Mariusz Blaszczak");
  assert.equal(minister.kind, "named");
  assert.deepEqual(minister.kind === "named" && [minister.state, minister.words], ["POL", ["mariusz", "blaszczak"]]);
  assert.equal(en("Mariusz Błaszczak").kind, "named");
});

test("an office holder the people catalog lists speaks for the state, by full name or by surname after a title", () => {
  const state = (r: ReturnType<typeof en>) => (r.kind === "named" ? r.state : `not named: ${r.kind}`);
  assert.equal(state(en("Mariusz Blaszczak")), "POL");
  assert.equal(state(fr("Florence Parly")), "FRA");
  assert.equal(state(en("Minister Blaszczak")), "POL");
  // A surname alone may be anyone's; a name the catalog does not list is no one's official.
  assert.equal(state(en("Blaszczak")), null);
  assert.equal(state(en("Jane Roe")), null);
});

test("names compare by folded word sets: diacritics, surnames, descriptions", () => {
  assert.ok(sameName("Mariusz Błaszczak", "Mariusz Blaszczak"));
  assert.ok(sameName("Hempel", "Jonathan Hempel"));
  assert.ok(sameName("the French website Intelligence Online", "Intelligence Online"));
  assert.ok(!sameName("Defense News", "Middle East Eye"));
});

test("systems agree through catalog families; unknown names stand for themselves", () => {
  assert.equal(familyOf(catalog, "Harfang"), familyOf(catalog, "Heron"));
  assert.equal(familyOf(catalog, "TB2"), familyOf(catalog, "Bayraktar TB2"));
  assert.notEqual(familyOf(catalog, "Harop"), familyOf(catalog, "Heron"));
  assert.equal(familyOf(catalog, "Zzyzx Nine"), "name:zzyzx nine");
});

test("times are compatible when less than a year apart", () => {
  assert.ok(compatibleTimes(interval({ from: "2013", to: "2013" }), interval({ from: "2014", to: "2020-01" })));
  assert.ok(!compatibleTimes(interval({ from: "2010", to: "2010" }), interval({ from: "2014", to: "2014" })));
  assert.ok(compatibleTimes(null, interval({ from: "1970", to: "1979" })));
});

test("merging: family and unnamed systems join, other systems and categories and distant times do not", () => {
  const t = { from: "2020", to: "2020" };
  const groups = mergeClaims(catalog, [
    claim({ document: "d1", item: { name: "Heron", category: "uav" }, time: t }),
    claim({ document: "d2", item: { name: "Harfang", category: "uav" }, time: t }),
    claim({ document: "d3", item: { name: "Harop", category: "uav" }, time: t }),
    claim({ document: "d4", item: { name: null, category: "uav" }, time: t }),
    claim({ document: "d5", item: { name: "Heron", category: "uav" }, time: { from: "2005", to: "2005" } }),
    claim({ document: "d6", item: { name: null, category: "other" }, time: t }),
  ]);
  const shape = groups.map((g) => g.members.map((m) => m.document).sort().join("+")).sort();
  assert.equal(groups.length, 4);
  assert.ok(shape.includes("d6"));
  assert.ok(shape.includes("d5"));
  assert.ok(shape.some((s) => s.startsWith("d1+d2")), shape.join(" "));
  // The unnamed claim joins one named group, never both.
  assert.equal(shape.filter((s) => s.includes("d4")).length, 1);
});

test("conflicts: amounts in one currency, quantities, disjoint times, denial against support; stages are no conflict", () => {
  const d = "d";
  const kinds = (cs: RegisterClaim[]) => findConflicts(cs).map((c) => c.kind);
  assert.deepEqual(kinds([claim({ document: d, value: { amount: 48e6, currency: "USD" } }), claim({ document: d, value: { amount: 50e6, currency: "USD" } })]), ["value"]);
  assert.deepEqual(kinds([claim({ document: d, value: { amount: 48e6, currency: "USD" } }), claim({ document: d, value: { amount: 44e6, currency: "EUR" } })]), []);
  assert.deepEqual(kinds([claim({ document: d, quantity: 3 }), claim({ document: d, quantity: 4 })]), ["quantity"]);
  assert.deepEqual(kinds([claim({ document: d, time: { from: "2013", to: "2013" } }), claim({ document: d, time: { from: "2014", to: "2020" } }), claim({ document: d })]), ["time"]);
  assert.deepEqual(kinds([claim({ document: d, status: "negotiating" }), claim({ document: d, status: "ordered" }), claim({ document: d, status: "delivered" })]), []);
  assert.deepEqual(kinds([claim({ document: d, stance: "denied" }), claim({ document: d, stance: "alleged" })]), ["stance"]);
  assert.deepEqual(kinds([claim({ document: d, status: "cancelled" }), claim({ document: d, status: "ordered" })]), ["status"]);
  assert.deepEqual(kinds([claim({ document: d, quantity: 3 }), claim({ document: d, quantity: 4, optional: true })]), []);
});

test("a statement's month is as of the statement: an earlier date is no conflict, a later one is", () => {
  const d = "d1";
  const kinds = (cs: RegisterClaim[]) => findConflicts(cs).map((c) => c.kind);
  const asOf = (from: string) => claim({ document: d, time: { from, to: from }, rules: [AS_OF_STATEMENT] });
  assert.deepEqual(kinds([asOf("2024-02"), claim({ document: d, time: { from: "2024-01", to: "2024-01" } })]), []);
  assert.deepEqual(kinds([asOf("2024-02"), claim({ document: d, time: { from: "2024-05", to: "2024-05" } })]), ["time"]);
  // Without the rule the same months are dates of the deal, and they disagree.
  assert.deepEqual(kinds([claim({ document: d, time: { from: "2024-02", to: "2024-02" } }), claim({ document: d, time: { from: "2024-01", to: "2024-01" } })]), ["time"]);
});

function assessed(docs: RegisterDoc[], claims: RegisterClaim[]) {
  const byDoc = new Map<string, RegisterClaim[]>();
  for (const c of claims) byDoc.get(c.document)?.push(c) ?? byDoc.set(c.document, [c]);
  return buildAssertions({ catalog, docs: new Map(docs.map((d) => [d.id, d])), claims: byDoc }, claims);
}

test("circular reporting: A's follow-up cites B, whose page cites A, and adds no origin", () => {
  const docs = [doc("a1", "Alpha Post", "2024-01-01"), doc("b1", "Beta Times", "2024-01-02"), doc("a2", "Alpha Post", "2024-01-05"), doc("c1", "Gamma Daily", "2024-01-06")];
  const [a] = assessed(docs, [
    claim({ document: "a1", sources: ["people close to the talks"] }),
    claim({ document: "b1", sources: ["Alpha Post"] }),
    claim({ document: "a2", sources: ["Beta Times"] }),
    claim({ document: "c1", sources: ["Beta Times"] }),
  ]);
  assert.equal(a!.independentOrigins, 1);
  assert.deepEqual(a!.origins, ["Alpha Post"]);
  assert.equal(a!.circular, true);
  assert.deepEqual(a!.loop, ["Alpha Post", "Beta Times"]);
  assert.deepEqual(a!.members.filter((m) => m.circular).map((m) => m.document), ["a2"]);
});

test("a relay with a page of its own in its own voice stays an origin; an uncredited copy does not become one", () => {
  const docs = [doc("x1", "Alpha Post", "2024-01-01"), doc("y1", "Beta Times", "2024-01-02"), doc("y2", "Delta Digest", "2024-01-03", ["y1"])];
  const [a] = assessed(docs, [claim({ document: "x1" }), claim({ document: "y1", evidence: "same" }), claim({ document: "y2", evidence: "same" })]);
  assert.deepEqual(a!.origins, ["Alpha Post", "Beta Times"]);
});

test("a speaker for a government is that government when it is also among the roots, else the person", () => {
  const docs = [doc("p1", "Alpha Post", "2021-05-22"), doc("p2", "Beta Times", "2021-05-23")];
  const both = assessed(docs, [claim({ document: "p1", supplier: "TUR", recipient: "POL", sources: ["Polish Defence Minister Mariusz Blaszczak"] }), claim({ document: "p2", supplier: "TUR", recipient: "POL", sources: ["the Polish government"] })]);
  assert.deepEqual(both[0]!.origins, ["Polish government"]);
  const alone = assessed(docs, [claim({ document: "p1", supplier: "TUR", recipient: "POL", sources: ["Polish Defence Minister Mariusz Blaszczak"] })]);
  assert.deepEqual(alone[0]!.origins, ["Polish Defence Minister Mariusz Blaszczak"]);
});

test("a government body of the catalog and the same state's authorities are one party", () => {
  const docs = [doc("g1", "Alpha Post", "2021-01-01"), doc("g2", "Beta Times", "2021-01-02")];
  const [a] = assessed(docs, [claim({ document: "g1", sources: ["Israeli Ministry of Defense"] }), claim({ document: "g2", sources: ["Israeli authorities"] })]);
  assert.equal(a!.independentOrigins, 1);
  assert.deepEqual(a!.origins, ["Israeli government"]);
});

test("grades: corroboration raises credibility, a denial lowers it, reliability is the best origin's", () => {
  const o = (name: string, type: "ngo" | "outlet" | "government", official = false) => ({ name, type, reliability: type === "ngo" ? ("B" as const) : ("C" as const), overridden: false, official });
  const base = { denials: [], hedged: false, circular: false, conflicts: [], members: 2, documents: 2 };
  assert.deepEqual(pick(grade({ ...base, origins: [o("A", "ngo"), o("B", "outlet")] })), ["B", 1]);
  assert.deepEqual(pick(grade({ ...base, origins: [o("A", "ngo"), o("B", "outlet")], denials: ["G"] })), ["B", 2]);
  assert.deepEqual(pick(grade({ ...base, origins: [o("B", "outlet")] })), ["C", 3]);
  assert.deepEqual(pick(grade({ ...base, origins: [o("B", "outlet")], hedged: true })), ["C", 4]);
  assert.deepEqual(pick(grade({ ...base, origins: [o("G", "government", true)] })), ["C", 2]);
  assert.deepEqual(pick(grade({ ...base, origins: [], denials: ["G"] })), ["F", 5]);
  assert.match(grade({ ...base, origins: [o("A", "ngo")], denials: ["G"] }).explanation, /G denies it/);
});
const pick = (g: { reliability: string; credibility: number }) => [g.reliability, g.credibility];
