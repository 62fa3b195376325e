import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { z } from "zod";
import { DataError, multi, optional, readTsv } from "./tsv.ts";
import { fold } from "./fold.ts";
import { tokenize } from "./phrases.ts";
import {
  CATEGORIES,
  MONARCHY_STYLES,
  PERSON_ROLES,
  SOURCE_TYPES,
  type ActorEntry,
  type Catalog,
  type CategoryNoun,
  type MakerEntry,
  type NameForm,
  type PersonEntry,
  type PersonRole,
  type RoleTerm,
  type SourceEntry,
  type StateEntry,
  type StateNameKind,
  type SystemEntry,
} from "./types.ts";

/** The repository's root folder (where `data/` and `lang/` live). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The built-in catalog folder. */
export const CATALOG_DIR = join(ROOT, "data", "catalog");
/** The per-language data folder. */
export const LANG_DIR = join(ROOT, "lang");

const alpha3 = z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code");
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a kebab-case id");
const country = z.union([alpha3, z.literal("-")]);
const category = z.enum(CATEGORIES);
const nsaId = z.string().regex(/^nsa:\S.*$/, "an nsa:<Name> id");
const systemRow = z.object({
  id: kebab,
  category,
  maker: z.string(),
  origin: country,
  family: z.string(),
  cue: z.enum(["-", "capital", "context"]),
  names: z.string().min(1, "at least one name"),
});
const makerRow = z.object({ id: kebab, country, kind: z.enum(["defence", "surveillance", "both"]), names: z.string().min(1) });
const sourceRow = z.object({ id: kebab, type: z.enum(SOURCE_TYPES), country, domains: z.string(), names: z.string().min(1) });
const actorRow = z.object({ id: nsaId, country, names: z.string().min(1) });
const stateRow = z.object({
  id: z.union([alpha3, nsaId]),
  kind: z.enum(["name", "demonym", "seat", "force"]),
  names: z.string().min(1),
});
// One enum and one pattern rather than unions: zod checks a union's members one by one, and people are many.
const personRow = z.object({
  id: kebab,
  state: alpha3,
  type: z.enum([...SOURCE_TYPES, "-"]),
  body: z.string().regex(/^(?:nsa:\S.*|[a-z0-9]+(?:-[a-z0-9]+)*|-)$/, "an nsa:<Name> id, a maker or source id, or -"),
  roles: z.string().min(1, "at least one role"),
  names: z.string().min(1, "at least one name"),
});
const categoryRow = z.object({ category, names: z.string().min(1) });
const monarchyRow = z.object({ id: alpha3, style: z.enum(MONARCHY_STYLES) });

function parse<T>(schema: z.ZodType<T>, file: string, line: number, cells: Record<string, string>): T {
  const r = schema.safeParse(cells);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new DataError(file, line, `${issue.path.join(".") || "row"}: ${issue.message} (got ${JSON.stringify(cells[String(issue.path[0])] ?? "")})`);
  }
  return r.data;
}

const ROLE_TERM = /^([a-z-]+)(?::(\d{4})-(\d{4})?)?$/;
const ROLES = new Set<string>(PERSON_ROLES);
/** Latest year a term may name: the catalog records no future. */
const LAST_YEAR = new Date().getUTCFullYear();

/** Parses a roles cell (`defence-minister:2017-2022|head-of-government:2022-|foreign-minister`), or says what is wrong. */
export function roleTerms(cell: string): RoleTerm[] | string {
  const terms: RoleTerm[] = [];
  for (const part of multi(cell)) {
    const m = ROLE_TERM.exec(part);
    if (!m) return `roles: "${part}" is not role, role:YYYY-YYYY or role:YYYY-`;
    if (!ROLES.has(m[1]!)) return `roles: unknown role "${m[1]}" (expected one of ${PERSON_ROLES.join(", ")})`;
    const from = m[2] ? Number(m[2]) : null;
    const to = m[3] ? Number(m[3]) : null;
    if (from !== null && (from < 1900 || from > LAST_YEAR)) return `roles: "${part}" starts in ${from}`;
    if (to !== null && (to < from! || to > LAST_YEAR)) return `roles: "${part}" ends before it starts or after ${LAST_YEAR}`;
    terms.push({ role: m[1] as PersonRole, from, to });
  }
  return terms.length ? terms : "roles: at least one role";
}

