import type { Assertion, Member } from "../../assess/assess.ts";
import type { Catalog } from "../../catalog/types.ts";
import type { Db } from "../../store/db.ts";
import { assertionsByIds } from "../../store/queries.ts";
import { getSource, sourceClaims, type SourceClaim, type StoredSource } from "../../store/sources.ts";
import { sourceDescriber } from "../../resolve/names.ts";
import { fieldList, stateName } from "../format.ts";
import { relays } from "../graph.ts";
import { html, type Html } from "../html.ts";

/**
 * What a source did in a claim, as the provenance graph draws it: `originated` (the first link of the chain, or a
 * publisher in its own voice), `relayed` (it passed on another's report: later in the chain, resolved through its
 * own page, or publishing what it cites), or `denied` (the first link of a denial).
 */
export type SourceRole = "originated" | "relayed" | "denied";

/** A claim a source stands behind, with its role. */
export interface SourceClaimRole extends SourceClaim {
  role: SourceRole;
}

/** One assertion a source stands behind: its roles in it, and whether another independent origin bears it out. */
export interface SourceAssertion {
  id: string;
  supplier: string | null;
  recipient: string | null;
  item: Assertion["item"];
  independentOrigins: number;
  roles: SourceRole[];
  /** It originated a claim of the assertion, and at least one other independent origin reports it too. */
  corroborated: boolean;
}

function roleOf(c: SourceClaim, member: Member | undefined): SourceRole {
  if (c.via === "published") return c.position === 0 ? "originated" : "relayed";
  if (c.position > 0 || (member && relays(member).includes(c.written))) return "relayed";
  return c.stance === "denied" ? "denied" : "originated";
}

/** The source page's data. */
export interface SourceData {
  source: StoredSource;
  summary: { originated: number; relayed: number; denied: number; assertions: number; originatedAssertions: number; corroborated: number };
  claims: SourceClaimRole[];
  assertions: SourceAssertion[];
  documents: { id: string; title: string | null; outlet: string | null; published: string | null; via: SourceClaim["via"] }[];
}

/** A catalog source that no chain cites yet (an outlet that only publishes in its own voice), as the register would store it. */
function catalogSource(catalog: Catalog, id: string): StoredSource | null {
  const entry = id.startsWith("source:") ? catalog.sources.get(id.slice("source:".length)) : undefined;
  return entry ? { id, name: entry.names[0]?.text ?? id, kind: "catalog", type: entry.type, catalog_id: id, state: entry.country } : null;
}

/** The page of the catalog source an outlet's name stands for, or null. */
export function outletHref(catalog: Catalog, outlet: string | null): string | null {
  if (!outlet) return null;
  const ref = sourceDescriber(catalog, null)(outlet);
  return ref.kind === "catalog" ? sourceHref(ref.id) : null;
}

/** Loads a source (by its register id, or a catalog source id) with the claims it originated or relayed, their assertions and documents. */
export async function sourceData(db: Db, catalog: Catalog, id: string): Promise<SourceData> {
  const source = await getSource(db, id).catch((e: unknown) => catalogSource(catalog, id) ?? Promise.reject(e));
  const entry = source.catalog_id ? catalog.sources.get(source.catalog_id.replace(/^source:/, "")) : undefined;
  const names = [source.name, ...(entry?.names.map((n) => n.text) ?? [])];
  const found = await sourceClaims(db, id, source.kind === "catalog" ? names : []);
  const loaded = await assertionsByIds(db, [...new Set(found.flatMap((c) => (c.assertion ? [c.assertion] : [])))]);
  const members = new Map(loaded.flatMap((a) => a.members.map((m) => [m.claim, m] as const)));
  const claims = found.map((c) => ({ ...c, role: roleOf(c, members.get(c.claim)) }));
  const assertions = loaded.map((a): SourceAssertion => {
    const roles = [...new Set(claims.filter((c) => c.assertion === a.id).map((c) => c.role))].sort();
    return { id: a.id, supplier: a.supplier, recipient: a.recipient, item: a.item, independentOrigins: a.independentOrigins, roles, corroborated: roles.includes("originated") && a.independentOrigins >= 2 };
  });
  const documents = new Map<string, SourceData["documents"][number]>();
  for (const c of claims) if (!documents.has(c.document)) documents.set(c.document, { id: c.document, title: c.title, outlet: c.outlet, published: c.published, via: c.via });
  const originatedAssertions = assertions.filter((a) => a.roles.includes("originated"));
  return {
    source,
    summary: {
      originated: claims.filter((c) => c.role === "originated").length,
      relayed: claims.filter((c) => c.role === "relayed").length,
      denied: claims.filter((c) => c.role === "denied").length,
      assertions: assertions.length,
      originatedAssertions: originatedAssertions.length,
      corroborated: originatedAssertions.filter((a) => a.corroborated).length,
    },
    claims,
    assertions,
    documents: [...documents.values()],
  };
}

