package org.aigaq.justice;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aigaq.documentation.CasesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code justice_attrition} true: the summary of a case is recomputed in the transaction that records or
 * withdraws one of its steps or episodes' moments, and when documentation changes what the rules read of the case
 * (its acts' types, the agencies of its perpetrators, its places and sharing), so the funnel never replays steps.
 */
@Service
public class AttritionSummaries {

    /** The version of the computation; with the jurisdictions' fingerprint, it tells rows to recompute at start. */
    static final int VERSION = 2;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AttritionSummaries.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Jurisdictions jurisdictions;

    AttritionSummaries(JdbcClient jdbc, TransactionTemplate transaction, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.jurisdictions = jurisdictions;
        this.version = 31 * (31 * VERSION + jurisdictions.fingerprint()) + AttritionBits.fingerprint();
    }

    /** The version rows are written with: the computation's and the shipped catalogue's, thresholds' and deadlines'. */
    private final int version;

    /** Runs after the search rows of the same change are recomputed (their facets are read here). */
    @EventListener
    @Order(100)
    void on(CasesChanged changed) {
        if (changed.eventIds().isEmpty()) return;
        var tracked = jdbc.sql("""
                SELECT event_id FROM justice_attrition WHERE event_id = ANY(CAST(:ids AS bigint[]))""")
                .param("ids", changed.eventIds().toArray(Long[]::new)).query(Long.class).list();
        if (!tracked.isEmpty()) refresh(tracked);
    }

    /** Recomputes the summaries of these cases (and removes those of cases left with no step and no episode). */
    public void refresh(Collection<Long> eventIds) {
        var ids = new ArrayList<>(new LinkedHashSet<>(eventIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            Long[] batch = ids.subList(from, Math.min(ids.size(), from + BATCH)).toArray(Long[]::new);
            // in the caller's transaction if there is one, else its own: the summaries, their tags and the cells together
            transaction.executeWithoutResult(status -> refreshBatch(batch));
        }
    }

    /** Recomputes every summary missing or of an older version, a batch at a time; answers how many. */
    public long catchUp() {
        long done = 0;
        long after = 0;
        while (true) {
            var ids = jdbc.sql("""
                    SELECT c.id FROM (SELECT event_id AS id FROM justice_case UNION SELECT event_id FROM detention_episode) c
                    LEFT JOIN justice_attrition a ON a.event_id = c.id
                    WHERE (a.event_id IS NULL OR a.version <> :version) AND c.id > :after ORDER BY c.id LIMIT :limit""")
                    .param("version", version).param("after", after).param("limit", BATCH * 10).query(Long.class).list();
            if (ids.isEmpty()) return done;
            refresh(ids);
            after = ids.getLast();
            done += ids.size();
            log.info("Attrition summaries recomputed: {}", done);
        }
    }

    private record CaseRow(long organisationId, String sharing, List<String> facets, String jurisdiction) {}

    private void refreshBatch(Long[] ids) {
        var cases = new HashMap<Long, CaseRow>();
        jdbc.sql("""
                SELECT e.id, e.organisation_id, e.sharing, coalesce(s.facets, '{}') AS facets,
                       coalesce(j.jurisdiction, (SELECT min(d.jurisdiction) FROM detention_episode d WHERE d.event_id = e.id)) AS jurisdiction
                FROM event e LEFT JOIN event_search s ON s.event_id = e.id LEFT JOIN justice_case j ON j.event_id = e.id
                WHERE e.id = ANY(CAST(:ids AS bigint[]))""").param("ids", ids)
                .query((rs, n) -> cases.put(rs.getLong("id"), new CaseRow(rs.getLong("organisation_id"), rs.getString("sharing"),
                        strings(rs.getArray("facets")), rs.getString("jurisdiction")))).list();
        // The cells (V26) are kept by triggers on the statements below; writers of one organisation take its lock first,
        // so that they update the cells they share one after the other instead of deadlocking over them, and so that
        // a summary is computed from the steps its organisation's last writer committed.
        var organisations = new TreeSet<Long>();
        cases.values().forEach(c -> organisations.add(c.organisationId()));
        for (Long organisation : organisations) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:space, :key)").param("space", LOCKS)
                    .param("key", (int) (organisation % Integer.MAX_VALUE)).query().singleRow();
        }
        var steps = new HashMap<Long, List<Step>>();
        jdbc.sql("""
                SELECT s.*, u.display_name AS recorder FROM justice_step s JOIN app_user u ON u.id = s.recorded_by
                WHERE s.event_id = ANY(CAST(:ids AS bigint[])) AND s.withdrawn_at IS NULL ORDER BY s.event_id, s.occurred_on, s.id""")
                .param("ids", ids).query(Complaints::row).list()
                .forEach(s -> steps.computeIfAbsent(s.eventId(), k -> new ArrayList<>()).add(s));
        var moments = new HashMap<Long, List<Moment>>();
        jdbc.sql("""
                SELECT m.* FROM detention_moment m JOIN detention_episode e ON e.id = m.episode_id
                WHERE e.event_id = ANY(CAST(:ids AS bigint[])) ORDER BY m.at, m.id""").param("ids", ids)
                .query(DetentionEpisodes::moment).list()
                .forEach(m -> moments.computeIfAbsent(m.episodeId(), k -> new ArrayList<>()).add(m));
        var episodes = new LinkedHashMap<Long, List<Episode>>();
        jdbc.sql("""
                SELECT e.*, u.display_name AS recorder FROM detention_episode e JOIN app_user u ON u.id = e.recorded_by
                WHERE e.event_id = ANY(CAST(:ids AS bigint[])) ORDER BY e.id""").param("ids", ids)
                .query((rs, n) -> DetentionEpisodes.episode(rs, moments.getOrDefault(rs.getLong("id"), List.of()))).list()
                .forEach(e -> episodes.computeIfAbsent(e.eventId(), k -> new ArrayList<>()).add(e));

        var gone = new ArrayList<Long>();
        var rows = new Rows();
        var tagEvents = new ArrayList<Long>();
        var tagValues = new ArrayList<String>();
        for (Long id : ids) {
            CaseRow row = cases.get(id);
            List<Step> caseSteps = Complaints.ordered(steps.getOrDefault(id, List.of()));
            List<Episode> caseEpisodes = episodes.getOrDefault(id, List.of());
            if (row == null || (caseSteps.isEmpty() && caseEpisodes.isEmpty())) {
                gone.add(id);
                continue;
            }
            Jurisdiction jurisdiction = jurisdictions.get(row.jurisdiction() == null ? Jurisdictions.DEFAULT : row.jurisdiction());
            var checks = new ArrayList<SafeguardCheck>();
            var facets = new TreeSet<String>();
            for (String f : row.facets()) {
                if (f.startsWith("rg:") || f.startsWith("pl:") || f.startsWith("ag:")) facets.add(f);
            }
            for (Episode e : caseEpisodes) {
                checks.addAll(SafeguardRules.check(e, jurisdictions.get(e.jurisdiction())));
                if (e.placeId() != null) facets.add("pl:" + e.placeId());
            }
            boolean torture = row.facets().stream().anyMatch(f -> f.startsWith("at:") && Complaints.TORTURE_ACTS.contains(f.substring(3)));
            Set<String> agencies = new TreeSet<>();
            for (String f : facets) if (f.startsWith("ag:")) agencies.add(f.substring(3));
            var facts = new CaseFacts(caseSteps, torture, agencies, jurisdiction, LocalDate.now(jurisdiction.zone()));
            var summary = AttritionSummary.of(caseSteps, facts, checks);
            rows.add(id, row, summary);
            var caseTags = new TreeSet<>(facets);
            for (String a : summary.articles()) caseTags.add("ar:" + a);
            for (String tag : caseTags) {
                tagEvents.add(id);
                tagValues.add(tag);
            }
        }
        if (!rows.ids.isEmpty()) {
            // one statement for the batch (the triggers then work per batch, not per row)
            rows.bind(jdbc.sql(UPSERT)).update();
            Long[] refreshed = rows.ids.toArray(Long[]::new);
            // only the tags that changed, so that the cells of a tag kept are not taken away and given back
            jdbc.sql("""
                    DELETE FROM justice_attrition_tag t WHERE t.event_id = ANY(CAST(:ids AS bigint[])) AND NOT EXISTS (
                        SELECT 1 FROM unnest(CAST(:events AS bigint[]), CAST(:tags AS text[])) n (event_id, tag)
                        WHERE n.event_id = t.event_id AND n.tag = t.tag)""")
                    .param("ids", refreshed).param("events", tagEvents.toArray(Long[]::new)).param("tags", tagValues.toArray(String[]::new))
                    .update();
            jdbc.sql("""
                    INSERT INTO justice_attrition_tag (tag, event_id)
                    SELECT tag, event_id FROM unnest(CAST(:events AS bigint[]), CAST(:tags AS text[])) n (event_id, tag)
                    ON CONFLICT DO NOTHING""")
                    .param("events", tagEvents.toArray(Long[]::new)).param("tags", tagValues.toArray(String[]::new)).update();
        }
        if (!gone.isEmpty()) {
            jdbc.sql("DELETE FROM justice_attrition WHERE event_id = ANY(CAST(:ids AS bigint[]))").param("ids", gone.toArray(Long[]::new)).update();
        }
    }

    /** The advisory lock space of attrition writers, the key being the organisation. */
    private static final int LOCKS = 26_001;

    private static final String UPSERT = """
            INSERT INTO justice_attrition (event_id, organisation_id, sharing, complaint_on, inquiry_on,
                case_opened_on, court_on, convicted_on, compensated_on, ended_by, ended_on, flags, un_due, violations, version)
            SELECT * FROM unnest(CAST(:e AS bigint[]), CAST(:o AS bigint[]), CAST(:sharing AS text[]), CAST(:complaint AS date[]),
                CAST(:inquiry AS date[]), CAST(:opened AS date[]), CAST(:court AS date[]), CAST(:convicted AS date[]),
                CAST(:compensated AS date[]), CAST(:endedBy AS text[]), CAST(:endedOn AS date[]), CAST(:flags AS integer[]),
                CAST(:unDue AS date[]), CAST(:violations AS integer[]), CAST(:version AS integer[]))
            ON CONFLICT (event_id) DO UPDATE SET organisation_id = excluded.organisation_id, sharing = excluded.sharing,
                complaint_on = excluded.complaint_on,
                inquiry_on = excluded.inquiry_on, case_opened_on = excluded.case_opened_on, court_on = excluded.court_on,
                convicted_on = excluded.convicted_on, compensated_on = excluded.compensated_on, ended_by = excluded.ended_by,
                ended_on = excluded.ended_on, flags = excluded.flags, un_due = excluded.un_due,
                violations = excluded.violations, version = excluded.version""";

    /** The summaries of a batch as one array per column, for the one-statement upsert. */
    private final class Rows {
        final List<Long> ids = new ArrayList<>();
        final List<Long> organisations = new ArrayList<>();
        final List<String> sharings = new ArrayList<>();
        final Map<Milestone, List<String>> days = new java.util.EnumMap<>(Milestone.class);
        final List<String> endedBy = new ArrayList<>();
        final List<String> endedOn = new ArrayList<>();
        final List<Integer> flags = new ArrayList<>();
        final List<String> unDue = new ArrayList<>();
        final List<Integer> violations = new ArrayList<>();

        Rows() {
            for (Milestone m : Milestone.values()) days.put(m, new ArrayList<>());
        }

        void add(long eventId, CaseRow row, AttritionSummary s) {
            ids.add(eventId);
            organisations.add(row.organisationId());
            sharings.add(row.sharing());
            for (Milestone m : Milestone.values()) days.get(m).add(text(s.reached().get(m)));
            endedBy.add(s.endedBy());
            endedOn.add(text(s.endedOn()));
            flags.add(AttritionBits.flags(s.flags()));
            unDue.add(text(s.unDue()));
            violations.add(AttritionBits.violations(s.violations()));
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            var versions = new Integer[ids.size()];
            java.util.Arrays.fill(versions, version);
            return statement.param("e", ids.toArray(Long[]::new)).param("o", organisations.toArray(Long[]::new))
                    .param("sharing", sharings.toArray(String[]::new))
                    .param("complaint", array(Milestone.COMPLAINT)).param("inquiry", array(Milestone.INQUIRY))
                    .param("opened", array(Milestone.CRIMINAL_CASE)).param("court", array(Milestone.COURT))
                    .param("convicted", array(Milestone.CONVICTION)).param("compensated", array(Milestone.COMPENSATION))
                    .param("endedBy", endedBy.toArray(String[]::new)).param("endedOn", endedOn.toArray(String[]::new))
                    .param("flags", flags.toArray(Integer[]::new)).param("unDue", unDue.toArray(String[]::new))
                    .param("violations", violations.toArray(Integer[]::new)).param("version", versions);
        }

        private String[] array(Milestone m) {
            return days.get(m).toArray(String[]::new);
        }

        private static String text(LocalDate day) {
            return day == null ? null : day.toString();
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
