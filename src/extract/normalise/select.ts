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
  const order = found.slice().sort((a, b) => (b.item.end - b.item.start) - (a.item.end - a.item.start) || a.item.start - b.item.start);
  const taken = new Uint8Array(nTokens);
  const kept: T[] = [];
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
  return kept.sort((a, b) => a.start - b.start);
}
