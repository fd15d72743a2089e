package org.aigaq.refoulement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Simple figures on the non-refoulement cases the current user may read: by outcome, requesting state, interim measures. */
@Service
public class RefoulementFigures {

    /** One count. */
    public record Figure(String key, long count) {}

    /**
     * Cases by outcome and by requesting state; interim measures as requests (events), and among them the respected,
     * the not respected and those not yet known.
     */
    public record Figures(long cases, List<Figure> byOutcome, List<Figure> byRequestingState, List<Figure> interimMeasures) {}

    private final JdbcClient jdbc;

    RefoulementFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures figures(boolean ours) {
        Map<String, Object> params = new LinkedHashMap<>();
        String condition = RefoulementCases.condition("c", new RefoulementCases.Filter(null, null, null, ours), params);
        var byOutcome = RefoulementAccess.bind(jdbc.sql("SELECT c.outcome, count(*) FROM refoulement_case c WHERE " + condition
                        + " GROUP BY c.outcome ORDER BY count(*) DESC, c.outcome").params(params))
                .query((rs, n) -> new Figure(rs.getString(1), rs.getLong(2))).list();
        var byState = RefoulementAccess.bind(jdbc.sql("SELECT coalesce(c.requesting_state, ''), count(*) FROM refoulement_case c WHERE "
                        + condition + " GROUP BY 1 ORDER BY count(*) DESC, 1").params(params))
                .query((rs, n) -> new Figure(rs.getString(1).isEmpty() ? "unknown" : rs.getString(1), rs.getLong(2))).list();
        var interim = RefoulementAccess.bind(jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE e.respected), count(*) FILTER (WHERE NOT e.respected),
                               count(*) FILTER (WHERE e.respected IS NULL)
                        FROM refoulement_event e JOIN refoulement_case c ON c.id = e.case_id
                        WHERE e.kind = 'INTERIM_MEASURES' AND e.removed_at IS NULL AND """ + condition).params(params))
                .query((rs, n) -> List.of(new Figure("requested", rs.getLong(1)), new Figure("respected", rs.getLong(2)),
                        new Figure("not-respected", rs.getLong(3)), new Figure("unknown", rs.getLong(4)))).single();
        long cases = byOutcome.stream().mapToLong(Figure::count).sum();
        return new Figures(cases, byOutcome, byState, interim);
    }
}
