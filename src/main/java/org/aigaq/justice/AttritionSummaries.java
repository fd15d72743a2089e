package org.aigaq.justice;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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
    private final NamedParameterJdbcTemplate batches;
    private final Jurisdictions jurisdictions;

    AttritionSummaries(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.batches = batches;
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
            refreshBatch(ids.subList(from, Math.min(ids.size(), from + BATCH)).toArray(Long[]::new));
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
        var rows = new ArrayList<MapSqlParameterSource>();
        var tags = new ArrayList<MapSqlParameterSource>();
        var refreshed = new ArrayList<Long>();
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
            rows.add(parameters(id, row, summary));
            refreshed.add(id);
            for (String f : facets) tags.add(new MapSqlParameterSource("e", id).addValue("tag", f));
            for (String a : summary.articles()) tags.add(new MapSqlParameterSource("e", id).addValue("tag", "ar:" + a));
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate(UPSERT, rows.toArray(MapSqlParameterSource[]::new));
            jdbc.sql("DELETE FROM justice_attrition_tag WHERE event_id = ANY(CAST(:ids AS bigint[]))")
                    .param("ids", refreshed.toArray(Long[]::new)).update();
            batches.batchUpdate("INSERT INTO justice_attrition_tag (tag, event_id) VALUES (:tag, :e) ON CONFLICT DO NOTHING",
                    tags.toArray(MapSqlParameterSource[]::new));
        }
        if (!gone.isEmpty()) {
            jdbc.sql("DELETE FROM justice_attrition WHERE event_id = ANY(CAST(:ids AS bigint[]))").param("ids", gone.toArray(Long[]::new)).update();
        }
    }

    private static final String UPSERT = """
            INSERT INTO justice_attrition (event_id, organisation_id, sharing, complaint_on, inquiry_on,
                case_opened_on, court_on, convicted_on, compensated_on, ended_by, ended_on, flags, un_due, violations, version)
            VALUES (:e, :o, :sharing, :complaint, :inquiry, :opened, :court, :convicted, :compensated, :endedBy, :endedOn,
                :flags, :unDue, :violations, :version)
            ON CONFLICT (event_id) DO UPDATE SET organisation_id = excluded.organisation_id, sharing = excluded.sharing,
                complaint_on = excluded.complaint_on,
                inquiry_on = excluded.inquiry_on, case_opened_on = excluded.case_opened_on, court_on = excluded.court_on,
                convicted_on = excluded.convicted_on, compensated_on = excluded.compensated_on, ended_by = excluded.ended_by,
                ended_on = excluded.ended_on, flags = excluded.flags, un_due = excluded.un_due,
                violations = excluded.violations, version = excluded.version""";

    private MapSqlParameterSource parameters(long eventId, CaseRow row, AttritionSummary s) {
        Map<Milestone, LocalDate> r = s.reached();
        return new MapSqlParameterSource()
                .addValue("e", eventId).addValue("o", row.organisationId()).addValue("sharing", row.sharing())
                .addValue("complaint", r.get(Milestone.COMPLAINT), Types.DATE).addValue("inquiry", r.get(Milestone.INQUIRY), Types.DATE)
                .addValue("opened", r.get(Milestone.CRIMINAL_CASE), Types.DATE).addValue("court", r.get(Milestone.COURT), Types.DATE)
                .addValue("convicted", r.get(Milestone.CONVICTION), Types.DATE)
                .addValue("compensated", r.get(Milestone.COMPENSATION), Types.DATE)
                .addValue("endedBy", s.endedBy(), Types.VARCHAR).addValue("endedOn", s.endedOn(), Types.DATE)
                .addValue("flags", AttritionBits.flags(s.flags())).addValue("unDue", s.unDue(), Types.DATE)
                .addValue("violations", AttritionBits.violations(s.violations())).addValue("version", version);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
