import type { Assertion } from "../assess/assess.ts";
import type { Catalog } from "../catalog/types.ts";

/** A state as people read it: its catalog label and code, or the code alone. */
export function stateName(catalog: Catalog, code: string | null): string {
  if (!code) return "?";
  const label = catalog.states.get(code)?.label;
  return label ? `${label} (${code})` : code;
}

/** A value such as `50M USD`. */
export function money(v: Assertion["value"]): string {
  return v ? `${v.amount >= 1e6 ? `${+(v.amount / 1e6).toFixed(1)}M` : v.amount} ${v.currency}` : "–";
}

/** A time such as `2013` or `2013..2014`. */
export function when(t: Assertion["time"]): string {
  return t ? (t.from === t.to ? t.from : `${t.from}..${t.to}`) : "–";
}

/** An Admiralty grade such as `B2`. */
export function gradeText(a: Assertion): string {
  return `${a.grade.reliability}${a.grade.credibility}`;
}
