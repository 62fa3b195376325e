// The web register's routes over a real register (embedded PGlite in memory) reached with fetch on a free port.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import type { Catalog } from "../../src/catalog/types.ts";
import { startServer } from "../../src/serve/app.ts";
import type { Db } from "../../src/store/db.ts";
import { serveFixtures, type Served } from "./fill.ts";

let s: Served;
before(async () => {
  s = await serveFixtures();
  if (!s.sharedCases) console.log("# ../shared/corpus/provenance not found: route tests use the repository's fixture only");
});
after(() => s.close());

const get = (path: string) => fetch(s.url + path);
const json = async (path: string) => {
  const r = await get(path);
  assert.match(r.headers.get("content-type") ?? "", /application\/json/, path);
  return { status: r.status, body: (await r.json()) as any };
};
const text = async (path: string) => {
  const r = await get(path);
  return { status: r.status, type: r.headers.get("content-type") ?? "", body: await r.text(), headers: r.headers };
};

interface Row {
  id: string;
  supplier: string;
  recipient: string;
  item: { name: string | null; category: string };
  independentOrigins: number;
  status: string;
}

describe("register", () => {
  test("the page and its JSON twin show the same rows", async () => {
    const page = await text("/");
    assert.equal(page.status, 200);
    assert.match(page.type, /text\/html/);
    const twin = await json("/.json");
    assert.equal(twin.body.ok, true);
    assert.ok(twin.body.total >= 4, "the fixture alone makes three assertions, the hostile article one more");
    for (const r of twin.body.rows as Row[]) assert.ok(page.body.includes(`href="/assertions/${r.id}"`), `row ${r.id} linked on the page`);
    assert.equal((page.body.match(/<tr>/g) ?? []).length - 1, twin.body.rows.length, "one table row per assertion, plus the head");
  });

  test("filters combine and live in the URL", async () => {
    const all = (await json("/.json?per_page=500")).body.rows as Row[];
    const pair = (await json("/.json?supplier=QOM&recipient=qvd&per_page=500")).body;
    assert.equal(pair.total, all.filter((r) => r.supplier === "QOM" && r.recipient === "QVD").length);
    assert.ok(pair.rows.every((r: Row) => r.supplier === "QOM" && r.recipient === "QVD"));
    const uav = (await json("/.json?supplier=QOM&recipient=QVD&category=uav")).body;
    assert.ok(uav.total >= 1 && uav.total < pair.total, "the category narrows the pair");
    assert.ok(uav.rows.every((r: Row) => r.item.category === "uav"));
    const item = (await json("/.json?item=Sea%20Kestrel&category=uav")).body;
    assert.deepEqual(item.rows.map((r: Row) => r.item.name), ["Kestrel"], "a system name finds its family");
    const y2015 = (await json("/.json?supplier=QOM&since=2015&until=2015")).body;
    assert.deepEqual(y2015.rows.map((r: Row) => r.item.category), ["artillery"]);
    const none = (await json("/.json?supplier=QOM&since=2030")).body;
    assert.equal(none.total, 0);
    const html = await text("/?supplier=QOM&recipient=QVD");
    assert.match(html.body, /<option value="QOM" selected>/, "the form shows the filter in force");
  });

  test("facets count the filtered rows, and a facet's link filters by it", async () => {
    const body = (await json("/.json?supplier=QOM")).body;
    for (const f of ["supplier", "recipient", "category", "stage", "stance", "grade"]) {
      const sum = (body.facets[f] as { count: number }[]).reduce((n, v) => n + v.count, 0);
      assert.equal(sum, body.total, `facet ${f} sums to the total`);
    }
    const delivered = body.facets.stage.find((v: { value: string }) => v.value === "delivered");
    const narrowed = (await json("/.json?supplier=QOM&stage=delivered")).body;
    assert.equal(narrowed.total, delivered.count);
    assert.ok(narrowed.rows.every((r: Row) => r.status === "delivered"));
    const page = await text("/?supplier=QOM");
    assert.match(page.body, /href="\/\?supplier=QOM&amp;stage=delivered"/);
    const grade = body.facets.grade[0].value;
    assert.ok((await json(`/.json?grade=${grade}`)).body.rows.every((r: { grade: { reliability: string; credibility: number } }) => `${r.grade.reliability}${r.grade.credibility}` === grade));
  });

  test("sorting and pagination cover every row once", async () => {
    const sorted = (await json("/.json?sort=-origins&per_page=500")).body.rows as Row[];
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1]!.independentOrigins >= sorted[i]!.independentOrigins, "origins descending");
    const total = sorted.length;
    const ids: string[] = [];
    const pages = Math.ceil(total / 2);
    for (let p = 1; p <= pages; p++) {
      const b = (await json(`/.json?sort=-origins&per_page=2&page=${p}`)).body;
      assert.equal(b.pages, pages);
      assert.equal(b.links.next === null, p === pages);
      ids.push(...b.rows.map((r: Row) => r.id));
    }
    assert.deepEqual(ids, sorted.map((r) => r.id));
  });

  test("CSV and JSON Lines hold exactly the filtered rows, all of them, in the page's order", async () => {
    const q = "supplier=QOM&sort=-origins";
    const rows = (await json(`/.json?${q}&per_page=500`)).body.rows as Row[];
    const page = (await json(`/.json?${q}&per_page=1`)).body;
    assert.equal(page.links.csv, `/assertions.csv?supplier=QOM&sort=-origins`, "exports drop the paging");
    const csv = await text(page.links.csv);
    assert.equal(csv.status, 200);
    assert.match(csv.type, /text\/csv/);
    assert.match(csv.headers.get("content-disposition") ?? "", /attachment; filename="assertions.csv"/);
    const lines = csv.body.trimEnd().split("\r\n");
    assert.match(lines[0]!, /^id,supplier,recipient,/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(",")[0]), rows.map((r) => r.id));
    const jsonl = await text(page.links.jsonl);
    const objs = jsonl.body.trimEnd().split("\n").map((l) => JSON.parse(l) as Row);
    assert.deepEqual(objs.map((o) => o.id), rows.map((r) => r.id));
    const bad = await json("/assertions.csv?since=soon");
    assert.equal(bad.status, 400);
  });

  test("bad parameters are a 400 naming the parameter", async () => {
    for (const [q, word] of [["supplier=Morocco", "supplier"], ["category=tanks", "category"], ["since=20", "since"], ["sort=colour", "sort"], ["page=0", "page"], ["per_page=100000", "per_page"], ["since=2020&until=2010", "since"]] as const) {
      const r = await json(`/.json?${q}`);
      assert.equal(r.status, 400, q);
      assert.match(r.body.error, new RegExp(word), q);
      const h = await text(`/?${q}`);
      assert.equal(h.status, 400);
      assert.match(h.type, /text\/html/);
    }
  });
});

