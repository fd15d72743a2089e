package org.aigaq.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Prints a composed report as a DOCX (Apache POI) that Word and LibreOffice open cleanly: real heading styles, a
 * contents field Word fills in on opening, real footnotes, tables whose header row repeats, charts as 300 dpi PNG
 * images, "page N of M" in the footer and the document's language set.
 */
@Component
public class ReportDocx {

    /** The MIME type of what {@link #write} produces. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** A chart's size on the page in points: the text width of A4 with our margins. */
    private static final double CHART_WIDTH = 453;
    private static final double CHART_HEIGHT = 240;

    /** The text width of A4 with our margins, in twentieths of a point. */
    private static final int TEXT_WIDTH_TWIPS = 11906 - 1417 - 1134;

    private final MessageSource messages;

    ReportDocx(MessageSource messages) {
        this.messages = messages;
    }

    /** Writes the report as DOCX to the stream, which it leaves open. */
    public void write(ComposedReport report, OutputStream out) throws IOException {
        var labels = ExportLabels.of(report, messages);
        try (var document = new XWPFDocument()) {
            new Writing(document, report, labels).write();
            document.write(out);
        }
    }

    /** The Word language tag for the report's language: en-GB, ru-RU, kk-KZ unless the report names a region. */
    static String wordLanguage(Locale language) {
        return ExportLabels.regional(language).toLanguageTag();
    }

    /** One report being written into one document. */
    private static final class Writing {

        private final XWPFDocument document;
        private final ComposedReport report;
        private final ExportLabels labels;
        private final Map<Integer, ComposedReport.Footnote> footnotes = new LinkedHashMap<>();
        private final Set<Integer> placed = new HashSet<>();
        private final Map<Boolean, BigInteger> abstractLists = new HashMap<>();
        private XWPFNumbering numbering;
        private int pictures;

        Writing(XWPFDocument document, ComposedReport report, ExportLabels labels) {
            this.document = document;
            this.report = report;
            this.labels = labels;
            for (ComposedReport.Footnote footnote : report.footnotes()) {
                footnotes.putIfAbsent(footnote.number(), footnote);
            }
        }

        void write() throws IOException {
            styles();
            separators();
            page();
            properties();
            titlePage();
            contents();
            for (ComposedReport.Section section : report.sections()) {
                section(section);
            }
            unreferencedNotes();
            // Word fills in the contents field (and the page numbers) when it opens the document
            document.enforceUpdateFields();
        }

        /** The line above the footnotes and its continuation, which Word's own documents carry as notes -1 and 0. */
        private void separators() {
            var notes = document.createFootnotes();
            var separator = CTFtnEdn.Factory.newInstance();
            separator.setId(BigInteger.valueOf(-1));
            separator.setType(STFtnEdn.SEPARATOR);
            separator.addNewP().addNewR().addNewSeparator();
            notes.addFootnote(separator);
            var continuation = CTFtnEdn.Factory.newInstance();
            continuation.setId(BigInteger.ZERO);
            continuation.setType(STFtnEdn.CONTINUATION_SEPARATOR);
            continuation.addNewP().addNewR().addNewContinuationSeparator();
            notes.addFootnote(continuation);
        }

        private void properties() {
            var core = document.getProperties().getCoreProperties();
            core.setTitle(report.title());
            if (report.author() != null) {
                core.setCreator(report.author());
            }
            core.getUnderlyingProperties().setLanguageProperty(wordLanguage(report.language()));
        }

