// Resolves overlapping candidates: the longest wins, then the earliest.

/** A candidate over tokens [start, end) carrying its result. */
export interface Candidate<T extends { start: number; end: number }> {
  start: number;
  end: number;
  item: T;
}

/** Keeps non-overlapping candidates, longest (in characters) first, and returns their items sorted by start. */
export function selectLongest<T extends { start: number; end: number }>(found: Candidate<T>[], nTokens: number): T[] {
  if (found.length === 0) return [];
  // (One candidate is kept as it is: no copy, sort nor marks; most sentences read one number or date, if any.)
  if (found.length === 1) return [found[0]!.item];
  const order = found.slice().sort(longestFirst);
  // The marks of a shared block, cleared again before returning (a block per call cost more than the selection).
  if (taken.length < nTokens) taken = new Uint8Array(Math.max(nTokens, 2 * taken.length));
  const kept: T[] = [];
  try {
    select(order, kept);
  } finally {
    for (const c of order) taken.fill(0, c.start, c.end);
  }
  return kept.sort(byStart);
}

let taken = new Uint8Array(1024);

function longestFirst(a: Candidate<{ start: number; end: number }>, b: Candidate<{ start: number; end: number }>): number {
  return (b.item.end - b.item.start) - (a.item.end - a.item.start) || a.item.start - b.item.start;
}

function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}

function select<T extends { start: number; end: number }>(order: Candidate<T>[], kept: T[]): void {
  for (const c of order) {
    let free = true;
    for (let k = c.start; k < c.end; k++) {
      if (taken[k]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    for (let k = c.start; k < c.end; k++) taken[k] = 1;
    kept.push(c.item);
  }
}
