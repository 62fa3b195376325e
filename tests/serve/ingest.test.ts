// The ingest form over a real register: paste or fetch, preview, store; the CSRF layers, the body limit, and the
// clear refusals (private address, page too large, feed, empty text, unsupported language). Articles are fictional.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { JSDOM } from "jsdom";
import { startServer } from "../../src/serve/app.ts";
import { formToken, validFormToken, TOKEN_LIFETIME_MS } from "../../src/serve/csrf.ts";
import { MAX_BODY_BYTES } from "../../src/serve/body.ts";
import { serveFixtures, type Served } from "./fill.ts";

const ARTICLE = "Fictional test article. Ostmark delivered six Kestrel drones to Valdoria in 2022, the Northgate Monitor reported, citing a defence official.";
const PAGE = `<!doctype html><html lang="en"><head><title>Six Kestrels for Valdoria (fiction)</title><meta property="og:site_name" content="Fictional Ledger"></head><body><article><h1>Six Kestrels for Valdoria (fiction)</h1><p>${ARTICLE}</p><p>${"This paragraph is filler for a fictional page, long enough to be read as an article body. ".repeat(4)}</p></article></body></html>`;

let s: Served;
let guarded: { server: Server; url: string };
let origin: Server;
let site: string;

before(async () => {
  // One app lets the loopback test site through (and reads at most 20 kB); the other keeps the guard as the CLI does.
  s = await serveFixtures({ shared: false, hostile: false, fetch: { allow: ["127.0.0.0/8"], maxBytes: 20_000, retries: 0 } });
  guarded = await startServer({ db: s.db, catalog: s.catalog, log: () => {} }, { host: "127.0.0.1", port: 0 });
  origin = createServer((req, res) => {
    if (req.url === "/article.html") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    if (req.url === "/big.html") return void res.writeHead(200, { "content-type": "text/html" }).end(`<html><body><p>${"x".repeat(40_000)}</p></body></html>`);
    if (req.url === "/feed.xml") return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Fictional feed</title></channel></rss>`);
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => origin.listen(0, "127.0.0.1", ok));
  site = `http://127.0.0.1:${(origin.address() as { port: number }).port}`;
});
after(async () => {
  guarded.server.closeAllConnections();
  await new Promise((ok) => guarded.server.close(ok));
  origin.closeAllConnections();
  await new Promise((ok) => origin.close(ok));
  await s.close();
});

const form = (base: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${base}/ingest`, { method: "POST", body: new URLSearchParams({ csrf: formToken(), ...fields }), headers });
const api = (base: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${base}/ingest.json`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers });
const dom = async (r: Response) => new JSDOM(await r.text()).window.document;
const hidden = (doc: Document, formClass: string) => Object.fromEntries([...doc.querySelectorAll(`form.${formClass} input[type=hidden]`)].map((i) => [i.getAttribute("name")!, i.getAttribute("value")!]));

describe("the form, step by step", () => {
  test("GET /ingest is a plain form with a token; its twin lists the languages and limits", async () => {
    const doc = await dom(await fetch(`${s.url}/ingest`));
    const f = doc.querySelector("form.ingest")!;
    assert.equal(f.getAttribute("method"), "post");
    assert.ok(validFormToken(f.querySelector('input[name="csrf"]')!.getAttribute("value")), "a token this process signed");
    for (const name of ["url", "text", "language", "published", "title"]) assert.ok(f.querySelector(`[name="${name}"]`), name);
    const twin = (await (await fetch(`${s.url}/ingest.json`)).json()) as { ok: boolean; languages: string[]; limits: { maxBodyBytes: number } };
    assert.equal(twin.ok, true);
    assert.ok(twin.languages.includes("en") && twin.languages.includes("fr"));
    assert.equal(twin.limits.maxBodyBytes, MAX_BODY_BYTES);
  });

  test("pasted text: the preview lists each transfer with its fields, chain and evidence, stores nothing, and a second POST stores it", async () => {
    const r = await form(s.url, { text: ARTICLE, published: "2024-05-02", title: "Kestrels (fiction)" });
    assert.equal(r.status, 200);
    const doc = await dom(r);
    const items = doc.querySelectorAll("ol.transfers li.transfer");
    assert.equal(items.length, 1);
    const item = items[0]!;
    assert.match(item.querySelector("h3")!.textContent!, /Ostmark \(QOM\) → Valdoria \(QVD\): Kestrel/);
    const field = (k: string) => [...item.querySelectorAll("dt")].find((d) => d.textContent === k)!.nextElementSibling!.textContent;
    assert.equal(field("Quantity"), "6");
    assert.equal(field("Stage"), "delivered");
    assert.equal(field("Time"), "2022");
    assert.equal(field("Chain"), "a defence official → Northgate Monitor");
    assert.equal(item.querySelector(".evidence")!.textContent, "Ostmark delivered six Kestrel drones to Valdoria");
    const sealed = hidden(doc, "store");
    const id = (JSON.parse(sealed.document!) as { id: string }).id;
    assert.equal((await fetch(`${s.url}/documents/${id}.json`)).status, 404, "a preview stores nothing");

    const stored = await form(s.url, sealed);
    assert.equal(stored.status, 200);
    const page = await dom(stored);
    assert.equal(page.querySelector(".stored")!.getAttribute("data-status"), "added");
    const twin = (await (await fetch(`${s.url}/documents/${id}.json`)).json()) as { document: { title: string; published: string; language: string }; claims: unknown[]; assertions: { id: string }[] };
    assert.deepEqual([twin.document.title, twin.document.published, twin.document.language], ["Kestrels (fiction)", "2024-05-02", "en"], "the form's options were applied");
    assert.equal(twin.claims.length, 1);
    const listed = page.querySelector("ul.touched a")!.getAttribute("href")!;
    assert.equal(listed, `/assertions/${twin.assertions[0]!.id}`, "the stored page links the assertion it touched");
    const again = await dom(await form(s.url, sealed));
    assert.equal(again.querySelector(".stored")!.getAttribute("data-status"), "unchanged", "storing twice changes nothing");
  });

  test("a URL is fetched and read like bin/dossier ingest reads it", async () => {
    const r = await api(s.url, { url: `${site}/article.html` });
    assert.equal(r.status, 200);
    const body = (await r.json()) as { document: { url: string; title: string; outlet: string }; claims: { transfers: { quantity: number }[] }; stored: null };
    assert.equal(body.document.url, `${site}/article.html`);
    assert.equal(body.document.title, "Six Kestrels for Valdoria (fiction)");
    assert.equal(body.document.outlet, "Fictional Ledger");
    assert.deepEqual(body.claims.transfers.map((t) => t.quantity), [6]);
    assert.equal(body.stored, null);
  });

  test("the JSON twin stores in one step with store: true", async () => {
    const text = ARTICLE.replace("six", "seven");
    const r = (await (await api(s.url, { text, store: true })).json()) as { stored: { status: string; claims: number; document: string } };
    assert.equal(r.stored.status, "added");
    assert.equal(r.stored.claims, 1);
    assert.equal((await fetch(`${s.url}/documents/${r.stored.document}.json`)).status, 200);
    const bad = await api(s.url, { text, store: "yes" });
    assert.equal(bad.status, 400);
  });
});

describe("refusals are clear", () => {
  const refused = async (base: string, fields: Record<string, string>, status: number, message: RegExp) => {
    const r = await form(base, fields);
    assert.equal(r.status, status, JSON.stringify(fields));
    const doc = await dom(r);
    assert.match(doc.querySelector(".error")!.textContent!, message);
    return doc;
  };

  test("the form comes back filled, with the reason, for each input it cannot read", async () => {
    const empty = await refused(s.url, { text: "   ", title: "kept" }, 422, /the text is empty/);
    assert.equal(empty.querySelector('input[name="title"]')!.getAttribute("value"), "kept", "what was typed is kept");
    await refused(s.url, { text: ARTICLE, language: "it" }, 422, /language "it" is not supported.*supported: .*en/);
    await refused(s.url, { text: ARTICLE, published: "2024-13-01" }, 422, /YYYY-MM-DD/);
    await refused(s.url, { text: ARTICLE, url: `${site}/article.html` }, 422, /a URL or a text, not both/);
    await refused(s.url, { text: "12345 67890" }, 422, /language of the text could not be told/);
    await refused(s.url, { url: "ftp://example.org/x" }, 422, /not an http or https URL/);
    await refused(s.url, { url: `${site}/big.html` }, 422, /larger than the server reads/);
    await refused(s.url, { url: `${site}/feed.xml` }, 422, /is a feed, not an article/);
    await refused(s.url, { url: `${site}/missing.html` }, 502, /could not be fetched: .*HTTP 404/);
  });

  test("the SSRF guard refuses loopback and private addresses, as the CLI's does", async () => {
    await refused(guarded.url, { url: `${site}/article.html` }, 422, /127\.0\.0\.1 is .*loopback/);
    await refused(guarded.url, { url: "http://10.1.2.3/x" }, 422, /10\.1\.2\.3 is .*private/);
    const r = await api(guarded.url, { url: "http://[::1]/" });
    assert.equal(r.status, 422);
    assert.equal(((await r.json()) as { code: string }).code, "unprocessable");
  });
});

describe("CSRF and limits", () => {
  const refusedWith = async (r: Response, status: number, code: string) => {
    assert.equal(r.status, status);
    const body = (await r.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ["code", "error", "ok", "status"]);
    assert.equal(body.code, code);
    return body.error as string;
  };

  test("a form without a valid token, or from another site, is a 403", async () => {
    const noToken = await fetch(`${s.url}/ingest`, { method: "POST", body: new URLSearchParams({ text: ARTICLE }) });
    assert.equal(noToken.status, 403);
    assert.match((await dom(noToken)).querySelector(".error")!.textContent!, /expired or did not come from this site/);
    const forged = await fetch(`${s.url}/ingest`, { method: "POST", body: new URLSearchParams({ text: ARTICLE, csrf: `${Date.now()}.${"A".repeat(43)}` }) });
    assert.equal(forged.status, 403);
    assert.equal((await form(s.url, { text: ARTICLE }, { origin: "https://evil.example" })).status, 403);
    assert.equal((await form(s.url, { text: ARTICLE }, { "sec-fetch-site": "cross-site" })).status, 403);
    assert.equal((await form(s.url, { text: ARTICLE }, { origin: "https://evil.example", "sec-fetch-site": "same-site" })).status, 403, "a sibling subdomain is another site");
    assert.equal((await form(s.url, { text: ARTICLE }, { origin: s.url, "sec-fetch-site": "same-origin" })).status, 200, "this site's own form passes");
    assert.equal((await form(s.url, { text: ARTICLE }, { origin: "null", "sec-fetch-site": "same-origin" })).status, 200, "as it does when no-referrer makes the browser send Origin: null");
    assert.equal((await form(s.url, { text: ARTICLE }, { origin: "null", "sec-fetch-site": "cross-site" })).status, 403);
    assert.equal(validFormToken(formToken(Date.now() - TOKEN_LIFETIME_MS - 1)), false, "tokens expire");
  });

  test("the store step takes only the document the preview sealed", async () => {
    const doc = await dom(await form(s.url, { text: ARTICLE }));
    const sealed = hidden(doc, "store");
    const changed = sealed.document!.replace("six", "sixty");
    assert.equal((await form(s.url, { ...sealed, document: changed })).status, 403);
  });

  test("the JSON twin needs application/json and refuses other sites with the envelope", async () => {
    await refusedWith(await api(s.url, { text: ARTICLE }, { "content-type": "text/plain" }), 415, "unsupported-media-type");
    await refusedWith(await api(s.url, { text: ARTICLE }, { "content-type": "application/x-www-form-urlencoded" }), 415, "unsupported-media-type");
    await refusedWith(await api(s.url, { text: ARTICLE }, { "content-type": "application/json", origin: "https://evil.example" }), 403, "forbidden");
    await refusedWith(await api(s.url, "[1, 2]"), 400, "bad-request");
    await refusedWith(await api(s.url, "{not json"), 400, "bad-request");
    await refusedWith(await api(s.url, { text: 5 }), 400, "bad-request");
  });

  test("a body over the limit is a 413; read-only routes still refuse POST", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    assert.match(await refusedWith(await api(s.url, JSON.stringify({ text: big })), 413, "too-large"), /5 MiB/);
    const page = await form(s.url, { text: big });
    assert.equal(page.status, 413);
    const r = await fetch(`${s.url}/.json`, { method: "POST" });
    await refusedWith(r, 405, "method-not-allowed");
    assert.equal(r.headers.get("allow"), "GET, HEAD");
    const ingest = await fetch(`${s.url}/ingest.json`, { method: "PUT" });
    assert.equal(ingest.headers.get("allow"), "GET, HEAD, POST");
  });
});

test("on loopback, a POST naming another host (DNS rebinding) is refused; loopback names pass", async () => {
  const { request } = await import("node:http");
  const post = (host: string) =>
    new Promise<number>((ok, fail) => {
      const body = JSON.stringify({ text: ARTICLE });
      const r = request(`${s.url}/ingest.json`, { method: "POST", headers: { host, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        res.resume();
        ok(res.statusCode!);
      });
      r.once("error", fail);
      r.end(body);
    });
  assert.equal(await post("rebound.example:8080"), 403);
  assert.equal(await post(new URL(s.url).host), 200);
  assert.equal(await post("localhost:8080"), 200);
});
