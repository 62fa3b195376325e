import type { SourceType } from "../catalog/types.ts";
import { VERDICT_WORDS } from "../reference/check.ts";
import type { RegisterVerdict } from "./register.ts";

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export type Reliability = "A" | "B" | "C" | "D" | "E" | "F";
/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Default reliability by the catalog's source type. Agencies, NGOs and research institutes publish their methods and
 * corrections; outlets vary; governments and companies speak for an interested party; a source the catalog does not
 * know cannot be judged. A reference register (SIPRI's) is a research institute's published data set, with its
 * method and sources documented: rated as an institute.
 */
export const DEFAULT_RELIABILITY: Record<SourceType | "person" | "unknown" | "register", Reliability> = {
  agency: "B",
  ngo: "B",
  institute: "B",
  outlet: "C",
  government: "C",
  company: "D",
  person: "F",
  unknown: "F",
  register: "B",
};

/** One origin as the grade sees it. */
export interface GradedOrigin {
  name: string;
  type: SourceType | "person" | "unknown" | "register";
  reliability: Reliability;
  /** True when the reliability comes from an analyst's decision rather than the type's default. */
  overridden: boolean;
  /** True when the origin is the government of the supplier or the recipient. */
  official: boolean;
}

/** What the credibility is computed from. */
export interface GradeInput {
  origins: GradedOrigin[];
  denials: string[];
  /** True when every supporting member hedges ("reportedly", "aurait"). */
  hedged: boolean;
  circular: boolean;
  conflicts: string[];
  members: number;
  documents: number;
  /** The reference register's verdict, when one was imported: said in the explanation, counted or not. */
  register?: RegisterVerdict | null;
}

/** An Admiralty grade with its reasons in one paragraph. */
export interface Grade {
  reliability: Reliability;
  credibility: Credibility;
  explanation: string;
}

const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

/** Grades an assertion: the best origin's reliability, and a credibility from corroboration, official confirmation and denials. */
export function grade(g: GradeInput): Grade {
  const n = g.origins.length;
  const best = [...g.origins].sort((a, b) => a.reliability.localeCompare(b.reliability))[0];
  const reliability: Reliability = best?.reliability ?? "F";
  const official = g.origins.filter((o) => o.official);
  let credibility: Credibility;
  const why: string[] = [];
  if (n === 0) {
    credibility = g.denials.length ? 5 : 6;
    why.push(g.denials.length ? `no origin supports it and ${list(g.denials)} denies it` : "no counted origin supports it");
  } else {
    if (n >= 2) {
      credibility = g.hedged && official.length === 0 ? 2 : 1;
      why.push(`${n} independent origins (${list(g.origins.map((o) => o.name))}) support it${g.hedged && official.length === 0 ? ", all of them hedged" : ""}`);
    } else if (official.length) {
      credibility = 2;
      why.push(`one origin, ${official[0]!.name}, a party to the transfer, states it`);
    } else {
      credibility = g.hedged ? 4 : 3;
      why.push(`a single origin (${g.origins[0]!.name}) supports it${g.hedged ? ", and only in hedged terms" : ""}`);
    }
    if (official.length && n >= 2) why.push(`${list(official.map((o) => o.name))} confirms it officially`);
    if (g.denials.length) {
      credibility = Math.min(5, credibility + 1) as Credibility;
      why.push(`${list(g.denials)} denies it, which lowers the credibility by one step`);
    }
  }
  const rel = best
    ? `Reliability ${reliability}: the best-rated origin, ${best.name}, is ${best.overridden ? "rated so by an analyst" : `${TYPE_WORDS[best.type]} (default ${best.reliability} for its type)`}.`
    : `Reliability F: no origin can be judged.`;
  const extra: string[] = [];
  if (g.circular) extra.push("Circular reporting was found and counted once.");
  if (g.conflicts.length) extra.push(`The reports disagree on ${list(g.conflicts)}.`);
  if (g.register) extra.push(`Reference register, ${g.register.name}: ${VERDICT_WORDS[g.register.verdict]}, ${g.register.why}${g.register.record ? ` (${g.register.record.text})` : ""}.`);
  const explanation = `${rel} Credibility ${credibility}: ${why.join("; ")}. ${g.members} counted report${g.members === 1 ? "" : "s"} in ${g.documents} document${g.documents === 1 ? "" : "s"}.${extra.length ? " " + extra.join(" ") : ""}`;
  return { reliability, credibility, explanation };
}

const TYPE_WORDS: Record<GradedOrigin["type"], string> = {
  agency: "a news agency",
  ngo: "an NGO",
  institute: "a research institute",
  outlet: "an outlet",
  government: "a government",
  company: "a company",
  person: "a person or body the catalog does not know",
  unknown: "a source the catalog does not know",
  register: "a reference register",
};
