import { test } from "node:test";
import { scratchDir } from "./scratch.ts";
import assert from "node:assert/strict";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/cli/main.ts";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
const dir = scratchDir("cli");
const file = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

test("extract --json prints a claims file whose spans slice to the evidence", async () => {
  const text = "Israel sold three Heron drones to Morocco in 2013 for $50 million, according to Haaretz.";
  const r = await run("extract", file("a.txt", text), "--json", "--lang", "en");
  assert.equal(r.code, 0, r.err);
  const claims = JSON.parse(r.out);
  assert.equal(claims.document.id, "a");
  assert.equal(claims.transfers[0].supplier, "ISR");
  const { start, end } = claims.transfers[0].span;
  assert.equal(text.slice(start, end), claims.transfers[0].evidence);
  assert.deepEqual(claims.transfers[0].sources, ["Haaretz"]);
});

test("HTML input is read as its text", async () => {
  const html = "<html><head><title>x</title><script>var sold = 'Israel sold drones to Morocco';</script></head><body><p>Turkey sold Bayraktar TB2 drones to Poland.</p></body></html>";
  const r = await run("extract", file("p.html", html), "--json");
  const claims = JSON.parse(r.out);
  assert.deepEqual(claims.transfers.map((t: { supplier: string; recipient: string }) => `${t.supplier}>${t.recipient}`), ["TUR>POL"]);
});

test("the readable table names every transfer with its chain", async () => {
  const r = await run("extract", file("t.txt", "Selon Haaretz, Israël a vendu trois drones Heron au Maroc en 2013."), "--lang", "fr");
  assert.match(r.out, /ISR → MAR: 3 Heron \(uav\)/);
  assert.match(r.out, /sources: Haaretz/);
});

test("an empty file gives no transfers", async () => {
  const r = await run("extract", file("empty.txt", ""), "--json");
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out).transfers, []);
});

test("a binary file is refused with its name, and the others still run", async () => {
  const bin = file("img.bin", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  const ok = file("ok.txt", "Russia delivered the S-400 system to Turkey in 2019.");
  const r = await run("extract", bin, ok, "--json", "--lang", "en");
  assert.equal(r.code, 3);
  assert.match(r.err, /img\.bin: looks like a binary file/);
  assert.match(r.out, /"RUS"/);
});

test("invalid UTF-8 is read as windows-1252 with a warning", async () => {
  const latin1 = Buffer.from("Isra\xebl a vendu des drones au Maroc.", "latin1");
  const r = await run("extract", file("latin1.txt", latin1), "--json", "--lang", "fr");
  assert.equal(r.code, 0);
  assert.match(r.err, /not valid UTF-8; read as windows-1252/);
  assert.equal(JSON.parse(r.out).transfers[0]?.supplier, "ISR");
});

test("an unsupported language is a clear failure naming the supported ones", async () => {
  const r = await run("extract", file("de.txt", "Deutschland liefert Leopard-Panzer an die Ukraine, sagte die Regierung."), "--lang", "de");
  assert.equal(r.code, 3);
  assert.match(r.err, /not supported for extraction \(supported: en, fr\)/);
});

test("usage errors exit 2 with a hint", async () => {
  assert.equal((await run("extract")).code, 2);
  assert.equal((await run("extract", "x.txt", "--published", "March")).code, 2);
  assert.equal((await run("frobnicate")).code, 2);
  const help = await run("extract", "--help");
  assert.equal(help.code, 0);
  assert.match(help.out, /--published DATE/);
});

test("--out writes one claims file per input", async () => {
  const out = join(dir, "out");
  const r = await run("extract", file("b.txt", "Egypt ordered 24 Rafale jets from France in 2015."), "--out", out, "--lang", "en");
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(readFileSync(join(out, "b.json"), "utf8")).transfers[0].supplier, "FRA");
});

test("catalog stats and find", async () => {
  const stats = JSON.parse((await run("catalog", "stats", "--json")).out);
  for (const k of ["states", "systems", "spyware", "makers", "sources", "people", "aliases"]) assert.ok(stats[k] > 0, k);
  const found = await run("catalog", "find", "Harfang");
  assert.equal(found.code, 0);
  assert.match(found.out, /harfang/);
  assert.match(found.out, /family heron/);
  const person = await run("catalog", "find", "Florence Parly", "--lang", "fr");
  assert.equal(person.code, 0);
  assert.match(person.out, /person florence-parly/);
  assert.match(person.out, /France, a government source; defence minister 2017–2022/);
});
