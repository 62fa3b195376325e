// Runs `dossier ingest` of one checkout (its root folder, so that another version of the code can be measured the
// same way) in a fresh process, and prints what it cost as JSON: {code, seconds, maxRssMb, summary}. Run by
// bench/ingest/store.ts.   node --import tsx bench/ingest/store-child.ts ROOT INGEST-ARGS...
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [root, ...argv] = process.argv.slice(2);
const { ingestCommand } = (await import(pathToFileURL(join(root!, "src/cli/ingest.ts")).href)) as typeof import("../../src/cli/ingest.ts");
let err = "";
const t0 = performance.now();
const code = await ingestCommand(argv, { out: () => {}, err: (s) => void (err += s) }, { tty: false });
const seconds = (performance.now() - t0) / 1000;
const summary = err.split("\n").filter((l) => /^(ingested|stored|queued) /.test(l));
console.log(JSON.stringify({ code, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, summary }));
