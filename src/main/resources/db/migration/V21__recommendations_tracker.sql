-- Recommendations to the state from UN and other bodies (recommendations.Recommendations): each belongs to the
-- organisation that recorded it and is shared as cases are. The state's claims and the coalition's assessments are
-- kept over time, never overwritten; an assessment's evidence names cases (event ids) and other sources by text.
CREATE TABLE recommendation (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id    bigint      NOT NULL REFERENCES organisation (id),
    sharing            text        NOT NULL DEFAULT 'ORGANISATION' CHECK (sharing IN ('ORGANISATION', 'COALITION', 'PUBLIC')),
    source             text        NOT NULL CHECK (source IN ('CAT', 'CAT_FOLLOW_UP', 'SPT', 'NPM', 'UPR', 'HRC', 'SPECIAL_PROCEDURE')),
    document_symbol    text        NOT NULL CHECK (length(document_symbol) <= 100),
    document_date      date        NOT NULL,
    paragraph          text        CHECK (length(paragraph) <= 20),
    sub_paragraph      text        CHECK (length(sub_paragraph) <= 20),
    text               text        NOT NULL CHECK (length(text) <= 10000),
    themes             text[]      NOT NULL DEFAULT '{}',
    authority          text        CHECK (length(authority) <= 300),
    -- the Universal Periodic Review only
    recommending_state text        CHECK (length(recommending_state) <= 100),
    state_response     text        CHECK (state_response IN ('SUPPORTED', 'NOTED')),
    -- follow-up items (CAT follow-up above all): when the state's answer is due, and who in the coalition watches it
    due_date           date,
    responsible_user_id bigint     REFERENCES app_user (id),
    -- the same point made earlier: "repeated since"
    repeats_id         bigint      REFERENCES recommendation (id),
    created_by         bigint      NOT NULL REFERENCES app_user (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_organisation ON recommendation (organisation_id, id DESC);
CREATE INDEX recommendation_shared ON recommendation (sharing, id DESC) WHERE sharing <> 'ORGANISATION';
CREATE INDEX recommendation_due ON recommendation (due_date) WHERE due_date IS NOT NULL;
CREATE INDEX recommendation_responsible ON recommendation (responsible_user_id, due_date) WHERE responsible_user_id IS NOT NULL;

-- What the state says it has done, with the document that says it.
CREATE TABLE recommendation_claim (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recommendation_id bigint      NOT NULL REFERENCES recommendation (id),
    claimed_on        date        NOT NULL,
    claim             text        NOT NULL CHECK (length(claim) <= 10000),
    document          text        CHECK (length(document) <= 500),
    created_by        bigint      NOT NULL REFERENCES app_user (id),
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_claim_of ON recommendation_claim (recommendation_id, claimed_on);

-- The coalition's assessment in the Committee's follow-up wording, with its A–E letter where used.
CREATE TABLE recommendation_assessment (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recommendation_id bigint      NOT NULL REFERENCES recommendation (id),
    assessed_on       date        NOT NULL,
    grade             text        NOT NULL CHECK (grade IN ('A', 'B1', 'B2', 'C1', 'C2', 'D', 'E')),
    reasoning         text        CHECK (length(reasoning) <= 10000),
    -- cases (event ids) supporting the assessment; justice flags, statistics and visits named in evidence_notes
    case_ids          bigint[]    NOT NULL DEFAULT '{}',
    evidence_notes    text        CHECK (length(evidence_notes) <= 5000),
    created_by        bigint      NOT NULL REFERENCES app_user (id),
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_assessment_of ON recommendation_assessment (recommendation_id, assessed_on);

-- A review of the recommendations by an organisation: "what changed since" starts from the last one by default.
CREATE TABLE recommendation_review (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    reviewed_on     date        NOT NULL,
    created_by      bigint      NOT NULL REFERENCES app_user (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_review_organisation ON recommendation_review (organisation_id, reviewed_on DESC);
