package org.aigaq.justice.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aigaq.documentation.Places;
import org.aigaq.justice.AttritionFunnel;
import org.aigaq.justice.Explanations;
import org.aigaq.justice.FunnelFilter;
import org.aigaq.justice.FunnelRequest;
import org.aigaq.justice.Jurisdictions;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The attrition funnel: filters, the funnel with its chart and indicators, where cases stop and why, days between
 * steps, flags and safeguard violations, a breakdown by region, agency or place, and the cases behind every figure.
 */
@Controller
class FunnelController {

    private final AttritionFunnel funnel;
    private final Jurisdictions jurisdictions;
    private final Explanations explanations;
    private final Places places;
    private final Organisations organisations;
    private final Vocabularies vocabularies;

    FunnelController(AttritionFunnel funnel, Jurisdictions jurisdictions, Explanations explanations, Places places,
                     Organisations organisations, Vocabularies vocabularies) {
        this.funnel = funnel;
        this.jurisdictions = jurisdictions;
        this.explanations = explanations;
        this.places = places;
        this.organisations = organisations;
        this.vocabularies = vocabularies;
    }

    @SignedIn
    @GetMapping("/justice/funnel")
    String page(@RequestParam Map<String, String> parameters, Model model) {
        filterChoices(parameters, model);
        FunnelRequest request;
        try {
            request = FunnelRequest.parse(parameters, jurisdictions.today());
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", FormErrors.of("funnel", invalid, explanations));
            return "justice/funnel";
        }
        var by = groupBy(parameters);
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("funnel", funnel.funnel(request.filter()));
        model.addAttribute("by", by);
        var groups = funnel.breakdown(request.filter(), by);
        model.addAttribute("groups", groups);
        var names = new LinkedHashMap<String, String>();
        if (by == AttritionFunnel.GroupBy.PLACE) {
            var ids = groups.stream().map(g -> g.value()).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).toList();
            var named = places.get(ids);
            groups.forEach(g -> names.put(g.value(), g.value().matches("\\d{1,18}") && named.containsKey(Long.valueOf(g.value()))
                    ? named.get(Long.valueOf(g.value())).name() : "#" + g.value()));
        }
        model.addAttribute("groupNames", names);
        model.addAttribute("links", new Links(request.parameters()));
        model.addAttribute("placeName", request.filter().place() == null ? null : placeName(String.valueOf(request.filter().place())));
        return "justice/funnel";
    }

    @SignedIn
    @GetMapping("/justice/funnel/cases")
    String cases(@RequestParam Map<String, String> parameters, Model model) {
        var request = FunnelRequest.parse(parameters, jurisdictions.today());
        Long after = FunnelRequest.id("after", parameters.get("after"));
        var page = funnel.cases(request.filter(), request.selection(), after, 50);
        var links = new Links(request.parameters());
        model.addAttribute("page", page);
        model.addAttribute("selection", request.selection());
        model.addAttribute("filter", request.filter());
        model.addAttribute("back", links.funnel());
        var more = new LinkedHashMap<>(parameters);
        if (page.next() != null) more.put("after", String.valueOf(page.next()));
        model.addAttribute("more", page.next() == null ? null : Links.url("/justice/funnel/cases", more));
        return "justice/funnel-cases";
    }

    /** Every table of the page in one CSV: a column naming the figure, then its dimensions and values. */
    @SignedIn
    @GetMapping("/justice/funnel.csv")
    void csv(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        var request = FunnelRequest.parse(parameters, jurisdictions.today());
        var f = funnel.funnel(request.filter());
        var by = groupBy(parameters);
        var groups = funnel.breakdown(request.filter(), by);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"attrition-funnel-" + request.filter().asOf() + ".csv\"");
        try (var printer = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("figure", "step", "to_step", "reason_or_rule", "group", "cases",
                        "second_count", "percent", "median_days", "p90_days", "as_of").get())) {
            FunnelFilter filter = f.filter();
            for (var s : f.steps()) {
                printer.printRecord("reached", s.milestone(), null, null, null, s.cases(), s.stoppedHere(), s.ofComplaints().percent(), null, null, filter.asOf());
            }
            for (var r : f.indicators()) {
                printer.printRecord("indicator", null, null, r.indicator().code(), null, r.numerator(), r.denominator(), r.percent(), null, null, filter.asOf());
            }
            for (var l : f.losses()) printer.printRecord("stopped", l.at(), null, l.reason(), null, l.cases(), null, null, null, null, filter.asOf());
            for (var t : f.times()) printer.printRecord("days", t.from(), t.to(), null, null, t.cases(), null, null, t.medianDays(), t.p90Days(), filter.asOf());
            for (var c : f.flags()) printer.printRecord("flag", null, null, c.rule(), null, c.cases(), null, null, null, null, filter.asOf());
            for (var c : f.violations()) printer.printRecord("safeguard-violation", null, null, c.rule(), null, c.cases(), null, null, null, null, filter.asOf());
            for (var g : groups) {
                printer.printRecord("by-" + by.name().toLowerCase(java.util.Locale.ROOT), null, null, null, g.value(), g.complaints(),
                        g.court(), null, null, null, filter.asOf());
            }
        }
    }

    private static AttritionFunnel.GroupBy groupBy(Map<String, String> parameters) {
        var by = FunnelRequest.groupBy(parameters.get("by"), "by");
        return by == null ? AttritionFunnel.GroupBy.REGION : by;
    }

    private void filterChoices(Map<String, String> parameters, Model model) {
        model.addAttribute("entered", parameters);
        model.addAttribute("agencies", vocabularies.terms("agency"));
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("articles", jurisdictions.get(Jurisdictions.DEFAULT).articles().stream()
                .map(a -> a.codeVersion() + ":" + a.article()).distinct().toList());
    }

    /** A place's name for a breakdown row; a place that is gone shows its number. */
    String placeName(String id) {
        try {
            return places.get(Long.parseLong(id)).name();
        } catch (NoSuchRecord | NumberFormatException e) {
            return "#" + id;
        }
    }

    /** Links that keep the filter: to the cases behind a figure, to the page grouped otherwise, to the CSV. */
    public record Links(Map<String, String> filter) {

        public String reached(String milestone) {
            return cases(Map.of("reached", milestone));
        }

        public String stopped(String milestone, String reason) {
            return cases(Map.of("stoppedAt", milestone, "reason", reason));
        }

        /** The cases a rule concerns: {@code kind} is {@code flag} or {@code violation}, {@code rule} a name or ANY. */
        public String rule(String kind, String rule) {
            return cases(Map.of(kind, rule));
        }

        public String group(String by, String value, String milestone) {
            var selection = new LinkedHashMap<String, String>();
            selection.put("groupBy", by);
            selection.put("group", value);
            if (milestone != null) selection.put("reached", milestone);
            return cases(selection);
        }

        /** The group's cases with any flag ({@code flag}) or any safeguard violated ({@code violation}). */
        public String groupWithAny(String by, String value, String what) {
            var selection = new LinkedHashMap<String, String>();
            selection.put("groupBy", by);
            selection.put("group", value);
            selection.put(what, AttritionFunnel.ANY);
            return cases(selection);
        }

        /** The funnel with the group as a filter (region, agency or place). */
        public String narrowed(String by, String value) {
            var p = new LinkedHashMap<>(filter);
            p.put(switch (by) { case "AGENCY" -> "agency"; case "PLACE" -> "place"; default -> "region"; }, value);
            return url("/justice/funnel", p);
        }

        public String groupedBy(String by) {
            var p = new LinkedHashMap<>(filter);
            p.put("by", by);
            return url("/justice/funnel", p) + "#breakdown";
        }

        public String csv() {
            return url("/justice/funnel.csv", filter);
        }

        public String funnel() {
            return url("/justice/funnel", filter);
        }

        private String cases(Map<String, String> selection) {
            var p = new LinkedHashMap<>(filter);
            p.putAll(selection);
            return url("/justice/funnel/cases", p);
        }

        static String url(String path, Map<String, String> parameters) {
            var builder = UriComponentsBuilder.fromPath(path);
            parameters.forEach(builder::queryParam);
            return builder.encode().build().toUriString();
        }
    }
}
