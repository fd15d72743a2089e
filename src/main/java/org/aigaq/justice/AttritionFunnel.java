package org.aigaq.justice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.indicators.Ratio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attrition funnel over the complaints a reader may see: how many reached each step, where the others stopped and
 * why, how long each step took, which impunity flags and safeguard violations are most frequent, the same by region,
 * agency or place, and the list of cases behind any of those figures. One scan of {@code justice_attrition} answers
 * the funnel with its losses, times, flags and violations.
 */
@Service
public class AttritionFunnel {

    /** Why cases stopped where they did: the step that ended them, or none recorded (still under way, or not known). */
    public static final String PENDING = "PENDING";

    /** A selection of cases with any flag, or any safeguard violated. */
    public static final String ANY = "ANY";

    /** A step of the funnel: cases that reached it, those that went no further, and the share of complaints. */
    public record FunnelStep(Milestone milestone, long cases, long stoppedHere, Ratio ofComplaints) {}

    /** Cases that went no further than {@code at}, for one reason. */
    public record Loss(Milestone at, String reason, long cases) {
        public String reasonKey() {
            return reason.startsWith("EXEMPTION:") ? "justice.choice.exemption." + reason.substring(10) : "justice.funnel.reason." + reason;
        }
    }

    /** Days from one step to the next over the cases that took both by the "as of" day. */
    public record StageTime(Milestone from, Milestone to, long cases, BigDecimal medianDays, BigDecimal p90Days) {}

    /** How many of the complaints a rule flags or a safeguard violation concerns. */
    public record RuleCount(String rule, long cases) {}

    /** The funnel and its figures. */
    public record Funnel(FunnelFilter filter, List<FunnelStep> steps, List<Ratio> indicators, List<Loss> losses,
                         List<StageTime> times, List<RuleCount> flags, List<RuleCount> violations, long flagged, long violated) {
        public long complaints() {
            return steps.getFirst().cases();
        }
    }

    /** What a breakdown groups by: the facet prefix in the summaries. */
    public enum GroupBy {
        REGION("rg:"), AGENCY("ag:"), PLACE("pl:");

        private final String prefix;

