package org.aigaq.reports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A report with its narrative parsed and its live blocks resolved into figures, in one language: what the PDF and DOCX
 * writers print, so that both formats show the same report.
 *
 * @param title        the report's title
 * @param author       who submits it (the organisation or coalition), printed under the title
 * @param language     the language of the labels the writers add (contents, page numbers, "data as of")
 * @param dataTakenAt  when the live blocks' data was read (a frozen edition keeps the instant it was frozen)
 * @param edition      the edition's label ("Draft", "Edition 2"), printed with the stamp
 * @param sections     the sections in order; their headings make the table of contents
 * @param footnotes    the footnotes, numbered across the whole report in the order they are first referred to
 */
public record ComposedReport(String title, String author, Locale language, Instant dataTakenAt, String edition,
        List<Section> sections, List<Footnote> footnotes) {

    public ComposedReport {
        Objects.requireNonNull(title);
        Objects.requireNonNull(language);
        Objects.requireNonNull(dataTakenAt);
        sections = List.copyOf(sections);
        footnotes = List.copyOf(footnotes);
    }

    /**
     * One section of the report, e.g. "Article 2: safeguards at arrest".
     *
     * @param number  the section's number as printed ("1", "2.3")
     * @param heading its heading
     * @param level   1 for a section, 2 for a sub-section (indented in the contents)
     * @param blocks  its content in order
     */
    public record Section(String number, String heading, int level, List<ReportBlock> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A footnote, printed at the foot of the page where it is referred to (PDF) or as a Word footnote (DOCX).
     *
     * @param number its number, from 1, as referred to by {@link ReportBlock.FootnoteRef}
     */
    public record Footnote(int number, List<ReportBlock.Inline> content) {
        public Footnote {
            content = List.copyOf(content);
        }
    }
}