/** Parses a names cell: `?` marks an ambiguous form. */
export function nameForms(cell: string): NameForm[] {
  return multi(cell).map((n) => (n.startsWith("?") ? { text: n.slice(1).trim(), ambiguous: true } : { text: n, ambiguous: false }));
}

const tsvFiles = (dir: string): string[] =>
  existsSync(dir) && statSync(dir).isDirectory()
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".tsv"))
        .sort()
        .map((f) => join(dir, f))
    : [];

function put<T extends { id: string; file: string }>(map: Map<string, T>, entry: T, line: number, overlay: boolean): void {
  const prior = map.get(entry.id);
  if (prior && !overlay) throw new DataError(entry.file, line, `duplicate id ${entry.id} (also in ${prior.file})`);
  map.set(entry.id, entry);
}

/** Reads every row of some TSV files through a row schema into entries of one catalog map. */
function readInto<R, E extends { id: string; file: string }>(
  files: string[],
  columns: string[],
  schema: z.ZodType<R>,
  build: (row: R, file: string) => E,
  map: Map<string, E>,
  overlay: boolean,
): void {
  for (const file of files) {
    const rel = relative(ROOT, file) || file;
    for (const { line, cells } of readTsv(file, columns)) put(map, build(parse(schema, rel, line, cells), rel), line, overlay);
  }
}

function loadEntries(dir: string, catalog: Catalog, overlay: boolean): void {
  const named = (name: string) => tsvFiles(dir).filter((f) => f.endsWith(name));
  readInto(
    [...tsvFiles(join(dir, "systems")), ...named("spyware.tsv")],
    ["id", "category", "maker", "origin", "family", "cue", "names"],
    systemRow,
    (r, file): SystemEntry => ({
      kind: "system",
      id: r.id,
      category: r.category,
      maker: optional(r.maker),
      origin: optional(r.origin),
      family: optional(r.family),
      cue: r.cue === "-" ? "none" : r.cue,
      names: nameForms(r.names),
      file,
    }),
    catalog.systems,
    overlay,
  );
  readInto(
    [...tsvFiles(join(dir, "makers")), ...named("makers.tsv")],
    ["id", "country", "kind", "names"],
    makerRow,
    (r, file): MakerEntry => ({ kind: "maker", id: r.id, country: optional(r.country), sector: r.kind, names: nameForms(r.names), file }),
    catalog.makers,
    overlay,
  );
  readInto(
    named("sources.tsv"),
    ["id", "type", "country", "domains", "names"],
    sourceRow,
    (r, file): SourceEntry => ({
      kind: "source",
      id: r.id,
      type: r.type,
      country: optional(r.country),
      domains: multi(r.domains).map((d) => d.toLowerCase()),
      names: nameForms(r.names),
      file,
    }),
    catalog.sources,
    overlay,
  );
  readInto(
    named("actors.tsv"),
    ["id", "country", "names"],
    actorRow,
    (r, file): ActorEntry => ({ kind: "actor", id: r.id, country: optional(r.country), names: nameForms(r.names), file }),
    catalog.actors,
    overlay,
  );
}

/** Roles held in the entry's `body` rather than in a state's government. */
const BODY_ROLES = new Set<PersonRole>(["organisation-head", "researcher"]);

/**
 * `people/*.tsv`, read once states, actors, makers and sources are known, so that a person's state and body are
 * checked on their line. A one-word name must be marked `?`: a surname alone is too often an ordinary word or a
 * common name to count without a title.
 */
