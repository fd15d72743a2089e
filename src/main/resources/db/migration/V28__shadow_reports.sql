-- Shadow reports (org.aigaq.reports): a report of an organisation, made from a template, with sections of Markdown
-- narrative and live blocks (a kind and its parameters, resolved when the report is composed), and frozen editions
-- that keep the composed report as it was, never changed afterwards.
CREATE TABLE report (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    author_id       bigint      NOT NULL REFERENCES app_user (id),
    template        text        NOT NULL,
    title           text        NOT NULL,
    -- who submits it, printed under the title (the organisation or the coalition)
    submitted_by    text        NOT NULL,
    language        text        NOT NULL CHECK (language IN ('en', 'ru', 'kk')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_by_organisation ON report (organisation_id, id DESC);

CREATE TABLE report_section (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id bigint  NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    -- the template's topic it was made from (null for a section the user added)
    topic     text,
    heading   text    NOT NULL,
    narrative text    NOT NULL DEFAULT ''
);
CREATE INDEX report_section_by_report ON report_section (report_id, position);

CREATE TABLE report_block (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    section_id bigint  NOT NULL REFERENCES report_section (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    kind       text    NOT NULL,
    parameters jsonb   NOT NULL
);
CREATE INDEX report_block_by_section ON report_block (section_id, position);

-- The composed report as JSON, exactly as frozen, with its SHA-256: what every later download prints.
CREATE TABLE report_edition (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id bigint      NOT NULL REFERENCES report (id),
    number    integer     NOT NULL,
    frozen_at timestamptz NOT NULL,
    frozen_by bigint      NOT NULL REFERENCES app_user (id),
    composed  text        NOT NULL,
    checksum  text        NOT NULL,
    UNIQUE (report_id, number)
);

CREATE FUNCTION report_edition_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a frozen edition is never changed: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER report_edition_no_change BEFORE UPDATE OR DELETE ON report_edition
    FOR EACH ROW EXECUTE FUNCTION report_edition_is_frozen();
CREATE TRIGGER report_edition_no_truncate BEFORE TRUNCATE ON report_edition
    FOR EACH STATEMENT EXECUTE FUNCTION report_edition_is_frozen();
