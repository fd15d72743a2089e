package org.aigaq.reports;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.publication.CaseSummaries;
import org.aigaq.justice.AttritionFunnel;
import org.aigaq.justice.AttritionIndicators;
import org.aigaq.justice.FunnelFilter;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.indicators.Indicator;
import org.aigaq.platform.indicators.Ratio;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.aigaq.recommendations.Recommendation;
import org.aigaq.recommendations.Recommendations;
import org.aigaq.statistics.Measure;
import org.aigaq.statistics.OfficialFigures;
import org.aigaq.statistics.OfficialIndicators;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Resolves a live block into a table or a chart as the signed-in user may see the data, with a note giving each
 * figure's definition (the one of {@link OfficialIndicators} and {@link AttritionIndicators}: one definition per
 * figure), its source and the day it was taken. Each kind reads through its capability's public service, with limits:
 * no block reads more than a few hundred rows or groups.
 */
@Component
class LiveBlocks {

    /** The most rows of official figures one table shows. */
    static final int STATISTICS_ROWS = 200;
    /** The most years an indicator's coalition line is counted for (one funnel each). */
    static final int COALITION_YEARS = 30;

    private final OfficialFigures figures;
    private final AttritionFunnel funnel;
    private final CaseSummaries cases;
    private final Places places;
    private final Recommendations recommendations;
    private final Vocabularies vocabularies;
    private final MessageSource messages;

    LiveBlocks(OfficialFigures figures, AttritionFunnel funnel, CaseSummaries cases, Places places,
               Recommendations recommendations, Vocabularies vocabularies, MessageSource messages) {
        this.figures = figures;
        this.funnel = funnel;
        this.cases = cases;
        this.places = places;
        this.recommendations = recommendations;
        this.vocabularies = vocabularies;
        this.messages = messages;
    }

    /** The block as the signed-in user may see its data at {@code asOf}; a block they may not see is an empty table. */
    ReportBlock resolve(Report.Block block, Locale locale, Instant asOf) {
        var in = new Context(block.parameters(), locale, asOf);
        // Checked before any service is called: a refusal inside a service's transaction would roll back the caller's.
        boolean writer = CurrentUser.get().map(u -> u.roles().stream().anyMatch(ReportAccess.WRITERS::contains)).orElse(false);
        if (!writer) return empty(in, block, "reports.block.not-visible");
        try {
            block.kind().checked(block.parameters());
        } catch (InvalidInput invalid) {
            return empty(in, block, "reports.block.invalid");
        }
        try {
            return switch (block.kind()) {
                case STATISTICS -> statistics(in);
                case INDICATOR -> indicator(in);
                case CASES -> cases(in);
                case SAFEGUARDS -> safeguards(in);
                case FACILITIES -> facilities(in);
                case RECOMMENDATIONS -> recommendations(in);
            };
        } catch (AccessDeniedException refused) {
            return empty(in, block, "reports.block.not-visible");
        }
    }

    /** A block that shows nothing, and why. */
    private static ReportBlock empty(Context in, Report.Block block, String why) {
        return new ReportBlock.Table(in.message(block.kind().messageKey()), List.of(new ReportBlock.Column("", false)),
                List.of(), in.message(why));
    }

