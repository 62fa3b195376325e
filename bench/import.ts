// Importing SIPRI's 2025 trade-register export into the embedded register (PGlite on disk): wall time and peak
// memory of the whole command, `bin/dossier import sipri FILE`, each run in a fresh process.
//   npm run bench:import [-- --file PATH] [-- --runs N]   (default ../shared/data/sipri-trade-register/trade-register-2025-03-13.csv, 3 runs)
// Three cases, each run --runs times on a fresh copy of its register folder, medians reported: the first import,
// the same file again (nothing changes), and the 2025 export over the 2024 one (an update: added, changed,
// dropped). The time is the command's from start to exit (Node and tsx starting included); the peak RSS is its
// process's (Node, tsx's loader thread, the catalog, PGlite's WebAssembly Postgres and the import), read by a
// preloaded bench/lib/peak-rss.mjs.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT } from "../src/catalog/load.ts";

const SHARED = join(ROOT, "..", "shared", "data", "sipri-trade-register");
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const mb = (kb: number) => Math.round(kb / 1024);

const file = arg("file", join(SHARED, "trade-register-2025-03-13.csv"));
const older = join(SHARED, "trade-register-2024-10-13.csv");
const RUNS = Number(arg("runs", "3"));
if (!existsSync(file)) {
  console.log(`bench:import skipped: ${file} is absent`);
  process.exit(0);
}
const env = { ...process.env };
delete env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), "dossier-bench-import-"));

type Run = { seconds: number; peakKb: number; summary: Record<string, unknown> };
/** Runs `bin/dossier ARGS` with the peak-RSS preload; its JSON output, time and peak. */
function dossier(...args: string[]): Run {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--import", join(ROOT, "bench", "lib", "peak-rss.mjs"), join(ROOT, "bin", "dossier"), ...args], { encoding: "utf8", env });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`bin/dossier ${args.join(" ")} failed: ${r.stderr}`);
  const peak = /peak-rss-kb (\d+)/.exec(r.stderr);
  return { seconds, peakKb: Number(peak![1]), summary: args[0] === "import" ? (JSON.parse(r.stdout) as Record<string, unknown>) : {} };
}
const importInto = (input: string, data: string) => dossier("import", "sipri", input, "--json", "--data", data);
// Creating a register folder (initdb) is a one-off cost of the register, not of an import: done untimed.
const create = (data: string) => dossier("list", "--data", data);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function measure(input: string, base: string | null) {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const data = join(dir, "run");
    rmSync(data, { recursive: true, force: true });
    if (base) cpSync(base, data, { recursive: true });
    else create(data);
    runs.push(importInto(input, data));
  }
  return { seconds: median(runs.map((r) => r.seconds)), peakKb: median(runs.map((r) => r.peakKb)), runs, summary: runs[0]!.summary };
}

const imported = join(dir, "imported");
create(imported);
importInto(file, imported);
const cases: [string, ReturnType<typeof measure>][] = [
  ["first import", measure(file, null)],
  ["same file again", measure(file, imported)],
];
if (existsSync(older) && older !== file) {
  const prior = join(dir, "older");
  create(prior);
  importInto(older, prior);
  cases.push(["update from the 2024 export", measure(file, prior)]);
}
rmSync(dir, { recursive: true, force: true });
console.log(`bin/dossier import sipri ${file.split("/").at(-1)}, embedded PGlite on disk; medians of ${RUNS} runs (each run: time, peak RSS)`);
for (const [name, r] of cases) {
  const s = r.summary as Record<string, number> & { rejected: unknown[] };
  console.log(
    `  ${name.padEnd(28)} ${r.seconds.toFixed(1)} s  peak RSS ${mb(r.peakKb)} MB  rows ${s.rowsRead}, stored ${s.stored}: +${s.added} ~${s.changed} -${s.dropped} =${s.unchanged}, rejected ${s.rejected.length}` +
      `   (${r.runs.map((x) => `${x.seconds.toFixed(1)} s ${mb(x.peakKb)} MB`).join("; ")})`,
  );
}
