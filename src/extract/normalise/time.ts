// Finds time expressions and resolves them against the publication date:
// years, months, dates, day lists, ranges, "since", decades, parts of years,
// seasons, weekdays and relative expressions ("l'an dernier", "last week",
// "il y a deux ans"). Month and weekday names, cues and relative words are
// data (lang/<code>/dates.tsv); resolution choices are in calendar.ts.
import type { Lang, TimeMention } from "./types.ts";
import { type Row, type Table, WORD_CLASS, addWordClasses, cachedKeys, kindBitsAt, matchAt, matchBefore, matchKind, table, wordClasses } from "./lexicon.ts";
import { type NumLex, designationLeft, numLex, parseNumberAt } from "./numbers.ts";
import { APOS, DIGITS, HYPHEN, PUNCT, WORD, type Tokens, after, afterJoin, glued, tokensOf } from "./tokens.ts";
import { type Mod, type Pt, type Spec, daysIn, fmt, parsePublished, resolve } from "./calendar.ts";
import { type Candidate, selectLongest } from "./select.ts";

/** Years read as years when they stand alone. */
const YEAR_MIN = 1900;
const YEAR_MAX = 2099;
/** Kinds of dates.tsv rows that, just before a month flagged "cue", make it a month ("in May", not "Theresa May"). */
const LICENSING = ["cue", "range-start", "since"];
const SIGNS = new Set(["$", "€", "£", "¥", "₹", "₽", "₪", "₩", "₺", "#", "+"]);
const NUM_PUNCT = new Set([".", ",", ":", "/"]);
const isScaleWord = (r: Row): boolean => r.kind === "word" && Number(r.value) >= 1000;
const isCountWord = (r: Row): boolean => r.kind === "word" && Number(r.value) >= 100;

interface Ctx {
  readonly t: Tokens;
  readonly dt: Table;
  readonly nl: NumLex;
  /** The language writes month before day ("May 20"). */
  readonly monthDay: boolean;
  /** Does a token open a form that closes an "ago" expression ("two years ago")? Read on first need. */
  agoPost?: boolean;
}

/** The first words of the forms of a kind of the dates table, by table (made once). */
const firstWordsCache = new Map<Table, Map<string, ReadonlySet<string>>>();

function firstWordsOf(dt: Table, kind: string): ReadonlySet<string> {
  let byKind = firstWordsCache.get(dt);
  if (!byKind) firstWordsCache.set(dt, (byKind = new Map()));
  let words = byKind.get(kind);
  if (!words) {
    const set = new Set<string>();
    for (const row of dt.kinds.get(kind) ?? []) for (const form of row.forms) { const keys = cachedKeys(form); if (keys.length > 0) set.add(keys[0]!.key); }
    byKind.set(kind, (words = set));
  }
  return words;
}

/** Does any token of the text open an "ago-post" form? (Without one, an "ago" expression needs its word before the count.) */
function hasAgoPost(c: Ctx): boolean {
  if (c.agoPost === undefined) {
    const words = firstWordsOf(c.dt, "ago-post");
    c.agoPost = false;
    if (words.size > 0) for (let k = 0; k < c.t.n && !c.agoPost; k++) c.agoPost = words.has(c.t.norm[k]!);
  }
  return c.agoPost;
}

interface Parsed {
  /** Token after the expression. */
  end: number;
  spec: Spec;
  rule: string;
}

const abs = (from: Pt, to: Pt = from): Spec => ({ k: "abs", from, to });

function digitsAt(t: Tokens, i: number, len?: number): boolean {
  return i >= 0 && i < t.n && t.kind[i] === DIGITS && (len === undefined || t.norm[i]!.length === len);
}

/** Glued punctuation between digits ("2,013", "10:30") on the left of token i. */
function numberBefore(t: Tokens, i: number): boolean {
  return i > 1 && glued(t, i - 1, i) && t.kind[i - 1] === PUNCT && NUM_PUNCT.has(t.norm[i - 1]!) && t.kind[i - 2] === DIGITS && glued(t, i - 2, i - 1);
}

function numberAfter(t: Tokens, i: number): boolean {
  return i + 2 < t.n && glued(t, i, i + 1) && t.kind[i + 1] === PUNCT && NUM_PUNCT.has(t.norm[i + 1]!) && t.kind[i + 2] === DIGITS && glued(t, i + 1, i + 2);
}

