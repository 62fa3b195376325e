import { fold } from "./fold.ts";

/** A token of folded text: a run of letters or a run of digits. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** {@link hashOf} the text, so tries look the token up by number. */
  hash: number;
  /** The index that marked the token ({@link FirstWordIndex.mark}), if any: its entry for the text, and the tries it opens a phrase in. */
  index: FirstWordIndex | null;
  entry: number;
  opens: number;
}

const LETTER = 1;
const DIGIT = 2;
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  const ch = String.fromCharCode(c);
  if (/\p{Nd}/u.test(ch)) CLASS[c] = DIGIT;
  else if (/[\p{L}\p{M}]/u.test(ch)) CLASS[c] = LETTER;
}

/** Is the UTF-16 unit c (not a surrogate) a letter or a mark (\p{L} or \p{M})? */
export function isLetterUnit(c: number): boolean {
  return CLASS[c] === LETTER;
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
    let h = Math.imul(0x811c9dc5 ^ folded.charCodeAt(i), 0x01000193);
    let j = i + 1;
    for (; j < n; j++) {
      const c = folded.charCodeAt(j);
      if (CLASS[c] !== cls) break;
      h = Math.imul(h ^ c, 0x01000193);
    }
    out.push({ start: i, end: j, text: folded.slice(i, j), hash: h & 0x3fffffff, index: null, entry: -1, opens: 0 });
    i = j;
  }
  return out;
}

/** Characters allowed between the tokens of one multi-word phrase, and how many. */
const MAX_GAP = 3;
/** Is the unit c one of the characters allowed between the tokens of a phrase (space, hyphen, apostrophe, slash, dot)? */
function isGapUnit(c: number): boolean {
  return c === 0x20 || c === 0x2d || c === 0x27 || c === 0x2f || c === 0x2e;
}
/**
 * A lone letter after a number across a space is a word, not a variant suffix: "the F-16 a year ago", "66 F-16 à
 * Taïwan" name no F-16A (written "F-16A" or "F-16 A"… only glued or hyphenated).
 */
function looseSuffix(folded: string, prevEnd: number, start: number, end: number): boolean {
  return end - start === 1 && start > prevEnd && folded[prevEnd] === " " && CLASS[folded.charCodeAt(start)] === LETTER && CLASS[folded.charCodeAt(prevEnd - 1)] === DIGIT;
}

/** The end of the token (letter run or digit run) starting at i. */
function runEnd(folded: string, i: number): number {
  const cls = CLASS[folded.charCodeAt(i)]!;
  let j = i + 1;
  while (j < folded.length && CLASS[folded.charCodeAt(j)] === cls) j++;
  return j;
}

function gapOk(folded: string, from: number, to: number): boolean {
  if (to - from > MAX_GAP) return false;
  for (let k = from; k < to; k++) if (!isGapUnit(folded.charCodeAt(k))) return false;
  return true;
}

interface Node<T> {
  /** The node's number in its trie, by which the trie's {@link EdgeTable} finds its children. */
  id: number;
  /** The (folded) word from the parent to the node. */
  word: string;
  next: Map<string, Node<T>> | null;
  values: T[] | null;
  /**
   * One bit per value of bits 25-29 of a child's word hash, set for the node's children by its trie's {@link EdgeTable}:
   * most words after a first word go on with no phrase, and a clear bit says so from the node at hand, before a probe
   * of the (large, uncached) edge table.
   */
  childBits: number;
}

/** The bit of a word hash in {@link Node.childBits}. */
function childBit(hash: number): number {
  return 1 << ((hash >>> 25) & 31);
}

/**
 * FNV-1a over the UTF-16 units of text[start, end), cut to 30 bits: V8 keeps such numbers unboxed (small integers), so
 * a map keyed by them is looked up without making a heap number for every word.
 */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h & 0x3fffffff;
}

/**
 * Words and their values in one open-addressed table of typed arrays, looked up by {@link hashOf} hash: a probe reads
 * two adjacent numbers (the hash and the entry), not a chain of map entries, buckets and pairs that a cache may miss.
 */
class WordTable<V> {
  private readonly mask: number;
  /** Two numbers a slot: a word's hash, and its entry + 1 (0 for an empty slot). */
  private readonly slots: Int32Array;
  /** The words, in entry order. */
  readonly keys: string[] = [];
  private readonly values: V[] = [];

