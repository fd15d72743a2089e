-- Full-text and faceted search of cases: one row per event, recomputed from the documentation tables by
-- refresh_event_search(ids) in the transaction of every write that changes what is searchable (see SearchIndex).
-- The computation lives here, next to the table it fills, so that a later change to it is a new migration that
-- replaces the function and recomputes every row in the same step.

-- unaccent folds ё into е and the diacritics of Latin transliterations (ş, ğ, ı, ä, ö, ü…) for the 'simple' vector.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Words as written (no stemming, no stop words), for Kazakh and every language without a stemmer: words and prefixes.
CREATE TEXT SEARCH CONFIGURATION aigaq_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION aigaq_simple
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

CREATE TABLE event_search (
    event_id        bigint   PRIMARY KEY REFERENCES event (id),
    organisation_id bigint   NOT NULL,
    sharing         text     NOT NULL,
    event_date      date,
    -- The 'russian' configuration stems Cyrillic words with the Russian Snowball stemmer and Latin ones with the
    -- English one (asciiword -> english_stem), so it is the Russian and the English vector at once: an 'english'
    -- vector would repeat it for every Latin word at a third more time and one more index.
    -- Weighted: A title; B description and the acts' stated reasons and consequences; C the sources' summaries and
    -- the interventions' responses; D regions, places, location descriptions and units.
    russian         tsvector NOT NULL,
    simple          tsvector NOT NULL,
    -- Every facet value as 'facet:value' (rg region, pl place id, pt type of place, ag agency, un unit, at act type,
    -- me method, yr year, vs violation status, ms monitoring status, or organisation id, sh sharing), so that one
    -- GIN index serves any combination of filters and one pass over the matching rows counts every facet.
    facets          text[]   NOT NULL
);
CREATE INDEX event_search_russian ON event_search USING gin (russian);
CREATE INDEX event_search_simple ON event_search USING gin (simple);
CREATE INDEX event_search_facets ON event_search USING gin (facets);
-- Newest first: the order of the bounded window of matches and of searches without text.
CREATE INDEX event_search_newest ON event_search (event_date DESC NULLS LAST, event_id DESC);

-- Each part is cut at 100,000 characters so that no case, however long, exceeds what a tsvector may hold.
CREATE FUNCTION event_search_vector(config regconfig, a text, b text, c text, d text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(config, left(coalesce(a, ''), 100000)), 'A')
        || setweight(to_tsvector(config, left(coalesce(b, ''), 100000)), 'B')
        || setweight(to_tsvector(config, left(coalesce(c, ''), 100000)), 'C')
        || setweight(to_tsvector(config, left(coalesce(d, ''), 100000)), 'D')
$$;

-- Every table read here is reached through an index on the event or act it belongs to. Inside an import the rows were
-- written in the same transaction and have no statistics yet, and the planner then prefers scanning whole tables
-- once per event (measured: 9 s instead of 0.3 s per thousand events): sequential scans are therefore ruled out.
CREATE FUNCTION refresh_event_search(ids bigint[]) RETURNS void LANGUAGE sql SET enable_seqscan = off AS $$
    DELETE FROM event_search s USING unnest(ids) AS r (id)
    WHERE s.event_id = r.id AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = r.id);

    INSERT INTO event_search (event_id, organisation_id, sharing, event_date, russian, simple, facets)
    SELECT e.id, e.organisation_id, e.sharing, e.initial_date,
           event_search_vector('russian', e.title, b.text, c.text, d.text),
           event_search_vector('aigaq_simple', e.title, b.text, c.text, d.text),
           ARRAY(SELECT DISTINCT f FROM unnest(
                   ARRAY['vs:' || e.violation_status, 'ms:' || e.monitoring_status, 'or:' || e.organisation_id,
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

-- Existing cases, a thousand at a time as the application does.
SELECT refresh_event_search(ARRAY(SELECT id FROM event WHERE id BETWEEN b AND b + 999))
FROM generate_series((SELECT coalesce(min(id), 1) FROM event), (SELECT coalesce(max(id), 0) FROM event), 1000) b;
