// The SIPRI trade-register parser over a small fictional export written in the real layout, one quirk per row,
// and over the two real exports in ../shared when they are present.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { defaultCatalog, ROOT } from "../src/catalog/load.ts";
import { parseTradeRegister, type ReferenceRecord } from "../src/reference/sipri/parse.ts";
import { readComments } from "../src/reference/sipri/comments.ts";
import { sipriLookups } from "../src/reference/sipri/lookups.ts";

const catalog = defaultCatalog();
const FIXTURE = join(ROOT, "tests", "fixtures", "sipri", "fictional-register.csv");
const SHARED = join(ROOT, "..", "shared", "data", "sipri-trade-register");
const parsed = parseTradeRegister(FIXTURE, catalog);
const at = async (line: number): Promise<ReferenceRecord> => (await parsed).records.find((r) => r.line === line)!;

test("the preamble is skipped and its title and generation date kept", async () => {
  const r = await parsed;
  assert.equal(r.preamble.headerLine, 12);
  assert.equal(r.preamble.generated, "1 Jan 2030 09:00:00 AM");
  assert.match(r.preamble.title!, /^Fictional trade register/);
});

test("every data row is read or rejected with its line and reason", async () => {
  const r = await parsed;
  assert.equal(r.rows, 11);
  assert.equal(r.records.length + r.rejected.length, r.rows);
  assert.deepEqual(
    r.rejected.map((x) => [x.line, x.reason]),
    [
      [21, "bad-year"],
      [22, "long-row"],
      [24, "bad-status"],
      [25, "short-row"],
    ],
  );
});

test("a comment broken over two lines (with or without a stray carriage return) is one record", async () => {
  const un = await at(17);
  assert.equal(un.designation, "Hermes-900");
  assert.deepEqual(un.comments, ["3-year lease", "for use with peacekeeping forces"]);
  assert.deepEqual(un.tiv, { perUnit: 3, order: 9, delivered: 9 });
  const civ = await at(19);
  assert.deepEqual(civ.comments, ["Diesel engine for 12 APC from South Africa"]);
  assert.equal(civ.delivered, 0);
  assert.deepEqual(civ.deliveryYears, []);
  assert.equal(civ.category, "other");
});

test("blank-named columns become estimate flags; empty numbers stay unknown", async () => {
  const t = await at(15);
  assert.deepEqual([t.orderYear, t.orderYearEstimated, t.ordered, t.orderedEstimated, t.delivered, t.deliveredEstimated], [1999, true, 12, true, 10, true]);
  assert.deepEqual(t.deliveryYears, [2000, 2001]);
  const b = await at(14);
  assert.equal(b.ordered, null);
  assert.equal(b.orderedEstimated, false);
});

test("SIPRI's names link to catalog ids: aliases, non-state actors, organisations, historical states", async () => {
  const t = await at(15);
  assert.deepEqual([t.recipient.id, t.supplier.id], ["TUR", "VNM"]);
  const h = await at(16);
  assert.deepEqual(h.recipient, { written: "Hezbollah (Lebanon)*", id: "nsa:Hezbollah", kind: "non-state" });
  assert.deepEqual(h.supplier, { written: "Soviet Union", id: "SUN", kind: "historical" });
  assert.equal(h.designation, "Bü-181", "Latin-1 bytes decode");
  assert.equal(h.status, "second-hand-modernised");
  const un = await at(17);
  assert.deepEqual(un.recipient, { written: "United Nations**", id: "nsa:United Nations", kind: "organisation" });
  assert.equal((await at(19)).recipient.id, "CIV");
  const look = sipriLookups(catalog);
  assert.equal(look.party("UAE").id, "ARE");
  assert.deepEqual(look.party("unknown supplier(s)"), { written: "unknown supplier(s)", id: null, kind: "unknown" });
});

