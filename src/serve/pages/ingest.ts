import type { Catalog } from "../../catalog/types.ts";
import { extractionLanguages } from "../../extract/lexicon.ts";
import { extractDocument } from "../../extract/pipeline.ts";
import type { Claim, ClaimsFile } from "../../extract/types.ts";
import type { Document } from "../../ingest/document.ts";
import type { RegisterResult } from "../../store/register.ts";
import { MAX_BODY_BYTES } from "../body.ts";
import { formToken } from "../csrf.ts";
import { addressLink, fieldList, money, stateName, when } from "../format.ts";
import { html, type Html } from "../html.ts";
import { HttpError } from "../errors.ts";
import { ingestInput, MAX_TEXT_CHARS, readInput, sealDocument, storeDocument, unsealDocument, type IngestInput } from "../ingest.ts";
import type { Answer, PostCtx } from "../routes.ts";

/** What GET /ingest.json describes: the fields the form takes and its limits. */
export function ingestFormData() {
  return {
    fields: ["url", "text", "language", "published", "title"],
    languages: extractionLanguages(),
    limits: { maxBodyBytes: MAX_BODY_BYTES, maxTextChars: MAX_TEXT_CHARS },
  };
}

const EMPTY: IngestInput = { url: "", text: "", language: "", published: "", title: "" };

/** The form, filled with what was sent before; `error` is shown above it; no heading when `heading` is null. */
export function ingestForm(input: IngestInput = EMPTY, error: string | null = null, heading: string | null = "Add an article"): Html {
  const languages = extractionLanguages();
  return html`${heading ? html`<h1>${heading}</h1>` : ""}
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<form class="ingest" method="post" action="/ingest">
<input type="hidden" name="csrf" value="${formToken()}">
<p class="hint">Give an article's address, or paste its text. Nothing is stored until you have seen what was read.</p>
<label>Address (http or https) <input name="url" type="url" value="${input.url}" placeholder="https://…"></label>
<label>or its text <textarea name="text" rows="10">${input.text}</textarea></label>
<div class="options">
<label>Language <select name="language"><option value="">detect</option>${languages.map((l) => html`<option value="${l}"${l === input.language ? html` selected` : ""}>${l}</option>`)}</select></label>
<label>Published <input name="published" value="${input.published}" placeholder="YYYY-MM-DD" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?"></label>
<label>Title <input name="title" value="${input.title}"></label>
</div>
<p><button type="submit">Read the claims</button></p>
</form>`;
}

function chainText(c: Claim): string {
  return c.sources.length ? c.sources.join(" → ") : "the document's own voice";
}

/** One extracted transfer as the preview lists it: its fields, its chain and its evidence sentence. */
function transferItem(catalog: Catalog, c: Claim, i: number): Html {
  const fields: [string, string][] = [
    ["Supplier", stateName(catalog, c.supplier)],
    ["Recipient", stateName(catalog, c.recipient)],
    ["Intermediary", c.intermediary ? stateName(catalog, c.intermediary) : "–"],
    ["System", c.item.name ?? "(no system named)"],
    ["Category", c.item.category],
    ["Maker", c.maker ?? "–"],
    ["Quantity", c.quantity === null ? "–" : String(c.quantity)],
    ["Value", money(c.value)],
    ["Time", when(c.time)],
    ["Stage", c.status],
    ["Stance", c.stance],
    ["Targets", c.targets.join("; ") || "–"],
    ["Chain", chainText(c)],
  ];
  return html`<li class="transfer" id="transfer-${i}">
<h3>${stateName(catalog, c.supplier)} → ${stateName(catalog, c.recipient)}: ${c.item.name ?? c.item.category}</h3>
${fieldList(fields)}
<blockquote><p class="evidence">${c.evidence}</p></blockquote>
<p class="rules">read by ${c.rules.join(", ") || "no rule recorded"}</p>
</li>`;
}

