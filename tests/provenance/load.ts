// Reads a provenance case folder (README of ../shared/corpus/provenance) into what the register takes: Documents
// built from each page's metadata and text, the gold claims files, and, for the fictional case, a catalog overlay.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readHtml } from "../../src/ingest/html.ts";
import type { Document } from "../../src/ingest/document.ts";
import type { IncomingClaims } from "../../src/resolve/claims.ts";
import { nearIdentical } from "../../src/resolve/copies.ts";

/** The shared provenance corpus, when it is there. */
export const PROVENANCE_DIR = fileURLToPath(new URL("../../../shared/corpus/provenance/", import.meta.url));
/** This repository's own small cases, in the same layout. */
export const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/provenance/", import.meta.url));

export interface ExpectedAssertion {
  supplier: string;
  recipient: string;
  category: string;
  item: string | null;
  independentOrigins: number;
  origins: string[];
  aliases?: Record<string, string[]>;
  denials: string[];
  circular: boolean;
  loop?: string[];
  documents: string[];
  conflicts: string[];
}

export interface CaseFile {
  case: string;
  nearDuplicates: string[][];
  assertions: ExpectedAssertion[];
  fictionalCatalog?: {
    states: { code: string; name: Record<string, string>; demonyms: Record<string, string[]>; capital?: string }[];
    makers: { name: string; state: string }[];
    systems: { name: string; category: string; maker: string; family?: string }[];
    outlets: { name: string; state: string | null; type: string }[];
  };
}

export interface LoadedCase {
  dir: string;
  spec: CaseFile;
  /** Documents by page file name (`01-x.html`); ids are the page's base name, as the gold files use. */
  documents: Map<string, Document>;
  claims: Map<string, IncomingClaims>;
  /** A catalog overlay folder for the fictional case, else null. */
  overlay: string | null;
}

/** The case folders under a root, sorted; empty when the root is absent. */
export function caseDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "case.json")))
    .map((d) => join(root, d.name))
    .sort();
}

const meta = (html: string, property: string) => new RegExp(`<meta\\s+(?:property|name)="${property}"\\s+content="([^"]*)"`, "i").exec(html)?.[1] ?? null;

/** A Document from a page: outlet, date, language and headline from its metadata; text from its article. */
export function documentFromHtml(id: string, url: string, html: string): Document {
  const title = meta(html, "og:title") ?? /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? null;
  return {
    id,
    url,
    canonicalUrl: null,
    outlet: meta(html, "og:site_name"),
    published: meta(html, "article:published_time")?.slice(0, 10) ?? null,
    language: /<html[^>]*\blang="([a-z]{2})/i.exec(html)?.[1] ?? null,
    title,
    author: null,
    text: readHtml(html, null).text,
  };
}

/** Loads one case folder; near-duplicates are found by the register's own rule, not read from case.json. */
export function loadCase(dir: string): LoadedCase {
  const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as CaseFile;
  const documents = new Map<string, Document>();
  const claims = new Map<string, IncomingClaims>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".html")).sort()) {
    const id = basename(file, ".html");
    documents.set(file, documentFromHtml(id, `file://${join(dir, file)}`, readFileSync(join(dir, file), "utf8")));
    const gold = join(dir, `${id}.gold.json`);
    if (existsSync(gold)) claims.set(file, JSON.parse(readFileSync(gold, "utf8")) as IncomingClaims);
  }
  const docs = [...documents.values()].sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id));
  docs.forEach((d, i) => {
    const earlier = docs.slice(0, i).filter((e) => nearIdentical(e, d)).map((e) => e.id);
    if (earlier.length) d.copyOf = earlier;
  });
  return { dir, spec, documents, claims, overlay: spec.fictionalCatalog ? writeOverlay(spec.fictionalCatalog) : null };
}

const kebab = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const SOURCE_TYPE: Record<string, string> = { agency: "agency", "news agency": "agency", ngo: "ngo", institute: "institute", government: "government" };

const overlays = new Map<string, string>();
process.on("exit", () => {
  for (const dir of overlays.values()) rmSync(dir, { recursive: true, force: true });
});

/** Writes a fictional catalog as a temporary overlay folder in the catalog's TSV layout (never into data/catalog); one per process, removed at exit. */
export function writeOverlay(cat: NonNullable<CaseFile["fictionalCatalog"]>): string {
  const key = JSON.stringify(cat);
  const known = overlays.get(key);
  if (known) return known;
  const dir = mkdtempSync(join(tmpdir(), "dossier-overlay-"));
  overlays.set(key, dir);
  const tsv = (path: string, header: string, rows: string[]) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), [header, ...rows].join("\n") + "\n");
  };
  const makerId = new Map(cat.makers.map((m) => [m.name, kebab(m.name)]));
  tsv("states.tsv", "id\tlabel", cat.states.map((s) => `${s.code}\t${s.name.en}`));
  for (const lang of ["en", "fr"]) {
    const rows = cat.states.flatMap((s) => [
      ...(s.name[lang] ? [`${s.code}\tname\t${s.name[lang]}`] : []),
      ...(s.demonyms[lang]?.length ? [`${s.code}\tdemonym\t${s.demonyms[lang]!.join("|")}`] : []),
      ...(s.capital ? [`${s.code}\tseat\t?${s.capital}`] : []),
    ]);
    tsv(`lang/${lang}/states.tsv`, "id\tkind\tnames", rows);
  }
  tsv("makers.tsv", "id\tcountry\tkind\tnames", cat.makers.map((m) => `${makerId.get(m.name)}\t${m.state}\tdefence\t${m.name}`));
  tsv("systems/fictional.tsv", "id\tcategory\tmaker\torigin\tfamily\tcue\tnames", cat.systems.map((s) => {
    const maker = makerId.get(s.maker) ?? "-";
    const origin = cat.makers.find((m) => m.name === s.maker)?.state ?? "-";
    return `${kebab(s.name)}\t${s.category}\t${maker}\t${origin}\t${s.family ? kebab(s.family) : "-"}\t-\t${s.name}`;
  }));
  tsv("sources.tsv", "id\ttype\tcountry\tdomains\tnames", cat.outlets.map((o) => `${kebab(o.name)}\t${SOURCE_TYPE[o.type] ?? "outlet"}\t${o.state ?? "-"}\t-\t${o.name}`));
  return dir;
}
