-- Organisations of the coalition, their users, second factors, API tokens, and the audit trail.

CREATE TABLE organisation (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    short_name  text        CHECK (length(short_name) <= 40),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisation_name_key ON organisation (lower(name));

CREATE TABLE app_user (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             text        NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name         text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    organisation_id      bigint      NOT NULL REFERENCES organisation (id),
    roles                text[]      NOT NULL CHECK (cardinality(roles) > 0),
    password_hash        text        NOT NULL,
    must_change_password boolean     NOT NULL DEFAULT false,
    locale               text        CHECK (locale IN ('en', 'ru', 'kk')),
    enabled              boolean     NOT NULL DEFAULT true,
    failed_attempts      integer     NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    totp_secret          bytea,
    totp_enabled_at      timestamptz,
    totp_last_step       bigint,
    security_stamp       uuid        NOT NULL DEFAULT gen_random_uuid(),
    created_at           timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at      timestamptz
);
CREATE UNIQUE INDEX app_user_username_key ON app_user (username);
CREATE INDEX app_user_organisation ON app_user (organisation_id);

CREATE TABLE recovery_code (
    user_id    bigint      NOT NULL REFERENCES app_user (id),
    code_hash  text        NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   text        NOT NULL UNIQUE,
    prefix       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);

-- The audit trail is append-only: each entry carries the SHA-256 of the previous one and of its own content,
-- so that an altered, removed or inserted entry breaks the chain (see AuditChain).
CREATE TABLE audit_entry (
    seq           bigint      PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor_id      bigint,
    actor         text        NOT NULL,
    address       text,
    action        text        NOT NULL,
    record_type   text,
    record_id     text,
    summary       text        NOT NULL,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL
);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_actor ON audit_entry (actor_id, seq);
CREATE INDEX audit_entry_action ON audit_entry (action, seq);
CREATE INDEX audit_entry_record ON audit_entry (record_type, record_id, seq);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
