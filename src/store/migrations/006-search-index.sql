-- Full-text search over documents (search.ts) without reading every text: a GIN index on exactly the expression
-- searchDocuments matches on (each document stemmed in its language's configuration, as TS_CONFIGS lists them).
-- Kept in a file of its own so that it can be reconciled with other work on search indexing.
create index documents_search on documents using gin (to_tsvector(
  (case language when 'ar' then 'arabic'::regconfig when 'de' then 'german'::regconfig when 'en' then 'english'::regconfig
     when 'es' then 'spanish'::regconfig when 'fr' then 'french'::regconfig when 'it' then 'italian'::regconfig
     when 'nl' then 'dutch'::regconfig when 'pt' then 'portuguese'::regconfig when 'ru' then 'russian'::regconfig
     when 'tr' then 'turkish'::regconfig else 'simple'::regconfig end),
  coalesce(title, '') || ' ' || text));
