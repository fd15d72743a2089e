package org.aigaq.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.justice.AttritionFunnel;
import org.aigaq.justice.AttritionIndicators;
import org.aigaq.justice.FunnelFilter;
import org.aigaq.justice.Milestone;
import org.aigaq.platform.indicators.Indicator;
import org.aigaq.platform.indicators.Ratio;
import org.springframework.stereotype.Service;

/**
 * The indicators computed from official figures, each defined once: where the justice funnel has the same figure
 * (the prosecution rate, cases opened per complaint) its definition is reused, so the official and the coalition's
 * figures are the same division with the same rounding; the court's confirmed allegations are defined here. Beside
 * them, the coalition's own counts of the same year and article from the justice records.
 */
@Service
public class OfficialIndicators {

    /** An indicator and the measures summed above and below the line. */
    public record Definition(Indicator indicator, List<Measure> numerator, List<Measure> denominator) {
        /** The indicator over one row's figures; no figure (null) when a measure it needs is not published. */
        public Ratio of(OfficialFigures.Row row) {
            Long top = sum(row, numerator);
            Long bottom = sum(row, denominator);
            return top == null || bottom == null ? null : indicator.of(top, bottom);
        }

        private static Long sum(OfficialFigures.Row row, List<Measure> measures) {
            long total = 0;
            for (Measure m : measures) {
                Long v = row.value(m);
                if (v == null) return null;
                total += v;
            }
            return total;
        }
    }

    /** Cases sent to court ÷ complaints registered: the justice funnel's prosecution rate. */
    public static final Definition PROSECUTION = reuse("complaints-sent-to-court", Measure.SENT_TO_COURT, Measure.COMPLAINTS);
    /** Criminal cases opened ÷ complaints registered, as the justice funnel defines it. */
    public static final Definition CASES_OPENED = reuse("criminal-cases-opened", Measure.CASES_OPENED, Measure.COMPLAINTS);
    /** Allegations the court found confirmed ÷ allegations raised at trial (written and oral). */
    public static final Definition ALLEGATIONS_CONFIRMED = new Definition(new Indicator("court-allegations-confirmed",
            Measure.ALLEGATIONS_CONFIRMED.messageKey(), "statistics.allegations-raised", 1),
            List.of(Measure.ALLEGATIONS_CONFIRMED), List.of(Measure.ALLEGATIONS_WRITTEN, Measure.ALLEGATIONS_ORAL));

    public static final List<Definition> ALL = List.of(PROSECUTION, CASES_OPENED, ALLEGATIONS_CONFIRMED);

    /** One row of official figures with its indicators, in the order of {@link #ALL}. */
    public record IndicatorRow(OfficialFigures.Row row, List<Ratio> ratios) {}

    /** The counts of one year and article: one source's official figures (summed over parts) and the coalition's. */
    public record Comparison(int year, String article, String agency, String form, Counts official, Counts coalition,
                             Ratio officialProsecution, Ratio coalitionProsecution) {}

    /** Complaints, cases opened, sent to court and convictions (null where not published). */
    public record Counts(Long complaints, Long opened, Long court, Long convicted) {}

    private final OfficialFigures figures;
    private final AttritionFunnel funnel;

    OfficialIndicators(OfficialFigures figures, AttritionFunnel funnel) {
        this.figures = figures;
        this.funnel = funnel;
    }

    /** Every row selected with its indicators, newest year first. */
    public List<IndicatorRow> indicators(OfficialFigures.Selection selection) {
        return figures.rows(selection).stream()
                .map(row -> new IndicatorRow(row, ALL.stream().map(d -> d.of(row)).toList())).toList();
    }

    /**
     * Official against coalition counts for the same year and article (of the complaints the reader may see, filed
     * that year, by the furthest step they reached by {@code asOf}); one line per official source.
     */
    public List<Comparison> comparison(OfficialFigures.Selection selection, java.time.LocalDate asOf) {
        var grouped = new LinkedHashMap<List<Object>, List<OfficialFigures.Row>>();
        for (var row : figures.rows(selection)) {
            grouped.computeIfAbsent(List.of(row.year(), row.codeVersion() + ":" + row.article(), row.agency(), row.form()),
                    k -> new ArrayList<>()).add(row);
        }
        var coalition = new LinkedHashMap<List<Object>, AttritionFunnel.Funnel>();
        var result = new ArrayList<Comparison>();
        for (var entry : grouped.entrySet()) {
            int year = (Integer) entry.getKey().get(0);
            String article = (String) entry.getKey().get(1);
            var official = new Counts(sum(entry.getValue(), Measure.COMPLAINTS), sum(entry.getValue(), Measure.CASES_OPENED),
                    sum(entry.getValue(), Measure.SENT_TO_COURT), sum(entry.getValue(), Measure.CONVICTED));
            var ours = coalition.computeIfAbsent(List.of(year, article),
                    k -> funnel.funnel(new FunnelFilter(year, year, null, null, null, article, null, asOf)));
            Map<Milestone, Long> reached = new LinkedHashMap<>();
            ours.steps().forEach(s -> reached.put(s.milestone(), s.cases()));
            var counts = new Counts(reached.get(Milestone.COMPLAINT), reached.get(Milestone.CRIMINAL_CASE),
                    reached.get(Milestone.COURT), reached.get(Milestone.CONVICTION));
            var indicator = PROSECUTION.indicator();
            result.add(new Comparison(year, article, (String) entry.getKey().get(2), (String) entry.getKey().get(3), official, counts,
                    official.court() == null || official.complaints() == null ? null : indicator.of(official.court(), official.complaints()),
                    counts.court() == null || counts.complaints() == null ? null : indicator.of(counts.court(), counts.complaints())));
        }
        return result;
    }

