// Streams one WARC file through `dossier ingest` (or, with --read-only, through the WARC reader alone) in a fresh
// process, and prints what it cost as JSON: {pages, seconds, maxRssMb}. Run by bench/ingest.ts --warc-mb N.
import { ingestCommand } from "../../src/cli/ingest.ts";
import { openWarc, readWarc } from "../../src/ingest/warc.ts";

const [file, mode] = process.argv.slice(2);
const t0 = performance.now();
let pages = 0;
if (mode === "--read-only") {
  for await (const _ of readWarc(await openWarc(file!))) pages++;
} else {
  await ingestCommand([file!, "--json"], { out: () => void pages++, err: () => {} }, { tty: false });
}
console.log(JSON.stringify({ pages, seconds: (performance.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
