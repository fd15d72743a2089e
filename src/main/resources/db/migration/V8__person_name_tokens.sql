-- Person search by name on encrypted identities: keyed search tokens (a blind index). Each token is the first 8 bytes
-- of HMAC-SHA256 (keys/name-token-keyset.json) of the person's organisation and a text made from the skeletons of the
-- names: a part, a part with one letter left out, a part with another part's initial, two parts together (see
-- docs/architecture.md). Neither names nor skeletons are stored, and the same name gives other tokens in another
-- organisation. One row per person with its tokens as an array under a GIN index: an import writes one row per
-- person, not one per token, which keeps 100,000 imported people fast.
CREATE TABLE person_name_tokens (
    person_id bigint PRIMARY KEY REFERENCES person (id),
    -- null until built: people recorded before this migration (SQL cannot decrypt their names) get theirs at start
    tokens    bigint[]
);
INSERT INTO person_name_tokens (person_id) SELECT id FROM person;
CREATE INDEX person_name_tokens_token ON person_name_tokens USING gin (tokens);
CREATE INDEX person_name_tokens_missing ON person_name_tokens (person_id) WHERE tokens IS NULL;

-- Which key built the tokens (a fingerprint that says nothing of the key): a different key at start means rebuild.
CREATE TABLE name_token_key (
    only_row    boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    fingerprint bigint      NOT NULL,
    since       timestamptz NOT NULL DEFAULT now()
);

-- The cases a person found by name is in: a person is also reached as a perpetrator (most involvements name none).
CREATE INDEX involvement_perpetrator ON involvement (perpetrator_id) WHERE perpetrator_id IS NOT NULL;
