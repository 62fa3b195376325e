// Assertions exported in the trade-register layout read back through the SIPRI parser into the same fields.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Assertion } from "../src/assess/assess.ts";
import { defaultCatalog } from "../src/catalog/load.ts";
import { main } from "../src/cli/main.ts";
import { toTradeRegister } from "../src/reference/sipri/export.ts";
import { parseTradeRegister } from "../src/reference/sipri/parse.ts";
import { Readable } from "node:stream";

delete process.env.DATABASE_URL;
const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "dossier-sipri-export-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const base = { intermediary: null, value: null, stance: "asserted", independentOrigins: 2, grade: { reliability: "B", credibility: 2, explanation: "" }, status: "delivered" };
const list = [
  { ...base, id: "aaaa11112222", supplier: "FRA", recipient: "MAR", item: { name: "Heron", category: "uav" }, quantity: 3, time: { from: "2013", to: "2014" }, value: { amount: 50e6, currency: "USD" }, intermediary: "ISR" },
  { ...base, id: "bbbb11112222", supplier: "SUN", recipient: "nsa:Hezbollah", item: { name: "Fictional, Mk 2", category: "armoured-vehicle" }, quantity: null, time: { from: "1985", to: "1985" }, status: "ordered" },
] as unknown as Assertion[];

test("exported assertions read back with their parties, years, numbers, category, value and intermediary", async () => {
  const text = toTradeRegister(catalog, list).join("\n") + "\n";
  const r = await parseTradeRegister(Readable.from([text]), catalog);
  assert.deepEqual(r.rejected, []);
  assert.equal(r.preamble.headerLine, 12);
  const [heron, other] = r.records;
  assert.deepEqual([heron!.supplier.id, heron!.recipient.id, heron!.designation, heron!.category, heron!.orderYear, heron!.orderYearEstimated, heron!.ordered, heron!.delivered, heron!.deliveryYears], ["FRA", "MAR", "Heron", "uav", 2013, true, 3, 3, [2014]]);
  assert.equal(heron!.value?.amount, 50e6);
  assert.deepEqual(heron!.intermediaries.map((i) => i.party.id), ["ISR"]);
  assert.match(heron!.comments.join("; "), /Dossier assertion aaaa11112222; 2 independent origins; grade B2/);
  assert.deepEqual([other!.supplier.id, other!.recipient.id, other!.designation, other!.category, other!.delivered, other!.deliveryYears], ["SUN", "nsa:Hezbollah", "Fictional; Mk 2", "armoured-vehicle", 0, []]);
});

test("export needs --format sipri and writes Latin-1 to --output", async () => {
  let err = "";
  const io = { out: () => {}, err: (s: string) => (err += s) };
  assert.equal(await main(["export", "--data", join(dir, "d")], io), 2);
  assert.match(err, /--format must be sipri/);
  const file = join(dir, "out.csv");
  assert.equal(await main(["export", "--format", "sipri", "--output", file, "--data", join(dir, "d")], io), 0, err);
  assert.match(readFileSync(file, "latin1").split("\n")[11]!, /^Recipient,Supplier,Year of order, ,/);
});
