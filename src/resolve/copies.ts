import { fold } from "../catalog/fold.ts";

/** Share of the shorter document's paragraphs that must recur word for word (README rule 5). */
export const COPY_SHARE = 0.8;

const norm = (s: string) => fold(s).replace(/\s+/g, " ").trim();

/** The paragraphs of a text, whitespace-normalised, without empty ones. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map(norm).filter(Boolean);
}

/** Whether two documents are near-identical: the same headline and at least 80% of the shorter one's paragraphs in the other. */
export function nearIdentical(a: { title: string | null; text: string }, b: { title: string | null; text: string }): boolean {
  if (!a.title || !b.title || norm(a.title) !== norm(b.title)) return false;
  const pa = paragraphs(a.text);
  const pb = paragraphs(b.text);
  const [short, long] = pa.length <= pb.length ? [pa, new Set(pb)] : [pb, new Set(pa)];
  if (short.length === 0) return false;
  return short.filter((p) => long.has(p)).length / short.length >= COPY_SHARE;
}
