package org.aigaq.reports;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.RenderingContext;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Prints a composed report as an A4 PDF: title page with the data stamp, contents with page numbers, numbered sections
 * and paragraphs, tables whose header repeats on every page, vector charts, footnotes at the foot of the page and
 * "page N of M", in the report's language, with the shipped Liberation fonts embedded.
 *
 * <p>The report becomes XHTML, which openhtmltopdf lays out with CSS paged media: {@code counter(pages)} for the page
 * labels, {@code target-counter()} for the contents, {@code float: footnote} for the notes.
 */
@Component
public class ReportPdf {

    /** The MIME type of what {@link #write} produces. */
    public static final String MEDIA_TYPE = "application/pdf";

    private static final String CHART_TYPE = "application/x-aigaq-chart";

    private final MessageSource messages;

    ReportPdf(MessageSource messages) {
        this.messages = messages;
    }

    /** Writes the report as PDF to the stream, which it leaves open. */
    public void write(ComposedReport report, OutputStream out) throws IOException {
        var labels = ExportLabels.of(report, messages);
        var xhtml = new Xhtml(report, labels);
        String html = xhtml.document();
        var builder = new PdfRendererBuilder();
        builder.withHtmlContent(html, null);
        builder.withProducer("Aigaq");
        builder.useObjectDrawerFactory(new ChartDrawers(xhtml.charts));
        // the document is made first so that the fonts are loaded into it, each as a subset with its GSUB off
        try (PDDocument document = new PDDocument()) {
            builder.usePDDocument(document);
            registerFonts(builder, document);
            try (var renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                document.getDocumentCatalog().setLanguage(report.language().toLanguageTag());
                var info = document.getDocumentInformation();
                info.setTitle(report.title());
                if (report.author() != null) {
                    info.setAuthor(report.author());
                }
                document.save(out);
            }
        }
    }

    /**
     * The Liberation fonts, embedded as subsets, with their glyph substitutions (GSUB) off: PDFBox would otherwise
     * rebuild a pattern of every ligature of the font for each run of text it shows, which took 85 % of the time of a
     * 50-page report (docs/benchmarks.md, issue 7), and a ligature glyph has no letters of its own in the text layer,
     * so "fi" or "ti" would be lost to search and copying. Latin, Cyrillic and Kazakh letters need no substitution.
     */
    private static void registerFonts(PdfRendererBuilder builder, PDDocument document) throws IOException {
        String[][] families = {{"Liberation Serif", "LiberationSerif"}, {"Liberation Sans", "LiberationSans"},
            {"Liberation Mono", "LiberationMono"}};
        for (String[] family : families) {
            font(builder, document, family, "Regular", 400, FontStyle.NORMAL);
            font(builder, document, family, "Bold", 700, FontStyle.NORMAL);
            font(builder, document, family, "Italic", 400, FontStyle.ITALIC);
            font(builder, document, family, "BoldItalic", 700, FontStyle.ITALIC);
        }
    }

