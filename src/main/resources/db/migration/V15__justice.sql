-- The justice pipeline of an allegation (complaint and every later step) and the detention episodes of its victims
-- with the moments that custodial safeguards are computed from. Both refer to documentation's event, act and place
-- by id only; the rules that read them live in org.aigaq.justice.

-- One row per allegation that has a pipeline: where it stands, kept in step with its steps in the transaction that
-- records one, so that the overdue list of an organisation is one index range.
CREATE TABLE justice_case (
    event_id        bigint      PRIMARY KEY REFERENCES event (id),
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    -- the allegation's record number (stable), so that the overdue list names cases without reading documentation
    record_number   text        NOT NULL,
    jurisdiction    text        NOT NULL CHECK (jurisdiction ~ '^[A-Z]{2}$'),
    stage           text        NOT NULL,
    stage_since     date        NOT NULL,
    next_due        date,
    next_due_code   text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX justice_case_due ON justice_case (organisation_id, next_due, event_id) WHERE next_due IS NOT NULL;
CREATE INDEX justice_case_stage ON justice_case (stage, organisation_id);

-- A dated step of the pipeline. Columns that a step type does not use stay empty (JusticeStepType says which).
CREATE TABLE justice_step (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id              bigint      NOT NULL REFERENCES justice_case (event_id),
    act_id                bigint      REFERENCES act (id),
    step_type             text        NOT NULL,
    occurred_on           date        NOT NULL,
    acting_body           text        CHECK (length(acting_body) <= 300),
    body_kind             text,
    body_of_accused_agency boolean,
    document_reference    text        CHECK (length(document_reference) <= 200),
    document_date         date,
    filed_by              text,
    addressee             text        CHECK (length(addressee) <= 300),
    reasons               text        CHECK (length(reasons) <= 5000),
    outcome               text,
    article               text        CHECK (length(article) <= 20),
    article_part          text        CHECK (length(article_part) <= 10),
    code_version          text        CHECK (length(code_version) <= 10),
    suspects              integer     CHECK (suspects BETWEEN 0 AND 1000),
    suspended_from_duty   boolean,
    sentence_kind         text,
    sentence_months       integer     CHECK (sentence_months BETWEEN 0 AND 1200),
    sentence_suspended    boolean,
    fine_amount           numeric(16, 2) CHECK (fine_amount >= 0),
    ban_from_office       boolean,
    exemption             text,
    claimed_amount        numeric(16, 2) CHECK (claimed_amount >= 0),
    awarded_amount        numeric(16, 2) CHECK (awarded_amount >= 0),
    currency              text        CHECK (currency ~ '^[A-Z]{3}$'),
    respondent            text,
    paid                  boolean,
    committee             text,
    communication_number  text        CHECK (length(communication_number) <= 50),
    decision_date         date,
    violations_found      text        CHECK (length(violations_found) <= 2000),
    remedy                text        CHECK (length(remedy) <= 2000),
    deadline              date,
    implementation        text,
    target                text,
    request_kind          text,
    notes                 text        CHECK (length(notes) <= 5000),
    recorded_by           bigint      NOT NULL REFERENCES app_user (id),
    recorded_at           timestamptz NOT NULL DEFAULT now(),
    -- a step recorded by mistake is withdrawn, never deleted: the pipeline leaves it out, the row stays
    withdrawn_by          bigint      REFERENCES app_user (id),
    withdrawn_at          timestamptz,
    withdrawal_reason     text        CHECK (length(withdrawal_reason) <= 2000),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX justice_step_event ON justice_step (event_id, occurred_on, id);
CREATE INDEX justice_step_type ON justice_step (step_type, occurred_on);

-- A person's time in custody, linked to the allegation and, when known, to the act (its victim) and a registered place.
CREATE TABLE detention_episode (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     bigint      NOT NULL REFERENCES event (id),
    act_id       bigint      REFERENCES act (id),
    place_id     bigint      REFERENCES place (id),
    jurisdiction text        NOT NULL CHECK (jurisdiction ~ '^[A-Z]{2}$'),
    notes        text        CHECK (length(notes) <= 5000),
    recorded_by  bigint      NOT NULL REFERENCES app_user (id),
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX detention_episode_event ON detention_episode (event_id, id);

-- One moment of an episode, an instant (the zone it was entered in is kept to show it as entered).
CREATE TABLE detention_moment (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    episode_id       bigint      NOT NULL REFERENCES detention_episode (id),
    kind             text        NOT NULL,
    at               timestamptz NOT NULL,
    zone             text        NOT NULL CHECK (length(zone) <= 60),
    place_id         bigint      REFERENCES place (id),
    place_description text       CHECK (length(place_description) <= 300),
    registered_place boolean,
    recorded_media   boolean,
    lawyer_kind      text,
    lawyer_present   boolean,
    injuries_recorded boolean,
    notes            text        CHECK (length(notes) <= 2000),
    recorded_by      bigint      NOT NULL REFERENCES app_user (id),
    recorded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX detention_moment_episode ON detention_moment (episode_id, at, id);
