-- Threats to human-rights defenders (defenders.DefenderIncidents). Each incident belongs to the organisation that
-- recorded it and is shared as cases are (ORGANISATION, COALITION, PUBLIC). The target is either a documentation person
-- (person.id only: the identity stays encrypted in person) or a description of a group. Region, target group and
-- threat types are term codes (lists region, defender-group, defender-threat).
CREATE TABLE defender_incident (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id       bigint      NOT NULL REFERENCES organisation (id),
    sharing               text        NOT NULL DEFAULT 'ORGANISATION' CHECK (sharing IN ('ORGANISATION', 'COALITION', 'PUBLIC')),
    incident_date         date        NOT NULL,
    incident_precision    text        NOT NULL CHECK (incident_precision IN ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED')),
    city                  text        CHECK (length(city) <= 200),
    region                text,
    person_id             bigint      REFERENCES person (id),
    group_description     text        CHECK (length(group_description) <= 2000),
    target_group          text        NOT NULL,
    threat_types          text[]      NOT NULL CHECK (cardinality(threat_types) > 0),
    perpetrator_identified boolean    NOT NULL DEFAULT false,
    perpetrator_kind      text        NOT NULL DEFAULT 'UNKNOWN' CHECK (perpetrator_kind IN ('STATE', 'NON_STATE', 'UNKNOWN')),
    perpetrator_description text      CHECK (length(perpetrator_description) <= 2000),
    linked_event_id       bigint      REFERENCES event (id),
    -- cooperation with the UN (communications, reports, visits): the incident is a reprisal
    un_cooperation        boolean     NOT NULL DEFAULT false,
    work_description      text        CHECK (length(work_description) <= 2000),
    complaint_filed       boolean     NOT NULL DEFAULT false,
    investigation_opened  boolean     NOT NULL DEFAULT false,
    protection_measures   boolean     NOT NULL DEFAULT false,
    response              text        CHECK (length(response) <= 5000),
    response_outcome      text        CHECK (length(response_outcome) <= 2000),
    created_by            bigint      NOT NULL REFERENCES app_user (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_by            bigint      REFERENCES app_user (id),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    -- one target: a person or a group description, not both, not neither
    CHECK ((person_id IS NULL) <> (group_description IS NULL))
);
CREATE INDEX defender_incident_organisation ON defender_incident (organisation_id, id DESC);
CREATE INDEX defender_incident_shared ON defender_incident (sharing, id DESC) WHERE sharing <> 'ORGANISATION';
CREATE INDEX defender_incident_date ON defender_incident (incident_date);
CREATE INDEX defender_incident_person ON defender_incident (person_id) WHERE person_id IS NOT NULL;
