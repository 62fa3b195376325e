import type { Job, Queue } from "./types.ts";

/** Runs jobs of one kind, one by one or together: returns the error of each job that failed, the others being done. */
export type Handler = (jobs: Job[]) => Promise<Map<Job, Error>>;

/** Handlers by job kind. */
export type Handlers = Record<string, Handler>;

/** A handler that runs its jobs one at a time, each failing alone. */
export function oneByOne(run: (payload: unknown, job: Job) => Promise<void>): Handler {
  return async (jobs) => {
    const failed = new Map<Job, Error>();
    for (const job of jobs) {
      try {
        await run(job.payload, job);
      } catch (e) {
        failed.set(job, asError(e));
      }
    }
    return failed;
  };
}

/** What a worker did. */
export interface WorkSummary {
  done: number;
  retried: number;
  parked: number;
}

/** Options of {@link work}. */
export interface WorkOptions {
  /** This worker's name, recorded on the jobs it takes; default `pid@host`-like from the caller. */
  worker: string;
  /** Stop when nothing is pending or running anywhere (default), instead of polling for new jobs. */
  untilEmpty?: boolean;
  /** Poll interval when idle, in ms; default 1000. */
  pollMs?: number;
  /** Jobs taken at once and handed to their kind's handler together; default 1. */
  batch?: number;
  /**
   * Work the jobs leave for later (merging the pairs they stored): run whenever no job is due, at least every
   * `settleEveryMs` while jobs keep coming, and before returning. Default: none.
   */
  settle?: () => Promise<void>;
  /** Default 60,000. */
  settleEveryMs?: number;
  /** Stops the loop between two batches of jobs. */
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** Takes and runs jobs until the queue is empty (or forever, polling); a failing job is retried with backoff, then parked. */
export async function work(queue: Queue, handlers: Handlers, options: WorkOptions): Promise<WorkSummary> {
  const summary: WorkSummary = { done: 0, retried: 0, parked: 0 };
  const poll = options.pollMs ?? 1000;
  let settled = Date.now();
  const settle = async () => {
    await options.settle?.();
    settled = Date.now();
  };
  while (!options.signal?.aborted) {
    const jobs = await queue.take(options.worker, options.batch ?? 1);
    if (jobs.length === 0) {
      const due = await queue.nextDue();
      const running = (await queue.stats()).running;
      if (options.untilEmpty !== false && due === null && running === 0) break;
      await settle();
      await sleep(Math.min(poll, due ?? poll));
      continue;
    }
    for (const [kind, group] of byKind(jobs)) {
      const handler = handlers[kind];
      let failed: Map<Job, Error>;
      try {
        failed = handler ? await handler(group) : new Map(group.map((j) => [j, new Error(`no handler for jobs of kind "${kind}"`)]));
      } catch (e) {
        failed = new Map(group.map((j) => [j, asError(e)]));
      }
      const done = group.filter((j) => !failed.has(j));
      await queue.complete(done);
      summary.done += done.length;
      for (const [job, error] of failed) summary[(await queue.fail(job, error.message)) === "parked" ? "parked" : "retried"]++;
    }
    if (Date.now() - settled >= (options.settleEveryMs ?? 60_000)) await settle();
  }
  await settle();
  return summary;
}

function byKind(jobs: Job[]): Map<string, Job[]> {
  const out = new Map<string, Job[]>();
  for (const j of jobs) out.get(j.kind)?.push(j) ?? out.set(j.kind, [j]);
  return out;
}
