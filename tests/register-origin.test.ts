// A register confirmation as an origin (issue 6): on both backends, an imported trade register that records an
// assertion's transfer adds one independent origin of type `register`, whichever came first (the import or the
// reports), and a newer export that drops the record takes it away. The register file is written here, in the
// trade-register layout; every deal in it is invented.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../src/catalog/load.ts";
import type { Assertion } from "../src/assess/assess.ts";
import { buildAssertions } from "../src/assess/assess.ts";
import { SIPRI } from "../src/assess/register.ts";
import { main } from "../src/cli/main.ts";
import type { Document } from "../src/ingest/document.ts";
import type { IncomingClaims } from "../src/resolve/claims.ts";
import { parseTradeRegister } from "../src/reference/sipri/parse.ts";
import type { Db } from "../src/store/db.ts";
import { stableJson } from "../src/store/json.ts";
import { listAssertions } from "../src/store/queries.ts";
import { decide } from "../src/store/decisions.ts";
import { loadPairs } from "../src/store/recompute.ts";
import { importReference } from "../src/store/reference.ts";
import { registerDocument } from "../src/store/register.ts";
import { assertionData, assertionPage } from "../src/serve/pages/assertion.ts";
import { backends, reset } from "./store/backends.ts";

const catalog = defaultCatalog();
const stores = await backends();
delete process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), "dossier-register-origin-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const PREAMBLE = [
  "Fictional trade register for Dossier's tests: every deal below is invented.",
  "A '?' in a column indicates uncertain data.",
  "An empty field for 'Number ordered' indicates that data is not yet available.",
  "TIVs are in millions.",
  "(fictional preamble line 5)",
  "(fictional preamble line 6)",
  "(fictional preamble line 7)",
  "(fictional preamble line 8)",
  "",
  "Source: none (invented for tests).",
  "Data generated: 1 Jan 2030 09:00:00 AM",
  "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons",
];
const ROWS = {
  tb2: "Morocco,Turkiye,2021,,13,,Bayraktar TB2,armed UAV,13,,2022,New,Fictional deal for tests,5,65,65",
  heron: "Morocco,France,2013,,3,,Heron,UAV,3,,2014,Second hand,Second-hand; part of Harfang UAV system,1.2,3.6,3.6",
  barak: "Azerbaijan,Israel,2022,,4,,Barak-MX,SAM system,4,,2023,New,Fictional deal for tests,47,188,188",
  poland: "Poland,Turkiye,2021,,24,,Bayraktar TB2,armed UAV,24,,2022,New,Fictional deal for tests,5,120,120",
};
function registerFile(name: string, rows: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, [...PREAMBLE, ...rows, ""].join("\n"), "latin1");
  return file;
}
const FULL = registerFile("full.csv", Object.values(ROWS));
const NEWER = registerFile("newer.csv", [ROWS.heron, ROWS.barak, ROWS.poland]);

