import { reextract } from "../store/reextract.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const REEXTRACT_HELP = `Usage: dossier reextract [options]

Runs the extractor again over every text stored in the register, replaces
each document's claims where they changed and updates the assertions they
touch, one transaction per document. Analyst decisions are kept.

Options:
  --json             print the summary as JSON
${STORE_OPTIONS}
  --help             this text

Exit codes: 0 done, 3 some documents failed (the others are updated).`;

export async function reextractCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "help"], ["data", "catalog"]);
  if (flags.has("help")) {
    io.out(REEXTRACT_HELP + "\n");
    return 0;
  }
  if (positional.length) throw new UsageError(`reextract takes no arguments (got "${positional[0]}")`);
  const s = await withRegister(flags, (db, catalog) => reextract(db, catalog));
  if (flags.has("json")) io.out(JSON.stringify(s, null, 2) + "\n");
  else {
    io.out(`${s.documents} documents: ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed.length} failed\n`);
    for (const f of s.failed) io.err(`${f.document}: ${f.error}\n`);
  }
  return s.failed.length ? 3 : 0;
}
