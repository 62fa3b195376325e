import { existsSync, statSync } from "node:fs";
import { parseTradeRegister } from "../reference/sipri/parse.ts";
import { importReference, type ImportSummary } from "../store/reference.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const IMPORT_HELP = `Usage: dossier import sipri FILE [options]

Imports a SIPRI Arms Transfers Database trade-register export (the CSV that
SIPRI's web interface downloads) into the register as reference records.
Importing a newer export updates the records in place: it reports what was
added, changed and dropped, and never duplicates. Rows that cannot be read are
reported with their line and reason; a failed import leaves the previous one.

Options:
  --json             print the summary as JSON
${STORE_OPTIONS}
  --help             this text`;

/** An input the import cannot read, with a stable code. */
export class ImportError extends Error {
  readonly code = "input-unreadable";
}

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "help"], ["data", "catalog"]);
  if (flags.has("help")) {
    io.out(IMPORT_HELP + "\n");
    return 0;
  }
  const [register, file, ...more] = positional;
  if (register !== "sipri") throw new UsageError(register ? `unknown register "${register}" (known: sipri)` : "import needs a register (sipri) and a FILE");
  if (!file || more.length) throw new UsageError("import sipri needs exactly one FILE");
  if (!existsSync(file) || !statSync(file).isFile()) throw new ImportError(`${file}: no such file`);
  const summary = await withRegister(flags, async (db, catalog) => {
    const parsed = await parseTradeRegister(file, catalog);
    if (parsed.preamble.headerLine === null) throw new ImportError(`${file}: no trade-register header line (Recipient,Supplier,Year of order,...): not a SIPRI trade-register export`);
    return importReference(db, { file, generated: parsed.preamble.generated, rows: parsed.rows, records: parsed.records, rejected: parsed.rejected });
  });
  io.out(flags.has("json") ? JSON.stringify(summary, null, 2) + "\n" : describe(file, summary));
  return 0;
}

/** The summary in words. */
export function describe(file: string, s: ImportSummary): string {
  const out = [
    `Imported ${file} into the ${s.register} reference register (import ${s.import})`,
    `  rows read ${s.rowsRead}; records stored ${s.stored}`,
    `  against the previous import: ${s.added} added, ${s.changed} changed, ${s.dropped} dropped, ${s.unchanged} unchanged`,
    `  rejected ${s.rejected.length}`,
  ];
  for (const r of s.rejected) out.push(`    line ${r.line}: ${r.reason}: ${r.detail}`);
  return out.join("\n") + "\n";
}
