import { gzipSync } from "node:zlib";

/** A plainly fictional news page with the clutter real pages have around their article. */
export function fictionalPage(o: { title?: string; body?: string[]; lang?: string; extraHead?: string; charsetMeta?: string } = {}): string {
  const title = o.title ?? "Norvaria orders four Windlark patrol drones";
  const body = o.body ?? [
    "The fictional Republic of Norvaria has ordered four Windlark patrol drones from the equally fictional maker Halvern Aerosystems, the Norvarian defence ministry said on Tuesday.",
    "The drones are to watch over the country's invented coastline, a ministry spokesperson told the imaginary Norvaria Today newspaper.",
    "Deliveries would start next spring, the spokesperson added, and the deal is worth about 12 million Norvarian crowns.",
  ];
  return `<!DOCTYPE html>
<html lang="${o.lang ?? "en"}"><head>${o.charsetMeta ?? '<meta charset="utf-8">'}
<title>${title} | Norvaria Today</title>
<meta property="og:site_name" content="Norvaria Today">
<meta property="article:published_time" content="2024-05-14T09:30:00+02:00">
<meta name="author" content="Ilse Varnhold">
<link rel="canonical" href="https://norvaria-today.example/2024/05/14/windlark-order">
${o.extraHead ?? ""}
<script>var tracker = "Norvaria sells everything to everyone";</script>
</head><body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>${title}</h1>
<p class="meta">14 May 2024</p>
${body.map((p) => `<p>${p}</p>`).join("\n")}
</article>
<aside class="read-also"><h2>Read also</h2><ul><li><a href="/a/1">Weather: the week ahead</a></li><li><a href="/a/2">Subscribe today</a></li></ul></aside>
</main>
<footer><p>© Norvaria Today, a fictional newspaper</p></footer>
</body></html>`;
}

/** One WARC record with the given type, headers and block; `length` overrides the Content-Length written. */
export function warcRecord(type: string, block: Buffer | string, headers: Record<string, string> = {}, length?: number): Buffer {
  const b = Buffer.isBuffer(block) ? block : Buffer.from(block, "utf8");
  const head = [
    "WARC/1.0",
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>`,
    "WARC-Date: 2024-05-14T10:00:00Z",
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${length ?? b.length}`,
  ].join("\r\n");
  return Buffer.concat([Buffer.from(head + "\r\n\r\n"), b, Buffer.from("\r\n\r\n")]);
}

/** A WARC response record holding an HTTP response. */
export function warcResponse(url: string, body: Buffer | string, contentType = "text/html; charset=utf-8", status = "200 OK", extra: string[] = []): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const http = Buffer.concat([Buffer.from([`HTTP/1.1 ${status}`, `Content-Type: ${contentType}`, ...extra, `Content-Length: ${b.length}`].join("\r\n") + "\r\n\r\n"), b]);
  return warcRecord("response", http, { "WARC-Target-URI": url, "Content-Type": "application/http; msgtype=response" });
}

/** Records gzipped one member each, as crawlers write .warc.gz files. */
export function gzipMembers(records: Buffer[]): Buffer {
  return Buffer.concat(records.map((r) => gzipSync(r)));
}
