import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { Catalog, Category } from "../../catalog/types.ts";
import { familyOf, systemOf } from "../../resolve/merge.ts";
import { readComments, type DealValue, type Intermediary } from "./comments.ts";
import { sipriLookups, type Party, type SipriLookups } from "./lookups.ts";
import { COLUMNS, readRows, type Column, type Preamble, type RawRow } from "./rows.ts";

/** One deal of a SIPRI trade register, typed and linked to the catalog. */
export interface ReferenceRecord {
  /** Content hash of the record's 16 cells: the export has no stable id. */
  hash: string;
  /** First physical line of the record in its file. */
  line: number;
  supplier: Party;
  recipient: Party;
  orderYear: number;
  orderYearEstimated: boolean;
  ordered: number | null;
  orderedEstimated: boolean;
  designation: string;
  /** The catalog system the designation names, and the root of its family; null when the catalog does not know it. */
  system: string | null;
  family: string | null;
  description: string;
  category: Category;
  /** A finer kind than the category (`tank`, `apc`), from the description rules; null when none applies. */
  kind: string | null;
  delivered: number | null;
  deliveredEstimated: boolean;
  deliveryYears: number[];
  status: "new" | "second-hand" | "second-hand-modernised";
  comments: string[];
  value: DealValue | null;
  intermediaries: Intermediary[];
  partOf: string | null;
  tiv: { perUnit: number | null; order: number | null; delivered: number | null };
}

/** Why a row was refused, with its line: rows are never dropped silently. */
export interface Rejected {
  line: number;
  reason: "short-row" | "long-row" | "no-header" | "bad-year" | "bad-number" | "bad-status" | "bad-flag" | "no-designation";
  detail: string;
}

/** The outcome of reading one export. */
export interface ParseResult {
  preamble: Preamble;
  /** Data rows read (a record split over two lines counts once). */
  rows: number;
  records: ReferenceRecord[];
  rejected: Rejected[];
}

const STATUS: Record<string, ReferenceRecord["status"]> = { new: "new", "second hand": "second-hand", "second hand but modernized": "second-hand-modernised" };

class RowError extends Error {
  constructor(
    readonly reason: Rejected["reason"],
    message: string,
  ) {
    super(message);
  }
}

const int = (cell: string, column: string): number | null => {
  if (cell.trim() === "") return null;
  if (!/^\d+$/.test(cell.trim())) throw new RowError("bad-number", `${column}: not a whole number (${JSON.stringify(cell)})`);
  return Number(cell);
};
const decimal = (cell: string, column: string): number | null => {
  if (cell.trim() === "") return null;
  if (!/^\d+(?:\.\d+)?$/.test(cell.trim())) throw new RowError("bad-number", `${column}: not a number (${JSON.stringify(cell)})`);
  return Number(cell);
};
const flag = (cell: string, column: string): boolean => {
  const c = cell.trim();
  if (c !== "" && c !== "?") throw new RowError("bad-flag", `${column} flag: only "?" or empty (${JSON.stringify(cell)})`);
  return c === "?";
};

// Pairs of categories one system can carry in the two vocabularies: SIPRI files a dual-role missile, a naval gun or the
// radar of an air-defence system under one, the catalog under the other.
const BRIDGES = new Set(["missile|air-defence", "artillery|air-defence", "sensor|air-defence", "missile|ammunition"]);
const compatible = (a: Category, b: Category) => a === b || BRIDGES.has(`${a}|${b}`) || BRIDGES.has(`${b}|${a}`);

const linked = new WeakMap<Catalog, Map<string, { system: string | null; family: string | null }>>();
/** The catalog system a designation names, memoised per catalog: the export repeats designations thousands of times. */
function linkSystem(catalog: Catalog, designation: string, category: Category): { system: string | null; family: string | null } {
  let memo = linked.get(catalog);
  if (!memo) linked.set(catalog, (memo = new Map()));
  const k = `${category}|${designation}`;
  if (!memo.has(k)) {
    const named = systemOf(catalog, designation);
    // A designation the catalog knows under another category is a namesake (DH-114 Heron is an aircraft, not the drone).
    const ok = named !== null && compatible(catalog.systems.get(named)!.category, category);
    memo.set(k, ok ? { system: named, family: familyOf(catalog, designation) } : { system: null, family: null });
  }
  return memo.get(k)!;
}

