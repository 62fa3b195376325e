import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { defaultCatalog } from "../../src/catalog/load.ts";
import { normaliseDate } from "../../src/ingest/dates.ts";
import { domText } from "../../src/ingest/dom-text.ts";
import { readHtml } from "../../src/ingest/html.ts";
import { dateInUrl, outletForUrl } from "../../src/ingest/meta.ts";
import { readPage } from "../../src/ingest/page.ts";
import { fictionalPage } from "./fixtures.ts";

test("the article's text keeps its paragraphs and headline and drops the page's clutter", () => {
  const r = readHtml(fictionalPage(), "https://norvaria-today.example/2024/05/14/windlark-order");
  assert.ok(r.isArticle);
  const paras = r.text.split("\n\n");
  assert.equal(paras[0], "Norvaria orders four Windlark patrol drones");
  assert.equal(r.headline, paras[0]);
  assert.ok(paras.some((p) => p.startsWith("The fictional Republic of Norvaria has ordered")));
  assert.ok(paras.some((p) => p.startsWith("Deliveries would start next spring")));
  for (const junk of ["cookies", "Home", "Read also", "Subscribe", "tracker", "©"]) assert.ok(!r.text.includes(junk), `${junk} left in the text`);
  assert.ok(!r.body.startsWith("Norvaria orders"), "the body does not repeat the headline");
});

test("metadata comes from meta tags, JSON-LD first", () => {
  const plain = readHtml(fictionalPage(), null);
  assert.equal(plain.title, "Norvaria orders four Windlark patrol drones");
  assert.equal(plain.siteName, "Norvaria Today");
  assert.equal(plain.published, "2024-05-14");
  assert.equal(plain.author, "Ilse Varnhold");
  assert.equal(plain.canonicalUrl, "https://norvaria-today.example/2024/05/14/windlark-order");
  assert.equal(plain.declaredLanguage, "en");
  const ld = JSON.stringify({ "@context": "https://schema.org", "@graph": [{ "@type": "WebPage", name: "x" }, { "@type": "NewsArticle", headline: "Windlark order confirmed", datePublished: "2024-05-15", author: [{ "@type": "Person", name: "Ilse Varnhold" }, { name: "Tomas Brel" }], publisher: { "@type": "Organization", name: "Norvaria Today Group" } }] });
  const r = readHtml(fictionalPage({ extraHead: `<script type="application/ld+json">${ld}</script>` }), null);
  assert.equal(r.title, "Windlark order confirmed");
  assert.equal(r.published, "2024-05-15");
  assert.equal(r.author, "Ilse Varnhold, Tomas Brel");
  assert.equal(r.siteName, "Norvaria Today Group");
});

test("a page with no article falls back to its visible text and says so", () => {
  const html = "<html><body><nav>Menu</nav><ul><li><a href='/1'>Windlark story</a></li><li><a href='/2'>Weather</a></li></ul></body></html>";
  const r = readHtml(html, null);
  assert.equal(r.isArticle, false);
  assert.match(r.text, /Windlark story\n\nWeather/);
  assert.ok(!r.text.includes("Menu"));
});

test("dates are normalised to YYYY-MM-DD, the written calendar day kept", () => {
  assert.equal(normaliseDate("2015-04-30T23:19:58-05:00"), "2015-04-30");
  assert.equal(normaliseDate("Thu, 09 Mar 2023 10:00:00 GMT"), "2023-03-09");
  assert.equal(normaliseDate("20200204"), "2020-02-04");
  assert.equal(normaliseDate("2020-02-31"), null);
  assert.equal(normaliseDate("yesterday"), null);
  assert.equal(dateInUrl("https://news.example/world/2021/05/22/story.html"), "2021-05-22");
  assert.equal(dateInUrl("https://news.example/2021-05-22-story"), "2021-05-22");
  assert.equal(dateInUrl("https://news.example/story-123456"), null);
});

test("an outlet is named from the catalog by the URL's domain when the page names none", () => {
  const catalog = defaultCatalog();
  assert.equal(outletForUrl("https://www.haaretz.com/israel-news/x", catalog), "Haaretz");
  assert.equal(outletForUrl("https://unknown-outlet.example/x", catalog), null);
  const bare = "<html><body><article><h1>Windlark</h1>" + "<p>The fictional Norvarian navy tested a Windlark drone off its invented coast for a third week running, officials said.</p>".repeat(3) + "</article></body></html>";
  const r = readPage({ input: "t", url: "https://www.haaretz.com/x", bytes: Buffer.from(bare), contentType: "text/html", html: true }, catalog);
  assert.ok("document" in r);
  assert.equal(r.document.outlet, "Haaretz");
});

