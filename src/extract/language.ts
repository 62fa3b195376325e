import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fold } from "../catalog/fold.ts";
import { tokenize } from "../catalog/phrases.ts";
import { LANG_DIR } from "../catalog/load.ts";
import { multi, readTsv } from "../catalog/tsv.ts";

let profiles: Map<string, Set<string>> | null = null;
function load(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const code of readdirSync(LANG_DIR).sort()) {
    const file = join(LANG_DIR, code, "detect.tsv");
    if (!existsSync(file)) continue;
    const words = new Set<string>();
    for (const { cells } of readTsv(file, ["id", "forms"])) for (const f of multi(cells.forms)) words.add(fold(f));
    out.set(code, words);
  }
  return out;
}

/** Guesses the language from its most common words (the first 20,000 characters); null when no language scores. */
export function detectLanguage(text: string): string | null {
  profiles ??= load();
  const sample = fold(text.slice(0, 20000));
  const counts = new Map<string, number>();
  for (const t of tokenize(sample)) for (const [code, words] of profiles) if (words.has(t.text)) counts.set(code, (counts.get(code) ?? 0) + 1);
  let best: string | null = null;
  let score = 0;
  let tie = false;
  for (const [code, n] of counts) {
    if (n > score) (best = code), (score = n), (tie = false);
    else if (n === score) tie = true;
  }
  return score >= 1 && !tie ? best : null;
}
