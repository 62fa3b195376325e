const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)/;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:T|$)/;

function valid(y: string, m: string, d: string): string | null {
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  return date.getUTCMonth() === +m - 1 && +y >= 1900 && +y <= 2100 ? `${y}-${m}-${d}` : null;
}

/**
 * A date as YYYY-MM-DD, from ISO 8601 (the written calendar date is kept, not shifted to UTC), compact `YYYYMMDD`
 * or anything `Date.parse` reads (RFC 822 dates of feeds); null when it is not a date.
 */
export function normaliseDate(v: unknown): string | null {
  if (typeof v !== "string" || !v.trim()) return null;
  const m = ISO.exec(v) ?? COMPACT.exec(v);
  if (m) return valid(m[1]!, m[2]!, m[3]!);
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return valid(iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10));
}