test("the declared language is checked against the text's own", () => {
  const fr = ["La République fictive de Norvarie a commandé quatre drones de patrouille, a indiqué le ministère de la défense dans un communiqué publié mardi.", "Les livraisons commenceraient au printemps prochain, selon le porte-parole du ministère, qui n'a pas donné le montant du contrat."];
  const r = readPage({ input: "t", url: null, bytes: Buffer.from(fictionalPage({ lang: "en", body: fr, title: "La Norvarie commande des drones" })), contentType: null, html: true }, defaultCatalog());
  assert.ok("document" in r);
  assert.equal(r.document.language, "fr");
  assert.match(r.warnings.join("\n"), /declares lang="en" but its text reads as fr/);
});

const PROVENANCE = join(import.meta.dirname, "../../../shared/corpus/provenance");
test("every provenance page's text is its <article>: headline, date line and every paragraph", { skip: !existsSync(PROVENANCE) && "../shared/corpus/provenance is absent" }, () => {
  let pages = 0;
  for (const c of readdirSync(PROVENANCE).filter((d) => !d.includes("."))) {
    for (const f of readdirSync(join(PROVENANCE, c)).filter((n) => n.endsWith(".html"))) {
      const html = readFileSync(join(PROVENANCE, c, f), "utf8");
      const expected = domText(parseHTML(html).document.querySelector("article") as unknown as Node);
      assert.equal(readHtml(html, null).text, expected, `${c}/${f}`);
      pages++;
    }
  }
  assert.ok(pages >= 25, `${pages} pages`);
});

test("a page's only <h1> is taken as its headline when it agrees with the title, not when it is the logo", () => {
  const body = "<p>The fictional Norvarian navy tested a Windlark drone off its invented coast for a third week running, officials said on Monday.</p>".repeat(3);
  const logo = readHtml(`<html><head><title>Windlark trials go on | Norvaria Today</title></head><body><h1>Norvaria Today</h1><div>${body}</div></body></html>`, null);
  assert.equal(logo.headline, null);
  assert.ok(!logo.text.startsWith("Norvaria Today"));
  const story = readHtml(`<html><head><title>Windlark trials go on | Norvaria Today</title></head><body><h1>Windlark trials go on</h1><div>${body}</div></body></html>`, null);
  assert.equal(story.headline, "Windlark trials go on");
  assert.match(story.text, /^Windlark trials go on\n\nThe fictional/);
});

test("fragments and empty pages are read without failing", () => {
  assert.deepEqual(
    ["", "plain words", "<p>a fragment</p>", "<html><body></body></html>", "<head><title>Fictional</title></head><body><p>y</p></body>"].map((h) => {
      const r = readHtml(h, null);
      return [r.text, r.title, r.isArticle];
    }),
    [
      ["", null, false],
      ["plain words", null, false],
      ["a fragment", null, false],
      ["", null, false],
      ["y", "Fictional", false],
    ],
  );
});

test("any soup of tags and text is read without throwing, and the text holds no markup", async () => {
  const fc = (await import("fast-check")).default;
  const piece = fc.constantFrom("<html>", "</html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<h1>", "</h1>", "<div class='caption'>", "</div>", "<script>", "</script>", "<!--", "-->", "<br>", "<nav>", "</nav>", "<meta charset=utf-8>", "<title>", "</title>", "&amp;", "&#x41;", "Norvaria ", "Windlark drones were ordered. ", "\n\n");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const r = readHtml(parts.join(""), null);
      assert.doesNotMatch(r.text, /<\/?(p|div|h1|article|nav|br)\b/);
      assert.ok(!r.text.includes("\n\n\n"));
    }),
    { numRuns: 200 },
  );
});

test("authors referenced by @id in a JSON-LD graph, or written in byline markup, are found", () => {
  const ld = JSON.stringify({ "@graph": [{ "@type": "NewsArticle", headline: "Windlark", author: { "@id": "#p1" } }, { "@type": "Person", "@id": "#p1", name: "Ilse Varnhold" }] });
  const page = (head: string, byline: string) => `<html><head>${head}<title>Windlark</title></head><body><article><h1>Windlark</h1>${byline}${"<p>The fictional Norvarian navy tested a Windlark drone off its invented coast for a third week running, officials said.</p>".repeat(3)}</article></body></html>`;
  assert.equal(readHtml(page(`<script type="application/ld+json">${ld}</script>`, ""), null).author, "Ilse Varnhold");
  assert.equal(readHtml(page("", '<p>Par <a class="author" href="/a/tb">Tomas Brel</a></p>'), null).author, "Tomas Brel");
  assert.equal(readHtml(page("", '<h3 class="auteurs">Auteurs</h3>'), null).author, null);
});
