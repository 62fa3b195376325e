/** Where the charset used to decode a page came from. */
export type CharsetSource = "bom" | "header" | "meta" | "detected";

/** Text decoded from bytes, with the charset used and why. */
export interface Decoded {
  text: string;
  /** The WHATWG encoding name used, e.g. `utf-8`, `windows-1252`, `iso-8859-15`, `windows-1256`. */
  charset: string;
  source: CharsetSource;
  /** Declarations that the bytes contradicted, said in words. */
  warnings: string[];
}

/** The `charset` parameter of a Content-Type header value, lower-cased; null when absent. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset a page declares in a `<meta charset>` or `<meta http-equiv="Content-Type">` within its first 4 KB. */
export function metaCharset(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one code unit, so the ASCII markup reads right whatever the real encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("latin1");
  const m = META_CHARSET.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** The WHATWG name for a charset label, or null when TextDecoder does not know it. */
function canonical(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** Whether the bytes are valid UTF-8, and whether any sequence in them is multi-byte. */
function utf8Shape(bytes: Uint8Array): { valid: boolean; multibyte: boolean } {
  let multibyte = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return { valid: false, multibyte };
    // A sequence cut by the end of the bytes (a capped read) does not make the rest invalid.
    for (let k = 1; k <= n && i + k < bytes.length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return { valid: false, multibyte };
    multibyte = true;
    i += n;
  }
  return { valid: true, multibyte };
}

/**
 * Guesses the single-byte charset of text that is not UTF-8: windows-1256 when high bytes come mostly in runs
 * (whole words of Arabic letters), windows-1252 when they stand alone between ASCII letters (accented Latin).
 */
function guessSingleByte(bytes: Uint8Array): string {
  let high = 0;
  let adjacent = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) adjacent++;
  }
  return high >= 8 && adjacent / high > 0.6 ? "windows-1256" : "windows-1252";
}

function run(bytes: Uint8Array, charset: string): string {
  return new TextDecoder(charset).decode(bytes).replace(/^\uFEFF/, "");
}

/**
 * Decodes a page: a byte-order mark wins, then the HTTP header's charset, then the page's `<meta>` declaration,
 * each checked against the bytes (a declaration of UTF-8 over invalid UTF-8, or of a single-byte charset over valid
 * multi-byte UTF-8, is overruled); without a usable declaration the charset is detected.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null, opts: { html?: boolean } = {}): Decoded {
  const warnings: string[] = [];
  const fromBom = bom(bytes);
  if (fromBom) return { text: run(bytes, fromBom), charset: fromBom, source: "bom", warnings };
  const shape = utf8Shape(bytes);
  const declared: [string | null, CharsetSource][] = [[headerCharset(contentType), "header"]];
  if (opts.html !== false) declared.push([metaCharset(bytes), "meta"]);
  for (const [label, source] of declared) {
    if (!label) continue;
    const charset = canonical(label);
    if (!charset) {
      warnings.push(`unknown charset "${label}" (${source}) ignored`);
      continue;
    }
    if (charset === "utf-8" && !shape.valid) {
      const guess = guessSingleByte(bytes);
      warnings.push(`declared utf-8 (${source}) but the bytes are not valid UTF-8; read as ${guess}`);
      return { text: run(bytes, guess), charset: guess, source: "detected", warnings };
    }
    if (charset !== "utf-8" && !charset.startsWith("utf-16") && shape.valid && shape.multibyte) {
      warnings.push(`declared ${charset} (${source}) but the bytes are valid multi-byte UTF-8; read as utf-8`);
      return { text: run(bytes, "utf-8"), charset: "utf-8", source: "detected", warnings };
    }
    return { text: run(bytes, charset), charset, source, warnings };
  }
  const charset = shape.valid ? "utf-8" : guessSingleByte(bytes);
  return { text: run(bytes, charset), charset, source: "detected", warnings };
}
