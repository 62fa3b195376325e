import type { AssertionSummary } from "../../assess/assess.ts";
import type { Catalog } from "../../catalog/types.ts";
import { CATEGORIES } from "../../catalog/types.ts";
import { countAssertions, FACETS, facetCounts, pageAssertions, type Facet } from "../../store/browse.ts";
import type { Db } from "../../store/db.ts";
import { gradeText, money, stateName, systemHref, when } from "../format.ts";
import { html, type Html } from "../html.ts";
import { parseRegisterQuery, registerHref, type RegisterQuery } from "../params.ts";

/** What the register page shows, and what its JSON twin answers. */
export interface RegisterData {
  total: number;
  page: number;
  perPage: number;
  pages: number;
  sort: string;
  filter: RegisterQuery["filter"];
  rows: AssertionSummary[];
  facets: Record<Facet, { value: string; count: number }[]>;
  links: { csv: string; jsonl: string; next: string | null; prev: string | null };
}

/** Loads one page of the register with its facets. */
export async function registerData(db: Db, catalog: Catalog, query: URLSearchParams): Promise<{ data: RegisterData; rq: RegisterQuery }> {
  const rq = parseRegisterQuery(query);
  const total = await countAssertions(db, catalog, rq.filter);
  const rows = await pageAssertions(db, catalog, rq.filter, rq.sort, (rq.page - 1) * rq.perPage, rq.perPage);
  const facets = await facetCounts(db, catalog, rq.filter);
  const pages = Math.max(1, Math.ceil(total / rq.perPage));
  const exportQuery = (path: string) => registerHref(path, { ...rq, page: 1, perPage: 50 });
  const data: RegisterData = {
    total,
    page: rq.page,
    perPage: rq.perPage,
    pages,
    sort: `${rq.sort.desc ? "-" : ""}${rq.sort.key}`,
    filter: rq.filter,
    rows,
    facets,
    links: {
      csv: exportQuery("/assertions.csv"),
      jsonl: exportQuery("/assertions.jsonl"),
      next: rq.page < pages ? registerHref("/", rq, { page: rq.page + 1 }) : null,
      prev: rq.page > 1 ? registerHref("/", rq, { page: rq.page - 1 }) : null,
    },
  };
  return { data, rq };
}

const COLUMNS: [string, string][] = [
  ["supplier", "Supplier"],
  ["recipient", "Recipient"],
  ["item", "System"],
  ["category", "Category"],
  ["quantity", "Qty"],
  ["value", "Value"],
  ["time", "Time"],
  ["stage", "Stage"],
  ["stance", "Stance"],
  ["origins", "Independent origins"],
  ["grade", "Grade"],
];

/** The register page. */
export function registerPage(catalog: Catalog, d: RegisterData, rq: RegisterQuery): Html {
  const head = COLUMNS.map(([key, label]) => {
    const active = rq.sort.key === key;
    const next = active && !rq.sort.desc ? `-${key}` : key;
    const mark = active ? (rq.sort.desc ? " ▼" : " ▲") : "";
    return html`<th scope="col"${active ? html` aria-sort="${rq.sort.desc ? "descending" : "ascending"}"` : ""}><a href="${registerHref("/", rq, { sort: next, page: undefined })}">${label}${mark}</a></th>`;
  });
  const body = d.rows.map(
    (a) => html`<tr>
<td data-label="Supplier">${stateLink(catalog, a.supplier)}</td>
<td data-label="Recipient">${stateLink(catalog, a.recipient)}</td>
<td data-label="System"><a href="/assertions/${a.id}">${a.item.name ?? "(no system named)"}</a>${systemIcon(catalog, a.item.name)}</td>
<td data-label="Category">${a.item.category}</td>
<td data-label="Qty" class="num">${a.quantity ?? "–"}</td>
<td data-label="Value" class="num">${money(a.value)}</td>
<td data-label="Time">${when(a.time)}</td>
<td data-label="Stage">${a.status}</td>
<td data-label="Stance">${a.stance}</td>
<td data-label="Independent origins" class="num origins">${a.independentOrigins}${a.circular ? html` <span class="flag" title="circular reporting found">circular</span>` : ""}</td>
<td data-label="Grade"><span class="grade" title="${a.grade.explanation}">${gradeText(a)}</span></td>
</tr>`,
  );
  const first = d.total === 0 ? 0 : (d.page - 1) * d.perPage + 1;
  const last = Math.min(d.total, d.page * d.perPage);
  return html`<h1>Register</h1>
${filterForm(catalog, rq)}
<div class="layout">
<aside class="facets" aria-label="Facets">${FACETS.map((f) => facetList(catalog, f, d.facets[f], rq))}</aside>
<section class="results" aria-label="Assertions">
<p class="summary"><span id="count">${d.total}</span> assertion${d.total === 1 ? "" : "s"}${d.total ? html`, rows ${first}–${last}` : ""} ·
<a id="csv" href="${d.links.csv}" download>CSV</a> · <a id="jsonl" href="${d.links.jsonl}" download>JSON Lines</a></p>
${d.total === 0 ? html`<p class="empty">No assertion matches these filters.</p>` : html`<div class="scroll"><table class="register"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`}
<nav class="pager" aria-label="Pages">${d.links.prev ? html`<a rel="prev" href="${d.links.prev}">← previous</a>` : ""} page ${d.page} of ${d.pages} ${d.links.next ? html`<a rel="next" href="${d.links.next}">next →</a>` : ""}</nav>
</section>
</div>`;
}

