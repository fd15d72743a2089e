-- Editions of the anonymised dataset of public cases (documentation.publication): when, by whom, with which k, what
-- the anonymisation changed, and the files themselves, which hold no names, record numbers or free text.
CREATE TABLE dataset_edition (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by bigint      REFERENCES app_user (id),
    k            integer     NOT NULL CHECK (k >= 1),
    source_rows  integer     NOT NULL,
    rows         integer     NOT NULL,
    unchanged    integer     NOT NULL,
    suppressed   integer     NOT NULL,
    -- per field (place, town, region, period, ageBand, citizenship): how many published rows lost detail
    coarsened    jsonb       NOT NULL,
    -- SHA-256 of the CSV, so that a copy found elsewhere can be told apart from this edition
    checksum     text        NOT NULL,
    csv          bytea       NOT NULL,
    json         bytea       NOT NULL,
    dictionary   bytea       NOT NULL
);
