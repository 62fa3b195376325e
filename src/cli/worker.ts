import { hostname } from "node:os";
import { StoreError } from "../store/db.ts";
import { PostgresQueue } from "../store/queue/postgres.ts";
import { mergeRegistered, registerHandlers } from "../store/queue/register-job.ts";
import { DEFAULT_RETRY } from "../store/queue/types.ts";
import { work } from "../store/queue/work.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS, withRegister } from "./register-common.ts";

export const WORKER_HELP = `Usage: dossier worker [options]

Takes jobs from the register's Postgres job queue and runs them (register a
document, extracting its claims when the job has none; "dossier ingest
--queue" adds them). Any number of workers on any number of machines can
share one DATABASE_URL: each job goes to one of them. A worker takes --batch
jobs at a time and stores their documents in one transaction; when the
register refuses the batch, each document is tried alone, so only a bad one
fails. A failing job is retried with backoff, then parked with its error.
The assertions of the pairs stored are merged whenever the worker finds no
job due, at least once a minute while jobs keep coming, and before it stops.
Needs a Postgres server: the embedded register is one connection in one
process, where bulk work runs in process instead ("dossier ingest").

Options:
  --until-empty      stop when no job is pending or running (default: keep polling)
  --poll MS          how often an idle worker looks for jobs (default 1000)
  --batch N          jobs taken and stored together (default 50)
  --max-attempts N   attempts before a job is parked (default ${DEFAULT_RETRY.maxAttempts})
  --backoff MS       delay before the first retry, doubled each time (default ${DEFAULT_RETRY.backoffMs})
  --name NAME        this worker's name in the jobs table (default host:pid)
${STORE_OPTIONS}
  --help             this text`;

const whole = (v: string | undefined, name: string, dflt: number) => {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} takes a whole number (got "${v}")`);
  return Number(v);
};

export async function workerCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["until-empty", "help"], ["poll", "batch", "max-attempts", "backoff", "name", "data", "catalog"]);
  if (flags.has("help")) {
    io.out(WORKER_HELP + "\n");
    return 0;
  }
  if (positional.length) throw new UsageError(`worker takes no arguments (got "${positional[0]}")`);
  const policy = { maxAttempts: Math.max(1, whole(flags.get("max-attempts") as string | undefined, "max-attempts", DEFAULT_RETRY.maxAttempts)), backoffMs: whole(flags.get("backoff") as string | undefined, "backoff", DEFAULT_RETRY.backoffMs) };
  const pollMs = whole(flags.get("poll") as string | undefined, "poll", 1000);
  const batch = Math.max(1, whole(flags.get("batch") as string | undefined, "batch", 50));
  const name = (flags.get("name") as string | undefined) ?? `${hostname()}:${process.pid}`;
  const summary = await withRegister(flags, async (db, catalog) => {
    if (db.backend !== "postgres") throw new StoreError("store-invalid", "dossier worker needs a Postgres server: set DATABASE_URL (the embedded register runs bulk work in process)");
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once("SIGTERM", onSignal);
    process.once("SIGINT", onSignal);
    try {
      return await work(new PostgresQueue(db.kysely, policy), registerHandlers(db, catalog), {
        worker: name,
        untilEmpty: flags.has("until-empty"),
        pollMs,
        batch,
        settle: mergeRegistered(db, catalog),
        signal: stop.signal,
      });
    } finally {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
    }
  });
  io.out(`worker ${name}: ${summary.done} done, ${summary.retried} retried, ${summary.parked} parked\n`);
  return 0;
}
