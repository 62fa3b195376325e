import { summary, type Assertion, type AssertionSummary } from "../../assess/assess.ts";
import type { Catalog } from "../../catalog/types.ts";
import { familyRoot } from "../../resolve/merge.ts";
import type { Db } from "../../store/db.ts";
import { systemAssertions } from "../../store/systems.ts";
import { HttpError } from "../errors.ts";
import { fieldList, gradeText, stateName, when } from "../format.ts";
import { html, type Html } from "../html.ts";

/** The system page's data: the catalog entry, its family, and the family's assertions oldest first. */
export interface SystemData {
  system: { id: string; name: string; category: string; maker: string | null; origin: string | null; family: string; variants: { id: string; name: string }[] };
  rows: AssertionSummary[];
}

const systemName = (catalog: Catalog, id: string) => catalog.systems.get(id)?.names[0]?.text ?? id;

/** Loads a catalog system (by id, any case) and every assertion the register counts in its family; unknown ids are a 404. */
export async function systemData(db: Db, catalog: Catalog, id: string): Promise<{ data: SystemData; rows: Assertion[] }> {
  const key = id.toLowerCase();
  const entry = catalog.systems.get(key);
  if (!entry) throw new HttpError(404, "not-found", `no system "${id}" in the catalog`);
  const family = familyRoot(catalog, key);
  const variants = [...catalog.systems.values()].filter((s) => s.id !== family && familyRoot(catalog, s.id) === family).map((s) => ({ id: s.id, name: systemName(catalog, s.id) }));
  const rows = await systemAssertions(db, family);
  const maker = entry.maker ? (catalog.makers.get(entry.maker)?.names[0]?.text ?? entry.maker) : null;
  return { data: { system: { id: key, name: systemName(catalog, key), category: entry.category, maker, origin: entry.origin, family, variants }, rows: rows.map(summary) }, rows };
}

const LABEL_W = 180;
const LANE_H = 26;
const TOP = 26;
const year = (t: string) => Number(t.slice(0, 4));

/**
 * Who supplied the system to whom over time, as an SVG timeline: one lane per supplier → recipient pair, one bar
 * per dated assertion across its years (linked to it), delivered bars solid, others lighter, denied ones dashed.
 */
export function supplyTimeline(catalog: Catalog, name: string, rows: Assertion[]): Html {
  const dated = rows.filter((a) => a.time && /^\d{4}/.test(a.time.from) && /^\d{4}/.test(a.time.to));
  if (dated.length === 0) return html`<p>No dated assertion to draw.</p>`;
  const first = Math.min(...dated.map((a) => year(a.time!.from)));
  const last = Math.max(...dated.map((a) => year(a.time!.to)));
  const span = last - first + 1;
  const yearW = Math.max(8, Math.min(48, Math.floor(640 / span)));
  const lanes = [...new Set(dated.map((a) => `${a.supplier ?? "?"}>${a.recipient ?? "?"}`))];
  const width = LABEL_W + span * yearW + 20;
  const height = TOP + lanes.length * LANE_H + 10;
  const laneName = (lane: string) => lane.split(">").map((c) => (c === "?" ? "unknown" : stateName(catalog, c))).join(" → ");
  const step = Math.ceil(span / 12);
  const ticks = Array.from({ length: span }, (_, i) => first + i).filter((y) => (y - first) % step === 0);
  const bars = dated.map((a) => {
    const lane = lanes.indexOf(`${a.supplier ?? "?"}>${a.recipient ?? "?"}`);
    const x = LABEL_W + (year(a.time!.from) - first) * yearW;
    const w = Math.max(4, (year(a.time!.to) - year(a.time!.from) + 1) * yearW - 2);
    const label = `${laneName(`${a.supplier ?? "?"}>${a.recipient ?? "?"}`)}: ${a.item.name ?? a.item.category}, ${when(a.time)}, ${a.status}, ${a.stance}, ${a.independentOrigins} independent origin${a.independentOrigins === 1 ? "" : "s"}`;
    const cls = `bar ${a.status === "delivered" ? "delivered" : "other"}${a.stance === "denied" ? " denied" : ""}`;
    return html`<a href="/assertions/${a.id}" class="${cls}"><title>${label}</title><rect x="${x}" y="${TOP + lane * LANE_H + 5}" width="${w}" height="${LANE_H - 10}" rx="3"></rect></a>`;
  });
  const desc = dated.map((a) => `${laneName(`${a.supplier ?? "?"}>${a.recipient ?? "?"}`)} ${when(a.time)} (${a.status})`).join("; ");
  return html`<svg class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="timeline-title timeline-desc" xmlns="http://www.w3.org/2000/svg">
<title id="timeline-title">${name}: who supplied it to whom, ${first}–${last}</title>
<desc id="timeline-desc">${desc}.</desc>
${ticks.map((y) => html`<text class="axis" x="${LABEL_W + (y - first) * yearW}" y="14">${y}</text><line class="tick" x1="${LABEL_W + (y - first) * yearW}" x2="${LABEL_W + (y - first) * yearW}" y1="${TOP - 6}" y2="${height - 6}"></line>`)}
${lanes.map((lane, i) => html`<text class="lane" x="0" y="${TOP + i * LANE_H + LANE_H / 2 + 4}">${laneName(lane).slice(0, 30)}</text>`)}
${bars}
</svg>
<p class="legend"><span class="key delivered"></span> delivered <span class="key other"></span> ordered, offered or unknown stage; a dashed outline is denied. Each bar links to its assertion.</p>`;
}

