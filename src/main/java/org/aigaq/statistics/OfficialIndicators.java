package org.aigaq.statistics;

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
