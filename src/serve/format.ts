import type { AssertionSummary } from "../assess/assess.ts";
import type { Catalog } from "../catalog/types.ts";
import { familyOf } from "../resolve/merge.ts";
import { html, safeHref, type Html } from "./html.ts";

/** A state as people read it: its catalog label and code, or the code alone. */
export function stateName(catalog: Catalog, code: string | null): string {
  if (!code) return "?";
  const label = catalog.states.get(code)?.label;
  return label ? `${label} (${code})` : code;
}

/** A value such as `50M USD`. */
export function money(v: AssertionSummary["value"]): string {
  return v ? `${v.amount >= 1e6 ? `${+(v.amount / 1e6).toFixed(1)}M` : v.amount} ${v.currency}` : "–";
}

/** A time such as `2013` or `2013..2014`. */
export function when(t: AssertionSummary["time"]): string {
  return t ? (t.from === t.to ? t.from : `${t.from}..${t.to}`) : "–";
}

/** An Admiralty grade such as `B2`. */
export function gradeText(a: Pick<AssertionSummary, "grade">): string {
  return `${a.grade.reliability}${a.grade.credibility}`;
}

/** The page of the system a name stands for (the family the register counts it in), when the catalog knows it. */
export function systemHref(catalog: Catalog, name: string | null): string | null {
  const family = familyOf(catalog, name);
  return family && catalog.systems.has(family) ? `/systems/${family}` : null;
}

/** A system's name linked to its page when there is one, else the name. */
export function systemLink(catalog: Catalog, name: string | null): Html {
  const href = systemHref(catalog, name);
  return href ? html`<a class="system" href="${href}">${name}</a>` : html`${name ?? "(no system named)"}`;
}

/** Label–value pairs as the pages' definition list of fields. */
export function fieldList(fields: [string, Html | string][]): Html {
  return html`<dl class="fields">${fields.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

/** An outside address as a link when it is http(s), else as text (`fallback` when there is none). */
export function addressLink(url: string | null, fallback: string): Html {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${url}</a>` : html`${url ?? fallback}`;
}
