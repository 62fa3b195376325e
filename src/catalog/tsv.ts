import { readFileSync } from "node:fs";

/** A data error with the file and line it came from. */
export class DataError extends Error {
  readonly code = "data-invalid";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

export interface TsvRow {
  line: number;
  cells: Record<string, string>;
}

/** Reads a tab-separated file with a header line; `#` lines and blank lines are skipped. */
export function readTsv(file: string, columns: readonly string[]): TsvRow[] {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  const rows: TsvRow[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const cells = raw.split("\t").map((c) => c.trim());
    if (!header) {
      header = cells;
      const missing = columns.filter((c) => !header!.includes(c));
      if (missing.length) throw new DataError(file, line, `header lacks column(s) ${missing.join(", ")}; expected ${columns.join(" ")}`);
      return;
    }
    if (cells.length < header.length) {
      throw new DataError(file, line, `${cells.length} cells, expected ${header.length} (${header.join(" ")})`);
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c !== "")) {
      throw new DataError(file, line, `${cells.length} cells, expected ${header.length} (${header.join(" ")})`);
    }
    const record: Record<string, string> = {};
    header.forEach((h, k) => (record[h] = cells[k] ?? ""));
    rows.push({ line, cells: record });
  });
  return rows;
}

/** Splits a `|`-separated cell; `-` and empty mean no values. */
export function multi(cell: string | undefined): string[] {
  if (!cell || cell === "-") return [];
  return cell
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `-` and empty mean null. */
export function optional(cell: string | undefined): string | null {
  return !cell || cell === "-" ? null : cell;
}
