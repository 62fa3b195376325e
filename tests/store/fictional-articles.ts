// A plainly fictional news corpus for ingest benchmarks: invented states, systems, makers and outlets (written as a
// catalog overlay, never into data/catalog) and HTML article pages about transfers between them, with attributions,
// denials, quantities, values, years and a few republished copies, so that reading, extraction, storing and merging
// all do real work. Deterministic for a seed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { random } from "./synthetic.ts";

const STEMS = ["Ost", "Val", "Nor", "Brel", "Kass", "Dun", "Mer", "Tal", "Vor", "Hal", "Sar", "Quen", "Lorn", "Fen", "Gald"];
const ENDS = ["oria", "avia", "mark"];
const SYSTEMS = [
  { name: "Harrowhawk", category: "uav", noun: "drones" },
  { name: "Brantor", category: "armoured-vehicle", noun: "armoured vehicles" },
  { name: "Kelvane", category: "artillery", noun: "howitzers" },
  { name: "Stormquill", category: "missile", noun: "missiles" },
  { name: "Aegrin", category: "air-defence", noun: "air-defence systems" },
  { name: "Tollmere", category: "ship", noun: "frigates" },
  { name: "Skarrow", category: "uav", noun: "drones" },
  { name: "Ironvale", category: "armoured-vehicle", noun: "tanks" },
];
const OUTLET_WORDS = ["Courier", "Herald", "Ledger", "Monitor", "Wire", "Gazette", "Observer", "Dispatch"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const NUMBERS = ["two", "three", "four", "five", "six", "eight", "ten", "12", "16", "24"];

interface State {
  code: string;
  name: string;
  demonym: string;
}

/** Where a generated corpus lives: the catalog overlay to pass as --catalog, and the folder of pages. */
export interface FictionalCorpus {
  overlay: string;
  pages: string;
  articles: number;
}

/** Writes `articles` fictional pages (about one in twenty a republished copy) and their catalog overlay under `dir`. */
export function writeFictionalCorpus(dir: string, articles: number, seed = 1): FictionalCorpus {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // User-assigned ISO 3166-1 codes from QW.. on, clear of the test fixtures' QOM and QVD.
  const states: State[] = STEMS.flatMap((stem, i) => ENDS.map((end, j) => ({ stem, end, k: 270 + i * ENDS.length + j }))).slice(0, 30).map(({ stem, end, k }) => ({
    code: `Q${String.fromCharCode(77 + Math.floor(k / 26))}${String.fromCharCode(65 + (k % 26))}`,
    name: stem + end,
    demonym: `${stem}${end === "mark" ? "marker" : end.slice(0, -1) + "an"}`,
  }));
  const suppliers = states.slice(0, SYSTEMS.length);
  const outlets = Array.from({ length: 20 }, (_, i) => ({
    id: `fictional-outlet-${i}`,
    name: `${states[(i * 7) % states.length]!.name.slice(0, 3)}${["ford", "haven", "bridge", "moor"][i % 4]} ${OUTLET_WORDS[i % OUTLET_WORDS.length]}`,
    state: states[(i * 7) % states.length]!.code,
    domain: `outlet-${i}.fictional.example`,
    type: i % 5 === 4 ? "ngo" : i % 5 === 3 ? "agency" : "outlet",
  }));

  const overlay = join(dir, "overlay");
  const tsv = (path: string, header: string, rows: string[]) => {
    mkdirSync(join(overlay, path, ".."), { recursive: true });
    writeFileSync(join(overlay, path), [header, ...rows].join("\n") + "\n");
  };
  tsv("states.tsv", "id\tlabel", states.map((s) => `${s.code}\t${s.name}`));
  tsv("lang/en/states.tsv", "id\tkind\tnames", states.flatMap((s) => [`${s.code}\tname\t${s.name}`, `${s.code}\tdemonym\t${s.demonym}|${s.demonym}s`]));
  tsv("makers.tsv", "id\tcountry\tkind\tnames", SYSTEMS.map((sys, i) => `fictional-maker-${i}\t${suppliers[i]!.code}\tdefence\t${sys.name} Works`));
  tsv("systems/fictional.tsv", "id\tcategory\tmaker\torigin\tfamily\tcue\tnames", SYSTEMS.map((sys, i) => `fictional-${sys.name.toLowerCase()}\t${sys.category}\tfictional-maker-${i}\t${suppliers[i]!.code}\t-\t-\t${sys.name}`));
  tsv("sources.tsv", "id\ttype\tcountry\tdomains\tnames", outlets.map((o) => `${o.id}\t${o.type}\t${o.state}\t${o.domain}\t${o.name}`));

  const pages = join(dir, "pages");
  mkdirSync(pages, { recursive: true });
  let previous: { headline: string; paragraphs: string[]; published: string } | null = null;
  for (let i = 0; i < articles; i++) {
    const outlet = pick(outlets);
    const year = 2005 + Math.floor(rnd() * 19);
    const published = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
    let headline: string;
    let paragraphs: string[];
    if (previous && rnd() < 0.05) {
      // A republication: the same story under another outlet's name a day later (a near-identical copy).
      ({ headline, paragraphs } = previous);
      paragraphs = [...paragraphs, `Republished by ${outlet.name}.`];
    } else {
      const k = Math.floor(rnd() * SYSTEMS.length);
      const sys = SYSTEMS[k]!;
      const s = suppliers[k]!;
      const r = pick(states.filter((x) => x !== s));
      const other = pick(states.filter((x) => x !== s && x !== r));
      const when = year - Math.floor(rnd() * 6);
      const n = pick(NUMBERS);
      const claims = [
        `${s.name} has delivered ${n} ${sys.name} ${sys.noun} to ${r.name}, the ${s.demonym} defence ministry said on ${pick(WEEKDAYS)}.`,
        `${r.name} ordered ${pick(NUMBERS)} ${sys.name} ${sys.noun} from ${s.name} in ${when}, according to the ${pick(outlets).name}.`,
        `${s.name} sold ${sys.name} ${sys.noun} to ${r.name} for $${10 + Math.floor(rnd() * 90)} million in ${when}, officials told the ${outlet.name}.`,
        `${r.demonym} officials denied that the country had received any ${sys.noun} from ${s.name}.`,
        `${s.name} also signed a contract in ${when} to supply ${pick(NUMBERS)} ${sys.name} ${sys.noun} to ${other.name}.`,
      ];
      const filler = [
        "The ministry gave no further details.",
        `Analysts said military spending in the region had grown since ${when - 3}.`,
        `${r.name} has long bought equipment abroad.`,
        `The ${outlet.name} could not confirm the figures independently.`,
        "Parliament is expected to debate the budget in the spring.",
      ];
      headline = `${s.name} ${pick(["to supply", "supplies", "and", "sends"])} ${sys.name} ${sys.noun} ${pick(["to", "for"])} ${r.name}`;
      const chosen = claims.filter(() => rnd() < 0.55);
      // Two sentences of filler at least, so that every page has the 200 characters of text an article needs.
      const padding = filler.filter((_, j) => j < 2 || rnd() < 0.5);
      paragraphs = [...(chosen.length ? chosen : [claims[0]!]), ...padding, `This is fictional report number ${i}.`];
    }
    previous = { headline, paragraphs, published };
    writeFileSync(join(pages, `${String(i).padStart(6, "0")}.html`), page(headline, paragraphs, published, outlet, `https://${outlet.domain}/${published.slice(0, 4)}/report-${i}`));
  }
  return { overlay, pages, articles };
}

function page(headline: string, paragraphs: string[], published: string, outlet: { name: string }, url: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${headline} - ${outlet.name}</title>
<meta property="og:site_name" content="${outlet.name}"><meta property="og:title" content="${headline}">
<meta property="og:url" content="${url}"><meta property="article:published_time" content="${published}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${headline}</h1><p class="meta">${published}</p>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article><footer>Fictional page generated for a Dossier benchmark: every state, system, maker and outlet here is invented.</footer></body></html>
`;
}
