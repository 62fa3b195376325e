// Importing SIPRI exports into an embedded register: the summary, re-imports in place, and all-or-nothing writes.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog, ROOT } from "../src/catalog/load.ts";
import { main } from "../src/cli/main.ts";
import { backends } from "./store/backends.ts";
import { parseTradeRegister } from "../src/reference/sipri/parse.ts";
import { importReference, referenceRecordsFor } from "../src/store/reference.ts";

// The store tests run on both backends; the CLI tests are about the embedded default.
const stores = await backends();
delete process.env.DATABASE_URL;
const catalog = defaultCatalog();
const FIXTURE = join(ROOT, "tests", "fixtures", "sipri", "fictional-register.csv");
const dir = mkdtempSync(join(tmpdir(), "dossier-sipri-import-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A newer version of the fixture: one deal re-worded, one gone, one new. */
function newerVersion(): string {
  const lines = readFileSync(FIXTURE, "latin1").split("\n");
  const out = lines
    .filter((l) => !l.startsWith("Morocco,Israel,2022"))
    .map((l) => (l.startsWith("Turkiye,Viet Nam,1999") ? l.replace(",tank,", ",main battle tank,") : l));
  out.splice(13, 0, "Algeria,Germany,2020,,2,,MEKO-A200,frigate,2,,2023; 2024,New,Fictional deal for tests,300,600,600");
  const file = join(dir, "newer.csv");
  writeFileSync(file, out.join("\n"), "latin1");
  return file;
}

test("import sipri prints rows read, records stored and every rejected row with its line and reason", async () => {
  const data = join(dir, "cli");
  const r = await run("import", "sipri", FIXTURE, "--data", data);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /rows read 11; records stored 7/);
  assert.match(r.out, /7 added, 0 changed, 0 dropped, 0 unchanged/);
  assert.match(r.out, /rejected 4/);
  assert.match(r.out, /line 21: bad-year: /);
  assert.match(r.out, /line 22: long-row: /);
  const again = await run("import", "sipri", FIXTURE, "--json", "--data", data);
  const s = JSON.parse(again.out);
  assert.deepEqual([s.added, s.changed, s.dropped, s.unchanged, s.stored], [0, 0, 0, 7, 7]);
});

test("import refuses an unknown register, a missing file and a file that is no trade register", async () => {
  const data = join(dir, "cli");
  assert.equal((await run("import", "nato", FIXTURE, "--data", data)).code, 2);
  const missing = await run("import", "sipri", join(dir, "nope.csv"), "--data", data);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no such file/);
  const other = join(dir, "other.csv");
  writeFileSync(other, "a,b\n1,2\n");
  assert.match((await run("import", "sipri", other, "--data", data)).err, /not a SIPRI trade-register export/);
});

for (const backend of stores) {
  describe(`reference import on ${backend.name}`, { skip: backend.skip }, () => {
    test("a newer export updates in place: added, changed and dropped, never duplicated", async () => {
      const db = await backend.open();
      await db.kysely.deleteFrom("reference_records").execute();
      await db.kysely.deleteFrom("reference_imports").execute();
      try {
        const first = await parseTradeRegister(FIXTURE, catalog);
        await importReference(db, { file: FIXTURE, read: first });
        const file = newerVersion();
        const next = await parseTradeRegister(file, catalog);
        const s = await importReference(db, { file, read: next });
        assert.deepEqual([s.added, s.changed, s.dropped, s.unchanged], [1, 1, 1, 5]);
        const tur = await referenceRecordsFor(db, { supplier: null, recipient: "TUR" });
        assert.deepEqual(tur.map((r) => r.description), ["main battle tank"]);
        const mar = await referenceRecordsFor(db, { supplier: null, recipient: "MAR" });
        assert.equal(mar.length, 2, "the two identical Heron rows, and no Barak-MX");
        const total = await db.kysely.selectFrom("reference_records").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
        assert.equal(Number(total.n), next.records.length);
      } finally {
        await db.close();
      }
    });

    test("a failed import leaves the previous one in place", async () => {
      const db = await backend.open();
      await db.kysely.deleteFrom("reference_records").execute();
      await db.kysely.deleteFrom("reference_imports").execute();
      try {
        const first = await parseTradeRegister(FIXTURE, catalog);
        await importReference(db, { file: FIXTURE, read: { ...first, rejected: [] } });
        const next = await parseTradeRegister(newerVersion(), catalog);
        // Two records with one key make the insert fail half-way, after the deletes have run.
        const fresh = next.records.find((r) => !first.records.some((f) => f.hash === r.hash))!;
        const broken = [...next.records, { ...fresh }];
        await assert.rejects(importReference(db, { file: "broken", read: { ...next, records: broken, rejected: [] } }));
        const rows = await db.kysely.selectFrom("reference_records").select("hash").execute();
        assert.deepEqual(rows.map((r) => r.hash).sort(), first.records.map((r) => r.hash).sort());
        const runs = await db.kysely.selectFrom("reference_imports").select("file").execute();
        assert.deepEqual(runs.map((r) => r.file), [FIXTURE]);
      } finally {
        await db.close();
      }
    });
    after(() => backend.cleanup());
  });
}
