import type { Assertion } from "../../assess/assess.ts";
import type { RegisterVerdict } from "../../assess/register.ts";
import { VERDICT_WORDS } from "../../reference/check.ts";
import type { Catalog } from "../../catalog/types.ts";
import { getAssertion } from "../../store/queries.ts";
import { claimsByIds, type StoredClaim } from "../../store/documents.ts";
import type { Db } from "../../store/db.ts";
import { claimSources } from "../../store/sources.ts";
import { fieldList, gradeText, money, stateName, systemLink, when } from "../format.ts";
import { outletHref, sourceHref } from "./source.ts";
import { provenanceSvg } from "../graph.ts";
import { html, safeHref, type Html } from "../html.ts";

/** The assertion page's data: the whole assertion, and where each member claim's evidence sits in its document. */
export interface AssertionData {
  assertion: Assertion;
  evidence: { claim: string; document: string; anchor: string; href: string; rules: string[] }[];
  /** The register's sources behind each member claim, origin first, for links to their pages. */
  sources: Record<string, { id: string; written: string }[]>;
}

/** Loads an assertion (by id or unique prefix) and its members' claim rows. */
export async function assertionData(db: Db, id: string): Promise<AssertionData> {
  const assertion = await getAssertion(db, id);
  const rows = new Map((await claimsByIds(db, assertion.members.map((m) => m.claim))).map((c) => [c.id, c] as const));
  const evidence = assertion.members.flatMap((m) => {
    const c: StoredClaim | undefined = rows.get(m.claim);
    if (!c) return [];
    const anchor = `claim-${c.idx}`;
    return [{ claim: m.claim, document: m.document, anchor, href: `/documents/${encodeURIComponent(m.document)}#${anchor}`, rules: c.rules }];
  });
  return { assertion, evidence, sources: Object.fromEntries(await claimSources(db, assertion.members.map((m) => m.claim))) };
}

/** What the imported reference register says: the verdict, the record that tells the transfer, and whether it counts. */
function registerSection(r: RegisterVerdict): Html {
  return html`<section aria-labelledby="register-h" class="register"><h2 id="register-h">Reference register: ${r.name}</h2>
<p><strong>${VERDICT_WORDS[r.verdict]}</strong> — ${r.why}.</p>
${r.record ? html`<p class="record">Record (line ${r.record.line} of the export it came from): ${r.record.text}</p>` : ""}
${r.differs.length ? html`<ul class="differs">${r.differs.map((d) => html`<li>differs on ${d.field}: ${d.note}</li>`)}</ul>` : ""}
</section>`;
}

/** A member's chain with each name the register resolved linked to its source page, then the document's outlet. */
function chainLinks(catalog: Catalog, m: Assertion["members"][number], sources: { id: string; written: string }[]): Html {
  const ids = new Map(sources.map((s) => [s.written, s.id] as const));
  const names = m.chain.map((name) => {
    const id = ids.get(name);
    return id ? html`<a class="source" href="${sourceHref(id)}">${name}</a>` : html`${name}`;
  });
  const outlet = outletHref(catalog, m.outlet);
  const publisher = outlet ? html`<a class="source" href="${outlet}">${m.outlet}</a>` : html`${m.outlet ?? m.document}`;
  return html`${[...names, publisher].map((n, i) => html`${i ? " → " : ""}${n}`)}`;
}