function stateLink(catalog: Catalog, code: string | null): Html | string {
  return code ? html`<a class="state" href="/countries/${code}">${stateName(catalog, code)}</a>` : "?";
}

function filterForm(catalog: Catalog, rq: RegisterQuery): Html {
  const f = rq.filter;
  const states = [...catalog.states.values()].sort((a, b) => a.label.localeCompare(b.label));
  const stateSelect = (name: "supplier" | "recipient", label: string) => html`<label>${label}
<select name="${name}"><option value="">any</option>${states.map((s) => html`<option value="${s.id}"${f[name] === s.id ? html` selected` : ""}>${s.label} (${s.id})</option>`)}</select></label>`;
  return html`<form class="filters" method="get" action="/" role="search" aria-label="Filter the register">
${stateSelect("supplier", "Supplier")}
${stateSelect("recipient", "Recipient")}
<label>Category <select name="category"><option value="">any</option>${CATEGORIES.map((c) => html`<option${f.category === c ? html` selected` : ""}>${c}</option>`)}</select></label>
<label>System <input name="item" value="${f.item ?? ""}" size="12"></label>
<label>Since <input name="since" value="${f.since ?? ""}" inputmode="numeric" pattern="\\d{4}" size="4"></label>
<label>Until <input name="until" value="${f.until ?? ""}" inputmode="numeric" pattern="\\d{4}" size="4"></label>
${(["stage", "stance", "grade"] as const).map((k) => (f[k] ? html`<input type="hidden" name="${k}" value="${f[k]}">` : ""))}
<button type="submit">Filter</button> <a href="/">clear</a>
</form>`;
}

function facetList(catalog: Catalog, facet: Facet, values: { value: string; count: number }[], rq: RegisterQuery): Html {
  const selected = rq.filter[facet];
  const label = (v: string) => (facet === "supplier" || facet === "recipient" ? stateName(catalog, v) : v);
  return html`<section class="facet" data-facet="${facet}"><h2>${facet}</h2><ul>${values.map((v) => {
    // Unknown parties are counted but cannot be a filter value (the filters take ISO codes).
    if (v.value === "?") return html`<li><span>unknown</span> <span class="n">${v.count}</span></li>`;
    const on = selected === v.value;
    const href = registerHref("/", rq, { [facet]: on ? undefined : v.value, page: undefined });
    return html`<li${on ? html` class="on"` : ""}><a href="${href}">${label(v.value)}</a> <span class="n">${v.count}</span></li>`;
  })}</ul></section>`;
}

/** After a row's system name (which opens the assertion), a small link to the system's page when the catalog has it. */
function systemIcon(catalog: Catalog, name: string | null): Html | "" {
  const href = systemHref(catalog, name);
  return href ? html` <a class="to-system" href="${href}" title="${name}: every transfer of this system" aria-label="${name}: the system's page">◷</a>` : "";
}
