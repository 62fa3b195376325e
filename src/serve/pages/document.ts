import type { Catalog } from "../../catalog/types.ts";
import { documentAssertions, documentClaims, documentCopies, getDocument, type StoredClaim, type StoredDocument } from "../../store/documents.ts";
import type { Db } from "../../store/db.ts";
import { addressLink, fieldList, stateName } from "../format.ts";
import { html, type Html } from "../html.ts";

/** One claim as the document page marks it: where its evidence is, what it was read as, and which rules read it. */
export interface MarkedClaim {
  anchor: string;
  idx: number;
  start: number | null;
  end: number | null;
  /** `span` when the extractor recorded offsets, `found` when the evidence was searched for in the text, `missing` when neither. */
  located: "span" | "found" | "missing";
  readAs: string;
  rules: string[];
  evidence: string;
}

/** The document page's data. */
export interface DocumentData {
  document: Omit<StoredDocument, "content_hash" | "claims_hash" | "title_key">;
  claims: MarkedClaim[];
  copies: Awaited<ReturnType<typeof documentCopies>>;
  assertions: { id: string; claimIdx: number }[];
}

function readAs(catalog: Catalog, c: StoredClaim): string {
  const parts = [
    `${stateName(catalog, c.supplier)} → ${stateName(catalog, c.recipient)}`,
    c.intermediary ? `via ${c.intermediary}` : null,
    `${c.item_name ?? "(no system named)"} (${c.category})`,
    c.quantity === null ? null : `quantity ${c.quantity}`,
    c.value_amount === null ? null : `value ${c.value_amount} ${c.value_currency ?? ""}`.trim(),
    c.time_from ? `time ${c.time_from === c.time_to ? c.time_from : `${c.time_from}..${c.time_to}`}` : null,
    c.status,
    c.stance,
    c.chain.length ? `according to ${c.chain.join(" → ")}` : "in the document's own voice",
  ];
  return parts.filter(Boolean).join("; ");
}

/** Where a claim's evidence sits: its recorded span, else the first place the evidence sentence occurs. */
function locate(text: string, c: StoredClaim): Pick<MarkedClaim, "start" | "end" | "located"> {
  if (c.span_start !== null && c.span_end !== null && c.span_end <= text.length && c.span_start < c.span_end) return { start: c.span_start, end: c.span_end, located: "span" };
  const at = c.evidence ? text.indexOf(c.evidence) : -1;
  return at >= 0 ? { start: at, end: at + c.evidence.length, located: "found" } : { start: null, end: null, located: "missing" };
}

/** Loads a document with its claims located in its text. */
export async function documentData(db: Db, catalog: Catalog, id: string): Promise<DocumentData> {
  const { content_hash: _c, claims_hash: _h, title_key: _t, ...document } = await getDocument(db, id);
  const claims = (await documentClaims(db, id)).map((c) => ({ anchor: `claim-${c.idx}`, idx: c.idx, ...locate(document.text, c), readAs: readAs(catalog, c), rules: c.rules, evidence: c.evidence }));
  return { document, claims, copies: await documentCopies(db, id), assertions: await documentAssertions(db, id) };
}

const ruleWords = (rules: string[]) => (rules.length ? `read by ${rules.join(", ")}` : "no rule recorded (a claims file without rules)");

/**
 * The text with one <mark> per stretch of evidence. Claims whose evidence overlaps share the first one's mark;
 * the others get an empty anchor just before it, so every claim-N link lands on its sentence.
 */
export function highlighted(text: string, claims: MarkedClaim[]): Html {
  const located = claims.filter((c) => c.start !== null).sort((a, b) => a.start! - b.start! || a.idx - b.idx);
  const groups: MarkedClaim[][] = [];
  let end = -1;
  for (const c of located) {
    if (groups.length && c.start! < end) groups[groups.length - 1]!.push(c);
    else groups.push([c]);
    end = Math.max(end, c.end!);
  }
  const out: Html[] = [];
  let at = 0;
  for (const g of groups) {
    const start = g[0]!.start!;
    const stop = Math.max(...g.map((c) => c.end!));
    const title = g.map((c) => `Claim ${c.idx}: ${c.readAs}. ${ruleWords(c.rules)}`).join("\n");
    out.push(html`${text.slice(at, start)}${g.slice(1).map((c) => html`<span class="anchor" id="${c.anchor}"></span>`)}<mark id="${g[0]!.anchor}" tabindex="0" title="${title}" data-read="${title}">${text.slice(start, stop)}</mark>`);
    at = stop;
  }
  out.push(html`${text.slice(at)}`);
  return html`${out}`;
}

/** The document page: metadata, the text with its claims marked, the claims listed, copies and assertions. */
export function documentPage(catalog: Catalog, d: DocumentData): Html {
  const doc = d.document;
  const meta: [string, Html | string][] = [
    ["Outlet", doc.outlet ?? "–"],
    ["Published", doc.published ?? "–"],
    ["Language", doc.language ?? "–"],
    ["Author", doc.author ?? "–"],
    ["Address", addressLink(doc.url, "–")],
    ["Read by", doc.extractor_version],
    ["Document id", doc.id],
  ];
  const missing = d.claims.filter((c) => c.located === "missing");
  return html`<h1>${doc.title ?? doc.id}</h1>
${fieldList(meta)}
<div class="doc-layout">
<article class="text" lang="${doc.language ?? ""}">${highlighted(doc.text, d.claims)}</article>
<aside class="doc-side">
<section><h2>Claims</h2><ol class="claims">${d.claims.map(
    (c) => html`<li value="${c.idx}">${c.located === "missing" ? html`<span id="${c.anchor}"></span>` : ""}<a href="#${c.anchor}">${c.readAs}</a><br><span class="rules">${ruleWords(c.rules)}${c.located === "found" ? " · evidence located by its wording" : ""}${c.located === "missing" ? " · evidence not found in the text" : ""}</span>${d.assertions
      .filter((x) => x.claimIdx === c.idx)
      .map((x) => html` · <a href="/assertions/${x.id}">assertion ${x.id}</a>`)}</li>`,
  )}</ol>${missing.length ? html`<p class="note">${missing.length} claim${missing.length === 1 ? "" : "s"} could not be placed in the text.</p>` : ""}</section>
<section><h2>Near-duplicates</h2>${d.copies.length ? html`<ul>${d.copies.map((c) => html`<li>${c.relation === "copy-of" ? "copy of" : "copied by"} <a href="/documents/${encodeURIComponent(c.id)}">${c.outlet ?? c.id}: ${c.title ?? c.id}</a> (found by ${c.foundBy})</li>`)}</ul>` : html`<p>none found</p>`}</section>
</aside>
</div>`;
}
