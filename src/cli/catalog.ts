import { defaultCatalog, loadCatalog } from "../catalog/load.ts";
import { gazetteerFor } from "../catalog/gazetteer.ts";
import type { Catalog, RoleTerm } from "../catalog/types.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";

export const CATALOG_HELP = `Usage: dossier catalog stats [--json]
       dossier catalog find NAME [--lang CODE] [--json]

stats   counts of states, systems, spyware, makers, sources, actors, people and names
find    what NAME resolves to in the catalog (every reading), and why

Options:
  --lang CODE     language whose names are searched (default en)
  --catalog DIR   a catalog folder merged over the built-in one
  --json          machine-readable output`;

/** Counts per kind, as `catalog stats --json` prints them. */
export function catalogStats(c: Catalog): Record<string, number> {
  const systems = [...c.systems.values()];
  const spyware = systems.filter((s) => s.file.endsWith("spyware.tsv")).length;
  const gaz = c.languages.map((l) => gazetteerFor(c, l, { people: true }).size).reduce((a, b) => a + b, 0);
  return {
    states: c.states.size,
    systems: systems.length - spyware,
    spyware,
    makers: c.makers.size,
    sources: c.sources.size,
    actors: c.actors.size,
    people: c.people.size,
    aliases: gaz,
  };
}

export async function catalogCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "help"], ["lang", "catalog"]);
  if (flags.has("help")) {
    io.out(CATALOG_HELP + "\n");
    return 0;
  }
  const dir = flags.get("catalog") as string | undefined;
  const catalog = dir ? loadCatalog({ overlays: [dir] }) : defaultCatalog();
  const [sub, ...names] = positional;
  if (sub === "stats") {
    const stats = catalogStats(catalog);
    io.out(flags.has("json") ? JSON.stringify(stats) + "\n" : Object.entries(stats).map(([k, v]) => `${k.padEnd(8)} ${v}`).join("\n") + "\n");
    return 0;
  }
  if (sub === "find") {
    const name = names.join(" ").trim();
    if (!name) throw new UsageError("catalog find needs a NAME");
    const lang = (flags.get("lang") as string) ?? "en";
    const matches = gazetteerFor(catalog, lang, { people: true }).match(name);
    const whole = matches.filter((m) => m.start === 0 && m.end === name.length);
    const found = (whole.length ? whole : matches).flatMap((m) =>
      m.targets.map((t) => ({ matched: name.slice(m.start, m.end), kind: t.kind, id: t.id, form: t.form, ambiguous: t.ambiguous, cue: t.cue, nameKind: t.nameKind, category: t.category, entry: describe(catalog, t.kind, t.id) })),
    );
    if (flags.has("json")) io.out(JSON.stringify(found, null, 2) + "\n");
    else if (found.length === 0) io.out(`"${name}": no catalog entry (language ${lang})\n`);
    else
      for (const f of found)
        io.out(
          `"${f.matched}" → ${f.kind} ${f.id}${f.category ? ` (${f.category})` : ""}${f.nameKind ? ` [${f.nameKind}]` : ""}\n` +
            `   matched the catalog name "${f.form}"${f.ambiguous ? `, ambiguous: counts only with a ${f.cue} cue${f.kind === "person" ? " (a title right before it)" : ""}` : ""}\n` +
            `   ${f.entry}\n`,
        );
    return found.length ? 0 : 1;
  }
  throw new UsageError(sub ? `unknown catalog subcommand "${sub}"` : "catalog needs a subcommand: stats or find");
}

/** "defence minister 2017–2022", "head of state from 2014 (end not recorded)", "foreign minister (years not recorded)". */
function roleText(t: RoleTerm): string {
  const role = t.role.replace(/-/g, " ");
  if (t.from === null) return `${role} (years not recorded)`;
  return t.to === null ? `${role} from ${t.from} (end not recorded)` : `${role} ${t.from}–${t.to}`;
}

function describe(c: Catalog, kind: string, id: string): string {
  switch (kind) {
    case "system": {
      const s = c.systems.get(id)!;
      const maker = s.maker ? c.makers.get(s.maker)?.names[0]?.text ?? s.maker : "?";
      return `${s.names[0]!.text}: ${s.category}, made by ${maker}, origin ${s.origin ?? "?"}${s.family ? `, family ${s.family}` : ""} (${s.file})`;
    }
    case "maker": {
      const m = c.makers.get(id)!;
      return `${m.names[0]!.text}: ${m.sector} company of ${m.country ?? "?"} (${m.file})`;
    }
    case "source": {
      const s = c.sources.get(id)!;
      return `${s.names[0]!.text}: ${s.type}, ${s.country ?? "international"}${s.domains.length ? `, ${s.domains.join(", ")}` : ""} (${s.file})`;
    }
    case "actor": {
      const a = c.actors.get(id)!;
      return `${a.id}: non-state actor${a.country ? ` based in ${a.country}` : ""} (${a.file})`;
    }
    case "person": {
      const p = c.people.get(id)!;
      const speaks = p.type ? `a ${p.type} source${p.body ? ` (${p.body})` : ""}` : `speaks for ${p.body}`;
      return `${p.names[0]!.text}: ${c.states.get(p.state)?.label ?? p.state}, ${speaks}; ${p.roles.map(roleText).join("; ")} (${p.file})`;
    }
    case "state":
      return `${c.states.get(id)?.label ?? id} (ISO 3166-1 ${id})`;
    default:
      return `generic noun for ${id}`;
  }
}
