-- The registry of places of deprivation of liberty (OPCAT article 4): the official code in its Latin and Cyrillic
-- forms with a comparable key for each (so either form, or a mixed typing, finds the place through an index), the
-- authority in charge, address and coordinates, whether the NPM's mandate covers the place, whether the coalition
-- publishes it; its history (renamed, transferred, closed...) and its capacity and population over time.
-- Vocabulary values (location type, penal regime, authority, region) are term codes of the named lists.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE place
    ADD COLUMN official_code_cyrillic text        CHECK (length(official_code_cyrillic) <= 40),
    -- CodeForms.key of each form: Latin letters, digits and '/', Cyrillic read as Latin, C and S as one letter
    ADD COLUMN code_key               text,
    ADD COLUMN code_key_cyrillic      text,
    ADD COLUMN penal_regime           text,
    ADD COLUMN authority              text,
    ADD COLUMN address                text        CHECK (length(address) <= 500),
    ADD COLUMN latitude               numeric(8, 6) CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude              numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN in_mandate             boolean     NOT NULL DEFAULT true,
    ADD COLUMN closed_on              date,
    ADD COLUMN published              boolean     NOT NULL DEFAULT false,
    -- the name in lower case and in Latin transliteration, for a search in either script
    ADD COLUMN search_name            text,
    ADD COLUMN changed_at             timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT place_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL));

-- Places recorded before the registry: the code's key as CodeForms computes it for the plain cases (upper case,
-- letters, digits and '/'); a code written in Cyrillic gets its key and its other form when the place is next changed.
UPDATE place SET code_key = nullif(replace(translate(regexp_replace(upper(official_code), '[^A-Z0-9/]', '', 'g'), 'C', 'S'), 'J', 'ZH'), ''),
                 search_name = lower(name);

-- Regions were free text: the names of DOMAIN.md section 9 become the codes of the region list.
UPDATE place p SET region = r.code
FROM (VALUES ('astana', 'astana'), ('almaty', 'almaty'), ('shymkent', 'shymkent'), ('abai', 'abai'), ('akmola', 'akmola'),
             ('aktobe', 'aktobe'), ('almaty region', 'almaty-region'), ('atyrau', 'atyrau'),
             ('east kazakhstan', 'east-kazakhstan'), ('jambyl', 'jambyl'), ('zhambyl', 'jambyl'), ('jetisu', 'jetisu'),
             ('zhetysu', 'jetisu'), ('karaganda', 'karaganda'), ('kostanay', 'kostanay'), ('kyzylorda', 'kyzylorda'),
             ('mangystau', 'mangystau'), ('north kazakhstan', 'north-kazakhstan'), ('pavlodar', 'pavlodar'),
             ('turkistan', 'turkistan'), ('ulytau', 'ulytau'), ('west kazakhstan', 'west-kazakhstan')) AS r (name, code)
WHERE lower(p.region) = r.name;

-- The registry list: by name then id (keyset), filtered by type, region, authority, mandate and open/closed.
CREATE INDEX place_by_name ON place (lower(name), id);
CREATE INDEX place_by_type ON place (location_type, lower(name), id);
CREATE INDEX place_by_region ON place (region, lower(name), id);
CREATE INDEX place_by_authority ON place (authority, lower(name), id);
CREATE INDEX place_code_key ON place (code_key text_pattern_ops);
CREATE INDEX place_code_key_cyrillic ON place (code_key_cyrillic text_pattern_ops);
CREATE INDEX place_search_name ON place USING gin (search_name gin_trgm_ops);
CREATE INDEX place_published ON place (id) WHERE published;

-- The cases recorded at a place, for its page.
CREATE INDEX event_place ON event (place_id) WHERE place_id IS NOT NULL;
CREATE INDEX act_place ON act (place_id) WHERE place_id IS NOT NULL;

-- Dated changes of a place. A renaming, a transfer or a change of code updates the place and keeps the earlier value
-- here, so that the cases recorded before stay with the place they refer to and show what it was called then.
CREATE TABLE place_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    place_id      bigint      NOT NULL REFERENCES place (id),
    change        text        NOT NULL CHECK (change IN ('RENAMED', 'TRANSFERRED', 'CODE_CHANGED', 'CLOSED', 'REOPENED')),
    occurred_on   date        NOT NULL,
    -- for a renaming the names, for a transfer the authorities' codes, for a code its forms as "Latin / Cyrillic"
    earlier_value text        CHECK (length(earlier_value) <= 300),
    new_value     text        CHECK (length(new_value) <= 300),
    note          text        CHECK (length(note) <= 2000),
    recorded_by   bigint      NOT NULL REFERENCES app_user (id),
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX place_history_of_place ON place_history (place_id, occurred_on DESC, id DESC);

-- Dated figures of capacity and population, each with its source, for rates per 10,000.
CREATE TABLE place_population (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    place_id    bigint      NOT NULL REFERENCES place (id),
    counted_on  date        NOT NULL,
    capacity    integer     CHECK (capacity >= 0),
    population  integer     CHECK (population >= 0),
    source      text        NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
    recorded_by bigint      NOT NULL REFERENCES app_user (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (capacity IS NOT NULL OR population IS NOT NULL)
);
CREATE UNIQUE INDEX place_population_once ON place_population (place_id, counted_on, lower(source));
CREATE INDEX place_population_of_place ON place_population (place_id, counted_on DESC, id DESC);

-- Imports of places from CSV files, one row per uploaded file, so that each step (mapping, dry run, run) survives a
-- page reload; the file waits encrypted under $AIGAQ_HOME/imports/ and is deleted after the import.
CREATE TABLE place_import (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           bigint      NOT NULL REFERENCES app_user (id),
    file_path         text,
    file_size         bigint      NOT NULL CHECK (file_size >= 0),
    sha256            text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    encoding          text        NOT NULL CHECK (encoding IN ('UTF_8', 'WINDOWS_1251', 'MAC_ROMAN')),
    detected_encoding text        NOT NULL CHECK (detected_encoding IN ('UTF_8', 'WINDOWS_1251', 'MAC_ROMAN')),
    separator         text        NOT NULL CHECK (separator IN ('COMMA', 'SEMICOLON', 'TAB')),
    columns           jsonb       NOT NULL DEFAULT '[]',
    mapping           jsonb       NOT NULL DEFAULT '{}',
    status            text        NOT NULL CHECK (status IN ('UPLOADED', 'CHECKED', 'REFUSED', 'IMPORTED')),
    rows_read         integer,
    added             integer,
    unchanged         integer,
    problem_count     integer,
    problems          jsonb       NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX place_import_of_user ON place_import (user_id, id DESC);
