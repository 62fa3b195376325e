import { writeFileSync } from "node:fs";
import { toTradeRegister } from "../reference/sipri/export.ts";
import { listAssertions } from "../store/queries.ts";
import { parseArgs, UsageError } from "./args.ts";
import { filterOf } from "./list.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const EXPORT_HELP = `Usage: dossier export --format sipri [options]

Writes the register's assertions in the column layout of SIPRI's trade
register (Latin-1 CSV, an 11-line preamble, the 16-column header), so tools
that read SIPRI's exports can read Dossier's news-derived assertions. TIV
columns stay empty; the comments carry the reported value, the intermediary,
and the assertion's id, independent origins and grade. An assertion with no
date has an empty year of order.

Options:
  --format sipri     the layout (only sipri for now)
  --output FILE      write to FILE in Latin-1, as SIPRI does (standard output
                     gets the text as is)
  --supplier, --recipient, --category, --since, --until, --item, --limit
                     the filters of "dossier list"
${STORE_OPTIONS}
  --help             this text`;

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["help"], ["format", "output", "supplier", "recipient", "category", "since", "until", "item", "limit", "data", "catalog"]);
  if (flags.has("help")) {
    io.out(EXPORT_HELP + "\n");
    return 0;
  }
  if (positional.length) throw new UsageError(`export takes no arguments (got "${positional[0]}")`);
  if (flags.get("format") !== "sipri") throw new UsageError(`--format must be sipri (got ${flags.has("format") ? `"${flags.get("format")}"` : "none"})`);
  const filter = filterOf(flags);
  const lines = await withRegister(flags, async (db, catalog) => toTradeRegister(catalog, await listAssertions(db, catalog, filter)));
  const text = lines.join("\n") + "\n";
  const output = flags.get("output") as string | undefined;
  // SIPRI's exports are Latin-1: a character outside it becomes "?" rather than a wrong byte.
  if (output) writeFileSync(output, Buffer.from(text.replace(/[^\x00-\xff]/g, "?"), "latin1"));
  else io.out(text);
  return 0;
}
