import type { Db } from "../../store/db.ts";
import { HIT_END, HIT_START, searchDocuments, type SearchResult } from "../../store/search.ts";
import { HttpError } from "../errors.ts";
import { html, type Html } from "../html.ts";

/** The search page's data: the query and what it found. */
export interface SearchData extends SearchResult {
  q: string;
}

/** Runs a search; an empty query gives no hits, a very long one is a 400. */
export async function searchData(db: Db, query: URLSearchParams): Promise<SearchData> {
  const q = (query.get("q") ?? "").trim();
  if (q.length > 200) throw new HttpError(400, "bad-request", `q is at most 200 characters (got ${q.length})`);
  return { q, ...(q ? await searchDocuments(db, q) : { total: 0, capped: false, hits: [] }) };
}

/** A headline with its matches marked; every piece is escaped. */
function marked(s: string): Html {
  const parts = s.split(HIT_START);
  return html`${parts[0]!.replaceAll(HIT_END, "")}${parts.slice(1).map((p) => {
    const [hit, rest = ""] = p.split(HIT_END, 2) as [string, string?];
    return html`<mark>${hit}</mark>${rest.replaceAll(HIT_END, "")}`;
  })}`;
}

/** How many documents match and which are shown: the count stops at the candidates ranked, and says so. */
export function matchCount(d: SearchData): Html {
  const n = d.total.toLocaleString("en");
  const count = html`<span id="count">${d.capped ? `At least ${n}` : n}</span>`;
  const match = html`${count} document${d.total === 1 && !d.capped ? " matches" : "s match"} “${d.q}”, each read in its own language`;
  if (d.capped) return html`${match}: the ${d.hits.length} most relevant of the ${n} most recent are shown.`;
  return d.hits.length < d.total ? html`${match}: the ${d.hits.length} most relevant are shown.` : html`${match}.`;
}

/** The search page: the form, then each matching document with its matching claims or passage. */
export function searchPage(d: SearchData): Html {
  const results = d.hits.map(
    (h) => html`<li class="hit"><h2><a href="/documents/${encodeURIComponent(h.id)}">${h.title ?? h.id}</a></h2>
<p class="who">${h.outlet ?? "unknown outlet"}${h.published ? `, ${h.published}` : ""}${h.language ? ` · ${h.language}` : ""}</p>
${h.claims.length
  ? html`<ul class="hit-claims">${h.claims.map((c) => html`<li><a href="/documents/${encodeURIComponent(h.id)}#claim-${c.idx}">${marked(c.evidence)}</a>${c.assertion ? html` · <a href="/assertions/${c.assertion}">assertion</a>` : ""}</li>`)}</ul>`
  : html`<p class="fragment">${marked(h.fragment)}</p>`}</li>`,
  );
  return html`<h1>Search</h1>
<form class="filters" method="get" action="/search" role="search"><label>Words, "a phrase", -without <input name="q" value="${d.q}" size="40"></label> <button type="submit">Search</button></form>
${d.q ? html`<p class="summary">${matchCount(d)}</p>` : ""}
<ol class="hits">${results}</ol>`;
}
