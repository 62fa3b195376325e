-- What `list` and the register's rows show of each assertion (SUMMARY_FIELDS in assess.ts): its fields, origins,
-- documents and grade, without the members, merge reasons, conflict details and same-party notes that are more than
-- half of its JSON. Stored beside it and kept by the database on every write, so a list of a thousand assertions
-- reads and sends half as much; as json (text), which the server hands over without converting it from jsonb.
alter table assertions add column summary json generated always as (
  ((data - '{members,merged,conflictDetails,sameParty}'::text[])::text)::json) stored;

-- list's order (queries.ts): a supplier's assertions are read in order up to list's limit instead of all sorted.
create index assertions_list_order on assertions (supplier, recipient, category, time_from, id);
