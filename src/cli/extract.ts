import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalog, defaultCatalog } from "../catalog/load.ts";
import { extract } from "../extract/pipeline.ts";
import type { Claim, ClaimsFile } from "../extract/types.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { readInput } from "./read.ts";

export const EXTRACT_HELP = `Usage: dossier extract FILE... [options]

Reads each FILE (plain text, first line may be the headline; or HTML, read
for its headline and main text as ingest does) or - for standard input, and prints every transfer claim found:
supplier, recipient, system, quantity, value, time, stage, stance, and the
chain of sources, with the evidence.

Options:
  --json             print the claims file (SCHEMA.md shape, with evidence offsets);
                     several files print one JSON object per line
  --out DIR          write DIR/<name>.json for each file instead of printing
  --lang CODE        the text's language (en, fr); detected when absent
  --published DATE   publication date, YYYY, YYYY-MM or YYYY-MM-DD; anchors
                     relative dates ("last year", "en juin dernier")
  --outlet NAME      the outlet that published it (named in a chain only when
                     the text cites its own earlier report)
  --catalog DIR      a catalog folder merged over the built-in one
                     (default: $DOSSIER_CATALOG when set)
  --help             this text

Exit codes: 0 all files read, 2 usage error, 3 some files failed.`;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export async function extractCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "help"], ["out", "lang", "published", "outlet", "catalog"]);
  if (flags.has("help")) {
    io.out(EXTRACT_HELP + "\n");
    return 0;
  }
  if (positional.length === 0) throw new UsageError("extract needs at least one FILE (or - for standard input)");
  const published = flags.get("published") as string | undefined;
  if (published !== undefined && !DATE.test(published)) throw new UsageError(`--published must be YYYY, YYYY-MM or YYYY-MM-DD (got "${published}")`);
  const lang = flags.get("lang") as string | undefined;
  if (lang !== undefined && !/^[a-z]{2}$/.test(lang)) throw new UsageError(`--lang takes an ISO 639-1 code such as en or fr (got "${lang}")`);
  const catalogDir = flags.get("catalog") as string | undefined;
  const catalog = catalogDir ? loadCatalog({ overlays: [catalogDir] }) : defaultCatalog();
  const out = flags.get("out") as string | undefined;
  if (out) mkdirSync(out, { recursive: true });
  let failed = 0;
  for (const path of positional) {
    try {
      const input = readInput(path);
      for (const w of input.warnings) io.err(`warning: ${w}\n`);
      const claims = extract({ id: input.id, text: input.text, lang: lang ?? null, published: published ?? null, outlet: (flags.get("outlet") as string) ?? null }, catalog);
      if (out) writeFileSync(join(out, `${input.id}.json`), JSON.stringify(claims, null, 2) + "\n");
      else if (flags.has("json")) io.out((positional.length > 1 ? JSON.stringify(claims) : JSON.stringify(claims, null, 2)) + "\n");
      else io.out(table(claims));
    } catch (e) {
      const err = e as Error & { code?: string };
      if (!err.code) throw e;
      failed++;
      io.err(`dossier: ${err.message}\n`);
    }
  }
  return failed === 0 ? 0 : 3;
}

function fmtValue(c: Claim): string {
  if (!c.value) return "";
  const { amount, currency } = c.value;
  const scaled = amount >= 1e9 ? `${+(amount / 1e9).toFixed(2)}bn` : amount >= 1e6 ? `${+(amount / 1e6).toFixed(2)}m` : String(amount);
  return `${currency} ${scaled}`;
}

/** A readable table: one block per transfer. */
export function table(file: ClaimsFile): string {
  const lines = [`${file.document.id} (${file.document.language}${file.document.published ? `, ${file.document.published}` : ""}): ${file.transfers.length} transfer(s)`];
  file.transfers.forEach((c, i) => {
    const item = [c.item.name, `(${c.item.category})`].filter(Boolean).join(" ");
    const time = c.time ? (c.time.from === c.time.to ? c.time.from : `${c.time.from}..${c.time.to}`) : "";
    lines.push(
      ``,
      `${i + 1}. ${c.supplier ?? "?"} → ${c.recipient ?? "?"}${c.intermediary ? ` via ${c.intermediary}` : ""}: ${c.quantity ?? ""} ${item}`.replace(/\s+/g, " "),
      `   ${[c.status, c.stance, time, fmtValue(c), c.maker ? `made by ${c.maker}` : ""].filter(Boolean).join(" · ")}`,
      `   sources: ${c.sources.length ? c.sources.join(" → ") : "(the article's own voice)"}`,
      ...(c.targets.length ? [`   targets: ${c.targets.join(", ")}`] : []),
      `   evidence [${c.span.start}-${c.span.end}]: "${c.evidence}"`,
    );
  });
  return lines.join("\n") + "\n\n";
}