        GroupBy(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** One group of a breakdown: complaints, sent to court, convictions, flagged and with a safeguard violated. */
    public record GroupRow(String value, long complaints, long court, long convictions, long flagged, long violated) {}

    /** Which cases a figure counts, besides the filter; every part optional. */
    public record Selection(Milestone reached, Milestone stoppedAt, String reason, String flag, String violation, GroupBy groupBy,
                            String group) {
        public static final Selection ALL = new Selection(null, null, null, null, null, null, null);
    }

    /** A case behind a figure. */
    public record FunnelCase(long eventId, String recordNumber, String title, Stage stage, LocalDate complaintOn,
                             List<String> flags, List<String> violations) {}

    /** A page of cases and the key of the next ({@code eventId}), or null at the end. */
    public record CasePage(List<FunnelCase> cases, Long next) {}

    private static final List<String> REASONS = reasons();

    private final JdbcClient jdbc;

    AttritionFunnel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Funnel funnel(FunnelFilter filter) {
        filter.checked();
        var aggregates = new LinkedHashMap<String, String>();
        for (Milestone m : Milestone.values()) {
            aggregates.put("reached_" + m.ordinal(), "count(*) FILTER (WHERE a." + m.column() + " <= :asOf)");
            for (String reason : REASONS) {
                aggregates.put("lost_" + m.ordinal() + "_" + REASONS.indexOf(reason),
                        "count(*) FILTER (WHERE l.furthest = " + m.ordinal() + " AND l.reason = '" + reason + "')");
            }
            Milestone next = m.next();
            if (next != null && m != Milestone.CONVICTION) {
                aggregates.put("time_" + m.ordinal(), "percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY a." + next.column()
                        + " - a." + m.column() + ") FILTER (WHERE a." + next.column() + " <= :asOf AND a." + m.column() + " <= :asOf)");
                aggregates.put("timed_" + m.ordinal(), "count(*) FILTER (WHERE a." + next.column() + " <= :asOf AND a."
                        + m.column() + " <= :asOf)");
            }
        }
        for (ImpunityRule rule : ImpunityRules.ALL) {
            aggregates.put("flag_" + rule.name(), rule instanceof UnDecisionNotImplemented
                    ? "count(*) FILTER (WHERE a.un_due < :asOf)"
                    : "count(*) FILTER (WHERE a.flags @> ARRAY['" + rule.name() + "'])");
        }
        for (SafeguardRule rule : SafeguardRules.ALL) {
            aggregates.put("violation_" + rule.name(), "count(*) FILTER (WHERE a.violations @> ARRAY['" + rule.name() + "'])");
        }
        aggregates.put("flagged", "count(*) FILTER (WHERE cardinality(a.flags) > 0 OR a.un_due < :asOf)");
        aggregates.put("violated", "count(*) FILTER (WHERE cardinality(a.violations) > 0)");
        var sql = new StringBuilder("SELECT ");
        aggregates.forEach((name, expression) -> sql.append(expression).append(" AS ").append(name).append(", "));
        sql.setLength(sql.length() - 2);
        sql.append("""
                 FROM justice_attrition a CROSS JOIN LATERAL (SELECT %s AS furthest,
                    CASE WHEN a.ended_on <= :asOf THEN a.ended_by ELSE '%s' END AS reason) l
                WHERE %s""".formatted(furthest(filter), PENDING, where(filter, Selection.ALL)));
        return bind(jdbc.sql(sql.toString()), filter, Selection.ALL).query((rs, n) -> read(rs, filter)).single();
    }

    /** The funnel's main counts by region, agency or place: the 25 groups with the most complaints. */
    @Transactional(readOnly = true)
    public List<GroupRow> breakdown(FunnelFilter filter, GroupBy by) {
        filter.checked();
        String sql = """
                SELECT substr(g, 4) AS value, count(*) AS complaints, count(*) FILTER (WHERE a.court_on <= :asOf) AS court,
                       count(*) FILTER (WHERE a.convicted_on <= :asOf) AS convictions,
                       count(*) FILTER (WHERE cardinality(a.flags) > 0 OR a.un_due < :asOf) AS flagged,
                       count(*) FILTER (WHERE cardinality(a.violations) > 0) AS violated
                FROM justice_attrition a CROSS JOIN LATERAL unnest(a.facets) g
                WHERE g LIKE :prefix AND %s GROUP BY g ORDER BY complaints DESC, g LIMIT 25""".formatted(where(filter, Selection.ALL));
        return bind(jdbc.sql(sql), filter, Selection.ALL).param("prefix", by.prefix() + "%")
                .query((rs, n) -> new GroupRow(rs.getString("value"), rs.getLong("complaints"), rs.getLong("court"),
                        rs.getLong("convictions"), rs.getLong("flagged"), rs.getLong("violated"))).list();
    }

    /** The cases a figure counts, newest first, {@code size} at a time after {@code after}; only those the reader may see. */
    @Transactional(readOnly = true)
    public CasePage cases(FunnelFilter filter, Selection selection, Long after, int size) {
        filter.checked();
        if (selection.reason() != null && !REASONS.contains(selection.reason())) throw new InvalidInput("reason", "validation.invalid");
        String sql = """
                SELECT a.event_id, j.record_number, e.title, j.stage, a.complaint_on, a.flags, a.violations, a.un_due
                FROM justice_attrition a CROSS JOIN LATERAL (SELECT %s AS furthest,
                    CASE WHEN a.ended_on <= :asOf THEN a.ended_by ELSE '%s' END AS reason) l
                JOIN justice_case j ON j.event_id = a.event_id JOIN event e ON e.id = a.event_id
                WHERE %s AND a.event_id < :after ORDER BY a.event_id DESC LIMIT :limit""".formatted(furthest(filter), PENDING,
                where(filter, selection));
        var rows = bind(jdbc.sql(sql), filter, selection).param("after", after == null ? Long.MAX_VALUE : after)
                .param("limit", size + 1).query((rs, n) -> {
                    var flags = new ArrayList<>(strings(rs.getArray("flags")));
                    LocalDate due = rs.getObject("un_due", LocalDate.class);
                    if (due != null && due.isBefore(filter.asOf())) flags.add(UnDecisionNotImplemented.class.getSimpleName());
                    return new FunnelCase(rs.getLong("event_id"), rs.getString("record_number"), rs.getString("title"),
                            Stage.valueOf(rs.getString("stage")), rs.getObject("complaint_on", LocalDate.class), flags,
                            strings(rs.getArray("violations")));
                }).list();
        Long next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = rows.getLast().eventId();
        }
        return new CasePage(rows, next);
    }

