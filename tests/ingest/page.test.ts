import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { defaultCatalog } from "../../src/catalog/load.ts";
import { looksBinary, readPage } from "../../src/ingest/page.ts";

test("binary data given as a page is skipped with its reason, text with form feeds is not", () => {
  const raw = { input: "x.html", url: null, bytes: new Uint8Array(randomBytes(4096)), contentType: null, html: true };
  // Random bytes hold a NUL or control bytes in all but a vanishing share of draws.
  assert.ok(looksBinary(raw.bytes));
  assert.deepEqual(readPage(raw, defaultCatalog()), { skipped: "binary data, not a page" });
  assert.equal(looksBinary(new TextEncoder().encode("Une page.\f\nAvec un saut de page.\r\n")), false);
});
