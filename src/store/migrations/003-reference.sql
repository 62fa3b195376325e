-- Reference registers (SIPRI's trade register): one row per import run, and the records the latest import holds,
-- keyed by a hash of their content since the exports carry no stable id.
create table reference_imports (
  id bigserial primary key,
  register text not null,
  file text not null,
  -- the export's own `Data generated:` line
  generated text,
  rows_read integer not null,
  stored integer not null,
  added integer not null,
  changed integer not null,
  dropped integer not null,
  rejected jsonb not null,
  imported_at timestamptz not null default now()
);

create table reference_records (
  hash text primary key,
  register text not null,
  -- the deal's identity across versions (parties, order year, designation), to tell a changed record from a new one
  deal_key text not null,
  supplier text,
  recipient text,
  category text not null,
  family text,
  order_year integer not null,
  first_import bigint not null references reference_imports (id),
  data jsonb not null
);
create index reference_records_recipient on reference_records (register, recipient);
create index reference_records_supplier on reference_records (register, supplier);