    private ReportBlock statistics(Context in) {
        var rows = figures.rows(selection(in));
        var indicator = OfficialIndicators.PROSECUTION;
        var columns = List.of(column(in, "reports.column.year", false), column(in, "reports.column.jurisdiction", false),
                column(in, "reports.column.article", false), column(in, "reports.column.source", false),
                column(in, Measure.COMPLAINTS.messageKey(), true), column(in, Measure.CASES_OPENED.messageKey(), true),
                column(in, Measure.SENT_TO_COURT.messageKey(), true), column(in, Measure.CONVICTED.messageKey(), true),
                column(in, indicator.indicator().messageKey(), true));
        var cells = new ArrayList<List<String>>();
        var sources = new LinkedHashSet<String>();
        for (var row : rows.stream().limit(STATISTICS_ROWS).toList()) {
            String source = row.agency() + (row.form().isEmpty() ? "" : ", " + row.form());
            sources.add(source);
            cells.add(List.of(String.valueOf(row.year()), row.jurisdiction(), row.citation(), source,
                    in.count(row.value(Measure.COMPLAINTS)), in.count(row.value(Measure.CASES_OPENED)),
                    in.count(row.value(Measure.SENT_TO_COURT)), in.count(row.value(Measure.CONVICTED)),
                    in.percent(indicator.of(row))));
        }
        String note = String.join(" ", in.definition(indicator.indicator()),
                in.message("reports.note.official-sources", sources.isEmpty() ? "—" : String.join("; ", sources)),
                rows.size() > STATISTICS_ROWS ? in.message("reports.note.rows-cut", STATISTICS_ROWS, rows.size()) : "",
                in.asOfNote()).replaceAll(" +", " ").strip();
        return new ReportBlock.Table(in.caption("reports.block.statistics.caption"), columns, cells, note);
    }

    private ReportBlock indicator(Context in) {
        String code = in.text("indicator");
        var definition = OfficialIndicators.ALL.stream().filter(d -> d.indicator().code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInput("parameters.indicator", "validation.invalid"));
        var rows = figures.rows(selection(in));
        // one line per source: numerator and denominator summed over the parts of the article, per year
        var bySource = new LinkedHashMap<String, TreeMap<Integer, long[]>>();
        var years = new TreeSet<Integer>();
        for (var row : rows) {
            var ratio = definition.of(row);
            if (ratio == null) continue;
            String source = row.agency() + (row.form().isEmpty() ? "" : ", " + row.form());
            var sums = bySource.computeIfAbsent(source, s -> new TreeMap<>()).computeIfAbsent(row.year(), y -> new long[2]);
            sums[0] += ratio.numerator();
            sums[1] += ratio.denominator();
            years.add(row.year());
        }
        Integer from = in.year("fromYear");
        Integer to = in.year("toYear");
        if (from != null && to != null && to - from < COALITION_YEARS) {
            for (int y = from; y <= to; y++) years.add(y);
        }
        var series = new ArrayList<ReportBlock.Series>();
        var indicator = definition.indicator();
        for (var source : bySource.entrySet()) {
            var values = new ArrayList<Double>();
            for (int year : years) {
                long[] sums = source.getValue().get(year);
                values.add(sums == null ? null : value(indicator.of(sums[0], sums[1])));
            }
            series.add(new ReportBlock.Series(in.message("reports.series.official", source.getKey()), values));
        }
        boolean coalition = "true".equals(in.text("coalition"))
                && AttritionIndicators.ALL.stream().anyMatch(d -> d.indicator().code().equals(code));
        String coalitionNote = "";
        if (coalition) {
            var values = new ArrayList<Double>();
            for (int year : years.stream().limit(COALITION_YEARS).toList()) {
                var counted = funnel.funnel(new FunnelFilter(year, year, null, null, null, in.text("article"), null, in.asOfDay()));
                values.add(counted.indicators().stream().filter(r -> r.indicator().code().equals(code)).findFirst()
                        .map(LiveBlocks::value).orElse(null));
            }
            while (values.size() < years.size()) values.add(null);
            series.add(new ReportBlock.Series(in.message("reports.series.coalition"), values));
            coalitionNote = in.message("reports.note.coalition");
        }
        String note = String.join(" ", in.definition(indicator), in.message("reports.note.official-by-source"), coalitionNote,
                in.asOfNote()).replaceAll(" +", " ").strip();
        return new ReportBlock.Chart(in.message(indicator.messageKey()) + (in.scope().isEmpty() ? "" : " — " + in.scope()),
                ReportBlock.ChartKind.LINE, years.stream().map(String::valueOf).toList(), series, note);
    }

