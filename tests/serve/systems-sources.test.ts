// The system and source pages over the repository's fictional Kestrel case: who supplied a system to whom over
// time, and what each source originated, relayed or denied, as the provenance graph reads it; links to both.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { serveFixtures, type Served } from "./fill.ts";

let s: Served;
before(async () => {
  s = await serveFixtures({ shared: false });
});
after(() => s.close());

const json = async (path: string) => {
  const r = await fetch(s.url + path);
  return { status: r.status, body: (await r.json()) as any };
};
const dom = async (path: string) => {
  const r = await fetch(s.url + path);
  assert.equal(r.status, 200, path);
  return new JSDOM(await r.text()).window.document;
};
const source = (id: string) => `/sources/${encodeURIComponent(id)}`;

describe("system page", () => {
  test("lists the family's assertions oldest first, with the catalog entry and its variants", async () => {
    const { status, body } = await json("/systems/kestrel.json");
    assert.equal(status, 200);
    assert.equal(body.system.name, "Kestrel");
    assert.equal(body.system.origin, "QOM");
    assert.deepEqual(body.system.variants, [{ id: "sea-kestrel", name: "Sea Kestrel" }]);
    const register = (await json("/.json?item=Kestrel&per_page=500")).body;
    assert.deepEqual(body.rows.map((r: { id: string }) => r.id).sort(), register.rows.map((r: { id: string }) => r.id).sort(), "the register's Kestrel family, no more, no less");
    const times = body.rows.map((r: { time: { from: string } | null }) => r.time?.from ?? "9999");
    assert.deepEqual(times, [...times].sort(), "oldest first");
  });

  test("a variant's page shows its family's and says so; unknown ids are 404s", async () => {
    const variant = await dom("/systems/sea-kestrel");
    assert.match(variant.querySelector(".note")!.textContent!, /counts Sea Kestrel with its family, Kestrel/);
    assert.equal(variant.querySelector('.note a')!.getAttribute("href"), "/systems/kestrel");
    assert.equal((await json("/systems/no-such-system.json")).body.code, "not-found");
    assert.equal((await fetch(`${s.url}/systems/no-such-system`)).status, 404);
  });

  test("draws a timeline with one linked bar per dated assertion, a title and a description", async () => {
    const doc = await dom("/systems/kestrel");
    const svg = doc.querySelector("svg.timeline")!;
    assert.ok(svg, "a timeline");
    assert.equal(svg.getAttribute("role"), "img");
    assert.match(svg.querySelector("title")!.textContent!, /^Kestrel: who supplied it to whom, \d{4}–\d{4}$/);
    const rows = (await json("/systems/kestrel.json")).body.rows as { id: string; time: unknown }[];
    const bars = [...svg.querySelectorAll("a.bar")].map((a) => a.getAttribute("href"));
    assert.deepEqual(bars.sort(), rows.filter((r) => r.time).map((r) => `/assertions/${r.id}`).sort());
    assert.match(svg.querySelector("desc")!.textContent!, /Ostmark \(QOM\) → Valdoria \(QVD\)/);
    assert.equal(doc.querySelectorAll("table.system-rows tbody tr").length, rows.length);
  });
});

describe("source page", () => {
  test("the ministry originated the claim; the agency only relayed it, in its own wire and as cited by the daily", async () => {
    const ministry = (await json(source("government:QOM") + ".json")).body;
    assert.deepEqual([ministry.summary.originated, ministry.summary.relayed], [1, 0]);
    const wire = (await json(source("source:ostmark-wire") + ".json")).body;
    assert.equal(wire.summary.originated, 0, "resolved through its own page, the agency is a relay");
    assert.deepEqual(wire.claims.map((c: { document: string; via: string; role: string }) => [c.document, c.via, c.role]).sort(), [
      ["01-ostmark-wire", "published", "relayed"],
      ["02-valdoria-herald", "cited", "relayed"],
    ]);
  });

  test("a denial is the denier's, not corroboration; an outlet in its own voice is an origin even if no one cites it", async () => {
    const denier = (await json(source("government:QVD") + ".json")).body;
    assert.deepEqual([denier.summary.denied, denier.summary.originated, denier.summary.corroborated], [1, 0, 0]);
    const ngo = (await json(source("source:northgate-monitor") + ".json")).body;
    assert.ok(ngo.summary.originated >= 1 && ngo.summary.relayed === 0);
    assert.ok(ngo.claims.every((c: { via: string; document: string }) => c.via === "published" && c.document === "03-northgate-monitor"));
    const kestrel = ngo.assertions.find((a: { item: { name: string | null } }) => a.item.name === "Kestrel");
    assert.equal(kestrel.corroborated, kestrel.independentOrigins >= 2, "corroborated: another independent origin reports what it originated");
    assert.equal((await json(source("name:nobody") + ".json")).status, 404);
  });

  test("the page lists originated and relayed claims apart, each linked to its sentence and assertion", async () => {
    const doc = await dom(source("source:ostmark-wire"));
    assert.equal(doc.querySelector("h1")!.textContent, "Ostmark Wire");
    assert.equal(doc.querySelectorAll(".originated li").length, 0);
    const relayed = [...doc.querySelectorAll(".relayed li a.evidence")].map((a) => a.getAttribute("href"));
    assert.equal(relayed.length, 2);
    assert.ok(relayed.every((h) => /^\/documents\/[^#]+#claim-\d+$/.test(h!)));
    assert.ok(doc.querySelector('.source-assertions a[href^="/assertions/"]'));
  });
});

describe("links to them", () => {
  test("the assertion page links its system and the sources of each chain; the register links systems", async () => {
    const row = (await json("/.json?item=Kestrel&since=2024")).body.rows[0] as { id: string };
    const page = await dom(`/assertions/${row.id}`);
    const system = [...page.querySelectorAll("dt")].find((d) => d.textContent === "System")!.nextElementSibling!.querySelector("a")!;
    assert.equal(system.getAttribute("href"), "/systems/kestrel");
    const links = [...page.querySelectorAll(".who a.source")].map((a) => a.getAttribute("href"));
    for (const id of ["government:QOM", "source:ostmark-wire", "source:northgate-monitor"]) assert.ok(links.includes(source(id)), `${id} linked from a chain`);
    for (const href of new Set(links)) assert.equal((await fetch(s.url + href!)).status, 200, `${href} answers`);
    const register = await dom("/?item=Kestrel");
    const cell = register.querySelector('td[data-label="System"]')!;
    assert.match(cell.querySelector("a")!.getAttribute("href")!, /^\/assertions\//, "the name still opens the assertion");
    assert.equal(cell.querySelector("a.to-system")!.getAttribute("href"), "/systems/kestrel");
  });
});