    /** The furthest milestone a case reached by the "as of" day, as its ordinal. */
    private static String furthest(FunnelFilter filter) {
        var sql = new StringBuilder("CASE");
        var milestones = Milestone.values();
        for (int i = milestones.length - 1; i > 0; i--) {
            sql.append(" WHEN a.").append(milestones[i].column()).append(" <= :asOf THEN ").append(i);
        }
        return sql.append(" ELSE 0 END").toString();
    }

    private static String where(FunnelFilter filter, Selection selection) {
        var where = new StringBuilder("a.complaint_on <= :asOf AND ").append(CaseAccess.visibleEvents("a", "a.event_id"));
        if (filter.fromYear() != null) where.append(" AND a.complaint_on >= :from");
        if (filter.toYear() != null) where.append(" AND a.complaint_on < :to");
        if (filter.region() != null || filter.agency() != null || filter.place() != null) where.append(" AND a.facets @> CAST(:facets AS text[])");
        if (filter.article() != null) where.append(" AND a.articles @> ARRAY[CAST(:article AS text)]");
        if (filter.organisation() != null) where.append(" AND a.organisation_id = :organisation");
        if (selection.reached() != null) where.append(" AND a.").append(selection.reached().column()).append(" <= :asOf");
        if (selection.stoppedAt() != null) where.append(" AND l.furthest = ").append(selection.stoppedAt().ordinal());
        if (selection.reason() != null) where.append(" AND l.reason = :reason");
        if (selection.flag() != null) {
            where.append(switch (selection.flag()) {
                case ANY -> " AND (cardinality(a.flags) > 0 OR a.un_due < :asOf)";
                case "UnDecisionNotImplemented" -> " AND a.un_due < :asOf";
                default -> " AND a.flags @> ARRAY[CAST(:flag AS text)]";
            });
        }
        if (selection.violation() != null) {
            where.append(selection.violation().equals(ANY) ? " AND cardinality(a.violations) > 0"
                    : " AND a.violations @> ARRAY[CAST(:violation AS text)]");
        }
        if (selection.group() != null && selection.groupBy() != null) where.append(" AND a.facets @> ARRAY[CAST(:group AS text)]");
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, FunnelFilter filter, Selection selection) {
        statement = CaseAccess.bind(statement).param("asOf", filter.asOf());
        if (filter.fromYear() != null) statement = statement.param("from", LocalDate.of(filter.fromYear(), 1, 1));
        if (filter.toYear() != null) statement = statement.param("to", LocalDate.of(filter.toYear() + 1, 1, 1));
        var facets = new ArrayList<String>();
        if (filter.region() != null) facets.add("rg:" + filter.region());
        if (filter.agency() != null) facets.add("ag:" + filter.agency());
        if (filter.place() != null) facets.add("pl:" + filter.place());
        if (!facets.isEmpty()) statement = statement.param("facets", facets.toArray(String[]::new));
        if (filter.article() != null) statement = statement.param("article", filter.article());
        if (filter.organisation() != null) statement = statement.param("organisation", filter.organisation());
        if (selection.reason() != null) statement = statement.param("reason", selection.reason());
        if (selection.flag() != null && !selection.flag().equals(ANY) && !selection.flag().equals("UnDecisionNotImplemented")) {
            statement = statement.param("flag", selection.flag());
        }
        if (selection.violation() != null && !selection.violation().equals(ANY)) statement = statement.param("violation", selection.violation());
        if (selection.group() != null && selection.groupBy() != null) statement = statement.param("group", selection.groupBy().prefix() + selection.group());
        return statement;
    }

