package org.aigaq.defenders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aigaq.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The period comparisons the coalition publishes on threats to defenders: a period and the one before it of the same
 * length, over the incidents the current user may read.
 */
@Service
public class ThreatFigures {

    /** Threat types counted as violent. */
    public static final Set<String> VIOLENT = Set.of("violent-threat", "physical-attack", "ill-treatment", "kidnapping", "killing");

    /** A period, both days included. */
    public record Period(LocalDate from, LocalDate to) {}

    /** One figure in the period, in the previous one, and its change. */
    public record Figure(String key, long current, long previous) {
        @com.fasterxml.jackson.annotation.JsonProperty("change")
        public long change() {
            return current - previous;
        }
    }

    /** The figures: headline ones, then by region, by target group and by threat type. */
    public record Figures(Period period, Period previousPeriod, List<Figure> headline, List<Figure> byRegion,
                          List<Figure> byTargetGroup, List<Figure> byThreatType) {}

    private record Row(Long personId, String region, String city, String targetGroup, List<String> threats, boolean reprisal) {}

    private final JdbcClient jdbc;

    ThreatFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The period before: as many whole months before when the period is whole months (first day to last day of a
     * month), else as many days before.
     */
    public static Period previous(Period period) {
        var from = period.from();
        var to = period.to();
        if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new Period(from.minusMonths(months), from.minusDays(1));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1));
    }

    public Figures figures(LocalDate from, LocalDate to, boolean ours) {
        var problems = new ArrayList<InvalidInput.Violation>();
        if (from == null) problems.add(new InvalidInput.Violation("from", "validation.required"));
        if (to == null) problems.add(new InvalidInput.Violation("to", "validation.required"));
        if (from != null && to != null && to.isBefore(from)) problems.add(new InvalidInput.Violation("to", "defenders.figures.to-before-from"));
        if (!problems.isEmpty()) throw new InvalidInput(problems);
        var period = new Period(from, to);
        var before = previous(period);
        var now = rows(period, ours);
        var then = rows(before, ours);
        var headline = new ArrayList<Figure>();
        headline.add(new Figure("people", people(now), people(then)));
        headline.add(new Figure("threat-types", distinctThreats(now), distinctThreats(then)));
        headline.add(new Figure("violent", violent(now), violent(then)));
        headline.add(new Figure("incidents", now.size(), then.size()));
        headline.add(new Figure("cities", distinct(now, Row::city), distinct(then, Row::city)));
        headline.add(new Figure("regions", distinct(now, Row::region), distinct(then, Row::region)));
        headline.add(new Figure("reprisals", now.stream().filter(Row::reprisal).count(), then.stream().filter(Row::reprisal).count()));
        return new Figures(period, before, headline, by(now, then, r -> List.of(r.region() == null ? "unknown" : r.region())),
                by(now, then, r -> List.of(r.targetGroup())), by(now, then, Row::threats));
    }

    /** People threatened: each person once, and each incident against a group described as one target. */
    private static long people(List<Row> rows) {
        return rows.stream().filter(r -> r.personId() != null).map(Row::personId).distinct().count()
                + rows.stream().filter(r -> r.personId() == null).count();
    }

    private static long distinctThreats(List<Row> rows) {
        return rows.stream().flatMap(r -> r.threats().stream()).distinct().count();
    }

    /** Incidents with at least one violent threat type. */
    private static long violent(List<Row> rows) {
        return rows.stream().filter(r -> r.threats().stream().anyMatch(VIOLENT::contains)).count();
    }

    private static long distinct(List<Row> rows, java.util.function.Function<Row, String> key) {
        var seen = new HashSet<String>();
        rows.forEach(r -> {
            if (key.apply(r) != null) seen.add(key.apply(r).toLowerCase(java.util.Locale.ROOT));
        });
        return seen.size();
    }

    /** Incidents per key in both periods, most in the period first. */
    private static List<Figure> by(List<Row> now, List<Row> then, java.util.function.Function<Row, List<String>> keys) {
        var counts = new TreeMap<String, long[]>();
        now.forEach(r -> keys.apply(r).forEach(k -> counts.computeIfAbsent(k, x -> new long[2])[0]++));
        then.forEach(r -> keys.apply(r).forEach(k -> counts.computeIfAbsent(k, x -> new long[2])[1]++));
        var list = new ArrayList<Figure>();
        counts.forEach((k, c) -> list.add(new Figure(k, c[0], c[1])));
        list.sort((a, b) -> a.current() != b.current() ? Long.compare(b.current(), a.current()) : a.key().compareTo(b.key()));
        return list;
    }

    private List<Row> rows(Period period, boolean ours) {
        Map<String, Object> params = new LinkedHashMap<>();
        String condition = DefenderIncidents.condition("d",
                new DefenderIncidents.Filter(period.from(), period.to(), null, null, null, null, ours), params);
        return DefenderAccess.bind(jdbc.sql("SELECT * FROM defender_incident d WHERE " + condition).params(params))
                .query((rs, n) -> new Row(rs.getObject("person_id", Long.class), rs.getString("region"),
                        rs.getString("city"), rs.getString("target_group"), DefenderIncidents.threats(rs),
                        rs.getBoolean("un_cooperation"))).list();
    }
}
