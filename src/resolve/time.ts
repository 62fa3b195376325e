/** A closed interval of days since the epoch. */
export type Interval = [number, number];

const DAY = 86_400_000;

function day(s: string, end: boolean): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : end ? 12 : 1;
  const d = m[3] ? Number(m[3]) : end ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 1;
  return Date.UTC(y, mo - 1, d) / DAY;
}

/** The days a SCHEMA.md time covers (`2013` is the whole year), or null when unknown or unreadable. */
export function interval(t: { from: string | null; to: string | null } | null | undefined): Interval | null {
  if (!t || (!t.from && !t.to)) return null;
  const lo = day((t.from ?? t.to)!, false);
  const hi = day((t.to ?? t.from)!, true);
  return lo === null || hi === null ? null : lo <= hi ? [lo, hi] : [hi, lo];
}

/** Whether two intervals share a day. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** Days between the end of the earlier interval and the start of the later one (0 when they overlap). */
export function gapDays(a: Interval, b: Interval): number {
  if (overlaps(a, b)) return 0;
  return a[1] < b[0] ? b[0] - a[1] : a[0] - b[1];
}

/** Rule 2: times are compatible when unknown, overlapping, or less than a year apart. */
export function compatibleTimes(a: Interval | null, b: Interval | null): boolean {
  return a === null || b === null || gapDays(a, b) < 365;
}
