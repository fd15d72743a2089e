-- Imports of cases from CSV or JSON files: one row per uploaded file, so that each step (mapping, dry run, run)
-- survives a page reload. The file itself waits under $AIGAQ_HOME/imports/ (owner only) and is deleted after the
-- import, or a day later when nobody finishes it.

CREATE TABLE import_job (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           bigint      NOT NULL REFERENCES app_user (id),
    organisation_id   bigint      NOT NULL REFERENCES organisation (id),
    -- null once the file has been deleted
    file_path         text,
    file_size         bigint      NOT NULL CHECK (file_size >= 0),
    sha256            text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    format            text        NOT NULL CHECK (format IN ('CSV', 'JSON')),
    -- the encoding the file is read in, and what detection said (UTF_8 when the bytes are valid UTF-8)
    encoding          text        NOT NULL CHECK (encoding IN ('UTF_8', 'WINDOWS_1251', 'MAC_ROMAN')),
    detected_encoding text        NOT NULL CHECK (detected_encoding IN ('UTF_8', 'WINDOWS_1251', 'MAC_ROMAN')),
    separator         text        CHECK (separator IN ('COMMA', 'SEMICOLON', 'TAB')),
    columns           jsonb       NOT NULL DEFAULT '[]',
    mapping           jsonb       NOT NULL DEFAULT '{}',
    status            text        NOT NULL CHECK (status IN ('UPLOADED', 'CHECKED', 'REFUSED', 'IMPORTED', 'EXPIRED')),
    rows_read         integer,
    events            integer,
    people            integer,
    acts              integer,
    involvements      integer,
    problem_count     integer,
    -- the first problems of the last dry run or run: row, column, message key and arguments
    problems          jsonb       NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_job_user ON import_job (user_id, id DESC);
