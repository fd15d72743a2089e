-- Evidence files of a case (photographs, scans, recordings, documents) and their chain of custody.
-- The content is not in the database: it is stored encrypted under $AIGAQ_HOME/evidence/<storage_key>, and the
-- row keeps its SHA-256 so that anyone holding a copy can check that it is the file that was uploaded.

CREATE TABLE evidence_file (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         bigint      NOT NULL REFERENCES event (id),
    kind             text        NOT NULL CHECK (kind IN ('photograph', 'scan', 'audio', 'video', 'pdf', 'document', 'other')),
    -- the name the file had on the uploader's computer, which often names a person: AES-256-GCM, bound to
    -- evidence_file.original_name:<storage_key>
    original_name    bytea       NOT NULL,
    content_type     text        NOT NULL CHECK (length(content_type) BETWEEN 3 AND 255),
    size_bytes       bigint      NOT NULL CHECK (size_bytes > 0),
    sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key      text        NOT NULL UNIQUE CHECK (storage_key ~ '^[0-9a-f]{32}$'),
    description      text        CHECK (length(description) <= 2000),
    supersedes_id    bigint      UNIQUE REFERENCES evidence_file (id),
    superseded_by_id bigint      UNIQUE REFERENCES evidence_file (id),
    uploaded_by      bigint      NOT NULL REFERENCES app_user (id),
    uploaded_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (supersedes_id <> id AND superseded_by_id <> id)
);
CREATE INDEX evidence_file_event ON evidence_file (event_id, id);

-- A file is never changed nor removed: a correction is a new file that supersedes the old one. The only change
-- allowed is marking a current file as superseded, once.
CREATE FUNCTION evidence_file_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.superseded_by_id IS NULL AND NEW.superseded_by_id IS NOT NULL
                AND to_jsonb(NEW) - 'superseded_by_id' = to_jsonb(OLD) - 'superseded_by_id' THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'evidence files are never changed: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER evidence_file_no_change BEFORE UPDATE OR DELETE ON evidence_file
    FOR EACH ROW EXECUTE FUNCTION evidence_file_is_immutable();
CREATE TRIGGER evidence_file_no_truncate BEFORE TRUNCATE ON evidence_file
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_file_is_immutable();

-- Who did what with each file, when and from where. Append-only, like the audit trail.
CREATE TABLE evidence_custody (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evidence_id bigint      NOT NULL REFERENCES evidence_file (id),
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    address     text,
    action      text        NOT NULL CHECK (action IN ('uploaded', 'viewed', 'downloaded', 'superseded', 'exported')),
    detail      text        CHECK (length(detail) <= 2000)
);
CREATE INDEX evidence_custody_evidence ON evidence_custody (evidence_id, id);

CREATE FUNCTION evidence_custody_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the chain of custody is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER evidence_custody_no_update BEFORE UPDATE OR DELETE ON evidence_custody
    FOR EACH ROW EXECUTE FUNCTION evidence_custody_is_append_only();
CREATE TRIGGER evidence_custody_no_truncate BEFORE TRUNCATE ON evidence_custody
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_custody_is_append_only();
