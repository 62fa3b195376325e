import { XMLParser } from "fast-xml-parser";
import { normaliseDate } from "./dates.ts";

/** One item of an RSS or Atom feed: the article it links to. */
export interface FeedItem {
  url: string;
  title: string | null;
  /** YYYY-MM-DD when the item carries a date. */
  published: string | null;
}

/** A feed that cannot be read; `code` is stable. */
export class FeedError extends Error {
  readonly code = "feed-invalid";
}

/** Whether a text is an RSS 2.0, RSS 1.0 (RDF) or Atom document, judged from its root element. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 4096).replace(/<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, "").trimStart();
  return /^<(rss|feed|rdf:RDF)\b/i.test(head);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  htmlEntities: false,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

type Node = Record<string, unknown>;

function textOf(v: unknown): string | null {
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === "string" || typeof v === "number") return String(v).replace(/\s+/g, " ").trim() || null;
  if (v && typeof v === "object" && "#text" in v) return textOf((v as Node)["#text"]);
  return null;
}

function resolve(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

/** The article link of an Atom entry: its `rel="alternate"` (or rel-less) link, else its first. */
function atomLink(links: unknown): string | null {
  const list = (Array.isArray(links) ? links : [links]).filter((l): l is Node => !!l && typeof l === "object");
  const pick = list.find((l) => !l["@rel"] || l["@rel"] === "alternate") ?? list[0];
  return typeof pick?.["@href"] === "string" ? pick["@href"] : null;
}

/** The items of an RSS 2.0, RSS 1.0 or Atom feed, links made absolute against `base`; items without a usable link are left out. */
export function parseFeed(xml: string, base: string | null = null): FeedItem[] {
  let doc: Node;
  try {
    // A DOCTYPE can declare entities that expand without bound; feeds have no use for one.
    doc = parser.parse(xml.replace(/<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/gi, "")) as Node;
  } catch (e) {
    throw new FeedError(`not a readable feed: ${(e as Error).message.split("\n")[0]}`);
  }
  const out: FeedItem[] = [];
  const rss = (doc.rss as Node | undefined)?.channel as Node | undefined;
  const rdf = doc.RDF as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const items = ((rss?.item ?? rdf?.item ?? []) as Node[]).filter(Boolean);
    for (const it of items) {
      const guid = it.guid as Node | string | undefined;
      const permalink = typeof guid === "object" && guid["@isPermaLink"] !== "false" ? textOf(guid) : typeof guid === "string" ? guid : null;
      const url = resolve(textOf(it.link) ?? (permalink && /^https?:/.test(permalink) ? permalink : null), base);
      if (url) out.push({ url, title: textOf(it.title), published: normaliseDate(textOf(it.pubDate) ?? textOf(it.date)) });
    }
  } else if (atom) {
    const feedBase = (atom["@base"] as string | undefined) ?? base;
    for (const e of (atom.entry ?? []) as Node[]) {
      const url = resolve(atomLink(e.link), feedBase);
      if (url) out.push({ url, title: textOf(e.title), published: normaliseDate(textOf(e.published) ?? textOf(e.updated)) });
    }
  } else throw new FeedError("not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)");
  return out;
}
