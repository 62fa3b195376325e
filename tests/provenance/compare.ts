// Compares a register's assertions with a case.json, the way the provenance README says: key and item, origin
// count, origins and denials by name (or the case's aliases), circularity, loop and the set of conflict kinds.
import type { Catalog } from "../../src/catalog/types.ts";
import { fold } from "../../src/catalog/fold.ts";
import type { Assertion } from "../../src/assess/assess.ts";
import { familyOf } from "../../src/resolve/merge.ts";
import { sameName } from "../../src/resolve/names.ts";
import type { ExpectedAssertion } from "./load.ts";

export interface CaseResult {
  expected: number;
  right: number;
  problems: string[];
}

const label = (e: { supplier: string | null; recipient: string | null; category: string; item: string | null }) => `${e.supplier}>${e.recipient} ${e.category} ${e.item ?? "(no item)"}`;

function names(expected: string[], got: string[], aliases: Record<string, string[]>): boolean {
  if (expected.length !== got.length) return false;
  const left = [...got];
  for (const e of expected) {
    const forms = [e, ...(aliases[e] ?? [])];
    const i = left.findIndex((g) => forms.some((f) => fold(f) === fold(g) || sameName(f, g)));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** Every problem found comparing the register's assertions with the expected ones; assertions made only of optional claims are ignored. */
export function compareCase(catalog: Catalog, expected: ExpectedAssertion[], got: Assertion[]): CaseResult {
  const problems: string[] = [];
  const unused = got.filter((a) => a.members.some((m) => !m.optional));
  let right = 0;
  for (const e of expected) {
    const i = unused.findIndex(
      (a) => a.supplier === e.supplier && a.recipient === e.recipient && a.item.category === e.category && (e.item === null ? a.item.name === null : familyOf(catalog, a.item.name) === familyOf(catalog, e.item)),
    );
    if (i < 0) {
      problems.push(`${label(e)}: no such assertion`);
      continue;
    }
    const a = unused.splice(i, 1)[0]!;
    const aliases = e.aliases ?? {};
    const wrong: string[] = [];
    if (a.independentOrigins !== e.independentOrigins) wrong.push(`independentOrigins ${a.independentOrigins}, expected ${e.independentOrigins}`);
    if (!names(e.origins, a.origins, aliases)) wrong.push(`origins ${JSON.stringify(a.origins)}, expected ${JSON.stringify(e.origins)}`);
    if (!names(e.denials, a.denials, aliases)) wrong.push(`denials ${JSON.stringify(a.denials)}, expected ${JSON.stringify(e.denials)}`);
    if (a.circular !== e.circular) wrong.push(`circular ${a.circular}, expected ${e.circular}`);
    if (e.loop && !names(e.loop, a.loop, aliases)) wrong.push(`loop ${JSON.stringify(a.loop)}, expected ${JSON.stringify(e.loop)}`);
    const conflicts = [...a.conflicts].sort().join(",");
    if (conflicts !== [...e.conflicts].sort().join(",")) wrong.push(`conflicts [${conflicts}], expected [${[...e.conflicts].sort().join(",")}]`);
    const docs = [...new Set(a.members.filter((m) => !m.optional).map((m) => `${m.document}.html`))].sort().join(",");
    if (docs !== [...e.documents].sort().join(",")) wrong.push(`documents ${docs}, expected ${[...e.documents].sort().join(",")}`);
    if (wrong.length) problems.push(`${label(e)}: ${wrong.join("; ")}`);
    else right++;
  }
  for (const a of unused) problems.push(`${label({ ...a, category: a.item.category, item: a.item.name })}: extra assertion (${a.members.filter((m) => !m.optional).length} counted claims)`);
  return { expected: expected.length, right, problems };
}
