import type { Catalog } from "../catalog/types.ts";
import { findTimes } from "../extract/normalise/time.ts";
import type { Lang } from "../extract/normalise/types.ts";
import { normaliseDate } from "./dates.ts";

/** What a page says about itself, before its text is read. */
export interface PageMeta {
  title: string | null;
  author: string | null;
  published: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  /** The declared language (`<html lang>`, `Content-Language`, `og:locale`), ISO 639-1. */
  declaredLanguage: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$|^LiveBlogPosting$|^WebPage$/;

function clean(s: unknown): string | null {
  if (typeof s !== "string") return null;
  const t = s.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

/** Every object in a JSON-LD value: arrays and `@graph` are flattened. */
function ldObjects(v: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(v)) for (const x of v) ldObjects(x, out);
  else if (v && typeof v === "object") {
    out.push(v as Json);
    if ("@graph" in v) ldObjects((v as Json)["@graph"], out);
  }
  return out;
}

function types(o: Json): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** The names in a JSON-LD value: strings, `name` fields, and `{"@id"}` references looked up in the page's graph. */
function names(v: unknown, byId: Map<string, Json>): string[] {
  if (typeof v === "string") return clean(v) ? [clean(v)!] : [];
  if (Array.isArray(v)) return v.flatMap((x) => names(x, byId));
  if (v && typeof v === "object") {
    const o = v as Json;
    if (o.name !== undefined) return names(o.name, byId);
    const ref = typeof o["@id"] === "string" ? byId.get(o["@id"]) : undefined;
    return ref && ref !== o && ref.name !== undefined ? names(ref.name, byId) : [];
  }
  return [];
}

/** The page's main article object among its JSON-LD blocks: the first with an article-like `@type`, articles before web pages. */
function jsonLdArticle(blocks: string[]): { article: Json | null; byId: Map<string, Json> } {
  const found: Json[] = [];
  for (const s of blocks) {
    try {
      found.push(...ldObjects(JSON.parse(s.replace(/^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$/g, ""))));
    } catch {
      // A broken JSON-LD block is common on real pages; the meta tags still count.
    }
  }
  const articles = found.filter((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
  const byId = new Map(found.filter((o) => typeof o["@id"] === "string" && o.name !== undefined).map((o) => [o["@id"] as string, o]));
  return { article: articles.find((o) => !types(o).includes("WebPage")) ?? articles[0] ?? null, byId };
}

/** The page's `<meta>` contents by lower-cased `property`, `name` or `itemprop`, first value kept. */
function metaTags(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of doc.getElementsByTagName("meta")) {
    const content = clean(el.getAttribute("content"));
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

function first(tags: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = tags.get(k);
    if (v) return v;
  }
  return null;
}

/** An ISO 639-1 code from a language tag such as `en-GB` or `fr_FR`; null when it is not one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

const URL_DATE = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;

/** A date written in a URL path (`/2020/02/04/`, `/2020-02-04-`, `/20200204/`), as YYYY-MM-DD. */
export function dateInUrl(url: string | null): string | null {
  if (!url) return null;
  const m = URL_DATE.exec(url.replace(/^[a-z]+:\/\/[^/]+/i, ""));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

const SEPARATOR = /\s+[|–—·»-]\s+/;
const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[’‘]/g, "'");

/**
 * A title without the site's name and sections after it ("Story | Section | Site"): the page's `<h1>` when the title
 * starts with it, else the first part when the parts after it are short (at most four words each) and it is not.
 */
function documentTitle(title: string | null, h1: string | null): string | null {
  if (!title) return null;
  if (h1 && fold(title).startsWith(fold(h1)) && h1.length > 10) return title.slice(0, h1.length);
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const words = (p: string) => p.split(/\s+/).filter(Boolean).length;
  const head = parts[0]!;
  return words(head) >= 4 && parts.slice(1).every((p) => words(p) <= 4) ? head : title;
}

/** Whether two names are the same organisation's (equal, or one inside the other, ignoring case): a site named as its own author. */
function sameName(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = fold(a).replace(/\W+/g, " ").trim();
  const y = fold(b).replace(/\W+/g, " ").trim();
  return !!x && !!y && (x === y || x.includes(y) || y.includes(x));
}

const BY = /^(by|par|von|por)\s+/i;
const BYLINE = '[itemprop="author"] [itemprop="name"], [itemprop="author"], a[rel~="author"], .byline, .author, .auteur, .auteurs, [class*="author-name"], [class*="author-link"]';

/** The first author name written in the page's byline markup (two to six words, not the site's own name). */
export function bylineInPage(doc: Document, siteName: string | null): string | null {
  for (const el of doc.querySelectorAll(BYLINE)) {
    const name = clean(el.textContent)?.replace(BY, "") ?? "";
    const words = name.split(" ").length;
    if (name.length <= 60 && words >= 2 && words <= 6 && !/\d{3}|@|https?:/.test(name) && !sameName(name, siteName)) return name;
  }
  return null;
}

const DATE_LINE = /(^|[\s_-])(date|dateline|time|published|publication|posted|pubdate|post-meta|meta)([\s_-]|$)/i;
const DATE_LANGS: Lang[] = ["en", "fr", "de", "es"];

/** A date written in the page's date line (an element whose class or id says date, time, published…), read with the extraction's date grammar. */
function dateLine(doc: Document, lang: string | null): string | null {
  const scope = doc.querySelector("article") ?? doc;
  const langs = [...new Set([...(DATE_LANGS.includes(lang as Lang) ? [lang as Lang] : []), ...DATE_LANGS])];
  for (const root of scope === doc ? [doc] : [scope, doc]) {
    for (const el of root.querySelectorAll("time, [class], [id]")) {
      if (el.tagName !== "TIME" && !DATE_LINE.test(`${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`)) continue;
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!text || text.length > 120) continue;
      for (const l of langs) {
        const hit = findTimes(text, l, null).find((t) => !t.relative && t.from === t.to && /^\d{4}-\d{2}-\d{2}$/.test(t.from));
        if (hit) return hit.from;
      }
    }
  }
  return null;
}

/**
 * Reads title, author, date, site name, canonical URL and declared language from the page's JSON-LD blocks (passed
 * as source text, so scripts can be stripped before parsing), meta tags and markup.
 */
export function readMeta(doc: Document, url: string | null, jsonLd: string[]): PageMeta {
  const { article: ld, byId } = jsonLdArticle(jsonLd);
  const tags = metaTags(doc);
  const publisher = ld ? names(ld.publisher, byId)[0] ?? null : null;
  const timeEl = doc.querySelector('[itemprop="datePublished"][datetime], [itemprop="datePublished"][content], article time[datetime], time[datetime]');
  const declaredLanguage =
    primaryLanguage(doc.documentElement?.getAttribute("lang")) ??
    primaryLanguage(doc.documentElement?.getAttribute("xml:lang")) ??
    primaryLanguage(doc.querySelector('meta[http-equiv="content-language"], meta[http-equiv="Content-Language"]')?.getAttribute("content")) ??
    primaryLanguage(typeof ld?.inLanguage === "string" ? ld.inLanguage : null) ??
    primaryLanguage(first(tags, ["og:locale"]));
  const published =
    normaliseDate(ld?.datePublished) ??
    normaliseDate(first(tags, ["article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "dc:date", "dc.date.created", "citation_publication_date", "citation_date", "bepress_citation_date", "parsely-pub-date", "sailthru.date"])) ??
    normaliseDate(timeEl?.getAttribute("datetime") ?? timeEl?.getAttribute("content")) ??
    normaliseDate(ld?.dateCreated) ??
    dateInUrl(url) ??
    dateLine(doc, declaredLanguage);
  const siteName = publisher ?? first(tags, ["og:site_name", "application-name"]);
  const ldAuthors = (ld ? names(ld.author, byId) : []).filter((a) => !sameName(a, siteName) && !sameName(a, publisher));
  const metaAuthor = first(tags, ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"]);
  const author = ldAuthors.length
    ? [...new Set(ldAuthors)].join(", ")
    : metaAuthor && !/^https?:/.test(metaAuthor) && !sameName(metaAuthor, siteName)
      ? metaAuthor.replace(BY, "")
      : null;
  const h1 = clean(doc.querySelector("h1")?.textContent);
  const title = clean(typeof ld?.headline === "string" ? ld.headline : null) ?? documentTitle(first(tags, ["og:title", "twitter:title"]), h1) ?? documentTitle(clean(doc.querySelector("title")?.textContent), h1) ?? h1;
  const canonical = absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null, url) ?? absolute(first(tags, ["og:url"]), url);

  return { title, author, published, siteName, canonicalUrl: canonical, declaredLanguage };
}

/** The catalog source whose domain is the URL's host or a parent of it; its first name, or null. */
export function outletForUrl(url: string | null, catalog: Catalog): string | null {
  let host: string;
  try {
    host = new URL(url ?? "").hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
  for (;;) {
    for (const s of catalog.sources.values()) if (s.domains.includes(host)) return s.names[0]?.text ?? null;
    const dot = host.indexOf(".");
    if (dot < 0 || host.indexOf(".", dot + 1) < 0) return null;
    host = host.slice(dot + 1);
  }
}
