package org.aigaq.documentation.search;

import java.util.List;

/**
 * A page of search results and the facet counts of the matching cases. When more cases match than
 * the search's window (2,000 unless configured), ranking and counts are over the most recent of them, {@code total}
 * is the window and {@code capped} is true (shown as "2,000+").
 */
public record SearchResults(long total, boolean capped, int page, int size, List<Hit> hits, List<FacetCounts> facets) {

    /** One matching case; {@code titleHtml} and {@code snippetHtml} are HTML-escaped with the matched words in {@code <mark>}. */
    public record Hit(long eventId, String recordNumber, String titleHtml, String date, String region, String snippetHtml,
                      double rank) {}

    /** The most frequent values of a facet among the matching cases, and the selected ones; {@code parameter} filters by it. */
    public record FacetCounts(Facet facet, String parameter, List<FacetValue> values) {}

    /**
     * A value of a facet, its label in the user's language, how many matching cases have it (a broader term: it or any
     * term under it), whether it is selected, and its level in the facet's tree as shown (0 at the top).
     */
    public record FacetValue(String value, String label, long count, boolean selected, int level) {}

    public boolean hasNext() {
        return (long) page * size < total;
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
