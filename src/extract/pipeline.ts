import { defaultCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/types.ts";
import { attributeDocument } from "./attribution.ts";
import { createContext, datelineAgency, datelines, isWordAt, mentionAt, triggerAt, type Context, type Sentence } from "./context.ts";
import { dateWords as dateWordsOf } from "./normalise/lexicon.ts";
import { covered, tokenLowerBound } from "./spans.ts";
import { carryParties, headlineSuppliers, foldDeals, foldHypernyms, mergeDeal } from "./deals.ts";
import { makeFrame, readFrames, type Frame, type Quantities } from "./frames.ts";
import { detectLanguage } from "./language.ts";
import { KIND, extractionLanguages, lexiconFor } from "./lexicon.ts";
import { findMentions } from "./mentions.ts";
import { moneyIn } from "./normalise/money.ts";
import { numbersIn } from "./normalise/numbers.ts";
import { timesIn } from "./normalise/time.ts";
import { tokenize } from "./normalise/tokens.ts";
import type { Lang } from "./normalise/types.ts";
import type { Claim, ClaimsFile, ExtractInput } from "./types.ts";

/** An error the user can act on, with a stable code. */
export class ExtractError extends Error {
  constructor(
    readonly code: "unsupported-language" | "undetected-language" | "not-text",
    message: string,
  ) {
    super(message);
  }
}

/** Longest text read, in characters; the rest is ignored and reported (linear time, bounded memory). */
export const MAX_TEXT = 50_000_000;

// The stages, in order, and what each reads and writes:
//   context      text → folded text, tokens, paragraphs and sentences
//   mentions     tokens + catalog → states, systems, makers, sources, actors, persons
//   quantities   text (sentences with a trigger) → numbers, money, dates
//   attribution  sentences + mentions → the source chain of every sentence
//   frames       mentions + quantities + chains → one frame per item and recipient of a clause with a trigger
//   deals        frames → parties carried, deals folded → claims

/** Appends the items of one list to another: append(a, [x, y]) pushes x and y onto a (no spread of arguments). */
function append<T>(to: T[], items: readonly T[]): void {
  for (const x of items) to.push(x);
}

/**
 * Numbers, money and times, read only in the paragraphs that hold a transfer trigger: frames use nothing else,
 * and the normalisers are the costliest stage.
 */
function quantities(ctx: Context, lang: Lang, keep: <T extends { start: number }>(list: T[]) => T[]): Quantities {
  const q: Quantities = { numbers: [], money: [], times: [] };
  const hasTrigger = ctx.sentences.map((s) => holdsTrigger(ctx, s));
  const triggered = new Set(ctx.sentences.filter((s) => hasTrigger[s.index]).map((s) => s.paragraph));
  const dateWords = dateWordsOf(lang);
  let timesParagraph = -1;
  for (const s of ctx.sentences) {
    const withTrigger = hasTrigger[s.index]!;
    // Dates are also read in the other sentences of a paragraph with a trigger: a frame may take its date from one.
    if (!withTrigger && !(triggered.has(s.paragraph) && mayHoldDate(ctx, s, dateWords))) continue;
    // The sentence's tokens as the normalisers read them, with offsets into the text.
    // (The catalog's tokens of the sentence lend their folded text to its ASCII words and figures.)
    const tokens = tokenize(ctx.text, s.start, s.end, ctx.tokens, s.first);
    if (withTrigger) {
      append(q.numbers, numbersIn(tokens, lang));
      append(q.money, moneyIn(tokens, lang));
    }
    // "In a 2022 report… A year earlier, Axios reported": an anchored time counts from the last time told before in
    // the paragraph.
    const before = timesParagraph === s.paragraph ? q.times[q.times.length - 1] ?? null : null;
    const times = timesIn(tokens, lang, ctx.published, before);
    if (times.length) timesParagraph = s.paragraph;
    append(q.times, times);
  }
  return { numbers: keep(q.numbers), money: keep(withoutUnitPrices(ctx, q.money)), times: keep(q.times.filter((t) => !inDesignation(ctx, t))) };
}

function holdsTrigger(ctx: Context, s: Sentence): boolean {
  for (let i = s.first; i < s.endToken; i++) if (triggerAt(ctx, i)) return true;
  return false;
}

/** Does a token of the sentence start with an ASCII digit or is it a word of the dates table? */
function mayHoldDate(ctx: Context, s: Sentence, dateWords: ReadonlyMap<string, unknown>): boolean {
  for (let i = s.first; i < s.endToken; i++) {
    const text = ctx.tokens[i]!.text;
    const c = text.charCodeAt(0);
    if ((c >= 0x30 && c <= 0x39) || dateWords.has(text)) return true;
  }
  return false;
}

/** "Mirage 2000", "Rafale F4": a figure inside a weapon's name is no date. */
function inDesignation(ctx: Context, t: { start: number; end: number }): boolean {
  const m = mentionAt(ctx, tokenLowerBound(ctx.tokens, t.start));
  return m?.kind === "system" && m.start <= t.start && t.end <= m.end;
}

/** The money mentions that are no unit price; the bounds of a range ("3 à 4 millions … chacun") go together. */
function withoutUnitPrices<T extends { start: number; end: number }>(ctx: Context, money: T[]): T[] {
  const unit = money.map((m) => unitPrice(ctx, m));
  for (let k = money.length - 2; k >= 0; k--) if (rangeBounds(ctx, money[k]!, money[k + 1]!)) unit[k] = unit[k + 1]!;
  return money.filter((_, k) => !unit[k]);
}

/** Are two mentions the bounds of one range: "3 à 4 millions", "$2-3 billion", "between 1 and 2"? */
function rangeBounds(ctx: Context, low: { end: number }, high: { start: number }): boolean {
  const first = tokenLowerBound(ctx.tokens, low.end);
  const last = tokenLowerBound(ctx.tokens, high.start);
  if (first === last) return /^\s*[-–]\s*$/.test(ctx.text.slice(low.end, high.start));
  return last === first + 1 && isWordAt(ctx, KIND["range-link"], first);
}

/**
 * "pour 3 à 4 millions d'euros chacun", "at $80 million apiece": the price of one is no deal's value (over a
 * parenthesis: "3 à 4 millions d'euros (3,3 à 4,4 millions de dollars) chacun", and inside it).
 */
function unitPrice(ctx: Context, m: { end: number }): boolean {
  const after = ctx.text.slice(m.end, m.end + 100);
  const aside = /^\s*\([^()]*\)/.exec(after) ?? /^[^()]*\)/.exec(after);
  const k = tokenLowerBound(ctx.tokens, m.end + (aside ? aside[0].length : 0));
  return isWordAt(ctx, KIND["unit-price"], k) || (isWordAt(ctx, KIND["unit-price-link"], k) && isWordAt(ctx, KIND["unit-price"], k + 1));
}

