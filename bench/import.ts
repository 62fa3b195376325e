// Importing SIPRI's 2025 trade-register export into the embedded register (PGlite on disk): wall time and peak
// memory of the import itself, each run in a fresh process so one run's peak does not hide another's.
//   npm run bench:import [-- --file PATH]    (default ../shared/data/sipri-trade-register/trade-register-2025-03-13.csv)
// Three runs on one register folder: the first import, the same file again (nothing changes), and the 2024 export
// followed by the 2025 one (an update: added, changed, dropped). Peak RSS is the process's whole peak (Node, the
// catalog, PGlite's WebAssembly Postgres); "PGlite open" is the same process's RSS before reading the file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { defaultCatalog, ROOT } from "../src/catalog/load.ts";
import { openDb } from "../src/store/db.ts";
import { parseTradeRegister } from "../src/reference/sipri/parse.ts";
import { importReference } from "../src/store/reference.ts";

const SHARED = join(ROOT, "..", "shared", "data", "sipri-trade-register");
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const mb = (kb: number) => Math.round(kb / 1024);

if (process.argv.includes("--child")) {
  const file = arg("file", "");
  const db = await openDb({ url: null, dataDir: arg("data", "") });
  const openRss = process.memoryUsage().rss / 1024;
  const t = performance.now();
  const parsed = await parseTradeRegister(file, defaultCatalog());
  const parseS = (performance.now() - t) / 1000;
  const s = await importReference(db, { file, generated: parsed.preamble.generated, rows: parsed.rows, records: parsed.records, rejected: parsed.rejected });
  const totalS = (performance.now() - t) / 1000;
  await db.close();
  process.stdout.write(JSON.stringify({ parseS, totalS, openRss, peakRss: process.resourceUsage().maxRSS, summary: { ...s, rejected: s.rejected.length } }) + "\n");
  process.exit(0);
}

const file = arg("file", join(SHARED, "trade-register-2025-03-13.csv"));
const older = join(SHARED, "trade-register-2024-10-13.csv");
if (!existsSync(file)) {
  console.log(`bench:import skipped: ${file} is absent`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), "dossier-bench-import-"));
const self = fileURLToPath(import.meta.url);
// Creating the folder (initdb) is the register's one-off cost, not the import's: it happens before the timed runs.
await (await openDb({ url: null, dataDir: join(dir, "a") })).close();
await (await openDb({ url: null, dataDir: join(dir, "b") })).close();
function child(input: string, data: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "--child", "--file", input, "--data", data], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { parseS: number; totalS: number; openRss: number; peakRss: number; summary: Record<string, number | string> };
}
const runs: [string, ReturnType<typeof child>][] = [
  ["first import", child(file, join(dir, "a"))],
  ["same file again", child(file, join(dir, "a"))],
];
if (existsSync(older) && older !== file) {
  child(older, join(dir, "b"));
  runs.push(["update from the 2024 export", child(file, join(dir, "b"))]);
}
rmSync(dir, { recursive: true, force: true });
console.log(`SIPRI trade-register import, ${file.split("/").at(-1)}, embedded PGlite on disk`);
for (const [name, r] of runs) {
  const s = r.summary;
  console.log(
    `  ${name.padEnd(28)} ${r.totalS.toFixed(1)} s (parse ${r.parseS.toFixed(1)} s)  peak RSS ${mb(r.peakRss)} MB (PGlite open ${mb(r.openRss)} MB)  ` +
      `rows ${s.rowsRead}, stored ${s.stored}: +${s.added} ~${s.changed} -${s.dropped} =${s.unchanged}, rejected ${s.rejected}`,
  );
}