function loadPeople(dir: string, catalog: Catalog, overlay: boolean): void {
  const files = [...tsvFiles(join(dir, "people")), ...tsvFiles(dir).filter((f) => f.endsWith("people.tsv"))];
  for (const file of files) {
    const rel = relative(ROOT, file) || file;
    for (const { line, cells } of readTsv(file, ["id", "state", "type", "body", "roles", "names"])) {
      const r = parse(personRow, rel, line, cells);
      const fail: (problem: string) => never = (problem) => {
        throw new DataError(rel, line, problem);
      };
      if (!catalog.states.has(r.state)) fail(`state: unknown state ${r.state}`);
      const body = optional(r.body);
      if (body && !(body.startsWith("nsa:") ? catalog.actors.has(body) : catalog.makers.has(body) || catalog.sources.has(body))) fail(`body: no actor, maker or source ${body}`);
      if (r.type === "-" && !body?.startsWith("nsa:")) fail("type: - (speaks for a non-state actor) needs an nsa: body");
      const roles = roleTerms(r.roles);
      if (typeof roles === "string") fail(roles);
      const inBody = roles.find((t) => BODY_ROLES.has(t.role));
      if (inBody && !body) fail(`roles: ${inBody.role} needs a body`);
      const names = nameForms(r.names);
      const bare = names.find((n) => !n.ambiguous && tokenize(fold(n.text)).length === 1);
      if (bare) fail(`names: one-word name "${bare.text}" must be marked ? (a surname alone needs a title)`);
      const entry: PersonEntry = { kind: "person", id: r.id, state: r.state, type: r.type === "-" ? null : r.type, body, roles, names, file: rel };
      put(catalog.people, entry, line, overlay);
    }
  }
}

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  capital?: string[];
  altSpellings?: string[];
  unMember: boolean;
  independent?: boolean;
  translations: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
}

/** ISO 639-1 → the ISO 639-3 keys `world-countries` uses for translations. */
const WORLD_LANG: Record<string, string> = { en: "eng", fr: "fra", es: "spa", de: "deu", ar: "ara" };
/** States outside the UN that reporting treats as states (Hong Kong keeps its own ISO code: "Hong Kong police bought…"). */
const EXTRA_STATES = new Set(["PSE", "VAT", "TWN", "UNK", "ESH", "HKG"]);

function loadStates(catalog: Catalog): void {
  const require = createRequire(import.meta.url);
  const countries = require("world-countries") as WorldCountry[];
  for (const c of countries) {
    if (!c.unMember && !EXTRA_STATES.has(c.cca3)) continue;
    const names: StateEntry["names"] = {};
    for (const [code, key] of Object.entries(WORLD_LANG)) {
      const list: StateEntry["names"][string] = [];
      const common = code === "en" ? c.name.common : c.translations[key]?.common;
      const official = code === "en" ? c.name.official : c.translations[key]?.official;
      for (const n of [common, official]) if (n && !/[()]/.test(n)) list.push({ text: n, kind: "name", ambiguous: false });
      const dem = c.demonyms?.[key];
      if (dem) for (const d of new Set([dem.m, dem.f])) list.push({ text: d, kind: "demonym", ambiguous: false });
      if (code === "en") for (const cap of c.capital ?? []) list.push({ text: cap, kind: "seat", ambiguous: true });
      names[code] = list;
    }
    catalog.states.set(c.cca3, { kind: "state", id: c.cca3, label: c.name.common, names });
  }
}

