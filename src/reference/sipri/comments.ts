import type { Party } from "./lookups.ts";

/** A deal value read from a comment: `$500 m deal`, `EUR170 m deal`, `THB4b ($120 m) deal`. */
export interface DealValue {
  amount: number;
  /** The upper end when SIPRI gives a range (`$200-250 m deal`); null otherwise. */
  max: number | null;
  /** ISO 4217, or null when SIPRI's prefix is not one the lookups know. */
  currency: string | null;
  /** The US dollar figure SIPRI gives in brackets beside a value in another currency. */
  usd: number | null;
  /** SIPRI hedges the figure (`Probably $30 m deal`). */
  uncertain: boolean;
  written: string;
}

/** A third party a comment names: `ordered via USA`, `financed by Saudi Arabia`. */
export interface Intermediary {
  role: "via" | "financed-by";
  party: Party;
  written: string;
}

/** What the comments field says, note by note. */
export interface ReadComments {
  notes: string[];
  value: DealValue | null;
  intermediaries: Intermediary[];
  /** `part of Harfang UAV system`: the larger system the item was delivered with. */
  partOf: string | null;
}

// `$500 m deal`, `Probably $30 m deal`, `$200-250 m deal`, `THB4b ($120 m) deal`, `$427 m 'LAS' deal`.
const VALUE = new RegExp(
  String.raw`^((?:(?:part of|incl|total|estimated|some|about|approximately|up to|probably|possibly)\s+)*)(\$|£|[A-Z]{2,3})\s?(\d+(?:\.\d+)?)(?:\s?-\s?(\d+(?:\.\d+)?))?\s?([mb])\b(?:\s*\((?:\$|USD)\s?(\d+(?:\.\d+)?)(?:\s?-\s?\d+(?:\.\d+)?)?\s?([mb])\))?(?:\s+'[^']*')?\s+(?:deal|contract|order)\b`,
  "i",
);
// `deal worth $8 m`, `Part of deal worth AUD46 m`: the same groups, with no hedge, range or dollar figure.
const WORTH = new RegExp(String.raw`()\bdeal worth (\$|£|[A-Z]{2,3})\s?(\d+(?:\.\d+)?)()\s?([mb])\b()()`, "i");
const SCALE = { m: 1e6, b: 1e9 } as const;
const VIA = /\bvia\s+(.+?)(?:\s+(?:and|from|for|to|after|before|in|with)\b|$)/;
const FINANCED = /\bfinanced\s+by\s+(.+?)(?:\s+(?:and|from|for|to|as|in|with)\b|$)/i;
const PART_OF = /^(?:second-hand;\s*)?part of (.+? system)$/i;

/** Reads the notes of a comments field; `party` links a written name or nationality adjective, `currency` a prefix. */
export function readComments(text: string, party: (w: string) => Party, currency: (w: string) => string | null): ReadComments {
  const notes = text
    .split(";")
    .map((n) => n.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  let value: DealValue | null = null;
  const intermediaries: Intermediary[] = [];
  let partOf: string | null = null;
  for (const note of notes) {
    const v: RegExpExecArray | null = value ? null : (VALUE.exec(note) ?? WORTH.exec(note));
    if (v) {
      const cur: string = v[2]!;
      const scale: number = SCALE[v[5]!.toLowerCase() as "m" | "b"];
      value = {
        amount: Number(v[3]) * scale,
        max: v[4] ? Number(v[4]) * scale : null,
        currency: currency(cur),
        usd: v[6] ? Number(v[6]) * SCALE[v[7]!.toLowerCase() as "m" | "b"] : cur === "$" ? Number(v[3]) * scale : null,
        uncertain: /probably|possibly|estimated|about|approximately/i.test(v[1]!),
        written: v[0]!,
      };
    }
    for (const [re, role] of [[VIA, "via"], [FINANCED, "financed-by"]] as const) {
      const m = re.exec(note);
      if (!m) continue;
      const written = m[1]!.trim();
      const p = party(written);
      // "via UK company" or "via French company" name a company of that state: the state is the party.
      const company = p.id ? p : party(written.replace(/\s+(?:private\s+)?compan(?:y|ies)$/i, ""));
      if (company.id) intermediaries.push({ role, party: company, written });
    }
    const part = PART_OF.exec(note);
    if (part && !partOf) partOf = part[1]!;
  }
  return { notes, value, intermediaries, partOf };
}
