package org.aigaq.detention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The organisation's figures on monitoring, computed by the database: visits by year, body and type; the approval
 * waiting times (median and 90th percentile, over the requests decided, by the year of the request); the share of
 * urgent visits refused; the share of recommendations implemented. Each figure says which list it counts.
 */
@Service
public class VisitFigures {

    /** Visits recorded in a year (as made, or else as planned), by body and type, whatever their status. */
    public record VisitCount(int year, String body, String visitType, long visits) {}

    /** Requests for approval made in a year and decided: how many, and the waiting time in days. */
    public record Waiting(int year, long decided, long pending, BigDecimal medianDays, BigDecimal p90Days) {}

    /** Urgent visits whose request was decided in a year (of the request): how many were refused, and the share. */
    public record UrgentRefusals(int year, long decided, long refused, BigDecimal refusedShare) {}

    /** Recommendations made in a year: how many, how many implemented (fully), and the share. */
    public record Implementation(int year, long recommendations, long implemented, BigDecimal implementedShare) {}

    /** All four tables. */
    public record Figures(List<VisitCount> visits, List<Waiting> waiting, List<UrgentRefusals> urgentRefusals,
                          List<Implementation> implementation) {}

    private final JdbcClient jdbc;

    VisitFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the user's organisation; nothing for a user who may not read its visits. */
    public Figures figures() {
        var user = CurrentUser.require();
        if (!VisitAccess.mayList(user)) return new Figures(List.of(), List.of(), List.of(), List.of());
        long organisation = user.organisationId();
        var visits = jdbc.sql("""
                SELECT extract(year FROM coalesce(started_on, planned_from))::int AS year, body, visit_type, count(*) AS visits
                FROM visit WHERE organisation_id = :organisation
                GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3
                """).param("organisation", organisation).query((rs, n) -> new VisitCount(rs.getInt(1), rs.getString(2),
                        rs.getString(3), rs.getLong(4))).list();
        var waiting = jdbc.sql("""
                SELECT extract(year FROM approval_requested_on)::int AS year,
                       count(*) FILTER (WHERE approval_decision IS NOT NULL) AS decided,
                       count(*) FILTER (WHERE approval_decision IS NULL) AS pending,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY approval_decided_on - approval_requested_on)
                           FILTER (WHERE approval_decision IS NOT NULL) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY approval_decided_on - approval_requested_on)
                           FILTER (WHERE approval_decision IS NOT NULL) AS p90
                FROM visit WHERE organisation_id = :organisation AND approval_requested_on IS NOT NULL
                GROUP BY 1 ORDER BY 1 DESC
                """).param("organisation", organisation).query((rs, n) -> new Waiting(rs.getInt(1), rs.getLong(2),
                        rs.getLong(3), days(rs.getObject(4)), days(rs.getObject(5)))).list();
        var urgent = jdbc.sql("""
                SELECT extract(year FROM approval_requested_on)::int AS year, count(*) AS decided,
                       count(*) FILTER (WHERE approval_decision = 'REFUSED') AS refused
                FROM visit WHERE organisation_id = :organisation AND visit_type = 'urgent' AND approval_decision IS NOT NULL
                GROUP BY 1 ORDER BY 1 DESC
                """).param("organisation", organisation).query((rs, n) -> new UrgentRefusals(rs.getInt(1), rs.getLong(2),
                        rs.getLong(3), share(rs.getLong(3), rs.getLong(2)))).list();
        var implementation = jdbc.sql("""
                SELECT extract(year FROM made_on)::int AS year, count(*) AS recommendations,
                       count(*) FILTER (WHERE status = 'IMPLEMENTED') AS implemented
                FROM monitors_recommendation WHERE organisation_id = :organisation
                GROUP BY 1 ORDER BY 1 DESC
                """).param("organisation", organisation).query((rs, n) -> new Implementation(rs.getInt(1), rs.getLong(2),
                        rs.getLong(3), share(rs.getLong(3), rs.getLong(2)))).list();
        return new Figures(visits, waiting, urgent, implementation);
    }

    private static BigDecimal days(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP);
    }

    /** A share in per cent, one decimal; none when nothing was counted. */
    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
