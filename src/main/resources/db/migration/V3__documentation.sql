-- Documentation of allegations, after the HURIDOCS Events Standard Formats: events, acts (one victim each), people,
-- involvements of perpetrators, information (sources), interventions, chains of events; places; case access.
-- Values from controlled vocabularies are stored as term codes of the named list (see vocabulary_term).

CREATE TABLE place (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    official_code text        CHECK (length(official_code) <= 40),
    location_type text        NOT NULL,
    region        text        CHECK (length(region) <= 100),
    town          text        CHECK (length(town) <= 100),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX place_name ON place (lower(name));
CREATE INDEX place_code ON place (upper(official_code));

-- Yearly counters for readable record numbers (E-2026-0001, P-2026-0001).
CREATE TABLE record_counter (
    kind text    NOT NULL,
    year integer NOT NULL,
    last integer NOT NULL,
    PRIMARY KEY (kind, year)
);

CREATE TABLE event (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_number        text        NOT NULL UNIQUE,
    organisation_id      bigint      NOT NULL REFERENCES organisation (id),
    sharing              text        NOT NULL CHECK (sharing IN ('ORGANISATION', 'COALITION', 'PUBLIC')),
    title                text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description          text        CHECK (length(description) <= 20000),
    initial_date         date,
    initial_precision    text        NOT NULL CHECK (initial_precision IN ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED', 'UNKNOWN')),
    final_date           date,
    final_precision      text        CHECK (final_precision IN ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED', 'UNKNOWN')),
    place_id             bigint      REFERENCES place (id),
    location_type        text,
    region               text        CHECK (length(region) <= 100),
    location_description text        CHECK (length(location_description) <= 1000),
    violation_status     text,
    monitoring_status    text,
    date_received        date,
    created_by           bigint      REFERENCES app_user (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (final_date IS NULL OR initial_date IS NULL OR final_date >= initial_date)
);
CREATE INDEX event_organisation ON event (organisation_id, id DESC);
CREATE INDEX event_sharing ON event (sharing, id DESC);

CREATE TABLE person (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pseudonym       text        NOT NULL UNIQUE,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    -- names, other names, contacts, address and date of birth: AES-256-GCM, bound to person.identity:<id>
    identity        bytea       NOT NULL,
    is_group        boolean     NOT NULL DEFAULT false,
    group_size      integer     CHECK (group_size > 0),
    sex             text,
    citizenship     text        CHECK (length(citizenship) <= 100),
    characteristics text[]      NOT NULL DEFAULT '{}',
    deceased        boolean     NOT NULL DEFAULT false,
    date_of_death   date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_organisation ON person (organisation_id, id DESC);

CREATE TABLE act (
    id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id                   bigint      NOT NULL REFERENCES event (id),
    victim_id                  bigint      NOT NULL REFERENCES person (id),
    act_type                   text        NOT NULL,
    initial_date               date,
    initial_precision          text        NOT NULL CHECK (initial_precision IN ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED', 'UNKNOWN')),
    final_date                 date,
    final_precision            text        CHECK (final_precision IN ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED', 'UNKNOWN')),
    place_id                   bigint      REFERENCES place (id),
    location_type              text,
    region                     text        CHECK (length(region) <= 100),
    location_description       text        CHECK (length(location_description) <= 1000),
    stated_reason              text        CHECK (length(stated_reason) <= 2000),
    methods                    text[]      NOT NULL DEFAULT '{}',
    physical_consequences      text        CHECK (length(physical_consequences) <= 5000),
    psychological_consequences text        CHECK (length(psychological_consequences) <= 5000),
    age_at_time                integer     CHECK (age_at_time BETWEEN 0 AND 130),
    status_at_end              text        CHECK (length(status_at_end) <= 200),
    statements_signed          text,
    medical_attention          text,
    torture_intent             text[]      NOT NULL DEFAULT '{}',
    detention_type             text,
    legal_counsel              text,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX act_event ON act (event_id);
CREATE INDEX act_victim ON act (victim_id);

CREATE TABLE involvement (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    act_id           bigint      NOT NULL REFERENCES act (id),
    perpetrator_id   bigint      REFERENCES person (id),
    perpetrator_type text,
    agency           text,
    unit             text        CHECK (length(unit) <= 200),
    rank_role        text        CHECK (length(rank_role) <= 200),
    perpetrator_name text        CHECK (length(perpetrator_name) <= 300),
    degree           text        NOT NULL,
    latest_status    text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX involvement_act ON involvement (act_id);

-- People in an event other than through an act: witnesses, relatives, lawyers, sources, others.
CREATE TABLE event_person (
    event_id  bigint NOT NULL REFERENCES event (id),
    person_id bigint NOT NULL REFERENCES person (id),
    role      text   NOT NULL CHECK (role IN ('WITNESS', 'RELATIVE', 'LAWYER', 'SOURCE', 'OTHER')),
    note      text   CHECK (length(note) <= 1000),
    PRIMARY KEY (event_id, person_id, role)
);
CREATE INDEX event_person_person ON event_person (person_id);

CREATE TABLE information (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         bigint      NOT NULL REFERENCES event (id),
    source_person_id bigint      REFERENCES person (id),
    connection       text,
    source_type      text,
    reliability      text,
    date_received    date,
    summary          text        CHECK (length(summary) <= 20000),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX information_event ON information (event_id);

CREATE TABLE intervention (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id          bigint      NOT NULL REFERENCES event (id),
    intervention_type text        NOT NULL,
    intervening_party text        CHECK (length(intervening_party) <= 300),
    date              date,
    date_precision    text        NOT NULL CHECK (date_precision IN ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED', 'UNKNOWN')),
    parties_requested text        CHECK (length(parties_requested) <= 1000),
    response          text        CHECK (length(response) <= 5000),
    impact            text        CHECK (length(impact) <= 5000),
    status            text,
    priority          text        CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH')),
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intervention_event ON intervention (event_id);

-- Chain of events: how one event relates to another (follow-up, reprisal for, same perpetrator…).
CREATE TABLE event_link (
    from_event_id bigint NOT NULL REFERENCES event (id),
    to_event_id   bigint NOT NULL REFERENCES event (id),
    relationship  text   NOT NULL,
    note          text   CHECK (length(note) <= 1000),
    PRIMARY KEY (from_event_id, to_event_id, relationship),
    CHECK (from_event_id <> to_event_id)
);
CREATE INDEX event_link_to ON event_link (to_event_id);

-- A user of another organisation (typically a lawyer) given access to one case.
CREATE TABLE case_access (
    event_id   bigint      NOT NULL REFERENCES event (id),
    user_id    bigint      NOT NULL REFERENCES app_user (id),
    granted_by bigint      REFERENCES app_user (id),
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX case_access_user ON case_access (user_id);
