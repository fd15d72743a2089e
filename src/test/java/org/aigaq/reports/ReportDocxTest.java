package org.aigaq.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The DOCX export read back with POI: headings, contents field, tables, footnotes, pictures, footer, language. */
class ReportDocxTest {

    private static final ReportDocx DOCX = new ReportDocx(ExportMessages.bundle());

    @Test
    void sectionsAreWordHeadingsInOrder() throws IOException {
        ComposedReport report = SampleReports.withEverything(Locale.forLanguageTag("kk"));
        try (XWPFDocument document = read(report)) {
            List<String> headings = document.getParagraphs().stream()
                    .filter(p -> "Heading1".equals(p.getStyle()) || "Heading2".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertThat(headings).containsExactlyElementsOf(report.sections().stream()
                    .map(s -> s.number() + " " + s.heading()).toList());
            assertThat(document.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())))
                    .extracting(XWPFParagraph::getText).containsExactly("5.1 Тергеу изоляторлары", "5.2 Колонии");
            assertThat(document.getParagraphs().stream().filter(p -> "Heading3".equals(p.getStyle())))
                    .extracting(XWPFParagraph::getText).containsExactly("Қамау орындары");
            // Word's own heading names and outline levels, so that its contents and navigation pane know them
            var heading1 = document.getStyles().getStyle("Heading1").getCTStyle();
            assertThat(heading1.getName().getVal()).isEqualTo("heading 1");
            assertThat(heading1.getPPr().getOutlineLvl().getVal()).isZero();
            assertThat(document.getStyles().getStyle("Heading2").getCTStyle().getPPr().getOutlineLvl().getVal())
                    .isOne();
            String text = allText(document);
            for (char letter : SampleReports.KAZAKH_LETTERS.replace(" ", "").toCharArray()) {
                assertThat(text).contains(String.valueOf(letter));
            }
            assertThat(text).contains("1.\tАзаптауға қарсы").contains("съёмка допросов")
                    .contains("Ұсынған: Коалиция НПО против пыток").contains("Edition 2");
        }
    }

    @Test
    void theContentsAreAFieldWordUpdatesOnOpening() throws IOException {
        try (XWPFDocument document = read(SampleReports.withEverything(Locale.ENGLISH))) {
            String body = document.getDocument().xmlText();
            assertThat(body).contains("TOC \\o \"1-2\" \\h \\z \\u").contains("w:fldCharType=\"begin\"")
                    .contains("w:fldCharType=\"end\"");
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText).contains("Contents");
            assertThat(document.getParagraphs().stream().filter(p -> "TOC2".equals(p.getStyle())))
                    .extracting(XWPFParagraph::getText).containsExactly("5.1 Тергеу изоляторлары", "5.2 Колонии");
            assertThat(part(document, "/word/settings.xml")).contains("<w:updateFields w:val=\"on\"/>");
        }
    }

    @Test
    void tablesKeepEveryRowAndRepeatTheirHeader() throws IOException {
        try (XWPFDocument document = read(SampleReports.withEverything(Locale.forLanguageTag("ru")))) {
            assertThat(document.getTables()).hasSize(1);
            XWPFTable table = document.getTables().getFirst();
            assertThat(table.getRows()).hasSize(201);
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRow(1).isRepeatHeader()).isFalse();
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("Өңір / Регион", "Жыл", "Шағымдар", "Үлес");
            assertThat(table.getRow(200).getCell(0).getText()).isEqualTo("Облыс 200 — Область");
            assertThat(table.getRow(200).getCell(2).getText()).isEqualTo("7 400");
            // numbers right-aligned, text left
            assertThat(table.getRow(5).getCell(2).getParagraphs().getFirst().getAlignment())
                    .isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(table.getRow(5).getCell(0).getParagraphs().getFirst().getAlignment())
                    .isEqualTo(ParagraphAlignment.LEFT);
        }
    }

    @Test
    void footnotesAreWordFootnotesReferredToFromTheirParagraph() throws IOException {
        try (XWPFDocument document = read(SampleReports.withEverything(Locale.forLanguageTag("ru")))) {
            List<XWPFFootnote> notes = document.getFootnotes().stream()
                    .filter(n -> n.getCTFtnEdn().getType() == null
                            || "normal".equals(n.getCTFtnEdn().getType().toString()))
                    .toList();
            assertThat(notes).hasSize(30);
            assertThat(notes.getFirst().getParagraphs().getFirst().getText())
                    .contains("Дереккөз 1: Бас прокуратураның статистикасы, source 1, сноска 1.");
            String body = document.getDocument().xmlText();
            for (XWPFFootnote note : notes) {
                assertThat(body).contains("<w:footnoteReference w:id=\"" + note.getId() + "\"/>");
            }
            // Word's separator line above the notes
            assertThat(part(document, "/word/footnotes.xml")).contains("w:type=\"separator\"")
                    .contains("w:type=\"continuationSeparator\"");
            assertThat(allText(document)).doesNotContain("Примечания");
        }
    }

    @Test
    void chartsArePngPicturesAtPrintResolution() throws IOException {
        try (XWPFDocument document = read(SampleReports.withEverything(Locale.ENGLISH))) {
            List<XWPFPictureData> pictures = document.getAllPictures();
            assertThat(pictures).hasSize(2);
            for (XWPFPictureData picture : pictures) {
                assertThat(picture.getPictureType()).isEqualTo(org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG);
                var image = ImageIO.read(new ByteArrayInputStream(picture.getData()));
                // 453 points wide at 300 dpi
                assertThat(image.getWidth()).isEqualTo(1888);
            }
            assertThat(document.getDocument().xmlText()).contains("descr=\"Тіркелген шағымдар / Зарегистрированные жалобы\"");
        }
    }

    @Test
    void theFooterSaysPageNOfMInTheReportsLanguageAndTheDocumentItsLanguage() throws IOException {
        for (var language : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("kk"))) {
            try (XWPFDocument document = read(SampleReports.withEverything(language))) {
                String footers = String.join("\n", document.getFooterList().stream()
                        .map(f -> f._getHdrFtr().xmlText()).toList());
                assertThat(footers).contains(" PAGE ").contains(" NUMPAGES ");
                String expected = switch (language.getLanguage()) {
                    case "ru" -> "ru-RU";
                    case "kk" -> "kk-KZ";
                    default -> "en-GB";
                };
                String styles = part(document, "/word/styles.xml");
                assertThat(styles.substring(styles.indexOf("<w:rPrDefault>"), styles.indexOf("</w:rPrDefault>")))
                        .contains("<w:lang w:val=\"" + expected + "\"");
                assertThat(document.getProperties().getCoreProperties().getUnderlyingProperties()
                        .getLanguageProperty()).contains(expected);
                String footerText = document.getFooterList().stream().map(f -> f.getText()).reduce("", String::concat);
                switch (language.getLanguage()) {
                    case "ru" -> assertThat(footerText).contains("Страница ").contains(" из ");
                    case "kk" -> assertThat(footerText).contains(" беттің ").contains("-беті");
                    default -> assertThat(footerText).contains("Page ").contains(" of ");
                }
            }
        }
    }

    @Test
    void listsQuotesAndLinksKeepTheirForm() throws IOException {
        try (XWPFDocument document = read(SampleReports.withEverything(Locale.ENGLISH))) {
            var listItems = document.getParagraphs().stream().filter(p -> p.getNumID() != null).toList();
            assertThat(listItems).extracting(XWPFParagraph::getText).contains("Құқық қорғаушы: әғқңөұүһі ӘҒҚҢӨҰҮҺІ",
                    "Адвокат в первые часы", "First", "Second");
            assertThat(listItems.get(0).getNumID()).isNotEqualTo(listItems.get(2).getNumID());
            assertThat(document.getParagraphs().stream().filter(p -> "Quote".equals(p.getStyle())))
                    .extracting(XWPFParagraph::getText).containsExactly("«Мені ұрды, адвокат берілмеді», — деді жәбірленуші.");
            assertThat(document.getHyperlinks()).extracting(h -> h.getURL())
                    .contains("https://docs.un.org/en/CAT/C/KAZ/CO/4");
        }
    }

    @Test
    void footnotesNoParagraphRefersToArePrintedAsNotesAtTheEnd() throws IOException {
        var report = new ComposedReport("Short", null, Locale.forLanguageTag("kk"), SampleReports.TAKEN_AT, null,
                List.of(new ComposedReport.Section("1", "Бөлім", 1, List.of(new ReportBlock.Paragraph(null,
                        List.of(ReportBlock.Text.plain("Мәтін"), new ReportBlock.FootnoteRef(1),
                                new ReportBlock.Link("javascript", "javascript:alert(1)")))))),
                List.of(new ComposedReport.Footnote(1, List.of(ReportBlock.Text.plain("Бірінші"))),
                        new ComposedReport.Footnote(2, List.of(ReportBlock.Text.plain("Сілтемесіз")))));
        try (XWPFDocument document = read(report)) {
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("Ескертпелер", "2. Сілтемесіз")
                    .anySatisfy(text -> assertThat(text).startsWith("Мәтін[footnoteRef:").contains("javascript"));
            assertThat(document.getHyperlinks()).isEmpty();
        }
    }

    @Test
    void thePartsFollowTheSchemaWordChecks() throws Exception {
        try (XWPFDocument document = read(SampleReports.withEverything(Locale.forLanguageTag("kk")))) {
            for (String name : List.of("/word/styles.xml", "/word/document.xml", "/word/footnotes.xml",
                    "/word/numbering.xml", "/word/settings.xml", "/word/footer1.xml", "/word/footer2.xml")) {
                var errors = new java.util.ArrayList<org.apache.xmlbeans.XmlError>();
                var options = new org.apache.xmlbeans.XmlOptions().setErrorListener(errors);
                var xml = org.apache.xmlbeans.XmlObject.Factory.parse(part(document, name),
                        new org.apache.xmlbeans.XmlOptions().setLoadStripWhitespace()
                                .setDocumentType(documentType(name)));
                xml.validate(options);
                assertThat(errors.stream().map(org.apache.xmlbeans.XmlError::getMessage).distinct()
                        // the pictures' own schema is not among those POI ships compiled
                        .filter(error -> !error.contains("drawingml/2006/picture")).limit(5)).as(name).isEmpty();
            }
        }
    }

    private static org.apache.xmlbeans.SchemaType documentType(String name) {
        return switch (name) {
            case "/word/styles.xml" -> org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument.type;
            case "/word/document.xml" -> org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument.type;
            case "/word/footnotes.xml" -> org.openxmlformats.schemas.wordprocessingml.x2006.main.FootnotesDocument.type;
            case "/word/numbering.xml" -> org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument.type;
            case "/word/settings.xml" -> org.openxmlformats.schemas.wordprocessingml.x2006.main.SettingsDocument.type;
            default -> org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument.type;
        };
    }

    static XWPFDocument read(ComposedReport report) throws IOException {
        var out = new ByteArrayOutputStream();
        DOCX.write(report, out);
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    private static String allText(XWPFDocument document) {
        try (var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            return extractor.getText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String part(XWPFDocument document, String name) throws IOException {
        try {
            var part = document.getPackage().getPart(
                    org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName(name));
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }
}
