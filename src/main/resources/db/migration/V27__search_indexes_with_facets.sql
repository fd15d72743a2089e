-- Searches at a million cases (issue 4, docs/benchmarks.md and docs/architecture.md, *Search of cases*).
--
-- 1. Words and facets in one GIN index per vector. With separate indexes a frequent word and two facets built three
--    bitmaps of 84,000 to 143,000 cases each and intersected them (a BitmapAnd), 150 to 600 ms at a million cases; a GIN
--    index over both columns intersects the posting lists inside the index, skipping along them, and puts into the
--    bitmap only the cases that match everything. A multi-column GIN index serves a condition on any of its columns
--    alone, so the single-column indexes of the vectors go; event_search_facets stays for searches without words.
-- 2. The month of the case's date among the facets ('mo:2025-12', not shown or counted), so that the newest matches
--    of a search can be read a few months at a time inside the same GIN index (CaseSearch widens the months until its
--    window is full) instead of reading every match's row to sort them by date. A B-tree range on event_date cannot
--    serve this: its bitmap of a year of cases (200,000) costs more than the rows it spares.
--
-- The facets of existing rows get their month in place (no recomputation of the vectors); the indexes are dropped
-- first and built once afterwards, since updating three GIN indexes row by row for a million rows takes far longer.
SET LOCAL maintenance_work_mem = '512MB';

DROP INDEX event_search_russian;
DROP INDEX event_search_simple;
DROP INDEX event_search_facets;

UPDATE event_search SET facets = facets || ('mo:' || to_char(event_date, 'YYYY-MM'))
WHERE event_date IS NOT NULL AND NOT facets @> ARRAY['mo:' || to_char(event_date, 'YYYY-MM')];

-- 3. The rows in the order of their dates (which also drops the old versions the UPDATE left): the cases of a few
--    months then sit together in the heap, so that the GIN index skips whole pages of a frequent word's posting list
--    outside them (measured: 57 ms to 1.4 ms for two months of a word in 143,000 cases) and their rows are read from
--    a few thousand adjacent pages. New cases are appended, so they stay together; a case changed later moves, which
--    costs only speed (CLUSTER event_search again restores it).
CLUSTER event_search USING event_search_newest;

CREATE INDEX event_search_facets ON event_search USING gin (facets);
CREATE INDEX event_search_russian_facets ON event_search USING gin (russian, facets);
CREATE INDEX event_search_simple_facets ON event_search USING gin (simple, facets);

-- As in V9, with the month of the case's date among the facets.
CREATE OR REPLACE FUNCTION refresh_event_search(ids bigint[]) RETURNS void LANGUAGE sql SET enable_seqscan = off AS $$
    DELETE FROM event_search s USING unnest(ids) AS r (id)
    WHERE s.event_id = r.id AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = r.id);

    INSERT INTO event_search (event_id, organisation_id, sharing, event_date, russian, simple, facets)
    SELECT e.id, e.organisation_id, e.sharing, e.initial_date,
           event_search_vector('russian', e.title, b.text, c.text, d.text),
           event_search_vector('aigaq_simple', e.title, b.text, c.text, d.text),
           ARRAY(SELECT DISTINCT f FROM unnest(
                   ARRAY['vs:' || e.violation_status, 'ms:' || e.monitoring_status, 'or:' || e.organisation_id,
                         'mo:' || to_char(e.initial_date, 'YYYY-MM'),
                         'sh:' || e.sharing, 'rg:' || e.region, 'rg:' || ep.region, 'pl:' || e.place_id,
                         'pt:' || e.location_type, 'pt:' || ep.location_type]
                   || ARRAY(SELECT 'yr:' || y FROM generate_series(extract(year FROM e.initial_date)::int,
                            least(extract(year FROM coalesce(e.final_date, e.initial_date))::int,
                                  extract(year FROM e.initial_date)::int + 30)) y)
                   || acts.facets || involvements.facets) f
                 WHERE f IS NOT NULL ORDER BY f)
    FROM (SELECT DISTINCT id FROM unnest(ids) AS r (id)) r
    JOIN event e ON e.id = r.id
    LEFT JOIN place ep ON ep.id = e.place_id
    CROSS JOIN LATERAL (
        SELECT string_agg(concat_ws(' ', a.stated_reason, a.physical_consequences, a.psychological_consequences), ' ') AS text,
               string_agg(concat_ws(' ', a.region, ap.name, ap.region, a.location_description), ' ') AS places,
               ARRAY(SELECT f FROM act fa LEFT JOIN place fp ON fp.id = fa.place_id,
                         unnest(ARRAY['at:' || fa.act_type, 'rg:' || fa.region, 'rg:' || fp.region, 'pl:' || fa.place_id,
                                      'pt:' || fa.location_type, 'pt:' || fp.location_type,
                                      'yr:' || extract(year FROM fa.initial_date)::int]
                                || ARRAY(SELECT 'me:' || m FROM unnest(fa.methods) m)) f
                     WHERE fa.event_id = e.id) AS facets
        FROM act a
        LEFT JOIN place ap ON ap.id = a.place_id
        WHERE a.event_id = e.id
    ) acts
    CROSS JOIN LATERAL (
        SELECT string_agg(i.unit, ' ') AS units,
               ARRAY(SELECT f FROM act fa JOIN involvement fi ON fi.act_id = fa.id,
                         unnest(ARRAY['ag:' || fi.agency, 'un:' || fi.unit]) f
                     WHERE fa.event_id = e.id) AS facets
        FROM act a
        JOIN involvement i ON i.act_id = a.id
        WHERE a.event_id = e.id
    ) involvements
    CROSS JOIN LATERAL (SELECT concat_ws(' ', e.description, acts.text) AS text) b
    CROSS JOIN LATERAL (
        SELECT concat_ws(' ', (SELECT string_agg(n.summary, ' ') FROM information n WHERE n.event_id = e.id),
                              (SELECT string_agg(v.response, ' ') FROM intervention v WHERE v.event_id = e.id)) AS text
    ) c
    CROSS JOIN LATERAL (
        SELECT concat_ws(' ', e.region, ep.name, ep.region, e.location_description, acts.places, involvements.units) AS text
    ) d
    ON CONFLICT (event_id) DO UPDATE SET organisation_id = excluded.organisation_id, sharing = excluded.sharing,
        event_date = excluded.event_date, russian = excluded.russian,
        simple = excluded.simple, facets = excluded.facets;
$$;

