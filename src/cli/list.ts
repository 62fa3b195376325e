import type { AssertionSummary } from "../assess/assess.ts";
import { CATEGORIES } from "../catalog/types.ts";
import { listSummaries, type ListFilter } from "../store/queries.ts";
import { latestImport } from "../store/reference.ts";
import { CheckError } from "./check.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { pendingNote } from "./merge.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const LIST_HELP = `Usage: dossier list [options]

Lists the register's assertions: who supplied what to whom, when, with how
many independent origins, the conflicts among the reports, and a grade
(source reliability A-F, information credibility 1-6).

Options:
  --supplier ISO3    only transfers from this state (ISO 3166-1 alpha-3)
  --recipient ISO3   only transfers to this state
  --category C       only this SCHEMA.md category (uav, spyware, ...)
  --since YYYY       only transfers dated in or after this year
  --until YYYY       only transfers dated in or before this year
  --item NAME        only this system and its family (Harfang finds Heron)
  --limit N          at most N assertions (default 1000)
  --with-register    add the imported SIPRI trade register's verdict (see "dossier check")
  --json             print a JSON array instead of a table (each assertion with its
                     register verdict, and whether it counts as an origin)
${STORE_OPTIONS}
  --help             this text`;

const ISO3 = /^[A-Z]{3}$/;
const YEAR = /^\d{4}$/;

/** The list filter the flags ask for; throws a usage error naming a bad one. */
export function filterOf(flags: Map<string, string | true>): ListFilter {
  const f: ListFilter = {};
  for (const k of ["supplier", "recipient"] as const) {
    const v = flags.get(k) as string | undefined;
    if (v === undefined) continue;
    if (!ISO3.test(v.toUpperCase())) throw new UsageError(`--${k} takes an ISO 3166-1 alpha-3 code such as MAR (got "${v}")`);
    f[k] = v.toUpperCase();
  }
  const cat = flags.get("category") as string | undefined;
  if (cat !== undefined) {
    if (!(CATEGORIES as readonly string[]).includes(cat)) throw new UsageError(`--category must be one of ${CATEGORIES.join(", ")} (got "${cat}")`);
    f.category = cat;
  }
  for (const k of ["since", "until"] as const) {
    const v = flags.get(k) as string | undefined;
    if (v === undefined) continue;
    if (!YEAR.test(v)) throw new UsageError(`--${k} takes a year, YYYY (got "${v}")`);
    f[k] = Number(v);
  }
  if (f.since !== undefined && f.until !== undefined && f.since > f.until) throw new UsageError(`--since ${f.since} is after --until ${f.until}`);
  const item = flags.get("item") as string | undefined;
  if (item !== undefined) f.item = item;
  const limit = flags.get("limit") as string | undefined;
  if (limit !== undefined) {
    if (!/^[1-9]\d*$/.test(limit)) throw new UsageError(`--limit takes a positive whole number (got "${limit}")`);
    f.limit = Number(limit);
  }
  return f;
}

export async function listCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "help", "with-register"], ["supplier", "recipient", "category", "since", "until", "item", "limit", "data", "catalog"]);
  if (flags.has("help")) {
    io.out(LIST_HELP + "\n");
    return 0;
  }
  if (positional.length) throw new UsageError(`list takes no arguments (got "${positional[0]}")`);
  const filter = filterOf(flags);
  const withChecks = flags.has("with-register");
  const { found, note } = await withRegister(flags, async (db, catalog) => {
    if (withChecks && !(await latestImport(db))) throw new CheckError('no reference register imported yet: run "dossier import sipri FILE" first');
    return { found: await listSummaries(db, catalog, filter), note: await pendingNote(db) };
  });
  if (note) io.err(note);
  // Each assertion keeps the register's verdict, re-checked by every import and every registration of its pair.
  const verdict = (a: AssertionSummary) => a.register?.verdict ?? "-";
  if (flags.has("json")) io.out(JSON.stringify(found, null, 2) + "\n");
  else io.out(table(found, withChecks ? verdict : undefined));
  return 0;
}

const money = (v: AssertionSummary["value"]) => (v ? `${v.amount >= 1e6 ? `${+(v.amount / 1e6).toFixed(1)}M` : v.amount} ${v.currency}` : "-");
const when = (t: AssertionSummary["time"]) => (t ? (t.from === t.to ? t.from : `${t.from}..${t.to}`) : "-");

/** The readable table: one line per assertion, with the register's verdict when `register` gives it. */
export function table(list: AssertionSummary[], register?: (a: AssertionSummary) => string): string {
  if (list.length === 0) return "no assertions match\n";
  const rows = [
    ["id", "supplier", "recipient", "category", "item", "qty", "value", "time", "status", "stance", "origins", "grade", "conflicts", ...(register ? ["register"] : [])],
    ...list.map((a) => [
      a.id,
      a.supplier ?? "?",
      a.recipient ?? "?",
      a.item.category,
      a.item.name ?? "-",
      a.quantity === null ? "-" : String(a.quantity),
      money(a.value),
      when(a.time),
      a.status,
      a.stance,
      String(a.independentOrigins) + (a.circular ? " (circular)" : ""),
      `${a.grade.reliability}${a.grade.credibility}`,
      a.conflicts.join(",") || "-",
      ...(register ? [register(a)] : []),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + `\n${list.length} assertion${list.length === 1 ? "" : "s"}\n`;
}
