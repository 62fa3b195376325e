/** SCHEMA.md's item categories. */
export const CATEGORIES = [
  "aircraft",
  "helicopter",
  "uav",
  "armoured-vehicle",
  "artillery",
  "missile",
  "air-defence",
  "ship",
  "satellite",
  "sensor",
  "small-arms",
  "ammunition",
  "spyware",
  "surveillance",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** When an ambiguous name counts: `capital` (capitalised, not sentence-initial) or `context` (capitalised and cued nearby). */
export type Cue = "none" | "capital" | "context";

/** One written form of an entry's name; ambiguous forms need the entry's cue. */
export interface NameForm {
  text: string;
  ambiguous: boolean;
}

export interface SystemEntry {
  kind: "system";
  id: string;
  category: Category;
  maker: string | null;
  origin: string | null;
  family: string | null;
  cue: Cue;
  names: NameForm[];
  file: string;
}

export interface MakerEntry {
  kind: "maker";
  id: string;
  country: string | null;
  sector: "defence" | "surveillance" | "both";
  names: NameForm[];
  file: string;
}

export const SOURCE_TYPES = ["outlet", "agency", "ngo", "institute", "government", "company"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface SourceEntry {
  kind: "source";
  id: string;
  type: SourceType;
  country: string | null;
  domains: string[];
  names: NameForm[];
  file: string;
}

export interface ActorEntry {
  kind: "actor";
  id: string;
  country: string | null;
  names: NameForm[];
  file: string;
}

/** How a state is named: its name, a nationality adjective, a seat of government, or a state body. */
export type StateNameKind = "name" | "demonym" | "seat" | "force";

export interface StateEntry {
  kind: "state";
  id: string;
  /** English common name, for display. */
  label: string;
  names: Record<string, { text: string; kind: StateNameKind; ambiguous: boolean }[]>;
  /** The style of its monarchy, when the text may name it by it ("the kingdom"). */
  style?: MonarchyStyle;
}

export const MONARCHY_STYLES = ["kingdom", "emirate", "sultanate", "principality", "grand-duchy"] as const;
export type MonarchyStyle = (typeof MONARCHY_STYLES)[number];

export interface CategoryNoun {
  category: Category;
  text: string;
  ambiguous: boolean;
}

/**
 * The roles a person entry records. Heads of state include monarchs and Iran's Supreme Leader; a national security
 * adviser heads the national security council's staff (Russia's Security Council secretary, India's NSA); an arms agency
 * is a state body that licenses, brokers or procures arms (Russia's FSVTS, Rosoboronexport, Turkey's SSB). An
 * organisation head (a non-state actor's leader, a company's chief executive or chair, a lab's director) and a
 * researcher hold their role in the entry's `body`.
 */
export const PERSON_ROLES = [
  "head-of-state",
  "head-of-government",
  "defence-minister",
  "foreign-minister",
  "national-security-adviser",
  "foreign-ministry-spokesperson",
  "foreign-ministry-deputy-spokesperson",
  "presidency-spokesperson",
  "government-spokesperson",
  "security-council-spokesperson",
  "defence-ministry-spokesperson",
  "arms-agency-head",
  "organisation-head",
  "researcher",
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** One office and the years it was held; `to` null when the end is not recorded (still in office, or not known). */
export interface RoleTerm {
  role: PersonRole;
  /** Null when the years are not recorded at all. */
  from: number | null;
  to: number | null;
}

export interface PersonEntry {
  kind: "person";
  id: string;
  /** ISO alpha-3 of the state they serve; for a company's or a lab's people, the body's country. */
  state: string;
  /** The type of source a statement by them is (`government` for office holders); null for a non-state actor's leader. */
  type: SourceType | null;
  /** The catalog entry they lead or work for (an `nsa:` actor, a maker or a source id); null for office holders. */
  body: string | null;
  roles: RoleTerm[];
  /** Full names unambiguous; a surname alone is ambiguous and needs a title before it (the `context` cue). */
  names: NameForm[];
  file: string;
}

export type Entry = SystemEntry | MakerEntry | SourceEntry | ActorEntry | StateEntry | PersonEntry;

export interface Catalog {
  systems: Map<string, SystemEntry>;
  makers: Map<string, MakerEntry>;
  sources: Map<string, SourceEntry>;
  actors: Map<string, ActorEntry>;
  states: Map<string, StateEntry>;
  people: Map<string, PersonEntry>;
  /** Generic category nouns per language. */
  categoryNouns: Map<string, CategoryNoun[]>;
  /** Languages that have data in `lang/`. */
  languages: string[];
}
