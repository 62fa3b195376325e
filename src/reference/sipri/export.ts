import type { Assertion } from "../../assess/assess.ts";
import type { Catalog, Category } from "../../catalog/types.ts";
import { readTsv } from "../../catalog/tsv.ts";
import { join } from "node:path";
import { REFERENCE_DIR } from "./lookups.ts";

/** SIPRI-like descriptions for SCHEMA.md categories, so an exported row reads back into the category it came from. */
const DESCRIPTION: Record<Category, string> = {
  aircraft: "aircraft",
  helicopter: "helicopter",
  uav: "UAV",
  "armoured-vehicle": "armoured vehicle",
  artillery: "self-propelled gun",
  missile: "surface-to-surface missile",
  "air-defence": "SAM system",
  ship: "ship",
  satellite: "satellite",
  sensor: "radar",
  "small-arms": "small arms",
  ammunition: "ammunition",
  spyware: "spyware",
  surveillance: "surveillance system",
  other: "arms",
};

const HEADER = "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons";

// The layout never quotes: a comma inside a value would shift every column after it, so it becomes a semicolon.
const cell = (s: string | number | null) => (s === null ? "" : String(s).replace(/[\r\n]+/g, " ").replace(/,/g, ";").trim());

/**
 * Writes assertions in the trade register's layout (the 11-line preamble, the 16-column header, one line per
 * assertion), so tools that read SIPRI's exports can read them. No TIV is given; the comments carry the value,
 * the intermediary and the assertion's id, origins and grade. Returns the lines, to be written as Latin-1.
 */
export function toTradeRegister(catalog: Catalog, list: Assertion[], generated = new Date()): string[] {
  const written = new Map<string, string>();
  for (const { cells } of readTsv(join(REFERENCE_DIR, "sipri", "names.tsv"), ["written", "id", "kind"])) if (cells.id !== "-" && !written.has(cells.id!)) written.set(cells.id!, cells.written!);
  const name = (id: string | null, role: "supplier" | "recipient") =>
    id === null ? `unknown ${role}(s)` : (written.get(id) ?? (id.startsWith("nsa:") ? `${id.slice(4)}*` : (catalog.states.get(id)?.label ?? id)));
  const lines = [
    "Transfers reported in news, as assertions of a Dossier register (not SIPRI data). Deals in the layout of SIPRI's trade register",
    "A '?' in a column indicates uncertain data: here, a time given as a range rather than a year.",
    "An empty field for 'Number ordered' indicates that the reports give no number.",
    "No SIPRI trend-indicator values (TIVs) are given: Dossier does not compute them.",
    "Comments give the reported value, the intermediary and the assertion's id, independent origins and grade.",
    "Spyware and surveillance assertions are included though SIPRI's database does not cover them.",
    "Each line is one assertion: claims merged across documents, with their provenance assessed.",
    "See `dossier show ID` for an assertion's sources.",
    "",
    "Source: Dossier register.",
    `Data generated: ${generated.toUTCString()}`,
    HEADER,
  ];
  for (const a of list) {
    const from = a.time ? Number(a.time.from.slice(0, 4)) : null;
    const to = a.time ? Number(a.time.to.slice(0, 4)) : null;
    const delivered = a.status === "delivered";
    const comments = [
      a.value ? `${a.value.currency === "USD" ? "$" : a.value.currency}${+(a.value.amount / 1e6).toFixed(1)} m deal` : null,
      a.intermediary ? `via ${name(a.intermediary, "supplier")}` : null,
      `Dossier assertion ${a.id}; ${a.independentOrigins} independent origin${a.independentOrigins === 1 ? "" : "s"}; grade ${a.grade.reliability}${a.grade.credibility}; ${a.stance}`,
    ].filter(Boolean);
    lines.push(
      [
        name(a.recipient, "recipient"),
        name(a.supplier, "supplier"),
        from ?? "",
        from !== null && to !== from ? "?" : "",
        a.quantity,
        "",
        a.item.name ?? DESCRIPTION[a.item.category],
        DESCRIPTION[a.item.category],
        delivered ? (a.quantity ?? "") : 0,
        "",
        delivered && to !== null ? to : "",
        "New",
        comments.join("; "),
        "",
        "",
        "",
      ]
        .map(cell)
        .join(","),
    );
  }
  return lines;
}
