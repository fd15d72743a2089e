-- Monitoring visits to places of detention and the recommendations monitors make, with the authorities' responses.
-- A visit and a recommendation belong to the organisation that records them. Places are read through
-- documentation's Places (place.id only); people interviewed are documentation's people (person.id only): no name here.
-- Term codes are those of the lists monitoring-body, visit-type, obstruction-type and finding-theme.

CREATE TABLE visit (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id        bigint      NOT NULL REFERENCES organisation (id),
    place_id               bigint      NOT NULL REFERENCES place (id),
    body                   text        NOT NULL,
    visit_type             text        NOT NULL,
    announced              boolean     NOT NULL,
    cross_regional         boolean     NOT NULL,
    planned_from           date,
    planned_to             date        CHECK (planned_to >= planned_from),
    started_on             date,
    ended_on               date        CHECK (ended_on >= started_on),
    status                 text        NOT NULL CHECK (status IN ('PLANNED', 'REQUESTED', 'APPROVED', 'REFUSED', 'DONE', 'CANCELLED')),
    purpose                text        CHECK (length(purpose) <= 2000),
    approval_requested_on  date,
    approval_requested_by  text        CHECK (length(approval_requested_by) <= 300),
    approval_decision      text        CHECK (approval_decision IN ('GRANTED', 'REFUSED')),
    approval_decided_on    date        CHECK (approval_decided_on >= approval_requested_on),
    approval_decided_by    text        CHECK (length(approval_decided_by) <= 300),
    approval_reason        text        CHECK (length(approval_reason) <= 2000),
    detainees_interviewed  integer     NOT NULL DEFAULT 0 CHECK (detainees_interviewed >= 0),
    staff_interviewed      integer     NOT NULL DEFAULT 0 CHECK (staff_interviewed >= 0),
    others_interviewed     integer     NOT NULL DEFAULT 0 CHECK (others_interviewed >= 0),
    report_published_on    date,
    report_reference       text        CHECK (length(report_reference) <= 1000),
    report_public          boolean     NOT NULL DEFAULT false,
    created_by             bigint      NOT NULL REFERENCES app_user (id),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK (approval_decision IS NULL OR approval_requested_on IS NOT NULL),
    CHECK (NOT report_public OR report_published_on IS NOT NULL)
);
-- The organisation's visits, newest first (keyset on id); by place; the figures read by organisation and year.
CREATE INDEX visit_organisation ON visit (organisation_id, id DESC);
CREATE INDEX visit_place ON visit (place_id, id DESC);
CREATE INDEX visit_public ON visit (id) WHERE report_public;

-- Team members: a user of the organisation, or an outside member whose name is stored encrypted
-- (FieldEncryption bound to visit_team_member.name:<id>).
CREATE TABLE visit_team_member (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visit_id     bigint NOT NULL REFERENCES visit (id),
    user_id      bigint REFERENCES app_user (id),
    outside_name bytea,
    CHECK ((user_id IS NULL) <> (outside_name IS NULL)),
    UNIQUE (visit_id, user_id)
);

CREATE TABLE visit_obstruction (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visit_id    bigint      NOT NULL REFERENCES visit (id),
    occurred_on date        NOT NULL,
    kind        text        NOT NULL,
    description text        CHECK (length(description) <= 4000),
    created_by  bigint      NOT NULL REFERENCES app_user (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_obstruction_visit ON visit_obstruction (visit_id);

-- People interviewed whose identity the monitors chose to record: a documentation person (encrypted there).
CREATE TABLE visit_interviewee (
    visit_id  bigint NOT NULL REFERENCES visit (id),
    person_id bigint NOT NULL REFERENCES person (id),
    PRIMARY KEY (visit_id, person_id)
);
CREATE INDEX visit_interviewee_person ON visit_interviewee (person_id);

CREATE TABLE visit_finding (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visit_id   bigint      NOT NULL REFERENCES visit (id),
    theme      text        NOT NULL,
    text       text        NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    created_by bigint      NOT NULL REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_finding_visit ON visit_finding (visit_id, id);

-- Allegations (documentation events) a finding led to; each is shown only to those who may read the case.
CREATE TABLE visit_finding_allegation (
    finding_id bigint NOT NULL REFERENCES visit_finding (id),
    event_id   bigint NOT NULL REFERENCES event (id),
    PRIMARY KEY (finding_id, event_id)
);
CREATE INDEX visit_finding_allegation_event ON visit_finding_allegation (event_id);

CREATE TABLE monitors_recommendation (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    visit_id        bigint      REFERENCES visit (id),
    repeats_id      bigint      REFERENCES monitors_recommendation (id),
    authority       text        NOT NULL CHECK (length(authority) BETWEEN 1 AND 300),
    text            text        NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    made_on         date        NOT NULL,
    response_due_on date        CHECK (response_due_on >= made_on),
    status          text        NOT NULL CHECK (status IN ('NO_RESPONSE', 'IMPLEMENTED', 'PARTLY_IMPLEMENTED', 'NOT_IMPLEMENTED', 'REJECTED')),
    published       boolean     NOT NULL DEFAULT false,
    created_by      bigint      NOT NULL REFERENCES app_user (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (repeats_id <> id)
);
CREATE INDEX monitors_recommendation_organisation ON monitors_recommendation (organisation_id, id DESC);
CREATE INDEX monitors_recommendation_visit ON monitors_recommendation (visit_id);
CREATE INDEX monitors_recommendation_repeats ON monitors_recommendation (repeats_id);
-- Overdue responses: due date passed and nothing received, oldest due first.
CREATE INDEX monitors_recommendation_due ON monitors_recommendation (organisation_id, response_due_on, id)
    WHERE response_due_on IS NOT NULL;

CREATE TABLE authority_response (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recommendation_id bigint      NOT NULL REFERENCES monitors_recommendation (id),
    received_on       date        NOT NULL,
    text              text        NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    created_by        bigint      NOT NULL REFERENCES app_user (id),
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX authority_response_recommendation ON authority_response (recommendation_id, received_on, id);
