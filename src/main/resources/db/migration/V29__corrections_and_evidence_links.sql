-- Issue 8's gaps: corrections of recommendations, claims and assessments (an assessment's earlier version is kept),
-- structured evidence behind an assessment, corrections of trial hearings and court allegations, and corrections and
-- removals (with a reason) of non-refoulement timeline events. Every correction is also in the audit trail, before/after.

ALTER TABLE recommendation_claim ADD COLUMN updated_at timestamptz;
ALTER TABLE recommendation_assessment ADD COLUMN updated_at timestamptz;

-- An assessment as it was before a correction: the grade and wording replaced stay visible on the recommendation.
CREATE TABLE recommendation_assessment_correction (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id  bigint      NOT NULL REFERENCES recommendation_assessment (id),
    assessed_on    date        NOT NULL,
    grade          text        NOT NULL CHECK (grade IN ('A', 'B1', 'B2', 'C1', 'C2', 'D', 'E')),
    reasoning      text,
    -- the rest of the earlier version (case ids, notes, evidence links), as the audit trail summarises it
    earlier        jsonb       NOT NULL DEFAULT '{}',
    corrected_by   bigint      NOT NULL REFERENCES app_user (id),
    corrected_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_assessment_correction_of ON recommendation_assessment_correction (assessment_id, id);

-- The evidence behind an assessment beyond cases: an impunity flag the justice rules raise in a case, an official
-- statistics figure or indicator, a monitoring visit. Shown only to readers who may see the record linked.
CREATE TABLE recommendation_evidence (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id bigint  NOT NULL REFERENCES recommendation_assessment (id),
    kind          text    NOT NULL CHECK (kind IN ('JUSTICE_FLAG', 'STATISTIC', 'VISIT')),
    event_id      bigint  REFERENCES event (id),
    flag_rule     text    CHECK (length(flag_rule) <= 100),
    jurisdiction  text    CHECK (length(jurisdiction) <= 20),
    year          integer,
    article       text    CHECK (length(article) <= 40),
    agency        text    CHECK (length(agency) <= 100),
    measure       text    CHECK (length(measure) <= 60),
    visit_id      bigint  REFERENCES visit (id),
    CHECK ((kind = 'JUSTICE_FLAG') = (event_id IS NOT NULL AND flag_rule IS NOT NULL)),
    CHECK ((kind = 'STATISTIC') = (jurisdiction IS NOT NULL AND year IS NOT NULL AND article IS NOT NULL AND measure IS NOT NULL)),
    CHECK ((kind = 'VISIT') = (visit_id IS NOT NULL))
);
CREATE INDEX recommendation_evidence_of ON recommendation_evidence (assessment_id, id);

ALTER TABLE trial_hearing ADD COLUMN updated_at timestamptz;
ALTER TABLE trial_allegation ADD COLUMN updated_at timestamptz;

-- A removed timeline event is kept (with who removed it, when and why) but no longer counts.
ALTER TABLE refoulement_event ADD COLUMN updated_at timestamptz;
ALTER TABLE refoulement_event ADD COLUMN removed_at timestamptz;
ALTER TABLE refoulement_event ADD COLUMN removed_by bigint REFERENCES app_user (id);
ALTER TABLE refoulement_event ADD COLUMN removal_reason text CHECK (length(removal_reason) <= 2000);
ALTER TABLE refoulement_event ADD CHECK ((removed_at IS NULL) = (removal_reason IS NULL));