type Transfer = IncomingClaims["transfers"][number];
const transfer = (t: Partial<Transfer> & Pick<Transfer, "supplier" | "recipient" | "item" | "evidence">): Transfer => ({
  intermediary: null,
  maker: null,
  quantity: null,
  value: null,
  time: null,
  status: "delivered",
  stance: "asserted",
  targets: [],
  sources: [],
  ...t,
});
/** One invented report per transfer, each from its own outlet's own voice (one origin each). */
const reports: { document: Document; claims: IncomingClaims }[] = [
  ["tb2", "Reuters", transfer({ supplier: "TUR", recipient: "MAR", item: { name: "Bayraktar TB2", category: "uav" }, quantity: 13, time: { from: "2021", to: "2021" }, evidence: "Turkey sold 13 Bayraktar TB2 drones to Morocco in 2021" })],
  ["heron", "Reuters", transfer({ supplier: "ISR", recipient: "MAR", item: { name: "Heron", category: "uav" }, quantity: 3, time: { from: "2013", to: "2013" }, evidence: "Israel sold three Heron drones to Morocco in 2013" })],
  ["barak", "Defense News", transfer({ supplier: "ISR", recipient: "AZE", item: { name: "Barak MX", category: "air-defence" }, quantity: 6, time: { from: "2022", to: "2022" }, status: "ordered", evidence: "Azerbaijan ordered six Barak MX batteries from Israel in 2022" })],
  ["caesar", "Defense News", transfer({ supplier: "FRA", recipient: "IND", item: { name: "CAESAR Mk II", category: "artillery" }, time: { from: "2024", to: "2024" }, evidence: "France delivered CAESAR Mk II guns to India in 2024" })],
  ["pegasus", "Reuters", transfer({ supplier: "ISR", recipient: "MEX", item: { name: "Pegasus", category: "spyware" }, time: { from: "2016", to: "2016" }, evidence: "Israel sold Pegasus to Mexico in 2016" })],
  ["poland", "Reuters", transfer({ supplier: "TUR", recipient: "POL", item: { name: "Bayraktar TB2", category: "uav" }, quantity: 24, time: { from: "2021", to: "2021" }, sources: ["SIPRI"], evidence: "Turkey sold 24 Bayraktar TB2 drones to Poland in 2021, according to SIPRI" })],
].map(([id, outlet, t]) => {
  const tr = t as Transfer;
  const doc = `origin-${id as string}`;
  return {
    document: { id: doc, url: null, canonicalUrl: null, outlet: outlet as string, published: "2025-01-10", language: "en", title: `Report ${id as string}`, author: null, text: `${tr.evidence}.` },
    claims: { document: { id: doc, language: "en", published: "2025-01-10", outlet: outlet as string }, transfers: [tr] },
  };
});

const byPair = (list: Assertion[], supplier: string, recipient: string) => {
  const a = list.find((x) => x.supplier === supplier && x.recipient === recipient);
  assert.ok(a, `an assertion ${supplier} → ${recipient}`);
  return a;
};
async function registerReports(db: Db) {
  for (const r of reports) await registerDocument(db, r.document, r.claims, { catalog });
}
const importFile = async (db: Db, file: string) => importReference(db, { file, read: await parseTradeRegister(file, catalog), catalog });
async function emptyRegister(db: Db) {
  await reset(db);
  await db.kysely.deleteFrom("reference_records").execute();
  await db.kysely.deleteFrom("reference_imports").execute();
}

