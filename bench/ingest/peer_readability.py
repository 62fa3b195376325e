# Runs Debian's readability-lxml over the article-extraction benchmark pages and
# writes {"<id>": {"articleBody": text}} plus per-page seconds, for bench/ingest.ts.
#   /usr/bin/python3 bench/ingest/peer_readability.py HTML_DIR IDS_FILE OUT_JSON
import gzip, json, sys, time
import lxml.html
from readability import Document

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "section", "article", "figcaption", "dd", "dt", "table", "ul", "ol"}

def text_of(html):
    # The summary is HTML; blocks become paragraphs, as Dossier's own text does.
    root = lxml.html.fromstring(html)
    out, line = [], []
    def walk(el):
        if el.tag in BLOCKS and line:
            out.append("".join(line)); line.clear()
        if el.text: line.append(el.text)
        for c in el:
            walk(c)
            if c.tail: line.append(c.tail)
        if el.tag in BLOCKS and line:
            out.append("".join(line)); line.clear()
    walk(root)
    if line: out.append("".join(line))
    return "\n\n".join(" ".join(p.split()) for p in out if p.strip())

html_dir, ids_file, out_file = sys.argv[1:4]
ids = json.load(open(ids_file))
pred, times = {}, {}
for i in ids:
    html = gzip.open(f"{html_dir}/{i}.html.gz").read().decode("utf-8")
    t = time.perf_counter()
    try:
        body = text_of(Document(html).summary(html_partial=True))
    except Exception:
        body = ""
    times[i] = time.perf_counter() - t
    pred[i] = {"articleBody": body}
json.dump({"output": pred, "seconds": times}, open(out_file, "w"))
