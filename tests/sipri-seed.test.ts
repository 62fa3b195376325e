// Acceptance of issue 6: the seed's three claims checked against the real 2025 SIPRI export (skips without ../shared).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog, ROOT } from "../src/catalog/load.ts";
import type { IncomingClaims } from "../src/resolve/claims.ts";
import { openDb, type Db } from "../src/store/db.ts";
import { registerDocument } from "../src/store/register.ts";
import { listAssertions } from "../src/store/queries.ts";
import { parseTradeRegister } from "../src/reference/sipri/parse.ts";
import { importReference } from "../src/store/reference.ts";
import { checkAll } from "../src/cli/check.ts";
import type { Assertion } from "../src/assess/assess.ts";
import { describeRecord, type CheckResult } from "../src/reference/check.ts";
import { main } from "../src/cli/main.ts";

const SEED = join(ROOT, "..", "shared", "corpus", "seed");
const EXPORT = join(ROOT, "..", "shared", "data", "sipri-trade-register", "trade-register-2025-03-13.csv");
const skip = existsSync(SEED) && existsSync(EXPORT) ? false : `${SEED} or ${EXPORT} is absent`;
const catalog = defaultCatalog();
delete process.env.DATABASE_URL;
const data = mkdtempSync(join(tmpdir(), "dossier-sipri-seed-"));
let db: Db;
let list: Assertion[] = [];
let checks = new Map<string, CheckResult>();
const byItem = (category: string) => {
  const a = list.find((x) => x.item.category === category)!;
  return { a, c: checks.get(a.id)! };
};

before(async () => {
  if (skip) return;
  db = await openDb({ url: null, dataDir: data });
  const gold = JSON.parse(readFileSync(join(SEED, "fr-seed.gold.json"), "utf8")) as IncomingClaims & { document: Record<string, string> };
  const d = gold.document;
  const text = readFileSync(join(SEED, "fr-seed.txt"), "utf8");
  await registerDocument(db, { id: d.id!, url: null, canonicalUrl: null, outlet: d.outlet ?? null, published: d.published ?? null, language: d.language ?? null, title: null, author: null, text }, gold, { catalog });
  const parsed = await parseTradeRegister(EXPORT, catalog);
  await importReference(db, { file: EXPORT, read: parsed });
  list = await listAssertions(db, catalog, { supplier: "ISR", recipient: "MAR" });
  checks = await checkAll(db, catalog, list);
});
after(async () => {
  await db?.close();
  rmSync(data, { recursive: true, force: true });
});

test("Heron: partly — the register has three second-hand Heron from France, ordered 2013, delivered 2014, part of Harfang", { skip }, () => {
  const { c } = byItem("uav");
  assert.equal(c.verdict, "partly");
  const m = c.matches[0]!;
  assert.deepEqual([m.record.supplier.id, m.record.designation, m.record.ordered, m.record.orderYear, m.record.deliveryYears, m.record.status, m.record.partOf], ["FRA", "Heron", 3, 2013, [2014], "second-hand", "Harfang UAV system"]);
  assert.deepEqual(m.differs.map((d) => [d.field, d.assertion, d.register]), [["supplier", "ISR", "FRA"], ["intermediary", null, "FRA"]]);
  assert.ok(m.agrees.includes("quantity 3") && m.agrees.includes("time"), m.agrees.join("; "));
});

test("tanks of the 1970s: not recorded; the first Israel–Morocco deal is from 1983; nearest are US and Austrian tanks", { skip }, () => {
  const { c } = byItem("armoured-vehicle");
  assert.equal(c.verdict, "not-recorded");
  assert.equal(c.pair.firstOrder, 1983);
  const top = c.nearest.slice(0, 3).map((n) => n.record);
  assert.deepEqual([...new Set(top.map((r) => r.supplier.id))].sort(), ["AUT", "USA"], c.nearest.map((n) => describeRecord(n.record)).join("\n"));
  for (const r of top) {
    assert.equal(r.kind, "tank", r.designation);
    assert.ok(r.deliveryYears.some((y) => y >= 1970 && y <= 1979), `${r.designation} delivered in the 1970s`);
  }
});

test("Pegasus: not recorded, out of SIPRI's scope", { skip }, () => {
  const { c } = byItem("spyware");
  assert.equal(c.verdict, "out-of-scope");
  assert.match(c.explanation, /only major conventional arms/);
});

test("check prints the verdict in words and as JSON; list --with-register adds the column", { skip }, async () => {
  const { a } = byItem("uav");
  let out = "";
  const io = { out: (s: string) => (out += s), err: (s: string) => (out += s) };
  assert.equal(await main(["check", a.id, "--data", data], io), 0, out);
  assert.match(out, /partly/);
  assert.match(out, /differs on supplier: the assertion names ISR as supplier, the register FRA/);
  out = "";
  assert.equal(await main(["check", a.id, "--json", "--data", data], io), 0, out);
  assert.equal((JSON.parse(out) as CheckResult).verdict, "partly");
  out = "";
  assert.equal(await main(["list", "--recipient", "MAR", "--with-register", "--data", data], io), 0, out);
  assert.match(out, /register/);
  assert.match(out, /out-of-scope/);
});
