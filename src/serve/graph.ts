// The provenance graph as server-rendered SVG: origins on the left, relays in the middle, documents on the right.
// Each member claim is one path through it; circular reporting is drawn dashed and labelled.
import type { Assertion, Member } from "../assess/assess.ts";
import { html, type Html } from "./html.ts";

type Column = 0 | 1 | 2;
interface Node {
  key: string;
  column: Column;
  label: string;
  detail: string;
  kind: "origin" | "denial" | "uncounted" | "relay" | "document";
  href: string | null;
}
interface Edge {
  from: string;
  to: string;
  circular: boolean;
  denial: boolean;
}

/** The nodes and edges of an assertion's provenance: one path per member, from its origin through its relays, and the reference register's record. */
export function provenanceGraph(a: Assertion): { nodes: Node[]; edges: Edge[] } {
  const nodes = new Map<string, Node>();
  const edges = new Map<string, Edge>();
  const add = (n: Node) => nodes.get(n.key) ?? (nodes.set(n.key, n), n);
  for (const m of a.members) {
    const denial = m.stance === "denied";
    const origin = m.origin
      ? add({ key: `o:${m.origin}`, column: 0, label: m.origin, detail: denial && !a.origins.includes(m.origin) ? "denies it" : "independent origin", kind: denial && !a.origins.includes(m.origin) ? "denial" : "origin", href: null })
      : add({ key: "o:-", column: 0, label: "not counted", detail: "optional claims add no origin", kind: "uncounted", href: null });
    const path = [origin, ...relays(m).map((r) => add({ key: `r:${r}`, column: 1, label: r, detail: "relay", kind: "relay", href: null }))];
    path.push(add({ key: `d:${m.document}`, column: 2, label: m.outlet ?? m.document, detail: `${m.document}${m.published ? `, ${m.published}` : ""}`, kind: "document", href: `/documents/${encodeURIComponent(m.document)}` }));
    for (let i = 1; i < path.length; i++) {
      const k = `${path[i - 1]!.key}>${path[i]!.key}`;
      const e = edges.get(k) ?? { from: path[i - 1]!.key, to: path[i]!.key, circular: false, denial: false };
      e.circular ||= m.circular;
      e.denial ||= denial;
      edges.set(k, e);
    }
  }
  // A reference register that tells the transfer is an origin with no report behind it: a node of its own, no path.
  const r = a.register;
  if (r?.record) add({ key: "o:register", column: 0, label: r.name, detail: r.counted ? "independent origin: register record" : "register record, not counted", kind: r.counted ? "origin" : "uncounted", href: null });
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * The names a member's report passed through between its origin and its document. The chain is written origin
 * first: unnamed sources ahead of the root belong to it, and the root is the origin as written, unless the
 * resolution went on through that name's own page (rule 6), in which case the whole chain relays. A near-identical
 * copy relays the document it copies.
 */
export function relays(m: Member): string[] {
  const fold = (s: string) => s.toLowerCase();
  const unnamed = (name: string) => m.resolution.some((r) => r.startsWith(`unnamed "${name}"`));
  let chain: string[];
  const named = m.chain.findIndex((c) => !unnamed(c));
  if (named < 0) chain = [];
  else if (m.resolution.some((r) => r.startsWith(`${m.chain[named]} resolved through`))) chain = m.chain.slice(named);
  else {
    const own = m.origin ? m.chain.findIndex((c) => fold(c) === fold(m.origin!)) : -1;
    chain = m.chain.slice((own >= 0 ? own : named) + 1);
  }
  const copy = m.resolution.map((r) => /^near-identical copy of (.+) \(([^()]+)\): takes its root$/.exec(r)).find(Boolean);
  return copy ? [...chain, `copy of ${copy[1]}`] : chain;
}

const W = 880;
const COL_X = [10, 320, 630];
const NODE_W = 240;
const NODE_H = 40;
const GAP = 14;
const TOP = 36;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The graph as an accessible SVG element, with a title and a description that states the origin count. */
export function provenanceSvg(a: Assertion): Html {
  const { nodes, edges } = provenanceGraph(a);
  const pos = new Map<string, { x: number; y: number }>();
  const rows = [0, 0, 0];
  for (const n of nodes) {
    // Relays sit half a row lower, so a straight edge from an origin to a document never runs behind a relay's box.
    const shift = n.column === 1 ? (NODE_H + GAP) / 2 : 0;
    pos.set(n.key, { x: COL_X[n.column]!, y: TOP + shift + rows[n.column]! * (NODE_H + GAP) });
    rows[n.column]!++;
  }
  const height = TOP + Math.max(1, rows[0]!, rows[1]! + 0.5, rows[2]!) * (NODE_H + GAP) + 10;
  const desc = `${a.independentOrigins} independent origin${a.independentOrigins === 1 ? "" : "s"}${a.origins.length ? `: ${a.origins.join("; ")}` : ""}.${a.denials.length ? ` Denied by ${a.denials.join("; ")}.` : ""}${a.circular ? ` Circular reporting: ${a.loop.join(" → ")}.` : ""} ${a.members.length} reports in ${a.documents.length} documents.`;
  const column = new Map(nodes.map((n) => [n.key, n.column] as const));
  // An edge that skips the relays' column is drawn over the boxes, so it reads as passing by, not as ending there.
  const skips = (e: Edge) => column.get(e.to)! - column.get(e.from)! > 1;
  const edgeEl = (e: Edge) => {
    const f = pos.get(e.from)!;
    const t = pos.get(e.to)!;
    const x1 = f.x + NODE_W;
    const y1 = f.y + NODE_H / 2;
    const x2 = t.x;
    const y2 = t.y + NODE_H / 2;
    const mid = (x1 + x2) / 2;
    const cls = `edge${e.circular ? " circular" : ""}${e.denial ? " denial" : ""}`;
    return html`<path class="${cls}" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" marker-end="url(#arrow)"><title>${e.circular ? "circular reporting: " : ""}${e.from.slice(2)} → ${e.to.slice(2)}</title></path>`;
  };
  const nodeEls = nodes.map((n) => {
    const p = pos.get(n.key)!;
    const box = html`<rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="${NODE_H}" rx="6"></rect>
<text x="${p.x + 10}" y="${p.y + 17}" class="label">${clip(n.label, 32)}</text>
<text x="${p.x + 10}" y="${p.y + 32}" class="detail">${clip(n.detail, 38)}</text>`;
    const inner = html`<title>${n.label} — ${n.detail}</title>${box}`;
    return n.href
      ? html`<a href="${n.href}" class="node ${n.kind}" data-kind="${n.kind}">${inner}</a>`
      : html`<g class="node ${n.kind}" data-kind="${n.kind}">${inner}</g>`;
  });
  const loop = a.circular ? html`<text x="${COL_X[1]}" y="${height - 4}" class="circular-note">circular reporting: ${clip(a.loop.join(" → "), 80)}</text>` : "";
  return html`<svg class="provenance" viewBox="0 0 ${W} ${height + (a.circular ? 16 : 0)}" role="img" aria-labelledby="graph-title graph-desc" data-origins="${a.independentOrigins}" xmlns="http://www.w3.org/2000/svg">
<title id="graph-title">Provenance of assertion ${a.id}</title>
<desc id="graph-desc">${desc}</desc>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"></path></marker></defs>
<text x="${COL_X[0]}" y="20" class="heading">Origins (${a.independentOrigins} independent)</text>
<text x="${COL_X[1]}" y="20" class="heading">Relays</text>
<text x="${COL_X[2]}" y="20" class="heading">Documents</text>
${edges.filter((e) => !skips(e)).map(edgeEl)}
${nodeEls}
${edges.filter(skips).map(edgeEl)}
${loop}
</svg>`;
}
