import { pendingPairs } from "../store/bulk.ts";
import { mergePending } from "../store/register-batch.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const MERGE_HELP = `Usage: dossier merge [options]

Merges the assertions of the supplier-recipient pairs a bulk ingest stored
but has not merged yet: what an ingest or a worker interrupted before its end
leaves behind ("dossier list" says when there are some). Safe to run while
ingests and workers run, and to interrupt.

Options:
${STORE_OPTIONS}
  --help             this text`;

export async function mergeCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["help"], ["data", "catalog"]);
  if (flags.has("help")) {
    io.out(MERGE_HELP + "\n");
    return 0;
  }
  if (positional.length) throw new UsageError(`merge takes no arguments (got "${positional[0]}")`);
  const m = await withRegister(flags, (db, catalog) => mergePending(db, { catalog }));
  io.out(`${m.pairs} supplier-recipient pair${m.pairs === 1 ? "" : "s"} merged: ${m.created.length} assertions created, ${m.updated.length} updated, ${m.removed.length} removed\n`);
  return 0;
}

/** A note for standard error when some pairs wait to be merged, else null. */
export async function pendingNote(db: Parameters<typeof pendingPairs>[0]): Promise<string | null> {
  const n = await pendingPairs(db);
  return n ? `note: the assertions of ${n} supplier-recipient pair${n === 1 ? " are" : "s are"} not merged yet (a bulk ingest is running or was interrupted); "dossier merge" merges them\n` : null;
}