function loadLanguage(dir: string, code: string, catalog: Catalog): void {
  const rel = (f: string) => relative(ROOT, f) || f;
  const states = join(dir, "states.tsv");
  if (existsSync(states)) {
    for (const { line, cells } of readTsv(states, ["id", "kind", "names"])) {
      const r = parse(stateRow, rel(states), line, cells);
      const state = catalog.states.get(r.id);
      const forms = nameForms(r.names).map((n) => ({ ...n, kind: r.kind as StateNameKind }));
      if (state) (state.names[code] ??= []).push(...forms);
      else if (r.id.startsWith("nsa:")) {
        const actor = catalog.actors.get(r.id);
        if (!actor) throw new DataError(rel(states), line, `unknown actor ${r.id}`);
        actor.names.push(...forms);
      } else throw new DataError(rel(states), line, `unknown state ${r.id}`);
    }
  }
  const cats = join(dir, "categories.tsv");
  if (existsSync(cats)) {
    const nouns: CategoryNoun[] = catalog.categoryNouns.get(code) ?? [];
    for (const { line, cells } of readTsv(cats, ["category", "names"])) {
      const r = parse(categoryRow, rel(cats), line, cells);
      for (const n of nameForms(r.names)) nouns.push({ category: r.category, ...n });
    }
    catalog.categoryNouns.set(code, nouns);
  }
}

/** Options for {@link loadCatalog}. */
export interface LoadOptions {
  /** Folders merged over the built-in catalog, entry by entry; default: `DOSSIER_CATALOG` when set. */
  overlays?: string[];
}

/** Loads and validates the built-in catalog, the language data and any overlay folders. */
export function loadCatalog(options: LoadOptions = {}): Catalog {
  const catalog: Catalog = {
    systems: new Map(),
    makers: new Map(),
    sources: new Map(),
    actors: new Map(),
    states: new Map(),
    people: new Map(),
    categoryNouns: new Map(),
    languages: [],
  };
  loadEntries(CATALOG_DIR, catalog, false);
  const overlays = options.overlays ?? (process.env.DOSSIER_CATALOG ? [process.env.DOSSIER_CATALOG] : []);
  for (const dir of overlays) {
    if (!existsSync(dir)) throw new DataError(dir, 0, "catalog overlay folder does not exist");
    loadEntries(dir, catalog, true);
  }
  loadStates(catalog);
  for (const dir of overlays) loadOverlayStates(dir, catalog);
  for (const dir of [CATALOG_DIR, ...overlays]) loadMonarchies(dir, catalog);
  loadPeople(CATALOG_DIR, catalog, false);
  for (const dir of overlays) loadPeople(dir, catalog, true);
  for (const code of readdirSync(LANG_DIR).sort()) {
    const dir = join(LANG_DIR, code);
    if (!/^[a-z]{2}$/.test(code) || !statSync(dir).isDirectory()) continue;
    catalog.languages.push(code);
    loadLanguage(dir, code, catalog);
    for (const overlay of overlays) if (existsSync(join(overlay, "lang", code))) loadLanguage(join(overlay, "lang", code), code, catalog);
  }
  return catalog;
}

/** `monarchies.tsv`: the style of each monarchy ("kingdom"), for texts that name a state by it. */
function loadMonarchies(dir: string, catalog: Catalog): void {
  const file = join(dir, "monarchies.tsv");
  if (!existsSync(file)) return;
  const rel = relative(ROOT, file) || file;
  for (const { line, cells } of readTsv(file, ["id", "style"])) {
    const r = parse(monarchyRow, rel, line, cells);
    const state = catalog.states.get(r.id);
    if (!state) throw new DataError(rel, line, `unknown state ${r.id}`);
    state.style = r.style;
  }
}

/** An overlay may define fictional or missing states in `states.tsv` (`id	label`). */
function loadOverlayStates(dir: string, catalog: Catalog): void {
  const file = join(dir, "states.tsv");
  if (!existsSync(file)) return;
  for (const { line, cells } of readTsv(file, ["id", "label"])) {
    const code = cells.id!;
    if (!/^[A-Z]{3}$/.test(code)) throw new DataError(file, line, `id: an ISO 3166-1 alpha-3 code (got ${JSON.stringify(code)})`);
    const existing = catalog.states.get(code);
    const names = existing?.names ?? {};
    catalog.states.set(code, { kind: "state", id: code, label: cells.label!, names });
  }
}

let cached: Catalog | null = null;
/** The catalog with the default options, loaded once per process. */
export function defaultCatalog(): Catalog {
  return (cached ??= loadCatalog());
}
