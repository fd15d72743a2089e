-- Medical documentation after the Istanbul Protocol (2022): examinations of a victim for an act, and their findings,
-- each graded on the Protocol's scale of consistency with the alleged ill-treatment.

CREATE TABLE medical_examination (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    act_id                  bigint      NOT NULL REFERENCES act (id),
    requested_on            date,
    requested_by            text        CHECK (length(requested_by) <= 300),
    refused                 boolean     NOT NULL DEFAULT false,
    refusal_reason          text        CHECK (length(refusal_reason) <= 2000),
    delayed                 boolean     NOT NULL DEFAULT false,
    delay_reason            text        CHECK (length(delay_reason) <= 2000),
    performed_on            date,
    examiner_type           text        CHECK (examiner_type IN ('OFFICIAL_FORENSIC', 'DETENTION_DOCTOR', 'INDEPENDENT', 'OTHER')),
    examiner_name           text        CHECK (length(examiner_name) <= 300),
    examiner_qualifications text        CHECK (length(examiner_qualifications) <= 1000),
    others_present          text        CHECK (length(others_present) <= 1000),
    overall_evaluation      text        CHECK (overall_evaluation IN ('NOT_CONSISTENT', 'CONSISTENT', 'HIGHLY_CONSISTENT', 'TYPICAL', 'DIAGNOSTIC')),
    interpretation          text        CHECK (length(interpretation) <= 20000),
    treatment               text        CHECK (length(treatment) <= 5000),
    referrals               text        CHECK (length(referrals) <= 5000),
    created_at              timestamptz NOT NULL DEFAULT now(),
    CHECK (performed_on IS NULL OR requested_on IS NULL OR performed_on >= requested_on),
    CHECK (NOT (refused AND performed_on IS NOT NULL))
);
CREATE INDEX medical_examination_act ON medical_examination (act_id);

CREATE TABLE medical_finding (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    examination_id bigint      NOT NULL REFERENCES medical_examination (id),
    kind           text        NOT NULL CHECK (kind IN ('PHYSICAL', 'PSYCHOLOGICAL')),
    body_location  text        CHECK (length(body_location) <= 300),
    description    text        NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    grade          text        NOT NULL CHECK (grade IN ('NOT_CONSISTENT', 'CONSISTENT', 'HIGHLY_CONSISTENT', 'TYPICAL', 'DIAGNOSTIC')),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX medical_finding_examination ON medical_finding (examination_id);