    private static void font(PdfRendererBuilder builder, PDDocument document, String[] family, String face, int weight,
            FontStyle style) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONTS.computeIfAbsent(family[1] + "-" + face,
                ReportPdf::fontBytes)));
        font.setEnableGsub(false);
        builder.useFont(new PDFontSupplier(PDType0Font.load(document, font, true)), family[0], weight, style, true);
    }

    /** The fonts' files, read once from the classpath: each PDF parses its own copy (a parsed font is not shared). */
    private static final Map<String, byte[]> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] fontBytes(String name) {
        String resource = "liberation/" + name + ".ttf";
        try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the font " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws the {@code <object>} elements that stand for charts, as vector graphics into the page. */
    private record ChartDrawers(List<ReportBlock.Chart> charts) implements FSObjectDrawerFactory {

        @Override
        public FSObjectDrawer createDrawer(Element e) {
            return isReplacedObject(e) ? this::draw : null;
        }

        @Override
        public boolean isReplacedObject(Element e) {
            return CHART_TYPE.equals(e.getAttribute("type"));
        }

        private Map<Shape, String> draw(Element e, double x, double y, double width, double height,
                OutputDevice device, RenderingContext context, int dotsPerPixel) {
            var chart = ReportCharts.chart(charts.get(Integer.parseInt(e.getAttribute("data-chart"))));
            float widthPx = (float) (width / dotsPerPixel);
            float heightPx = (float) (height / dotsPerPixel);
            device.drawWithGraphics((float) x, (float) y, widthPx, heightPx, g -> {
                // The device's unit is the CSS pixel; lay the chart out in points, as the DOCX's PNG is
                g.scale(96.0 / 72.0, 96.0 / 72.0);
                chart.draw(g, new Rectangle2D.Double(0, 0, widthPx * 0.75, heightPx * 0.75));
            });
            return null;
        }
    }

    /** The report as an XHTML document for openhtmltopdf, and the charts its {@code <object>} elements stand for. */
    private static final class Xhtml {

        private final ComposedReport report;
        private final ExportLabels labels;
        private final Map<Integer, ComposedReport.Footnote> footnotes;
        private final Set<Integer> placed = new HashSet<>();
        final List<ReportBlock.Chart> charts = new java.util.ArrayList<>();
        private final StringBuilder html = new StringBuilder(64 * 1024);

        Xhtml(ComposedReport report, ExportLabels labels) {
            this.report = report;
            this.labels = labels;
            var byNumber = new java.util.LinkedHashMap<Integer, ComposedReport.Footnote>();
            for (ComposedReport.Footnote footnote : report.footnotes()) {
                byNumber.putIfAbsent(footnote.number(), footnote);
            }
            this.footnotes = byNumber;
        }

        String document() {
            String lang = escape(report.language().toLanguageTag());
            html.append("<html lang=\"").append(lang).append("\" xml:lang=\"").append(lang)
                    .append("\"><head><meta charset=\"UTF-8\"/><title>").append(escape(report.title()))
                    .append("</title>");
            if (report.author() != null) {
                html.append("<meta name=\"author\" content=\"").append(escape(report.author())).append("\"/>");
            }
            bookmarks();
            html.append("<style>").append(css()).append("</style></head><body>");
            titlePage();
            contents();
            for (int i = 0; i < report.sections().size(); i++) {
                section(i, report.sections().get(i));
            }
            unreferencedNotes();
            html.append("</body></html>");
            return html.toString();
        }

        private String css() {
            String page = String.join(" ", labels.page().stream().map(part -> switch (part) {
                case ExportLabels.THIS_PAGE -> "counter(page)";
                case ExportLabels.PAGES -> "counter(pages)";
                default -> cssString(part);
            }).toList());
            return """
                    @page { size: A4; margin: 2.2cm 2cm 2.4cm 2.5cm;
                      @bottom-center { content: %s; font-family: 'Liberation Sans'; font-size: 8.5pt; color: #444; }
                      @footnote { border-top: 0.5pt solid #777; padding-top: 3pt; margin-top: 6pt; } }
                    @page :first { @bottom-center { content: none; } }
                    body { font-family: 'Liberation Serif'; font-size: 11pt; line-height: 1.3; color: #000; }
                    h1, h2, h3, h4, h5, .caption, th, .toc-heading { font-family: 'Liberation Sans'; }
                    h2, h3, h4, h5 { page-break-after: avoid; margin: 14pt 0 6pt 0; }
                    h2 { font-size: 15pt; } h3 { font-size: 13pt; } h4 { font-size: 11.5pt; } h5 { font-size: 11pt; }
                    .title-page { page-break-after: always; padding-top: 7cm; }
                    .title-page h1 { font-size: 24pt; margin: 0 0 18pt 0; line-height: 1.15; }
                    .title-page .author { font-size: 13pt; margin: 0 0 30pt 0; }
                    .title-page .stamp { font-family: 'Liberation Sans'; font-size: 10pt; color: #333;
                      border-top: 0.75pt solid #333; padding-top: 5pt; }
                    .contents { page-break-after: always; }
                    .toc-heading { font-size: 15pt; margin: 0 0 10pt 0; }
                    .toc-entry { margin: 0 0 3pt 0; }
                    .toc-entry.level2 { margin-left: 1cm; font-size: 10.5pt; }
                    .toc-entry a { color: #000; text-decoration: none; }
                    .toc-entry .toc-page { float: right; }
                    .toc-entry .toc-page::after { content: target-counter(attr(href), page); }
                    .toc-number { display: inline-block; min-width: 1cm; }
                    p { margin: 0 0 6pt 0; text-align: justify; }
                    p.numbered { margin-left: 1cm; }
                    p.numbered .para-number { float: left; margin-left: -1cm; width: 0.9cm; text-align: left; }
                    blockquote { margin: 6pt 1cm; font-style: italic; }
                    ul, ol { margin: 0 0 6pt 0; padding-left: 1cm; }
                    li { margin: 0 0 2pt 0; }
                    code { font-family: 'Liberation Mono'; font-size: 9.5pt; }
                    a { color: #1f4e79; }
                    .caption { font-size: 10pt; font-weight: bold; margin: 10pt 0 4pt 0; page-break-after: avoid; }
                    .block-note { font-size: 8.5pt; color: #333; margin: 3pt 0 10pt 0; }
                    table { -fs-table-paginate: paginate; border-collapse: collapse; width: 100%%; font-size: 9pt; }
                    thead { display: table-header-group; }
                    tr { page-break-inside: avoid; }
                    th { background-color: #e7ecf2; font-weight: bold; border-bottom: 0.75pt solid #333; }
                    th, td { padding: 2pt 4pt; text-align: left; vertical-align: top; }
                    td { border-bottom: 0.25pt solid #bbb; }
                    th.number, td.number { text-align: right; }
                    .figure { page-break-inside: avoid; }
                    object.chart { display: block; width: 16.4cm; height: 8.6cm; }
                    .footnote { float: footnote; font-size: 8.5pt; line-height: 1.2; text-align: left; }
                    .footnote::footnote-call { content: attr(data-number); vertical-align: super; font-size: 7pt; }
                    .footnote::footnote-marker { content: attr(data-number) ". "; }
                    sup.footnote-again { font-size: 7pt; }
                    .notes p { font-size: 9pt; }
                    """.formatted(page);
        }

        private void bookmarks() {
            html.append("<bookmarks>");
            boolean open = false;
            for (int i = 0; i < report.sections().size(); i++) {
                var section = report.sections().get(i);
                if (section.level() <= 1) {
                    if (open) {
                        html.append("</bookmark>");
                    }
                    html.append("<bookmark name=\"").append(escape(heading(section))).append("\" href=\"#")
                            .append(anchor(i)).append("\">");
                    open = true;
                } else {
                    html.append("<bookmark name=\"").append(escape(heading(section))).append("\" href=\"#")
                            .append(anchor(i)).append("\"/>");
                }
            }
            if (open) {
                html.append("</bookmark>");
            }
            html.append("</bookmarks>");
        }

        private void titlePage() {
            html.append("<div class=\"title-page\"><h1>").append(escape(report.title())).append("</h1>");
            if (labels.submittedBy() != null) {
                html.append("<p class=\"author\">").append(escape(labels.submittedBy())).append("</p>");
            }
            html.append("<p class=\"stamp\">").append(escape(labels.stamp())).append("</p></div>");
        }

        private void contents() {
            html.append("<div class=\"contents\"><p class=\"toc-heading\">").append(escape(labels.contents()))
                    .append("</p>");
            for (int i = 0; i < report.sections().size(); i++) {
                var section = report.sections().get(i);
                html.append("<div class=\"toc-entry level").append(section.level() <= 1 ? 1 : 2).append("\">")
                        .append("<a class=\"toc-page\" href=\"#").append(anchor(i)).append("\"></a>")
                        .append("<a href=\"#").append(anchor(i)).append("\">");
                if (section.number() != null && !section.number().isBlank()) {
                    html.append("<span class=\"toc-number\">").append(escape(section.number())).append("</span>");
                }
                html.append(escape(section.heading())).append("</a></div>");
            }
            html.append("</div>");
        }

        private void section(int index, ComposedReport.Section section) {
            String tag = section.level() <= 1 ? "h2" : "h3";
            html.append("<div class=\"section\"><").append(tag).append(" id=\"").append(anchor(index)).append("\">")
                    .append(escape(heading(section))).append("</").append(tag).append(">");
            for (ReportBlock block : section.blocks()) {
                block(block);
            }
            html.append("</div>");
        }

        private void block(ReportBlock block) {
            switch (block) {
                case ReportBlock.Paragraph p -> {
                    if (p.number() == null) {
                        html.append("<p>");
                    } else {
                        html.append("<p class=\"numbered\"><span class=\"para-number\">").append(p.number())
                                .append(".</span>");
                    }
                    inlines(p.content(), true);
                    html.append("</p>");
                }
                case ReportBlock.Heading h -> {
                    String tag = h.level() <= 3 ? "h4" : "h5";
                    html.append('<').append(tag).append('>').append(escape(h.text())).append("</").append(tag)
                            .append('>');
                }
                case ReportBlock.ListBlock list -> {
                    String tag = list.ordered() ? "ol" : "ul";
                    html.append('<').append(tag).append('>');
                    for (List<ReportBlock.Inline> item : list.items()) {
                        html.append("<li>");
                        inlines(item, true);
                        html.append("</li>");
                    }
                    html.append("</").append(tag).append('>');
                }
                case ReportBlock.Quote q -> {
                    html.append("<blockquote><p>");
                    inlines(q.content(), true);
                    html.append("</p></blockquote>");
                }
                case ReportBlock.Table t -> table(t);
                case ReportBlock.Chart c -> {
                    html.append("<div class=\"figure\">");
                    caption(c.caption());
                    html.append("<object class=\"chart\" type=\"").append(CHART_TYPE).append("\" data-chart=\"")
                            .append(charts.size()).append("\"></object>");
                    charts.add(c);
                    note(c.note());
                    html.append("</div>");
                }
            }
        }

        private void table(ReportBlock.Table t) {
            caption(t.caption());
            html.append("<table><thead><tr>");
            for (ReportBlock.Column column : t.columns()) {
                html.append(column.numeric() ? "<th class=\"number\">" : "<th>").append(escape(column.heading()))
                        .append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (List<String> row : t.rows()) {
                html.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    html.append(t.columns().get(i).numeric() ? "<td class=\"number\">" : "<td>")
                            .append(escape(row.get(i))).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
            note(t.note());
        }

        private void caption(String caption) {
            if (caption != null && !caption.isBlank()) {
                html.append("<p class=\"caption\">").append(escape(caption)).append("</p>");
            }
        }

        private void note(String note) {
            if (note != null && !note.isBlank()) {
                html.append("<p class=\"block-note\">").append(escape(note)).append("</p>");
            }
        }

        /** Inline content; a footnote's first reference carries its text, which floats to the foot of the page. */
        private void inlines(List<ReportBlock.Inline> content, boolean footnotesFloat) {
            for (ReportBlock.Inline inline : content) {
                switch (inline) {
                    case ReportBlock.Text text -> text(text);
                    case ReportBlock.Link link -> {
                        if (safeUrl(link.url())) {
                            html.append("<a href=\"").append(escape(link.url())).append("\">")
                                    .append(escape(link.text())).append("</a>");
                        } else {
                            html.append(escape(link.text()));
                        }
                    }
                    case ReportBlock.LineBreak br -> html.append("<br/>");
                    case ReportBlock.FootnoteRef ref -> {
                        var footnote = footnotes.get(ref.number());
                        if (footnotesFloat && footnote != null && placed.add(ref.number())) {
                            // The report numbers its notes; the page shows that number, not a counter of its own
                            html.append("<span class=\"footnote\" data-number=\"").append(ref.number()).append("\">");
                            inlines(footnote.content(), false);
                            html.append("</span>");
                        } else {
                            html.append("<sup class=\"footnote-again\">").append(ref.number()).append("</sup>");
                        }
                    }
                }
            }
        }

        private void text(ReportBlock.Text text) {
            var styles = text.styles();
            if (styles.contains(ReportBlock.Style.BOLD)) {
                html.append("<b>");
            }
            if (styles.contains(ReportBlock.Style.ITALIC)) {
                html.append("<i>");
            }
            if (styles.contains(ReportBlock.Style.CODE)) {
                html.append("<code>");
            }
            html.append(escape(text.text()));
            if (styles.contains(ReportBlock.Style.CODE)) {
                html.append("</code>");
            }
            if (styles.contains(ReportBlock.Style.ITALIC)) {
                html.append("</i>");
            }
            if (styles.contains(ReportBlock.Style.BOLD)) {
                html.append("</b>");
            }
        }

        /** Footnotes no paragraph refers to are printed at the end, so that no source is lost. */
        private void unreferencedNotes() {
            var rest = footnotes.values().stream().filter(f -> !placed.contains(f.number())).toList();
            if (rest.isEmpty()) {
                return;
            }
            html.append("<div class=\"notes\"><h2>").append(escape(labels.notes())).append("</h2>");
            for (ComposedReport.Footnote footnote : rest) {
                html.append("<p>").append(footnote.number()).append(". ");
                inlines(footnote.content(), false);
                html.append("</p>");
            }
            html.append("</div>");
        }

        private static String heading(ComposedReport.Section section) {
            return section.number() == null || section.number().isBlank() ? section.heading()
                    : section.number() + " " + section.heading();
        }

        private static String anchor(int index) {
            return "section-" + (index + 1);
        }
    }

    static boolean safeUrl(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
    }

    /** Escapes text for XML, dropping the characters XML cannot hold. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    /** A CSS string literal. */
    private static String cssString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
