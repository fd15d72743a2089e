-- Pre-aggregated cells of the attrition funnel (issue 5, the benchmark: a funnel over a million allegations in
-- 300 ms). A funnel narrowed by at most one tag sums cells instead of scanning justice_attrition (as of a day before
-- the horizon, correcting the cases changed since); two tags still scan it (org.aigaq.justice.AttritionFunnel). The cells are kept equal to the summaries by the triggers below, in the
-- statement that changes a summary or its tags, so any writer (the recomputation of a step, a withdrawal, an episode, a
-- documentation change, a repair by hand) keeps them exact; the upserts add a signed count, so concurrent writers
-- lose no update.

-- How many summaries (complaints) fall in each cell. tag '' is every complaint, else one of the case's tags
-- (justice_attrition_tag); the other columns are the summary's as of a day on or after the horizon: the furthest
-- milestone of complaint (0) to conviction (4), what ended the case or PENDING, whether compensation was awarded, the
-- impunity flag bits, the UN follow-up deadline (infinity when none: whether it has passed depends on the day the
-- figures are taken) and the safeguard violation bits. Cells whose count went back to 0 stay (they add nothing).
CREATE TABLE justice_attrition_cell (
    tag             text     NOT NULL,
    organisation_id bigint   NOT NULL,
    sharing         text     NOT NULL,
    year            smallint NOT NULL,
    furthest        smallint NOT NULL,
    reason          text     NOT NULL,
    compensated     boolean  NOT NULL,
    flags           integer  NOT NULL,
    un_due          date     NOT NULL,
    violations      integer  NOT NULL,
    cases           bigint   NOT NULL,
    PRIMARY KEY (tag, organisation_id, sharing, year, furthest, reason, compensated, flags, un_due, violations)
);

-- The days between consecutive milestones, exactly: how many complaints of a (tag, organisation, sharing, year) took
-- `days` days from milestone `pair` to milestone `pair + 1` (0: complaint → inquiry, 1: inquiry → criminal case,
-- 2: criminal case → court, 3: court → conviction), counted over complaints that were examined, as the scan counts.
CREATE TABLE justice_attrition_days (
    tag             text     NOT NULL,
    organisation_id bigint   NOT NULL,
    sharing         text     NOT NULL,
    year            smallint NOT NULL,
    pair            smallint NOT NULL,
    days            integer  NOT NULL,
    cases           bigint   NOT NULL,
    PRIMARY KEY (tag, organisation_id, sharing, year, pair, days)
);

-- The latest day any summary holds (milestones and end), never moved back: the cells answer a funnel as of this day or
-- later, when every date compares as passed.
CREATE TABLE justice_attrition_horizon (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    latest   date    NOT NULL
);

-- A funnel as of an earlier day takes the cases changed after it out of the cells and counts them as they stood.
CREATE INDEX justice_attrition_latest ON justice_attrition
    ((greatest(complaint_on, inquiry_on, case_opened_on, court_on, convicted_on, compensated_on, ended_on)));

-- One summary with one of its tags ('' for all), counted with sign +1 or -1.
CREATE TYPE justice_attrition_change AS (
    sign integer, organisation_id bigint, sharing text, complaint_on date, inquiry_on date, case_opened_on date,
    court_on date, convicted_on date, compensated_on date, ended_by text, ended_on date, flags integer, un_due date,
    violations integer, tag text);

