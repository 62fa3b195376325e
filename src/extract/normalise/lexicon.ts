// Loads the normalisers' language tables (lang/<code>/{numbers,money,dates}.tsv)
// once per language, and matches their forms against tokens with a trie.
// Forms are folded like the text: case, accents, apostrophes and hyphens do
// not matter ("quatre-vingts" = "quatre vingts", "d’euros" = "d'euros"), but
// glue does: "A$" only matches when "A" and "$" touch, so "a $22m sale" is
// not in Australian dollars.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Lang } from "./types.ts";
import { APOS, HYPHEN, type Tokens, capitalised, glued, gapOk, tokenize, upperCase } from "./tokens.ts";

export type TableName = "numbers" | "money" | "dates";

/** One row of a table. Cells holding "-" are empty strings here. */
export interface Row {
  readonly id: string;
  readonly kind: string;
  readonly value: string;
  readonly forms: readonly string[];
  readonly example: string;
  readonly counter: string;
  readonly flags: ReadonlySet<string>;
  /** Every cell by column name, for columns a finder reads beyond the common ones. */
  readonly cols: Readonly<Record<string, string>>;
}

interface Node {
  glued: Map<string, Node> | null;
  spaced: Map<string, Node> | null;
  rows: Row[];
  /** The kinds of the rows here and below, so a search for one kind stops where none is left. */
  kindsBelow: Set<string>;
  /** The bits {@link kindBitsAt} last gave the rows here, and the map of bits it read them from (null: none yet). */
  kindBits: number;
  kindBitsOf: ReadonlyMap<string, number> | null;
}

export interface Table {
  readonly lang: Lang;
  readonly name: TableName;
  readonly rows: readonly Row[];
  readonly root: Map<string, Node>;
  /** Rows by kind. */
  readonly kinds: ReadonlyMap<string, readonly Row[]>;
}

export interface Match {
  /** First token of the match. */
  readonly start: number;
  /** Token after the match. */
  readonly end: number;
  /** The accepted rows whose form ends there. */
  readonly rows: readonly Row[];
}

const LANG_DIR = fileURLToPath(new URL("../../../lang/", import.meta.url));

/** Splits a TSV table (header line first; "#" comments and blank lines ignored). */
export function parseTable(source: string): Row[] {
  const rows: Row[] = [];
  let header: string[] | null = null;
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, "");
    if (line === "" || line.startsWith("#")) continue;
    const cells = line.split("\t").map((c) => c.trim());
    if (header === null) {
      header = cells;
      continue;
    }
    const cols: Record<string, string> = {};
    header.forEach((h, k) => {
      const v = cells[k] ?? "-";
      cols[h] = v === "-" ? "" : v;
    });
    const forms = (cols.forms ?? "").split("|").map((f) => f.trim()).filter((f) => f !== "");
    rows.push({
      id: cols.id ?? "",
      kind: cols.kind ?? "",
      value: cols.value ?? cols.currency ?? "",
      forms,
      example: cols.example ?? "",
      counter: cols.counter ?? "",
      flags: new Set((cols.flags ?? "").split("|").map((f) => f.trim()).filter((f) => f !== "")),
      cols,
    });
  }
  return rows;
}

/** The tokens of a form as trie keys, each with whether it is glued to the previous one. */
export function formKeys(form: string): { key: string; glued: boolean }[] {
  const t = tokenize(form);
  const keys: { key: string; glued: boolean }[] = [];
  const onlySeparators = Array.from({ length: t.n }, (_, k) => t.kind[k]).every((k) => k === HYPHEN || k === APOS);
  let pendingGap = false;
  for (let k = 0; k < t.n; k++) {
    const kind = t.kind[k];
    if (!onlySeparators && (kind === HYPHEN || kind === APOS)) {
      pendingGap = true;
      continue;
    }
    const isGlued = k > 0 && !pendingGap && t.start[k] === t.end[k - 1];
    keys.push({ key: t.norm[k]!, glued: keys.length > 0 && isGlued });
    pendingGap = false;
  }
  return keys;
}