  constructor(words: Map<string, V>) {
    let size = 8;
    while (size < words.size * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(2 * size);
    for (const [key, value] of words) {
      const h = hashOf(key, 0, key.length);
      let slot = h & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.keys.push(key);
      this.values.push(value);
      this.slots[2 * slot] = h;
      this.slots[2 * slot + 1] = this.keys.length;
    }
  }

  /** The entry of a word given as a string, or -1. */
  entryOf(text: string, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[2 * slot + 1]! - 1;
      if (entry < 0) return -1;
      if (this.slots[2 * slot] === hash && this.keys[entry] === text) return entry;
    }
  }

  /** The value of a word given as a string. */
  get(text: string, hash: number): V | undefined {
    const entry = this.entryOf(text, hash);
    return entry < 0 ? undefined : this.values[entry];
  }

  /** The value of the word folded[start, end), not cut out of the text. */
  getIn(folded: string, start: number, end: number, hash: number): V | undefined {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[2 * slot + 1]! - 1;
      if (entry < 0) return undefined;
      const key = this.keys[entry]!;
      if (this.slots[2 * slot] === hash && key.length === end - start && folded.startsWith(key, start)) return this.values[entry];
    }
  }
}

function hashChildren<T>(map: Map<string, Node<T>>): WordTable<Node<T>> {
  return new WordTable(map);
}

/**
 * Every edge of a trie, parent to child, in one open-addressed table keyed by the parent's number and the
 * {@link hashOf} hash of the child's word. Most tokens after a phrase's first word go on no phrase: one probe into one
 * array says so, where a table of children per node would take a walk through several objects a cache may miss.
 */
class EdgeTable<T> {
  private readonly mask: number;
  /** Three numbers a slot: the parent's number, the child's word hash, and the child's position in `children` + 1 (0 for an empty slot). */
  private readonly slots: Int32Array;
  private readonly children: Node<T>[] = [];
  /**
   * One bit per value of the low bits of a key (at least 16 bits an edge), set for the keys of the edges: most probes find no edge,
   * and a clear bit says so from an array small enough to stay in a cache.
   */
  private readonly filter: Int32Array;
  private readonly filterMask: number;

  constructor(root: Map<string, Node<T>>) {
    const edges: [Node<T>, Node<T>][] = [];
    const collect = (node: Node<T>) => {
      node.childBits = 0;
      if (!node.next) return;
      for (const child of node.next.values()) {
        edges.push([node, child]);
        node.childBits |= childBit(hashOf(child.word, 0, child.word.length));
        collect(child);
      }
    };
    for (const node of root.values()) collect(node);
    let size = 8;
    while (size < edges.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(3 * size);
    let bits = 256;
    while (bits < edges.length * 16) bits *= 2;
    this.filterMask = bits - 1;
    this.filter = new Int32Array(bits / 32);
    for (const [parent, child] of edges) {
      const h = hashOf(child.word, 0, child.word.length);
      const key = EdgeTable.keyOf(parent.id, h);
      this.filter[(key & this.filterMask) >>> 5]! |= 1 << (key & 31);
      let slot = key & this.mask;
      while (this.slots[3 * slot + 2] !== 0) slot = (slot + 1) & this.mask;
      this.children.push(child);
      this.slots[3 * slot] = parent.id;
      this.slots[3 * slot + 1] = h;
      this.slots[3 * slot + 2] = this.children.length;
    }
  }

  private static keyOf(parent: number, hash: number): number {
    return Math.imul(parent, 0x9e3779b1) ^ hash;
  }

  /** Might an edge have this key (false: none has)? */
  private mayHold(key: number): boolean {
    return (this.filter[(key & this.filterMask) >>> 5]! & (1 << (key & 31))) !== 0;
  }

  /** The child of `parent` for a token (its text and {@link hashOf} hash). */
  child(parent: Node<T>, text: string, hash: number): Node<T> | undefined {
    if ((parent.childBits & childBit(hash)) === 0) return undefined;
    const key = EdgeTable.keyOf(parent.id, hash);
    if (!this.mayHold(key)) return undefined;
    for (let slot = key & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.slots[3 * slot + 2]! - 1;
      if (k < 0) return undefined;
      if (this.slots[3 * slot + 1] === hash && this.slots[3 * slot] === parent.id && this.children[k]!.word === text) return this.children[k];
    }
  }

  /** The child of `parent` for the word folded[start, end), not cut out of the text. */
  childIn(parent: Node<T>, folded: string, start: number, end: number): Node<T> | undefined {
    const hash = hashOf(folded, start, end);
    if ((parent.childBits & childBit(hash)) === 0) return undefined;
    const key = EdgeTable.keyOf(parent.id, hash);
    if (!this.mayHold(key)) return undefined;
    for (let slot = key & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.slots[3 * slot + 2]! - 1;
      if (k < 0) return undefined;
      if (this.slots[3 * slot + 1] !== hash || this.slots[3 * slot] !== parent.id) continue;
      const word = this.children[k]!.word;
      if (word.length === end - start && folded.startsWith(word, start)) return this.children[k];
    }
  }
}

/**
 * The first words of several tries (at most 31) in one table: a text's tokens are looked up once for all of them
 * ({@link FirstWordIndex.mark}), each marked with the tries its word opens a phrase in, and each trie then tells from
 * the mark alone a word that opens none, and reads the node of one that does without a lookup of its own. A trie in
 * an index takes no more phrases. The `leading` words, if any, take the first entries in their order (whether they
 * open a phrase or not), so a token's entry also numbers its word among them.
 */
export class FirstWordIndex {
  private readonly table: WordTable<number>;
  /** Bit `slot` set for each trie the word of an entry opens a phrase in. */
  private readonly opens: Int32Array;
  /** The first-word node of entry e in the trie at `slot`: nodes[e * tries + slot]. */
  private readonly nodes: (Node<unknown> | undefined)[];

