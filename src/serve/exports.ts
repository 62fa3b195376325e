// CSV and JSON Lines of exactly the rows the register page counts, streamed batch by batch.
import type { AssertionSummary } from "../assess/assess.ts";
import type { Catalog } from "../catalog/types.ts";
import { streamAssertions } from "../store/browse.ts";
import type { Db } from "../store/db.ts";
import { parseRegisterQuery } from "./params.ts";

/** The CSV's columns, in order. */
export const CSV_COLUMNS = ["id", "supplier", "recipient", "intermediary", "system", "category", "quantity", "value_amount", "value_currency", "time_from", "time_to", "stage", "stance", "independent_origins", "origins", "denials", "circular", "conflicts", "grade", "documents"] as const;

/** One CSV cell: quoted when needed; a text starting like a spreadsheet formula is prefixed with ' so it stays text. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(a: AssertionSummary): string {
  const cells = [a.id, a.supplier, a.recipient, a.intermediary, a.item.name, a.item.category, a.quantity, a.value?.amount ?? null, a.value?.currency ?? null, a.time?.from ?? null, a.time?.to ?? null, a.status, a.stance, a.independentOrigins, a.origins.join("; "), a.denials.join("; "), a.circular, a.conflicts.join("; "), `${a.grade.reliability}${a.grade.credibility}`, a.documents.map((d) => d.id).join("; ")];
  return cells.map(csvCell).join(",") + "\r\n";
}

/** The lines of an export of the assertions matching a register query (parsed first, so a bad query fails before any byte is sent). */
export function exportLines(db: Db, catalog: Catalog, query: URLSearchParams, format: "csv" | "jsonl"): AsyncGenerator<string> {
  const rq = parseRegisterQuery(query);
  return (async function* () {
    if (format === "csv") yield CSV_COLUMNS.join(",") + "\r\n";
    for await (const a of streamAssertions(db, catalog, rq.filter, rq.sort)) yield format === "csv" ? csvRow(a) : JSON.stringify(a) + "\n";
  })();
}
