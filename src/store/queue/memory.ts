import { backoff, DEFAULT_RETRY, type Job, type JobSpec, type JobState, type Queue, type RetryPolicy } from "./types.ts";

interface Entry extends Job {
  state: JobState;
  runAt: number;
  error: string | null;
}

/** The in-process driver: for the embedded register, which is one connection in one process. */
export class MemoryQueue implements Queue {
  private readonly jobs = new Map<string, Entry>();
  private next = 1;
  constructor(private readonly policy: RetryPolicy = DEFAULT_RETRY) {}

  async add(jobs: JobSpec[]): Promise<number> {
    let added = 0;
    for (const j of jobs) {
      if (this.jobs.has(j.key)) continue;
      this.jobs.set(j.key, { ...j, id: String(this.next++), attempts: 0, state: "pending", runAt: Date.now(), error: null });
      added++;
    }
    return added;
  }

  async take(_worker: string, limit = 1): Promise<Job[]> {
    const now = Date.now();
    const due = [...this.jobs.values()].filter((j) => j.state === "pending" && j.runAt <= now).sort((a, b) => a.runAt - b.runAt || Number(a.id) - Number(b.id));
    return due.slice(0, limit).map((j) => {
      j.state = "running";
      j.attempts++;
      return { id: j.id, key: j.key, kind: j.kind, payload: j.payload, attempts: j.attempts };
    });
  }

  async complete(jobs: Job[]): Promise<void> {
    for (const job of jobs) this.jobs.get(job.key)!.state = "done";
  }

  async fail(job: Job, error: string): Promise<"retry" | "parked"> {
    const e = this.jobs.get(job.key)!;
    e.error = error;
    if (e.attempts >= this.policy.maxAttempts) {
      e.state = "parked";
      return "parked";
    }
    e.state = "pending";
    e.runAt = Date.now() + backoff(this.policy, e.attempts);
    return "retry";
  }

  async stats(): Promise<Record<JobState, number>> {
    const out: Record<JobState, number> = { pending: 0, running: 0, done: 0, parked: 0 };
    for (const j of this.jobs.values()) out[j.state]++;
    return out;
  }

  async nextDue(): Promise<number | null> {
    const pending = [...this.jobs.values()].filter((j) => j.state === "pending");
    if (pending.length === 0) return null;
    return Math.max(0, Math.min(...pending.map((j) => j.runAt)) - Date.now());
  }

  /** The error a parked job was parked with. */
  parkedError(key: string): string | null {
    const e = this.jobs.get(key);
    return e?.state === "parked" ? e.error : null;
  }
}
