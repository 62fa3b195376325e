import type { Catalog } from "../../catalog/types.ts";
import { countryFlows, type CountryFlows } from "../../store/countries.ts";
import type { Db } from "../../store/db.ts";
import { HttpError } from "../errors.ts";
import { stateName } from "../format.ts";
import { html, type Html } from "../html.ts";

/** The country page's data. */
export interface CountryData extends CountryFlows {
  code: string;
  name: string;
}

/** Loads a state's flows; a code neither the catalog nor the register knows is a 404. */
export async function countryData(db: Db, catalog: Catalog, code: string): Promise<CountryData> {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper)) throw new HttpError(404, "not-found", `"${code}" is not an ISO 3166-1 alpha-3 code`);
  const flows = await countryFlows(db, upper);
  const label = catalog.states.get(upper)?.label;
  if (!label && flows.byYear.length === 0) throw new HttpError(404, "not-found", `no state ${upper} in the catalog or the register`);
  return { code: upper, name: label ?? upper, ...flows };
}

const CH = 160;
const BAR = 11;

/** Exports and imports for each year that has any, as an SVG bar chart (undated ones left out), with a title and a description. */
function yearChart(d: CountryData): Html {
  const dated = d.byYear.filter((y) => y.year !== null);
  if (dated.length === 0) return html`<p>No dated assertion.</p>`;
  const max = Math.max(1, ...dated.map((y) => Math.max(y.exports, y.imports)));
  const step = 2 * BAR + 12;
  const width = 40 + dated.length * step + 10;
  const h = (n: number) => Math.round((n / max) * CH);
  const bars = dated.map((y, i) => {
    const x = 40 + i * step;
    return html`<g><title>${y.year}: ${y.exports} exported, ${y.imports} imported</title>
<rect class="exports" x="${x}" y="${20 + CH - h(y.exports)}" width="${BAR}" height="${h(y.exports)}"></rect>
<rect class="imports" x="${x + BAR}" y="${20 + CH - h(y.imports)}" width="${BAR}" height="${h(y.imports)}"></rect>
${i % Math.ceil(dated.length / 12) === 0 ? html`<text class="axis" x="${x}" y="${20 + CH + 14}">${y.year}</text>` : ""}</g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${Math.max(width, 300)} ${CH + 44}" width="${Math.max(width, 300) * 1.5}" height="${(CH + 44) * 1.5}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">${d.name}: assertions by year</title>
<desc id="chart-desc">${dated.map((y) => `${y.year}: ${y.exports} exported, ${y.imports} imported`).join("; ")}.</desc>
<text class="axis" x="0" y="28">${max}</text><text class="axis" x="0" y="${20 + CH}">0</text>
<line class="base" x1="36" x2="${width}" y1="${20 + CH}" y2="${20 + CH}"></line>
${bars}
</svg>
<p class="legend"><span class="key exports"></span> exports (${d.name} supplies) <span class="key imports"></span> imports (${d.name} receives)</p>`;
}

const FLOW_ROW = 30;
const FLOW_BOX = { w: 220, h: 22 };

/**
 * The state's flows as an SVG picture: its suppliers on the left and its recipients on the right, each joined to it
 * by a band as wide as their assertions are many, each band linked to the register filtered to that pair.
 */
function flowsPicture(catalog: Catalog, d: CountryData): Html {
  if (d.suppliers.length + d.recipients.length === 0) return html`<p>No flow.</p>`;
  const rows = Math.max(d.suppliers.length, d.recipients.length, 1);
  const height = 44 + rows * FLOW_ROW;
  const max = Math.max(1, ...d.suppliers.map((p) => p.count), ...d.recipients.map((p) => p.count));
  const centre = { x: 330, y: 34 + (rows * FLOW_ROW) / 2 - FLOW_BOX.h / 2, w: 220 };
  const name = (code: string) => (code === "?" ? "unknown" : stateName(catalog, code));
  const side = (list: { state: string; count: number }[], left: boolean) =>
    list.map((p, i) => {
      const y = 34 + i * FLOW_ROW;
      const x = left ? 10 : 650;
      const from = left ? { x: x + FLOW_BOX.w, y: y + FLOW_BOX.h / 2 } : { x: centre.x + centre.w, y: centre.y + FLOW_BOX.h / 2 };
      const to = left ? { x: centre.x, y: centre.y + FLOW_BOX.h / 2 } : { x, y: y + FLOW_BOX.h / 2 };
      const mid = (from.x + to.x) / 2;
      const [supplier, recipient] = left ? [p.state, d.code] : [d.code, p.state];
      const label = `${name(supplier)} → ${name(recipient)}: ${p.count} assertion${p.count === 1 ? "" : "s"}`;
      const band = html`<path class="flow" d="M${from.x},${from.y} C${mid},${from.y} ${mid},${to.y} ${to.x},${to.y}" stroke-width="${(2 + (14 * p.count) / max).toFixed(1)}"><title>${label}</title></path>`;
      const box = html`<rect x="${x}" y="${y}" width="${FLOW_BOX.w}" height="${FLOW_BOX.h}" rx="4"></rect><text x="${x + 8}" y="${y + 15}">${name(p.state).slice(0, 30)} · ${p.count}</text>`;
      const href = p.state === "?" ? null : `/?supplier=${supplier}&recipient=${recipient}`;
      return href ? html`<a class="partner" href="${href}">${band}${box}</a>` : html`<g class="partner">${band}${box}</g>`;
    });
  const desc = [...d.suppliers.map((p) => `${name(p.state)} supplies ${d.name} (${p.count})`), ...d.recipients.map((p) => `${d.name} supplies ${name(p.state)} (${p.count})`)].join("; ");
  return html`<svg class="flows" viewBox="0 0 880 ${height}" role="img" aria-labelledby="flows-title flows-desc" xmlns="http://www.w3.org/2000/svg">
<title id="flows-title">${d.name}: its suppliers and recipients, weighted by assertions</title>
<desc id="flows-desc">${desc}.</desc>
<text class="heading" x="10" y="20">Supply ${d.name}</text><text class="heading" x="650" y="20">Supplied by ${d.name}</text>
${side(d.suppliers, true)}
${side(d.recipients, false)}
<g class="centre"><rect x="${centre.x}" y="${centre.y}" width="${centre.w}" height="${FLOW_BOX.h}" rx="4"></rect><text x="${centre.x + 8}" y="${centre.y + 15}">${d.name.slice(0, 30)}</text></g>
</svg>`;
}

/** The country page: the chart, then the top partners each way, linked to the filtered register. */
export function countryPage(catalog: Catalog, d: CountryData): Html {
  const partners = (list: { state: string; count: number }[], side: "supplier" | "recipient") =>
    list.length
      ? html`<ol>${list.map((p) => html`<li>${p.state === "?" ? "unknown" : html`<a href="/countries/${p.state}">${stateName(catalog, p.state)}</a>`} · <a href="/?${side}=${d.code}${p.state === "?" ? "" : `&${side === "supplier" ? "recipient" : "supplier"}=${p.state}`}">${p.count} assertion${p.count === 1 ? "" : "s"}</a></li>`)}</ol>`
      : html`<p>none</p>`;
  return html`<h1>${d.name} (${d.code})</h1>
<p class="summary"><a href="/?supplier=${d.code}">${d.total.exports} assertion${d.total.exports === 1 ? "" : "s"} as supplier</a> · <a href="/?recipient=${d.code}">${d.total.imports} as recipient</a></p>
<section aria-labelledby="years-h"><h2 id="years-h">By year</h2><div class="graph">${yearChart(d)}</div></section>
<section aria-labelledby="flows-h"><h2 id="flows-h">Flows</h2><div class="graph">${flowsPicture(catalog, d)}</div></section>
<div class="sides"><section class="side"><h2>Supplies to</h2>${partners(d.recipients, "supplier")}</section><section class="side"><h2>Receives from</h2>${partners(d.suppliers, "recipient")}</section></div>`;
}