describe("assertion", () => {
  const kestrel = async () => ((await json("/.json?item=Kestrel&category=uav")).body.rows as Row[]).find((r) => r.item.name === "Kestrel")!;

  test("every field, conflicts side by side, the grade explained, and the provenance graph", async () => {
    const k = await kestrel();
    const page = await text(`/assertions/${k.id}`);
    assert.equal(page.status, 200);
    const twin = (await json(`/assertions/${k.id}.json`)).body;
    assert.equal(twin.assertion.id, k.id);
    assert.ok(page.body.includes(twin.assertion.grade.explanation.replace(/'/g, "&#39;")), "the grade's explanation is on the page");
    assert.match(page.body, /<section class="conflict" data-kind="quantity">[\s\S]*?<p class="value">4<\/p>[\s\S]*?<p class="value">5<\/p>/);
    const svg = /<svg class="provenance"[\s\S]*?<\/svg>/.exec(page.body)?.[0];
    assert.ok(svg, "an inline SVG graph");
    assert.match(svg, /data-origins="2"/);
    assert.match(svg, /role="img" aria-labelledby="graph-title graph-desc"/);
    assert.match(svg, /<desc id="graph-desc">2 independent origins: Northgate Monitor; Ostmarker government\. Denied by Valdorian government\./);
    assert.equal((svg.match(/data-kind="origin"/g) ?? []).length, 2, "two origin nodes");
    assert.equal((svg.match(/data-kind="denial"/g) ?? []).length, 1, "the denial is drawn apart");
    assert.match(svg, /data-kind="relay"[\s\S]*?Ostmark Wire/, "the agency relays the ministry to the daily");
    assert.match(svg, /copy of Northgate Monitor/, "the aggregator's copy relays the monitor");
    assert.equal((svg.match(/data-kind="document"/g) ?? []).length, 4);
  });

  test("each member's evidence links to its highlighted sentence in the document", async () => {
    const k = await kestrel();
    const twin = (await json(`/assertions/${k.id}.json`)).body;
    assert.equal(twin.evidence.length, twin.assertion.members.length);
    const page = await text(`/assertions/${k.id}`);
    for (const e of twin.evidence as { claim: string; href: string; anchor: string; document: string }[]) {
      const m = twin.assertion.members.find((x: { claim: string }) => x.claim === e.claim);
      assert.ok(page.body.includes(`<a class="evidence" href="${e.href}">`), e.href);
      const doc = await text(e.href.split("#")[0]!);
      const mark = new RegExp(`<mark id="${e.anchor}"[^>]*>([^<]*)</mark>`).exec(doc.body);
      assert.ok(mark, `${e.href} has its mark`);
      assert.equal(mark[1], m.evidence.replace(/'/g, "&#39;"));
    }
  });

  test("a unique prefix finds the assertion; an unknown id is a 404 page, never a stack trace", async () => {
    const k = await kestrel();
    assert.equal((await json(`/assertions/${k.id.slice(0, 6)}.json`)).body.assertion.id, k.id);
    for (const path of ["/assertions/ffffffffffff", "/assertions/not-hex", "/documents/no-such-document", "/nowhere"]) {
      const h = await text(path);
      assert.equal(h.status, 404, path);
      assert.match(h.type, /text\/html/);
      assert.match(h.body, /<h1>Not found/);
      assert.doesNotMatch(h.body, /\.ts:\d+|at [\w.]+ \(/, "no stack trace");
      const j = await json(`${path}.json`);
      assert.equal(j.status, 404);
    }
  });

  test("circular reporting is marked in the graph", async (t) => {
    if (!s.sharedCases) return t.skip("the circular case is in ../shared/corpus/provenance, absent here");
    const rows = (await json("/.json?per_page=500")).body.rows as (Row & { circular: boolean })[];
    const circular = rows.find((r) => r.circular);
    assert.ok(circular, "the shared corpus has a circular case");
    const page = await text(`/assertions/${circular.id}`);
    assert.match(page.body, /class="edge circular/);
    assert.match(page.body, /circular reporting: /);
  });
});

describe("document", () => {
  test("metadata, each claim marked with what it was read as, near-duplicates both ways", async () => {
    const d = await text("/documents/04-drone-digest");
    assert.equal(d.status, 200);
    assert.match(d.body, /copy of <a href="\/documents\/03-northgate-monitor">/);
    const o = await text("/documents/03-northgate-monitor");
    assert.match(o.body, /copied by <a href="\/documents\/04-drone-digest">/);
    assert.match(o.body, /<mark id="claim-0" tabindex="0" title="Claim 0: Ostmark \(QOM\) → Valdoria \(QVD\); Kestrel \(uav\); quantity 5;/);
    assert.match(o.body, /<mark id="claim-1"[^>]*>Ostmark also sold artillery guns to Valdoria in 2015<\/mark>/);
    const twin = (await json("/documents/03-northgate-monitor.json")).body;
    assert.equal(twin.document.outlet, "Northgate Monitor");
    assert.equal(twin.claims.length, 3);
    assert.ok(twin.claims.every((c: { located: string }) => c.located === "found"), "gold claims carry no offsets: found by their wording");
    assert.equal(twin.copies[0].relation, "copied-by");
  });
});

describe("country", () => {
  test("a state's assertions by year and by partner agree with the register's filters", async () => {
    const c = (await json("/countries/qom.json")).body;
    assert.equal(c.code, "QOM");
    assert.equal(c.name, "Ostmark");
    assert.equal(c.total.exports, (await json("/.json?supplier=QOM")).body.total);
    assert.equal(c.total.imports, (await json("/.json?recipient=QOM")).body.total);
    const sum = (c.byYear as { exports: number }[]).reduce((n, y) => n + y.exports, 0);
    assert.equal(sum, c.total.exports);
    const y2015 = (c.byYear as { year: string; exports: number }[]).find((y) => y.year === "2015")!;
    assert.equal(y2015.exports, (await json("/.json?supplier=QOM&until=2015&since=2015")).body.total);
    assert.equal(c.recipients[0].state, "QVD");
    assert.equal(c.recipients[0].count, (await json("/.json?supplier=QOM&recipient=QVD")).body.total);
    const page = await text("/countries/QOM");
    assert.match(page.body, /<svg class="chart"[^>]*role="img" aria-labelledby="chart-title chart-desc"/);
    assert.match(page.body, /<desc id="chart-desc">[^<]*2015: 1 exported, 0 imported/);
    assert.match(page.body, /href="\/\?supplier=QOM&amp;recipient=QVD"/);
    const register = await text("/?supplier=QOM");
    assert.match(register.body, /<a class="state" href="\/countries\/QOM">Ostmark \(QOM\)<\/a>/);
    assert.equal((await text("/countries/QZZ")).status, 404);
    assert.equal((await json("/countries/12.json")).status, 404);
  });

  test("the flows picture joins the state to each partner with a band as wide as their assertions, linked to the pair", async () => {
    const c = (await json("/countries/QVD.json")).body as { suppliers: { state: string; count: number }[]; recipients: { state: string; count: number }[] };
    const doc = new JSDOM((await text("/countries/QVD")).body).window.document;
    const svg = doc.querySelector("svg.flows")!;
    assert.equal(svg.getAttribute("role"), "img");
    assert.match(svg.querySelector("desc")!.textContent!, /Ostmark \(QOM\) supplies Valdoria \(\d+\)/);
    const bands = [...svg.querySelectorAll(".partner")];
    assert.equal(bands.length, c.suppliers.length + c.recipients.length, "one band per partner each way");
    // Found by attribute value in code: jsdom's selector engine does not match [href="…"] on SVG links.
    const fromQom = bands.find((b) => b.getAttribute("href") === "/?supplier=QOM&recipient=QVD")!;
    assert.ok(fromQom, "the supplier's band links to the pair in the register");
    assert.match(fromQom.querySelector("title")!.textContent!, new RegExp(`: ${c.suppliers.find((p) => p.state === "QOM")!.count} assertion`));
    const widths = bands.map((b) => Number(b.querySelector("path")!.getAttribute("stroke-width")));
    const counts = [...c.suppliers, ...c.recipients].map((p) => p.count);
    assert.equal(widths[counts.indexOf(Math.max(...counts))], Math.max(...widths), "the most assertions, the widest band");
  });
});

describe("search", () => {
  test("each document is stemmed in its own language, and the matching sentence is shown", async () => {
    const fr = (await json("/search.json?q=commander")).body;
    assert.ok(fr.hits.some((h: { id: string }) => h.id === "valdorie-fictional-fr"), "commander finds commandés in the French article");
    const en = (await json("/search.json?q=deliver%20drone")).body;
    const wire = en.hits.find((h: { id: string }) => h.id === "01-ostmark-wire");
    assert.ok(wire, "deliver drone finds the agency's 'delivered four Kestrel surveillance drones'");
    assert.ok(wire.claims.some((c: { evidence: string; assertion: string | null }) => c.evidence.includes("\u0002delivered\u0003") && c.assertion), "the claim's sentence with the match marked, and its assertion");
    const page = await text("/search?q=deliver%20drone");
    assert.match(page.body, /<a href="\/documents\/01-ostmark-wire#claim-0">it had <mark>delivered<\/mark> four Kestrel surveillance <mark>drones<\/mark>/);
    assert.deepEqual({ total: en.total, capped: en.capped }, { total: en.hits.length, capped: false }, "every match counted");
    assert.match(page.body, new RegExp(`<span id="count">${en.total}</span> documents? match`));
    assert.equal((await json("/search.json?q=zzzqqq")).body.hits.length, 0);
    assert.equal((await json("/search.json?q=" + "a".repeat(201))).status, 400);
    assert.equal((await json("/search.json")).body.hits.length, 0, "no query, no hits");
  });
});

describe("the one error envelope", () => {
  test("is {ok: false, status, code, error} for every API error", async () => {
    const cases: [string, RequestInit | undefined, number, string][] = [
      ["/assertions/ffffffffffff.json", undefined, 404, "not-found"],
      ["/.json?since=x", undefined, 400, "bad-request"],
      ["/assertions.jsonl?grade=Z9", undefined, 400, "bad-request"],
      ["/.json", { method: "POST" }, 405, "method-not-allowed"],
      ["/api/nothing", undefined, 404, "not-found"],
    ];
    for (const [path, init, status, code] of cases) {
      const r = await fetch(s.url + path, init);
      assert.equal(r.status, status, path);
      const body = (await r.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ["code", "error", "ok", "status"], path);
      assert.equal(body.ok, false);
      assert.equal(body.status, status);
      assert.equal(body.code, code);
      assert.equal(typeof body.error, "string");
    }
  });

  test("an unexpected failure is a 500 envelope that tells nothing of the server's insides", async () => {
    const broken = { backend: "pglite", location: "memory", close: async () => {}, kysely: new Proxy({}, { get: () => { throw new Error("secret detail at /srv/app.ts:12"); } }) } as unknown as Db;
    const logged: string[] = [];
    const b = await startServer({ db: broken, catalog: s.catalog as Catalog, log: (m) => logged.push(m) }, { port: 0 });
    try {
      const r = await fetch(`${b.url}/.json`);
      assert.equal(r.status, 500);
      const body = await r.text();
      assert.deepEqual(JSON.parse(body), { ok: false, status: 500, code: "internal", error: "internal error: the server log has the details" });
      const h = await (await fetch(`${b.url}/`)).text();
      assert.doesNotMatch(h + body, /secret detail|app\.ts/);
      assert.match(logged.join("\n"), /secret detail/, "the details go to the log");
    } finally {
      b.server.closeAllConnections();
      await new Promise((ok) => b.server.close(ok));
    }
  });
});

describe("headers and assets", () => {
  test("every answer carries the strict CSP; pages hold no script and no inline style", async () => {
    const k = (await json("/.json")).body.rows[0] as Row;
    for (const path of ["/", "/.json", `/assertions/${k.id}`, "/documents/03-northgate-monitor", "/assertions.csv", "/nowhere", "/static/dossier.css", "/api/openapi.json"]) {
      const r = await text(path);
      const csp = r.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'none'/, path);
      assert.match(csp, /script-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff");
      if (r.type.startsWith("text/html")) {
        assert.doesNotMatch(r.body, /<script|<style|\sstyle="/i, path);
        assert.match(r.body, /<meta name="viewport"/);
      }
    }
    const css = await text("/static/dossier.css");
    assert.match(css.type, /text\/css/);
    assert.match(css.body, /@media \(max-width: 760px\)/, "a phone layout");
  });
});