        private void styles() throws IOException {
            String lang = wordLanguage(report.language());
            // Elements in the schema's order (in w:rPr colour before size, in w:pPr spacing before jc): Word refuses
            // a document whose styles are out of it, where LibreOffice does not mind; ReportDocxTest validates them
            String xml = """
                    <w:styles xmlns:w="%1$s">
                      <w:docDefaults>
                        <w:rPrDefault><w:rPr>
                          <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"
                            w:eastAsia="Times New Roman"/>
                          <w:sz w:val="22"/><w:szCs w:val="22"/>
                          <w:lang w:val="%2$s" w:eastAsia="%2$s" w:bidi="ar-SA"/>
                        </w:rPr></w:rPrDefault>
                        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>
                        </w:pPrDefault>
                      </w:docDefaults>
                      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>
                        <w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
                      <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
                        <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
                      <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
                        <w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>
                        <w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
                        <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
                      </w:style>
                      <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
                        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="2400" w:after="360"/>
                        <w:jc w:val="left"/></w:pPr>
                        <w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:b/><w:sz w:val="48"/>
                        <w:szCs w:val="48"/></w:rPr></w:style>
                      <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/>
                        <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                        <w:pPr><w:spacing w:after="600"/><w:jc w:val="left"/></w:pPr>
                        <w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
                      %3$s
                      <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/>
                        <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                        <w:pPr><w:keepNext/><w:spacing w:after="200"/></w:pPr>
                        <w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="30"/>
                        <w:szCs w:val="30"/></w:rPr></w:style>
                      <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>
                        <w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr>
                        <w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9345"/></w:tabs>
                        <w:spacing w:after="60"/><w:jc w:val="left"/></w:pPr></w:style>
                      <w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/>
                        <w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr>
                        <w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9345"/></w:tabs>
                        <w:spacing w:after="60"/><w:ind w:left="567"/><w:jc w:val="left"/></w:pPr></w:style>
                      <w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>
                        <w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:pPr><w:spacing w:after="0"
                        w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>
                        <w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
                      <w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
                        <w:uiPriority w:val="99"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
                      <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>
                        <w:uiPriority w:val="99"/><w:rPr><w:color w:val="1F4E79"/><w:u w:val="single"/></w:rPr>
                      </w:style>
                      <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>
                        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr>
                        <w:rPr><w:i/><w:iCs/></w:rPr></w:style>
                      <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>
                        <w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/>
                        <w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
                      <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/>
                        <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                        <w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:jc w:val="left"/></w:pPr>
                        <w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:b/><w:sz w:val="20"/>
                        <w:szCs w:val="20"/></w:rPr></w:style>
                      <w:style w:type="paragraph" w:styleId="BlockNote"><w:name w:val="Block Note"/>
                        <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:before="60"
                        w:after="200"/><w:jc w:val="left"/></w:pPr>
                        <w:rPr><w:color w:val="333333"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
                      <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/>
                        <w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
                        <w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
                      <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>
                        <w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>
                        <w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="17"/>
                        <w:szCs w:val="17"/></w:rPr></w:style>
                      <w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/>
                        <w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>
                        <w:top w:val="single" w:sz="6" w:space="0" w:color="333333"/>
                        <w:bottom w:val="single" w:sz="6" w:space="0" w:color="333333"/>
                        <w:insideH w:val="single" w:sz="2" w:space="0" w:color="BBBBBB"/>
                        </w:tblBorders><w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
                        <w:bottom w:w="20" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
                        </w:tblPr></w:style>
                    </w:styles>
                    """.formatted(W, lang, headingStyles());
            try {
                document.createStyles().setStyles(StylesDocument.Factory.parse(xml).getStyles());
            } catch (XmlException e) {
                throw new IllegalStateException("the DOCX styles do not parse", e);
            }
        }

        /** Heading 1 to 4 with Word's own names, so that Word's contents, navigation pane and outline know them. */
        private static String headingStyles() {
            int[] sizes = {32, 26, 23, 22};
            var xml = new StringBuilder();
            for (int level = 1; level <= 4; level++) {
                xml.append("""
                        <w:style w:type="paragraph" w:styleId="Heading%1$d"><w:name w:val="heading %1$d"/>
                          <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
                          <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="120"/>
                          <w:jc w:val="left"/><w:outlineLvl w:val="%2$d"/></w:pPr>
                          <w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:b/><w:bCs/>
                          <w:sz w:val="%3$d"/><w:szCs w:val="%3$d"/></w:rPr></w:style>
                        """.formatted(level, level - 1, sizes[level - 1]));
            }
            return xml.toString();
        }

