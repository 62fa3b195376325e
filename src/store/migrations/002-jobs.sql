-- The Postgres job queue: workers on many machines take jobs with FOR UPDATE SKIP LOCKED.
create table dossier_jobs (
  id bigserial primary key,
  -- jobs are idempotent and keyed: adding a key already queued does nothing
  key text not null unique,
  kind text not null,
  payload jsonb not null,
  state text not null default 'pending' check (state in ('pending', 'running', 'done', 'parked')),
  attempts integer not null default 0,
  run_at timestamptz not null default now(),
  locked_by text,
  locked_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index dossier_jobs_due on dossier_jobs (run_at, id) where state = 'pending';
