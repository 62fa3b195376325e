import type { Catalog } from "../catalog/types.ts";
import { detectLanguage } from "../extract/language.ts";
import { decodeBytes } from "./charset.ts";
import { documentId } from "./dedupe.ts";
import type { Document } from "./document.ts";
import { readHtml } from "./html.ts";
import { dateInUrl, outletForUrl } from "./meta.ts";

/** Bytes that one input produced, before they are read as a page. */
export interface RawPage {
  /** What the user gave, for messages: a path, a URL, `file.warc.gz#12`. */
  input: string;
  /** The page's own URL (after redirects), or the file path. */
  url: string | null;
  bytes: Uint8Array;
  /** The HTTP Content-Type, when there was one. */
  contentType: string | null;
  /** Whether the bytes are HTML (a .txt file or text/plain answer is not). */
  html: boolean;
  /** A date known from outside the page (a feed item's date, a WARC record's date), used when the page states none. */
  dateHint?: string | null;
}

/** A page read into a Document, or the reason it holds no article. */
export type PageResult = { document: Document; warnings: string[] } | { skipped: string };

/** Shorter texts are not articles: error pages, consent walls, empty shells. */
export const MIN_TEXT_CHARS = 200;

/**
 * The language of a page: its text's detected language when the detector is sure, since templates often
 * declare a site-wide `lang`; the declared one otherwise.
 */
export function pageLanguage(declared: string | null, text: string, warnings: string[]): string | null {
  const detected = detectLanguage(text);
  if (detected && declared && detected !== declared) warnings.push(`page declares lang="${declared}" but its text reads as ${detected}; using ${detected}`);
  return detected ?? declared;
}

/** Do the first bytes look like a binary file (NUL or other control bytes that no text or HTML page holds)? */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.01;
}

/** Decodes, reads and describes one page: main text, metadata, outlet from the catalog when the page names none. */
export function readPage(raw: RawPage, catalog: Catalog): PageResult {
  if (looksBinary(raw.bytes)) return { skipped: "binary data, not a page" };
  const decoded = decodeBytes(raw.bytes, raw.contentType, { html: raw.html });
  const warnings = decoded.warnings.map((w) => `${raw.input}: ${w}`);
  const httpUrl = raw.url && /^https?:/i.test(raw.url) ? raw.url : null;
  if (!raw.html) {
    const text = decoded.text.replace(/\r\n?/g, "\n").trim();
    if (!text) return { skipped: "empty text" };
    const language = pageLanguage(null, text, warnings);
    return {
      document: { id: documentId(text), url: raw.url, canonicalUrl: null, outlet: outletForUrl(httpUrl, catalog), published: raw.dateHint ?? dateInUrl(httpUrl), language, title: null, author: null, text },
      warnings,
    };
  }
  const page = readHtml(decoded.text, httpUrl);
  if (page.body.length < MIN_TEXT_CHARS) return { skipped: page.isArticle ? "article text too short" : "not an article (no main text found)" };
  const document: Document = {
    id: documentId(page.text),
    url: raw.url,
    canonicalUrl: page.canonicalUrl,
    outlet: page.siteName ?? outletForUrl(page.canonicalUrl ?? httpUrl, catalog),
    published: page.published ?? raw.dateHint ?? null,
    language: pageLanguage(page.declaredLanguage, page.text, warnings),
    title: page.title,
    author: page.author,
    text: page.text,
  };
  return { document, warnings };
}
