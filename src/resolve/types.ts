import type { Category } from "../catalog/types.ts";
import type { Claim } from "../extract/types.ts";

/** What the register knows about a document when it merges and assesses (no text needed). */
export interface RegisterDoc {
  id: string;
  url: string | null;
  outlet: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published: string | null;
  language: string | null;
  title: string | null;
  /** Ids of earlier documents this one is a near-identical copy of. */
  copyOf: string[];
}

/** A stored claim: the extractor's fields plus its identity, its document and whether gold marked it optional. */
export interface RegisterClaim extends Omit<Claim, "span" | "rules"> {
  id: string;
  document: string;
  /** Position of the claim in its claims file. */
  index: number;
  /** Gold only: vague or generic claims add no origin, no conflict and no assertion of their own that is checked. */
  optional: boolean;
  span: Claim["span"] | null;
  rules: string[];
}

/** The fields that identify an assertion. */
export interface AssertionKey {
  supplier: string | null;
  recipient: string | null;
  category: Category;
}

/** Why a claim joined an assertion: the member it was compared with first, and what agreed. */
export interface MergeReason {
  claim: string;
  /** Null for the assertion's first member. */
  joined: string | null;
  because: string[];
}

/** A group of claims that tell one transfer, before assessment. */
export interface ClaimGroup extends AssertionKey {
  /** Family root of the named system, or null when no member names one. */
  system: string | null;
  members: RegisterClaim[];
  reasons: MergeReason[];
}
