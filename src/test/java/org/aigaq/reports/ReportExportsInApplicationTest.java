package org.aigaq.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

import org.aigaq.support.ApplicationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The writers as the application wires them, with its own message bundle. */
class ReportExportsInApplicationTest extends ApplicationTest {

    @Autowired
    ReportPdf pdf;

    @Autowired
    ReportDocx docx;

    @Test
    void theApplicationsWritersPrintTheLabelsInTheReportsLanguage() throws Exception {
        var out = new ByteArrayOutputStream();
        pdf.write(SampleReports.withEverything(Locale.forLanguageTag("ru")), out);
        try (var document = Loader.loadPDF(out.toByteArray())) {
            // the date as the JDK's CLDR data writes it, with a no-break space in "2026 г."
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
            assertThat(text).contains("Содержание").contains("Страница 2 из " + document.getNumberOfPages())
                    .contains("Данные по состоянию на 30 ноября 2026 г., 09:15 UTC · Edition 2");
        }
        var docxOut = new ByteArrayOutputStream();
        docx.write(SampleReports.withEverything(Locale.ENGLISH), docxOut);
        try (var document = new XWPFDocument(new ByteArrayInputStream(docxOut.toByteArray()))) {
            assertThat(document.getParagraphs()).extracting(p -> p.getText()).contains("Contents");
            assertThat(document.getParagraphs()).anySatisfy(p -> assertThat(p.getText().replace('\u00a0', ' '))
                    .startsWith("Data as of 30 November 2026, 09:15 UTC · Edition 2"));
        }
    }
}
