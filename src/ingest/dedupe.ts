import { createHash } from "node:crypto";

/** The text a document id is computed from: Unicode-normalised (NFKC), lower-cased, whitespace collapsed. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A document's id: the SHA-256 (hex) of its normalised text, so the same article read twice is one document. */
export function documentId(text: string): string {
  return createHash("sha256").update(normaliseText(text)).digest("hex");
}

/** Words per shingle: five-word runs survive a new headline and a changed paragraph but not a rewrite. */
const SHINGLE = 5;
/** MinHash signature length: 42 bands of 3 rows. */
const BANDS = 42;
const ROWS = 3;
const HASHES = BANDS * ROWS;

/** Estimated Jaccard similarity of word shingles at or above which two documents are near-duplicates (default 0.5). */
export const NEAR_DUPLICATE = 0.5;

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** MinHash signature of a text's five-word shingles (hash family h1 + i·h2, after Kirsch and Mitzenmacher). */
export function minhash(text: string): Uint32Array {
  const words = normaliseText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const shingle = words.slice(i, i + SHINGLE).join(" ");
    const h1 = fnv1a(shingle, 2166136261);
    const h2 = fnv1a(shingle, 0x9747b28c) | 1;
    for (let k = 0; k < HASHES; k++) {
      const v = (h1 + Math.imul(k, h2)) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** The share of equal positions of two signatures: an estimate of the Jaccard similarity of their shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** What {@link Deduper.add} found about a document. */
export interface Seen {
  /** Set when the same normalised text was seen before (same id). */
  duplicate: boolean;
  /** Ids of earlier documents it is a near-duplicate of, most similar first. */
  copyOf: string[];
}

/** One band of a signature as a 32-bit key, the band's index mixed in so equal rows in different bands differ. */
function bandKey(sig: Uint32Array, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++) h = Math.imul(h ^ sig[r]!, 0x85ebca6b) ^ (h >>> 13);
  return h >>> 0;
}

/**
 * Remembers the documents of one run and finds exact and near duplicates; candidate pairs come from
 * locality-sensitive hashing over signature bands, so each new document is compared with few others. Memory is
 * about 2 KB per document: buckets hold small integers, not ids.
 */
export class Deduper {
  private readonly seen = new Set<string>();
  private readonly ids: string[] = [];
  private readonly signatures: Uint32Array[] = [];
  private readonly buckets = new Map<number, number | number[]>();

  constructor(private readonly threshold = NEAR_DUPLICATE) {}

  add(id: string, text: string): Seen {
    if (this.seen.has(id)) return { duplicate: true, copyOf: [] };
    this.seen.add(id);
    const sig = minhash(text);
    const index = this.ids.length;
    const candidates = new Set<number>();
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(sig, b);
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, index);
      else if (typeof bucket === "number") candidates.add(bucket), this.buckets.set(key, [bucket, index]);
      else bucket.forEach((c) => candidates.add(c)), bucket.push(index);
    }
    this.ids.push(id);
    this.signatures.push(sig);
    const copyOf = [...candidates]
      .map((other) => ({ other, s: similarity(sig, this.signatures[other]!) }))
      .filter((c) => c.s >= this.threshold)
      .sort((x, y) => y.s - x.s)
      .map((c) => this.ids[c.other]!);
    return { duplicate: false, copyOf };
  }
}
