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
import org.aigaq.platform.security.CurrentUser;
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
    /** The milestones a case passes in order; compensation is counted beside them, since it needs no conviction. */
    private static final int CONVICTION = Milestone.CONVICTION.ordinal();

    private final JdbcClient jdbc;
    private final CaseAccess access;

    AttritionFunnel(JdbcClient jdbc, CaseAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * The funnel from the pre-aggregated cells (V26) when the filter narrows by one tag at most, with the cases given to
     * the reader one by one added from the summaries, and — when the "as of" day is before some date the summaries hold
     * — the cases changed since taken out and added as they stood; otherwise from {@link #scanned}. Both give the same
     * figures.
     */
    @Transactional(readOnly = true)
    public Funnel funnel(FunnelFilter filter) {
        filter.checked();
        if (!answeredByCells(filter)) return scanned(filter);
        var tags = tags(filter, Selection.ALL);
        String where = cellWhere(filter, "c");
        var groups = new ArrayList<>(bindCells(jdbc.sql("""
                SELECT c.furthest, c.reason, c.compensated, c.flags, c.un_due < :asOf AS un, c.violations, sum(c.cases) AS cases
                FROM justice_attrition_cell c WHERE %s GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(c.cases) <> 0""".formatted(where)), filter, tags)
                .query((rs, n) -> new Group(rs.getInt("furthest"), rs.getString("reason"), rs.getBoolean("compensated"),
                        rs.getInt("flags"), rs.getBoolean("un"), rs.getInt("violations"), rs.getLong("cases"))).list());
        var durations = new ArrayList<>(bindCells(jdbc.sql("""
                SELECT c.pair, c.days, sum(c.cases) AS cases FROM justice_attrition_days c WHERE %s
                GROUP BY 1, 2 HAVING sum(c.cases) <> 0""".formatted(where)), filter, tags)
                .query((rs, n) -> {
                    var d = new long[] {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, rs.getLong("cases")};
                    d[rs.getInt("pair")] = rs.getLong("days");
                    return d;
                }).list());
        if (!asOfCovered(filter)) {
            // the cases with a date after the "as of" day are in the cells as they stand now: taken out, and added as
            // they stood that day (found by the index on their latest date; few, unless the day is long ago)
            String changed = where(filter, Selection.ALL, CaseAccess.visibleByOrganisationAndSharing("a"), false)
                    + " AND " + LATEST + " > :asOf AND a.complaint_on IS NOT NULL";
            changed(changed, filter, groups, durations);
        }
        List<Long> given = access.given();
        if (!given.isEmpty()) {
            // the cells count cases by organisation and sharing; those given to the reader one by one are added here
            String beyond = CaseAccess.givenBeyond("a", "a.event_id");
            groups.addAll(groups(bindBeyond(filter, where(filter, Selection.ALL, beyond), given)));
            durations.addAll(durations(bindBeyond(filter, where(filter, Selection.ALL, beyond), given)));
        }
        return assemble(filter, groups, durations);
    }

    /**
     * The funnel from the summaries themselves, for any filter: two grouped scans, one by furthest step, reason,
     * compensation, flags and violations (a few hundred groups), one by the days between steps (a histogram); the sums,
     * shares and percentiles are taken from the groups here.
     */
    @Transactional(readOnly = true)
    Funnel scanned(FunnelFilter filter) {
        filter.checked();
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        String where = where(filter, Selection.ALL);
        return assemble(filter, groups(bind(where, filter)), durations(bind(where, filter)));
    }

    /** Whether {@link #funnel} sums cells for this filter: one tag at most. */
    boolean answeredByCells(FunnelFilter filter) {
        return tags(filter, Selection.ALL).size() <= 1;
    }

    /** Whether the cells alone answer for the filter's day: it is on or after every date the summaries hold. */
    @Transactional(readOnly = true)
    boolean asOfCovered(FunnelFilter filter) {
        return jdbc.sql("SELECT CAST(:asOf AS date) >= latest FROM justice_attrition_horizon").param("asOf", filter.asOf())
                .query(Boolean.class).optional().orElse(false);
    }

    /** The latest date of a summary, as indexed (V26). */
    private static final String LATEST =
            "greatest(a.complaint_on, a.inquiry_on, a.case_opened_on, a.court_on, a.convicted_on, a.compensated_on, a.ended_on)";

    /**
     * The groups and days between steps of the cases changed after the "as of" day, in one pass (two grouping sets):
     * as the cells hold them, taken out, and as they stood that day, added.
     */
    private void changed(String changed, FunnelFilter filter, List<Group> groups, List<long[]> durations) {
        bindFilter(jdbc.sql("""
                SELECT GROUPING(a.flags) AS of_days,
                       CASE WHEN a.convicted_on IS NOT NULL THEN 4 WHEN a.court_on IS NOT NULL THEN 3 WHEN a.case_opened_on IS NOT NULL THEN 2
                            WHEN a.inquiry_on IS NOT NULL THEN 1 ELSE 0 END AS now_furthest,
                       CASE WHEN a.ended_on IS NOT NULL THEN coalesce(a.ended_by, '%2$s') ELSE '%2$s' END AS now_reason,
                       a.compensated_on IS NOT NULL AS now_compensated,
                       CASE WHEN a.complaint_on <= :asOf THEN %1$s END AS furthest,
                       CASE WHEN a.ended_on <= :asOf THEN a.ended_by ELSE '%2$s' END AS reason,
                       coalesce(a.compensated_on <= :asOf, false) AS compensated, a.flags,
                       coalesce(a.un_due < :asOf, false) AS un, a.violations,
                       CASE WHEN a.inquiry_on IS NOT NULL THEN a.inquiry_on - a.complaint_on END AS n0,
                       CASE WHEN a.inquiry_on IS NOT NULL THEN a.case_opened_on - a.inquiry_on END AS n1,
                       CASE WHEN a.inquiry_on IS NOT NULL THEN a.court_on - a.case_opened_on END AS n2,
                       CASE WHEN a.inquiry_on IS NOT NULL THEN a.convicted_on - a.court_on END AS n3,
                       coalesce(a.complaint_on <= :asOf AND a.inquiry_on <= :asOf, false) AS counted,
                       CASE WHEN a.inquiry_on <= :asOf THEN a.inquiry_on - a.complaint_on END AS d0,
                       CASE WHEN a.case_opened_on <= :asOf THEN a.case_opened_on - a.inquiry_on END AS d1,
                       CASE WHEN a.court_on <= :asOf THEN a.court_on - a.case_opened_on END AS d2,
                       CASE WHEN a.convicted_on <= :asOf THEN a.convicted_on - a.court_on END AS d3, count(*) AS cases
                FROM justice_attrition a WHERE %3$s
                GROUP BY GROUPING SETS ((2, 3, 4, 5, 6, 7, 8, 9, 10), (11, 12, 13, 14, 15, 16, 17, 18, 19))"""
                .formatted(furthest(), PENDING, changed)), filter, Selection.ALL)
                .param("viewerOrganisation", CurrentUser.require().organisationId())
                .query((rs, n) -> {
                    long cases = rs.getLong("cases");
                    if (rs.getInt("of_days") == 1) {
                        durations.add(new long[] {value(rs, "n0"), value(rs, "n1"), value(rs, "n2"), value(rs, "n3"), -cases});
                        if (rs.getBoolean("counted")) {
                            durations.add(new long[] {value(rs, "d0"), value(rs, "d1"), value(rs, "d2"), value(rs, "d3"), cases});
                        }
                        return cases;
                    }
                    int flags = rs.getInt("flags");
                    boolean un = rs.getBoolean("un");
                    int violations = rs.getInt("violations");
                    groups.add(new Group(rs.getInt("now_furthest"), rs.getString("now_reason"), rs.getBoolean("now_compensated"), flags, un,
                            violations, -cases));
                    int furthest = rs.getInt("furthest");
                    if (!rs.wasNull()) {
                        groups.add(new Group(furthest, rs.getString("reason"), rs.getBoolean("compensated"), flags, un, violations, cases));
                    }
                    return cases;
                }).list();
    }

    private interface Statement {
        JdbcClient.StatementSpec with(String sql);
    }

    private Statement bind(String where, FunnelFilter filter) {
        return sql -> bind(jdbc.sql(sql.formatted(where)), filter, Selection.ALL);
    }

    private Statement bindBeyond(FunnelFilter filter, String where, List<Long> given) {
        return sql -> bindFilter(jdbc.sql(sql.formatted(where)), filter, Selection.ALL)
                .param("viewerOrganisation", CurrentUser.require().organisationId()).param("viewerGranted", given.toArray(Long[]::new));
    }

    private static List<Group> groups(Statement statement) {
        return statement.with("""
                SELECT %s AS furthest, CASE WHEN a.ended_on <= :asOf THEN a.ended_by ELSE '%s' END AS reason,
                       coalesce(a.compensated_on <= :asOf, false) AS compensated, a.flags,
                       coalesce(a.un_due < :asOf, false) AS un, a.violations, count(*) AS cases
                FROM justice_attrition a WHERE %%s GROUP BY 1, 2, 3, 4, 5, 6""".formatted(furthest(), PENDING))
                .query((rs, n) -> new Group(rs.getInt("furthest"), rs.getString("reason"), rs.getBoolean("compensated"),
                        rs.getInt("flags"), rs.getBoolean("un"), rs.getInt("violations"), rs.getLong("cases"))).list();
    }

    private static List<long[]> durations(Statement statement) {
        return statement.with("""
                SELECT CASE WHEN a.inquiry_on <= :asOf THEN a.inquiry_on - a.complaint_on END AS d0,
                       CASE WHEN a.case_opened_on <= :asOf THEN a.case_opened_on - a.inquiry_on END AS d1,
                       CASE WHEN a.court_on <= :asOf THEN a.court_on - a.case_opened_on END AS d2,
                       CASE WHEN a.convicted_on <= :asOf THEN a.convicted_on - a.court_on END AS d3, count(*) AS cases
                FROM justice_attrition a WHERE %s AND a.inquiry_on <= :asOf GROUP BY 1, 2, 3, 4""")
                .query((rs, n) -> new long[] {value(rs, "d0"), value(rs, "d1"), value(rs, "d2"), value(rs, "d3"), rs.getLong("cases")})
                .list();
    }

    /** The conditions on cells: the tag ('' for every complaint), what the reader may see, the years and the organisation. */
    private static String cellWhere(FunnelFilter filter, String alias) {
        return cellWhere(filter, alias, alias + ".tag = :tag");
    }

    private static String cellWhere(FunnelFilter filter, String alias, String tag) {
        var where = new StringBuilder(tag).append(" AND ").append(CaseAccess.visibleByOrganisationAndSharing(alias));
        if (filter.fromYear() != null) where.append(" AND ").append(alias).append(".year >= :fromYear");
        if (filter.toYear() != null) where.append(" AND ").append(alias).append(".year <= :toYear");
        if (filter.organisation() != null) where.append(" AND ").append(alias).append(".organisation_id = :organisation");
        return where.toString();
    }

    private static JdbcClient.StatementSpec bindCells(JdbcClient.StatementSpec statement, FunnelFilter filter, List<String> tags) {
        statement = statement.param("tag", tags.isEmpty() ? "" : tags.getFirst()).param("asOf", filter.asOf())
                .param("viewerOrganisation", CurrentUser.require().organisationId());
        if (filter.fromYear() != null) statement = statement.param("fromYear", filter.fromYear());
        if (filter.toYear() != null) statement = statement.param("toYear", filter.toYear());
        if (filter.organisation() != null) statement = statement.param("organisation", filter.organisation());
        return statement;
    }

    /** The funnel's main counts by region, agency or place: the 25 groups with the most complaints. */
    @Transactional(readOnly = true)
    public List<GroupRow> breakdown(FunnelFilter filter, GroupBy by) {
        filter.checked();
        if (tags(filter, Selection.ALL).isEmpty() && asOfCovered(filter)) {
            // every group from the cells, those given one by one added, then the 25 largest as the scan orders them
            var rows = new java.util.TreeMap<String, GroupRow>();
            bindCells(jdbc.sql("""
                    SELECT substr(c.tag, 4) AS value, sum(c.cases) AS complaints, coalesce(sum(c.cases) FILTER (WHERE c.furthest >= 3), 0) AS court,
                           coalesce(sum(c.cases) FILTER (WHERE c.furthest >= 4), 0) AS convictions,
                           coalesce(sum(c.cases) FILTER (WHERE c.flags <> 0 OR c.un_due < :asOf), 0) AS flagged,
                           coalesce(sum(c.cases) FILTER (WHERE c.violations <> 0), 0) AS violated
                    FROM justice_attrition_cell c WHERE %s GROUP BY c.tag"""
                    .formatted(cellWhere(filter, "c", "c.tag LIKE :prefix"))), filter, List.of()).param("prefix", by.prefix() + "%")
                    .query(AttritionFunnel::groupRow).list().forEach(r -> rows.merge(r.value(), r, AttritionFunnel::sum));
            List<Long> given = access.given();
            if (!given.isEmpty()) {
                bindBeyond(filter, where(filter, Selection.ALL, CaseAccess.givenBeyond("a", "a.event_id")), given).with(BREAKDOWN)
                        .param("prefix", by.prefix() + "%").query(AttritionFunnel::groupRow).list()
                        .forEach(r -> rows.merge(r.value(), r, AttritionFunnel::sum));
            }
            return rows.values().stream().filter(r -> r.complaints() > 0)
                    .sorted(java.util.Comparator.comparingLong(GroupRow::complaints).reversed()).limit(25).toList();
        }
        return scannedBreakdown(filter, by);
    }

    /** The breakdown from the summaries themselves, for any filter. */
    @Transactional(readOnly = true)
    List<GroupRow> scannedBreakdown(FunnelFilter filter, GroupBy by) {
        filter.checked();
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        return bind(jdbc.sql(BREAKDOWN.formatted(where(filter, Selection.ALL)) + " LIMIT 25"), filter, Selection.ALL)
                .param("prefix", by.prefix() + "%").query(AttritionFunnel::groupRow).list();
    }

    private static final String BREAKDOWN = """
            SELECT substr(t.tag, 4) AS value, count(*) AS complaints, count(*) FILTER (WHERE a.court_on <= :asOf) AS court,
                   count(*) FILTER (WHERE a.convicted_on <= :asOf) AS convictions,
                   count(*) FILTER (WHERE a.flags <> 0 OR a.un_due < :asOf) AS flagged,
                   count(*) FILTER (WHERE a.violations <> 0) AS violated
            FROM justice_attrition_tag t JOIN justice_attrition a ON a.event_id = t.event_id
            WHERE t.tag LIKE :prefix AND %s GROUP BY t.tag ORDER BY complaints DESC, t.tag""";

    private static GroupRow groupRow(ResultSet rs, int n) throws SQLException {
        return new GroupRow(rs.getString("value"), rs.getLong("complaints"), rs.getLong("court"),
                rs.getLong("convictions"), rs.getLong("flagged"), rs.getLong("violated"));
    }

    private static GroupRow sum(GroupRow a, GroupRow b) {
        return new GroupRow(a.value(), a.complaints() + b.complaints(), a.court() + b.court(), a.convictions() + b.convictions(),
                a.flagged() + b.flagged(), a.violated() + b.violated());
    }

    /** The cases a figure counts, newest first, {@code size} at a time after {@code after}; only those the reader may see. */
    @Transactional(readOnly = true)
    public CasePage cases(FunnelFilter filter, Selection selection, Long after, int size) {
        filter.checked();
        if (selection.reason() != null && !REASONS.contains(selection.reason())) throw new InvalidInput("reason", "validation.invalid");
        String sql = """
                SELECT a.event_id, j.record_number, e.title, j.stage, a.complaint_on, a.flags, a.violations, a.un_due
                FROM justice_attrition a JOIN justice_case j ON j.event_id = a.event_id JOIN event e ON e.id = a.event_id
                WHERE %s AND a.event_id < :after ORDER BY a.event_id DESC LIMIT :limit""".formatted(where(filter, selection));
        var rows = bind(jdbc.sql(sql), filter, selection).param("after", after == null ? Long.MAX_VALUE : after)
                .param("limit", size + 1).query((rs, n) -> {
                    var flags = new ArrayList<>(AttritionBits.flagNames(rs.getInt("flags")));
                    LocalDate due = rs.getObject("un_due", LocalDate.class);
                    if (due != null && due.isBefore(filter.asOf())) flags.add(UN);
                    return new FunnelCase(rs.getLong("event_id"), rs.getString("record_number"), rs.getString("title"),
                            Stage.valueOf(rs.getString("stage")), rs.getObject("complaint_on", LocalDate.class), flags,
                            AttritionBits.violationNames(rs.getInt("violations")));
                }).list();
        Long next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = rows.getLast().eventId();
        }
        return new CasePage(rows, next);
    }

    private static final String UN = "UnDecisionNotImplemented";

    /** A group of the first scan. */
    private record Group(int furthest, String reason, boolean compensated, int flags, boolean un, int violations, long cases) {}

    /** The furthest of the milestones a case passes in order (complaint to conviction) by the "as of" day, as its ordinal. */
    private static String furthest() {
        var sql = new StringBuilder("CASE");
        var milestones = Milestone.values();
        for (int i = CONVICTION; i > 0; i--) {
            sql.append(" WHEN a.").append(milestones[i].column()).append(" <= :asOf THEN ").append(i);
        }
        return sql.append(" ELSE 0 END").toString();
    }

    private String where(FunnelFilter filter, Selection selection) {
        return where(filter, selection, CaseAccess.visibleEventsGiven("a", "a.event_id"));
    }

    private String where(FunnelFilter filter, Selection selection, String visible) {
        return where(filter, selection, visible, true);
    }

    /** The conditions of a selection; {@code complained} keeps it to complaints filed by the "as of" day. */
    private String where(FunnelFilter filter, Selection selection, String visible, boolean complained) {
        var where = new StringBuilder(complained ? "a.complaint_on <= :asOf AND " : "").append(visible);
        if (filter.fromYear() != null) where.append(" AND a.complaint_on >= :from");
        if (filter.toYear() != null) where.append(" AND a.complaint_on < :to");
        var tags = tags(filter, selection);
        for (int i = 0; i < tags.size(); i++) {
            where.append(" AND a.event_id IN (SELECT t.event_id FROM justice_attrition_tag t WHERE t.tag = :tag").append(i).append(")");
        }
        if (filter.organisation() != null) where.append(" AND a.organisation_id = :organisation");
        if (selection.reached() != null) {
            where.append(" AND a.").append(selection.reached().column()).append(" <= :asOf");
        }
        if (selection.stoppedAt() != null) {
            // as counted in the losses: the furthest step in order, and no compensation awarded
            where.append(" AND (").append(furthest()).append(") = ").append(Math.min(selection.stoppedAt().ordinal(), CONVICTION))
                    .append(" AND NOT coalesce(a.compensated_on <= :asOf, false)");
        }
        if (selection.reason() != null) where.append(" AND (CASE WHEN a.ended_on <= :asOf THEN a.ended_by ELSE '").append(PENDING)
                .append("' END) = :reason");
        if (selection.flag() != null) {
            where.append(switch (selection.flag()) {
                case ANY -> " AND (a.flags <> 0 OR a.un_due < :asOf)";
                case UN -> " AND a.un_due < :asOf";
                default -> " AND (a.flags & " + AttritionBits.flag(selection.flag()) + ") <> 0";
            });
        }
        if (selection.violation() != null) {
            where.append(selection.violation().equals(ANY) ? " AND a.violations <> 0"
                    : " AND (a.violations & " + AttritionBits.violation(selection.violation()) + ") <> 0");
        }
        return where.toString();
    }

    private static List<String> tags(FunnelFilter filter, Selection selection) {
        var tags = new ArrayList<String>();
        if (filter.region() != null) tags.add("rg:" + filter.region());
        if (filter.agency() != null) tags.add("ag:" + filter.agency());
        if (filter.place() != null) tags.add("pl:" + filter.place());
        if (filter.article() != null) tags.add("ar:" + filter.article());
        if (selection.group() != null && selection.groupBy() != null) tags.add(selection.groupBy().prefix() + selection.group());
        return tags.stream().distinct().toList();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, FunnelFilter filter, Selection selection) {
        return bindFilter(access.bindGiven(statement), filter, selection);
    }

    private static JdbcClient.StatementSpec bindFilter(JdbcClient.StatementSpec statement, FunnelFilter filter, Selection selection) {
        statement = statement.param("asOf", filter.asOf());
        if (filter.fromYear() != null) statement = statement.param("from", LocalDate.of(filter.fromYear(), 1, 1));
        if (filter.toYear() != null) statement = statement.param("to", LocalDate.of(filter.toYear() + 1, 1, 1));
        var tags = tags(filter, selection);
        for (int i = 0; i < tags.size(); i++) statement = statement.param("tag" + i, tags.get(i));
        if (filter.organisation() != null) statement = statement.param("organisation", filter.organisation());
        if (selection.reason() != null) statement = statement.param("reason", selection.reason());
        return statement;
    }

    private static Funnel assemble(FunnelFilter filter, List<Group> groups, List<long[]> durations) {
        var reached = new EnumMap<Milestone, Long>(Milestone.class);
        for (Milestone m : Milestone.values()) reached.put(m, 0L);
        var lost = new LinkedHashMap<String, Long>();
        var flags = new LinkedHashMap<String, Long>();
        var violations = new LinkedHashMap<String, Long>();
        ImpunityRules.ALL.forEach(r -> flags.put(r.name(), 0L));
        SafeguardRules.ALL.forEach(r -> violations.put(r.name(), 0L));
        long flagged = 0;
        long violated = 0;
        for (Group g : groups) {
            for (int i = 0; i <= g.furthest(); i++) reached.merge(Milestone.values()[i], g.cases(), Long::sum);
            if (g.compensated()) reached.merge(Milestone.COMPENSATION, g.cases(), Long::sum);
            else lost.merge(g.furthest() + "/" + g.reason(), g.cases(), Long::sum);
            for (String rule : AttritionBits.flagNames(g.flags())) flags.merge(rule, g.cases(), Long::sum);
            if (g.un()) flags.merge(UN, g.cases(), Long::sum);
            for (String rule : AttritionBits.violationNames(g.violations())) violations.merge(rule, g.cases(), Long::sum);
            if (g.flags() != 0 || g.un()) flagged += g.cases();
            if (g.violations() != 0) violated += g.cases();
        }
        long complaints = reached.get(Milestone.COMPLAINT);
        var ofComplaints = new org.aigaq.platform.indicators.Indicator("share-of-complaints", "", "", 1);
        var losses = new ArrayList<Loss>();
        var steps = new ArrayList<FunnelStep>();
        for (Milestone m : Milestone.values()) {
            long here = 0;
            if (m != Milestone.COMPENSATION) {
                for (String reason : REASONS) {
                    long n = lost.getOrDefault(m.ordinal() + "/" + reason, 0L);
                    if (n > 0) losses.add(new Loss(m, reason, n));
                    here += n;
                }
            }
            steps.add(new FunnelStep(m, reached.get(m), here, ofComplaints.of(reached.get(m), complaints)));
        }
        var indicators = AttritionIndicators.ALL.stream()
                .map(d -> d.indicator().of(reached.get(d.numerator()), reached.get(d.denominator()))).toList();
        var times = new ArrayList<StageTime>();
        for (int t = 0; t < CONVICTION; t++) {
            var histogram = new java.util.TreeMap<Long, Long>();
            for (long[] d : durations) if (d[t] != Long.MIN_VALUE) histogram.merge(d[t], d[4], Long::sum);
            histogram.values().removeIf(n -> n == 0); // a case taken out of the cells and added back as it stood
            long n = histogram.values().stream().mapToLong(Long::longValue).sum();
            times.add(new StageTime(Milestone.values()[t], Milestone.values()[t + 1], n, percentile(histogram, n, 0.5),
                    percentile(histogram, n, 0.9)));
        }
        var flagCounts = new ArrayList<RuleCount>();
        flags.forEach((rule, n) -> flagCounts.add(new RuleCount(rule, n)));
        flagCounts.sort((a, b) -> Long.compare(b.cases(), a.cases()));
        var violationCounts = new ArrayList<RuleCount>();
        violations.forEach((rule, n) -> violationCounts.add(new RuleCount(rule, n)));
        violationCounts.sort((a, b) -> Long.compare(b.cases(), a.cases()));
        return new Funnel(filter, steps, indicators, losses, times, flagCounts, violationCounts, flagged, violated);
    }

    /**
     * The continuous percentile of PostgreSQL's {@code percentile_cont} over the values a histogram holds: the value at
     * position p × (n − 1) in order, interpolated between its neighbours; none over no values.
     */
    static BigDecimal percentile(java.util.NavigableMap<Long, Long> histogram, long n, double p) {
        if (n == 0) return null;
        double position = p * (n - 1);
        long below = (long) Math.floor(position);
        double fraction = position - below;
        Long lower = null;
        Long upper = null;
        long seen = 0;
        for (var entry : histogram.entrySet()) {
            long last = seen + entry.getValue() - 1;
            if (lower == null && below <= last) lower = entry.getKey();
            if (below + 1 <= last || (fraction == 0 && lower != null)) {
                upper = entry.getKey();
                break;
            }
            seen += entry.getValue();
        }
        if (upper == null) upper = lower;
        return BigDecimal.valueOf(lower + fraction * (upper - lower)).setScale(1, RoundingMode.HALF_UP);
    }

    private static long value(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Long.MIN_VALUE : v;
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

}
