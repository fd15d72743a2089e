-- Controlled vocabularies: Aigaq's own lists (shipped, extended by administrators) and imported HURIDOCS
-- micro-thesauri. Labels are JSON objects by language ({"en": …, "ru": …, "kk": …}).

CREATE TABLE vocabulary_list (
    code                text  PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    source              text  NOT NULL CHECK (source IN ('aigaq', 'huridocs')),
    -- The HURIDOCS micro-thesaurus the list is, or that an Aigaq list corresponds to.
    huridocs_list_code  int,
    labels              jsonb NOT NULL CHECK (jsonb_typeof(labels) = 'object')
);

CREATE TABLE vocabulary_term (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list_code      text        NOT NULL REFERENCES vocabulary_list (code),
    code           text        NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 64),
    parent_id      bigint      REFERENCES vocabulary_term (id),
    level          int         NOT NULL,
    position       int         NOT NULL,
    labels         jsonb       NOT NULL CHECK (jsonb_typeof(labels) = 'object'),
    -- The 14-digit HURIDOCS vocab number of the term this one is or matches, so records can be exchanged in ESF.
    huridocs_code  text        CHECK (huridocs_code ~ '^[0-9]{14}$'),
    -- 'aigaq': shipped with Aigaq; 'huridocs': imported; 'local': added by an administrator.
    source         text        NOT NULL CHECK (source IN ('aigaq', 'huridocs', 'local')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (list_code, code),
    -- A parent is always a term of the same list.
    UNIQUE (list_code, id),
    FOREIGN KEY (list_code, parent_id) REFERENCES vocabulary_term (list_code, id)
);
CREATE INDEX vocabulary_term_tree ON vocabulary_term (list_code, parent_id, position);