    /**
     * One year of a trend: the official value and its change from the year before, and beside them the coalition's
     * value of the same definition where the justice records have it (else null). A change is in percentage points,
     * the difference of the two shares as shown (rounded), so that the table adds up; it is null when the year before
     * has no value, or is not in the table (a gap of years is not "the previous year").
     */
    public record TrendPoint(int year, Ratio official, BigDecimal officialChange, Ratio coalition, BigDecimal coalitionChange) {}

    /**
     * An indicator's values by year, oldest first, for one jurisdiction, article ({@code 2014:146}) and official source
     * (agency and report form); {@code compared} when the coalition's records define the same figure.
     */
    public record Trend(Definition definition, String jurisdiction, String article, String agency, String form, boolean compared,
                        List<TrendPoint> points) {}

    /**
     * The trends of every indicator over the rows selected: per article and source, the figures of a year are those of
     * the whole article where the table gives them (no part), else the sum of its parts (a measure some part does not
     * publish is not published); the coalition's side is the justice funnel of the complaints filed that year, by the
     * furthest step they reached by {@code asOf}.
     */
    public List<Trend> trends(OfficialFigures.Selection selection, java.time.LocalDate asOf) {
        var grouped = new java.util.TreeMap<List<String>, java.util.TreeMap<Integer, List<OfficialFigures.Row>>>(
                java.util.Comparator.comparing((List<String> k) -> String.join("\u0000", k)));
        for (var row : figures.rows(selection)) {
            grouped.computeIfAbsent(List.of(row.jurisdiction(), row.codeVersion() + ":" + row.article(), row.agency(), row.form()),
                    k -> new java.util.TreeMap<>()).computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row);
        }
        var coalition = new LinkedHashMap<List<Object>, AttritionFunnel.Funnel>();
        var trends = new ArrayList<Trend>();
        for (var definition : ALL) {
            boolean compared = AttritionIndicators.ALL.stream().anyMatch(d -> d.indicator().code().equals(definition.indicator().code()));
            for (var group : grouped.entrySet()) {
                String article = group.getKey().get(1);
                var points = new ArrayList<TrendPoint>();
                TrendPoint previous = null;
                for (var year : group.getValue().entrySet()) {
                    Ratio official = definition.of(whole(year.getValue()));
                    Ratio ours = null;
                    if (compared) {
                        var funnelOfYear = coalition.computeIfAbsent(List.of(year.getKey(), article), k -> funnel.funnel(
                                new FunnelFilter(year.getKey(), year.getKey(), null, null, null, article, null, asOf)));
                        ours = funnelOfYear.indicators().stream()
                                .filter(r -> r.indicator().code().equals(definition.indicator().code())).findFirst().orElse(null);
                    }
                    boolean follows = previous != null && previous.year() == year.getKey() - 1;
                    var point = new TrendPoint(year.getKey(), official, follows ? change(previous.official(), official) : null,
                            ours, follows ? change(previous.coalition(), ours) : null);
                    points.add(point);
                    previous = point;
                }
                if (points.stream().anyMatch(p -> p.official() != null && p.official().percent() != null)) {
                    trends.add(new Trend(definition, group.getKey().get(0), article, group.getKey().get(2), group.getKey().get(3),
                            compared, List.copyOf(points)));
                }
            }
        }
        return trends;
    }

    /** The change of a share in percentage points; null when either share is not a figure. */
    static BigDecimal change(Ratio before, Ratio after) {
        if (before == null || after == null || before.percent() == null || after.percent() == null) return null;
        return after.percent().subtract(before.percent());
    }

    /** The figures of a whole article in one year: its row without a part, or the sum of its parts. */
    private static OfficialFigures.Row whole(List<OfficialFigures.Row> rows) {
        var first = rows.getFirst();
        var total = rows.stream().filter(r -> r.part().isEmpty()).findFirst().orElse(null);
        if (total != null) return total;
        var values = new java.util.EnumMap<Measure, Long>(Measure.class);
        for (Measure m : Measure.values()) {
            if (rows.stream().allMatch(r -> r.value(m) != null)) values.put(m, rows.stream().mapToLong(r -> r.value(m)).sum());
        }
        long version = rows.stream().mapToLong(OfficialFigures.Row::latestVersion).max().orElse(0);
        return new OfficialFigures.Row(first.jurisdiction(), first.year(), first.agency(), first.form(), first.codeVersion(),
                first.article(), "", values, version);
    }

    private static Long sum(List<OfficialFigures.Row> rows, Measure measure) {
        Long total = null;
        for (var row : rows) {
            Long v = row.value(measure);
            if (v != null) total = (total == null ? 0 : total) + v;
        }
        return total;
    }

    private static Definition reuse(String code, Measure numerator, Measure denominator) {
        var definition = AttritionIndicators.ALL.stream().filter(d -> d.indicator().code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no justice indicator " + code));
        return new Definition(definition.indicator(), List.of(numerator), List.of(denominator));
    }
}
