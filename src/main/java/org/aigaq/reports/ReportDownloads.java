package org.aigaq.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.aigaq.platform.InvalidInput;
import org.springframework.stereotype.Service;

/**
 * A report as a PDF or DOCX file: the draft composed now in the language asked for, or a frozen edition as it was
 * frozen (only the writers' own labels, contents and page numbers, follow the language asked for).
 */
@Service
public class ReportDownloads {

    /** The formats a report downloads in. */
    public enum Format {
        PDF("application/pdf"), DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        public final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        static Format named(String name) {
            for (var f : values()) if (f.name().equalsIgnoreCase(name == null ? "" : name.strip())) return f;
            throw new InvalidInput("format", "validation.invalid");
        }
    }

    /** A file to send: its bytes, type and name. */
    public record File(byte[] content, String contentType, String fileName) {}

    private final Editions editions;
    private final ReportPdf pdf;
    private final ReportDocx docx;

    ReportDownloads(Editions editions, ReportPdf pdf, ReportDocx docx) {
        this.editions = editions;
        this.pdf = pdf;
        this.docx = docx;
    }

    /** The draft (edition null) or the edition {@code edition}, in {@code format} (pdf, docx) and {@code language}. */
    public File file(long id, Integer edition, String format, String language) {
        var chosen = Format.named(format);
        if (language != null && !Reports.LANGUAGES.contains(language)) throw new InvalidInput("language", "validation.invalid");
        ComposedReport report;
        if (edition == null) {
            report = editions.draft(id, language);
        } else {
            var frozen = editions.edition(id, edition);
            report = language == null ? frozen : new ComposedReport(frozen.title(), frozen.author(), Locale.forLanguageTag(language),
                    frozen.dataTakenAt(), frozen.edition(), frozen.sections(), frozen.footnotes());
        }
        var out = new ByteArrayOutputStream();
        try {
            if (chosen == Format.PDF) pdf.write(report, out);
            else docx.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "report-" + id + (edition == null ? "-draft" : "-edition-" + edition) + "-" + report.language().getLanguage()
                + "." + chosen.name().toLowerCase(Locale.ROOT);
        return new File(out.toByteArray(), chosen.contentType, name);
    }
}