        /** A4 with the PDF's margins; the title page has a footer of its own, empty. */
        private void page() {
            CTSectPr section = document.getDocument().getBody().addNewSectPr();
            var size = section.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            var margins = section.addNewPgMar();
            margins.setTop(BigInteger.valueOf(1247));
            margins.setBottom(BigInteger.valueOf(1361));
            margins.setLeft(BigInteger.valueOf(1417));
            margins.setRight(BigInteger.valueOf(1134));
            margins.setHeader(BigInteger.valueOf(709));
            margins.setFooter(BigInteger.valueOf(567));
            margins.setGutter(BigInteger.ZERO);
            section.addNewTitlePg();
            document.createFooter(HeaderFooterType.FIRST).createParagraph();
            var footer = document.createFooter(HeaderFooterType.DEFAULT).createParagraph();
            footer.setStyle("Footer");
            for (String part : labels.page()) {
                switch (part) {
                    case ExportLabels.THIS_PAGE -> field(footer, "PAGE", "1");
                    case ExportLabels.PAGES -> field(footer, "NUMPAGES", "1");
                    default -> footer.createRun().setText(part);
                }
            }
        }

        private void titlePage() {
            var title = document.createParagraph();
            title.setStyle("Title");
            title.createRun().setText(report.title());
            if (labels.submittedBy() != null) {
                var author = document.createParagraph();
                author.setStyle("Subtitle");
                author.createRun().setText(labels.submittedBy());
            }
            var stamp = document.createParagraph();
            stamp.setStyle("Normal");
            stamp.setAlignment(ParagraphAlignment.LEFT);
            var run = stamp.createRun();
            run.setFontFamily("Arial");
            run.setFontSize(10);
            run.setText(labels.stamp());
            run.addBreak(BreakType.PAGE);
        }

        /**
         * The contents as a TOC field over headings 1 and 2; until Word updates it, it shows the headings (without
         * page numbers, which only the application laying out the pages knows) after a note saying how to update it.
         */
        private void contents() {
            var heading = document.createParagraph();
            heading.setStyle("TOCHeading");
            heading.createRun().setText(labels.contents());
            var first = document.createParagraph();
            first.setStyle("TOC1");
            fieldChar(first, STFldCharType.BEGIN);
            first.createRun().getCTR().addNewInstrText().setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
            fieldChar(first, STFldCharType.SEPARATE);
            XWPFRun note = first.createRun();
            note.setItalic(true);
            note.setText(labels.updateContents());
            XWPFParagraph last = first;
            for (ComposedReport.Section section : report.sections()) {
                last = document.createParagraph();
                last.setStyle(section.level() <= 1 ? "TOC1" : "TOC2");
                last.createRun().setText(heading(section));
            }
            fieldChar(last, STFldCharType.END);
            document.createParagraph().createRun().addBreak(BreakType.PAGE);
        }

        private void section(ComposedReport.Section section) throws IOException {
            var heading = document.createParagraph();
            heading.setStyle(section.level() <= 1 ? "Heading1" : "Heading2");
            heading.createRun().setText(heading(section));
            for (ReportBlock block : section.blocks()) {
                block(block);
            }
        }

        private void block(ReportBlock block) throws IOException {
            switch (block) {
                case ReportBlock.Paragraph p -> {
                    var paragraph = document.createParagraph();
                    if (p.number() != null) {
                        // The number hangs in the margin of the paragraph, as UN submissions number them
                        paragraph.setIndentationLeft(567);
                        paragraph.setIndentationHanging(567);
                        paragraph.createRun().setText(p.number() + ".");
                        paragraph.createRun().addTab();
                    }
                    inlines(paragraph, p.content(), true);
                }
                case ReportBlock.Heading h -> {
                    var paragraph = document.createParagraph();
                    paragraph.setStyle(h.level() <= 3 ? "Heading3" : "Heading4");
                    paragraph.createRun().setText(h.text());
                }
                case ReportBlock.ListBlock list -> {
                    BigInteger number = listNumber(list.ordered());
                    for (List<ReportBlock.Inline> item : list.items()) {
                        var paragraph = document.createParagraph();
                        paragraph.setStyle("ListParagraph");
                        paragraph.setNumID(number);
                        paragraph.setNumILvl(BigInteger.ZERO);
                        inlines(paragraph, item, true);
                    }
                }
                case ReportBlock.Quote q -> {
                    var paragraph = document.createParagraph();
                    paragraph.setStyle("Quote");
                    inlines(paragraph, q.content(), true);
                }
                case ReportBlock.Table t -> table(t);
                case ReportBlock.Chart c -> chart(c);
            }
        }

