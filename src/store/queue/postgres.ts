import { sql, type Kysely } from "kysely";
import type { Schema } from "../schema.ts";
import { backoff, DEFAULT_RETRY, type Job, type JobSpec, type JobState, type Queue, type RetryPolicy } from "./types.ts";

/** A running job not finished after this long is taken again: its worker is taken to have died. */
export const STALE_AFTER_S = 600;

/**
 * The Postgres driver: a jobs table that workers on any number of machines share, each taking the next due job
 * with `FOR UPDATE SKIP LOCKED`, so no two take the same one and none waits on another.
 */
export class PostgresQueue implements Queue {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
  ) {}

  async add(jobs: JobSpec[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const r = await sql<{ id: string }>`
      insert into dossier_jobs (key, kind, payload)
      select * from unnest(${jobs.map((j) => j.key)}::text[], ${jobs.map((j) => j.kind)}::text[], ${jobs.map((j) => JSON.stringify(j.payload))}::jsonb[])
      on conflict (key) do nothing
      returning id`.execute(this.db);
    return r.rows.length;
  }

  async take(worker: string, limit = 1): Promise<Job[]> {
    const r = await sql<{ id: string; key: string; kind: string; payload: unknown; attempts: number }>`
      update dossier_jobs set state = 'running', attempts = attempts + 1, locked_by = ${worker}, locked_at = now()
      where id in (
        select id from dossier_jobs
        where (state = 'pending' and run_at <= now()) or (state = 'running' and locked_at < now() - make_interval(secs => ${STALE_AFTER_S}))
        order by run_at, id
        for update skip locked
        limit ${limit})
      returning id, key, kind, payload, attempts`.execute(this.db);
    return r.rows.map((row) => ({ id: String(row.id), key: row.key, kind: row.kind, payload: row.payload, attempts: row.attempts })).sort((a, b) => Number(a.id) - Number(b.id));
  }

  async complete(jobs: Job[]): Promise<void> {
    if (jobs.length === 0) return;
    await sql`update dossier_jobs set state = 'done', finished_at = now(), last_error = null where id = any(${jobs.map((j) => j.id)}::bigint[])`.execute(this.db);
  }

  async fail(job: Job, error: string): Promise<"retry" | "parked"> {
    if (job.attempts >= this.policy.maxAttempts) {
      await sql`update dossier_jobs set state = 'parked', finished_at = now(), last_error = ${error} where id = ${job.id}`.execute(this.db);
      return "parked";
    }
    const ms = backoff(this.policy, job.attempts);
    await sql`update dossier_jobs set state = 'pending', last_error = ${error}, run_at = now() + make_interval(secs => ${ms / 1000}) where id = ${job.id}`.execute(this.db);
    return "retry";
  }

  async stats(): Promise<Record<JobState, number>> {
    const rows = await sql<{ state: JobState; n: number }>`select state, count(*)::int as n from dossier_jobs group by state`.execute(this.db);
    const out: Record<JobState, number> = { pending: 0, running: 0, done: 0, parked: 0 };
    for (const r of rows.rows) out[r.state] = Number(r.n);
    return out;
  }

  async nextDue(): Promise<number | null> {
    const r = await sql<{ ms: number | null }>`select (extract(epoch from (min(run_at) - now())) * 1000)::float8 as ms from dossier_jobs where state = 'pending'`.execute(this.db);
    const ms = r.rows[0]?.ms;
    return ms === null || ms === undefined ? null : Math.max(0, Number(ms));
  }
}
