import { test, after } from "node:test";
import assert from "node:assert/strict";
import { defaultCatalog } from "../../src/catalog/load.ts";
import { decodeBytes, headerCharset, metaCharset } from "../../src/ingest/charset.ts";
import { Fetcher } from "../../src/ingest/fetch.ts";
import { readPage } from "../../src/ingest/page.ts";
import { fictionalPage } from "./fixtures.ts";
import { serve } from "./server.ts";

const FR = "Le café de l'été à Norvarie, où l'on déguste une crème brûlée";
const latin1 = (s: string) => Buffer.from(s, "latin1");
// "The fictional state of Norvaria" in Arabic, encoded as windows-1256 by hand.
const AR_TEXT = "دولة نورفاريا الخيالية";
const AR_1256 = Buffer.from([0xcf, 0xe6, 0xe1, 0xc9, 0x20, 0xe4, 0xe6, 0xd1, 0xdd, 0xc7, 0xd1, 0xed, 0xc7, 0x20, 0xc7, 0xe1, 0xce, 0xed, 0xc7, 0xe1, 0xed, 0xc9]);

test("header and meta declarations are read", () => {
  assert.equal(headerCharset('text/html; charset="ISO-8859-15"'), "iso-8859-15");
  assert.equal(headerCharset("text/html"), null);
  assert.equal(metaCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')), "windows-1256");
  assert.equal(metaCharset(Buffer.from("<meta charset='utf-8'>")), "utf-8");
});

test("a true declaration is followed: ISO-8859-15 has the euro sign where ISO-8859-1 has ¤", () => {
  const bytes = Buffer.from([0x31, 0x30, 0x20, 0xa4]);
  assert.equal(decodeBytes(bytes, "text/html; charset=iso-8859-15").text, "10 €");
  assert.equal(decodeBytes(bytes, "text/html; charset=iso-8859-1").text, "10 ¤");
  assert.equal(decodeBytes(AR_1256, "text/html; charset=windows-1256").text, AR_TEXT);
});

test("a byte-order mark wins over any declaration", () => {
  const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FR)]), "text/html; charset=windows-1252");
  assert.equal(d.text, FR);
  assert.equal(d.source, "bom");
});

test("declarations the bytes contradict are overruled, with a warning", () => {
  const a = decodeBytes(latin1(FR), "text/html; charset=utf-8");
  assert.equal(a.text, FR);
  assert.equal(a.charset, "windows-1252");
  assert.match(a.warnings[0]!, /declared utf-8 \(header\) but the bytes are not valid UTF-8/);
  const b = decodeBytes(Buffer.from(`<meta charset="iso-8859-1"><p>${FR}</p>`));
  assert.ok(b.text.includes(FR));
  assert.equal(b.charset, "utf-8");
  const c = decodeBytes(AR_1256, "text/html; charset=utf-8");
  assert.equal(c.text, AR_TEXT);
  assert.equal(c.charset, "windows-1256");
});

test("undeclared pages are detected: UTF-8, windows-1252, windows-1256", () => {
  assert.equal(decodeBytes(Buffer.from(FR)).text, FR);
  assert.equal(decodeBytes(latin1(FR)).text, FR);
  assert.equal(decodeBytes(AR_1256).text, AR_TEXT);
});

const page = fictionalPage({ charsetMeta: '<meta charset="utf-8">', body: [`${FR}. La Norvarie, pays imaginaire, a commandé des drones de patrouille selon le ministère de la défense.`, "Les livraisons commenceront au printemps prochain, a précisé le porte-parole du ministère dans un communiqué."] });
const srv = await serve({
  // The header says UTF-8 and so does the page, but the bytes are windows-1252.
  "/lying": (_q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(latin1(page)),
  // The header says windows-1252; the bytes are UTF-8.
  "/lying2": (_q, r) => r.writeHead(200, { "content-type": "text/html; charset=windows-1252" }).end(Buffer.from(page)),
});
after(() => srv.close());

test("a served page with wrong charset declarations comes out right", async () => {
  const f = new Fetcher({ allowPrivate: true });
  for (const path of ["/lying", "/lying2"]) {
    const got = await f.fetch(srv.base + path);
    const r = readPage({ input: path, url: got.finalUrl, bytes: got.bytes, contentType: got.contentType, html: true }, defaultCatalog());
    assert.ok("document" in r, path);
    assert.ok(r.document.text.includes(FR), `${path}: ${r.document.text.slice(0, 200)}`);
    assert.equal(r.document.language, "fr");
  }
});
