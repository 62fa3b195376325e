-- What the register's filters, facets, default sort and id lookups need at a million claims (bench/register,
-- bench/serve): the stage, stance and grade the web register filters and counts by, as stored columns computed from
-- the assessment (so a facet reads a short column, not each assertion's whole JSON), and indexes for them.
alter table assertions add column stage text generated always as (data->>'status') stored;
alter table assertions add column stance text generated always as (data->>'stance') stored;
alter table assertions add column grade text generated always as ((data->'grade'->>'reliability') || (data->'grade'->>'credibility')) stored;

-- the default order of the register (supplier, then id) read in index order, and show's id-prefix lookup
create index assertions_supplier_id on assertions (supplier, id);
create index assertions_id_prefix on assertions (id text_pattern_ops);

-- The facet counts of the whole register, kept by statement triggers as assertions are written and removed, so the
-- unfiltered register page reads a few hundred rows instead of grouping every assertion six times. The values are
-- the web register's facets (browse.ts): a missing supplier or recipient counts as '?'.
create table assertion_facets (
  facet text not null,
  value text not null,
  n bigint not null,
  primary key (facet, value)
);

create function assertion_facet_rows(a assertions) returns table (facet text, value text) language sql immutable as $$
  values ('supplier', coalesce(a.supplier, '?')), ('recipient', coalesce(a.recipient, '?')), ('category', a.category),
         ('stage', a.stage), ('stance', a.stance), ('grade', a.grade)
$$;

create function assertion_facets_count() returns trigger language plpgsql as $$
begin
  -- rows in key order, so concurrent writers lock them in the same order
  if tg_op in ('DELETE', 'UPDATE') then
    insert into assertion_facets (facet, value, n)
      select f.facet, f.value, -count(*) from gone g, assertion_facet_rows(g) f where f.value is not null group by 1, 2 order by 1, 2
      on conflict (facet, value) do update set n = assertion_facets.n + excluded.n;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into assertion_facets (facet, value, n)
      select f.facet, f.value, count(*) from added a, assertion_facet_rows(a) f where f.value is not null group by 1, 2 order by 1, 2
      on conflict (facet, value) do update set n = assertion_facets.n + excluded.n;
  end if;
  return null;
end
$$;
create trigger assertion_facets_insert after insert on assertions referencing new table as added for each statement execute function assertion_facets_count();
create trigger assertion_facets_delete after delete on assertions referencing old table as gone for each statement execute function assertion_facets_count();
create trigger assertion_facets_update after update on assertions referencing old table as gone new table as added for each statement execute function assertion_facets_count();

create function assertion_facets_clear() returns trigger language plpgsql as $$
begin
  delete from assertion_facets;
  return null;
end
$$;
create trigger assertion_facets_truncate after truncate on assertions for each statement execute function assertion_facets_clear();

insert into assertion_facets (facet, value, n)
  select f.facet, f.value, count(*) from assertions a, assertion_facet_rows(a) f where f.value is not null group by 1, 2;
