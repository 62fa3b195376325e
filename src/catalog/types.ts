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

export type Entry = SystemEntry | MakerEntry | SourceEntry | ActorEntry | StateEntry;

export interface Catalog {
  systems: Map<string, SystemEntry>;
  makers: Map<string, MakerEntry>;
  sources: Map<string, SourceEntry>;
  actors: Map<string, ActorEntry>;
  states: Map<string, StateEntry>;
  /** Generic category nouns per language. */
  categoryNouns: Map<string, CategoryNoun[]>;
  /** Languages that have data in `lang/`. */
  languages: string[];
}
