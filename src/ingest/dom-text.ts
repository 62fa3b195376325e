/** Elements that end a paragraph: their text becomes its own block, separated from its neighbours by a blank line. */
const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "CAPTION", "DD", "DETAILS", "DIALOG", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION",
  "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION",
  "SUMMARY", "TABLE", "TBODY", "THEAD", "TFOOT", "TR", "UL",
]);

/** Elements whose content is never article text. */
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "EMBED", "CANVAS", "SELECT", "TEXTAREA", "BUTTON", "HEAD", "TITLE", "META", "LINK"]);

// Node type numbers from the DOM standard; linkedom and jsdom both use them.
const ELEMENT = 1;
const TEXT = 3;

interface Walker {
  blocks: string[];
  line: string;
}

function flush(w: Walker): void {
  const t = w.line.replace(/[ \t]*\n[ \t]*/g, "\n").replace(/^\s+|\s+$/g, "");
  if (t) w.blocks.push(t);
  w.line = "";
}

function walk(node: Node, w: Walker, pre: boolean, skip: ReadonlySet<string>): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT) {
      const data = child.nodeValue ?? "";
      w.line += pre ? data : data.replace(/[\s\u00a0]+/g, (m) => (m.includes("\u00a0") && !/[\n\r\t ]/.test(m) ? "\u00a0" : " "));
    } else if (child.nodeType === ELEMENT) {
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIP.has(tag) || skip.has(tag)) continue;
      if (tag === "BR") {
        w.line += "\n";
        continue;
      }
      if (tag === "TD" || tag === "TH") w.line += " ";
      const block = BLOCK.has(tag);
      if (block) flush(w);
      walk(child, w, pre || tag === "PRE", skip);
      if (block) flush(w);
    }
  }
}

/**
 * Visible text of a DOM subtree as paragraphs separated by blank lines; headings and list items are paragraphs of
 * their own. `skip` names further elements (upper-case tag names) to leave out with their content.
 */
export function domText(root: Node, skip: ReadonlySet<string> = new Set()): string {
  const w: Walker = { blocks: [], line: "" };
  walk(root, w, false, skip);
  flush(w);
  return w.blocks
    .map((b) => b.replace(/[ \u00a0]{2,}/g, " ").replace(/ *\n */g, "\n"))
    .join("\n\n");
}
