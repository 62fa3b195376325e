import type { Token } from "../catalog/phrases.ts";

/** The index of the first item of a list sorted by `start` whose start is at least `at`. */
export function lowerBound<T extends { start: number }>(list: readonly T[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * {@link lowerBound} over the tokens of a text: the index of the first token starting at or after `at`. A function of its
 * own, so that its read of `start` only ever sees tokens (lowerBound sees every kind of mention, and reads generically).
 */
export function tokenLowerBound(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of a list sorted by `start` that lie within [from, to). */
export function within<T extends { start: number; end: number }>(list: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(list, from); i < list.length && list[i]!.start < to; i++) if (list[i]!.end <= to) out.push(list[i]!);
  return out;
}

/** Does any item of a list sorted by `start` cover [start, end)? (Items are non-overlapping.) */
export function covered<T extends { start: number; end: number }>(list: readonly T[], start: number, end: number): boolean {
  const i = lowerBound(list, start + 1) - 1;
  return i >= 0 && list[i]!.start <= start && list[i]!.end >= end;
}

/** Does any item of a list sorted by `start` overlap [start, end) ("some 5 million" and "5 million euros")? */
export function overlapped<T extends { start: number; end: number }>(list: readonly T[], start: number, end: number): boolean {
  const i = lowerBound(list, end) - 1;
  return i >= 0 && list[i]!.end > start;
}
