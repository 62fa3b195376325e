-- The register: documents, sources, claims and their citations, assertions with members and conflicts, analyst
-- decisions (never touched by re-extraction) and an append-only audit log.

create table documents (
  id text primary key,
  url text,
  canonical_url text,
  outlet text,
  published text,
  language text,
  title text,
  -- folded headline, to find near-identical copies without reading every text
  title_key text,
  author text,
  text text not null,
  content_hash text not null,
  -- hash of the claims file last registered for this document, so registering it again changes nothing
  claims_hash text not null,
  extractor_version text not null,
  registered_at timestamptz not null default now()
);
create index documents_title_key on documents (title_key);

-- near-identical copies: document_id is a copy of copy_of (links from ingest and from the register's own check)
create table document_copies (
  document_id text not null references documents (id) on delete cascade,
  copy_of text not null,
  found_by text not null,
  primary key (document_id, copy_of)
);
create index document_copies_copy_of on document_copies (copy_of);

-- every name that appears in a chain, keyed by what it refers to (catalog entry, government, name)
create table sources (
  id text primary key,
  name text not null,
  kind text not null,
  type text,
  catalog_id text,
  state text
);

create table claims (
  id text primary key,
  document_id text not null references documents (id) on delete cascade,
  idx integer not null,
  pair text not null,
  supplier text,
  recipient text,
  intermediary text,
  item_name text,
  category text not null,
  maker text,
  quantity integer,
  value_amount double precision,
  value_currency text,
  time_from text,
  time_to text,
  status text not null,
  stance text not null,
  targets jsonb not null,
  chain jsonb not null,
  evidence text not null,
  span_start integer,
  span_end integer,
  rules jsonb not null,
  optional boolean not null default false,
  extractor_version text not null,
  unique (document_id, idx)
);
create index claims_pair on claims (pair);

-- who cites whom: the source at `position` relays the one at position - 1 (`cites`); position 0 is the origin
create table citations (
  claim_id text not null references claims (id) on delete cascade,
  position integer not null,
  source_id text not null references sources (id),
  written text not null,
  cites text references sources (id),
  primary key (claim_id, position)
);
create index citations_source on citations (source_id);

create table assertions (
  id text primary key,
  pair text not null,
  supplier text,
  recipient text,
  category text not null,
  item_name text,
  system text,
  time_from text,
  time_to text,
  independent_origins integer not null,
  circular boolean not null,
  data jsonb not null,
  updated_at timestamptz not null default now()
);
create index assertions_pair on assertions (pair);
create index assertions_supplier on assertions (supplier, category);
create index assertions_recipient on assertions (recipient, category);

create table assertion_members (
  assertion_id text not null references assertions (id) on delete cascade,
  claim_id text not null references claims (id) on delete cascade,
  origin text,
  reason jsonb not null,
  primary key (assertion_id, claim_id)
);
create index assertion_members_claim on assertion_members (claim_id);

create table conflicts (
  assertion_id text not null references assertions (id) on delete cascade,
  kind text not null,
  detail jsonb not null,
  primary key (assertion_id, kind)
);

create table decisions (
  id bigserial primary key,
  kind text not null,
  subject text not null,
  value jsonb not null,
  analyst text,
  note text,
  created_at timestamptz not null default now()
);
create index decisions_kind on decisions (kind, subject);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  action text not null,
  subject text not null,
  detail jsonb not null default '{}'
);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
