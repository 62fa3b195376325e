import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** The trade register's 16 columns, in order (columns 4, 6 and 10 have blank names in the export and hold `?` flags). */
export const COLUMNS = [
  "recipient",
  "supplier",
  "orderYear",
  "orderYearFlag",
  "ordered",
  "orderedFlag",
  "designation",
  "description",
  "delivered",
  "deliveredFlag",
  "deliveryYears",
  "status",
  "comments",
  "tivPerUnit",
  "tivOrder",
  "tivDelivered",
] as const;
/** A column's name in {@link COLUMNS}. */
export type Column = (typeof COLUMNS)[number];

/** One record as the export writes it: its cells and the physical lines it spans (a split record spans two). */
export interface RawRow {
  line: number;
  lastLine: number;
  cells: string[];
}

/** A physical line or a record the reader could not make into 16 cells; reported, never dropped silently. */
export interface RawReject {
  line: number;
  reason: "short-row" | "long-row" | "no-header";
  detail: string;
}

/** What the reader found before the rows: the preamble's title and `Data generated:` line. */
export interface Preamble {
  title: string | null;
  generated: string | null;
  headerLine: number | null;
}

/** What the reader yields: a row of 16 cells, or a line it refused. */
export type RawEvent = { kind: "row"; row: RawRow } | { kind: "reject"; reject: RawReject };

const HEADER = /^Recipient,Supplier,Year of order,/;

/**
 * Reads an export line by line, yielding 16-cell rows. The export is Latin-1 and never quotes a field; a comment
 * with a raw line break splits one record over two lines, the second starting with the rest of the comment, so a
 * short row is joined with the lines after it while the cells still fit in 16.
 */
export async function* readRows(input: string | Readable, preamble: Preamble = { title: null, generated: null, headerLine: null }): AsyncGenerator<RawEvent> {
  const stream = typeof input === "string" ? createReadStream(input, { encoding: "latin1" }) : input;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let pending: RawRow | null = null;
  for await (const physical of lines) {
    n++;
    // A lone carriage return ends some comments before their line break; it is no part of the text.
    const text = physical.replace(/\r+$/, "");
    if (preamble.headerLine === null) {
      if (HEADER.test(text)) preamble.headerLine = n;
      else if (n === 1) preamble.title = text.trim() || null;
      else if (/^Data generated:/.test(text)) preamble.generated = text.replace(/^Data generated:\s*/, "").trim();
      continue;
    }
    if (text.trim() === "") continue;
    const cells = text.split(",");
    if (pending) {
      if (pending.cells.length + cells.length - 1 <= COLUMNS.length) {
        const last = pending.cells.pop()!;
        pending.cells.push(`${last} ${cells[0]}`.trim(), ...cells.slice(1));
        pending.lastLine = n;
        if (pending.cells.length === COLUMNS.length) {
          yield { kind: "row", row: pending };
          pending = null;
        }
        continue;
      }
      yield { kind: "reject", reject: { line: pending.line, reason: "short-row", detail: `${pending.cells.length} cells, expected ${COLUMNS.length}, and the next line does not complete it` } };
      pending = null;
    }
    if (cells.length === COLUMNS.length) yield { kind: "row", row: { line: n, lastLine: n, cells } };
    else if (cells.length < COLUMNS.length) pending = { line: n, lastLine: n, cells };
    else yield { kind: "reject", reject: { line: n, reason: "long-row", detail: `${cells.length} cells, expected ${COLUMNS.length} (the export never quotes, so a comma inside a field cannot be told apart)` } };
  }
  if (pending) yield { kind: "reject", reject: { line: pending.line, reason: "short-row", detail: `${pending.cells.length} cells at the end of the file, expected ${COLUMNS.length}` } };
  if (preamble.headerLine === null) yield { kind: "reject", reject: { line: n, reason: "no-header", detail: "no `Recipient,Supplier,Year of order,...` header line: not a SIPRI trade-register export" } };
}