/** The system page: the catalog entry, the timeline, and the table of its assertions. */
export function systemPage(catalog: Catalog, d: SystemData, rows: Assertion[]): Html {
  const s = d.system;
  const family = s.family !== s.id ? html`<p class="note">The register counts ${s.name} with its family, <a href="/systems/${s.family}">${systemName(catalog, s.family)}</a>: the assertions below are the whole family's.</p>` : "";
  const fields: [string, Html | string][] = [
    ["Category", s.category],
    ["Maker", s.maker ?? "–"],
    ["Made in", s.origin ? html`<a href="/countries/${s.origin}">${stateName(catalog, s.origin)}</a>` : "–"],
    ["Variants", s.variants.length ? html`${s.variants.map((v, i) => html`${i ? ", " : ""}<a href="/systems/${v.id}">${v.name}</a>`)}` : "–"],
    ["Catalog id", s.id],
  ];
  const table = rows.length
    ? html`<div class="scroll"><table class="register system-rows"><thead><tr><th>Time</th><th>Supplier</th><th>Recipient</th><th>System</th><th class="num">Qty</th><th>Stage</th><th>Stance</th><th class="num">Origins</th><th>Grade</th></tr></thead><tbody>${rows.map(
        (a) => html`<tr><td data-label="Time">${when(a.time)}</td><td data-label="Supplier">${a.supplier ? html`<a href="/countries/${a.supplier}">${stateName(catalog, a.supplier)}</a>` : "?"}</td><td data-label="Recipient">${a.recipient ? html`<a href="/countries/${a.recipient}">${stateName(catalog, a.recipient)}</a>` : "?"}</td><td data-label="System"><a href="/assertions/${a.id}">${a.item.name ?? a.item.category}</a></td><td data-label="Qty" class="num">${a.quantity ?? "–"}</td><td data-label="Stage">${a.status}</td><td data-label="Stance">${a.stance}</td><td data-label="Origins" class="num">${a.independentOrigins}</td><td data-label="Grade" class="grade">${gradeText(a)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>The register holds no assertion about it yet.</p>`;
  return html`<h1>${s.name} <span class="tag">${s.category}</span></h1>
${fieldList(fields)}
${family}
<section aria-labelledby="timeline-h"><h2 id="timeline-h">Who supplied it to whom, over time</h2><div class="graph">${supplyTimeline(catalog, s.name, rows)}</div></section>
<section aria-labelledby="rows-h"><h2 id="rows-h">${rows.length} assertion${rows.length === 1 ? "" : "s"}</h2>${table}
<p><a href="/?item=${encodeURIComponent(s.name)}">In the register, with filters and exports</a></p></section>`;
}
