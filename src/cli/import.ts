import { existsSync, statSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { readTradeRegister } from "../reference/sipri/parse.ts";
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
A register confirmation counts as an origin of the assertions it confirms, so
the import re-checks the assertions its changed records bear on (all of them
on a first import) in the same transaction.

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
  // An import into the embedded register is one batch job with Postgres in its own process (PGlite): it favours
  // memory over speed. V8's --optimize-for-size keeps the young generation at a few MB instead of 32 and collects
  // sooner (bin/dossier sets it before tsx starts its loader thread; here it covers callers of main()), and the
  // register runs PGlite's Postgres on V8's baseline compiler (`lowMemory`). On the 2025 export the whole command
  // peaks at about 240 MB instead of 510, for 7% more CPU time (README, "Import speed"). The flags are V8's: they
  // hold for the rest of the process. With a Postgres server (DATABASE_URL) the command stays at about 220 MB as it
  // is, and is left alone.
  if (!process.env.DATABASE_URL) setFlagsFromString("--optimize-for-size");
  const summary = await withRegister(flags, async (db, catalog) => {
    // The file streams into the import's transaction. A file with no header line yields no records: throwing when
    // they run out rolls the import back before it drops the records already stored.
    const read = readTradeRegister(file, catalog);
    const records = read.records;
    read.records = (async function* () {
      yield* records;
      if (read.preamble.headerLine === null) throw new ImportError(`${file}: no trade-register header line (Recipient,Supplier,Year of order,...): not a SIPRI trade-register export`);
    })();
    return importReference(db, { file, read, catalog });
  }, { lowMemory: true });
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
    `  assertions re-checked against the register: ${s.assertions.pairs} supplier–recipient pair${s.assertions.pairs === 1 ? "" : "s"}, ${s.assertions.updated} assertion${s.assertions.updated === 1 ? "" : "s"} changed`,
  ];
  for (const r of s.rejected) out.push(`    line ${r.line}: ${r.reason}: ${r.detail}`);
  return out.join("\n") + "\n";
}
