// `dossier list` and `dossier show` over an embedded register filled with the fictional fixture's gold claims.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main.ts";
import { openDb } from "../src/store/db.ts";
import { registerDocument } from "../src/store/register.ts";
import { caseDirs, FIXTURE_DIR, loadCase } from "./provenance/load.ts";
import { caseCatalog, goldInputs } from "./provenance/run.ts";

// The CLI would use a Postgres server named by DATABASE_URL; these tests are about the embedded default.
delete process.env.DATABASE_URL;
const data = mkdtempSync(join(tmpdir(), "dossier-register-"));
const fixture = loadCase(caseDirs(FIXTURE_DIR)[0]!);
const store = ["--data", data, "--catalog", fixture.overlay!];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

before(async () => {
  const db = await openDb({ url: null, dataDir: data });
  for (const i of goldInputs(fixture)) await registerDocument(db, i.document, i.claims, { catalog: caseCatalog(fixture) });
  await db.close();
});
after(() => rmSync(data, { recursive: true, force: true }));

test("list --json prints every assertion with the fields the issue names", async () => {
  const r = await run("list", "--json", ...store);
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse(r.out) as Record<string, unknown>[];
  assert.equal(list.length, 3);
  for (const k of ["id", "supplier", "recipient", "intermediary", "item", "quantity", "value", "time", "status", "stance", "independentOrigins", "origins", "documents", "conflicts", "grade"]) {
    assert.ok(k in list[0]!, `field ${k}`);
  }
  const kestrel = list.find((a) => (a.item as { name: string }).name === "Kestrel")!;
  assert.equal(kestrel.independentOrigins, 2);
  assert.deepEqual(kestrel.conflicts, ["quantity", "stance"]);
  assert.deepEqual(Object.keys(kestrel.grade as object).sort(), ["credibility", "explanation", "reliability"]);
  assert.equal((kestrel.documents as { id: string }[]).length, 4);
});

test("list filters and prints a table", async () => {
  const r = await run("list", "--category", "artillery", ...store);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /artillery/);
  assert.doesNotMatch(r.out, /Kestrel/);
  assert.match(r.out, /1 assertion\n$/);
  const none = await run("list", "--since", "2030", ...store);
  assert.match(none.out, /no assertions match/);
});

test("list refuses bad filters with a usage error", async () => {
  assert.equal((await run("list", "--since", "20", ...store)).code, 2);
  assert.equal((await run("list", "--category", "tanks", ...store)).code, 2);
  assert.equal((await run("list", "--supplier", "Morocco", ...store)).code, 2);
});

test("show prints the provenance tree, the grade and why claims merged", async () => {
  const list = JSON.parse((await run("list", "--json", "--item", "Kestrel", ...store)).out) as { id: string }[];
  const r = await run("show", list[0]!.id.slice(0, 8), ...store);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /independent origins: 2/);
  assert.match(r.out, /Provenance/);
  assert.match(r.out, /Ostmark Wire resolved through its page 01-ostmark-wire/);
  assert.match(r.out, /near-identical copy/);
  assert.match(r.out, /denial/);
  assert.match(r.out, /one system family \(Sea Kestrel is of the kestrel family\)/);
  assert.match(r.out, /Grade B2/);
  const json = JSON.parse((await run("show", list[0]!.id, "--json", ...store)).out);
  assert.equal(json.members.length, 5);
});

test("decide rates a source and the grade follows; a bad grade is a usage error", async () => {
  assert.equal((await run("decide", "reliability", "Northgate Monitor", "G", ...store)).code, 2);
  const r = await run("decide", "reliability", "source:northgate-monitor", "A", "--analyst", "tester", ...store);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /recorded; assertions: 0 created, 2 updated/);
  const list = JSON.parse((await run("list", "--json", "--item", "Kestrel", ...store)).out) as { grade: { reliability: string; explanation: string } }[];
  assert.equal(list[0]!.grade.reliability, "A");
  assert.match(list[0]!.grade.explanation, /rated so by an analyst/);
});

test("show names an unknown id", async () => {
  const r = await run("show", "abcdef", ...store);
  assert.equal(r.code, 1);
  assert.match(r.err, /no assertion abcdef/);
});

test("worker refuses the embedded register: it needs a Postgres server", async () => {
  const r = await run("worker", "--until-empty", ...store);
  assert.equal(r.code, 1);
  assert.match(r.err, /needs a Postgres server: set DATABASE_URL/);
});