    private ReportBlock cases(Context in) {
        int limit = in.limit(20);
        var found = cases.summaries(new CaseSummaries.Filter(in.year("fromYear"), in.year("toYear"), in.text("region"),
                in.text("actType")), limit);
        var columns = List.of(column(in, "reports.column.period", false), column(in, "reports.column.region", false),
                column(in, "reports.column.place-type", false), column(in, "reports.column.act-type", false),
                column(in, "reports.column.methods", false), column(in, "reports.column.agencies", false),
                column(in, "reports.column.status", false));
        var labels = new Labels(in.locale());
        var cells = new ArrayList<List<String>>();
        for (var s : found) {
            cells.add(List.of(blank(s.period()), blank(s.region()), labels.of("location-type", s.placeType()),
                    labels.of("act-type", s.actType()), String.join(", ", s.methods().stream().map(m -> labels.of("method", m)).toList()),
                    s.agencies() == null ? "" : String.join(", ", List.of(s.agencies().split(";")).stream().map(a -> labels.of("agency", a)).toList()),
                    labels.of("violation-status", s.status())));
        }
        String note = String.join(" ", in.message("reports.note.cases", limit), in.asOfNote());
        return new ReportBlock.Table(in.caption("reports.block.cases.caption"), columns, cells, note.strip());
    }

    private ReportBlock safeguards(Context in) {
        var counted = funnel.funnel(new FunnelFilter(in.year("fromYear"), in.year("toYear"), in.text("region"), null, null,
                in.text("article"), null, in.asOfDay()));
        var columns = List.of(column(in, "reports.column.safeguard", false), column(in, "reports.column.complaints-concerned", true));
        var cells = new ArrayList<List<String>>();
        var definitions = new ArrayList<String>();
        for (var rule : counted.violations()) {
            cells.add(List.of(in.message("justice.rule." + rule.rule() + ".name"), in.count(rule.cases())));
            definitions.add(in.message("justice.rule." + rule.rule() + ".name") + ": " + in.message("justice.rule." + rule.rule() + ".description"));
        }
        cells.add(List.of(in.message("reports.row.with-any-violation"), in.count(counted.violated())));
        cells.add(List.of(in.message("reports.row.complaints"), in.count(counted.complaints())));
        String note = String.join(" ", String.join(" ", definitions), in.message("reports.note.safeguards"), in.asOfNote());
        return new ReportBlock.Table(in.caption("reports.block.safeguards.caption"), columns, cells, note.strip());
    }

    private ReportBlock facilities(Context in) {
        int limit = in.limit(50);
        var page = places.list(new Places.Filter(null, in.text("type"), in.text("region"), null, null, true), null, limit);
        var labels = new Labels(in.locale());
        var columns = List.of(column(in, "reports.column.place", false), column(in, "reports.column.official-code", false),
                column(in, "reports.column.place-type", false), column(in, "reports.column.region", false),
                column(in, "reports.column.authority", false), column(in, "reports.column.in-mandate", false));
        var cells = new ArrayList<List<String>>();
        for (var p : page.places()) {
            cells.add(List.of(p.name(), blank(p.officialCode()), labels.of("location-type", p.locationType()), blank(p.region()),
                    blank(p.authority()), in.message(p.inMandate() ? "reports.yes" : "reports.no")));
        }
        String more = page.nextAfter() == null ? "" : in.message("reports.note.more-places", limit);
        return new ReportBlock.Table(in.caption("reports.block.facilities.caption"), columns, cells,
                String.join(" ", in.message("reports.note.facilities"), more, in.asOfNote()).replaceAll(" +", " ").strip());
    }

    private ReportBlock recommendations(Context in) {
        int limit = in.limit(50);
        String source = in.text("source");
        var lines = recommendations.list(source == null ? null : Recommendation.Source.valueOf(source), in.text("theme"));
        var columns = List.of(column(in, "reports.column.citation", false), column(in, "reports.column.recommendation", false),
                column(in, "reports.column.due", false), column(in, "reports.column.assessment", false));
        var cells = new ArrayList<List<String>>();
        for (var line : lines.stream().limit(limit).toList()) {
            String text = line.text().length() > 500 ? line.text().substring(0, 499) + "…" : line.text();
            cells.add(List.of(line.citation(), text, line.dueDate() == null ? "" : in.date(line.dueDate()),
                    line.grade() == null ? in.message("recommendations.grade.none")
                            : line.grade() + " — " + in.message("recommendations.grade." + line.grade())));
        }
        String more = lines.size() > limit ? in.message("reports.note.rows-cut", limit, lines.size()) : "";
        return new ReportBlock.Table(in.caption("reports.block.recommendations.caption"), columns, cells,
                String.join(" ", in.message("reports.note.recommendations"), more, in.asOfNote()).replaceAll(" +", " ").strip());
    }

