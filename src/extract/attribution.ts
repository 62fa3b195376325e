import { fold } from "../catalog/fold.ts";
import type { PhraseMatch } from "../catalog/phrases.ts";
import { gapText, isWord, type Context, type Mention, type Sentence } from "./context.ts";
import type { AttributionCue } from "./lexicon.ts";

/** A source as the chain names it, with the tokens it occupies. */
interface SourceRef {
  label: string;
  first: number;
  last: number;
  /** An anaphor ("the expert", "il") refers back to the current source. */
  anaphor: boolean;
  named: boolean;
}

/** What attribution found in one sentence. */
export interface SentenceAttribution {
  /** The chain origin first, or null when the sentence names no new source. */
  chain: string[] | null;
  carry: boolean;
  /** Tokens that belong to reporting frames and their sources: not parties to a transfer. */
  occupied: Set<number>;
  rules: string[];
  /** Denier, when the sentence reports a denial through a reporting frame. */
}

const NAMED_KINDS = new Set(["source", "person", "actor"]);
const PUNCT_STOP = /[,;:()«»"“”\[\]—]|\.\s/;

function mentionAt(ctx: Context, i: number): Mention | null {
  const k = ctx.mentionAt[i];
  return k === undefined || k < 0 ? null : ctx.mentions[k]!;
}

function isSourceLike(m: Mention): boolean {
  return NAMED_KINDS.has(m.kind) || m.kind === "state";
}

function refOf(m: Mention): SourceRef {
  return { label: m.kind === "state" ? m.label : m.label, first: m.first, last: m.last, anaphor: false, named: true };
}

/** The source phrase starting at token `i`: a named mention within it, else the words as written. */
function phraseAfter(ctx: Context, i: number, limit: number, cues: Set<number>): SourceRef | null {
  const { tokens } = ctx;
  let j = i;
  const words: number[] = [];
  while (j < limit && words.length < 9) {
    if (cues.has(j)) break;
    if (j > i && PUNCT_STOP.test(gapText(ctx, j - 1, j))) break;
    const t = tokens[j]!.text;
    if (words.length > 0 && (isWord(ctx, "conjunction", t) || t === "que" || t === "qu" || t === "that" || t === "who")) break;
    words.push(j);
    j++;
  }
  if (words.length === 0) return null;
  for (const w of words) {
    const m = mentionAt(ctx, w);
    if (m && isSourceLike(m)) return { ...refOf(m), first: i, last: Math.max(m.last, words[words.length - 1]!) };
  }
  // Unnamed: determiners and role nouns only → an anaphor of the current source.
  const content = words.filter((w) => !isWord(ctx, "function", tokens[w]!.text) || isWord(ctx, "role", tokens[w]!.text));
  const last = words[words.length - 1]!;
  const roleOnly = content.length > 0 && content.length <= 2 && content.every((w) => isWord(ctx, "role", tokens[w]!.text) || isWord(ctx, "pronoun", tokens[w]!.text) || mentionAt(ctx, w)?.kind === "demonym");
  const pronoun = words.length === 1 && isWord(ctx, "pronoun", tokens[words[0]!]!.text);
  const label = ctx.text.slice(tokens[words[0]!]!.start, tokens[last]!.end);
  if (pronoun || (roleOnly && /^(the|le|la|l|les|this|ce|cet|cette)$/.test(tokens[words[0]!]!.text))) return { label, first: i, last, anaphor: true, named: false };
  // Must hold a noun that can speak (sources, officials, media, a report…).
  if (!content.some((w) => isWord(ctx, "role", tokens[w]!.text))) return null;
  return { label, first: i, last, anaphor: false, named: false };
}

/** The subject of a reporting verb at token `verb`: the first source-like phrase of the comma segment before it. */
function subjectBefore(ctx: Context, s: Sentence, verb: number, cues: Set<number>): SourceRef | null | "inverted" {
  const { tokens } = ctx;
  // Segments between commas, nearest first; skip relative clauses and appositions.
  let end = verb - 1;
  if (end < s.first) return "inverted";
  if (/,/.test(gapText(ctx, end, verb))) return "inverted";
  for (let guard = 0; guard < 4 && end >= s.first; guard++) {
    let start = end;
    while (start > s.first && !/[,;:«»"“”(]/.test(gapText(ctx, start - 1, start))) start--;
    const head = tokens[start]!.text;
    const relative = isWord(ctx, "conjunction", head) && (head === "who" || head === "which" || head === "qui" || head === "lequel" || head === "laquelle");
    const apposition = isWord(ctx, "role", head) || isWord(ctx, "title", head) || cues.has(start);
    if ((relative || apposition) && start > s.first && guard < 3) {
      // The verb's subject stands before this inserted segment.
      const probe = subjectIn(ctx, Math.max(s.first, start - 12), start - 1, cues);
      if (probe) return probe;
      end = start - 1;
      continue;
    }
    return subjectIn(ctx, start, end, cues);
  }
  return null;
}

function subjectIn(ctx: Context, from: number, to: number, cues: Set<number>): SourceRef | null {
  for (let k = from; k <= to; k++) {
    const m = mentionAt(ctx, k);
    if (m && isSourceLike(m)) return refOf(m);
  }
  const words: number[] = [];
  for (let k = from; k <= to; k++) if (!cues.has(k)) words.push(k);
  if (words.length === 0) return null;
  const t = ctx.tokens;
  if (words.length === 1 && isWord(ctx, "pronoun", t[words[0]!]!.text)) return { label: t[words[0]!]!.text, first: from, last: to, anaphor: true, named: false };
  const content = words.filter((w) => !isWord(ctx, "function", t[w]!.text) || isWord(ctx, "role", t[w]!.text));
  if (content.length === 0) return null;
  const roles = content.filter((w) => isWord(ctx, "role", t[w]!.text));
  if (roles.length === 0) return null;
  const startsDefinite = /^(the|le|la|l|les|this|ce|cet|cette)$/.test(t[words[0]!]!.text);
  if (content.length <= 2 && startsDefinite) return { label: ctx.text.slice(t[from]!.start, t[to]!.end), first: from, last: to, anaphor: true, named: false };
  if (words.length > 9) return null;
  return { label: ctx.text.slice(t[words[0]!]!.start, t[words[words.length - 1]!]!.end), first: from, last: to, anaphor: false, named: false };
}

/** Reads the reporting frames of one sentence. */
export function attributeSentence(ctx: Context, s: Sentence): SentenceAttribution & { opening: SourceRef | null; steps: { kind: string; ref: SourceRef }[] } {
  const cues: PhraseMatch<AttributionCue>[] = [];
  for (let i = s.first; i < s.endToken; ) {
    const m = ctx.lex.attribution.at(ctx.folded, ctx.tokens, i);
    if (m && m.last < s.endToken) {
      cues.push(m);
      i = m.last + 1;
    } else i++;
  }
  const cueTokens = new Set<number>();
  for (const c of cues) for (let k = c.first; k <= c.last; k++) cueTokens.add(k);
  const occupied = new Set<number>(cueTokens);
  const rules: string[] = [];
  let opening: SourceRef | null = null;
  let carry = false;
  const steps: { kind: string; ref: SourceRef }[] = [];
  // A source phrase is no party to a transfer, except a state or body that speaks and acts ("Portugal said it had sent…").
  const mark = (r: SourceRef) => {
    for (let k = r.first; k <= r.last; k++) {
      const m = mentionAt(ctx, k);
      if (m && m.party && m.kind !== "demonym" && r.named && m.label === r.label) continue;
      occupied.add(k);
    }
  };
  for (const c of cues) {
    const cue = c.values[0]!;
    const after = () => phraseAfter(ctx, c.last + 1, s.endToken, cueTokens);
    switch (cue.kind) {
      case "carry":
        carry = true;
        rules.push(cue.rule);
        break;
      case "according-to":
      case "report": {
        const r = after();
        if (!r) break;
        mark(r);
        rules.push(cue.rule);
        if (r.anaphor) carry = true;
        else if (!opening) opening = r;
        else steps.push({ kind: "citing", ref: r });
        break;
      }
      case "speech": {
        const subj = subjectBefore(ctx, s, c.first, cueTokens);
        const r = subj === "inverted" ? after() : subj;
        if (!r) break;
        mark(r);
        rules.push(cue.rule);
        if (r.anaphor) carry = true;
        else if (!opening) opening = r;
        break;
      }
      case "cited-by":
      case "told":
      case "citing": {
        const r = after();
        if (!r || r.anaphor) break;
        mark(r);
        rules.push(cue.rule);
        if (!opening && cue.kind === "citing") opening = r;
        else steps.push({ kind: cue.kind, ref: r });
        break;
      }
    }
  }
  let chain: string[] | null = null;
  if (opening) {
    chain = [opening.label];
    for (const st of steps) applyStep(chain, st.kind, st.ref.label);
  }
  return { chain, carry, occupied, rules, opening, steps };
}

/** Adds a relay to a chain: cited-by and told come after, citing comes before the nearest. */
export function applyStep(chain: string[], kind: string, label: string): void {
  if (chain.some((c) => fold(c) === fold(label))) return;
  if (kind === "citing") chain.splice(Math.max(0, chain.length - 1), 0, label);
  else chain.push(label);
}

/** The chain for every sentence: paragraphs keep their current source; carry cues and known origins restore it. */
export function attributeDocument(ctx: Context): { chains: string[][]; occupied: Set<number>; rules: string[][] } {
  const chains: string[][] = [];
  const rules: string[][] = [];
  const occupied = new Set<number>();
  const known = new Map<string, string[]>();
  let current: string[] = [];
  let last: string[] = [];
  let paragraph = -1;
  for (const s of ctx.sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      current = [];
    }
    const a = attributeSentence(ctx, s);
    for (const k of a.occupied) occupied.add(k);
    if (a.chain) {
      const prior = known.get(fold(a.chain[0]!));
      let chain = a.chain;
      if (prior && prior.length > chain.length) {
        chain = [...prior];
        for (const st of a.steps) applyStep(chain, st.kind, st.ref.label);
      }
      known.set(fold(chain[0]!), chain);
      current = chain;
    } else if (a.carry) {
      current = current.length ? current : last;
      if (a.steps.length) {
        current = [...current];
        for (const st of a.steps) applyStep(current, st.kind, st.ref.label);
      }
    }
    if (current.length) last = current;
    chains.push(current);
    rules.push(a.rules);
  }
  return { chains, occupied, rules };
}
