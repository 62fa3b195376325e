import { test } from "node:test";
import assert from "node:assert/strict";
import { FeedError, looksLikeFeed, parseFeed } from "../../src/ingest/feeds.ts";

const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Norvaria Today (fictional)</title>
<item><title>Windlark &amp; the navy</title><link>https://norvaria-today.example/a/1</link><pubDate>Thu, 09 Mar 2023 10:00:00 +0000</pubDate></item>
<item><title>Only a guid</title><guid isPermaLink="true">https://norvaria-today.example/a/2</guid></item>
<item><title>No link at all</title><guid isPermaLink="false">tag-77</guid></item>
<item><title>Relative</title><link>/a/3</link></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Quelland Defence Review (fictional)</title>
<entry><title type="html">First</title><link rel="self" href="/self/1"/><link rel="alternate" href="/a/one"/><published>2023-03-06T08:00:00+01:00</published></entry>
<entry><title>Second</title><link href="https://qdr.example/a/two"/><updated>2023-03-20T00:00:00Z</updated></entry>
</feed>`;

test("RSS 2.0 items give their links, titles and dates; items without a link are left out", () => {
  assert.ok(looksLikeFeed(rss));
  assert.deepEqual(parseFeed(rss, "https://norvaria-today.example/rss.xml"), [
    { url: "https://norvaria-today.example/a/1", title: "Windlark & the navy", published: "2023-03-09" },
    { url: "https://norvaria-today.example/a/2", title: "Only a guid", published: null },
    { url: "https://norvaria-today.example/a/3", title: "Relative", published: null },
  ]);
});

test("Atom entries give their alternate links, made absolute", () => {
  assert.ok(looksLikeFeed(atom));
  assert.deepEqual(parseFeed(atom, "https://qdr.example/feed.atom"), [
    { url: "https://qdr.example/a/one", title: "First", published: "2023-03-06" },
    { url: "https://qdr.example/a/two", title: "Second", published: "2023-03-20" },
  ]);
});

test("an HTML page is not a feed, and a DOCTYPE's entities are not expanded", () => {
  assert.ok(!looksLikeFeed("<!doctype html><html><body>x</body></html>"));
  assert.throws(() => parseFeed("<html><body>x</body></html>"), FeedError);
  const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title><link>https://x.example/1</link></item></channel></rss>`;
  const items = parseFeed(laughs);
  assert.equal(items.length, 1);
  assert.ok((items[0]!.title ?? "").length < 20);
});
