-- Person search by name on encrypted identities: keyed search tokens (a blind index). Each token is the first 8 bytes
-- of HMAC-SHA256 (keys/name-token-keyset.json) of a skeleton of a name part, a part with one letter left out, a part
-- with another part's initial, or two parts together (see docs/architecture.md). Neither names nor skeletons are
-- stored. The organisation is in the key so that a search of one organisation's people reads only their tokens.
-- No foreign key to person: imports write tens of thousands of tokens a second, and every search joins person anyway.
CREATE TABLE person_name_token (
    token           bigint NOT NULL,
    organisation_id bigint NOT NULL,
    person_id       bigint NOT NULL,
    PRIMARY KEY (token, organisation_id, person_id)
);

-- People recorded before this migration have no tokens yet (SQL cannot decrypt their names): the application builds
-- them at start, a batch at a time, and marks each person done.
ALTER TABLE person ADD COLUMN name_indexed boolean NOT NULL DEFAULT false;
CREATE INDEX person_name_unindexed ON person (id) WHERE NOT name_indexed;

-- Which key built the tokens (a fingerprint that says nothing of the key): a different key at start means rebuild.
CREATE TABLE name_token_key (
    only_row    boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    fingerprint bigint      NOT NULL,
    since       timestamptz NOT NULL DEFAULT now()
);

-- The cases a person found by name is in: a person is also reached as a perpetrator (most involvements name none).
CREATE INDEX involvement_perpetrator ON involvement (perpetrator_id) WHERE perpetrator_id IS NOT NULL;
