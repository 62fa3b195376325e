// Time expressions as specifications, and their resolution against the
// publication date (CONVENTIONS.md item 11). Choices made here:
// - a month, a day-month or a weekday without a year is the latest one on or
//   before publication, with "last"/"dernier" too ("en juin dernier" in a
//   June article is that June); "next"/"prochain" is the earliest one after it;
// - "last week" is the Monday-to-Sunday week before the publication's week;
//   "last weekend" the latest Saturday-Sunday strictly before publication;
// - parts of a year: early 01-03, mid 05-08, late 10-12 (of a decade: years
//   0-3, 4-6, 7-9); seasons: spring 03-05, summer 06-08, autumn 09-11,
//   winter 12 to 02 of the next year; "last summer" is the latest summer that
//   ended before the publication month;
// - "since X" runs to the publication date at X's precision;
// - when the publication date lacks the precision an expression needs
//   ("yesterday" in a text dated only "2024-01"), the result is the publication
//   date as far as it is known; without a publication date, relative
//   expressions give nothing.

/** A point in time at year, month or day precision. */
export interface Pt {
  y: number;
  m?: number;
  d?: number;
}

/** How a modifier shifts a month, weekday or season. */
export type Mod = "plain" | "last" | "next" | "this" | "year-1" | "year+0" | "year+1";

export type Spec =
  | { k: "abs"; from: Pt; to: Pt }
  | { k: "md"; m: number; d?: number; mod: Mod }
  | { k: "day"; d: number }
  | { k: "wd"; w: number; mod: Mod }
  | { k: "season"; m1: number; m2: number; mod: Mod }
  | { k: "rel"; code: string }
  | { k: "ago"; n: number; unit: string }
  | { k: "since"; inner: Spec }
  | { k: "range"; a: Spec; b: Spec };

export interface Resolved {
  from: Pt;
  to: Pt;
  relative: boolean;
}

const PUBLISHED = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a time part after it is ignored); null when invalid. */
export function parsePublished(s: string | null | undefined): Pt | null {
  if (typeof s !== "string") return null;
  // Every sentence of a document asks for the same date: the last one read is kept (a Pt is never written to).
  if (s === lastPublished) return lastPt;
  lastPt = readPublished(s);
  lastPublished = s;
  return lastPt;
}
let lastPublished: string | null = null;
let lastPt: Pt | null = null;

function readPublished(s: string): Pt | null {
  const m = PUBLISHED.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1000) return null;
  if (m[2] === undefined) return { y };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return { y, m: mo };
  const d = Number(m[3]);
  if (d < 1 || d > daysIn(y, mo)) return null;
  return { y, m: mo, d };
}

/** Days of months 1-12 in a common year. */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysIn(y: number, m: number): number {
  // The proleptic Gregorian count for ordinary years and months, without a Date; anything else (years 0-99, which
  // Date.UTC reads as 1900-1999, months out of range, fractions) as Date reads it.
  if (Number.isInteger(y) && Number.isInteger(m) && y >= 100 && y <= 9999 && m >= 1 && m <= 12) {
    return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m]!;
  }
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

/** ISO form of a point: YYYY, YYYY-MM or YYYY-MM-DD. */
export function fmt(p: Pt): string {
  let s = pad(p.y, 4);
  if (p.m !== undefined) s += `-${pad(p.m, 2)}`;
  if (p.m !== undefined && p.d !== undefined) s += `-${pad(p.d, 2)}`;
  return s;
}