  constructor(private readonly tries: readonly PhraseTrie<unknown>[], leading: readonly string[] = []) {
    if (tries.length > 31) throw new Error("a first-word index holds at most 31 tries");
    const entries = new Map<string, number>();
    for (const word of leading) if (!entries.has(word)) entries.set(word, entries.size);
    if (entries.size !== leading.length) throw new Error("the leading words of a first-word index must be distinct");
    for (const trie of tries) for (const [word] of trie.firstWords()) if (!entries.has(word)) entries.set(word, entries.size);
    this.table = new WordTable(entries);
    this.opens = new Int32Array(entries.size);
    this.nodes = new Array<Node<unknown> | undefined>(entries.size * tries.length).fill(undefined);
    tries.forEach((trie, slot) => {
      for (const [word, node] of trie.firstWords()) {
        const entry = entries.get(word)!;
        this.opens[entry]! |= 1 << slot;
        this.nodes[entry * tries.length + slot] = node;
      }
      trie.indexed = true;
    });
  }

  /** The position of a trie in the index, or -1. */
  slotOf(trie: PhraseTrie<unknown>): number {
    return this.tries.indexOf(trie);
  }

  /** The first-word node that a token marked by this index opens in the trie at `slot`, if any. */
  nodeOf(token: Token, slot: number): Node<unknown> | undefined {
    return (token.opens & (1 << slot)) === 0 ? undefined : this.nodes[token.entry * this.tries.length + slot];
  }

  /** Marks every token with the tries its text opens a phrase in. */
  mark(tokens: Token[]): void {
    for (const t of tokens) {
      const entry = this.table.entryOf(t.text, t.hash);
      t.index = this;
      t.entry = entry;
      t.opens = entry < 0 ? 0 : this.opens[entry]!;
    }
  }
}

/** A phrase found by a scan: character span and values. */
export interface ScanMatch<T> {
  start: number;
  end: number;
  values: T[];
}

/** One phrase occurrence: token range [first, last] and character span. */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  first: number;
  last: number;
  values: T[];
  /** Set when the phrase's last word was read as the plural of the name's ("Typhoons" for "Typhoon"). */
  plural?: true;
}

/** A token trie of phrases, matched leftmost-longest over folded text. */
export class PhraseTrie<T> {
  private readonly root = new Map<string, Node<T>>();
  private rootHashed: WordTable<Node<T>> | null = null;
  /**
   * One bit per value of a hash's low 16 bits, set for the hashes of the first words: most words of a text start no
   * phrase, and a clear bit says so without a look into the (large) root map.
   */
  private rootFilter: Uint8Array | null = null;

  /** @param plurals a name's last word may take a plural "s" ("Typhoons", "Leopards"); default false. */
  constructor(private readonly plurals = false) {}

  /** Could folded[start, end) be a plural whose singular ends a phrase ("typhoons" → "typhoon")? */
  private mayBePlural(folded: string, start: number, end: number): boolean {
    return this.plurals && end - start >= 4 && folded.charCodeAt(end - 1) === 115 && CLASS[folded.charCodeAt(end - 2)] === LETTER;
  }

