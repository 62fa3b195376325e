import type { Job, Queue } from "./types.ts";

/** Handlers by job kind. */
export type Handlers = Record<string, (payload: unknown, job: Job) => Promise<void>>;

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
  /** Stops the loop between two jobs. */
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes and runs jobs until the queue is empty (or forever, polling); a failing job is retried with backoff, then parked. */
export async function work(queue: Queue, handlers: Handlers, options: WorkOptions): Promise<WorkSummary> {
  const summary: WorkSummary = { done: 0, retried: 0, parked: 0 };
  const poll = options.pollMs ?? 1000;
  while (!options.signal?.aborted) {
    const job = await queue.take(options.worker);
    if (!job) {
      const due = await queue.nextDue();
      const running = (await queue.stats()).running;
      if (options.untilEmpty !== false && due === null && running === 0) break;
      await sleep(Math.min(poll, due ?? poll));
      continue;
    }
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      await handler(job.payload, job);
      await queue.complete(job);
      summary.done++;
    } catch (e) {
      const outcome = await queue.fail(job, (e as Error).message);
      summary[outcome === "parked" ? "parked" : "retried"]++;
    }
  }
  return summary;
}
