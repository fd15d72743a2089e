package org.aigaq.documentation.publication;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymised summaries of the acts of cases the coalition marks public, for reports: the dataset's rules (no names,
 * record numbers, titles or free text; exact dates to the month, estimated ones to the year), a filter and a limit.
 */
@Service
public class CaseSummaries {

    /** The most summaries one list may hold, so that a report's list reads a few rows, never the whole table. */
    public static final int MAX_LIMIT = 100;

    /** Which acts to summarise; each part optional: years of the act, a region and an act type (term codes). */
    public record Filter(Integer fromYear, Integer toYear, String region, String actType) {
        /** The same filter, checked: a rule broken is named by its field. */
        public Filter checked() {
            var rules = new BrokenRules();
            rules.rule(() -> year("fromYear", fromYear));
            rules.rule(() -> year("toYear", toYear));
            rules.rule(() -> {
                if (fromYear != null && toYear != null && fromYear > toYear) throw new InvalidInput("toYear", "justice.funnel.years-reversed");
            });
            rules.throwIfAny();
            return this;
        }

        private static void year(String field, Integer year) {
            if (year != null && (year < 1950 || year > 2100)) throw new InvalidInput(field, "justice.funnel.year-invalid", 1950, 2100);
        }
    }

    /** One act as a report may show it: codes of the vocabularies, the period as a year-month or a year. */
    public record Summary(String period, String region, String placeType, String actType, List<String> methods,
                          String agencies, String status) {}

    private final JdbcClient jdbc;

    CaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * At most {@code limit} acts of public cases matching the filter, the most recently recorded first (a backward
     * walk of the act's key that stops at the limit), then shown newest period first.
     */
    @Transactional(readOnly = true)
    public List<Summary> summaries(Filter filter, int limit) {
        filter.checked();
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidInput("limit", "reports.block.limit-invalid", 1, MAX_LIMIT);
        var params = new HashMap<String, Object>();
        var where = new StringBuilder("e.sharing = 'PUBLIC'");
        String date = "CASE WHEN a.initial_date IS NOT NULL OR a.initial_precision <> 'UNKNOWN' THEN a.initial_date ELSE e.initial_date END";
        if (filter.fromYear() != null) {
            where.append(" AND ").append(date).append(" >= :from");
            params.put("from", LocalDate.of(filter.fromYear(), 1, 1));
        }
        if (filter.toYear() != null) {
            where.append(" AND ").append(date).append(" < :to");
            params.put("to", LocalDate.of(filter.toYear() + 1, 1, 1));
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            where.append(" AND coalesce(a.region, pl.region, e.region) = :region");
            params.put("region", filter.region().strip());
        }
        if (filter.actType() != null && !filter.actType().isBlank()) {
            where.append(" AND a.act_type = :actType");
            params.put("actType", filter.actType().strip());
        }
        params.put("limit", limit);
        var rows = jdbc.sql("""
                SELECT %s AS act_date,
                       CASE WHEN a.initial_date IS NOT NULL OR a.initial_precision <> 'UNKNOWN' THEN a.initial_precision ELSE e.initial_precision END AS precision,
                       coalesce(a.region, pl.region, e.region) AS region, coalesce(a.location_type, pl.location_type, e.location_type) AS place_type,
                       a.act_type, a.methods,
                       (SELECT string_agg(DISTINCT i.agency, ';' ORDER BY i.agency) FROM involvement i WHERE i.act_id = a.id) AS agencies,
                       e.violation_status
                FROM act a JOIN event e ON e.id = a.event_id
                LEFT JOIN place pl ON pl.id = coalesce(a.place_id, e.place_id)
                WHERE %s ORDER BY a.id DESC LIMIT :limit""".formatted(date, where)).params(params)
                .query((rs, n) -> {
                    var precision = rs.getString("precision") == null ? null : DatePrecision.valueOf(rs.getString("precision"));
                    var methods = rs.getArray("methods") == null ? List.<String>of() : List.of((String[]) rs.getArray("methods").getArray());
                    return new Summary(Anonymisation.period(rs.getObject("act_date", LocalDate.class), precision, false),
                            rs.getString("region"), rs.getString("place_type"), rs.getString("act_type"), methods,
                            rs.getString("agencies"), rs.getString("violation_status"));
                }).list();
        return rows.stream().sorted((x, y) -> String.valueOf(y.period()).compareTo(String.valueOf(x.period()))).toList();
    }
}