  /** The same among the children of `parent`, without cutting the word out of the text. */
  private singularChild(parent: Node<T>, folded: string, start: number, end: number): Node<T> | undefined {
    if (!this.mayBePlural(folded, start, end)) return undefined;
    const node = this.edgeTable().childIn(parent, folded, start, end - 1);
    return node?.values ? node : undefined;
  }

  /** The same among the first words. */
  private singularFirst(folded: string, start: number, end: number): Node<T> | undefined {
    if (!this.mayBePlural(folded, start, end)) return undefined;
    const node = this.rootChild(folded, start, end - 1);
    return node?.values ? node : undefined;
  }
  /** Number of distinct phrases. */
  size = 0;

  /** Set once a {@link FirstWordIndex} holds the trie's first words: a phrase added after would be missed. */
  indexed = false;

  /** Nodes made so far (the next node's number). */
  private nodeCount = 0;
  /** The trie's edges, made on first use after the last phrase added. */
  private edges: EdgeTable<T> | null = null;

  private edgeTable(): EdgeTable<T> {
    return (this.edges ??= new EdgeTable(this.root));
  }

  /** Adds a phrase; `same` says when a value is already present for it. */
  add(phrase: string, value: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
    if (this.indexed) throw new Error(`the phrase trie is indexed: "${phrase}" cannot be added`);
    const tokens = tokenize(fold(phrase));
    if (tokens.length === 0) return;
    let map = this.root;
    let node: Node<T> | undefined;
    for (const t of tokens) {
      node = map.get(t.text);
      if (!node) {
        map.set(t.text, (node = { id: this.nodeCount++, word: t.text, next: null, values: null, childBits: 0 }));
        // The edges looked up by hash are made again with the new one.
        this.edges = null;
      }
      map = node.next ??= new Map();
    }
    if (!node!.values) {
      node!.values = [];
      this.size++;
    }
    if (!node!.values.some((v) => same(v, value))) node!.values.push(value);
    this.rootHashed = null;
    this.rootFilter = null;
  }

  private child(map: WordTable<Node<T>> | null, folded: string, start: number, end: number, hash = hashOf(folded, start, end)): Node<T> | undefined {
    return map?.getIn(folded, start, end, hash);
  }

  /** The child of a token (its text and {@link hashOf} hash) among hashed children. */
  private childOf(map: WordTable<Node<T>>, text: string, hash: number): Node<T> | undefined {
    return map.get(text, hash);
  }

  /** The first words and their nodes. */
  firstWords(): IterableIterator<[string, Node<T>]> {
    return this.root.entries();
  }

  /** The first word's node for a token: read from its marks when they come from an index that holds this trie. */
  private firstNode(token: Token): Node<T> | undefined {
    const index = token.index;
    if (index !== null) {
      if (index !== this.lastIndex) {
        this.lastIndex = index;
        this.lastSlot = index.slotOf(this as PhraseTrie<unknown>);
      }
      if (this.lastSlot >= 0) return index.nodeOf(token, this.lastSlot) as Node<T> | undefined;
    }
    return this.rootOf(token.text, token.hash);
  }
  /** The index a token was last read through, and the trie's position in it (-1 when not in it). */
  private lastIndex: FirstWordIndex | null = null;
  private lastSlot = -1;

  /** The first word's node for a token (text and hash). */
  private rootOf(text: string, hash: number): Node<T> | undefined {
    if (!this.rootHashed || !this.rootFilter) this.hashRoot();
    if ((this.rootFilter![(hash & 0xffff) >>> 3]! & (1 << (hash & 7))) === 0) return undefined;
    return this.childOf(this.rootHashed!, text, hash);
  }

  private hashRoot(): void {
    this.rootHashed = hashChildren(this.root);
    this.rootFilter = new Uint8Array(8192);
    for (const key of this.rootHashed.keys) {
      const h = hashOf(key, 0, key.length);
      this.rootFilter[(h & 0xffff) >>> 3]! |= 1 << (h & 7);
    }
  }

  /** The first word's node, when folded[start, end) is one. */
  private rootChild(folded: string, start: number, end: number): Node<T> | undefined {
    if (!this.rootHashed || !this.rootFilter) this.hashRoot();
    const h = hashOf(folded, start, end);
    if ((this.rootFilter![(h & 0xffff) >>> 3]! & (1 << (h & 7))) === 0) return undefined;
    return this.child(this.rootHashed!, folded, start, end, h);
  }

