-- Full-text search over documents (search.ts) without reading every text: each document's vector, stemmed in its
-- language's configuration (as TS_CONFIGS lists them), stored with it and indexed, so matching uses the index and
-- ranking reads the stored vector instead of parsing the text again. Kept in a file of its own so that it can be
-- reconciled with other work on search indexing.
alter table documents add column search_vector tsvector generated always as (to_tsvector(
  (case language when 'ar' then 'arabic'::regconfig when 'de' then 'german'::regconfig when 'en' then 'english'::regconfig
     when 'es' then 'spanish'::regconfig when 'fr' then 'french'::regconfig when 'it' then 'italian'::regconfig
     when 'nl' then 'dutch'::regconfig when 'pt' then 'portuguese'::regconfig when 'ru' then 'russian'::regconfig
     when 'tr' then 'turkish'::regconfig else 'simple'::regconfig end),
  coalesce(title, '') || ' ' || text)) stored;
create index documents_search on documents using gin (search_vector);
