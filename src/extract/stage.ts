import type { PhraseMatch } from "../catalog/phrases.ts";
import { isWordAt, type Context } from "./context.ts";
import { KIND, type Status, type Trigger } from "./lexicon.ts";

// How far a transfer went, read from the triggers of a clause and the words around them.

/** Which trigger of a clause tells its stage: a sale verb yields to an order ("signed a contract to buy"), an order to a delivery ("commandé…, livrés depuis"), all of them to talks, offers and cancellations. */
export const CLAUSE_RANK = { unknown: 0, sold: 1, ordered: 2, delivered: 3, negotiating: 4, offered: 5, cancelled: 6 } as const;

export const clauseStage = (t: Trigger): keyof typeof CLAUSE_RANK => (t.sale ? "sold" : t.status);

/** The rule a trigger match stands for. */
const ruleOf = (t: PhraseMatch<Trigger>): Trigger => t.values[0]!;

/**
 * The stage of a transfer still to come, from the triggers a prospective marker governs: an announced hand-over
 * ("va céder") is offered, unless the clause tells it was bought; an arrival to come ("will reach") is ordered; a reception to come is ordered under a named
 * contract, else offered; a purchase to come ("will buy") is under negotiation. Null when none of them is governed.
 */
export function stillToCome(coming: PhraseMatch<Trigger>[], all: PhraseMatch<Trigger>[]): Status | null {
  // "avait acheté 36 CAESAR et qu'ils seraient livrés": a hand-over to come of what was bought is under that order.
  const bought = all.some((t) => !coming.includes(t) && (ruleOf(t).status === "ordered" || ruleOf(t).sale));
  if (coming.some((t) => ruleOf(t).cls === "give")) return bought ? "ordered" : "offered";
  if (coming.some((t) => ruleOf(t).cls === "arrive")) return "ordered";
  if (coming.some((t) => ruleOf(t).cls === "get" && !ruleOf(t).sale)) return all.some((t) => ruleOf(t).status === "ordered") ? "ordered" : "offered";
  if (coming.some((t) => ruleOf(t).cls === "get" && ruleOf(t).sale)) return "negotiating";
  return null;
}

/** Is the trigger a verb in the future tense ("recevra", "livreront")? Read from the language's future endings. */
export function futureTense(ctx: Context, t: PhraseMatch<Trigger>): boolean {
  return futureWord(ctx, t.last);
}

/** Is token k a verb in the future tense ("signera", "livreront")? */
export function futureWord(ctx: Context, k: number): boolean {
  return endsInTense(ctx, wordAt(ctx, k), "future-ending");
}

/**
 * Is the trigger one verb in the conditional ("achèterait", "livreraient"), or a participle right after an auxiliary
 * in the conditional ("seraient livrés")? Read from the language's conditional endings.
 */
export function conditionalTense(ctx: Context, t: PhraseMatch<Trigger>): boolean {
  if (t.first !== t.last) return false;
  return conditionalWord(ctx, t.last) || (isWordAt(ctx, KIND["speech-auxiliary"], t.first - 1) && conditionalWord(ctx, t.first - 1));
}

/** Is token k a verb in the conditional ("achèterait", "figureraient")? */
export function conditionalWord(ctx: Context, k: number): boolean {
  return endsInTense(ctx, wordAt(ctx, k), "conditional-ending");
}

function endsInTense(ctx: Context, word: string, kind: string): boolean {
  const endings = ctx.lex.words.get(kind);
  if (!endings || word.length < 6) return false;
  for (const e of endings) if (word.endsWith(e)) return true;
  return false;
}

/** The folded word of token k ("" outside the text). */
const wordAt = (ctx: Context, k: number): string => ctx.tokens[k]?.text ?? "";

/** "un contrat pour la fourniture de", "a contract for the supply of", "un contrat de fourniture": a delivery a deal provides for has not happened. */
export function contractedDelivery(ctx: Context, triggers: PhraseMatch<Trigger>[], t: PhraseMatch<Trigger>): boolean {
  if (t.values[0]!.cls !== "give" || t.values[0]!.status !== "delivered" || t.values[0]!.sale) return false;
  // "un contrat de fourniture de 30 Rafale": a deal noun naming the delivery it is for.
  const genitive = ctx.lex.roles.at(ctx.folded, ctx.tokens, t.first - 1)?.values.some((v) => v.role === "genitive");
  if (genitive && triggers.some((d) => d.values[0]!.cls === "deal" && d.last === t.first - 2)) return true;
  // The delivery is the deal's object: "for the supply", "pour la fourniture", not a later "delivered last year".
  const article = isWordAt(ctx, KIND["definite"], t.first - 1) || isWordAt(ctx, KIND["determiner"], t.first - 1);
  if (!isWordAt(ctx, KIND["provides-for"], article ? t.first - 2 : t.first - 1)) return false;
  return triggers.some((d) => d.values[0]!.cls === "deal" && d.last < t.first && t.first - d.last <= 30);
}
