package org.aigaq.reports;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * The words the PDF and DOCX writers add around the report's own text, in the report's language.
 *
 * @param contents       the heading of the table of contents
 * @param page           "Page N of M" as literal texts and the tokens {@code {0}} (this page) and {@code {1}} (the
 *                       number of pages), in the language's order
 * @param stamp          "Data as of …" with the date and the edition filled in
 * @param submittedBy    "Submitted by …" with the author filled in, or null without an author
 * @param notes          the heading of the notes no paragraph refers to
 * @param updateContents what a DOCX contents field shows until Word (or the reader) updates it
 */
record ExportLabels(String contents, List<String> page, String stamp,
        String submittedBy, String notes, String updateContents) {

    /** The token of {@link #page()} that stands for the current page's number. */
    static final String THIS_PAGE = "{0}";

    /** The token of {@link #page()} that stands for the number of pages. */
    static final String PAGES = "{1}";

    /** The labels for this report, from {@code report.export.*} in the report's language. */
    static ExportLabels of(ComposedReport report, MessageSource messages) {
        Locale language = report.language();
        // The page label is a pattern with {0} and {1} so that each language orders the numbers as it needs
        String page = messages.getMessage("report.export.page", null, language);
        List<String> parts = new ArrayList<>();
        Matcher token = Pattern.compile("\\{[01]}").matcher(page);
        int from = 0;
        while (token.find()) {
            if (token.start() > from) {
                parts.add(page.substring(from, token.start()));
            }
            parts.add(token.group());
            from = token.end();
        }
        if (from < page.length()) {
            parts.add(page.substring(from));
        }
        if (!parts.contains(THIS_PAGE) || !parts.contains(PAGES)) {
            throw new IllegalStateException("report.export.page must hold {0} and {1}: " + page);
        }
        String stamp = messages.getMessage("report.export.data-as-of", new Object[] {takenAt(report)}, language);
        if (report.edition() != null && !report.edition().isBlank()) {
            stamp = stamp + " · " + report.edition();
        }
        String author = report.author() == null || report.author().isBlank() ? null
                : messages.getMessage("report.export.submitted-by", new Object[] {report.author()}, language);
        return new ExportLabels(messages.getMessage("report.export.contents", null, language),
                List.copyOf(parts), stamp, author,
                messages.getMessage("report.export.notes", null, language),
                messages.getMessage("report.export.update-contents", null, language));
    }

    /**
     * The instant the data was taken, as a long date and time in UTC: a report goes to Geneva and is read in several
     * time zones, so it names its zone rather than assume the reader's.
     */
    private static String takenAt(ComposedReport report) {
        Locale regional = regional(report.language());
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(regional);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", regional);
        var at = report.dataTakenAt().atZone(ZoneOffset.UTC);
        return format.format(at) + ", " + time.format(at) + " UTC";
    }

    /**
     * The language with the region the reports are written for when it names none: British English (the UN's
     * spelling and "30 November 2026", not "November 30, 2026"), Russian of Russia, Kazakh of Kazakhstan.
     */
    static Locale regional(Locale language) {
        if (!language.getCountry().isEmpty()) {
            return language;
        }
        return switch (language.getLanguage()) {
            case "en" -> Locale.forLanguageTag("en-GB");
            case "ru" -> Locale.forLanguageTag("ru-RU");
            case "kk" -> Locale.forLanguageTag("kk-KZ");
            default -> language;
        };
    }
}
