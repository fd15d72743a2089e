package org.aigaq.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DOCX opened by LibreOffice (converted to PDF headless) where LibreOffice is installed
 * ({@code apt-get install libreoffice-writer-nogui}); skipped elsewhere. It shows that another application than POI
 * reads the document whole: headings, footnotes, table, footer page numbers.
 */
class ReportDocxInLibreOfficeTest {

    @Test
    void libreOfficeReadsTheWholeDocument(@TempDir Path folder) throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assumeTrue(Files.isExecutable(soffice), "LibreOffice is not installed");
        ComposedReport report = SampleReports.withEverything(Locale.forLanguageTag("kk"));
        Path docx = folder.resolve("report.docx");
        try (OutputStream out = Files.newOutputStream(docx)) {
            new ReportDocx(ExportMessages.bundle()).write(report, out);
        }
        Process process = new ProcessBuilder(soffice.toString(),
                "-env:UserInstallation=" + folder.resolve("profile").toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", folder.toString(), docx.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        Path pdf = folder.resolve("report.pdf");
        assertThat(pdf).as(Files.readString(folder.resolve("soffice.log"))).exists();
        try (var document = Loader.loadPDF(pdf.toFile())) {
            var stripper = new PDFTextStripper();
            // in reading order: where the machine's stand-in for Times New Roman lacks a Kazakh letter, LibreOffice
            // takes it from another font, and such runs are drawn apart from the line they belong to
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            for (ComposedReport.Section section : report.sections()) {
                assertThat(text).contains(section.number() + " " + section.heading());
            }
            assertThat(text).contains("Дереккөз 30: Бас прокуратураның статистикасы").contains("Облыс 200 — Область")
                    .contains(SampleReports.KAZAKH_LETTERS.replace(" ", "").substring(0, 9))
                    .contains(document.getNumberOfPages() + " беттің 3-беті");
        } catch (IOException e) {
            throw new AssertionError("LibreOffice's PDF does not read", e);
        }
    }
}