    private static Funnel read(ResultSet rs, FunnelFilter filter) throws SQLException {
        var reached = new EnumMap<Milestone, Long>(Milestone.class);
        for (Milestone m : Milestone.values()) reached.put(m, rs.getLong("reached_" + m.ordinal()));
        long complaints = reached.get(Milestone.COMPLAINT);
        var losses = new ArrayList<Loss>();
        var stopped = new EnumMap<Milestone, Long>(Milestone.class);
        for (Milestone m : Milestone.values()) {
            long here = 0;
            for (String reason : REASONS) {
                long n = rs.getLong("lost_" + m.ordinal() + "_" + REASONS.indexOf(reason));
                here += n;
                if (n > 0 && m != Milestone.COMPENSATION) losses.add(new Loss(m, reason, n));
            }
            stopped.put(m, m == Milestone.COMPENSATION ? 0 : here);
        }
        var definitions = AttritionIndicators.ALL;
        var steps = new ArrayList<FunnelStep>();
        var ofComplaints = new org.aigaq.platform.indicators.Indicator("share-of-complaints", "", "", 1);
        for (Milestone m : Milestone.values()) {
            steps.add(new FunnelStep(m, reached.get(m), stopped.get(m), ofComplaints.of(reached.get(m), complaints)));
        }
        var indicators = definitions.stream().map(d -> d.indicator().of(reached.get(d.numerator()), reached.get(d.denominator()))).toList();
        var times = new ArrayList<StageTime>();
        for (Milestone m : Milestone.values()) {
            if (m.next() == null || m == Milestone.CONVICTION) continue;
            Array percentiles = rs.getArray("time_" + m.ordinal());
            BigDecimal median = null;
            BigDecimal p90 = null;
            if (percentiles != null) {
                Object[] values = (Object[]) percentiles.getArray();
                median = days(values[0]);
                p90 = days(values[1]);
            }
            times.add(new StageTime(m, m.next(), rs.getLong("timed_" + m.ordinal()), median, p90));
        }
        var flags = new ArrayList<RuleCount>();
        for (ImpunityRule rule : ImpunityRules.ALL) flags.add(new RuleCount(rule.name(), rs.getLong("flag_" + rule.name())));
        flags.sort((a, b) -> Long.compare(b.cases(), a.cases()));
        var violations = new ArrayList<RuleCount>();
        for (SafeguardRule rule : SafeguardRules.ALL) violations.add(new RuleCount(rule.name(), rs.getLong("violation_" + rule.name())));
        violations.sort((a, b) -> Long.compare(b.cases(), a.cases()));
        return new Funnel(filter, steps, indicators, losses, times, flags, violations, rs.getLong("flagged"), rs.getLong("violated"));
    }

    private static BigDecimal days(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<String> reasons() {
        var reasons = new ArrayList<>(List.of(PENDING, "REFUSAL", "CASE_CLOSED", "ACQUITTAL"));
        for (String kind : Choices.of("exemption", StepType.EXEMPTION)) reasons.add("EXEMPTION:" + kind);
        return List.copyOf(reasons);
    }

    /** The reasons a case may stop for, as {@link Loss#reason()} and the case list's {@code reason} take them. */
    public static List<String> stopReasons() {
        return REASONS;
    }

    /** The milestones' counts by name, for the CSV and the API. */
    public static Map<String, Long> counts(Funnel funnel) {
        var counts = new LinkedHashMap<String, Long>();
        funnel.steps().forEach(s -> counts.put(s.milestone().name(), s.cases()));
        return counts;
    }
}
