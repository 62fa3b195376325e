import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";

/** Largest input file read by `extract`, in bytes. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export class InputError extends Error {
  readonly code = "input-invalid";
}

/** A text read from a file or stdin, with what was noticed while decoding it. */
export interface ReadText {
  id: string;
  text: string;
  warnings: string[];
}

/** Decodes bytes as UTF-8, or as windows-1252 when they are not valid UTF-8; refuses binary data. */
export function decode(bytes: Uint8Array, name: string): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const head = bytes.subarray(0, 8192);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  if (nul > 0 && !(head[0] === 0xff || head[0] === 0xfe)) throw new InputError(`${name}: looks like a binary file (NUL bytes), not text or HTML`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
    warnings.push(`${name}: not valid UTF-8; read as windows-1252`);
  }
  return { text: text.replace(/^\uFEFF/, ""), warnings };
}

const BLOCK = /<\/?(p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|figure|figcaption|title)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", rsquo: "’", lsquo: "‘", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", eacute: "é", egrave: "è", agrave: "à", ccedil: "ç", hellip: "…", ndash: "–", mdash: "—" };

/**
 * Plain text of an HTML page: the `<article>` when the page has one, without scripts, styles, navigation, forms and
 * asides; block elements become paragraph breaks; entities are decoded. (Full article extraction is ingest's job.)
 */
export function htmlToText(html: string): string {
  const article = /<article\b[^>]*>([\s\S]*?)<\/article\s*>/i.exec(html);
  return (article ? article[1]! : html)
    .replace(/<(script|style|noscript|template|svg|nav|form|aside|header|footer)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(BLOCK, "\n\n")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === "#") {
        const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\u00a0]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

function looksLikeHtml(name: string, text: string): boolean {
  return /\.x?html?$/i.test(name) || /^\s*(<!doctype html|<html|<head|<body)/i.test(text.slice(0, 1000));
}

/** Reads one input: a file path, or `-` for stdin. */
export function readInput(path: string): ReadText {
  let bytes: Uint8Array;
  if (path === "-") bytes = readFileSync(0);
  else {
    let size: number;
    try {
      const st = statSync(path);
      if (st.isDirectory()) throw new InputError(`${path}: is a folder; give the files inside it`);
      size = st.size;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (size > MAX_FILE_BYTES) throw new InputError(`${path}: ${Math.round(size / 1048576)} MB is over the ${MAX_FILE_BYTES / 1048576} MB limit`);
    bytes = readFileSync(path);
  }
  const name = path === "-" ? "stdin" : path;
  const { text, warnings } = decode(bytes, name);
  const id = path === "-" ? "stdin" : basename(path, extname(path));
  return { id, text: looksLikeHtml(name, text) ? htmlToText(text) : text, warnings };
}
