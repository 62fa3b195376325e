import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { domText } from "./dom-text.ts";
import { bylineInPage, readMeta, type PageMeta } from "./meta.ts";

/** Builds a DOM from HTML; linkedom by default (see bench/ingest.ts for the jsdom comparison). */
export type DomParser = (html: string, url: string | null) => Document;

/**
 * linkedom's parser. Chosen by `npm run bench:ingest -- --jsdom`: on the 181-page benchmark both DOMs give Readability
 * the same text (F1 0.962), linkedom at 33–45 pages/s and jsdom at 4.4–5.3 on this machine.
 */
export const linkedom: DomParser = (html) => {
  const doc = parseHTML(html).document as unknown as Document;
  if (doc.documentElement?.tagName === "HTML" && doc.body) return doc;
  // linkedom builds no implied <html>/<body> around a fragment, and Readability needs both.
  const rest = html.replace(/^\s*<!doctype[^>]*>/i, "").replace(/<\/?html\b[^>]*>/gi, "");
  const wrapped = /<body[\s>]/i.test(rest) ? `<!DOCTYPE html><html>${rest}</html>` : `<!DOCTYPE html><html><head></head><body>${rest}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
};

/** A page's main text and what it says about itself. */
export interface HtmlArticle extends PageMeta {
  /** The headline, then the body: paragraphs separated by blank lines. */
  text: string;
  /** The article's own heading (its `<h1>`), which Readability keeps out of the body. */
  headline: string | null;
  /** The article body without the headline: what the article-extraction benchmark scores. */
  body: string;
  /** False when Readability found no article and the text is the page's visible text (or empty). */
  isArticle: boolean;
}

/** Fewer characters than this and Readability's result is not taken as an article. */
const MIN_ARTICLE_CHARS = 140;

const CLUTTER = "script, style, noscript, template, nav, header, footer, aside, form, button, iframe, svg, [role=navigation], [aria-hidden=true]";

/** The visible text of the page's `<article>`, `<main>` or body without navigation and forms: the path for pages Readability rejects. */
function plainText(doc: Document): string {
  const root = doc.querySelector("article") ?? doc.querySelector("main, [role=main]") ?? doc.body ?? doc.documentElement;
  if (!root) return "";
  for (const el of [...root.querySelectorAll(CLUTTER)]) el.remove();
  return domText(root);
}

const JSON_LD = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json\b[^>]*>([\s\S]*?)<\/script\s*>/gi;
const INERT = /<(script|style|template|svg|noscript|iframe|select|textarea)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

// Whitespace after a block-level tag and before the next tag never shows; each run would be a text node to build.
const BLOCK_TAGS = "html|head|body|meta|link|title|base|div|p|ul|ol|li|dl|dt|dd|section|article|main|header|footer|nav|aside|h[1-6]|table|thead|tbody|tfoot|tr|td|th|figure|figcaption|form|fieldset|blockquote|hr|br";
const BLOCK_GAP = new RegExp(`(<\\/?(?:${BLOCK_TAGS})\\b[^<>]*>)\\s+(?=<)`, "gi");

/**
 * The page's JSON-LD blocks, and the page without scripts, styles, inline SVG, frames, form fields and comments
 * (elements that do not nest in themselves on real pages, so a lazy match ends at their own close): none of them is text,
 * and on real pages they are often most of the bytes, so dropping them before parsing halves the DOM work.
 */
export function stripInert(html: string): { html: string; jsonLd: string[] } {
  const jsonLd = [...html.matchAll(JSON_LD)].map((m) => m[1]!);
  return { html: html.replace(INERT, " ").replace(BLOCK_GAP, "$1"), jsonLd };
}

/**
 * Elements that are never article text, removed before Readability runs. On the 181-page benchmark this raised F1
 * from 0.952 to 0.954 and sped Readability up by about half (smaller trees); `form` is not in the list, because
 * some CMSs wrap the whole page in one.
 */
const NEVER_CONTENT = "nav, footer, aside, button, select, input, textarea, iframe, noscript, link, [hidden], [aria-hidden=true]";

// What Readability keeps but is not article body, measured on the 181-page benchmark: removing captions and credits
// raised F1 from 0.954 to 0.959, then dropping the lines below to 0.961, and a repeated headline to 0.962.
const CAPTIONS = "figcaption, [class*=caption], [class*=credit]";
const RESIDUE = /^(?:image \d+ of \d+|(?:photo|image|picture)? ?credits?:.*|\((?:image|photo) credit:.*\)|(?:updated|published|posted|last modified)(?: at| on)?:? .{0,60}|by [^.]{2,60}?[-–|] .{0,40}\d{1,2}:\d{2}.*)$/i;

/** The text Readability kept, less figure captions and photo credits, a repeated headline, and "Updated …" or "By X - date" lines. */
function residue(content: Node, title: string | null): string {
  for (const el of [...(content as Element).querySelectorAll(CAPTIONS)]) el.remove();
  const t = title?.toLowerCase();
  return domText(content)
    .split("\n\n")
    .filter((p) => !RESIDUE.test(p) && p.toLowerCase() !== t)
    .join("\n\n");
}

const NOT_ARTICLE = new Set(["NAV", "ASIDE", "FORM", "FOOTER"]);

/** The text of the page's only `<article>` element (without nav, asides, forms and footers), and its heading. */
function markedArticle(doc: Document): { text: string; heading: string | null } | null {
  const articles = doc.getElementsByTagName("article");
  if (articles.length !== 1) return null;
  const h1 = articles[0]!.querySelector("h1");
  return { text: domText(articles[0]!, NOT_ARTICLE), heading: h1 ? domText(h1) || null : null };
}

/**
 * On short pages Readability may take in a banner beside the article: when the page marks its one article and
 * Readability kept every paragraph of it, its extra paragraphs are dropped. The headline is not body text.
 */
function preferMarked(text: string, marked: { text: string; heading: string | null }): string {
  const body = marked.text.split("\n\n").filter((p) => p !== marked.heading);
  const theirs = new Set(text.split("\n\n"));
  return body.length > 0 && body.every((p) => theirs.has(p)) ? body.join("\n\n") : text;
}

/** Whether two headings share most of their words (Jaccard of word sets at least one half). */
function overlap(a: string, b: string): boolean {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const x = words(a);
  const y = words(b);
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both > 0 && both / (x.size + y.size - both) >= 0.5;
}

/** Main text (Mozilla Readability, with a plain-text fallback) and metadata of an HTML page. */
export function readHtml(source: string, url: string | null, parser: DomParser = linkedom): HtmlArticle {
  const { html, jsonLd } = stripInert(source);
  const doc = parser(html, url);
  // Metadata is read before Readability, which rewrites the tree.
  const meta = readMeta(doc, url, jsonLd);
  const marked = markedArticle(doc);
  const byline = meta.author ? null : bylineInPage(doc, meta.siteName);
  const h1s = doc.getElementsByTagName("h1");
  const soleH1 = h1s.length === 1 ? domText(h1s[0]!) || null : null;
  // A page's only <h1> is its headline when the title agrees; on some sites it is the logo.
  const pageHeading = soleH1 && (!meta.title || overlap(soleH1, meta.title)) ? soleH1 : null;
  for (const el of [...doc.querySelectorAll(NEVER_CONTENT)]) el.remove();
  let parsed: ReturnType<Readability<Node>["parse"]> = null;
  try {
    // 300 rather than Readability's 500 characters, so short news items are taken at once instead of retried
    // with looser rules (no change on the benchmark's figures).
    parsed = new Readability<Node>(doc, { serializer: (n) => n, charThreshold: 300 }).parse();
  } catch {
    // Readability can throw on trees a DOM library built unusually; the plain path still reads the page.
    parsed = null;
  }
  let body = parsed?.content ? residue(parsed.content, meta.title) : "";
  if (marked) body = preferMarked(body, marked);
  const isArticle = body.length >= MIN_ARTICLE_CHARS;
  if (!isArticle) body = plainText(parser(html, url)) || body;
  const headline = marked?.heading ?? pageHeading;
  if (headline && body.startsWith(headline + "\n\n")) body = body.slice(headline.length + 2);
  const text = headline && body !== headline ? `${headline}\n\n${body}` : body;
  return {
    ...meta,
    title: meta.title ?? (parsed?.title || null),
    author: meta.author ?? (parsed?.byline || byline),
    text,
    headline,
    body,
    isArticle,
  };
}
