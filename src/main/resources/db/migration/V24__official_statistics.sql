-- Official statistics imported from the tables the authorities publish. Each import run is a version: its figures
-- are kept as they were read, and a figure is read from the latest version that gives it, so a correction is a new
-- version beside the earlier one, never an overwrite. The import job follows population_import (V17).
CREATE TABLE statistics_import (
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
    corrected         integer,
    unchanged         integer,
    problem_count     integer,
    problems          jsonb       NOT NULL DEFAULT '[]',
    imported_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX statistics_import_of_user ON statistics_import (user_id, id DESC);

-- One published figure of one version: what it counts (measure) of which jurisdiction, year, source (agency and
-- report form) and article (code version, article, part; part '' for the whole article).
CREATE TABLE statistics_figure (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id    bigint  NOT NULL REFERENCES statistics_import (id),
    jurisdiction text    NOT NULL CHECK (jurisdiction ~ '^[A-Z]{2}$'),
    year         integer NOT NULL CHECK (year BETWEEN 1950 AND 2100),
    agency       text    NOT NULL CHECK (length(agency) BETWEEN 1 AND 200),
    form         text    NOT NULL DEFAULT '' CHECK (length(form) <= 100),
    code_version text    NOT NULL,
    article      text    NOT NULL,
    part         text    NOT NULL DEFAULT '',
    measure      text    NOT NULL,
    value        bigint  NOT NULL CHECK (value >= 0),
    UNIQUE (import_id, jurisdiction, year, agency, form, code_version, article, part, measure)
);
CREATE INDEX statistics_figure_key ON statistics_figure (jurisdiction, code_version, article, year, agency, form, part, measure, import_id DESC);
