-- The register of deaths and self-harm in custody (detention.DeathsInCustody, detention.SelfHarmIncidents). Each record
-- belongs to the organisation that recorded it and is shared as cases are (ORGANISATION, COALITION, PUBLIC). A person
-- is referred to by person.id only: the identity stays encrypted in person (documentation.People). Places are the
-- registry's (place.id). Vocabulary values are term codes.

CREATE TABLE death_in_custody (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id       bigint      NOT NULL REFERENCES organisation (id),
    sharing               text        NOT NULL DEFAULT 'ORGANISATION' CHECK (sharing IN ('ORGANISATION', 'COALITION', 'PUBLIC')),
    person_id             bigint      REFERENCES person (id),
    place_id              bigint      NOT NULL REFERENCES place (id),
    death_date            date,
    death_precision       text        NOT NULL CHECK (death_precision IN ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED', 'UNKNOWN')),
    official_cause        text,
    manner                text,
    official_account      text        CHECK (length(official_account) <= 10000),
    alleged_cause         text,
    family_account        text        CHECK (length(family_account) <= 10000),
    autopsy               text,
    autopsy_findings      text        CHECK (length(autopsy_findings) <= 10000),
    certificate_issued    boolean,
    certificate_cause     text        CHECK (length(certificate_cause) <= 500),
    family_informed       boolean,
    family_informed_on    date,
    body_returned         boolean,
    body_returned_on      date,
    body_condition        text        CHECK (length(body_condition) <= 2000),
    investigated_by       text,
    investigation_article text        CHECK (length(investigation_article) <= 100),
    investigation_outcome text,
    investigation_notes   text        CHECK (length(investigation_notes) <= 10000),
    created_by            bigint      NOT NULL REFERENCES app_user (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
-- The register's list (newest first, keyset on id) within what a user may read; figures by year, cause and place.
CREATE INDEX death_in_custody_organisation ON death_in_custody (organisation_id, id DESC);
CREATE INDEX death_in_custody_shared ON death_in_custody (sharing, id DESC) WHERE sharing <> 'ORGANISATION';
CREATE INDEX death_in_custody_place ON death_in_custody (place_id, death_date);
CREATE INDEX death_in_custody_cause ON death_in_custody (official_cause, death_date);
CREATE INDEX death_in_custody_person ON death_in_custody (person_id) WHERE person_id IS NOT NULL;

-- Earlier complaints or allegations of the same person (documentation events) that a death is linked to.
CREATE TABLE death_in_custody_event (
    death_id bigint NOT NULL REFERENCES death_in_custody (id),
    event_id bigint NOT NULL REFERENCES event (id),
    PRIMARY KEY (death_id, event_id)
);
CREATE INDEX death_in_custody_event_event ON death_in_custody_event (event_id);

CREATE TABLE self_harm_incident (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    sharing         text        NOT NULL DEFAULT 'ORGANISATION' CHECK (sharing IN ('ORGANISATION', 'COALITION', 'PUBLIC')),
    place_id        bigint      NOT NULL REFERENCES place (id),
    person_id       bigint      REFERENCES person (id),
    incident_date   date,
    incident_precision text     NOT NULL CHECK (incident_precision IN ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED', 'UNKNOWN')),
    kind            text        NOT NULL,
    group_protest   boolean     NOT NULL DEFAULT false,
    -- people who harmed themselves: 1 for an individual act, the number taking part in a group protest
    people          integer     NOT NULL DEFAULT 1 CHECK (people > 0 AND (group_protest OR people = 1)),
    reason          text        CHECK (length(reason) <= 5000),
    response        text        CHECK (length(response) <= 5000),
    created_by      bigint      NOT NULL REFERENCES app_user (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX self_harm_incident_organisation ON self_harm_incident (organisation_id, id DESC);
CREATE INDEX self_harm_incident_shared ON self_harm_incident (sharing, id DESC) WHERE sharing <> 'ORGANISATION';
CREATE INDEX self_harm_incident_place ON self_harm_incident (place_id, incident_date);
CREATE INDEX self_harm_incident_kind ON self_harm_incident (kind, incident_date);

-- Imports of deaths or self-harm incidents from spreadsheets: one row per uploaded file, so that every step (mapping
-- of columns and values, dry run, run) survives a reload. The file waits encrypted under $AIGAQ_HOME/imports/.
CREATE TABLE custody_import (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('DEATHS', 'SELF_HARM')),
    user_id           bigint      NOT NULL REFERENCES app_user (id),
    organisation_id   bigint      NOT NULL REFERENCES organisation (id),
    file_path         text,
    file_size         bigint      NOT NULL CHECK (file_size >= 0),
    sha256            text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    encoding          text        NOT NULL CHECK (encoding IN ('UTF_8', 'WINDOWS_1251', 'MAC_ROMAN')),
    separator         text        NOT NULL CHECK (separator IN ('COMMA', 'SEMICOLON', 'TAB')),
    columns           jsonb       NOT NULL DEFAULT '[]',
    -- field -> column name
    mapping           jsonb       NOT NULL DEFAULT '{}',
    -- field -> { value as written -> term code }, as proposed and then confirmed or corrected by the user
    value_mapping     jsonb       NOT NULL DEFAULT '{}',
    status            text        NOT NULL CHECK (status IN ('UPLOADED', 'CHECKED', 'REFUSED', 'IMPORTED')),
    rows_read         integer,
    records           integer,
    problem_count     integer,
    problems          jsonb       NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX custody_import_user ON custody_import (user_id, id DESC);
