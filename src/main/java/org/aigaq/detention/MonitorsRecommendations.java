package org.aigaq.detention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recommendations monitors make to named authorities, from a visit or on their own: the authorities' responses
 * over time, the follow-up status, the chain of a recommendation repeated from one visit to the next, and the list of
 * responses overdue (due date passed, nothing received).
 */
@Service
public class MonitorsRecommendations {

    static final String SELECT = """
            SELECT r.*, (SELECT count(*) FROM authority_response a WHERE a.recommendation_id = r.id) AS responses,
                   (r.response_due_on < current_date
                    AND NOT EXISTS (SELECT 1 FROM authority_response a WHERE a.recommendation_id = r.id)) AS overdue
            FROM monitors_recommendation r
            """;

    /** A page of recommendations and the key to continue after when there are more. */
    public record Page(List<MonitorsRecommendation> recommendations, String nextAfter) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final VisitAccess access;

    MonitorsRecommendations(JdbcClient jdbc, AuditTrail audit, VisitAccess access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    /** Records a recommendation of the user's organisation, from one of its visits or standalone. */
    @Transactional
    public MonitorsRecommendation record(MonitorsRecommendation.Draft draft) {
        var user = CurrentUser.require();
        if (!VisitAccess.rights(user, user.organisationId()).write()) throw new AccessDeniedException("not a recorder");
        checked(draft, user.organisationId());
        String authority = MonitoringInput.required(draft.authority(), 300, "authority");
        String text = MonitoringInput.required(draft.text(), 10000, "text");
        LocalDate madeOn = draft.madeOn();
        long id = jdbc.sql("""
                INSERT INTO monitors_recommendation (organisation_id, visit_id, repeats_id, authority, text, made_on,
                    response_due_on, status, published, created_by)
                VALUES (:organisation, :visit, :repeats, :authority, :text, :madeOn, :due, 'NO_RESPONSE', :published, :user)
                RETURNING id
                """).param("organisation", user.organisationId()).param("visit", draft.visitId())
                .param("repeats", draft.repeatsId()).param("authority", authority).param("text", text)
                .param("madeOn", madeOn).param("due", draft.responseDueOn())
                .param("published", Boolean.TRUE.equals(draft.published())).param("user", user.id())
                .query(Long.class).single();
        var summary = new HashMap<String, Object>();
        summary.put("authority", authority);
        if (draft.visitId() != null) summary.put("visit", draft.visitId());
        if (draft.repeatsId() != null) summary.put("repeats", draft.repeatsId());
        audit.record("recommendation.recorded", "recommendation", id, summary);
        return find(id);
    }

    /** What is wrong with a recommendation, by the rules of {@link #record}; empty when none. */
    public List<InvalidInput.Violation> problems(MonitorsRecommendation.Draft draft) {
        var user = CurrentUser.require();
        if (!VisitAccess.rights(user, user.organisationId()).write()) throw new AccessDeniedException("not a recorder");
        return BrokenRules.of(() -> checked(draft, user.organisationId()));
    }

    private void checked(MonitorsRecommendation.Draft draft, long organisationId) {
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (draft.visitId() != null && !sameOrganisation("visit", draft.visitId(), organisationId)) {
                throw new InvalidInput("visitId", "detention.visit.unknown");
            }
        });
        rules.rule(() -> {
            if (draft.repeatsId() != null && !sameOrganisation("monitors_recommendation", draft.repeatsId(), organisationId)) {
                throw new InvalidInput("repeatsId", "detention.recommendation.unknown");
            }
        });
        rules.rule(() -> MonitoringInput.required(draft.authority(), 300, "authority"));
        rules.rule(() -> MonitoringInput.required(draft.text(), 10000, "text"));
        rules.rule(() -> MonitoringInput.past(MonitoringInput.present(draft.madeOn(), "madeOn"), "madeOn"));
        rules.rule(() -> MonitoringInput.notBefore(draft.responseDueOn(), draft.madeOn(), "responseDueOn"));
        rules.rule(() -> {
            if (draft.repeatsId() != null && draft.madeOn() != null) {
                jdbc.sql("SELECT made_on FROM monitors_recommendation WHERE id = :id").param("id", draft.repeatsId())
                        .query(LocalDate.class).optional()
                        .ifPresent(earlier -> MonitoringInput.notBefore(draft.madeOn(), earlier, "madeOn"));
            }
        });
        rules.throwIfAny();
    }

    /** Records the authority's response, as received on a date. */
    @Transactional
    public AuthorityResponse respond(long id, AuthorityResponse.Draft draft) {
        var user = CurrentUser.require();
        var recommendation = find(id);
        access.requireWrite("recommendation", id, recommendation.organisationId());
        var rules = new BrokenRules();
        LocalDate on = rules.value(() -> {
            LocalDate date = MonitoringInput.past(MonitoringInput.present(draft.receivedOn(), "receivedOn"), "receivedOn");
            MonitoringInput.notBefore(date, recommendation.madeOn(), "receivedOn");
            return date;
        });
        String text = rules.value(() -> MonitoringInput.required(draft.text(), 10000, "text"));
        rules.throwIfAny();
        long response = jdbc.sql("""
                INSERT INTO authority_response (recommendation_id, received_on, text, created_by)
                VALUES (:id, :on, :text, :user) RETURNING id
                """).param("id", id).param("on", on).param("text", text).param("user", user.id()).query(Long.class).single();
        audit.record("recommendation.response-recorded", "recommendation", id, Map.of("response", response, "receivedOn", on.toString()));
        return new AuthorityResponse(response, id, on, text);
    }

    /** Records the monitors' assessment of how far the recommendation was followed, and whether it is published. */
    @Transactional
    public MonitorsRecommendation assess(long id, FollowUpStatus status, Boolean published) {
        var recommendation = find(id);
        access.requireWrite("recommendation", id, recommendation.organisationId());
        if (status == null) throw new InvalidInput("status", "validation.required");
        boolean shown = published == null ? recommendation.published() : published;
        jdbc.sql("UPDATE monitors_recommendation SET status = :status, published = :published, updated_at = now() WHERE id = :id")
                .param("status", status.name()).param("published", shown).param("id", id).update();
        audit.record("recommendation.assessed", "recommendation", id, Map.of("status", status.name(), "published", shown));
        return find(id);
    }

    /** The recommendation with its responses and its chain of repetitions. */
    public RecommendationHistory get(long id) {
        var recommendation = find(id);
        access.requireRead("recommendation", id, recommendation.organisationId());
        var responses = jdbc.sql("SELECT * FROM authority_response WHERE recommendation_id = :id ORDER BY received_on, id")
                .param("id", id).query((rs, n) -> new AuthorityResponse(rs.getLong("id"), id,
                        rs.getObject("received_on", LocalDate.class), rs.getString("text"))).list();
        // Earlier versions: follow repeats_id back (the organisation's own only), oldest first.
        var earlier = jdbc.sql("""
                WITH RECURSIVE chain (id, depth) AS (
                    SELECT repeats_id, 1 FROM monitors_recommendation WHERE id = :id AND repeats_id IS NOT NULL
                  UNION ALL
                    SELECT r.repeats_id, c.depth + 1 FROM monitors_recommendation r JOIN chain c ON r.id = c.id
                    WHERE r.repeats_id IS NOT NULL AND c.depth < 100
                )
                """ + SELECT.replace("FROM monitors_recommendation r", "FROM monitors_recommendation r JOIN chain c ON c.id = r.id") + """
                WHERE r.organisation_id = :organisation ORDER BY c.depth DESC
                """).param("id", id).param("organisation", recommendation.organisationId())
                .query(MonitorsRecommendations::row).list();
        var later = jdbc.sql("""
                WITH RECURSIVE chain (id, depth) AS (
                    SELECT id, 1 FROM monitors_recommendation WHERE repeats_id = :id
                  UNION ALL
                    SELECT r.id, c.depth + 1 FROM monitors_recommendation r JOIN chain c ON r.repeats_id = c.id
                    WHERE c.depth < 100
                )
                """ + SELECT.replace("FROM monitors_recommendation r", "FROM monitors_recommendation r JOIN chain c ON c.id = r.id") + """
                WHERE r.organisation_id = :organisation ORDER BY c.depth, r.id
                """).param("id", id).param("organisation", recommendation.organisationId())
                .query(MonitorsRecommendations::row).list();
        return new RecommendationHistory(recommendation, responses, earlier, later);
    }

    /** The organisation's recommendations, newest first; {@code after} is the id to continue after. */
    public Page list(Long after, int size) {
        return list(null, null, after, size);
    }

    /**
     * The organisation's recommendations made in {@code year} with the follow-up {@code status} (each optional), newest
     * first; {@code after} is the id to continue after.
     */
    public Page list(Integer year, FollowUpStatus status, Long after, int size) {
        var user = CurrentUser.require();
        if (!VisitAccess.mayList(user)) return new Page(List.of(), null);
        var rows = jdbc.sql(SELECT + """
                WHERE r.organisation_id = :organisation AND (CAST(:after AS bigint) IS NULL OR r.id < :after)
                  AND (CAST(:year AS integer) IS NULL OR extract(year FROM r.made_on) = :year)
                  AND (CAST(:status AS text) IS NULL OR r.status = :status)
                ORDER BY r.id DESC LIMIT :limit
                """).param("organisation", user.organisationId()).param("after", after).param("limit", size + 1)
                .param("year", year).param("status", status == null ? null : status.name())
                .query(MonitorsRecommendations::row).list();
        if (rows.size() > size) {
            var page = rows.subList(0, size);
            return new Page(List.copyOf(page), String.valueOf(page.getLast().id()));
        }
        return new Page(rows, null);
    }

    /**
     * The organisation's recommendations whose response is overdue (due date passed, no response), the longest overdue
     * first; {@code after} is the key {@code due-date:id} of the last one of the previous page.
     */
    public Page overdue(String after, int size) {
        var user = CurrentUser.require();
        if (!VisitAccess.mayList(user)) return new Page(List.of(), null);
        LocalDate afterDue = null;
        Long afterId = null;
        if (after != null && !after.isBlank()) {
            try {
                String[] parts = after.split(":", 2);
                afterDue = LocalDate.parse(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (RuntimeException malformed) {
                throw new InvalidInput("after", "validation.invalid");
            }
        }
        var rows = jdbc.sql(SELECT + """
                WHERE r.organisation_id = :organisation AND r.response_due_on < current_date
                  AND NOT EXISTS (SELECT 1 FROM authority_response a WHERE a.recommendation_id = r.id)
                  AND (CAST(:afterDue AS date) IS NULL OR (r.response_due_on, r.id) > (CAST(:afterDue AS date), :afterId))
                ORDER BY r.response_due_on, r.id LIMIT :limit
                """).param("organisation", user.organisationId()).param("afterDue", afterDue).param("afterId", afterId)
                .param("limit", size + 1).query(MonitorsRecommendations::row).list();
        if (rows.size() > size) {
            var page = rows.subList(0, size);
            var last = page.getLast();
            return new Page(List.copyOf(page), last.responseDueOn() + ":" + last.id());
        }
        return new Page(rows, null);
    }

    /** Whether the current user may record responses and assessments on the recommendation. */
    public boolean writable(MonitorsRecommendation recommendation) {
        return VisitAccess.rights(CurrentUser.require(), recommendation.organisationId()).write();
    }

    /** The recommendations made from a visit, for its page (the caller has checked the right to read the visit). */
    List<MonitorsRecommendation> ofVisit(long visitId) {
        return jdbc.sql(SELECT + " WHERE r.visit_id = :visit ORDER BY r.id").param("visit", visitId)
                .query(MonitorsRecommendations::row).list();
    }

    MonitorsRecommendation find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(MonitorsRecommendations::row).optional()
                .orElseThrow(() -> new NoSuchRecord("recommendation", id));
    }

    private boolean sameOrganisation(String table, long id, long organisationId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id AND organisation_id = :organisation")
                .param("id", id).param("organisation", organisationId).query(Long.class).single() > 0;
    }

    static MonitorsRecommendation row(ResultSet rs, int n) throws SQLException {
        return new MonitorsRecommendation(rs.getLong("id"), rs.getLong("organisation_id"), rs.getObject("visit_id", Long.class),
                rs.getObject("repeats_id", Long.class), rs.getString("authority"), rs.getString("text"),
                rs.getObject("made_on", LocalDate.class), rs.getObject("response_due_on", LocalDate.class),
                FollowUpStatus.valueOf(rs.getString("status")), rs.getBoolean("published"), rs.getInt("responses"),
                rs.getBoolean("overdue"));
    }
}
