/** A unit of work: idempotent, named by a key (a document id), of a kind a handler knows. */
export interface JobSpec {
  key: string;
  kind: string;
  payload: unknown;
}

/** A job taken by a worker. */
export interface Job extends JobSpec {
  id: string;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** Where a job is: waiting (maybe for a retry), taken, finished, or parked after its last failed attempt. */
export type JobState = "pending" | "running" | "done" | "parked";

/** Retry policy of a queue. */
export interface RetryPolicy {
  /** Attempts before a failing job is parked with its error; default 5. */
  maxAttempts: number;
  /** Delay before the first retry in ms, doubled each time up to five minutes; default 1000. */
  backoffMs: number;
}

/** The default retry policy. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: 1000 };

/** Delay before the next attempt after `attempts` failed ones. */
export function backoff(policy: RetryPolicy, attempts: number): number {
  return Math.min(300_000, policy.backoffMs * 2 ** Math.max(0, attempts - 1));
}

/** One queue interface, two drivers: in process (the embedded default) and Postgres (many workers). */
export interface Queue {
  /** Adds jobs; a key already queued is left as it is. Returns how many were new. */
  add(jobs: JobSpec[]): Promise<number>;
  /** Takes up to `limit` due jobs (default 1) for a worker, oldest first; none when nothing is due now. */
  take(worker: string, limit?: number): Promise<Job[]>;
  complete(jobs: Job[]): Promise<void>;
  /** Schedules a retry with backoff, or parks the job with its error once it has used its attempts. */
  fail(job: Job, error: string): Promise<"retry" | "parked">;
  /** Jobs by state. */
  stats(): Promise<Record<JobState, number>>;
  /** Milliseconds until the next pending job is due (0 when one is due), or null when none is pending. */
  nextDue(): Promise<number | null>;
}
