-- Review of likely duplicate people. Aigaq proposes pairs; a person merges them or marks them as different people.
-- A merge retires one record (it points to the kept one) and moves its links; it can be undone, so every row it
-- moved is written down. A pair marked different is never proposed again (until the marking is undone).

-- The record a retired person was merged into; a retired person keeps its identity and pseudonym but has no links.
ALTER TABLE person ADD COLUMN merged_into bigint REFERENCES person (id);
ALTER TABLE person ADD CONSTRAINT person_not_merged_into_itself CHECK (merged_into <> id);
CREATE INDEX person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE person_merge (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    kept_id          bigint      NOT NULL REFERENCES person (id),
    merged_id        bigint      NOT NULL REFERENCES person (id),
    -- the kept person's identity before the merge: AES-256-GCM, bound to person_merge.kept_identity:<id>
    kept_identity    bytea       NOT NULL,
    kept_sex         text,
    kept_citizenship text,
    merged_by        bigint      NOT NULL REFERENCES app_user (id),
    merged_at        timestamptz NOT NULL DEFAULT now(),
    undone_by        bigint      REFERENCES app_user (id),
    undone_at        timestamptz,
    CHECK (kept_id <> merged_id),
    CHECK ((undone_by IS NULL) = (undone_at IS NULL))
);
-- A person is merged at most once at a time: a second submission of the same merge fails here even if it raced.
CREATE UNIQUE INDEX person_merge_current ON person_merge (merged_id) WHERE undone_at IS NULL;
CREATE INDEX person_merge_kept ON person_merge (kept_id);

-- Exactly which links a merge moved from the merged person to the kept one, to put them back on undo. event_person
-- rows that would have repeated a row of the kept person (same event, same role) are dropped, and kept here whole.
CREATE TABLE person_merge_link (
    merge_id bigint  NOT NULL REFERENCES person_merge (id),
    link     text    NOT NULL CHECK (link IN ('act.victim', 'involvement.perpetrator', 'information.source', 'event_person')),
    -- the act, involvement or information moved; for event_person, the event
    row_id   bigint  NOT NULL,
    role     text    CHECK (role IN ('WITNESS', 'RELATIVE', 'LAWYER', 'SOURCE', 'OTHER')),
    note     text    CHECK (length(note) <= 1000),
    dropped  boolean NOT NULL DEFAULT false,
    CHECK ((link = 'event_person') = (role IS NOT NULL))
);
CREATE INDEX person_merge_link_merge ON person_merge_link (merge_id);

-- Two people of one organisation that a user said are different people: never proposed again.
CREATE TABLE person_pair_different (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    first_id        bigint      NOT NULL REFERENCES person (id),
    second_id       bigint      NOT NULL REFERENCES person (id),
    marked_by       bigint      NOT NULL REFERENCES app_user (id),
    marked_at       timestamptz NOT NULL DEFAULT now(),
    undone_by       bigint      REFERENCES app_user (id),
    undone_at       timestamptz,
    CHECK (first_id < second_id),
    CHECK ((undone_by IS NULL) = (undone_at IS NULL))
);
CREATE UNIQUE INDEX person_pair_different_current ON person_pair_different (first_id, second_id) WHERE undone_at IS NULL;
CREATE INDEX person_pair_different_second ON person_pair_different (second_id) WHERE undone_at IS NULL;
CREATE INDEX person_pair_different_organisation ON person_pair_different (organisation_id, id DESC);