-- Adds the changes to the cells, the days and the horizon. Keys are aggregated first (one upsert may not touch a row
-- twice) and written in key order, so that two writers lock the rows they share in the same order.
CREATE FUNCTION justice_attrition_apply(changes justice_attrition_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO justice_attrition_cell AS c (tag, organisation_id, sharing, year, furthest, reason, compensated, flags,
                                             un_due, violations, cases)
    SELECT tag, organisation_id, sharing, extract(year FROM complaint_on)::smallint,
           (CASE WHEN convicted_on IS NOT NULL THEN 4 WHEN court_on IS NOT NULL THEN 3 WHEN case_opened_on IS NOT NULL THEN 2
                 WHEN inquiry_on IS NOT NULL THEN 1 ELSE 0 END)::smallint,
           CASE WHEN ended_on IS NOT NULL THEN coalesce(ended_by, 'PENDING') ELSE 'PENDING' END,
           compensated_on IS NOT NULL, flags, coalesce(un_due, 'infinity'), violations, sum(sign)
    FROM unnest(changes) WHERE complaint_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (tag, organisation_id, sharing, year, furthest, reason, compensated, flags, un_due, violations)
    DO UPDATE SET cases = c.cases + excluded.cases;

    INSERT INTO justice_attrition_days AS c (tag, organisation_id, sharing, year, pair, days, cases)
    SELECT ch.tag, ch.organisation_id, ch.sharing, extract(year FROM ch.complaint_on)::smallint, p.pair, p.days, sum(ch.sign)
    FROM unnest(changes) ch
    CROSS JOIN LATERAL (VALUES (0::smallint, ch.inquiry_on - ch.complaint_on), (1::smallint, ch.case_opened_on - ch.inquiry_on),
                               (2::smallint, ch.court_on - ch.case_opened_on), (3::smallint, ch.convicted_on - ch.court_on)) p (pair, days)
    WHERE ch.complaint_on IS NOT NULL AND ch.inquiry_on IS NOT NULL AND p.days IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(ch.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (tag, organisation_id, sharing, year, pair, days) DO UPDATE SET cases = c.cases + excluded.cases;

    UPDATE justice_attrition_horizon h SET latest = x.latest
    FROM (SELECT max(greatest(complaint_on, inquiry_on, case_opened_on, court_on, convicted_on, compensated_on, ended_on)) AS latest
          FROM unnest(changes) WHERE sign > 0) x
    WHERE x.latest > h.latest;
END $$;

CREATE FUNCTION justice_attrition_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM justice_attrition_apply(ARRAY(
        SELECT ROW(1, n.organisation_id, n.sharing, n.complaint_on, n.inquiry_on, n.case_opened_on, n.court_on, n.convicted_on,
                   n.compensated_on, n.ended_by, n.ended_on, n.flags, n.un_due, n.violations, g.tag)::justice_attrition_change
        FROM new_rows n
        CROSS JOIN LATERAL (SELECT '' AS tag UNION ALL SELECT t.tag FROM justice_attrition_tag t WHERE t.event_id = n.event_id) g));
    RETURN NULL;
END $$;

CREATE FUNCTION justice_attrition_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM justice_attrition_apply(ARRAY(
        SELECT ROW(-1, o.organisation_id, o.sharing, o.complaint_on, o.inquiry_on, o.case_opened_on, o.court_on, o.convicted_on,
                   o.compensated_on, o.ended_by, o.ended_on, o.flags, o.un_due, o.violations, g.tag)::justice_attrition_change
        FROM old_rows o
        CROSS JOIN LATERAL (SELECT '' AS tag UNION ALL SELECT t.tag FROM justice_attrition_tag t WHERE t.event_id = o.event_id) g
        UNION ALL
        SELECT ROW(1, n.organisation_id, n.sharing, n.complaint_on, n.inquiry_on, n.case_opened_on, n.court_on, n.convicted_on,
                   n.compensated_on, n.ended_by, n.ended_on, n.flags, n.un_due, n.violations, g.tag)::justice_attrition_change
        FROM new_rows n
        CROSS JOIN LATERAL (SELECT '' AS tag UNION ALL SELECT t.tag FROM justice_attrition_tag t WHERE t.event_id = n.event_id) g));
    RETURN NULL;
END $$;

-- Before the row goes (its tags still there); the tags' own trigger, fired by the cascade, then finds no summary.
CREATE FUNCTION justice_attrition_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM justice_attrition_apply(ARRAY(
        SELECT ROW(-1, OLD.organisation_id, OLD.sharing, OLD.complaint_on, OLD.inquiry_on, OLD.case_opened_on, OLD.court_on,
                   OLD.convicted_on, OLD.compensated_on, OLD.ended_by, OLD.ended_on, OLD.flags, OLD.un_due, OLD.violations,
                   g.tag)::justice_attrition_change
        FROM (SELECT '' AS tag UNION ALL SELECT t.tag FROM justice_attrition_tag t WHERE t.event_id = OLD.event_id) g));
    RETURN OLD;
END $$;

CREATE FUNCTION justice_attrition_tags_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM justice_attrition_apply(ARRAY(
        SELECT ROW(1, a.organisation_id, a.sharing, a.complaint_on, a.inquiry_on, a.case_opened_on, a.court_on, a.convicted_on,
                   a.compensated_on, a.ended_by, a.ended_on, a.flags, a.un_due, a.violations, n.tag)::justice_attrition_change
        FROM new_tags n JOIN justice_attrition a ON a.event_id = n.event_id));
    RETURN NULL;
END $$;

CREATE FUNCTION justice_attrition_tags_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM justice_attrition_apply(ARRAY(
        SELECT ROW(-1, a.organisation_id, a.sharing, a.complaint_on, a.inquiry_on, a.case_opened_on, a.court_on, a.convicted_on,
                   a.compensated_on, a.ended_by, a.ended_on, a.flags, a.un_due, a.violations, o.tag)::justice_attrition_change
        FROM old_tags o JOIN justice_attrition a ON a.event_id = o.event_id));
    RETURN NULL;
END $$;

CREATE FUNCTION justice_attrition_tags_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM justice_attrition_apply(ARRAY(
        SELECT ROW(-1, a.organisation_id, a.sharing, a.complaint_on, a.inquiry_on, a.case_opened_on, a.court_on, a.convicted_on,
                   a.compensated_on, a.ended_by, a.ended_on, a.flags, a.un_due, a.violations, o.tag)::justice_attrition_change
        FROM old_tags o JOIN justice_attrition a ON a.event_id = o.event_id
        UNION ALL
        SELECT ROW(1, a.organisation_id, a.sharing, a.complaint_on, a.inquiry_on, a.case_opened_on, a.court_on, a.convicted_on,
                   a.compensated_on, a.ended_by, a.ended_on, a.flags, a.un_due, a.violations, n.tag)::justice_attrition_change
        FROM new_tags n JOIN justice_attrition a ON a.event_id = n.event_id));
    RETURN NULL;
END $$;

-- Filled from the summaries there are (the benchmark's home holds a million) before the triggers exist.
INSERT INTO justice_attrition_horizon (latest)
SELECT coalesce(max(greatest(complaint_on, inquiry_on, case_opened_on, court_on, convicted_on, compensated_on, ended_on)), '-infinity')
FROM justice_attrition;

-- A chunk of summaries at a time, so that no array grows with the table.
DO $$
DECLARE
    after bigint := 0;
    upto  bigint;
BEGIN
    LOOP
        SELECT max(event_id) INTO upto FROM (SELECT event_id FROM justice_attrition WHERE event_id > after ORDER BY event_id LIMIT 50000) c;
        EXIT WHEN upto IS NULL;
        PERFORM justice_attrition_apply(ARRAY(
            SELECT ROW(1, a.organisation_id, a.sharing, a.complaint_on, a.inquiry_on, a.case_opened_on, a.court_on, a.convicted_on,
                       a.compensated_on, a.ended_by, a.ended_on, a.flags, a.un_due, a.violations, g.tag)::justice_attrition_change
            FROM justice_attrition a
            CROSS JOIN LATERAL (SELECT '' AS tag UNION ALL SELECT t.tag FROM justice_attrition_tag t WHERE t.event_id = a.event_id) g
            WHERE a.event_id > after AND a.event_id <= upto AND a.complaint_on IS NOT NULL));
        after := upto;
    END LOOP;
END $$;

CREATE TRIGGER justice_attrition_inserted AFTER INSERT ON justice_attrition
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION justice_attrition_inserted();
CREATE TRIGGER justice_attrition_updated AFTER UPDATE ON justice_attrition
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION justice_attrition_updated();
CREATE TRIGGER justice_attrition_deleted BEFORE DELETE ON justice_attrition
    FOR EACH ROW EXECUTE FUNCTION justice_attrition_deleted();
CREATE TRIGGER justice_attrition_tags_inserted AFTER INSERT ON justice_attrition_tag
    REFERENCING NEW TABLE AS new_tags FOR EACH STATEMENT EXECUTE FUNCTION justice_attrition_tags_inserted();
CREATE TRIGGER justice_attrition_tags_deleted AFTER DELETE ON justice_attrition_tag
    REFERENCING OLD TABLE AS old_tags FOR EACH STATEMENT EXECUTE FUNCTION justice_attrition_tags_deleted();
CREATE TRIGGER justice_attrition_tags_updated AFTER UPDATE ON justice_attrition_tag
    REFERENCING OLD TABLE AS old_tags NEW TABLE AS new_tags FOR EACH STATEMENT EXECUTE FUNCTION justice_attrition_tags_updated();
