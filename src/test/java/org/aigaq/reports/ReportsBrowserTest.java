package org.aigaq.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.aigaq.support.TestAccounts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst's colleague, a coordinator, builds a short report in Kazakh from the follow-up template: a missing title
 * refused beside its field, a section's narrative with a footnote, a statistics table and an indicator chart inserted
 * through the block form (a wrong year refused as typed), the preview in the page, both formats downloaded and read back
 * (PDF text extraction, DOCX through POI), and an edition frozen.
 */
class ReportsBrowserTest extends BrowserSession {

    @Autowired JdbcTemplate jdbc;

    @Test
    void aShortReportWithTwoLiveBlocksDownloadsAsPdfAndDocx() throws Exception {
        TestAccounts.Account coordinator = accounts.createAlone(Role.COORDINATOR);
        String agency = "Agency browser " + System.nanoTime() % 100000;
        long importId = jdbc.queryForObject("""
                INSERT INTO statistics_import (user_id, file_size, sha256, encoding, detected_encoding, separator, status, imported_at)
                VALUES (?, 0, ?, 'UTF_8', 'UTF_8', 'COMMA', 'IMPORTED', now()) RETURNING id""", Long.class, coordinator.id(), "0".repeat(64));
        for (Object[] f : new Object[][] {{2020, "COMPLAINTS", 400}, {2020, "SENT_TO_COURT", 12}, {2021, "COMPLAINTS", 380}, {2021, "SENT_TO_COURT", 19}}) {
            jdbc.update("""
                    INSERT INTO statistics_figure (import_id, jurisdiction, year, agency, form, code_version, article, part, measure, value)
                    VALUES (?, 'KZ', ?, ?, '1-E', '2014', '146', '', ?, ?)""", importId, f[0], agency, f[1], f[2]);
        }

        signInWithCode(coordinator);
        page.click("#reports-link");
        page.selectOption("#template", "FOLLOW_UP");
        page.fill("#submittedBy", "Азаптауға қарсы ҮЕҰ коалициясы");
        page.selectOption("#report-language", "kk");
        page.click("#create-report");
        page.waitForSelector("#report-title-error:not(:empty)");
        assertThat(page.textContent("#report-title-error")).contains("required");
        checkAccessibility();
        page.fill("#title", "Қорытынды ескертулерге балама баяндама");
        page.click("#create-report");
        page.waitForURL(Pattern.compile(".*/reports/\\d+"));
        String editor = page.url();
        assertThat(page.textContent("#sections + section h3")).contains("Ұстау кезіндегі негізгі құқықтық кепілдіктер (2-бап)");

        String section = page.getAttribute("#block-section option", "value");
        page.fill("#narrative-" + section, "Адвокатқа қол жеткізу кешіктіріледі[^1].\n\n[^1]: Адвокаттармен сұхбаттар, 2024.");
        page.click("#save-section-" + section);
        page.waitForURL(Pattern.compile(".*/reports/\\d+#section-\\d+"));

        // a statistics table; a year out of range is refused as it is typed
        page.selectOption("#block-kind", "STATISTICS");
        page.fill("#block-fromYear", "1800");
        page.waitForSelector("#block-parameters-fromYear-error:not(:empty)");
        page.fill("#block-fromYear", "2020");
        page.fill("#block-toYear", "2021");
        page.fill("#block-agency", agency);
        page.click("#add-block");
        page.waitForSelector(".blocks li");
        // an indicator chart of the same figures
        page.selectOption("#block-kind", "INDICATOR");
        page.selectOption("#block-indicator", "complaints-sent-to-court");
        page.fill("#block-jurisdiction", "KZ");
        page.fill("#block-article", "2014:146");
        page.fill("#block-fromYear", "2020");
        page.fill("#block-toYear", "2021");
        page.click("#add-block");
        page.waitForFunction("document.querySelectorAll('.blocks li').length == 2");
        String preview = page.textContent("#preview");
        assertThat(preview).contains("1.").contains("Адвокатқа қол жеткізу").contains("Адвокаттармен сұхбаттар");
        assertThat(preview).contains(agency).contains("400").contains("3,0").contains("5,0");
        page.waitForSelector("#preview figure.chart canvas, #preview figure.chart svg");
        checkAccessibility();

        Download pdf = page.waitForDownload(() -> page.click("#download-pdf-kk"));
        byte[] pdfBytes = Files.readAllBytes(pdf.path());
        try (var document = Loader.loadPDF(pdfBytes)) {
            // lines wrap where the page ends them
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Қорытынды ескертулерге балама баяндама").contains("Адвокатқа қол жеткізу").contains(agency);
        }
        Download docx = page.waitForDownload(() -> page.click("#download-docx-ru"));
        try (var document = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx.path())));
             var extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("Қорытынды ескертулерге балама баяндама").contains("Адвокатқа қол жеткізу");
        }

        // the indicator's years changed in its place: a year out of range is refused as typed and on saving, with the
        // form left open on what was typed; then saved
        String block = page.getAttribute(".blocks li:nth-child(2)", "id").substring("block-".length());
        page.click("#change-block-" + block);
        assertThat(page.inputValue("#block-" + block + "-fromYear")).isEqualTo("2020");
        page.fill("#block-" + block + "-fromYear", "1800");
        page.waitForSelector("#block-" + block + "-parameters-fromYear-error:not(:empty)");
        page.click("#save-block-" + block);
        page.waitForSelector("#block-" + block + "-parameters-fromYear-error:not(:empty)");
        assertThat(page.inputValue("#block-" + block + "-fromYear")).isEqualTo("1800");
        // every argument of the message filled in, a year written as a year
        assertThat(page.textContent("#block-" + block + "-parameters-fromYear-error")).contains("1950").doesNotContain("{");
        assertThat(page.isVisible("#save-block-" + block)).isTrue();
        page.fill("#block-" + block + "-fromYear", "2021");
        page.click("#save-block-" + block);
        page.waitForURL(Pattern.compile(".*/reports/\\d+#block-" + block));
        assertThat(page.textContent("#block-" + block)).contains("2021").doesNotContain("2020");
        assertThat(page.inputValue("#block-" + block + "-indicator")).isEqualTo("complaints-sent-to-court");
        checkAccessibility();

        page.click("#freeze");
        page.waitForURL(Pattern.compile(".*/reports/\\d+/editions/1"));
        assertThat(page.textContent("#preview")).contains(agency).contains("1-басылым");
        checkAccessibility();
        Download frozen = page.waitForDownload(() -> page.click("#download-pdf-en"));
        try (var document = Loader.loadPDF(Files.readAllBytes(frozen.path()))) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(agency);
        }
        page.navigate(editor.replaceFirst("#.*", "") + "/editions");
        assertThat(page.textContent("#editions")).contains("Edition 1");
        assertThat(consoleErrors).isEmpty();
    }
}
