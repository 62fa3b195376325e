import type { Assertion } from "../assess/assess.ts";
import { VERDICT_WORDS } from "../reference/check.ts";
import { getAssertion } from "../store/queries.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const SHOW_HELP = `Usage: dossier show ID [options]

Shows one assertion (ID, or the start of it, as \`dossier list\` prints it):
its fields, the conflicts among its reports, the provenance tree from each
origin through its relays to the documents (and the reference register's
record, when an imported register tells the transfer), the grade and why, and
why its claims were merged.

Options:
  --json             print the whole assertion as JSON
${STORE_OPTIONS}
  --help             this text`;

export async function showCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "help"], ["data", "catalog"]);
  if (flags.has("help")) {
    io.out(SHOW_HELP + "\n");
    return 0;
  }
  if (positional.length !== 1) throw new UsageError("show needs one assertion ID");
  const a = await withRegister(flags, (db) => getAssertion(db, positional[0]!));
  io.out(flags.has("json") ? JSON.stringify(a, null, 2) + "\n" : render(a));
  return 0;
}

const when = (t: Assertion["time"]) => (t ? (t.from === t.to ? t.from : `${t.from} to ${t.to}`) : "unknown");

/** The readable account of one assertion. */
export function render(a: Assertion): string {
  const out: string[] = [];
  out.push(`Assertion ${a.id}: ${a.supplier ?? "?"} → ${a.recipient ?? "?"}${a.intermediary ? ` via ${a.intermediary}` : ""}, ${a.item.name ?? "(no system named)"} (${a.item.category})`);
  out.push(`  quantity ${a.quantity ?? "unknown"}; value ${a.value ? `${a.value.amount} ${a.value.currency}` : "unknown"}; time ${when(a.time)}; status ${a.status}; stance ${a.stance}`);
  out.push(`  independent origins: ${a.independentOrigins}${a.origins.length ? ` (${a.origins.join("; ")})` : ""}`);
  if (a.register) out.push(`  reference register (${a.register.name}): ${VERDICT_WORDS[a.register.verdict]}, ${a.register.counted ? "counted as an independent origin of type register" : "not counted as an origin"}`);
  if (a.denials.length) out.push(`  denied by: ${a.denials.join("; ")}`);
  if (a.circular) out.push(`  circular reporting: ${a.loop.join(" → ")} → ${a.loop[0]}`);
  out.push("", `Grade ${a.grade.reliability}${a.grade.credibility}`, `  ${a.grade.explanation}`);
  if (a.conflictDetails.length) {
    out.push("", "Conflicts");
    for (const c of a.conflictDetails) out.push(`  ${c.kind}: ${c.values.map((v) => `${v.value} (${v.claims.length} report${v.claims.length === 1 ? "" : "s"})`).join(" vs ")}`);
  }
  out.push("", "Provenance");
  const origins = [...new Set(a.members.map((m) => m.origin ?? "(not counted: optional)"))];
  for (const o of origins) {
    const denial = a.denials.includes(o) && !a.origins.includes(o);
    out.push(`  ${o}${denial ? " (denial)" : ""}`);
    for (const m of a.members.filter((x) => (x.origin ?? "(not counted: optional)") === o)) {
      const chain = [...m.chain, `${m.outlet ?? "?"} (${m.document}, ${m.published ?? "undated"})`];
      out.push(`    ${chain.join(" → ")}${m.stance !== "asserted" ? ` [${m.stance}]` : ""}${m.circular ? " [circular]" : ""}`);
      out.push(`      "${m.evidence}"`);
      for (const r of m.resolution) out.push(`      · ${r}`);
    }
  }
  if (a.register?.record) {
    out.push(`  ${a.register.name} (register${a.register.counted ? "" : ", not counted"})`);
    out.push(`    record (line ${a.register.record.line}): ${a.register.record.text}`);
    for (const d of a.register.differs) out.push(`      · differs on ${d.field}: ${d.note}`);
    out.push(`      · ${a.register.why}`);
  }
  if (a.sameParty.length) {
    out.push("", "Counted as one source");
    for (const s of a.sameParty) out.push(`  ${s}`);
  }
  out.push("", "Why these claims were merged");
  const doc = new Map(a.members.map((m) => [m.claim, `${m.document}: "${m.evidence.length > 60 ? m.evidence.slice(0, 57) + "..." : m.evidence}"`] as const));
  for (const r of a.merged) out.push(`  ${doc.get(r.claim)}${r.joined ? ` — ${r.because.join("; ")}` : " — first member"}`);
  return out.join("\n") + "\n";
}