function buildTrie(rows: readonly Row[]): Map<string, Node> {
  const root = new Map<string, Node>();
  for (const row of rows) {
    for (const form of row.forms) {
      const keys = formKeys(form);
      if (keys.length === 0) continue;
      let node: Node | undefined;
      let map = root;
      for (let k = 0; k < keys.length; k++) {
        const { key } = keys[k]!;
        if (k > 0) {
          const parent: Node = node!;
          if (keys[k]!.glued) map = parent.glued ??= new Map();
          else map = parent.spaced ??= new Map();
        }
        let child = map.get(key);
        if (!child) {
          child = { glued: null, spaced: null, rows: [], kindsBelow: new Set(), kindBits: 0, kindBitsOf: null };
          map.set(key, child);
        }
        child.kindsBelow.add(row.kind);
        node = child;
      }
      if (node && !node.rows.includes(row)) node.rows.push(row);
    }
  }
  return root;
}

const cache = new Map<string, Table>();
/** The tables by language and name, found without a key string made per call (the finders ask once a sentence). */
const byLang = new Map<Lang, Map<TableName, Table>>();

/** The table of a language, read once and cached; a missing file is an empty table. */
export function table(lang: Lang, name: TableName): Table {
  const hit = byLang.get(lang)?.get(name);
  if (hit) return hit;
  const t = readTable(lang, name);
  let tables = byLang.get(lang);
  if (!tables) byLang.set(lang, (tables = new Map()));
  tables.set(name, t);
  return t;
}

