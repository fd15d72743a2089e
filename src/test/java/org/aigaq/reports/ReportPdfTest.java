package org.aigaq.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PDF export read back: every page rendered to an image, the text extracted (Kazakh and Russian letters, the
 * contents' page numbers, the footnotes on the page that refers to them, "page N of M"), the fonts embedded.
 */
class ReportPdfTest {

    private static final ReportPdf PDF = new ReportPdf(ExportMessages.bundle());

    private static byte[] kazakh;
    private static byte[] russian;
    private static byte[] english;

    @BeforeAll
    static void write() throws IOException {
        kazakh = pdf(SampleReports.withEverything(Locale.forLanguageTag("kk")));
        russian = pdf(SampleReports.withEverything(Locale.forLanguageTag("ru")));
        english = pdf(SampleReports.withEverything(Locale.ENGLISH));
    }

    @Test
    void everyPageRendersToAnImageWithSomethingOnIt() throws IOException {
        try (PDDocument document = Loader.loadPDF(kazakh)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(10);
            var renderer = new PDFRenderer(document);
            int images = 0;
            for (int page = 0; page < pages; page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 40);
                images++;
                assertThat(darkPixels(image)).as("page %d is not blank", page + 1).isGreaterThan(100);
            }
            assertThat(images).isEqualTo(pages);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, within(1f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, within(1f));
        }
    }

    @Test
    void kazakhAndRussianLettersComeBackAsText() throws IOException {
        try (PDDocument document = Loader.loadPDF(kazakh)) {
            String text = new PDFTextStripper().getText(document);
            for (char letter : SampleReports.KAZAKH_LETTERS.replace(" ", "").toCharArray()) {
                assertThat(text).as("the Kazakh letter %s", letter).contains(String.valueOf(letter));
            }
            assertThat(text).contains("право на защитника с момента").contains("съёмка допросов")
                    .contains("ұлттық превенциялық тетік").contains("Safeguards at arrest")
                    .contains("«Мені ұрды, адвокат берілмеді»");
            // the title page's stamp, in Kazakh
            assertThat(text(document, 1).replaceAll("\\s+", " "))
                    .contains("Азаптауға қарсы комитетке баламалы баяндама — Альтернативный доклад")
                    .contains("Ұсынған: Коалиция НПО против пыток").contains("Деректер").contains("2026")
                    .contains("09:15 UTC").contains("Edition 2");
        }
    }

    @Test
    void everyFontIsEmbeddedAndOneOfTheShippedOnes() throws IOException {
        try (PDDocument document = Loader.loadPDF(russian)) {
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("Liberation");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void theContentsListEverySectionWithThePageItStartsOn() throws IOException {
        ComposedReport report = SampleReports.withEverything(Locale.ENGLISH);
        try (PDDocument document = Loader.loadPDF(english)) {
            String contents = text(document, 2);
            assertThat(contents).startsWith("Contents");
            int pages = document.getNumberOfPages();
            for (ComposedReport.Section section : report.sections()) {
                Matcher line = Pattern.compile(Pattern.quote(section.number()) + "\\s+"
                        + Pattern.quote(section.heading()) + "\\s+(\\d+)").matcher(contents);
                assertThat(line.find()).as("the contents list %s with a page number", section.heading()).isTrue();
                int page = Integer.parseInt(line.group(1));
                assertThat(page).isBetween(3, pages);
                assertThat(text(document, page)).as("section %s starts on page %d", section.number(), page)
                        .contains(section.number() + " " + section.heading());
            }
            // and the bookmarks: one per section, sub-sections under theirs
            var outline = document.getDocumentCatalog().getDocumentOutline();
            int top = 0;
            int children = 0;
            for (PDOutlineItem item : outline.children()) {
                top++;
                for (PDOutlineItem child : item.children()) {
                    children++;
                    assertThat(child.getTitle()).startsWith("5.");
                }
            }
            assertThat(top).isEqualTo(10);
            assertThat(children).isEqualTo(2);
        }
    }

    @Test
    void footnotesArePrintedAtTheFootOfThePageThatRefersToThem() throws IOException {
        try (PDDocument document = Loader.loadPDF(russian)) {
            String all = new PDFTextStripper().getText(document);
            for (int note = 1; note <= 30; note++) {
                assertThat(all).contains("Дереккөз " + note + ": Бас прокуратураның статистикасы, source " + note
                        + ", сноска " + note + ".");
            }
            // section 1's three paragraphs refer to notes 1 to 3: they are on the page where section 1 starts
            int page = pageWith(document, "1 Бөлім 1:");
            String text = text(document, page);
            assertThat(text).contains("1. Дереккөз 1:").contains("3. Дереккөз 3:");
            // below the body text: the last note comes after the last paragraph of the page
            assertThat(text.indexOf("1. Дереккөз 1:")).isGreaterThan(text.lastIndexOf("Safeguards at arrest"));
            assertThat(all).doesNotContain("Примечания");
        }
    }

    @Test
    void pagesAreNumberedNOfMInTheReportsLanguageExceptTheTitlePage() throws IOException {
        try (PDDocument document = Loader.loadPDF(english)) {
            int pages = document.getNumberOfPages();
            assertThat(text(document, 1)).doesNotContain("Page 1 of");
            for (int page = 2; page <= pages; page++) {
                assertThat(text(document, page)).contains("Page " + page + " of " + pages);
            }
        }
        try (PDDocument document = Loader.loadPDF(russian)) {
            assertThat(text(document, 2)).contains("Страница 2 из " + document.getNumberOfPages());
            assertThat(text(document, 2)).startsWith("Содержание");
        }
        try (PDDocument document = Loader.loadPDF(kazakh)) {
            assertThat(text(document, 3)).contains(document.getNumberOfPages() + " беттің 3-беті");
            assertThat(text(document, 2)).startsWith("Мазмұны");
        }
    }

    @Test
    void theTableOf200RowsRepeatsItsHeaderOnEveryPageItSpans() throws IOException {
        try (PDDocument document = Loader.loadPDF(english)) {
            int first = pageWith(document, "Облыс 1 — Область");
            int last = pageWith(document, "Облыс 200 — Область");
            assertThat(last - first).isGreaterThanOrEqualTo(3);
            for (int page = first; page <= last; page++) {
                assertThat(text(document, page)).contains("Өңір / Регион Жыл Шағымдар Үлес");
            }
            String all = new PDFTextStripper().getText(document);
            for (int row = 1; row <= 200; row++) {
                assertThat(all).contains("Облыс " + row + " — Область");
            }
        }
    }

    @Test
    void chartsAreDrawnInTheSeriesColours() throws IOException {
        try (PDDocument document = Loader.loadPDF(english)) {
            int page = pageWith(document, "Тіркелген шағымдар / Зарегистрированные жалобы");
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 60);
            // the first series' dark blue and the second's orange, which nothing else on the page uses
            assertThat(pixelsNear(image, 0x1f4e79)).isGreaterThan(500);
            assertThat(pixelsNear(image, 0xc55a11)).isGreaterThan(500);
            assertThat(text(document, page)).contains("Анықтама: сотқа жіберілген істер ÷ тіркелген шағымдар.");
        }
    }

    @Test
    void linksAreClickableAndTheDocumentSaysItsLanguage() throws IOException {
        try (PDDocument document = Loader.loadPDF(kazakh)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("kk");
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Азаптауға қарсы");
            boolean link = false;
            for (PDPage page : document.getPages()) {
                for (var annotation : page.getAnnotations()) {
                    if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink l
                            && l.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri
                            && uri.getURI().equals("https://docs.un.org/en/CAT/C/KAZ/CO/4")) {
                        link = true;
                    }
                }
            }
            assertThat(link).isTrue();
        }
    }

    @Test
    void footnotesNoParagraphRefersToArePrintedAsNotesAtTheEnd() throws IOException {
        var report = new ComposedReport("Short", null, Locale.forLanguageTag("ru"), SampleReports.TAKEN_AT, null,
                List.of(new ComposedReport.Section("1", "Раздел", 1, List.of(new ReportBlock.Paragraph(1,
                        List.of(ReportBlock.Text.plain("Текст <b>&amp;</b> \u0007"), new ReportBlock.FootnoteRef(1)))))),
                List.of(new ComposedReport.Footnote(1, List.of(ReportBlock.Text.plain("Первая сноска"))),
                        new ComposedReport.Footnote(2, List.of(ReportBlock.Text.plain("Сноска без ссылки")))));
        try (PDDocument document = Loader.loadPDF(pdf(report))) {
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("Текст <b>&amp;</b>").contains("1. Первая сноска").contains("Примечания")
                    .contains("2. Сноска без ссылки");
        }
    }

    static byte[] pdf(ComposedReport report) throws IOException {
        var out = new ByteArrayOutputStream();
        PDF.write(report, out);
        return out.toByteArray();
    }

    static String text(PDDocument document, int page) throws IOException {
        var stripper = new PDFTextStripper();
        // in reading order: the page label and the contents' page numbers are drawn before the text they follow
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document).strip();
    }

    /** The first page after the contents that holds the text. */
    static int pageWith(PDDocument document, String text) throws IOException {
        for (int page = 3; page <= document.getNumberOfPages(); page++) {
            if (text(document, page).contains(text)) {
                return page;
            }
        }
        throw new AssertionError("no page holds " + text);
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 600) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static int pixelsNear(BufferedImage image, int colour) {
        int near = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int distance = Math.abs(((rgb >> 16) & 0xff) - ((colour >> 16) & 0xff))
                        + Math.abs(((rgb >> 8) & 0xff) - ((colour >> 8) & 0xff)) + Math.abs((rgb & 0xff) - (colour & 0xff));
                if (distance < 30) {
                    near++;
                }
            }
        }
        return near;
    }

    private static org.assertj.core.data.Offset<Float> within(float offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
