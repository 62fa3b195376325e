// A fictional article whose text, headline, outlet, author, address, system name and sources are hostile markup:
// every page that shows it must keep it as text. Parsed with jsdom, so the check is on the DOM a browser builds.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { HOSTILE, HOSTILE_ID, serveFixtures, type Served } from "./fill.ts";

let s: Served;
before(async () => {
  s = await serveFixtures({ shared: false });
});
after(() => s.close());

function inert(html: string, where: string): Document {
  const doc = new JSDOM(html).window.document;
  assert.equal(doc.querySelectorAll("script, iframe, object, embed, style, img, base, meta[http-equiv]").length, 0, `${where}: no active element`);
  for (const el of doc.querySelectorAll("*")) {
    for (const a of el.getAttributeNames()) {
      assert.ok(!/^on/i.test(a), `${where}: <${el.tagName}> has an event handler ${a}`);
      assert.notEqual(a.toLowerCase(), "style", `${where}: <${el.tagName}> has a style attribute`);
    }
    for (const a of ["href", "src", "action", "xlink:href", "formaction"]) {
      const v = el.getAttribute(a);
      if (v !== null) assert.ok(/^(\/|#|https?:)/i.test(v.trim()), `${where}: ${a}="${v}" is not a local or http(s) link`);
    }
  }
  return doc;
}

test("the document page shows every payload as text", async () => {
  const r = await fetch(`${s.url}/documents/${HOSTILE_ID}`);
  assert.equal(r.status, 200);
  const doc = inert(await r.text(), "document");
  const text = doc.querySelector("article.text")!.textContent!;
  for (const p of HOSTILE) assert.ok(text.includes(p), `payload shown verbatim as text: ${p}`);
  assert.ok(doc.querySelector("h1")!.textContent!.includes(HOSTILE[0]!), "the headline is text");
  assert.ok(doc.title.includes("</style>"), "the <title> holds the payload as text");
  const address = [...doc.querySelectorAll("dt")].find((d) => d.textContent === "Address")!.nextElementSibling!;
  assert.equal(address.querySelector("a"), null, "a javascript: address is not a link");
  assert.equal(address.textContent, "javascript:window.__pwned=7");
  const mark = doc.querySelector("mark#claim-0")!;
  assert.equal(mark.textContent, "Ostmark sold two Kestrel drones to Valdoria in 2023");
  assert.match(mark.getAttribute("title")!, /read by rule-<a href="javascript:/, "the rule name is in the title as text");
});

test("the register, the assertion page, its graph and the exports keep the payloads inert", async () => {
  const list = (await (await fetch(`${s.url}/.json?category=spyware`)).json()) as { rows: { id: string }[] };
  assert.equal(list.rows.length, 1);
  const id = list.rows[0]!.id;
  const register = inert(await (await fetch(`${s.url}/?category=spyware`)).text(), "register");
  assert.ok(register.querySelector("table.register")!.textContent!.includes(HOSTILE[0]!));
  const page = inert(await (await fetch(`${s.url}/assertions/${id}`)).text(), "assertion");
  const svg = page.querySelector("svg.provenance")!;
  assert.ok(svg.textContent!.includes("Hostile") && svg.textContent!.includes("Relay"), "the sources' names are drawn");
  assert.ok(page.querySelector("svg title")!.textContent, "the graph has a title");
  const relay = [...svg.querySelectorAll("title")].map((t) => t.textContent).find((t) => t!.startsWith("Relay") && t!.endsWith(" — relay"));
  assert.equal(relay, `Relay ${HOSTILE[4]} — relay`);
  const csv = await (await fetch(`${s.url}/assertions.csv?category=spyware`)).text();
  assert.match(csv, /"?Kestrel <script>window\.__pwned = 1<\/script>"?/, "the CSV keeps the name as data");
  const twin = (await (await fetch(`${s.url}/documents/${HOSTILE_ID}.json`)).json()) as { document: { text: string } };
  assert.ok(HOSTILE.every((p) => twin.document.text.includes(p)), "the JSON twin has the text unchanged");
});

test("search results keep the payloads inert", async () => {
  const page = inert(await (await fetch(`${s.url}/search?q=payload`)).text(), "search");
  const shown = page.querySelector(".hits .fragment")!.textContent!;
  assert.ok(shown.includes(`Payload 0: ${HOSTILE[0]}`), `the matching passage, markup and all, is shown verbatim as text: ${shown}`);
  const echoed = inert(await (await fetch(`${s.url}/search?q=${encodeURIComponent(HOSTILE[5]!)}`)).text(), "search echo");
  assert.equal(echoed.querySelector('input[name="q"][value]')!.getAttribute("value"), HOSTILE[5], "the query is echoed as a value");
});

test("a CSV cell that starts like a formula stays text", async () => {
  const { csvCell } = await import("../../src/serve/exports.ts");
  assert.equal(csvCell("=HYPERLINK(\"http://x\")"), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell(-3), "-3");
  assert.equal(csvCell("a, b"), `"a, b"`);
});

test("the ingest preview and the form it gives back keep pasted payloads inert", async () => {
  const { formToken } = await import("../../src/serve/csrf.ts");
  const text = [`Fictional test article. Ostmark sold two Kestrel drones to Valdoria in 2023, ${HOSTILE[1]} reported.`, ...HOSTILE].join("\n\n");
  const post = (fields: Record<string, string>) => fetch(`${s.url}/ingest`, { method: "POST", body: new URLSearchParams({ csrf: formToken(), ...fields }) });
  const r = await post({ text, title: `Headline ${HOSTILE[0]} ${HOSTILE[6]}` });
  assert.equal(r.status, 200);
  const page = inert(await r.text(), "ingest preview");
  assert.ok(page.querySelector("h1")!.textContent!.includes(HOSTILE[0]!), "the title is text");
  assert.ok(page.querySelectorAll("li.transfer").length >= 1, "the transfer is listed");
  assert.equal(page.querySelector("form.again textarea, details.again textarea")!.textContent, text, "the text comes back verbatim in the form");
  const sealed = page.querySelector('form.store input[name="document"]')!.getAttribute("value")!;
  assert.equal((JSON.parse(sealed) as { text: string }).text, text, "the sealed document holds the text unchanged");
  const refused = inert(await (await post({ text, language: HOSTILE[5]! })).text(), "ingest refusal");
  assert.ok(refused.querySelector(".error")!.textContent!.includes(HOSTILE[5]!), "the bad value is echoed as text");
});

test("the source pages of hostile source names keep them inert", async () => {
  for (const id of ["name:hostile", "name:relay"]) {
    const r = await fetch(`${s.url}/sources/${encodeURIComponent(id)}`);
    assert.equal(r.status, 200, id);
    const page = inert(await r.text(), `source ${id}`);
    assert.ok(page.querySelector("h1")!.textContent!.includes(id === "name:hostile" ? HOSTILE[5]! : HOSTILE[4]!), "the name is text");
    assert.ok(page.querySelector("a.evidence"), "its claim is listed");
  }
});