/** Types and links one raw row; throws a {@link RowError} naming the cell that is wrong. */
export function toRecord(raw: RawRow, catalog: Catalog, lookups: SipriLookups): ReferenceRecord {
  const c = {} as Record<Column, string>;
  for (let i = 0; i < COLUMNS.length; i++) c[COLUMNS[i]!] = raw.cells[i]!.trim();
  if (!/^\d{4}$/.test(c.orderYear)) throw new RowError("bad-year", `Year of order: not a four-digit year (${JSON.stringify(c.orderYear)})`);
  const years = c.deliveryYears === "" ? [] : c.deliveryYears.split(";").map((y) => y.trim());
  if (years.some((y) => !/^\d{4}$/.test(y))) throw new RowError("bad-year", `Year(s) of delivery: not a list of years (${JSON.stringify(c.deliveryYears)})`);
  const status = STATUS[c.status.toLowerCase()];
  if (!status) throw new RowError("bad-status", `status: one of New, Second hand, Second hand but modernized (${JSON.stringify(c.status)})`);
  if (!c.designation) throw new RowError("no-designation", "Weapon designation is empty");
  const described = lookups.describe(c.description);
  const comments = readComments(c.comments, (w) => lookups.mention(w), (w) => lookups.currency(w));
  const { system, family } = linkSystem(catalog, c.designation, described.category);
  return {
    hash: createHash("sha256").update(raw.cells.map((x) => x.replace(/\s+/g, " ").trim()).join("\t")).digest("hex").slice(0, 32),
    line: raw.line,
    supplier: lookups.party(c.supplier),
    recipient: lookups.party(c.recipient),
    orderYear: Number(c.orderYear),
    orderYearEstimated: flag(c.orderYearFlag, "Year of order"),
    ordered: int(c.ordered, "Number ordered"),
    orderedEstimated: flag(c.orderedFlag, "Number ordered"),
    designation: c.designation,
    system,
    family,
    description: c.description,
    category: described.category,
    kind: described.kind,
    delivered: int(c.delivered, "Number delivered"),
    deliveredEstimated: flag(c.deliveredFlag, "Number delivered"),
    deliveryYears: years.map(Number),
    status,
    comments: comments.notes,
    value: comments.value,
    intermediaries: comments.intermediaries,
    partOf: comments.partOf,
    tiv: { perUnit: decimal(c.tivPerUnit, "SIPRI TIV per unit"), order: decimal(c.tivOrder, "SIPRI TIV for total order"), delivered: decimal(c.tivDelivered, "SIPRI TIV of delivered weapons") },
  };
}

/** Streams the records of an export (a path or a Latin-1 stream), each row typed or rejected with its line. */
export async function* streamRecords(input: string | Readable, catalog: Catalog, preamble?: Preamble): AsyncGenerator<{ record: ReferenceRecord } | { rejected: Rejected }> {
  const lookups = sipriLookups(catalog);
  // The export repeats some rows word for word (separate deals SIPRI records alike): each copy gets its own key.
  const seen = new Map<string, number>();
  for await (const ev of readRows(input, preamble)) {
    if (ev.kind === "reject") {
      yield { rejected: ev.reject };
      continue;
    }
    try {
      const record = toRecord(ev.row, catalog, lookups);
      const copies = seen.get(record.hash) ?? 0;
      seen.set(record.hash, copies + 1);
      if (copies) record.hash = createHash("sha256").update(`${record.hash}#${copies}`).digest("hex").slice(0, 32);
      yield { record };
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      yield { rejected: { line: ev.row.line, reason: e.reason, detail: e.message } };
    }
  }
}

/**
 * An export as it is read: `records` yields each record once, as the file streams past, so the whole export is
 * never held at once; `preamble`, `rows` and `rejected` are complete once `records` has been consumed.
 */
export interface TradeRegisterReader {
  preamble: Preamble;
  readonly rows: number;
  rejected: Rejected[];
  records: AsyncIterable<ReferenceRecord>;
}

/** Reads an export as a stream (see {@link TradeRegisterReader}); nothing is read until `records` is iterated. */
export function readTradeRegister(input: string | Readable, catalog: Catalog): TradeRegisterReader {
  const preamble: Preamble = { title: null, generated: null, headerLine: null };
  const rejected: Rejected[] = [];
  let rows = 0;
  async function* records() {
    for await (const ev of streamRecords(input, catalog, preamble)) {
      if ("record" in ev || ev.rejected.reason !== "no-header") rows++;
      if ("record" in ev) yield ev.record;
      else rejected.push(ev.rejected);
    }
  }
  return {
    preamble,
    get rows() {
      return rows;
    },
    rejected,
    records: records(),
  };
}

/** Reads a whole export: every record, every rejected row with its reason, and the preamble. */
export async function parseTradeRegister(input: string | Readable, catalog: Catalog): Promise<ParseResult> {
  const read = readTradeRegister(input, catalog);
  const records: ReferenceRecord[] = [];
  for await (const r of read.records) records.push(r);
  return { preamble: read.preamble, rows: read.rows, records, rejected: read.rejected };
}
