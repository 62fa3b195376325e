import type { Reliability } from "../assess/grade.ts";
import { decide, type Decision } from "../store/decisions.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const DECIDE_HELP = `Usage: dossier decide KIND ARGS... [options]

Records an analyst's decision, logs it in the audit log and recomputes the
assertions. Decisions are kept when texts are extracted again.

Kinds:
  reliability SOURCE GRADE   rate a source A-F (SOURCE: its name, a catalog id
                             such as source:haaretz, or register:sipri for the
                             SIPRI Arms Transfers Database as an origin)
  same-source NAME OTHER     count two names as one source
  reject DOCUMENT EVIDENCE   leave a claim out (by its document id and evidence)

Options:
  --analyst NAME     who decided
  --note TEXT        why
${STORE_OPTIONS}
  --help             this text`;

function decisionOf(args: string[]): Decision {
  const [kind, a, b, ...rest] = args;
  if (!kind || !a || !b || rest.length) throw new UsageError("decide needs a KIND and two arguments");
  if (kind === "reliability") {
    if (!/^[A-F]$/.test(b)) throw new UsageError(`a reliability grade is one letter A-F (got "${b}")`);
    return { kind: "source-reliability", subject: a, reliability: b as Reliability };
  }
  if (kind === "same-source") return { kind: "same-source", subject: a, as: b };
  if (kind === "reject") return { kind: "reject-claim", document: a, evidence: b };
  throw new UsageError(`unknown decision "${kind}" (reliability, same-source, reject)`);
}

export async function decideCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["help"], ["analyst", "note", "data", "catalog"]);
  if (flags.has("help")) {
    io.out(DECIDE_HELP + "\n");
    return 0;
  }
  const d = decisionOf(positional);
  const changes = await withRegister(flags, (db, catalog) => decide(db, catalog, d, (flags.get("analyst") as string) ?? null, (flags.get("note") as string) ?? null));
  io.out(`recorded; assertions: ${changes.created.length} created, ${changes.updated.length} updated, ${changes.removed.length} removed\n`);
  return 0;
}
