import { fold } from "./fold.ts";

/** A token of folded text: a run of letters or a run of digits. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

const LETTER = 1;
const DIGIT = 2;
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  const ch = String.fromCharCode(c);
  if (/\p{Nd}/u.test(ch)) CLASS[c] = DIGIT;
  else if (/[\p{L}\p{M}]/u.test(ch)) CLASS[c] = LETTER;
}

/** Splits folded text into letter runs and digit runs. */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = folded.length;
  while (i < n) {
    const cls = CLASS[folded.charCodeAt(i)]!;
    if (cls === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && CLASS[folded.charCodeAt(j)] === cls) j++;
    out.push({ start: i, end: j, text: folded.slice(i, j) });
    i = j;
  }
  return out;
}

/** Characters allowed between the tokens of one multi-word phrase, and how many. */
const GAP = new Set([" ", "-", "'", "/", "."]);
const MAX_GAP = 3;
function gapOk(folded: string, from: number, to: number): boolean {
  if (to - from > MAX_GAP) return false;
  for (let k = from; k < to; k++) if (!GAP.has(folded[k]!)) return false;
  return true;
}

interface Node<T> {
  next: Map<string, Node<T>> | null;
  values: T[] | null;
}

/** One phrase occurrence: token range [first, last] and character span. */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  first: number;
  last: number;
  values: T[];
}

/** A token trie of phrases, matched leftmost-longest over folded text. */
export class PhraseTrie<T> {
  private readonly root = new Map<string, Node<T>>();
  /** Number of distinct phrases. */
  size = 0;

  /** Adds a phrase; `same` says when a value is already present for it. */
  add(phrase: string, value: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
    const tokens = tokenize(fold(phrase));
    if (tokens.length === 0) return;
    let map = this.root;
    let node: Node<T> | undefined;
    for (const t of tokens) {
      node = map.get(t.text);
      if (!node) map.set(t.text, (node = { next: null, values: null }));
      map = node.next ??= new Map();
    }
    if (!node!.values) {
      node!.values = [];
      this.size++;
    }
    if (!node!.values.some((v) => same(v, value))) node!.values.push(value);
  }

  /** The longest phrase starting at token `i`, if any. */
  at(folded: string, tokens: Token[], i: number): PhraseMatch<T> | null {
    const first = tokens[i];
    if (!first) return null;
    // A phrase never starts glued to the previous token ("2A4" holds no "A4").
    if (i > 0 && tokens[i - 1]!.end === first.start) return null;
    let node = this.root.get(first.text);
    let best: PhraseMatch<T> | null = null;
    let k = i;
    while (node) {
      if (node.values) {
        const after = tokens[k + 1];
        const end = tokens[k]!.end;
        // A letter run glued to a letter run means a longer word ("Heron" is not in "Herons"?): digits may follow letters.
        const cut = after && after.start === end && CLASS[folded.charCodeAt(after.start)] === CLASS[folded.charCodeAt(end - 1)];
        if (!cut) best = { start: first.start, end, first: i, last: k, values: node.values };
      }
      const next = tokens[k + 1];
      if (!node.next || !next || !gapOk(folded, tokens[k]!.end, next.start)) break;
      node = node.next.get(next.text);
      k++;
    }
    return best;
  }

  /** Every leftmost-longest, non-overlapping occurrence. */
  all(folded: string, tokens: Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.at(folded, tokens, i);
      if (m) {
        out.push(m);
        i = m.last + 1;
      } else i++;
    }
    return out;
  }
}
