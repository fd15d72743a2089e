-- Trial monitoring (trials.Trials). A trial belongs to the organisation whose observers follow it and is shared as
-- cases are. Defendants are documentation people (person.id only: identities stay encrypted in person).
CREATE TABLE trial (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    sharing         text        NOT NULL DEFAULT 'ORGANISATION' CHECK (sharing IN ('ORGANISATION', 'COALITION', 'PUBLIC')),
    court           text        NOT NULL CHECK (length(court) BETWEEN 1 AND 300),
    case_number     text        NOT NULL CHECK (length(case_number) BETWEEN 1 AND 100),
    judge           text        CHECK (length(judge) <= 300),
    charges         text        CHECK (length(charges) <= 2000),
    language        text        CHECK (length(language) <= 100),
    linked_event_id bigint      REFERENCES event (id),
    created_by      bigint      NOT NULL REFERENCES app_user (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, court, case_number)
);
CREATE INDEX trial_shared ON trial (sharing, id DESC) WHERE sharing <> 'ORGANISATION';

CREATE TABLE trial_defendant (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trial_id  bigint NOT NULL REFERENCES trial (id),
    person_id bigint NOT NULL REFERENCES person (id),
    verdict   text   NOT NULL DEFAULT 'PENDING' CHECK (verdict IN ('PENDING', 'CONVICTED', 'ACQUITTED', 'CASE_CLOSED')),
    sentence  text   CHECK (length(sentence) <= 1000),
    appeal    text   CHECK (length(appeal) <= 2000),
    UNIQUE (trial_id, person_id)
);

CREATE TABLE trial_hearing (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trial_id           bigint      NOT NULL REFERENCES trial (id),
    hearing_date       date        NOT NULL,
    observers          text        CHECK (length(observers) <= 1000),
    public_admitted    boolean     NOT NULL,
    press_admitted     boolean     NOT NULL,
    recording_banned   boolean     NOT NULL,
    -- seats taken by people with no part in the case, so that the public could not come in
    seats_filled       boolean     NOT NULL,
    interpreter        text        NOT NULL CHECK (interpreter IN ('NOT_NEEDED', 'PROVIDED', 'NOT_PROVIDED')),
    note               text        CHECK (length(note) <= 5000),
    created_by         bigint      NOT NULL REFERENCES app_user (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (trial_id, hearing_date)
);

-- The fair-trial checklist: one answer per item and hearing.
CREATE TABLE trial_hearing_check (
    hearing_id bigint NOT NULL REFERENCES trial_hearing (id),
    item       text   NOT NULL,
    answer     text   NOT NULL CHECK (answer IN ('RESPECTED', 'NOT_RESPECTED', 'NOT_OBSERVED')),
    note       text   CHECK (length(note) <= 2000),
    PRIMARY KEY (hearing_id, item)
);

-- Torture or ill-treatment alleged in court by a defendant or a witness, and what the court did with it.
CREATE TABLE trial_allegation (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trial_id              bigint      NOT NULL REFERENCES trial (id),
    hearing_id            bigint      REFERENCES trial_hearing (id),
    raised_by             text        NOT NULL CHECK (raised_by IN ('DEFENDANT', 'WITNESS')),
    defendant_id          bigint      REFERENCES trial_defendant (id),
    form                  text        NOT NULL CHECK (form IN ('WRITTEN', 'ORAL')),
    against               text        CHECK (length(against) <= 1000),
    recorded              boolean     NOT NULL,
    examined              boolean     NOT NULL,
    investigation_ordered boolean     NOT NULL,
    evidence              text        NOT NULL CHECK (evidence IN ('NONE', 'ADMITTED', 'EXCLUDED')),
    note                  text        CHECK (length(note) <= 5000),
    created_by            bigint      NOT NULL REFERENCES app_user (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    CHECK ((raised_by = 'DEFENDANT') = (defendant_id IS NOT NULL))
);
CREATE INDEX trial_allegation_trial ON trial_allegation (trial_id);