function pYear(c: Ctx, i: number, afterPrefix = false): { end: number; y: number } | null {
  const { t } = c;
  if (!digitsAt(t, i, 4)) return null;
  const y = Number(t.norm[i]);
  if (y < YEAR_MIN || y > YEAR_MAX) return null;
  if (!afterPrefix && designationLeft(t, i, c.nl)) return null;
  if (numberBefore(t, i) || numberAfter(t, i)) return null;
  if (i > 0 && glued(t, i - 1, i) && t.kind[i - 1] === PUNCT && SIGNS.has(t.norm[i - 1]!)) return null;
  if (i + 1 < t.n && glued(t, i, i + 1) && (t.kind[i + 1] === WORD || t.norm[i + 1] === "%")) return null;
  const k = afterJoin(t, i);
  if (k >= 0 && matchAt(c.nl.tab, t, k, isScaleWord)) return null;
  return { end: i + 1, y };
}

function pDay(c: Ctx, i: number): { end: number; d: number } | null {
  const { t } = c;
  if (i < 0 || i >= t.n) return null;
  if (t.kind[i] === WORD) {
    const w = matchKind(c.dt, t, i, "day-word");
    return w ? { end: w.end, d: Number(w.rows[0]!.value) } : null;
  }
  if (t.kind[i] !== DIGITS || t.norm[i]!.length > 2) return null;
  const d = Number(t.norm[i]);
  if (d < 1 || d > 31 || designationLeft(t, i, c.nl) || numberBefore(t, i)) return null;
  let end = i + 1;
  if (end < t.n && glued(t, i, end)) {
    const suffix = matchKind(c.dt, t, end, "ordinal-suffix");
    if (suffix) end = suffix.end;
    else if (t.kind[end] === WORD || numberAfter(t, i)) return null;
  }
  return { end, d };
}

function pMonth(c: Ctx, i: number): { end: number; m: number; cue: boolean } | null {
  const mm = matchKind(c.dt, c.t, i, "month");
  if (!mm) return null;
  const row = mm.rows[0]!;
  return { end: mm.end, m: Number(row.value), cue: row.flags.has("cue") };
}

function licensed(c: Ctx, i: number): boolean {
  return matchBefore(c.dt, c.t, i, LICENSING) !== null;
}

function modPost(c: Ctx, j: number): { end: number; mod: Mod; weak: boolean } | null {
  const k = after(c.t, j);
  const m = k >= 0 ? matchKind(c.dt, c.t, k, "mod-post") : null;
  if (!m) return null;
  const row = m.rows[0]!;
  return { end: m.end, mod: row.value as Mod, weak: row.flags.has("weak") };
}

/** A year after token j: "20 May 2022", "May 20, 2022", "20 de mayo de 2022", "March of 2021". */
function yearAfter(c: Ctx, j: number): { end: number; y: number } | null {
  const { t } = c;
  const k = after(t, j);
  if (k < 0) return null;
  if (t.norm[k] === ",") return pYear(c, after(t, k));
  const direct = pYear(c, k);
  if (direct) return direct;
  const link = matchKind(c.dt, t, k, "link");
  return link ? pYear(c, after(t, link.end - 1)) : null;
}

function dayMonth(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  const d = pDay(c, i);
  if (!d) return null;
  let k = after(t, d.end - 1);
  let mo = k >= 0 ? pMonth(c, k) : null;
  if (!mo && k >= 0) {
    const link = matchKind(c.dt, t, k, "link");
    if (link) {
      k = after(t, link.end - 1);
      mo = pMonth(c, k);
    }
  }
  if (!mo || d.d > daysIn(2000, mo.m)) return null;
  const y = yearAfter(c, mo.end - 1);
  if (y) return d.d <= daysIn(y.y, mo.m) ? { end: y.end, spec: abs({ y: y.y, m: mo.m, d: d.d }), rule: "date-dmy" } : null;
  const mp = modPost(c, mo.end - 1);
  return { end: mp?.end ?? mo.end, spec: { k: "md", m: mo.m, d: d.d, mod: mp?.mod ?? "plain" }, rule: "date-dm" };
}

function monthDay(c: Ctx, i: number): Parsed | null {
  if (!c.monthDay) return null;
  const { t } = c;
  const mo = pMonth(c, i);
  if (!mo) return null;
  const k = after(t, mo.end - 1);
  const d = pDay(c, k);
  if (!d || t.kind[k] !== DIGITS || d.d > daysIn(2000, mo.m)) return null;
  const next = afterJoin(t, d.end - 1);
  if (next >= 0 && matchAt(c.nl.tab, t, next, isCountWord)) return null;
  const y = yearAfter(c, d.end - 1);
  if (y) return d.d <= daysIn(y.y, mo.m) ? { end: y.end, spec: abs({ y: y.y, m: mo.m, d: d.d }), rule: "date-mdy" } : null;
  return { end: d.end, spec: { k: "md", m: mo.m, d: d.d, mod: "plain" }, rule: "date-md" };
}

