-- Non-refoulement cases (refoulement.RefoulementCases): asylum seekers and people facing extradition or deportation.
-- The person is a documentation person (person.id only: the identity stays encrypted in person). A case belongs to the
-- organisation that recorded it and is shared as cases are. The outcome follows the latest deciding event of the
-- timeline (removal, release, protection) and is kept on the case so that lists and figures filter on it.
CREATE TABLE refoulement_case (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id    bigint      NOT NULL REFERENCES organisation (id),
    sharing            text        NOT NULL DEFAULT 'ORGANISATION' CHECK (sharing IN ('ORGANISATION', 'COALITION', 'PUBLIC')),
    person_id          bigint      NOT NULL REFERENCES person (id),
    nationality        text        NOT NULL CHECK (length(nationality) <= 100),
    requesting_state   text        CHECK (length(requesting_state) <= 100),
    legal_basis        text        NOT NULL CHECK (legal_basis IN ('EXTRADITION_REQUEST', 'REGIONAL_CONVENTION', 'DEPORTATION', 'OTHER')),
    convention         text        CHECK (length(convention) <= 200),
    risk_assessment    text        CHECK (length(risk_assessment) <= 5000),
    risk_evidence      text        CHECK (length(risk_evidence) <= 5000),
    outcome            text        NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING', 'EXTRADITED', 'DEPORTED', 'RELEASED', 'PROTECTION_GRANTED')),
    created_by         bigint      NOT NULL REFERENCES app_user (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         bigint      REFERENCES app_user (id),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refoulement_case_organisation ON refoulement_case (organisation_id, id DESC);
CREATE INDEX refoulement_case_shared ON refoulement_case (sharing, id DESC) WHERE sharing <> 'ORGANISATION';

-- The dated timeline of a case. Court stages name the court, instance and decision; interim measures the UN committee
-- and whether they were respected (null: not yet known); a removal whether it was an extradition or a deportation.
CREATE TABLE refoulement_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id       bigint      NOT NULL REFERENCES refoulement_case (id),
    kind          text        NOT NULL CHECK (kind IN ('ASYLUM_APPLICATION', 'ASYLUM_DECISION', 'EXTRADITION_DECISION',
                                  'COURT_STAGE', 'INTERIM_MEASURES', 'REMOVAL', 'RELEASE', 'PROTECTION_GRANTED', 'FOLLOW_UP')),
    event_date    date        NOT NULL,
    court         text        CHECK (length(court) <= 200),
    instance      text        CHECK (length(instance) <= 100),
    decision      text        CHECK (length(decision) <= 2000),
    committee     text        CHECK (committee IN ('CAT', 'HRC')),
    respected     boolean,
    removal       text        CHECK (removal IN ('EXTRADITED', 'DEPORTED')),
    note          text        CHECK (length(note) <= 5000),
    created_by    bigint      NOT NULL REFERENCES app_user (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'INTERIM_MEASURES') = (committee IS NOT NULL)),
    CHECK (kind = 'INTERIM_MEASURES' OR respected IS NULL),
    CHECK ((kind = 'REMOVAL') = (removal IS NOT NULL))
);
CREATE INDEX refoulement_event_case ON refoulement_event (case_id, event_date, id);