  /**
   * Every leftmost-longest, non-overlapping occurrence, found by walking the folded text itself: no token objects
   * are made, so bulk matching allocates only for what it finds. Same tokens and gap rules as {@link at}.
   */
  scan(folded: string): ScanMatch<T>[] {
    const out: ScanMatch<T>[] = [];
    const n = folded.length;
    let prevEnd = -1;
    let i = 0;
    while (i < n) {
      if (CLASS[folded.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const j = runEnd(folded, i);
      let node = prevEnd === i ? undefined : this.rootChild(folded, i, j);
      let plural = false;
      if (!node && prevEnd !== i) plural = (node = this.singularFirst(folded, i, j)) !== undefined;
      let best: ScanMatch<T> | null = null;
      let end = j;
      while (node) {
        if (node.values) best = { start: i, end, values: node.values };
        if (!node.next || plural) break;
        // The next token, across a short gap of spaces, hyphens, apostrophes, slashes or dots.
        let k = end;
        while (k < n && k - end <= MAX_GAP && CLASS[folded.charCodeAt(k)] === 0 && isGapUnit(folded.charCodeAt(k))) k++;
        if (k >= n || k - end > MAX_GAP || CLASS[folded.charCodeAt(k)] === 0) break;
        const l = runEnd(folded, k);
        if (looseSuffix(folded, end, k, l)) break;
        const parent: Node<T> = node;
        node = this.edgeTable().childIn(parent, folded, k, l);
        if (!node) plural = (node = this.singularChild(parent, folded, k, l)) !== undefined;
        end = l;
      }
      if (best) {
        out.push(best);
        prevEnd = best.end;
        i = best.end;
      } else {
        prevEnd = j;
        i = j;
      }
    }
    return out;
  }

  /**
   * {@link scan} over the tokens of `folded` (tokenize(folded)): the same occurrences, found without walking the
   * characters again or hashing a word per trie, with the token range of each.
   */
  scanTokens(folded: string, tokens: Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const nt = tokens.length;
    let t = 0;
    while (t < nt) {
      const tok = tokens[t]!;
      // A phrase never starts glued to the previous token (as in scan: the previous run ends where this one starts).
      const glued = t > 0 && tokens[t - 1]!.end === tok.start;
      let node = glued ? undefined : this.firstNode(tok);
      let plural = false;
      if (!node && !glued) plural = (node = this.singularFirst(folded, tok.start, tok.end)) !== undefined;
      let best: PhraseMatch<T> | null = null;
      let k = t;
      while (node) {
        const end = tokens[k]!.end;
        if (node.values) best = plural ? { start: tok.start, end, first: t, last: k, values: node.values, plural } : { start: tok.start, end, first: t, last: k, values: node.values };
        if (!node.next || plural) break;
        // The next token, across a short gap of spaces, hyphens, apostrophes, slashes or dots.
        const next = tokens[k + 1];
        if (!next || !gapOk(folded, end, next.start) || looseSuffix(folded, end, next.start, next.end)) break;
        const parent: Node<T> = node;
        node = this.edgeTable().child(parent, next.text, next.hash);
        if (!node) plural = (node = this.singularChild(parent, folded, next.start, next.end)) !== undefined;
        k++;
      }
      if (best) {
        out.push(best);
        t = best.last + 1;
      } else t++;
    }
    return out;
  }

  /** The longest phrase starting at token `i`, if any. */
  at(folded: string, tokens: Token[], i: number): PhraseMatch<T> | null {
    // (No read of tokens[-1]: a negative index is a property name, and would make this read generic.)
    const first = i >= 0 ? tokens[i] : undefined;
    if (!first) return null;
    let node = this.firstNode(first);
    let plural = false;
    if (!node) {
      // Most tokens open no phrase of the trie (their mark says so): without plurals, nothing more to look for.
      if (!this.plurals) return null;
      plural = (node = this.singularFirst(folded, first.start, first.end)) !== undefined;
      if (!node) return null;
    }
    // A phrase never starts glued to the previous token ("2A4" holds no "A4"): asked once a phrase may start here.
    if (i > 0 && tokens[i - 1]!.end === first.start) return null;
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
      if (plural || !node.next || !next || !gapOk(folded, tokens[k]!.end, next.start) || looseSuffix(folded, tokens[k]!.end, next.start, next.end)) break;
      const parent: Node<T> = node;
      node = this.edgeTable().child(parent, next.text, next.hash);
      if (!node) plural = (node = this.singularChild(parent, folded, next.start, next.end)) !== undefined;
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