        private void table(ReportBlock.Table t) {
            caption(t.caption());
            XWPFTable table = document.createTable(t.rows().size() + 1, t.columns().size());
            table.setStyleID("ReportTable");
            // POI gives every new table a full grid of its own, which would hide the style's lighter lines
            if (table.getCTTbl().getTblPr().isSetTblBorders()) {
                table.getCTTbl().getTblPr().unsetTblBorders();
            }
            table.setWidth("100%");
            // Word wants the grid of columns (the schema requires it); equal widths across the text width
            var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                    : table.getCTTbl().addNewTblGrid();
            while (grid.sizeOfGridColArray() > 0) {
                grid.removeGridCol(0);
            }
            for (int c = 0; c < t.columns().size(); c++) {
                grid.addNewGridCol().setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS / t.columns().size()));
            }
            XWPFTableRow header = table.getRow(0);
            header.setRepeatHeader(true);
            header.setCantSplitRow(true);
            for (int c = 0; c < t.columns().size(); c++) {
                var cell = header.getCell(c);
                cell.setColor("E7ECF2");
                XWPFRun run = cellParagraph(cell.getParagraphs().getFirst(), t.columns().get(c).numeric()).createRun();
                run.setBold(true);
                run.setFontFamily("Arial");
                run.setText(t.columns().get(c).heading());
            }
            for (int r = 0; r < t.rows().size(); r++) {
                XWPFTableRow row = table.getRow(r + 1);
                row.setCantSplitRow(true);
                List<String> cells = t.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    cellParagraph(row.getCell(c).getParagraphs().getFirst(), t.columns().get(c).numeric())
                            .createRun().setText(cells.get(c));
                }
            }
            note(t.note());
        }

        private static XWPFParagraph cellParagraph(XWPFParagraph paragraph, boolean numeric) {
            paragraph.setStyle("TableText");
            paragraph.setAlignment(numeric ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            return paragraph;
        }

        private void chart(ReportBlock.Chart c) throws IOException {
            caption(c.caption());
            var paragraph = document.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.CENTER);
            paragraph.setKeepNext(true);
            byte[] png = ReportCharts.png(c, CHART_WIDTH, CHART_HEIGHT, 300);
            XWPFRun run = paragraph.createRun();
            try {
                run.addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chart-" + (++pictures)
                        + ".png", Units.toEMU(CHART_WIDTH), Units.toEMU(CHART_HEIGHT));
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
            // The caption is the picture's description for screen readers
            var inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
            inline.getDocPr().setDescr(c.caption() == null ? "" : c.caption());
            note(c.note());
        }

        private void caption(String caption) {
            if (caption != null && !caption.isBlank()) {
                var paragraph = document.createParagraph();
                paragraph.setStyle("Caption");
                paragraph.createRun().setText(caption);
            }
        }

        private void note(String note) {
            if (note != null && !note.isBlank()) {
                var paragraph = document.createParagraph();
                paragraph.setStyle("BlockNote");
                paragraph.createRun().setText(note);
            }
        }

        /** Inline content; a footnote's first reference becomes a Word footnote, a later one its number. */
        private void inlines(XWPFParagraph paragraph, List<ReportBlock.Inline> content, boolean footnotesAllowed) {
            for (ReportBlock.Inline inline : content) {
                switch (inline) {
                    case ReportBlock.Text text -> {
                        XWPFRun run = paragraph.createRun();
                        if (text.styles().contains(ReportBlock.Style.BOLD)) {
                            run.setBold(true);
                        }
                        if (text.styles().contains(ReportBlock.Style.ITALIC)) {
                            run.setItalic(true);
                        }
                        if (text.styles().contains(ReportBlock.Style.CODE)) {
                            run.setFontFamily("Courier New");
                        }
                        run.setText(text.text());
                    }
                    case ReportBlock.Link link -> {
                        XWPFRun run = ReportPdf.safeUrl(link.url()) ? paragraph.createHyperlinkRun(link.url().strip())
                                : paragraph.createRun();
                        if (ReportPdf.safeUrl(link.url())) {
                            run.setStyle("Hyperlink");
                        }
                        run.setText(link.text());
                    }
                    case ReportBlock.LineBreak br -> paragraph.createRun().addBreak();
                    case ReportBlock.FootnoteRef ref -> {
                        var footnote = footnotes.get(ref.number());
                        if (footnotesAllowed && footnote != null && placed.add(ref.number())) {
                            XWPFFootnote note = document.createFootnote();
                            XWPFParagraph text = note.getParagraphs().isEmpty() ? note.createParagraph()
                                    : note.getParagraphs().getFirst();
                            text.setStyle("FootnoteText");
                            text.createRun().setText(" ");
                            inlines(text, footnote.content(), false);
                            paragraph.addFootnoteReference(note);
                        } else {
                            XWPFRun run = paragraph.createRun();
                            run.setStyle("FootnoteReference");
                            run.setText(String.valueOf(ref.number()));
                        }
                    }
                }
            }
        }

        /** Footnotes no paragraph refers to are printed at the end, so that no source is lost. */
        private void unreferencedNotes() {
            var rest = footnotes.values().stream().filter(f -> !placed.contains(f.number())).toList();
            if (rest.isEmpty()) {
                return;
            }
            var heading = document.createParagraph();
            heading.setStyle("Heading1");
            heading.createRun().setText(labels.notes());
            for (ComposedReport.Footnote footnote : rest) {
                var paragraph = document.createParagraph();
                paragraph.createRun().setText(footnote.number() + ". ");
                inlines(paragraph, footnote.content(), false);
            }
        }

        /** A new list: bullets share one definition; each numbered list starts again at 1. */
        private BigInteger listNumber(boolean ordered) {
            if (numbering == null) {
                numbering = document.createNumbering();
            }
            BigInteger abstractId = abstractLists.computeIfAbsent(ordered, o -> numbering.addAbstractNum(
                    new XWPFAbstractNum(abstractList(o, abstractLists.size() + 1), numbering)));
            BigInteger id = numbering.addNum(abstractId);
            if (ordered) {
                var override = numbering.getNum(id).getCTNum().addNewLvlOverride();
                override.setIlvl(BigInteger.ZERO);
                override.addNewStartOverride().setVal(BigInteger.ONE);
            }
            return id;
        }

        private static org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum abstractList(
                boolean ordered, int id) {
            String level = ordered
                    ? "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
                    : "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2022\"/>";
            String xml = """
                    <w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="%d">
                      <w:multiLevelType w:val="singleLevel"/>
                      <w:lvl w:ilvl="0"><w:start w:val="1"/>%s<w:lvlJc w:val="left"/>
                        <w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
                    </w:abstractNum></w:numbering>
                    """.formatted(W, id, level);
            try {
                return NumberingDocument.Factory.parse(xml).getNumbering().getAbstractNumArray(0);
            } catch (XmlException e) {
                throw new IllegalStateException("the DOCX list definition does not parse", e);
            }
        }

        private static String heading(ComposedReport.Section section) {
            return section.number() == null || section.number().isBlank() ? section.heading()
                    : section.number() + " " + section.heading();
        }

        /** A field made of runs (begin, instruction, separator, shown value, end), which every reader keeps in order. */
        private static void field(XWPFParagraph paragraph, String instruction, String shown) {
            fieldChar(paragraph, STFldCharType.BEGIN);
            paragraph.createRun().getCTR().addNewInstrText().setStringValue(" " + instruction + " ");
            fieldChar(paragraph, STFldCharType.SEPARATE);
            paragraph.createRun().setText(shown);
            fieldChar(paragraph, STFldCharType.END);
        }

        private static void fieldChar(XWPFParagraph paragraph, STFldCharType.Enum type) {
            var fieldChar = paragraph.createRun().getCTR().addNewFldChar();
            fieldChar.setFldCharType(type);
            if (type == STFldCharType.BEGIN) {
                fieldChar.setDirty(true);
            }
        }
    }
}