/** A source's page address. */
export const sourceHref = (id: string) => `/sources/${encodeURIComponent(id)}`;

function claimList(catalog: Catalog, claims: SourceClaimRole[], assertions: Map<string, SourceAssertion>): Html {
  if (claims.length === 0) return html`<p>none</p>`;
  return html`<ol class="source-claims">${claims.map((c) => {
    const a = c.assertion ? assertions.get(c.assertion) : undefined;
    return html`<li><blockquote><p><a class="evidence" href="/documents/${encodeURIComponent(c.document)}#claim-${c.idx}">${c.evidence}</a></p></blockquote>
<p class="who">${c.outlet ?? c.document}${c.published ? `, ${c.published}` : ""} · ${c.via === "published" ? "in its own document" : `cited as “${c.written}”`}${a ? html` · <a href="/assertions/${a.id}">${stateName(catalog, a.supplier)} → ${stateName(catalog, a.recipient)}: ${a.item.name ?? a.item.category}</a>` : ""}</p></li>`;
  })}</ol>`;
}

/** The source page: what it originated and what it relayed, the assertions behind them, and the documents. */
export function sourcePage(catalog: Catalog, d: SourceData): Html {
  const s = d.source;
  const byId = new Map(d.assertions.map((a) => [a.id, a] as const));
  const fields: [string, Html | string][] = [
    ["Kind", s.type ? `${s.kind} (${s.type})` : s.kind],
    ["State", s.state ? html`<a href="/countries/${s.state}">${stateName(catalog, s.state)}</a>` : "–"],
    ["Originated", `${d.summary.originated} claim${d.summary.originated === 1 ? "" : "s"}`],
    ["Relayed", `${d.summary.relayed} claim${d.summary.relayed === 1 ? "" : "s"}`],
    ["Denied", `${d.summary.denied} claim${d.summary.denied === 1 ? "" : "s"}`],
    ["Corroborated", d.summary.originatedAssertions ? `of the ${d.summary.originatedAssertions} assertion${d.summary.originatedAssertions === 1 ? "" : "s"} it originated, ${d.summary.corroborated} also ha${d.summary.corroborated === 1 ? "s" : "ve"} another independent origin` : "–"],
    ["Source id", s.id],
  ];
  return html`<h1>${s.name}</h1>
${fieldList(fields)}
<section aria-labelledby="assertions-h"><h2 id="assertions-h">Assertions</h2>${d.assertions.length ? html`<ul class="source-assertions">${d.assertions.map(
    (a) => html`<li data-roles="${a.roles.join(" ")}"><a href="/assertions/${a.id}">${stateName(catalog, a.supplier)} → ${stateName(catalog, a.recipient)}: ${a.item.name ?? a.item.category}</a> · ${a.roles.join(" and ")} · ${a.independentOrigins} independent origin${a.independentOrigins === 1 ? "" : "s"}${a.corroborated ? " · corroborated" : ""}</li>`,
  )}</ul>` : html`<p>none</p>`}</section>
<div class="sides"><section class="side originated" aria-labelledby="originated-h"><h2 id="originated-h">Originated</h2><p class="hint">First in the chain of sources, or in its own voice in its own document.</p>${claimList(catalog, d.claims.filter((c) => c.role === "originated"), byId)}</section>
<section class="side relayed" aria-labelledby="relayed-h"><h2 id="relayed-h">Relayed</h2><p class="hint">Passing on what another source said.</p>${claimList(catalog, d.claims.filter((c) => c.role === "relayed"), byId)}</section></div>
${d.summary.denied ? html`<section class="denied" aria-labelledby="denied-h"><h2 id="denied-h">Denied</h2>${claimList(catalog, d.claims.filter((c) => c.role === "denied"), byId)}</section>` : ""}
<section aria-labelledby="documents-h"><h2 id="documents-h">Documents</h2><ul>${d.documents.map((doc) => html`<li><a href="/documents/${encodeURIComponent(doc.id)}">${doc.title ?? doc.id}</a> · ${doc.outlet ?? "–"}${doc.published ? `, ${doc.published}` : ""}${doc.via === "published" ? " · published by it" : ""}</li>`)}</ul></section>`;
}