function monthYear(c: Ctx, i: number): Parsed | null {
  const mo = pMonth(c, i);
  if (!mo) return null;
  const y = yearAfter(c, mo.end - 1);
  return y ? { end: y.end, spec: abs({ y: y.y, m: mo.m }), rule: "month-year" } : null;
}

function monthAlone(c: Ctx, i: number, lic: boolean): Parsed | null {
  const mo = pMonth(c, i);
  if (!mo) return null;
  const mp = modPost(c, mo.end - 1);
  if (mo.cue && !lic && !(mp && !mp.weak) && !licensed(c, i)) return null;
  return { end: mp?.end ?? mo.end, spec: { k: "md", m: mo.m, mod: mp?.mod ?? "plain" }, rule: "month" };
}

function dateAt(c: Ctx, i: number): Parsed | null {
  // The longest of the five (the first of equal ends), without a list made per token.
  let best = dayMonth(c, i);
  best = longer(best, monthDay(c, i));
  best = longer(best, monthYear(c, i));
  best = longer(best, isoDate(c, i));
  return longer(best, numericDate(c, i));
}

function weekdayAt(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  const w = matchKind(c.dt, t, i, "weekday");
  if (!w) return null;
  let k = after(t, w.end - 1);
  if (k >= 0 && t.norm[k] === ",") k = after(t, k);
  const date = k >= 0 ? dateAt(c, k) : null;
  if (date && date.rule !== "month-year") return { ...date, rule: `weekday-${date.rule}` };
  const mp = modPost(c, w.end - 1);
  const mod: Mod = mp && (mp.mod === "last" || mp.mod === "next" || mp.mod === "this") ? mp.mod : "plain";
  const end = mod !== "plain" && mp ? mp.end : w.end;
  return { end, spec: { k: "wd", w: Number(w.rows[0]!.value), mod }, rule: "weekday" };
}

