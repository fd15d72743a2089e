-- Words and facets in one GIN index per vector (issue 4, docs/benchmarks.md): with separate indexes a search of a
-- frequent word and two facets built three bitmaps of 84,000 to 143,000 cases each and intersected them (a BitmapAnd),
-- 150 to 600 ms at a million cases; a GIN index over both columns intersects the posting lists inside the index, skipping
-- along the rarest, and puts only the cases that match everything into the bitmap (2,426 in that search).
-- The single-column indexes are dropped: a multi-column GIN index serves a condition on any of its columns alone.
-- event_search_facets stays for searches without words (facets only), where it is smaller to read.
SET LOCAL maintenance_work_mem = '512MB';
CREATE INDEX event_search_russian_facets ON event_search USING gin (russian, facets);
CREATE INDEX event_search_simple_facets ON event_search USING gin (simple, facets);
DROP INDEX event_search_russian;
DROP INDEX event_search_simple;
