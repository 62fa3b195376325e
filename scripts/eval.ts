// Scores the extractor on gold corpora: runs `dossier extract --json` over every .txt or .html
// (with the gold's published date and outlet, as page metadata would give them),
// then ../shared/eval/score.mjs, and prints how much of the gold the catalog names.
//   npm run eval [-- --corpus DIR ...] [--min-f1 X] [--verbose]
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { main } from "../src/cli/main.ts";
import { defaultCatalog, ROOT } from "../src/catalog/load.ts";
import { gazetteerFor } from "../src/catalog/gazetteer.ts";

const args = process.argv.slice(2);
const shared = resolve(ROOT, "..", "shared");
const corpora: string[] = [];
let minF1: string | undefined;
const passThrough: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--corpus") corpora.push(resolve(args[++i]!));
  else if (args[i] === "--min-f1") minF1 = args[++i];
  else passThrough.push(args[i]!);
}
if (corpora.length === 0) corpora.push(join(shared, "corpus", "dev"), join(shared, "corpus", "seed"));
const scorer = join(shared, "eval", "score.mjs");
if (!existsSync(scorer) || corpora.some((c) => !existsSync(c))) {
  console.log(`eval skipped: ${existsSync(scorer) ? corpora.filter((c) => !existsSync(c)).join(", ") : scorer} not found (../shared is not beside this clone)`);
  process.exit(0);
}

const out = join(ROOT, "out", "eval");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "pred"), { recursive: true });
mkdirSync(join(out, "gold"), { recursive: true });
const silent = { out: () => {}, err: (s: string) => process.stderr.write(s) };
const golds: { items: string[]; sources: string[] }[] = [];
for (const dir of corpora) {
  // Several corpora may hold articles of the same name (two cases both cite TelQuel): name them by corpus too.
  const prefix = corpora.length > 1 ? `${basename(dir)}--` : "";
  const raw = join(out, "raw", basename(dir));
  mkdirSync(raw, { recursive: true });
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt") || x.endsWith(".html")).sort()) {
    const name = basename(f).replace(/\.(txt|html)$/, "");
    const id = `${prefix}${name}`;
    const goldPath = join(dir, `${name}.gold.json`);
    const meta: string[] = [];
    if (existsSync(goldPath)) {
      const gold = JSON.parse(readFileSync(goldPath, "utf8"));
      if (gold.document?.published) meta.push("--published", gold.document.published);
      if (gold.document?.outlet) meta.push("--outlet", gold.document.outlet);
      if (!existsSync(join(out, "gold", `${id}.gold.json`))) symlinkSync(goldPath, join(out, "gold", `${id}.gold.json`));
      golds.push({
        items: gold.transfers.map((t: { item?: { name?: string } }) => t.item?.name).filter(Boolean),
        sources: gold.transfers.flatMap((t: { sources?: string[] }) => t.sources ?? []),
      });
    }
    await main(["extract", "--json", "--out", raw, ...meta, join(dir, f)], silent);
    renameSync(join(raw, `${name}.json`), join(out, "pred", `${id}.json`));
  }
}
const score = spawnSync(process.execPath, [scorer, "--gold", join(out, "gold"), "--pred", join(out, "pred"), ...(minF1 ? ["--min-f1", minF1] : []), ...passThrough], { stdio: "inherit" });

// Catalog coverage: how many gold item names and source names the catalog resolves.
const catalog = defaultCatalog();
// People count: a source name is covered when the catalog lists the person, whether or not extraction consults people.
const resolves = (name: string) => ["en", "fr"].some((l) => gazetteerFor(catalog, l, { people: true }).match(name).some((m) => m.targets.some((t) => t.kind !== "category")));
const items = golds.flatMap((g) => g.items);
const sources = [...new Set(golds.flatMap((g) => g.sources))];
const pct = (a: string[]) => (a.length ? ((100 * a.filter(resolves).length) / a.length).toFixed(1) : "-");
// Unnamed sources ("des sources proches du dossier") are written as the text words them and are not catalog entries.
const named = sources.filter((n) => /^\p{Lu}/u.test(n));
console.log(`catalog coverage: item names ${pct(items)}% of ${items.length}; source names ${pct(sources)}% of ${sources.length} distinct, ${pct(named)}% of the ${named.length} capitalised ones (people included)`);
process.exit(score.status ?? 1);