/** The assertion page: fields, conflicts side by side, the grade in words, the graph, and each member's evidence. */
export function assertionPage(catalog: Catalog, d: AssertionData): Html {
  const a = d.assertion;
  const link = new Map(d.evidence.map((e) => [e.claim, e] as const));
  const member = new Map(a.members.map((m) => [m.claim, m] as const));
  const fields: [string, Html | string][] = [
    ["Supplier", stateName(catalog, a.supplier)],
    ["Recipient", stateName(catalog, a.recipient)],
    ["Intermediary", a.intermediary ? stateName(catalog, a.intermediary) : "–"],
    ["System", systemLink(catalog, a.item.name)],
    ["Category", a.item.category],
    ["Quantity", a.quantity === null ? "–" : String(a.quantity)],
    ["Value", money(a.value)],
    ["Time", when(a.time)],
    ["Stage", a.status],
    ["Stance", a.stance],
    ["Independent origins", html`<span id="origins">${a.independentOrigins}</span>${a.origins.length ? ` (${a.origins.join("; ")})` : ""}`],
    ["Reference register", a.register ? html`<span id="register" data-verdict="${a.register.verdict}" data-counted="${String(a.register.counted)}">${VERDICT_WORDS[a.register.verdict]}</span>${a.register.counted ? " · counted as an origin" : " · not counted as an origin"}` : "none imported"],
    ["Denied by", a.denials.join("; ") || "–"],
    ["Circular reporting", a.circular ? `yes: ${a.loop.join(" → ")}` : "no"],
    ["Documents", html`${a.documents.map((doc, i) => html`${i ? ", " : ""}<a href="/documents/${encodeURIComponent(doc.id)}">${doc.outlet ?? doc.id}</a>`)}`],
  ];
  const conflicts = a.conflictDetails.map(
    (c) => html`<section class="conflict" data-kind="${c.kind}"><h3>${c.kind}</h3><div class="sides">${c.values.map(
      (v) => html`<div class="side"><p class="value">${v.value}</p><p>according to</p><ul>${v.claims.map((id) => {
        const m = member.get(id);
        const e = link.get(id);
        const who = m ? `${m.outlet ?? m.document}${m.origin ? ` (origin: ${m.origin})` : ""}` : id;
        return html`<li>${e ? html`<a href="${e.href}">${who}</a>` : who}</li>`;
      })}</ul></div>`,
    )}</div></section>`,
  );
  const members = a.members.map((m) => {
    const e = link.get(m.claim);
    const href = safeHref(a.documents.find((x) => x.id === m.document)?.url);
    return html`<li class="member${m.stance === "denied" ? " denied" : ""}">
<blockquote><p>${e ? html`<a class="evidence" href="${e.href}">${m.evidence}</a>` : m.evidence}</p></blockquote>
<p class="who">${m.outlet ?? m.document}${m.published ? `, ${m.published}` : ""} · chain: ${chainLinks(catalog, m, d.sources[m.claim] ?? [])} · ${m.stance}${m.optional ? " · optional, not counted" : ""}${m.circular ? " · circular" : ""}${href ? html` · <a href="${href}" rel="noopener noreferrer nofollow">original</a>` : ""}</p>
<ul class="why">${m.resolution.map((r) => html`<li>${r}</li>`)}</ul>
${e && e.rules.length ? html`<p class="rules">read by ${e.rules.join(", ")}</p>` : ""}
</li>`;
  });
  const merged = a.merged.map((r) => html`<li><code>${r.claim}</code>: ${r.joined ? r.because.join("; ") : "first member"}</li>`);
  return html`<h1>${stateName(catalog, a.supplier)} → ${stateName(catalog, a.recipient)}: ${a.item.name ?? a.item.category}</h1>
<p class="grade-line">Grade <strong class="grade">${gradeText(a)}</strong> · <span class="id">assertion ${a.id}</span></p>
${fieldList(fields)}
<section aria-labelledby="grade-h"><h2 id="grade-h">Why this grade</h2><p class="explanation">${a.grade.explanation}</p></section>
<section aria-labelledby="graph-h"><h2 id="graph-h">Provenance</h2><div class="graph">${provenanceSvg(a)}</div></section>
${a.register ? registerSection(a.register) : ""}
${a.conflictDetails.length ? html`<section aria-labelledby="conflicts-h"><h2 id="conflicts-h">Conflicts</h2>${conflicts}</section>` : ""}
<section aria-labelledby="evidence-h"><h2 id="evidence-h">Evidence</h2><ol class="members">${members}</ol></section>
${a.sameParty.length ? html`<section><h2>Counted as one source</h2><ul>${a.sameParty.map((s) => html`<li>${s}</li>`)}</ul></section>` : ""}
<section><h2>Why these claims were merged</h2><ul class="merged">${merged}</ul></section>`;
}
