import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { decodeBytes } from "../ingest/charset.ts";
import { readHtml } from "../ingest/html.ts";

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
  if (!looksLikeHtml(name, text)) return { id, text, warnings };
  // HTML is decoded again by its own declarations (header-less: BOM, <meta charset>, detection) and read by ingest's article reader.
  const page = decodeBytes(bytes, null, { html: true });
  return { id, text: readHtml(page.text, null).text, warnings: page.warnings.map((w) => `${name}: ${w}`) };
}
