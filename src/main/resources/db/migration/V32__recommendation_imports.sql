-- Imports of recommendations from CSV go through the steps every import shares (platform.tabular.ImportJobs: upload,
-- mapping, dry run, run); each job is kept here, in the shape ImportJobs expects (as statistics_import).
CREATE TABLE recommendation_import (
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
CREATE INDEX recommendation_import_of_user ON recommendation_import (user_id, id DESC);
