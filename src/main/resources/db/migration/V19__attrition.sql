-- What the attrition funnel counts, one narrow row per allegation that has a justice pipeline or a detention
-- episode, recomputed by org.aigaq.justice.AttritionSummaries whenever its steps, its episodes or the case's
-- searchable facts change. The funnel reads this table (and the tags that filter it) instead of replaying millions
-- of steps; the row is kept narrow because the funnel scans it whole.
CREATE TABLE justice_attrition (
    event_id         bigint   PRIMARY KEY REFERENCES event (id),
    organisation_id  bigint   NOT NULL,
    sharing          text     NOT NULL,
    -- the first day the case reached each step of the funnel; a conviction only while it stands
    complaint_on     date,
    inquiry_on       date,
    case_opened_on   date,
    court_on         date,
    convicted_on     date,
    compensated_on   date,
    -- what stopped the case where it stands (REFUSAL, CASE_CLOSED, ACQUITTAL, EXEMPTION:amnesty…) and when
    ended_by         text,
    ended_on         date,
    -- the impunity rules that flag the case, bit i for ImpunityRules.ALL[i] (but the UN follow-up: see un_due)
    flags            integer  NOT NULL DEFAULT 0,
    -- the earliest follow-up deadline of a UN decision finding a violation and not implemented: whether it has
    -- passed depends on the day the figures are taken
    un_due           date,
    -- the safeguard rules violated in the case's detention episodes, bit i for SafeguardRules.ALL[i]
    violations       integer  NOT NULL DEFAULT 0,
    -- the version of the computation and of the shipped catalogue that wrote the row; others are recomputed at start
    version          integer  NOT NULL
);
CREATE INDEX justice_attrition_complaint ON justice_attrition (complaint_on);

-- What a funnel can be narrowed to: the case's regions ('rg:'), places ('pl:', of its acts and its detention
-- episodes) and the agencies of its perpetrators ('ag:'), as in the search rows, and the articles it was qualified
-- under ('ar:2014:146').
CREATE TABLE justice_attrition_tag (
    tag      text   NOT NULL,
    event_id bigint NOT NULL REFERENCES justice_attrition (event_id) ON DELETE CASCADE,
    PRIMARY KEY (tag, event_id)
);
CREATE INDEX justice_attrition_tag_event ON justice_attrition_tag (event_id);
