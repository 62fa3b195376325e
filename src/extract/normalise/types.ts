// Types of the normalisers' results: numbers, money amounts and time
// expressions found in raw text, each with its character offsets.

/** ISO 639-1 code of a language the extractor reads. */
export type Lang = "en" | "fr" | "es" | "de" | "ar";

/** A stretch of the text: text.slice(start, end) is the expression; rule is the id of the rule or table row that produced it. */
export interface Span {
  start: number;
  end: number;
  rule: string;
}

/** A number: "trois" 3, "1 200" 1200, "une vingtaine" 20 (approximate), "two dozen" 24, "1.5 million" 1500000. */
export interface NumberMention extends Span {
  value: number;
  approximate: boolean;
}

/** A money amount in the stated currency (ISO 4217): "50 millions de dollars" 50000000 USD. */
export interface MoneyMention extends Span {
  amount: number;
  currency: string;
}

/** A time expression as an ISO range (YYYY, YYYY-MM or YYYY-MM-DD); relative when it was resolved against the publication date. */
export interface TimeMention extends Span {
  from: string;
  to: string;
  relative: boolean;
  /**
   * A month, day or weekday without a year or a "last"/"next" ("in June", « le 3 juin », "on Tuesday"), read as the
   * latest such on or before publication; under a verb of the future it is the next one instead.
   */
  assumedPast?: boolean;
}
