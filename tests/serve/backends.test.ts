// The web register answers the same on embedded PGlite and on a Postgres server (when DATABASE_URL reaches one):
// the same rows, order, facets, pages and exports for the same addresses.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { backends, type Backend } from "../store/backends.ts";
import { serveFixtures, type Served } from "./fill.ts";

const all = await backends();
const postgres = all.find((b) => b.name === "postgres")!;
let lite: Served;
let pg: Served;
before(async () => {
  if (postgres.skip) return;
  [lite, pg] = await Promise.all([serveFixtures(), serveFixtures({ open: () => postgres.open() })]);
});
after(async () => {
  await lite?.close();
  await pg?.close();
  await (postgres as Backend).cleanup();
});

const PATHS = ["/.json", "/.json?supplier=QOM&recipient=QVD", "/.json?sort=-origins&per_page=2&page=2", "/.json?sort=value", "/.json?sort=-time", "/.json?since=2015&until=2021", "/.json?item=Heron", "/.json?stage=delivered&stance=asserted", "/assertions.csv?sort=grade", "/assertions.jsonl?category=uav", "/search.json?q=drone", "/search.json?q=commander", "/countries/QOM.json", "/countries/ISR.json", "/systems/kestrel.json", "/systems/heron.json", "/sources/source%3Aostmark-wire.json", "/sources/government%3AQVD.json", "/sources/source%3Anorthgate-monitor.json"];

test("the same addresses give the same answers on both backends", { skip: postgres.skip }, async () => {
  for (const path of PATHS) {
    const [a, b] = await Promise.all([fetch(lite.url + path), fetch(pg.url + path)]);
    assert.equal(a.status, 200, path);
    assert.equal(b.status, 200, path);
    assert.deepEqual(await b.text(), await a.text(), path);
  }
  const first = ((await (await fetch(`${pg.url}/.json`)).json()) as { rows: { id: string }[] }).rows[0]!.id;
  const [a, b] = await Promise.all([fetch(`${lite.url}/assertions/${first}.json`), fetch(`${pg.url}/assertions/${first}.json`)]);
  assert.deepEqual(await b.json(), await a.json());
});

test("an article pasted into the ingest form is read and stored the same on both backends", { skip: postgres.skip }, async () => {
  const text = "Fictional test article. Ostmark delivered nine Kestrel drones to Valdoria in 2019, a defence official said.";
  const post = (base: string) => fetch(`${base}/ingest.json`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, store: true }) });
  const [a, b] = await Promise.all([post(lite.url), post(pg.url)]);
  assert.equal(a.status, 200);
  assert.deepEqual(await b.json(), await a.json());
  const [ra, rb] = await Promise.all([fetch(`${lite.url}/.json?since=2019&until=2019`), fetch(`${pg.url}/.json?since=2019&until=2019`)]);
  assert.deepEqual(await rb.text(), await ra.text());
});
