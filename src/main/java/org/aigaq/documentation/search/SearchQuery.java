package org.aigaq.documentation.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.InvalidInput;

/**
 * What a user searches for: words (web search syntax: "quoted phrase", or, -excluded; the last word also as a
 * prefix), values of facets (several values of one facet: any of them; several facets: all of them), and a page.
 */
public record SearchQuery(String text, Map<Facet, List<String>> filters, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        var copy = new EnumMap<Facet, List<String>>(Facet.class);
        if (filters != null) {
            filters.forEach((facet, values) -> {
                var kept = values == null ? List.<String>of()
                        : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
                if (!kept.isEmpty()) copy.put(facet, kept);
            });
        }
        filters = Map.copyOf(copy);
    }

    /** From the parameters of a page or API request: {@code q}, {@code page}, {@code size} and each facet's parameter. */
    public static SearchQuery of(Map<String, List<String>> parameters) {
        var filters = new EnumMap<Facet, List<String>>(Facet.class);
        for (Facet facet : Facet.values()) {
            var values = parameters.get(facet.parameter());
            if (values != null) filters.put(facet, values);
        }
        return new SearchQuery(first(parameters, "q"), filters, number(parameters, "page", 1), number(parameters, "size", DEFAULT_SIZE));
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        var values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static int number(Map<String, List<String>> parameters, String name, int otherwise) {
        String value = first(parameters, name);
        if (value == null || value.isBlank()) return otherwise;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "search.not-a-number", value);
        }
    }

    public List<String> values(Facet facet) {
        return filters.getOrDefault(facet, List.of());
    }

    public boolean selected(Facet facet, String value) {
        return values(facet).contains(value);
    }

    /** The same query on another page. */
    public SearchQuery onPage(int other) {
        return new SearchQuery(text, filters, other, size);
    }
}
