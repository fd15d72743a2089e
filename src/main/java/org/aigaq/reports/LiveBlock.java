package org.aigaq.reports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.recommendations.Recommendation;
import org.aigaq.statistics.OfficialIndicators;

/**
 * The kinds of live block and the parameters each takes; a block keeps its parameters and is resolved into a table or
 * a chart, with its note (definitions, sources, "as of"), whenever the report is composed.
 */
public enum LiveBlock {
    /** Official figures by year and article (statistics): complaints, cases opened, sent to court, convicted. */
    STATISTICS(List.of(Parameter.text("jurisdiction"), Parameter.article("article"), Parameter.text("agency"),
            Parameter.year("fromYear"), Parameter.year("toYear"))),
    /** An official indicator over the years, one line per source, and the coalition's own where justice defines it. */
    INDICATOR(List.of(Parameter.choice("indicator", true, OfficialIndicators.ALL.stream().map(d -> d.indicator().code()).toList()),
            Parameter.text("jurisdiction"), Parameter.article("article"), Parameter.year("fromYear"), Parameter.year("toYear"),
            Parameter.choice("coalition", false, List.of("true", "false")))),
    /** Anonymised summaries of public cases matching a filter: no names, dates to the month. */
    CASES(List.of(Parameter.year("fromYear"), Parameter.year("toYear"), Parameter.text("region"), Parameter.text("actType"),
            Parameter.limit("limit", 100))),
    /** Safeguard violations counted over the complaints of the justice records. */
    SAFEGUARDS(List.of(Parameter.year("fromYear"), Parameter.year("toYear"), Parameter.text("region"),
            Parameter.article("article"))),
    /** Places of detention of the registry. */
    FACILITIES(List.of(Parameter.text("region"), Parameter.text("type"), Parameter.limit("limit", 200))),
    /** Recommendations to the state with their latest assessment. */
    RECOMMENDATIONS(List.of(Parameter.choice("source", false, Arrays.stream(Recommendation.Source.values()).map(Enum::name).toList()),
            Parameter.text("theme"), Parameter.limit("limit", 100)));

    /** What a parameter holds. */
    public enum Type { TEXT, ARTICLE, YEAR, LIMIT, CHOICE }

    /** A parameter: its name, what it holds, whether it is required, its choices or its largest value. */
    public record Parameter(String name, Type type, boolean required, List<String> choices, int max) {
        static Parameter text(String name) {
            return new Parameter(name, Type.TEXT, false, List.of(), 100);
        }

        static Parameter article(String name) {
            return new Parameter(name, Type.ARTICLE, false, List.of(), 0);
        }

        static Parameter year(String name) {
            return new Parameter(name, Type.YEAR, false, List.of(), 2100);
        }

        static Parameter limit(String name, int max) {
            return new Parameter(name, Type.LIMIT, false, List.of(), max);
        }

        static Parameter choice(String name, boolean required, List<String> choices) {
            return new Parameter(name, Type.CHOICE, required, List.copyOf(choices), 0);
        }

        public String messageKey() {
            return "reports.parameter." + name;
        }
    }

    private final List<Parameter> parameters;

    LiveBlock(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public String messageKey() {
        return "reports.block." + name().toLowerCase(Locale.ROOT);
    }

    /** For each parameter's name, the kinds of block that take it, so that the block form shows a field only for them. */
    public static java.util.Map<String, List<LiveBlock>> kindsByParameter() {
        var kinds = new java.util.LinkedHashMap<String, List<LiveBlock>>();
        for (LiveBlock kind : values()) {
            for (Parameter parameter : kind.parameters) {
                kinds.computeIfAbsent(parameter.name(), name -> new java.util.ArrayList<>()).add(kind);
            }
        }
        return kinds;
    }

    /**
     * The parameters checked and stripped, blank ones left out; each mistake is named {@code parameters.<name>} so
     * that a form shows it beside its field and the API by the pointer {@code /parameters/<name>}.
     */
    public Map<String, String> checked(Map<String, String> given) {
        var rules = new BrokenRules();
        var values = new LinkedHashMap<String, String>();
        var input = given == null ? Map.<String, String>of() : given;
        for (String name : input.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                rules.rule(() -> { throw new InvalidInput("parameters." + name, "reports.parameter.unknown"); });
            }
        }
        for (var p : parameters) {
            String raw = input.get(p.name());
            String value = raw == null || raw.isBlank() ? null : raw.strip();
            String field = "parameters." + p.name();
            rules.rule(() -> {
                if (value == null) {
                    if (p.required()) throw new InvalidInput(field, "validation.required");
                    return;
                }
                switch (p.type()) {
                    case TEXT -> { if (value.length() > p.max()) throw new InvalidInput(field, "validation.too-long", p.max()); }
                    case ARTICLE -> {
                        if (!value.matches("[0-9A-Za-z.-]{1,10}:[0-9A-Za-z./-]{1,20}")) throw new InvalidInput(field, "justice.funnel.article-invalid");
                    }
                    case YEAR -> {
                        Integer year = number(value);
                        if (year == null || year < 1950 || year > 2100) throw new InvalidInput(field, "justice.funnel.year-invalid", 1950, 2100);
                    }
                    case LIMIT -> {
                        Integer limit = number(value);
                        if (limit == null || limit < 1 || limit > p.max()) throw new InvalidInput(field, "reports.block.limit-invalid", 1, p.max());
                    }
                    case CHOICE -> { if (!p.choices().contains(value)) throw new InvalidInput(field, "validation.invalid"); }
                }
                values.put(p.name(), value);
            });
        }
        rules.rule(() -> {
            Integer from = number(values.get("fromYear"));
            Integer to = number(values.get("toYear"));
            if (from != null && to != null && from > to) throw new InvalidInput("parameters.toYear", "justice.funnel.years-reversed");
        });
        rules.throwIfAny();
        return values;
    }

    static Integer number(String value) {
        if (value == null) return null;
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
