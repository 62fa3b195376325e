// The ingest form's work, on the CLI's code path: a URL fetched behind the SSRF guard or a pasted text, read into a
// Document (readPage), its claims extracted (extractDocument), and on the second step stored (registerDocument).
import type { Catalog } from "../catalog/types.ts";
import { extractDocument } from "../extract/pipeline.ts";
import { extractionLanguages } from "../extract/lexicon.ts";
import type { ClaimsFile } from "../extract/types.ts";
import { decodeBytes } from "../ingest/charset.ts";
import type { Document } from "../ingest/document.ts";
import { looksLikeFeed } from "../ingest/feeds.ts";
import { FetchError, type Fetcher } from "../ingest/fetch.ts";
import { readPage, type RawPage } from "../ingest/page.ts";
import { fetchPage } from "../ingest/sources.ts";
import type { Db } from "../store/db.ts";
import { RegisterError, registerDocument, type RegisterResult } from "../store/register.ts";
import { seal, sealed } from "./csrf.ts";
import { HttpError } from "./errors.ts";

/** Longest text taken, in characters (500,000: a long report; the register is for articles). */
export const MAX_TEXT_CHARS = 500_000;
const MAX_TITLE_CHARS = 500;

/** What the form (or the JSON twin) was given; every field optional, but one of `url` and `text` is needed. */
export interface IngestInput {
  url: string;
  text: string;
  /** ISO 639-1; detected from the text when empty. */
  language: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the page's own date when empty. */
  published: string;
  /** The page's own title when empty. */
  title: string;
}

/** An input the form cannot ingest: a 422 (the input's fault) or a 502 (the remote site's), with a message to show. */
export const unprocessable = (message: string) => new HttpError(422, "unprocessable", message);

/** The fields of a form or JSON body as strings; anything else than a string (or nothing) is a 400. */
export function ingestInput(body: Record<string, unknown>): IngestInput {
  const field = (k: keyof IngestInput) => {
    const v = body[k] ?? "";
    if (typeof v !== "string") throw new HttpError(400, "bad-request", `${k} must be a string`);
    return k === "text" ? v : v.trim();
  };
  return { url: field("url"), text: field("text"), language: field("language"), published: field("published"), title: field("title") };
}

/** Why the form's options are not usable, or null. */
function optionsProblem(input: IngestInput): string | null {
  const languages = extractionLanguages();
  if (input.language && !languages.includes(input.language)) return `language "${input.language}" is not supported for extraction (supported: ${languages.join(", ")})`;
  if (input.published && !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(input.published)) return `published takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${input.published}")`;
  if (input.title.length > MAX_TITLE_CHARS) return `the title is over ${MAX_TITLE_CHARS} characters`;
  return null;
}

/** Why a fetch failed, in the form's words (the CLI's messages name its flags). */
function fetchProblem(e: FetchError): HttpError {
  switch (e.code) {
    case "ssrf-refused":
      return unprocessable(`${e.url} was not fetched: ${e.message.replace(/^refused: /, "").replace(/; use --allow-private.*$/, "")}. The server does not fetch loopback, private or link-local addresses.`);
    case "too-large":
      return unprocessable(`the page at ${e.url} is larger than the server reads; paste the article's text instead`);
    case "bad-url":
      return unprocessable(`${e.url} is not an http or https URL`);
    default:
      return new HttpError(502, "bad-gateway", `the page could not be fetched: ${e.message.replace(/; raise it with --\w+/, "")}`);
  }
}

async function load(input: IngestInput, fetcher: Fetcher): Promise<RawPage> {
  if (input.url && input.text.trim()) throw unprocessable("give a URL or a text, not both");
  if (input.url) {
    if (!/^https?:\/\//i.test(input.url)) throw unprocessable(`"${input.url}" is not an http or https URL`);
    try {
      return await fetchPage(input.url, fetcher);
    } catch (e) {
      if (e instanceof FetchError) throw fetchProblem(e);
      throw e;
    }
  }
  if (!input.text.trim()) throw unprocessable("the text is empty: paste an article's text, or give its URL");
  if (input.text.length > MAX_TEXT_CHARS) throw unprocessable(`the text is ${input.text.length} characters long, over the ${MAX_TEXT_CHARS} character limit`);
  return { input: "pasted text", url: null, bytes: Buffer.from(input.text, "utf8"), contentType: "text/plain; charset=utf-8", html: false };
}

/** Reads the input into a Document with the form's options applied; a refusal is an HttpError with a message to show. */
export async function readInput(input: IngestInput, fetcher: Fetcher, catalog: Catalog): Promise<{ document: Document; warnings: string[] }> {
  const problem = optionsProblem(input);
  if (problem) throw unprocessable(problem);
  const raw = await load(input, fetcher);
  if (looksLikeFeed(decodeBytes(raw.bytes.subarray(0, 4096), raw.contentType).text)) throw unprocessable(`${input.url} is a feed, not an article: give one article's URL (bin/dossier ingest reads whole feeds)`);
  const read = readPage(raw, catalog);
  if ("skipped" in read) throw unprocessable(`${input.url || "the text"} holds no article to read: ${read.skipped}`);
  const document = { ...read.document };
  if (document.text.length > MAX_TEXT_CHARS) throw unprocessable(`the article's text is ${document.text.length} characters long, over the ${MAX_TEXT_CHARS} character limit`);
  if (input.language) document.language = input.language;
  if (input.published) document.published = input.published;
  if (input.title) document.title = input.title;
  const languages = extractionLanguages();
  if (!document.language) throw unprocessable(`the language of the text could not be told: choose it (supported: ${languages.join(", ")})`);
  if (!languages.includes(document.language)) throw unprocessable(`the text reads as "${document.language}", which is not supported for extraction (supported: ${languages.join(", ")}); choose the language if that is wrong`);
  return { document, warnings: read.warnings };
}

/** A document as the preview hands it to the store step: its JSON and this process's seal of it. */
export function sealDocument(document: Document): { document: string; seal: string } {
  const json = JSON.stringify(document);
  return { document: json, seal: seal(json) };
}

/** The document a preview sealed; a missing or broken seal is a 403 (the store step takes only what was shown). */
export function unsealDocument(body: Record<string, unknown>): Document {
  const json = body.document;
  if (typeof json !== "string" || !sealed(json, body.seal)) throw new HttpError(403, "forbidden", "the document to store is not the one this server showed: read the article again");
  return JSON.parse(json) as Document;
}

/** Extracts and stores a document, one transaction, as `bin/dossier ingest` does. */
export async function storeDocument(db: Db, document: Document, catalog: Catalog): Promise<{ claims: ClaimsFile; stored: RegisterResult }> {
  const claims = extractDocument(document, catalog);
  try {
    return { claims, stored: await registerDocument(db, document, claims, { catalog }) };
  } catch (e) {
    if (e instanceof RegisterError) throw unprocessable(e.message);
    throw e;
  }
}