    private static OfficialFigures.Selection selection(Context in) {
        return new OfficialFigures.Selection(in.text("jurisdiction"), in.text("article"), in.text("agency"),
                in.year("fromYear"), in.year("toYear"));
    }

    private ReportBlock.Column column(Context in, String key, boolean numeric) {
        return new ReportBlock.Column(in.message(key), numeric);
    }

    private static Double value(Ratio ratio) {
        return ratio == null || ratio.percent() == null ? null : ratio.percent().doubleValue();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    /** Vocabulary labels in the report's language, each term looked up once per block. */
    private final class Labels {
        private final Locale locale;
        private final Map<String, String> known = new LinkedHashMap<>();

        Labels(Locale locale) {
            this.locale = locale;
        }

        String of(String list, String code) {
            if (code == null || code.isBlank()) return "";
            return known.computeIfAbsent(list + ":" + code,
                    k -> vocabularies.find(list, code).map(t -> t.label(locale)).orElse(code));
        }
    }

    /** A block's parameters and the report's language and instant, with the formatting of its cells and notes. */
    private final class Context {
        private final Map<String, String> parameters;
        private final Locale locale;
        private final Instant asOf;

        Context(Map<String, String> parameters, Locale locale, Instant asOf) {
            this.parameters = parameters;
            this.locale = locale;
            this.asOf = asOf;
        }

        Locale locale() {
            return locale;
        }

        String text(String name) {
            String value = parameters.get(name);
            return value == null || value.isBlank() ? null : value;
        }

        Integer year(String name) {
            return LiveBlock.number(text(name));
        }

        int limit(int otherwise) {
            Integer limit = LiveBlock.number(text("limit"));
            return limit == null ? otherwise : limit;
        }

        LocalDate asOfDay() {
            return LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        }

        String message(String key, Object... arguments) {
            return messages.getMessage(key, arguments, key, locale);
        }

        String count(Long value) {
            return value == null ? "—" : NumberFormat.getIntegerInstance(locale).format(value);
        }

        String percent(Ratio ratio) {
            if (ratio == null || ratio.percent() == null) return "—";
            var format = NumberFormat.getNumberInstance(locale);
            BigDecimal percent = ratio.percent();
            format.setMinimumFractionDigits(percent.scale());
            format.setMaximumFractionDigits(percent.scale());
            return format.format(percent) + " %";
        }

        String date(LocalDate date) {
            return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        }

        /** The figure's definition as the reader's language says it: numerator ÷ denominator, rounding. */
        String definition(Indicator indicator) {
            return message("reports.note.definition", message(indicator.messageKey()), message(indicator.numeratorKey()),
                    message(indicator.denominatorKey()), indicator.decimals());
        }

        String asOfNote() {
            return message("reports.note.as-of", date(asOfDay()));
        }

        /** A caption with the block's filter in words after it, when it has one. */
        String caption(String key) {
            String scope = scope();
            return message(key) + (scope.isEmpty() ? "" : " — " + scope);
        }

        /** The filter in words, for the caption: years, article, region, as given. */
        String scope() {
            var parts = new ArrayList<String>();
            Integer from = year("fromYear");
            Integer to = year("toYear");
            if (from != null || to != null) parts.add((from == null ? "…" : from) + "–" + (to == null ? "…" : to));
            if (text("article") != null) parts.add(message("reports.scope.article", text("article")));
            if (text("region") != null) parts.add(text("region"));
            if (text("jurisdiction") != null) parts.add(text("jurisdiction"));
            if (text("source") != null) parts.add(message("recommendations.source." + text("source")));
            if (text("theme") != null) parts.add(text("theme"));
            return String.join(", ", parts);
        }
    }
}