test("designations link to catalog systems and their family; descriptions give category and kind", async () => {
  const heron = await at(13);
  assert.deepEqual([heron.system, heron.family, heron.category, heron.status, heron.partOf], ["heron", "heron", "uav", "second-hand", "Harfang UAV system"]);
  const tank = await at(15);
  assert.deepEqual([tank.category, tank.kind], ["armoured-vehicle", "tank"]);
  assert.equal((await at(14)).category, "air-defence");
});

test("deal values and intermediaries are read from the comments", async () => {
  assert.deepEqual((await at(14)).value, { amount: 500e6, max: null, currency: "USD", usd: 500e6, uncertain: false, written: "$500 m deal" });
  const t = await at(15);
  assert.deepEqual(t.value, { amount: 170e6, max: null, currency: "EUR", usd: null, uncertain: false, written: "EUR170 m deal" });
  assert.deepEqual(t.intermediaries.map((i) => [i.role, i.party.id]), [["via", "USA"]]);
  const h = await at(16);
  assert.deepEqual(h.value, { amount: 4e9, max: null, currency: "THB", usd: 120e6, uncertain: false, written: "THB4b ($120 m) deal" });
  assert.deepEqual(h.intermediaries.map((i) => [i.role, i.party.id]), [["financed-by", "ARE"]]);
  const look = sipriLookups(catalog);
  const c = readComments("FFR1.25 b ($308 m) deal; ordered via French company", (w) => look.mention(w), (w) => look.currency(w));
  assert.deepEqual([c.value?.currency, c.value?.amount, c.value?.usd], ["FRF", 1.25e9, 308e6]);
  assert.deepEqual(c.intermediaries.map((i) => i.party.id), ["FRA"]);
  const range = readComments("Probably $200-250 m 'Fictional' deal", (w) => look.mention(w), (w) => look.currency(w)).value!;
  assert.deepEqual([range.amount, range.max, range.uncertain], [200e6, 250e6, true]);
  assert.equal(readComments("Part of deal worth AUD46 m", (w) => look.mention(w), (w) => look.currency(w)).value?.currency, "AUD");
  assert.equal(readComments("GBP133 m (USD208 m) deal", (w) => look.mention(w), (w) => look.currency(w)).value?.usd, 208e6);
  assert.equal(readComments("For 12 APC; $5 m aid", (w) => look.mention(w), (w) => look.currency(w)).value, null, "aid is not a deal value");
});

test("identical rows keep distinct keys; the same content gives the same key in any file", async () => {
  const r = await parsed;
  const [a, b] = r.records.filter((x) => x.designation === "Heron");
  assert.notEqual(a!.hash, b!.hash);
  const again = await parseTradeRegister(Readable.from([(await import("node:fs")).readFileSync(FIXTURE, "latin1")]), catalog);
  assert.deepEqual(again.records.map((x) => x.hash), r.records.map((x) => x.hash));
});

test("a file without the trade-register header is refused, not read as data", async () => {
  const r = await parseTradeRegister(Readable.from(["a,b,c\n1,2,3\n"]), catalog);
  assert.deepEqual(r.records, []);
  assert.equal(r.rejected[0]!.reason, "no-header");
});

for (const [file, expected] of [
  ["trade-register-2025-03-13.csv", 29515],
  ["trade-register-2024-10-13.csv", 27951],
] as const) {
  const path = join(SHARED, file);
  test(`the real export ${file} reads fully`, { skip: existsSync(path) ? false : `${path} is absent` }, async () => {
    const r = await parseTradeRegister(path, catalog);
    assert.deepEqual(r.rejected, []);
    assert.equal(r.records.length, expected);
    assert.equal(new Set(r.records.map((x) => x.hash)).size, expected);
    const unlinked = new Set([...r.records.flatMap((x) => [x.supplier, x.recipient])].filter((p) => !p.id).map((p) => p.written));
    assert.deepEqual([...unlinked].sort(), ["unknown recipient(s)", "unknown supplier(s)"]);
    const split = r.records.filter((x) => x.recipient.written === "United Nations**" && x.designation === "Hermes-900");
    assert.ok(split.some((x) => x.tiv.order !== null), "the split Hermes-900 record keeps its TIV columns");
  });
}
