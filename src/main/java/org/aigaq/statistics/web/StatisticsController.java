package org.aigaq.statistics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.aigaq.justice.Jurisdictions;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.statistics.Measure;
import org.aigaq.statistics.OfficialFigures;
import org.aigaq.statistics.OfficialIndicators;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The official statistics page: the indicators of the published tables with their definitions beside them, a chart
 * of the prosecution rate, the trends by year (official beside the coalition's), the official counts beside the
 * coalition's, every version of the figures, and the CSV.
 */
@Controller
class StatisticsController {

    private final OfficialFigures figures;
    private final OfficialIndicators indicators;
    private final Jurisdictions jurisdictions;

    StatisticsController(OfficialFigures figures, OfficialIndicators indicators, Jurisdictions jurisdictions) {
        this.figures = figures;
        this.indicators = indicators;
        this.jurisdictions = jurisdictions;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/statistics")
    String page(@RequestParam Map<String, String> parameters, Model model) {
        var selection = selection(parameters);
        model.addAttribute("entered", parameters);
        model.addAttribute("yearInvalid", selection.invalid());
        model.addAttribute("articles", jurisdictions.get(Jurisdictions.DEFAULT).articles().stream()
                .map(a -> a.codeVersion() + ":" + a.article()).distinct().toList());
        model.addAttribute("definitions", OfficialIndicators.ALL);
        model.addAttribute("rows", indicators.indicators(selection.selection()));
        model.addAttribute("comparison", indicators.comparison(selection.selection(), jurisdictions.today()));
        model.addAttribute("history", figures.history(selection.selection()));
        var user = CurrentUser.require();
        model.addAttribute("canImport", user.has(Role.COORDINATOR) || user.has(Role.DOCUMENTER));
        model.addAttribute("query", query("/statistics.csv", parameters));
        model.addAttribute("trends", indicators.trends(selection.selection(), jurisdictions.today()));
        model.addAttribute("trendsQuery", query("/statistics/trends.csv", parameters));
        return "statistics/indicators";
    }

    /** The indicator rows as CSV: the figures of each row, then each indicator's numerator, denominator and share. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/statistics.csv")
    void csv(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        var rows = indicators.indicators(selection(parameters).selection());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"official-statistics.csv\"");
        var header = new java.util.ArrayList<String>(java.util.List.of("jurisdiction", "year", "agency", "form", "code_version",
                "article", "part", "version"));
        for (Measure m : Measure.values()) header.add(m.name().toLowerCase(java.util.Locale.ROOT));
        for (var d : OfficialIndicators.ALL) {
            header.add(d.indicator().code() + "_numerator");
            header.add(d.indicator().code() + "_denominator");
            header.add(d.indicator().code() + "_percent");
        }
        try (var printer = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (var r : rows) {
                var record = new java.util.ArrayList<Object>(java.util.List.of(r.row().jurisdiction(), r.row().year(), r.row().agency(),
                        r.row().form(), r.row().codeVersion(), r.row().article(), r.row().part(), r.row().latestVersion()));
                for (Measure m : Measure.values()) record.add(r.row().value(m));
                for (var ratio : r.ratios()) {
                    record.add(ratio == null ? null : ratio.numerator());
                    record.add(ratio == null ? null : ratio.denominator());
                    record.add(ratio == null ? null : ratio.percent());
                }
                printer.printRecord(record);
            }
        }
    }

    /**
     * The trends as CSV: one line per indicator, article, source and year, the official counts, share and change in
     * percentage points, and the coalition's where the justice records define the same figure.
     */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/statistics/trends.csv")
    void trendsCsv(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        var trends = indicators.trends(selection(parameters).selection(), jurisdictions.today());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"official-statistics-trends.csv\"");
        try (var printer = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("indicator", "jurisdiction", "article", "agency", "form", "year",
                        "official_numerator", "official_denominator", "official_percent", "official_change_points",
                        "coalition_numerator", "coalition_denominator", "coalition_percent", "coalition_change_points").get())) {
            for (var trend : trends) {
                for (var point : trend.points()) {
                    var official = point.official();
                    var coalition = point.coalition();
                    printer.printRecord(trend.definition().indicator().code(), trend.jurisdiction(), trend.article(),
                            trend.agency(), trend.form(), point.year(),
                            official == null ? null : official.numerator(), official == null ? null : official.denominator(),
                            official == null ? null : official.percent(), point.officialChange(),
                            coalition == null ? null : coalition.numerator(), coalition == null ? null : coalition.denominator(),
                            coalition == null ? null : coalition.percent(), point.coalitionChange());
                }
            }
        }
    }

    private record Parsed(OfficialFigures.Selection selection, boolean invalid) {}

    /** The filters; a year that is not one is left out and said so on the page. */
    private static Parsed selection(Map<String, String> parameters) {
        boolean[] invalid = {false};
        Integer from = year(parameters.get("fromYear"), invalid);
        Integer to = year(parameters.get("toYear"), invalid);
        return new Parsed(new OfficialFigures.Selection(null, blank(parameters.get("article")), blank(parameters.get("agency")),
                from, to), invalid[0]);
    }

    private static Integer year(String value, boolean[] invalid) {
        if (value == null || value.isBlank()) return null;
        if (value.strip().matches("\\d{4}")) {
            int year = Integer.parseInt(value.strip());
            if (year >= 1950 && year <= 2100) return year;
        }
        invalid[0] = true;
        return null;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String query(String path, Map<String, String> parameters) {
        var builder = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        for (String name : java.util.List.of("article", "agency", "fromYear", "toYear")) {
            String value = blank(parameters.get(name));
            if (value != null) builder.queryParam(name, value);
        }
        return builder.encode().build().toUriString();
    }
}