function dayNum(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNum(n: number): Pt {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday, Monday 1 to Sunday 7. */
function weekday(n: number): number {
  return ((new Date(n * 86_400_000).getUTCDay() + 6) % 7) + 1;
}

function addMonths(y: number, m: number, k: number): Pt {
  const idx = y * 12 + (m - 1) + k;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

function valid(p: Pt): boolean {
  if (!Number.isInteger(p.y) || p.y < 1000 || p.y > 9999) return false;
  if (p.m === undefined) return true;
  if (p.m < 1 || p.m > 12) return false;
  return p.d === undefined || (p.d >= 1 && p.d <= daysIn(p.y, p.m));
}

/** The same point at the precision of `like` (as far as p has it). */
function truncate(p: Pt, like: Pt): Pt {
  if (like.m === undefined || p.m === undefined) return { y: p.y };
  if (like.d === undefined || p.d === undefined) return { y: p.y, m: p.m };
  return { ...p };
}

const point = (p: Pt, relative: boolean): Resolved | null => (valid(p) ? { from: p, to: p, relative } : null);

/** True when month m (day d) falls on or before the reference point. */
function onOrBefore(m: number, d: number | undefined, ref: Pt): boolean {
  if (ref.m === undefined) return true;
  if (m !== ref.m) return m < ref.m;
  return d === undefined || ref.d === undefined || d <= ref.d;
}

function resolveMd(m: number, d: number | undefined, mod: Mod, ref: Pt): Pt {
  let y: number;
  switch (mod) {
    case "year-1": y = ref.y - 1; break;
    case "year+0": case "this": y = ref.y; break;
    case "year+1": y = ref.y + 1; break;
    case "next":
      y = ref.m === undefined ? ref.y : onOrBefore(m, d, ref) ? ref.y + 1 : ref.y;
      break;
    default:
      y = onOrBefore(m, d, ref) ? ref.y : ref.y - 1;
  }
  return d === undefined ? { y, m } : { y, m, d };
}

function resolveSeason(m1: number, m2: number, mod: Mod, ref: Pt): Resolved | null {
  const occurrence = (y: number): [Pt, Pt] => [{ y, m: m1 }, { y: m2 < m1 ? y + 1 : y, m: m2 }];
  const idx = (p: Pt): number => p.y * 12 + (p.m ?? 12);
  const refIdx = idx(ref);
  let y: number;
  if (mod === "year-1" || mod === "year+0" || mod === "year+1") {
    y = ref.y + Number(mod.slice(4));
  } else if (mod === "last") {
    y = ref.y;
    while (y > ref.y - 3 && idx(occurrence(y)[1]) >= refIdx) y--;
  } else if (mod === "next") {
    y = ref.y - 1;
    while (y < ref.y + 2 && idx(occurrence(y)[0]) <= refIdx) y++;
  } else {
    y = m2 < m1 && ref.m !== undefined && ref.m <= m2 ? ref.y - 1 : ref.y;
  }
  const [from, to] = occurrence(y);
  return valid(from) && valid(to) ? { from, to, relative: true } : null;
}

function resolveWeekday(w: number, mod: Mod, ref: Pt): Pt {
  const n = dayNum(ref.y, ref.m!, ref.d!);
  const dow = weekday(n);
  if (mod === "next") return fromDayNum(n + ((w - dow + 7) % 7 || 7));
  return fromDayNum(n - ((dow - w + 7) % 7));
}

function resolveRel(code: string, P: Pt): Resolved | null {
  const m = /^(year|month|week|weekend|day)([+-]\d+)$/.exec(code);
  if (code === "ytd") return P.m === undefined ? point({ y: P.y }, true) : { from: { y: P.y, m: 1 }, to: { y: P.y, m: P.m }, relative: true };
  if (code === "mtd") {
    if (P.m === undefined) return point({ y: P.y }, true);
    if (P.d === undefined) return point({ y: P.y, m: P.m }, true);
    return { from: { y: P.y, m: P.m, d: 1 }, to: { ...P }, relative: true };
  }
  if (code === "wtd") {
    if (P.d === undefined) return point({ ...P }, true);
    const n = dayNum(P.y, P.m!, P.d);
    return { from: fromDayNum(n - (weekday(n) - 1)), to: { ...P }, relative: true };
  }
  if (!m) return null;
  const unit = m[1]!;
  const k = Number(m[2]);
  if (unit === "year") return point({ y: P.y + k }, true);
  if (unit === "month") return P.m === undefined ? point({ y: P.y }, true) : point(addMonths(P.y, P.m, k), true);
  if (P.d === undefined) return point({ ...P }, true);
  const n = dayNum(P.y, P.m!, P.d);
  if (unit === "day") return point(fromDayNum(n + k), true);
  if (unit === "week") {
    const monday = n - (weekday(n) - 1) + 7 * k;
    return { from: fromDayNum(monday), to: fromDayNum(monday + 6), relative: true };
  }
  // weekend-1: the latest Sunday strictly before publication, and the Saturday before it.
  const sunday = n - (weekday(n) % 7 || 7);
  return { from: fromDayNum(sunday - 1), to: fromDayNum(sunday), relative: true };
}

function resolveAgo(n: number, unit: string, P: Pt): Resolved | null {
  if (unit === "year") return point({ y: P.y - n }, true);
  if (unit === "month") return P.m === undefined ? point({ y: P.y }, true) : point(addMonths(P.y, P.m, -n), true);
  if (P.d === undefined) return point({ ...P }, true);
  const days = unit === "week" ? 7 * n : n;
  return point(fromDayNum(dayNum(P.y, P.m!, P.d) - days), true);
}

function isRelativeSpec(s: Spec): boolean {
  return s.k === "md" || s.k === "wd" || s.k === "day";
}

/** Resolves a specification against the publication date P (null when unknown); null when it cannot be resolved. */
export function resolve(spec: Spec, P: Pt | null): Resolved | null {
  switch (spec.k) {
    case "abs":
      return valid(spec.from) && valid(spec.to) ? { from: spec.from, to: spec.to, relative: false } : null;
    case "day":
      return null;
    case "md":
      return P ? point(resolveMd(spec.m, spec.d, spec.mod, P), true) : null;
    case "wd":
      if (!P) return null;
      if (P.d === undefined) return point({ ...P }, true);
      return point(resolveWeekday(spec.w, spec.mod, P), true);
    case "season":
      return P ? resolveSeason(spec.m1, spec.m2, spec.mod, P) : null;
    case "rel":
      return P ? resolveRel(spec.code, P) : null;
    case "ago":
      return P ? resolveAgo(spec.n, spec.unit, P) : null;
    case "since": {
      const r = resolve(spec.inner, P);
      if (!r || !P) return r;
      let to = truncate(P, r.from);
      if (fmt(to) < fmt(r.to)) to = r.to;
      return { from: r.from, to, relative: true };
    }
    case "range":
      return resolveRange(spec.a, spec.b, P);
  }
}

function resolveRange(a: Spec, b: Spec, P: Pt | null): Resolved | null {
  let ra: Resolved | null;
  let rb: Resolved | null;
  if (isRelativeSpec(a) && b.k !== "day") {
    // "du 20 au 22 mai", "between Sept. 7 and Oct. 1", "de janvier à mars 2021": the first end is read against the second.
    rb = resolve(b, P);
    if (!rb) return null;
    const ref = rb.from;
    if (a.k === "day") {
      if (ref.m === undefined) return null;
      ra = point({ y: ref.y, m: ref.m, d: a.d }, rb.relative);
    } else if (a.k === "md") {
      ra = point(resolveMd(a.m, a.d, a.mod, ref), rb.relative);
    } else if (a.k === "wd" && ref.d !== undefined) {
      ra = point(resolveWeekday(a.w, a.mod, ref), rb.relative);
    } else {
      ra = resolve(a, P);
    }
  } else if (b.k === "md" && a.k === "abs") {
    ra = resolve(a, P);
    if (!ra) return null;
    const start = ra.to;
    const notBefore =
      start.m === undefined || b.m > start.m ||
      (b.m === start.m && (b.d === undefined || start.d === undefined || b.d >= start.d));
    const y = notBefore ? start.y : start.y + 1;
    rb = point(b.d === undefined ? { y, m: b.m } : { y, m: b.m, d: b.d }, false);
  } else {
    ra = resolve(a, P);
    rb = resolve(b, P);
  }
  if (!ra || !rb) return null;
  if (fmt(ra.from) > fmt(rb.to)) return null;
  return { from: ra.from, to: rb.to, relative: ra.relative || rb.relative };
}