/** Texts longer than this many characters are read in paragraph-aligned windows, so memory stays bounded; deals fold across windows. */
export const WINDOW = 1_000_000;

/** Paragraph-aligned windows of at most about {@link WINDOW} characters. */
function windows(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (text.length - start > WINDOW) {
    const cut = text.lastIndexOf("\n", start + WINDOW);
    const end = cut > start ? cut + 1 : start + WINDOW;
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: text.length });
  return out;
}

/** The frames of one window of text, with its sentence and paragraph counts. */
function framesOf(text: string, lang: string, input: ExtractInput, catalog: Catalog): { frames: Frame[]; sentences: number; paragraphs: number } {
  const ctx = createContext(text, lang, input.published ?? null, input.outlet ?? null, catalog, lexiconFor(lang));
  findMentions(ctx);
  const skip = datelines(text).map(([start, end]) => ({ start, end }));
  const inDateline = (at: number) => covered(skip, at, at + 1);
  const outside = <T extends { start: number }>(list: T[]) => (skip.length ? list.filter((x) => !inDateline(x.start)) : list);
  const q = quantities(ctx, lang as Lang, outside);
  const { chains, scopes, occupied } = attributeDocument(ctx);
  if (skip.length) for (let i = 0; i < ctx.tokens.length; i++) if (inDateline(ctx.tokens[i]!.start)) occupied[i] = 1;
  const last = ctx.sentences[ctx.sentences.length - 1];
  return { frames: readFrames(ctx, q, chains, occupied, scopes), sentences: ctx.sentences.length, paragraphs: last ? last.paragraph + 1 : 0 };
}

