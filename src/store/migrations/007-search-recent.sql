-- Search ranks the most recently published of a query's matches (search.ts, SEARCH_CANDIDATES), so that a word most
-- documents hold is not ranked over every document: read newest first through this index, such a word finds its
-- candidates in the first few thousand rows, while a rarer one still goes through the GIN index of migration 006.
create index documents_recent on documents (published desc nulls last, id);
