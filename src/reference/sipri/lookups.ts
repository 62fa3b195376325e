import { join } from "node:path";
import { ROOT } from "../../catalog/load.ts";
import { fold } from "../../catalog/fold.ts";
import { DataError, multi, readTsv } from "../../catalog/tsv.ts";
import { CATEGORIES, type Catalog, type Category } from "../../catalog/types.ts";

/** The reference-register data folder. */
export const REFERENCE_DIR = join(ROOT, "data", "reference");

/** What a SIPRI party name stands for. */
export type PartyKind = "state" | "historical" | "non-state" | "organisation" | "unknown";

/** A supplier or recipient: as written, and the catalog id it links to (null when unknown or unlinked). */
export interface Party {
  written: string;
  id: string | null;
  kind: PartyKind;
}

/** A description rule of `sipri/descriptions.tsv`. */
export interface DescriptionRule {
  id: string;
  category: Category;
  kind: string | null;
  pattern: RegExp;
  example: string;
  line: number;
}

/** The lookups the SIPRI parser reads from `data/reference/`, compiled once. */
export interface SipriLookups {
  party(written: string): Party;
  /** A state named in running text: a name as `party` reads it, or a nationality adjective (`French company`). */
  mention(written: string): Party;
  describe(description: string): { category: Category; kind: string | null; rule: string };
  currency(written: string): string | null;
  rules: DescriptionRule[];
}

const KINDS = new Set<PartyKind>(["state", "historical", "non-state", "organisation", "unknown"]);
const key = (s: string) => fold(s).replace(/[\s-]+/g, " ").trim();

/** Compiles the lookups over a catalog: its English state names first, then the alias table. */
export function sipriLookups(catalog: Catalog, dir = REFERENCE_DIR): SipriLookups {
  const names = new Map<string, Party>();
  for (const s of catalog.states.values()) for (const n of s.names.en ?? []) if (n.kind === "name" && !n.ambiguous) names.set(key(n.text), { written: n.text, id: s.id, kind: "state" });
  const demonyms = new Map<string, string>();
  for (const s of catalog.states.values()) for (const n of s.names.en ?? []) if (n.kind === "demonym") demonyms.set(key(n.text), s.id);
  const namesFile = join(dir, "sipri", "names.tsv");
  for (const { line, cells } of readTsv(namesFile, ["written", "id", "kind"])) {
    if (!KINDS.has(cells.kind as PartyKind)) throw new DataError(namesFile, line, `kind: one of ${[...KINDS].join(", ")} (got ${JSON.stringify(cells.kind)})`);
    if (cells.id !== "-" && !/^[A-Z]{3}$/.test(cells.id!) && !/^nsa:\S/.test(cells.id!)) throw new DataError(namesFile, line, `id: an alpha-3 code, an nsa: id or - (got ${JSON.stringify(cells.id)})`);
    if (cells.id!.startsWith("nsa:") && cells.written!.endsWith("*") && !catalog.actors.has(cells.id!)) throw new DataError(namesFile, line, `unknown actor ${cells.id}`);
    names.set(key(cells.written!), { written: cells.written!, id: cells.id === "-" ? null : cells.id!, kind: cells.kind as PartyKind });
  }
  const rulesFile = join(dir, "sipri", "descriptions.tsv");
  const rules: DescriptionRule[] = readTsv(rulesFile, ["id", "category", "kind", "pattern", "example"]).map(({ line, cells }) => {
    if (!(CATEGORIES as readonly string[]).includes(cells.category!)) throw new DataError(rulesFile, line, `category: one of ${CATEGORIES.join(", ")} (got ${JSON.stringify(cells.category)})`);
    let pattern: RegExp;
    try {
      pattern = new RegExp(cells.pattern!, "i");
    } catch (e) {
      throw new DataError(rulesFile, line, `pattern: ${(e as Error).message}`);
    }
    return { id: cells.id!, category: cells.category as Category, kind: cells.kind === "-" ? null : cells.kind!, pattern, example: cells.example!, line };
  });
  const currencies = new Map(readTsv(join(dir, "sipri", "currencies.tsv"), ["written", "iso"]).map(({ cells }) => [cells.written!, cells.iso!] as const));
  const described = new Map<string, { category: Category; kind: string | null; rule: string }>();
  // An export names a few hundred parties tens of thousands of times: each written name is read once, and its
  // records share the (never modified) answer.
  const parties = new Map<string, Party>();
  const readParty = (written: string): Party => {
    const w = written.trim();
    const known = names.get(key(w));
    if (known) return { ...known, written: w };
    // SIPRI marks non-state actors with `*` and organisations with `**`: the schema's nsa:<name> cases.
    const stars = /\*+$/.exec(w)?.[0].length ?? 0;
    if (stars) return { written: w, id: `nsa:${w.slice(0, -stars).trim()}`, kind: stars >= 2 ? "organisation" : "non-state" };
    return { written: w, id: null, kind: "unknown" };
  };
  return {
    rules,
    party(written) {
      let p = parties.get(written);
      if (!p) parties.set(written, (p = readParty(written)));
      return p;
    },
    mention(written) {
      const p = this.party(written);
      if (p.id) return p;
      const id = demonyms.get(key(written));
      return id ? { written, id, kind: "state" } : p;
    },
    describe(description) {
      let d = described.get(description);
      if (!d) {
        const r = rules.find((x) => x.pattern.test(description));
        d = r ? { category: r.category, kind: r.kind, rule: r.id } : { category: "other", kind: null, rule: "none" };
        described.set(description, d);
      }
      return d;
    },
    currency(written) {
      return currencies.get(written) ?? (/^[A-Z]{3}$/.test(written) ? written : null);
    },
  };
}

/** The finer kinds of `kinds.tsv`, each with its folded names. */
export function loadKinds(dir = REFERENCE_DIR): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { cells } of readTsv(join(dir, "kinds.tsv"), ["kind", "names"])) out.set(cells.kind!, multi(cells.names).map(key));
  return out;
}