function readTable(lang: Lang, name: TableName): Table {
  const key = `${lang}/${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let rows: Row[] = [];
  try {
    rows = parseTable(readFileSync(`${LANG_DIR}${lang}/${name}.tsv`, "utf8"));
  } catch {
    rows = [];
  }
  const kinds = new Map<string, Row[]>();
  for (const r of rows) {
    const list = kinds.get(r.kind);
    if (list) list.push(r);
    else kinds.set(r.kind, [r]);
  }
  const t: Table = { lang, name, rows, root: buildTrie(rows), kinds };
  cache.set(key, t);
  return t;
}

/**
 * What the finders look up about a token before they parse at it, as bits of one map a language: the readings of
 * dates a word opens (time.ts, {@link WORD_CLASS}.timeOpens), whether a word opens a number (numbers.ts, with or without
 * the words of approximation) or a currency written before the amount (money.ts). The finders read the tokens of one
 * sentence one after another: each token's text is looked up once for all of them ({@link wordClasses}).
 */
export const WORD_CLASS = { timeOpens: 0xffff, numberStart: 1 << 16, numberStartNoApprox: 1 << 17, moneyPre: 1 << 18 } as const;

/** The words of some bits of {@link WORD_CLASS} in a language, as a finder module gives them. */
export type WordClassSource = (lang: Lang) => Iterable<readonly [string, number]>;
const wordClassSources: WordClassSource[] = [];
const wordClassMaps = new Map<Lang, Map<string, number>>();
let lastClassTokens: Tokens | null = null;
let lastClassLang: Lang | null = null;
let lastClasses = new Int32Array(0);

/** Adds the words of a finder module's bits (called once, as the module loads). */
export function addWordClasses(source: WordClassSource): void {
  wordClassSources.push(source);
  wordClassMaps.clear();
  lastClassTokens = null;
}

/** The {@link WORD_CLASS} bits of every token's folded text, read once for the last tokens asked about. */
export function wordClasses(t: Tokens, lang: Lang): Int32Array {
  if (t === lastClassTokens && lang === lastClassLang) return lastClasses;
  let map = wordClassMaps.get(lang);
  if (!map) {
    map = new Map();
    for (const source of wordClassSources) for (const [word, bits] of source(lang)) map.set(word, (map.get(word) ?? 0) | bits);
    wordClassMaps.set(lang, map);
  }
  const out = new Int32Array(t.n);
  for (let i = 0; i < t.n; i++) out[i] = map.get(t.norm[i]!) ?? 0;
  lastClassTokens = t;
  lastClassLang = lang;
  lastClasses = out;
  return out;
}

/** The first words of the dates table of a language (months, weekdays, "last"…). */
export function dateWords(lang: Lang): ReadonlyMap<string, unknown> {
  return table(lang, "dates").root;
}

/**
 * The next token of a multi-word form after token j, or -1: glued (then glued(t, j, k)), or across a soft gap
 * (whitespace, one hyphen or apostrophe). A number, not an object made per step.
 */
function step(t: Tokens, j: number): number {
  const b = j + 1;
  if (b >= t.n) return -1;
  const kb = t.kind[b];
  if (kb !== HYPHEN && kb !== APOS) return glued(t, j, b) || gapOk(t, j, b) ? b : -1;
  if (!gapOk(t, j, b)) return -1;
  const c = b + 1;
  if (c >= t.n || !gapOk(t, b, c)) return -1;
  const kc = t.kind[c];
  if (kc === HYPHEN || kc === APOS) return -1;
  return c;
}

function rowFits(row: Row, t: Tokens, i: number, end: number): boolean {
  if (row.flags.has("cased") && !capitalised(t, i)) return false;
  if (row.flags.has("upper") && !upperCase(t, i, end)) return false;
  return true;
}

/** Which rows a match may end on: rows of some kinds, or rows a predicate keeps. */
export type Accept = string | readonly string[] | ((row: Row) => boolean) | null;

/** Can a row `accept` takes end at this node or below it? Kinds are known ahead; a predicate may take any row. */
function mayAcceptBelow(accept: Accept, node: Node): boolean {
  if (typeof accept === "string") return node.kindsBelow.has(accept);
  if (Array.isArray(accept)) {
    for (const kind of accept) if (node.kindsBelow.has(kind)) return true;
    return false;
  }
  return true;
}

function accepts(accept: Accept, row: Row): boolean {
  if (accept === null) return true;
  if (typeof accept === "string") return row.kind === accept;
  if (typeof accept === "function") return accept(row);
  return accept.includes(row.kind);
}

/**
 * The last token whose node among a table's first words was looked up, and that node: the finders ask for one token's
 * forms of one kind after another (month, weekday, season… at the same token: four calls in five repeat the last).
 */
const lastFirst: { tab: Table | null; t: Tokens | null; i: number; node: Node | undefined } = { tab: null, t: null, i: -1, node: undefined };

/** The node of the forms whose first word is token i. */
function firstNode(tab: Table, t: Tokens, i: number): Node | undefined {
  if (lastFirst.tab !== tab || lastFirst.t !== t || lastFirst.i !== i) {
    lastFirst.tab = tab;
    lastFirst.t = t;
    lastFirst.i = i;
    lastFirst.node = tab.root.get(t.norm[i]!);
  }
  return lastFirst.node;
}

/**
 * The longest form of the table starting at token i among the rows accepted
 * (all rows when accept is null), or null. Rows flagged "cased" need a
 * capital initial in the text, rows flagged "upper" an all-capitals match.
 */
export function matchAt(tab: Table, t: Tokens, i: number, accept: Accept = null): Match | null {
  if (i < 0 || i >= t.n) return null;
  let node = firstNode(tab, t, i);
  let j = i;
  let best: Match | null = null;
  for (let depth = 0; node && depth < 12; depth++) {
    if (!mayAcceptBelow(accept, node)) break;
    if (node.rows.length > 0) {
      // The node's own rows when every one is accepted and fits (the usual case: no array made per match; a match's
      // rows are read, never written), else those that are.
      const all = node.rows;
      let rows: Row[] | null = null;
      let every = true;
      for (let q = 0; q < all.length; q++) {
        const r = all[q]!;
        if (accepts(accept, r) && rowFits(r, t, i, j + 1)) {
          if (!every) (rows ??= []).push(r);
        } else if (every) {
          every = false;
          rows = q > 0 ? all.slice(0, q) : null;
        }
      }
      if (every) rows = all;
      if (rows) best = { start: i, end: j + 1, rows };
    }
    const k = step(t, j);
    if (k < 0) break;
    const map = glued(t, j, k) ? node.glued : node.spaced;
    const next = map?.get(t.norm[k]!);
    if (!next) break;
    node = next;
    j = k;
  }
  return best;
}

/**
 * The bits `bitOfKind` gives the kinds of every row on the path of forms from token i: its first word's node, then
 * the nodes the tokens after it lead to (as {@link matchAt} walks them, whether the rows fit or not). A kind without a
 * bit here has no form that {@link matchKind} could find at i, so a finder can skip asking for it.
 */
export function kindBitsAt(tab: Table, t: Tokens, i: number, bitOfKind: ReadonlyMap<string, number>): number {
  if (i < 0 || i >= t.n) return 0;
  let bits = 0;
  let node = firstNode(tab, t, i);
  let j = i;
  for (let depth = 0; node && depth < 12; depth++) {
    // (A node's rows never change: their bits are read once per map of bits.)
    if (node.kindBitsOf !== bitOfKind) {
      let b = 0;
      for (const r of node.rows) b |= bitOfKind.get(r.kind) ?? 0;
      node.kindBits = b;
      node.kindBitsOf = bitOfKind;
    }
    bits |= node.kindBits;
    const k = step(t, j);
    if (k < 0) break;
    const map = glued(t, j, k) ? node.glued : node.spaced;
    node = map?.get(t.norm[k]!);
    j = k;
  }
  return bits;
}

/** matchAt restricted to rows of one kind (or of any of several kinds). */
export function matchKind(tab: Table, t: Tokens, i: number, kind: string | readonly string[]): Match | null {
  return matchAt(tab, t, i, kind);
}

/**
 * The longest form of the given kinds that ends right before token i (across
 * a soft gap), or null. Used for context cues ("in" before "May").
 */
export function matchBefore(tab: Table, t: Tokens, i: number, kinds: readonly string[]): Match | null {
  let best: Match | null = null;
  for (const kind of kinds) {
    for (const row of tab.kinds.get(kind) ?? []) {
      for (const form of row.forms) {
        const keys = cachedKeys(form);
        if (keys.length === 0) continue;
        const start = endsBefore(t, i, keys);
        if (start >= 0 && rowFits(row, t, start, i) && (!best || start < best.start)) {
          best = { start, end: i, rows: [row] };
        }
      }
    }
  }
  return best;
}

const keyCache = new Map<string, { key: string; glued: boolean }[]>();

/** The token before cur across a soft gap (whitespace, or one hyphen or apostrophe), or -1. */
function softPrev(t: Tokens, cur: number): number {
  let p = cur - 1;
  if (p < 0) return -1;
  if (t.kind[p] === HYPHEN || t.kind[p] === APOS) {
    if (cur < t.n && !gapOk(t, p, cur)) return -1;
    p--;
    if (p < 0 || !gapOk(t, p, p + 1)) return -1;
    return t.kind[p] === HYPHEN || t.kind[p] === APOS ? -1 : p;
  }
  if (cur < t.n && (glued(t, p, cur) || !gapOk(t, p, cur))) return -1;
  return p;
}

function endsBefore(t: Tokens, i: number, keys: { key: string; glued: boolean }[]): number {
  let cur = i;
  for (let k = keys.length - 1; k >= 0; k--) {
    const soft = k === keys.length - 1 || !keys[k + 1]!.glued;
    const prev = soft ? softPrev(t, cur) : cur - 1 >= 0 && glued(t, cur - 1, cur) ? cur - 1 : -1;
    if (prev < 0 || t.norm[prev] !== keys[k]!.key) return -1;
    cur = prev;
  }
  return cur;
}

/** formKeys with a cache, for forms matched often. */
export function cachedKeys(form: string): { key: string; glued: boolean }[] {
  let k = keyCache.get(form);
  if (!k) {
    k = formKeys(form);
    keyCache.set(form, k);
  }
  return k;
}

/**
 * Where a form occurs in a text, as character ranges (used by the tests that
 * check each row's example, and for locating evidence).
 */
export function findForm(text: string, form: string): { start: number; end: number }[] {
  const t = tokenize(text);
  const tab: Table = { lang: "en", name: "numbers", rows: [], root: buildTrie([oneRow(form)]), kinds: new Map() };
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < t.n; i++) {
    const m = matchAt(tab, t, i);
    if (m) out.push({ start: t.start[m.start]!, end: t.end[m.end - 1]! });
  }
  return out;
}

function oneRow(form: string): Row {
  return { id: "form", kind: "form", value: "", forms: [form], example: "", counter: "", flags: new Set(), cols: {} };
}
