package org.aigaq.reports;

import java.util.List;
import java.util.Set;

/** One block of a composed report: narrative (paragraphs, lists, quotes, headings) or a live block's table or chart. */
public sealed interface ReportBlock {

    /**
     * A paragraph of narrative.
     *
     * @param number the paragraph's number as printed in the margin (numbered paragraphs run across the report, as UN
     *               submissions expect), or null for an unnumbered paragraph
     */
    record Paragraph(Integer number, List<Inline> content) implements ReportBlock {
        public Paragraph {
            content = List.copyOf(content);
        }
    }

    /** A heading inside a section's narrative (level 3 or lower: sections and sub-sections are 1 and 2). */
    record Heading(int level, String text) implements ReportBlock {
    }

    /** A bulleted or numbered list; each item is a run of inline content. */
    record ListBlock(boolean ordered, List<List<Inline>> items) implements ReportBlock {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** A quoted passage (e.g. from a testimony or a concluding observation). */
    record Quote(List<Inline> content) implements ReportBlock {
        public Quote {
            content = List.copyOf(content);
        }
    }

    /**
     * A table, e.g. a live block's statistics or case summaries.
     *
     * @param caption the caption printed above it
     * @param columns the columns' headings, and whether each holds numbers (right-aligned)
     * @param rows    the cells, already formatted for the report's language, one list per row, as many as columns
     * @param note    printed under the table: the figures' definitions, sources and "as of" date; may be empty
     */
    record Table(String caption, List<Column> columns, List<List<String>> rows, String note) implements ReportBlock {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size()
                            + " columns");
                }
            }
        }
    }

    /** A table's column. */
    record Column(String heading, boolean numeric) {
    }

    /**
     * A chart drawn from figures (a live block's indicator over the years, counts by region).
     *
     * @param caption    the caption printed above it
     * @param kind       bars or lines
     * @param categories the horizontal axis (years, regions)
     * @param series     one or more series with a value per category (null where there is none)
     * @param note       printed under the chart: definitions, sources, "as of" date; may be empty
     */
    record Chart(String caption, ChartKind kind, List<String> categories, List<Series> series, String note)
            implements ReportBlock {
        public Chart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }
    }

    /** How a chart draws its series. */
    enum ChartKind { BAR, LINE }

    /** A chart's series: its name in the legend and a value per category, null where there is none. */
    record Series(String name, List<Double> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** Inline content of paragraphs, list items, quotes and footnotes. */
    sealed interface Inline {
    }

    /** Text in the given styles (none for plain text). */
    record Text(String text, Set<Style> styles) implements Inline {
        public Text {
            styles = Set.copyOf(styles);
        }

        public static Text plain(String text) {
            return new Text(text, Set.of());
        }
    }

    /** How text is set. */
    enum Style { BOLD, ITALIC, CODE }

    /** A hyperlink (e.g. to a UN document). */
    record Link(String text, String url) implements Inline {
    }

    /** A reference to a footnote, printed as its superscript number. */
    record FootnoteRef(int number) implements Inline {
    }

    /** A line break inside a paragraph. */
    record LineBreak() implements Inline {
    }
}
