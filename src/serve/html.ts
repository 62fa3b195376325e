// Every page is built with the `html` tag: interpolated values are escaped unless they are already Html, so a
// string from outside (article text, a title, a source's name) can only ever reach the page as text.

/** Markup that is safe to place as is: built by the `html` tag or by `raw` on a constant. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

/** Escapes text for an element's content or a quoted attribute value. */
export function escape(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

type Part = Html | string | number | boolean | null | undefined | Part[];

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return "";
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join("");
  return escape(String(p));
}

/** The template tag: literal parts are markup, interpolations are escaped (arrays are joined; null and false vanish). */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((p, i) => (out += render(p) + strings[i + 1]!));
  return new Html(out);
}

/** Marks a constant of our own as markup; never call it on outside data. */
export function raw(s: string): Html {
  return new Html(s);
}

/** An outside URL usable as a link: only http(s), anything else (javascript:, data:, file:) gives null. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
