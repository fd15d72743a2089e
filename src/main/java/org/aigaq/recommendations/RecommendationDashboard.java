package org.aigaq.recommendations;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the coalition watches: follow-up items by due date, the latest grades by source and by theme, what changed
 * since a review, reviews recorded, and each user's reminders of items coming due.
 */
@Service
public class RecommendationDashboard {

    /** Where a follow-up item stands against its due date. */
    public enum Due { OVERDUE, DUE, LATER }

    /** A follow-up item with its due date, where it stands, and whether the state has claimed anything. */
    public record FollowUp(Recommendations.Line line, Due due, long daysLeft) {}

    /** Counts of the latest grade ("none" when not assessed) for one source or theme. */
    public record Status(String key, Map<String, Long> grades, long total) {}

    /** One change since the review date: a recommendation recorded, a claim or an assessment added. */
    public record Change(long recommendationId, String citation, String kind, LocalDate on, String grade) {}

    /** The whole dashboard; {@code since} is the date changes are counted from, {@code lastReview} null when none. */
    public record Dashboard(List<FollowUp> followUps, List<Status> bySource, List<Status> byTheme, LocalDate since,
                            LocalDate lastReview, List<Change> changes, int reminderDays) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final int reminderDays;

    RecommendationDashboard(JdbcClient jdbc, AuditTrail audit,
                            @Value("${aigaq.recommendations.reminder-days:14}") int reminderDays) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.reminderDays = reminderDays;
    }

    public int reminderDays() {
        return reminderDays;
    }

    /** The dashboard of what the user may read; {@code since} null means the organisation's last review (or 30 days ago). */
    public Dashboard dashboard(LocalDate since) {
        LocalDate today = LocalDate.now();
        LocalDate lastReview = lastReview();
        LocalDate from = since != null ? since : lastReview != null ? lastReview : today.minusDays(30);
        var followUps = RecommendationAccess.bind(jdbc.sql(Recommendations.LINES + " WHERE " + RecommendationAccess.visible("r")
                + " AND r.due_date IS NOT NULL ORDER BY r.due_date, r.id LIMIT 500")).query(Recommendations::line).list()
                .stream().map(l -> followUp(l, today, reminderDays)).toList();
        var lines = RecommendationAccess.bind(jdbc.sql(Recommendations.LINES + " WHERE " + RecommendationAccess.visible("r")))
                .query(Recommendations::line).list();
        var bySource = new TreeMap<String, Map<String, Long>>();
        var byTheme = new TreeMap<String, Map<String, Long>>();
        for (var line : lines) {
            String grade = line.grade() == null ? "none" : line.grade().name();
            count(bySource, line.source().name(), grade);
            for (String theme : line.themes()) count(byTheme, theme, grade);
        }
        return new Dashboard(followUps, statuses(bySource), statuses(byTheme), from, lastReview, changes(from), reminderDays);
    }

    /** The follow-up items the current user is responsible for, overdue or due within {@code days}. */
    public List<FollowUp> reminders(Integer days) {
        int within = days == null ? reminderDays : Math.max(0, Math.min(days, 3650));
        LocalDate today = LocalDate.now();
        return RecommendationAccess.bind(jdbc.sql(Recommendations.LINES + " WHERE " + RecommendationAccess.visible("r")
                        + " AND r.responsible_user_id = :me AND r.due_date <= :until ORDER BY r.due_date, r.id"))
                .param("me", CurrentUser.require().id()).param("until", today.plusDays(within))
                .query(Recommendations::line).list().stream().map(l -> followUp(l, today, within)).toList();
    }

    /** Records that the organisation reviewed its recommendations on this day (today when null). */
    @Transactional
    public LocalDate review(LocalDate on) {
        RecommendationAccess.requireRecorder();
        LocalDate day = on == null ? LocalDate.now() : on;
        if (day.isAfter(LocalDate.now())) throw new org.aigaq.platform.InvalidInput("reviewedOn", "documentation.date.future");
        var user = CurrentUser.require();
        long id = jdbc.sql("INSERT INTO recommendation_review (organisation_id, reviewed_on, created_by) VALUES (:o, :d, :u) RETURNING id")
                .param("o", user.organisationId()).param("d", day).param("u", user.id()).query(Long.class).single();
        audit.record("state-recommendation.reviewed", "recommendation_review", id, Map.of("reviewedOn", day.toString()));
        return day;
    }

    LocalDate lastReview() {
        return jdbc.sql("SELECT max(reviewed_on) FROM recommendation_review WHERE organisation_id = :o")
                .param("o", CurrentUser.require().organisationId()).query(LocalDate.class).optional().orElse(null);
    }

    private List<Change> changes(LocalDate from) {
        var params = new HashMap<String, Object>();
        params.put("from", from);
        String visible = RecommendationAccess.visible("r");
        return RecommendationAccess.bind(jdbc.sql("""
                SELECT * FROM (
                  SELECT r.id, r.document_symbol, r.paragraph, r.sub_paragraph, 'recorded' AS kind, r.created_at::date AS on_day, NULL AS grade, r.created_at AS at
                    FROM recommendation r WHERE %1$s AND r.created_at >= :from
                  UNION ALL
                  SELECT r.id, r.document_symbol, r.paragraph, r.sub_paragraph, 'claim', c.claimed_on, NULL, c.created_at
                    FROM recommendation_claim c JOIN recommendation r ON r.id = c.recommendation_id WHERE %1$s AND c.created_at >= :from
                  UNION ALL
                  SELECT r.id, r.document_symbol, r.paragraph, r.sub_paragraph, 'assessment', a.assessed_on, a.grade, a.created_at
                    FROM recommendation_assessment a JOIN recommendation r ON r.id = a.recommendation_id WHERE %1$s AND a.created_at >= :from
                  UNION ALL
                  -- a corrected assessment, with the grade it had before
                  SELECT r.id, r.document_symbol, r.paragraph, r.sub_paragraph, 'assessment-corrected', c.corrected_at::date, c.grade, c.corrected_at
                    FROM recommendation_assessment_correction c JOIN recommendation_assessment a ON a.id = c.assessment_id
                    JOIN recommendation r ON r.id = a.recommendation_id WHERE %1$s AND c.corrected_at >= :from
                ) changes ORDER BY at DESC LIMIT 500""".formatted(visible)).params(params))
                .query((rs, n) -> {
                    String p = rs.getString("paragraph");
                    String sp = rs.getString("sub_paragraph");
                    return new Change(rs.getLong("id"), rs.getString("document_symbol") + (p == null ? "" : ", para. " + p)
                            + (sp == null ? "" : " (" + sp + ")"), rs.getString("kind"), rs.getObject("on_day", LocalDate.class),
                            rs.getString("grade"));
                }).list();
    }

    private static FollowUp followUp(Recommendations.Line line, LocalDate today, int within) {
        long left = java.time.temporal.ChronoUnit.DAYS.between(today, line.dueDate());
        Due due = left < 0 ? Due.OVERDUE : left <= within ? Due.DUE : Due.LATER;
        return new FollowUp(line, due, left);
    }

    private static void count(Map<String, Map<String, Long>> into, String key, String grade) {
        into.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(grade, 1L, Long::sum);
    }

    private static List<Status> statuses(Map<String, Map<String, Long>> counts) {
        return counts.entrySet().stream().map(e -> new Status(e.getKey(), e.getValue(),
                e.getValue().values().stream().mapToLong(Long::longValue).sum())).toList();
    }
}
