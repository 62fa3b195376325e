// Length-preserving text folding: every UTF-16 unit maps to exactly one unit,
// so offsets into the folded text are offsets into the original.

const table = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) {
  const ch = String.fromCharCode(c);
  let f = ch;
  if (c >= 0xd800 && c <= 0xdfff) f = ch;
  else {
    const base = ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    if (base.length === 1) f = base;
    else if (ch.toLowerCase().length === 1) f = ch.toLowerCase();
  }
  table[c] = f.charCodeAt(0);
}
const APOSTROPHES = "'’ʼ`´‘ʹ′";
const HYPHENS = "-‐‑‒–—―−";
const SPACES = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u3000\t\r\n\f\v";
for (const ch of APOSTROPHES) table[ch.charCodeAt(0)] = 39;
for (const ch of HYPHENS) table[ch.charCodeAt(0)] = 45;
for (const ch of SPACES) table[ch.charCodeAt(0)] = 32;
table["ß".charCodeAt(0)] = "s".charCodeAt(0);
table["œ".charCodeAt(0)] = "o".charCodeAt(0);
table["æ".charCodeAt(0)] = "a".charCodeAt(0);
table["ı".charCodeAt(0)] = "i".charCodeAt(0);
table["ł".charCodeAt(0)] = "l".charCodeAt(0);
table["ø".charCodeAt(0)] = "o".charCodeAt(0);
table["đ".charCodeAt(0)] = "d".charCodeAt(0);
// Arabic: hamza-carrying alefs and alef maqsura fold to their bare forms, ta marbuta to ha.
for (const ch of "أإآٱ") table[ch.charCodeAt(0)] = "ا".charCodeAt(0);
table["ى".charCodeAt(0)] = "ي".charCodeAt(0);
table["ة".charCodeAt(0)] = "ه".charCodeAt(0);

/** Folds case, accents, apostrophes, hyphens and exotic spaces, keeping the length. */
export function fold(text: string): string {
  let out = "";
  const CHUNK = 8192;
  const buf = new Array<number>(Math.min(text.length, CHUNK));
  for (let i = 0; i < text.length; i += CHUNK) {
    const end = Math.min(text.length, i + CHUNK);
    buf.length = end - i;
    for (let j = i; j < end; j++) buf[j - i] = table[text.charCodeAt(j)]!;
    out += String.fromCharCode.apply(null, buf);
  }
  return out;
}
