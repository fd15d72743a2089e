package org.aigaq.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Reports at the edges: nothing in them, empty tables and charts, notes referred to that do not exist. */
class ReportExportEdgesTest {

    private final ReportPdf pdf = new ReportPdf(ExportMessages.bundle());
    private final ReportDocx docx = new ReportDocx(ExportMessages.bundle());

    @Test
    void aReportWithoutSectionsStillHasItsTitlePageAndContents() throws IOException {
        var report = new ComposedReport("Пустой доклад", "", Locale.forLanguageTag("ru"), SampleReports.TAKEN_AT, "",
                List.of(), List.of());
        var out = new ByteArrayOutputStream();
        pdf.write(report, out);
        try (var document = Loader.loadPDF(out.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Пустой доклад").contains("Данные по состоянию на").contains("Содержание")
                    .doesNotContain("Представлено");
        }
        try (var document = ReportDocxTest.read(report)) {
            assertThat(document.getParagraphs()).extracting(p -> p.getText()).contains("Пустой доклад", "Содержание");
        }
    }

    @Test
    void emptyTablesChartsAndMissingNotesDoNotStopTheExport() throws IOException {
        var blocks = List.<ReportBlock>of(
                new ReportBlock.Table("Нет строк", List.of(new ReportBlock.Column("Колонка", true)), List.of(), ""),
                new ReportBlock.Chart("Нет данных", ReportBlock.ChartKind.LINE, List.of(), List.of(), null),
                new ReportBlock.Chart("Пропуски", ReportBlock.ChartKind.BAR, List.of("2024", "2025"),
                        List.of(new ReportBlock.Series("Ряд", Arrays.asList(null, 3.0))), "Примечание"),
                new ReportBlock.Paragraph(1, List.of(ReportBlock.Text.plain("Ссылка на сноску, которой нет"),
                        new ReportBlock.FootnoteRef(9), new ReportBlock.LineBreak(),
                        new ReportBlock.Text("код", java.util.Set.of(ReportBlock.Style.CODE)))),
                new ReportBlock.Heading(5, "Глубокий заголовок"));
        var report = new ComposedReport("Края", null, Locale.forLanguageTag("kk"), SampleReports.TAKEN_AT, null,
                List.of(new ComposedReport.Section(null, "Без номера", 1, blocks)), List.of());
        var out = new ByteArrayOutputStream();
        pdf.write(report, out);
        try (var document = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Без номера").contains("Нет строк").contains("Колонка").contains("Пропуски")
                    .contains("Ссылка на сноску, которой нет9").contains("код").contains("Глубокий заголовок");
        }
        try (var document = ReportDocxTest.read(report)) {
            assertThat(document.getTables().getFirst().getRows()).hasSize(1);
            assertThat(document.getAllPictures()).hasSize(2);
            assertThat(document.getParagraphs()).extracting(p -> p.getText()).contains("Без номера");
        }
    }
}