function monthRange(value: string): [number, number] | null {
  const m = /^(\d{1,2})-(\d{1,2})/.exec(value);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function decadeRange(value: string): [number, number] | null {
  const m = /\/(\d)-(\d)$/.exec(value);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function seasonAt(c: Ctx, i: number, mod?: Mod): Parsed | null {
  const { t } = c;
  const s = matchKind(c.dt, t, i, "season");
  if (!s) return null;
  const row = s.rows[0]!;
  const r = monthRange(row.value);
  if (!r) return null;
  const [m1, m2] = r;
  const y = yearAfter(c, s.end - 1);
  if (y) return { end: y.end, spec: abs({ y: y.y, m: m1 }, { y: m2 < m1 ? y.y + 1 : y.y, m: m2 }), rule: row.id };
  const mp = modPost(c, s.end - 1);
  if (mp && !mp.weak) return { end: mp.end, spec: { k: "season", m1, m2, mod: mp.mod }, rule: row.id };
  if (mp && mod === undefined) return { end: mp.end, spec: { k: "season", m1, m2, mod: mp.mod }, rule: row.id };
  if (mod !== undefined) return { end: s.end, spec: { k: "season", m1, m2, mod }, rule: row.id };
  // "au printemps", "in the spring": a season after a cue, with no year, is the one of the year of publication.
  if (licensed(c, i)) return { end: s.end, spec: { k: "season", m1, m2, mod: "plain" }, rule: row.id };
  return null;
}

function decadeYear(n: number, digits: number): number | null {
  if (!Number.isInteger(n) || n % 10 !== 0) return null;
  if (digits === 4) return n >= 1800 && n <= 2090 ? n : null;
  if (n >= 100) return null;
  return n === 0 ? 2000 : 1900 + n;
}

function decade(y: number, end: number): Parsed {
  return { end, spec: abs({ y }, { y: y + 9 }), rule: "decade" };
}

function decadeAt(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  if (i < 0 || i >= t.n) return null;
  // "les années 70", "années soixante-dix", "la década de 1970"
  const prefix = t.kind[i] === WORD ? matchKind(c.dt, t, i, "decade-prefix") : null;
  if (prefix) {
    const k = after(t, prefix.end - 1);
    if (digitsAt(t, k) && (t.norm[k]!.length === 2 || t.norm[k]!.length === 4)) {
      const y = decadeYear(Number(t.norm[k]), t.norm[k]!.length);
      if (y !== null && !numberAfter(t, k)) {
        const suffix = suffixAfter(c, k);
        if (suffix >= 0) return decade(y, suffix);
        if (!(k + 1 < t.n && glued(t, k, k + 1) && t.kind[k + 1] === WORD)) return decade(y, k + 1);
      }
    } else if (k >= 0 && t.kind[k] === WORD) {
      const n = parseNumberAt(t, k, c.nl, { noApprox: true });
      const y = n ? decadeYear(n.value, 2) : null;
      if (n && y !== null) return decade(y, n.end);
    }
  }
  // "the 1970s", "the '70s", "1990er Jahre"
  let j = i;
  if (t.kind[i] === APOS && digitsAt(t, i + 1, 2) && glued(t, i, i + 1)) j = i + 1;
  if (digitsAt(t, j) && (t.norm[j]!.length === 2 || t.norm[j]!.length === 4) && (j === i + 1 || !designationLeft(t, j, c.nl))) {
    const y = decadeYear(Number(t.norm[j]), t.norm[j]!.length);
    const suffix = y !== null ? suffixAfter(c, j) : -1;
    if (y !== null && suffix >= 0) return decade(y, suffix);
  }
  // "the seventies"
  const word = t.kind[i] === WORD ? matchKind(c.dt, t, i, "decade") : null;
  if (word) {
    const y = Number(word.rows[0]!.value);
    if (Number.isInteger(y)) return { end: word.end, spec: abs({ y }, { y: y + 9 }), rule: word.rows[0]!.id };
  }
  return null;
}

/** The end of a decade suffix glued to digits at token j ("1970s", "1970's", "70er Jahre"), or -1. */
function suffixAfter(c: Ctx, j: number): number {
  const { t } = c;
  let k = j + 1;
  if (!glued(t, j, k)) return -1;
  if (t.kind[k] === APOS && glued(t, k, k + 1)) k++;
  const s = matchKind(c.dt, t, k, "decade-suffix");
  return s ? s.end : -1;
}

function partAt(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  const p = matchKind(c.dt, t, i, "part");
  if (!p) return null;
  const row = p.rows[0]!;
  const months = monthRange(row.value);
  const decade = decadeRange(row.value);
  let k = afterJoin(t, p.end - 1);
  if (k < 0) return null;
  const link = matchKind(c.dt, t, k, "link");
  if (link) k = after(t, link.end - 1);
  else if (row.flags.has("link")) return null;
  if (k < 0) return null;
  const dec = decadeAt(c, k);
  if (dec && dec.spec.k === "abs") {
    if (!decade) return null;
    const y = dec.spec.from.y;
    return { end: dec.end, spec: abs({ y: y + decade[0] }, { y: y + decade[1] }), rule: row.id };
  }
  const my = monthYear(c, k);
  if (my) return { ...my, rule: row.id };
  const mo = monthAlone(c, k, true);
  if (mo) return { ...mo, rule: row.id };
  const y = pYear(c, k, true);
  if (y && months) return { end: y.end, spec: abs({ y: y.y, m: months[0] }, { y: y.y, m: months[1] }), rule: row.id };
  return null;
}

function modPreAt(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  const mp = matchKind(c.dt, t, i, "mod-pre");
  if (!mp) return null;
  const mod = mp.rows[0]!.value as Mod;
  const k = after(t, mp.end - 1);
  if (k < 0) return null;
  const mo = pMonth(c, k);
  if (mo) return { end: mo.end, spec: { k: "md", m: mo.m, mod }, rule: "month" };
  const w = matchKind(c.dt, t, k, "weekday");
  if (w) return { end: w.end, spec: { k: "wd", w: Number(w.rows[0]!.value), mod }, rule: "weekday" };
  return seasonAt(c, k, mod);
}

function relativeAt(c: Ctx, i: number): Parsed | null {
  const r = matchKind(c.dt, c.t, i, "relative");
  return r ? { end: r.end, spec: { k: "rel", code: r.rows[0]!.value }, rule: r.rows[0]!.id } : null;
}

function agoAt(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  const pre = matchKind(c.dt, t, i, "ago-pre");
  // With no word before the count, a word after it must close the expression: a text without one has none here.
  if (!pre && !hasAgoPost(c)) return null;
  const k = pre ? after(t, pre.end - 1) : i;
  if (k < 0) return null;
  let n: number;
  let nEnd: number;
  const article = matchKind(c.nl.tab, t, k, "article");
  const num = parseNumberAt(t, k, c.nl);
  if (num && Number.isInteger(num.value) && num.value > 0 && num.value <= 500) {
    n = num.value;
    nEnd = num.end;
  } else if (article && article.rows[0]!.value === "1") {
    n = 1;
    nEnd = article.end;
  } else return null;
  const uk = after(t, nEnd - 1);
  const unit = uk >= 0 ? matchKind(c.dt, t, uk, "unit") : null;
  if (!unit) return null;
  const pk = after(t, unit.end - 1);
  const post = pk >= 0 ? matchKind(c.dt, t, pk, "ago-post") : null;
  if (!pre && !post) return null;
  return { end: post ? post.end : unit.end, spec: { k: "ago", n, unit: unit.rows[0]!.value }, rule: "ago" };
}

function isoDate(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  if (!digitsAt(t, i, 4) || !digitsAt(t, i + 2, 2) || !digitsAt(t, i + 4, 2)) return null;
  if (t.kind[i + 1] !== HYPHEN || t.kind[i + 3] !== HYPHEN) return null;
  for (let k = i; k < i + 4; k++) if (!glued(t, k, k + 1)) return null;
  if (designationLeft(t, i, c.nl) || (i + 5 < t.n && glued(t, i + 4, i + 5) && t.kind[i + 5] !== PUNCT)) return null;
  const p = { y: Number(t.norm[i]), m: Number(t.norm[i + 2]), d: Number(t.norm[i + 4]) };
  if (p.m < 1 || p.m > 12 || p.d < 1 || p.d > daysIn(p.y, p.m)) return null;
  return { end: i + 5, spec: abs(p), rule: "iso-date" };
}

function numericDate(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  const rows = c.dt.kinds.get("numeric");
  if (!rows || !digitsAt(t, i) || !digitsAt(t, i + 2) || !digitsAt(t, i + 4, 4)) return null;
  const sep = t.norm[i + 1]!;
  if (t.norm[i + 3] !== sep || t.norm[i]!.length > 2 || t.norm[i + 2]!.length > 2) return null;
  for (let k = i; k < i + 4; k++) if (!glued(t, k, k + 1)) return null;
  if (numberBefore(t, i) || numberAfter(t, i + 4) || (i > 0 && glued(t, i - 1, i) && t.kind[i - 1] === WORD)) return null;
  const row = rows.find((r) => r.forms.includes(sep));
  if (!row) return null;
  const a = Number(t.norm[i]);
  const b = Number(t.norm[i + 2]);
  const y = Number(t.norm[i + 4]);
  const ok = (m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
  const [m, d] = row.value === "mdy" ? (ok(a, b) ? [a, b] : [b, a]) : ok(b, a) ? [b, a] : [a, b];
  if (!ok(m, d) || y < YEAR_MIN || y > YEAR_MAX) return null;
  return { end: i + 5, spec: abs({ y, m, d }), rule: "numeric-date" };
}

/** `p` when it ends after `best` (or there is no best), else `best`: one step of {@link longest}. */
function longer(best: Parsed | null, p: Parsed | null): Parsed | null {
  return p && (!best || p.end > best.end) ? p : best;
}

function longest(list: (Parsed | null)[]): Parsed | null {
  let best: Parsed | null = null;
  for (const p of list) if (p && (!best || p.end > best.end)) best = p;
  return best;
}

/**
 * The time expressions that can stand alone or inside a range, starting at token i. `opens` (see {@link OPENS}) says
 * which readings the word at i can open; a parser whose first form it opens none of is not tried (it would give null).
 */
function simple(c: Ctx, i: number, lic: boolean, opens = ALL): Parsed[] {
  if (i < 0 || i >= c.t.n) return [];
  const y = pYear(c, i);
  // In this order, the readings that are there (no list of nulls made per token).
  const out: Parsed[] = [];
  let p: Parsed | null;
  if (opens & (OPENS.dayWord | OPENS.month | OPENS.digits) && (p = dateAt(c, i))) out.push(p);
  if (opens & OPENS.month && (p = monthAlone(c, i, lic))) out.push(p);
  if (opens & OPENS.weekday && (p = weekdayAt(c, i))) out.push(p);
  if (y) out.push({ end: y.end, spec: abs({ y: y.y }), rule: "year" });
  if (opens & OPENS.part && (p = partAt(c, i))) out.push(p);
  if (opens & OPENS.season && (p = seasonAt(c, i))) out.push(p);
  if (opens & (OPENS.decade | OPENS.digits) && (p = decadeAt(c, i))) out.push(p);
  if (opens & OPENS.relative && (p = relativeAt(c, i))) out.push(p);
  if (opens & OPENS.modPre && (p = modPreAt(c, i))) out.push(p);
  return out;
}

function byEndDesc(a: { end: number }, b: { end: number }): number {
  return b.end - a.end;
}

function sinceAt(c: Ctx, i: number): Parsed | null {
  const s = matchKind(c.dt, c.t, i, "since");
  if (!s) return null;
  const inner = longest(simple(c, after(c.t, s.end - 1), true));
  return inner ? { end: inner.end, spec: { k: "since", inner: inner.spec }, rule: "since" } : null;
}

function hasDay(s: Spec): boolean {
  return (s.k === "md" && s.d !== undefined) || (s.k === "abs" && s.from.d !== undefined);
}

/** A range at token i; `readingsHere` are the simple readings at i, its first end when no range-start word opens it. */
function rangeAt(c: Ctx, i: number, readingsHere: Parsed[]): Parsed | null {
  const { t } = c;
  const start = matchKind(c.dt, t, i, "range-start");
  const k = start ? after(t, start.end - 1) : i;
  if (k < 0) return null;
  const options: { end: number; spec: Spec }[] = [];
  for (const p of start ? simple(c, k, true) : readingsHere) if (start || p.spec.k === "abs" || p.spec.k === "md") options.push(p);
  const day = start ? pDay(c, k) : null;
  if (day) options.push({ end: day.end, spec: { k: "day", d: day.d } });
  if (options.length === 0) return null;
  options.sort(byEndDesc);
  for (const a of options) {
    const mk = glued(t, a.end - 1, a.end) ? a.end : after(t, a.end - 1);
    const mid = mk >= 0 ? matchKind(c.dt, t, mk, "range-mid") : null;
    if (!mid || (!start && !mid.rows[0]!.flags.has("bare"))) continue;
    const bk = glued(t, mid.end - 1, mid.end) ? mid.end : after(t, mid.end - 1);
    if (bk < 0) continue;
    let b: Parsed | null = null;
    for (const p of simple(c, bk, true)) if (p.spec.k !== "rel" && (!b || p.end > b.end)) b = p;
    // "2014-16"
    if (!b && a.spec.k === "abs" && a.spec.from.m === undefined && digitsAt(t, bk, 2) && !numberAfter(t, bk)) {
      const y = Math.floor(a.spec.from.y / 100) * 100 + Number(t.norm[bk]);
      if (y > a.spec.to.y) b = { end: bk + 1, spec: abs({ y }), rule: "year" };
    }
    if (!b) continue;
    if (a.spec.k === "day" && !hasDay(b.spec)) continue;
    return { end: b.end, spec: { k: "range", a: a.spec, b: b.spec }, rule: "range" };
  }
  return null;
}

function dayListAt(c: Ctx, i: number): Parsed | null {
  const { t } = c;
  if (!digitsAt(t, i)) return longest([monthDayList(c, i)]);
  const first = pDay(c, i);
  if (!first) return null;
  let last = first;
  let count = 1;
  for (let n = 0; n < 8; n++) {
    const k = after(t, last.end - 1);
    if (k < 0) break;
    let sepEnd: number;
    let final = false;
    if (t.norm[k] === ",") sepEnd = k + 1;
    else {
      const mid = matchKind(c.dt, t, k, "range-mid");
      if (!mid) break;
      sepEnd = mid.end;
      final = true;
    }
    const dk = after(t, sepEnd - 1);
    const d = dk >= 0 && t.kind[dk] === DIGITS ? pDay(c, dk) : null;
    if (!d) break;
    last = d;
    count++;
    if (final) break;
  }
  if (count < 2 || first.d >= last.d) return null;
  const mk = after(t, last.end - 1);
  if (mk < 0) return null;
  let mo = pMonth(c, mk);
  if (!mo) {
    const link = matchKind(c.dt, t, mk, "link");
    if (link) mo = pMonth(c, after(t, link.end - 1));
  }
  if (!mo || last.d > daysIn(2000, mo.m)) return null;
  const y = yearAfter(c, mo.end - 1);
  const end = y ? y.end : mo.end;
  const a: Spec = y ? abs({ y: y.y, m: mo.m, d: first.d }) : { k: "md", m: mo.m, d: first.d, mod: "plain" };
  const b: Spec = y ? abs({ y: y.y, m: mo.m, d: last.d }) : { k: "md", m: mo.m, d: last.d, mod: "plain" };
  return { end, spec: { k: "range", a, b }, rule: "day-list" };
}

function monthDayList(c: Ctx, i: number): Parsed | null {
  if (!c.monthDay) return null;
  const { t } = c;
  const mo = pMonth(c, i);
  if (!mo) return null;
  const first = pDay(c, after(t, mo.end - 1));
  if (!first) return null;
  const k = after(t, first.end - 1);
  const mid = k >= 0 ? matchKind(c.dt, t, k, "range-mid") : null;
  if (!mid) return null;
  const dk = glued(t, mid.end - 1, mid.end) ? mid.end : after(t, mid.end - 1);
  const last = digitsAt(t, dk) ? pDay(c, dk) : null;
  if (!last || last.d <= first.d || last.d > daysIn(2000, mo.m)) return null;
  const y = yearAfter(c, last.end - 1);
  const end = y ? y.end : last.end;
  const a: Spec = y ? abs({ y: y.y, m: mo.m, d: first.d }) : { k: "md", m: mo.m, d: first.d, mod: "plain" };
  const b: Spec = y ? abs({ y: y.y, m: mo.m, d: last.d }) : { k: "md", m: mo.m, d: last.d, mod: "plain" };
  return { end, spec: { k: "range", a, b }, rule: "day-list" };
}

/** Every reading starting at token i, longest first (`opens` as in {@link simple}). */
function readingsAt(c: Ctx, i: number, opens = ALL): Parsed[] {
  const list = simple(c, i, false, opens);
  const since = opens & OPENS.since ? sinceAt(c, i) : null;
  // A range opens with a range-start word or with one of the readings here.
  const range = opens & OPENS.rangeStart || list.length > 0 ? rangeAt(c, i, list) : null;
  const dayList = opens & (OPENS.month | OPENS.digits) ? dayListAt(c, i) : null;
  const ago = opens & (OPENS.agoPre | OPENS.number | OPENS.digits) ? agoAt(c, i) : null;
  if (since !== null) list.push(since);
  if (range !== null) list.push(range);
  if (dayList !== null) list.push(dayList);
  if (ago !== null) list.push(ago);
  return list.length > 1 ? list.sort(byEndDesc) : list;
}

/**
 * What the word a reading starts at can open, as bits: the kinds of the first forms each parser reads at the token
 * itself (block, simple, since, range, day list, ago). A word that opens none starts no reading.
 */
const OPENS = {
  block: 1, dayWord: 2, month: 4, weekday: 8, part: 16, season: 32, decade: 64, relative: 128, modPre: 256,
  since: 512, rangeStart: 1024, agoPre: 2048, anchored: 8192,
  /** A number word or an article (numbers table: approx, fixed, word, and, article), read by agoAt. */
  number: 4096,
  /** Digits: a day, a year, an ISO or numeric date, a decade, a day list or a count of an "ago" (besides forms opening with them). */
  digits: 16384,
} as const;
/**
 * Every bit: a token read at a place of a reading other than its start may open anything. At the start, digits open
 * {@link OPENS.digits} readings and an apostrophe a decade ("'70s"), besides the forms that open with them.
 */
const ALL = 0x7fffffff;
const OPENS_BY_KIND: Record<"dates" | "numbers", ReadonlyMap<string, number>> = {
  dates: new Map([
    ["block", OPENS.block], ["day-word", OPENS.dayWord], ["month", OPENS.month], ["weekday", OPENS.weekday],
    ["part", OPENS.part], ["season", OPENS.season], ["decade-prefix", OPENS.decade], ["decade", OPENS.decade],
    ["relative", OPENS.relative], ["mod-pre", OPENS.modPre], ["since", OPENS.since], ["range-start", OPENS.rangeStart],
    ["ago-pre", OPENS.agoPre], ["anchored", OPENS.anchored],
  ]),
  numbers: new Map(["approx", "fixed", "word", "and", "article"].map((k) => [k, OPENS.number])),
};
/** The bits of a word that {@link kindBitsAt} does not narrow: a number or article is read from the numbers table, and agoAt reads a number at the word too. */
const OPENS_NOT_BY_PATH = OPENS.number | OPENS.agoPre;
const opensCache = new Map<Lang, ReadonlyMap<string, number>>();

/** What each first word of a form can open, in a language (words that open nothing are absent). */
function opensOf(lang: Lang, dt: Table, nl: NumLex): ReadonlyMap<string, number> {
  let opens = opensCache.get(lang);
  if (opens) return opens;
  const map = new Map<string, number>();
  for (const [tab, kinds] of [[dt, OPENS_BY_KIND.dates], [nl.tab, OPENS_BY_KIND.numbers]] as const) {
    for (const row of tab.rows) {
      const bit = kinds.get(row.kind);
      if (bit === undefined) continue;
      for (const form of row.forms) {
        const keys = cachedKeys(form);
        if (keys.length > 0) map.set(keys[0]!.key, (map.get(keys[0]!.key) ?? 0) | bit);
      }
    }
  }
  opensCache.set(lang, (opens = map));
  return opens;
}

addWordClasses((lang) => opensOf(lang, table(lang, "dates"), numLex(lang)));

/**
 * "ordered in 2019 and delivered a year later": an anchored time counts its years from the time before it (in the
 * text, else `before`), to the month when that names one; with none before it, it is dropped.
 */
function resolveAnchored(kept: TimeMention[], anchored: Map<TimeMention, { years: number; whole: boolean }>, before: TimeMention | null): TimeMention[] {
  if (anchored.size === 0) return kept;
  const out: TimeMention[] = [];
  // The time before, as a year and, when it gives one, a month ("en septembre … un an plus tôt" is the September before).
  let last: { year: number; month: string } | null = before?.from ? anchorOf(before) : null;
  for (const m of kept) {
    const shift = anchored.get(m);
    if (shift === undefined) {
      if (m.from) last = anchorOf(m);
      out.push(m);
    } else if (last) {
      last = { year: last.year + shift.years, month: last.month };
      const at = shift.whole ? String(last.year) : `${last.year}${last.month}`;
      out.push({ ...m, from: at, to: at });
    }
  }
  return out;
}

const anchorOf = (m: TimeMention) => ({ year: Number(m.from.slice(0, 4)), month: m.from.slice(0, 7) === m.to.slice(0, 7) ? m.from.slice(4, 7) : "" });

/**
 * Time expressions in a text, resolved against the publication date
 * ("YYYY", "YYYY-MM", "YYYY-MM-DD" or null), sorted by start and
 * non-overlapping (the longest reading wins). Never throws: an internal error
 * gives [] (DOSSIER_STRICT=1 rethrows it, for tests).
 */
export function findTimes(text: string, lang: Lang, published: string | null, before: TimeMention | null = null): TimeMention[] {
  return typeof text === "string" && text.length > 0 ? timesIn(tokensOf(text), lang, published, before) : [];
}

/** {@link findTimes} over tokens already read, with offsets into their text: timesIn(tokenize("in May 2021"), "en", null) is 2021-05 at 3-11. */
export function timesIn(t: Tokens, lang: Lang, published: string | null, before: TimeMention | null = null): TimeMention[] {
  try {
    const dt = table(lang, "dates");
    const c: Ctx = { t, dt, nl: numLex(lang), monthDay: dt.kinds.has("month-day") };
    // (What each word opens, opensOf(lang, dt, c.nl), read from the sentence's word classes.)
    const classes = wordClasses(t, lang);
    const P = parsePublished(published);
    const out: Candidate<TimeMention>[] = [];
    // Names that contain time words ("The Sunday Times") win over them and are dropped at the end.
    // (Both made on first need: most sentences hold neither.)
    let blocked: Set<TimeMention> | null = null;
    let anchored: Map<TimeMention, { years: number; whole: boolean }> | null = null;
    for (let i = 0; i < t.n; i++) {
      const k = t.kind[i];
      const o = classes[i]! & WORD_CLASS.timeOpens;
      let opens: number;
      if (k === WORD) {
        if (o === 0) continue;
        // "the government", « de la France »: of the readings its dates forms open, a word keeps those whose forms the
        // tokens after it go on with (most function words go on with none); numbers and "ago" words are read as they were.
        opens = o & (OPENS_NOT_BY_PATH | kindBitsAt(dt, t, i, OPENS_BY_KIND.dates));
        if (opens === 0) continue;
      } else if (k === DIGITS) opens = OPENS.digits | o;
      else if (k === APOS) opens = OPENS.decade | o;
      else continue;
      const block = k === WORD && opens & OPENS.block ? matchKind(dt, t, i, "block") : null;
      if (block) {
        const item: TimeMention = { start: t.start[i]!, end: t.end[block.end - 1]!, rule: block.rows[0]!.id, from: "", to: "", relative: false };
        (blocked ??= new Set()).add(item);
        out.push({ start: i, end: block.end, item });
      }
      // "a year later", "deux ans plus tôt": years from the time told before, resolved once all are read.
      const anchor = k === WORD && opens & OPENS.anchored ? matchKind(dt, t, i, "anchored") : null;
      if (anchor) {
        const item: TimeMention = { start: t.start[i]!, end: t.end[anchor.end - 1]!, rule: anchor.rows[0]!.id, from: "", to: "", relative: false };
        (anchored ??= new Map()).set(item, { years: Number(anchor.rows[0]!.value.slice(4)), whole: anchor.rows[0]!.flags.has("whole") });
        out.push({ start: i, end: anchor.end, item });
      }
      for (const p of readingsAt(c, i, opens)) {
        const r = resolve(p.spec, P);
        if (!r) continue;
        const item: TimeMention = {
          start: t.start[i]!,
          end: t.end[p.end - 1]!,
          rule: p.rule,
          from: fmt(r.from),
          to: fmt(r.to),
          relative: r.relative,
        };
        if ((p.spec.k === "md" || p.spec.k === "wd") && p.spec.mod === "plain") item.assumedPast = true;
        out.push({ start: i, end: p.end, item });
        break;
      }
    }
    const selected = selectLongest(out, t.n);
    const kept = anchored === null ? selected : resolveAnchored(selected, anchored, before);
    const dropped = blocked;
    return dropped === null ? kept : kept.filter((m) => !dropped.has(m));
  } catch (err) {
    if (process.env.DOSSIER_STRICT === "1") throw err;
    return [];
  }
}
