import type { Category } from "../catalog/types.ts";
import type { Stance, Status } from "./lexicon.ts";

/** What the extractor reads: a document's text and what is known about it. */
export interface ExtractInput {
  id: string;
  text: string;
  /** ISO 639-1; detected from the text when absent. */
  lang?: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anchors relative dates. */
  published?: string | null;
  /** The outlet that published the text (named in the claims only when the text cites it). */
  outlet?: string | null;
}

/** Character offsets into the text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** One transfer claim, in SCHEMA.md's shape plus evidence offsets and the rules that read it. */
export interface Claim {
  supplier: string | null;
  recipient: string | null;
  intermediary: string | null;
  item: { name: string | null; category: Category };
  maker: string | null;
  quantity: number | null;
  value: { amount: number; currency: string } | null;
  time: { from: string; to: string } | null;
  status: Status;
  stance: Stance;
  targets: string[];
  sources: string[];
  evidence: string;
  span: Span;
  rules: string[];
}

/**
 * The rule a claim carries when its time is only the month of the statement telling it ("said on Thursday that it had
 * delivered…"): the deal stood so by then and may have been made any time before, so the register does not set an
 * earlier date against it.
 */
export const AS_OF_STATEMENT = "time/as-of-statement";

/** A claims file: SCHEMA.md's document header and its transfers. */
export interface ClaimsFile {
  document: { id: string; language: string; published: string | null; outlet: string | null };
  transfers: Claim[];
}
