-- What the attrition funnel counts, one row per allegation that has a justice pipeline or a detention episode,
-- recomputed by org.aigaq.justice.AttritionSummaries whenever its steps, its episodes or the case's searchable facts
-- change. The funnel then reads this one narrow table, whatever the filters, instead of replaying millions of steps.
CREATE TABLE justice_attrition (
    event_id         bigint   PRIMARY KEY REFERENCES event (id),
    organisation_id  bigint   NOT NULL,
    sharing          text     NOT NULL,
    -- the case's region, place, type of place and agency facets ('rg:…', 'pl:…', 'pt:…', 'ag:…'), as in event_search,
    -- plus the places of its detention episodes
    facets           text[]   NOT NULL DEFAULT '{}',
    -- the articles the case was opened, charged or sent to court under, as 'version:article'
    articles         text[]   NOT NULL DEFAULT '{}',
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
    -- the impunity rules that flag the case (but the UN follow-up, which depends on the day: see un_due)
    flags            text[]   NOT NULL DEFAULT '{}',
    -- the earliest follow-up deadline of a UN decision finding a violation and not implemented
    un_due           date,
    -- the safeguard rules violated in the case's detention episodes
    violations       text[]   NOT NULL DEFAULT '{}',
    -- the version of the computation that wrote the row; rows of an older one are recomputed at start
    version          integer  NOT NULL
);
CREATE INDEX justice_attrition_complaint ON justice_attrition (complaint_on);
