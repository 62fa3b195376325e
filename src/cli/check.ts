import type { Assertion } from "../assess/assess.ts";
import type { Catalog } from "../catalog/types.ts";
import { checkAssertion, describeRecord, VERDICT_WORDS, type CheckResult } from "../reference/check.ts";
import { loadKinds } from "../reference/sipri/lookups.ts";
import type { Db } from "../store/db.ts";
import { getAssertion } from "../store/queries.ts";
import { latestImport, referenceRecordsFor } from "../store/reference.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const CHECK_HELP = `Usage: dossier check ID [options]

Checks one assertion (ID, or the start of it, as \`dossier list\` prints it)
against the imported SIPRI trade register: the records for the same supplier
and recipient, the same system (through the catalog's families: Harfang finds
Heron) and compatible years. Verdict: confirmed (the register records it),
partly (it records the deal and differs on some fields: which, and how),
not-recorded (nothing matches: the nearest records are shown), or
out-of-scope (SIPRI covers only major conventional arms, not spyware,
surveillance tools, small arms or ammunition).

Options:
  --json             print the verdict, matches and nearest records as JSON
  --nearest N        how many nearest records to show (default 5)
${STORE_OPTIONS}
  --help             this text`;

/** A check that has no register to check against, with a stable code. */
export class CheckError extends Error {
  readonly code = "no-reference";
}

/** Checks assertions against the latest SIPRI import, reading each recipient's records once. */
export async function checkAll(db: Db, catalog: Catalog, list: Assertion[], nearest = 5): Promise<Map<string, CheckResult>> {
  if (!(await latestImport(db))) throw new CheckError('no reference register imported yet: run "dossier import sipri FILE" first');
  const kinds = loadKinds();
  const byParties = new Map<string, Awaited<ReturnType<typeof referenceRecordsFor>>>();
  const out = new Map<string, CheckResult>();
  for (const a of list) {
    const k = a.recipient ?? `supplier:${a.supplier}`;
    if (!byParties.has(k)) byParties.set(k, await referenceRecordsFor(db, a));
    out.set(a.id, checkAssertion(catalog, a, byParties.get(k)!, { kinds, nearest }));
  }
  return out;
}

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "help"], ["nearest", "data", "catalog"]);
  if (flags.has("help")) {
    io.out(CHECK_HELP + "\n");
    return 0;
  }
  if (positional.length !== 1) throw new UsageError("check needs one assertion ID");
  const n = flags.get("nearest") as string | undefined;
  if (n !== undefined && !/^\d+$/.test(n)) throw new UsageError(`--nearest takes a whole number (got "${n}")`);
  const { a, result } = await withRegister(flags, async (db, catalog) => {
    const a = await getAssertion(db, positional[0]!);
    return { a, result: (await checkAll(db, catalog, [a], n === undefined ? 5 : Number(n))).get(a.id)! };
  });
  io.out(flags.has("json") ? JSON.stringify(result, null, 2) + "\n" : render(a, result));
  return 0;
}

/** The verdict in words. */
export function render(a: Assertion, c: CheckResult): string {
  const when = a.time ? (a.time.from === a.time.to ? a.time.from : `${a.time.from}-${a.time.to}`) : "undated";
  const out = [`Assertion ${a.id}: ${a.supplier ?? "?"} → ${a.recipient ?? "?"}, ${a.item.name ?? "(no system named)"} (${a.item.category}), ${when}${a.quantity !== null ? `, ${a.quantity} units` : ""}`];
  out.push(`SIPRI trade register: ${VERDICT_WORDS[c.verdict]} — ${c.explanation}`);
  for (const m of c.matches.slice(0, 3)) {
    out.push("", `  record (line ${m.record.line}): ${describeRecord(m.record)}`);
    out.push(`    agrees: ${m.agrees.join("; ")}`);
    for (const d of m.differs) out.push(`    differs on ${d.field}: ${d.note}`);
  }
  if (c.matches.length > 3) out.push(`  and ${c.matches.length - 3} more matching record(s)`);
  if (c.nearest.length) {
    out.push("", "  nearest records:");
    for (const n of c.nearest) out.push(`    line ${n.record.line}: ${describeRecord(n.record)}`, `      near: ${n.near.join(", ")}`);
  }
  return out.join("\n") + "\n";
}