/** Extracts every transfer claim of one document. */
export function extract(input: ExtractInput, catalog: Catalog = defaultCatalog()): ClaimsFile {
  const text = input.text.length > MAX_TEXT ? input.text.slice(0, MAX_TEXT) : input.text;
  const supported = extractionLanguages();
  const lang = input.lang ?? detectLanguage(text);
  // Without a known outlet, the agency of a wire dateline wrote the text: its voice is the article's own.
  const outlet = input.outlet ?? datelineAgency(text);
  const header = { id: input.id, language: lang ?? "und", published: input.published ?? null, outlet };
  if (text.trim() === "") return { document: header, transfers: [] };
  if (!lang) throw new ExtractError("undetected-language", `could not tell the language of ${input.id}; pass --lang (supported: ${supported.join(", ")})`);
  if (!supported.includes(lang)) throw new ExtractError("unsupported-language", `language "${lang}" of ${input.id} is not supported for extraction (supported: ${supported.join(", ")})`);
  // Unspecified "arms" count only when the text itself names both parties of them.
  const inferred = (f: { rules: string[] }) => f.rules.some((r) => r.endsWith("-carried") || r.endsWith("-topic"));
  // ("China has become the leading supplier of armed drones to the Middle East": nor who supplies whom, unless the
  // text names whom.)
  const recipientInferred = (f: Frame) => f.rules.includes("role/recipient-carried") || f.rules.includes("role/recipient-topic");
  const read: Frame[] = [];
  let sentences = 0;
  let paragraphs = 0;
  for (const w of windows(text)) {
    const part = framesOf(text.slice(w.start, w.end), lang, { ...input, outlet }, catalog);
    const placed = new Map<Frame, Frame>();
    // The frames of a window at the start of the text are in place already.
    const inPlace = w.start === 0 && sentences === 0 && paragraphs === 0;
    for (const f of part.frames) {
      const g: Frame = inPlace ? f : makeFrame({ ...f, span: { start: f.span.start + w.start, end: f.span.end + w.start }, sentence: f.sentence + sentences, paragraph: f.paragraph + paragraphs });
      if (f.continues) g.continues = placed.get(f.continues);
      placed.set(f, g);
      read.push(g);
    }
    sentences += part.sentences;
    paragraphs += part.paragraphs;
  }
  // (Read once: a look-up of the environment is a call into the C library.)
  const trace = !!process.env.DOSSIER_TRACE;
  if (trace) for (const f of read) process.stderr.write(`frame s${f.sentence}: ${f.supplier ?? "?"}>${f.recipient ?? "?"} ${f.item.name ?? f.item.category} ${f.status} [${f.rules.join(" ")}]\n`);
  const frames = headlineSuppliers(catalog, carryParties(catalog, read)).filter((f) => f.supplier && f.recipient && !(f.item.category === "other" && inferred(f)) && !(f.relationship && recipientInferred(f)));
  const deals = foldHypernyms(catalog, foldDeals(catalog, frames));
  if (trace) for (const d of deals) process.stderr.write(`deal ${d.map((f) => `s${f.sentence}:${f.supplier}>${f.recipient}:${f.item.category}:${f.status}:${f.time ? f.time.from + ".." + f.time.to : "-"}${f.sources.length ? "[" + f.sources.join(">") + "]" : ""}`).join(" + ")}\n`);
  const transfers: Claim[] = deals.map((deal) => {
    const f = mergeDeal(deal);
    return {
      supplier: f.supplier,
      recipient: f.recipient,
      intermediary: f.intermediary,
      item: { name: f.item.name, category: f.item.category },
      maker: f.maker,
      quantity: f.quantity,
      value: f.value,
      time: f.time,
      status: f.status,
      stance: f.stance,
      targets: f.targets,
      sources: f.sources,
      evidence: text.slice(f.span.start, f.span.end),
      span: f.span,
      rules: f.rules,
    };
  });
  return { document: header, transfers };
}

/** A stored or ingested document as extraction reads it (the ingest Document's fields). */
export interface DocumentFields {
  id: string;
  text: string;
  language: string | null;
  published: string | null;
  outlet: string | null;
}

/** Extracts the claims of a document as ingest reads it: its language, publication date and outlet passed on. */
export function extractDocument(document: DocumentFields, catalog: Catalog = defaultCatalog()): ClaimsFile {
  return extract({ id: document.id, text: document.text, lang: document.language, published: document.published, outlet: document.outlet }, catalog);
}
