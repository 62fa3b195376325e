-- Full-text search without reading every document: one partial GIN index per text-search configuration, on
-- exactly the expression searchDocuments (search.ts) matches each language with, the configuration fixed, and
-- one on `simple` for the other languages and none. The languages and configurations are search.ts's
-- TS_CONFIGS; tests/store/search-index.test.ts fails when the two differ and checks the planner uses them.
create index documents_search_ar on documents using gin (to_tsvector('arabic'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'ar';
create index documents_search_de on documents using gin (to_tsvector('german'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'de';
create index documents_search_en on documents using gin (to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'en';
create index documents_search_es on documents using gin (to_tsvector('spanish'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'es';
create index documents_search_fr on documents using gin (to_tsvector('french'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'fr';
create index documents_search_it on documents using gin (to_tsvector('italian'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'it';
create index documents_search_nl on documents using gin (to_tsvector('dutch'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'nl';
create index documents_search_pt on documents using gin (to_tsvector('portuguese'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'pt';
create index documents_search_ru on documents using gin (to_tsvector('russian'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'ru';
create index documents_search_tr on documents using gin (to_tsvector('turkish'::regconfig, coalesce(title, '') || ' ' || text)) where language = 'tr';
create index documents_search_simple on documents using gin (to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || text))
  where language is null or language not in ('ar', 'de', 'en', 'es', 'fr', 'it', 'nl', 'pt', 'ru', 'tr');