/** The document's metadata as read. */
function documentFields(d: Document): Html {
  const meta: [string, Html | string][] = [
    ["Title", d.title ?? "–"],
    ["Outlet", d.outlet ?? "–"],
    ["Published", d.published ?? "–"],
    ["Language", d.language ?? "–"],
    ["Address", addressLink(d.url, "pasted text")],
    ["Length", `${d.text.length} characters`],
    ["Document id", d.id],
  ];
  return fieldList(meta);
}

/** The preview: what was read, each transfer found, a button that stores exactly this, and the form again. */
export function previewPage(catalog: Catalog, input: IngestInput, document: Document, claims: ClaimsFile, warnings: string[]): Html {
  const { document: json, seal } = sealDocument(document);
  const n = claims.transfers.length;
  return html`<h1>Read: ${document.title ?? document.outlet ?? "pasted text"}</h1>
${documentFields(document)}
${warnings.length ? html`<ul class="warnings">${warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ""}
<section aria-labelledby="found-h"><h2 id="found-h">${n} transfer${n === 1 ? "" : "s"} found</h2>
${n ? html`<ol class="transfers">${claims.transfers.map((c, i) => transferItem(catalog, c, i))}</ol>` : html`<p>No transfer claim was found in this text. Storing it still keeps the document, and searching finds it.</p>`}
</section>
<form class="store" method="post" action="/ingest">
<input type="hidden" name="csrf" value="${formToken()}">
<input type="hidden" name="document" value="${json}">
<input type="hidden" name="seal" value="${seal}">
<p><button type="submit">Store in the register</button></p>
</form>
<details class="again"><summary>Read it again with other options</summary>${ingestForm(input, null, null)}</details>`;
}

/** After storing: what the register did, and where to look. */
export function storedPage(document: Document, r: RegisterResult): Html {
  const words = { added: "added to the register", updated: "updated in the register (its claims were replaced)", unchanged: "already in the register as it is: nothing changed" };
  const touched = [...r.assertions.created.map((id) => [id, "new"] as const), ...r.assertions.updated.map((id) => [id, "updated"] as const)];
  return html`<h1>Stored</h1>
<p class="stored" data-status="${r.status}"><a href="/documents/${encodeURIComponent(r.document)}">${document.title ?? r.document}</a> was ${words[r.status]}, with ${r.claims} claim${r.claims === 1 ? "" : "s"}.</p>
${touched.length ? html`<h2>Assertions</h2><ul class="touched">${touched.map(([id, how]) => html`<li><a href="/assertions/${id}">${id}</a> (${how})</li>`)}</ul>` : ""}
${r.assertions.removed.length ? html`<p>${r.assertions.removed.length} assertion${r.assertions.removed.length === 1 ? "" : "s"} merged away.</p>` : ""}
<p><a href="/">The register</a> · <a href="/ingest">Add another article</a></p>`;
}

/**
 * POST /ingest: a first step reads and previews; the form's second step sends the sealed document back and stores
 * it; the JSON twin stores in one step when `store` is true. A refused input gives the form back, filled, with why.
 */
export async function ingestAnswer({ db, catalog, fetcher, body, json }: PostCtx): Promise<Answer> {
  if (!json && body.document !== undefined) {
    const document = unsealDocument(body);
    const { stored } = await storeDocument(db, document, catalog);
    return { kind: "page", title: "Stored", data: { stored }, html: () => storedPage(document, stored) };
  }
  if (json && body.store !== undefined && typeof body.store !== "boolean") throw new HttpError(400, "bad-request", "store must be true or false");
  const input = ingestInput(body);
  let read;
  try {
    read = await readInput(input, fetcher, catalog);
  } catch (e) {
    if (json || !(e instanceof HttpError)) throw e;
    return { kind: "page", title: "Add an article", status: e.status, data: {}, html: () => ingestForm(input, e.message) };
  }
  const { document, warnings } = read;
  if (json && body.store === true) {
    const { claims, stored } = await storeDocument(db, document, catalog);
    return { kind: "page", title: "Stored", data: { document, claims, warnings, stored }, html: () => storedPage(document, stored) };
  }
  const claims = extractDocument(document, catalog);
  return { kind: "page", title: "Preview", data: { document, claims, warnings, stored: null }, html: () => previewPage(catalog, input, document, claims, warnings) };
}