for (const backend of stores) {
  describe(`register confirmation as an origin on ${backend.name}`, { skip: backend.skip }, () => {
    let db: Db;
    let first: Assertion[] = [];
    before(async () => {
      db = await backend.open();
    });
    after(async () => {
      await db?.close();
      await backend.cleanup();
    });

    test("before any import, no assertion has a register verdict", async () => {
      await emptyRegister(db);
      await registerReports(db);
      for (const a of await listAssertions(db, catalog)) {
        assert.equal(a.register, null, a.id);
        assert.ok(!a.origins.includes(SIPRI.name));
      }
    });

    test("an import after the reports re-checks every assertion: confirmed and same-supplier partly count, the rest do not", async () => {
      const s = await importFile(db, FULL);
      assert.equal(s.assertions.pairs, reports.length, "a first import re-checks every pair");
      assert.ok(s.assertions.updated >= 6, `all six assertions get a verdict (${s.assertions.updated})`);
      first = await listAssertions(db, catalog);

      const tb2 = byPair(first, "TUR", "MAR");
      assert.deepEqual([tb2.register?.verdict, tb2.register?.counted], ["confirmed", true]);
      assert.equal(tb2.independentOrigins, 2);
      assert.deepEqual(tb2.origins, ["Reuters", SIPRI.name]);
      assert.equal(tb2.originTypes[SIPRI.name], "register");
      assert.equal(tb2.originTypes.Reuters, "agency");
      assert.equal(tb2.grade.credibility, 1, "two independent origins confirm it");
      assert.match(tb2.grade.explanation, /2 independent origins \(Reuters and SIPRI Arms Transfers Database\)/);
      assert.match(tb2.grade.explanation, /Reference register, SIPRI Arms Transfers Database: confirmed, a register confirmation, counted as an independent origin of type register \(TUR → MAR: 13 Bayraktar TB2/);

      const barak = byPair(first, "ISR", "AZE");
      assert.deepEqual([barak.register?.verdict, barak.register?.counted, barak.independentOrigins], ["partly", true, 2]);
      assert.deepEqual(barak.register?.differs.map((d) => d.field), ["quantity"]);
      assert.match(barak.grade.explanation, /Reference register, SIPRI Arms Transfers Database: partly, the same supplier, differing on quantity: counted/);

      const heron = byPair(first, "ISR", "MAR");
      assert.deepEqual([heron.register?.verdict, heron.register?.counted, heron.independentOrigins], ["partly", false, 1]);
      assert.match(heron.register!.why, /names FRA as supplier: not this transfer as stated/);
      assert.equal(heron.grade.credibility, 3, "a single origin, as before the import");
      assert.match(heron.grade.explanation, /Reference register, SIPRI Arms Transfers Database: partly, it names FRA as supplier: not this transfer as stated, so not counted as an origin \(FRA → MAR: 3 Heron/);

      const caesar = byPair(first, "FRA", "IND");
      assert.deepEqual([caesar.register?.verdict, caesar.register?.counted, caesar.independentOrigins], ["not-recorded", false, 1]);
      const pegasus = byPair(first, "ISR", "MEX");
      assert.deepEqual([pegasus.register?.verdict, pegasus.register?.counted], ["out-of-scope", false]);

      const poland = byPair(first, "TUR", "POL");
      assert.deepEqual(poland.origins, ["SIPRI"], "the report's own origin is SIPRI");
      assert.deepEqual([poland.register?.verdict, poland.register?.counted, poland.independentOrigins], ["confirmed", false, 1]);
      assert.match(poland.register!.why, /publisher is already an origin/);
    });

    test("the stored assertions are what the pure assessment gives with the register's records", async () => {
      const pairs = [...new Set(first.map((a) => `${a.supplier ?? "-"}|${a.recipient ?? "-"}`))];
      const { ctx, claims, reliability, register } = await loadPairs(db.kysely, catalog, pairs);
      assert.ok(register);
      const pure = buildAssertions(ctx, claims, { reliability, register }).sort((x, y) => x.id.localeCompare(y.id));
      assert.equal(stableJson(pure), stableJson([...first].sort((x, y) => x.id.localeCompare(y.id))));
    });

    test("importing the same file again changes no assertion; a newer export without the record takes the origin away", async () => {
      const again = await importFile(db, FULL);
      assert.deepEqual([again.added, again.dropped, again.assertions.pairs, again.assertions.updated], [0, 0, 0, 0]);
      const s = await importFile(db, NEWER);
      assert.equal(s.dropped, 1);
      assert.equal(s.assertions.pairs, 2, "only Morocco's pairs (its records changed) are re-checked");
      assert.equal(s.assertions.updated, 1);
      const tb2 = byPair(await listAssertions(db, catalog), "TUR", "MAR");
      assert.deepEqual([tb2.register?.verdict, tb2.register?.counted, tb2.independentOrigins, tb2.grade.credibility], ["not-recorded", false, 1, 3]);
      assert.deepEqual(tb2.origins, ["Reuters"]);
    });

    test("reports registered after the import are checked as they are stored: the same assertions as the other order", async () => {
      await emptyRegister(db);
      await importFile(db, FULL);
      await registerReports(db);
      const later = await listAssertions(db, catalog);
      assert.equal(stableJson([...later].sort((x, y) => x.id.localeCompare(y.id))), stableJson([...first].sort((x, y) => x.id.localeCompare(y.id))));
    });

    test("a registration during an import waits for it, and is checked against the new records", async () => {
      await emptyRegister(db);
      const parsed = await parseTradeRegister(FULL, catalog);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let reading!: () => void;
      const started = new Promise<void>((r) => (reading = r));
      // The import holds its lock while the export is still being read: here, until the gate opens.
      const held = (async function* () {
        yield* parsed.records;
        reading();
        await gate;
      })();
      // On Postgres through a second pool; PGlite is one connection, which hands itself to one transaction at a time.
      const other = backend.name === "postgres" ? await backend.open() : db;
      try {
        const importing = importReference(other, { file: FULL, read: { ...parsed, records: held }, catalog });
        await started;
        let done = false;
        const registering = registerDocument(db, reports[0]!.document, reports[0]!.claims, { catalog }).then(() => (done = true));
        await new Promise((r) => setTimeout(r, 300));
        const waited = !done;
        release();
        await importing;
        await registering;
        assert.ok(waited, "the registration waits for the import");
      } finally {
        release();
        if (other !== db) await other.close();
      }
      const tb2 = byPair(await listAssertions(db, catalog), "TUR", "MAR");
      assert.deepEqual([tb2.register?.verdict, tb2.register?.counted, tb2.independentOrigins], ["confirmed", true, 2]);
    });

    test("an analyst can rate the register as a source (register:sipri)", async () => {
      await decide(db, catalog, { kind: "source-reliability", subject: "register:sipri", reliability: "A" });
      const tb2 = byPair(await listAssertions(db, catalog), "TUR", "MAR");
      assert.equal(tb2.grade.reliability, "A");
      assert.match(tb2.grade.explanation, /the best-rated origin, SIPRI Arms Transfers Database, is rated so by an analyst/);
    });
  });
}

test("show, list --json and the web assertion page give the register origin (embedded register)", async () => {
  const data = join(dir, "cli");
  const run = async (...argv: string[]) => {
    let out = "";
    const code = await main([...argv, "--data", data], { out: (s) => (out += s), err: (s) => (out += s) });
    assert.equal(code, 0, out);
    return out;
  };
  const { openDb } = await import("../src/store/db.ts");
  const db = await openDb({ url: null, dataDir: data });
  try {
    await registerReports(db);
  } finally {
    await db.close();
  }
  assert.match(await run("import", "sipri", FULL), /assertions re-checked against the register: 6 supplier–recipient pairs, 6 assertions changed/);
  const list = JSON.parse(await run("list", "--json")) as Assertion[];
  const tb2 = byPair(list, "TUR", "MAR");
  assert.deepEqual([tb2.independentOrigins, tb2.originTypes[SIPRI.name], tb2.register?.counted], [2, "register", true]);
  const shown = await run("show", tb2.id);
  assert.match(shown, /independent origins: 2 \(Reuters; SIPRI Arms Transfers Database\)/);
  assert.match(shown, /reference register \(SIPRI Arms Transfers Database\): confirmed, counted as an independent origin of type register/);
  assert.match(shown, /SIPRI Arms Transfers Database \(register\)\n {4}record \(line 13\): TUR → MAR: 13 Bayraktar TB2 \(armed UAV\), ordered 2021, 13 delivered 2022/);
  const heron = byPair(list, "ISR", "MAR");
  assert.match(await run("show", heron.id), /reference register \(SIPRI Arms Transfers Database\): partly, not counted as an origin/);

  const web = await openDb({ url: null, dataDir: data });
  try {
    const page = String(assertionPage(catalog, await assertionData(web, tb2.id)));
    assert.match(page, /<span id="origins">2<\/span> \(Reuters; SIPRI Arms Transfers Database\)/);
    assert.match(page, /<span id="register" data-verdict="confirmed" data-counted="true">confirmed<\/span> · counted as an origin/);
    assert.match(page, /<h2 id="register-h">Reference register: SIPRI Arms Transfers Database<\/h2>/);
    assert.equal((page.match(/data-kind="origin"/g) ?? []).length, 2, "two origin nodes drawn: Reuters and the register");
  } finally {
    await web.close();
  }
});
