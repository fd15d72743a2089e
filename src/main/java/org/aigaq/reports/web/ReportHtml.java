package org.aigaq.reports.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.aigaq.reports.ComposedReport;
import org.aigaq.reports.ReportBlock;
import org.springframework.web.util.HtmlUtils;

/**
 * A composed report as HTML for the preview in the page: every text escaped here, so the page inserts it as it is;
 * a chart is drawn by the page's charts script from a figures table that stays beside it for assistive technology.
 */
final class ReportHtml {

    private final StringBuilder html = new StringBuilder();
    private int tables;

    private ReportHtml() {
    }

    static String of(ComposedReport report, String footnotesHeading, String asOfLabel) {
        var out = new ReportHtml();
        out.report(report, footnotesHeading, asOfLabel);
        return out.html.toString();
    }

    private void report(ComposedReport report, String footnotesHeading, String asOfLabel) {
        html.append("<article class=\"report-preview\" lang=\"").append(e(report.language().toLanguageTag())).append("\">");
        html.append("<h2>").append(e(report.title())).append("</h2>");
        if (report.author() != null) html.append("<p class=\"hint\">").append(e(report.author())).append("</p>");
        html.append("<p class=\"hint\" id=\"stamp\">").append(e(report.edition() == null ? "" : report.edition())).append(" — ")
                .append(e(asOfLabel)).append("</p>");
        for (var section : report.sections()) {
            html.append(section.level() == 1 ? "<h3>" : "<h4>").append(e(section.number())).append(". ").append(e(section.heading()))
                    .append(section.level() == 1 ? "</h3>" : "</h4>");
            for (var block : section.blocks()) block(block);
        }
        if (!report.footnotes().isEmpty()) {
            html.append("<h3>").append(e(footnotesHeading)).append("</h3><ol class=\"footnotes\">");
            for (var f : report.footnotes()) {
                html.append("<li id=\"fn-").append(f.number()).append("\" value=\"").append(f.number()).append("\">");
                inlines(f.content());
                html.append("</li>");
            }
            html.append("</ol>");
        }
        html.append("</article>");
    }

    private void block(ReportBlock block) {
        switch (block) {
            case ReportBlock.Paragraph p -> {
                html.append("<p class=\"numbered\">");
                if (p.number() != null) html.append("<span class=\"paragraph-number\">").append(p.number()).append(".</span> ");
                inlines(p.content());
                html.append("</p>");
            }
            case ReportBlock.Heading h -> {
                int level = Math.min(6, Math.max(4, h.level() + 1));
                html.append("<h").append(level).append('>').append(e(h.text())).append("</h").append(level).append('>');
            }
            case ReportBlock.ListBlock l -> {
                html.append(l.ordered() ? "<ol>" : "<ul>");
                for (var item : l.items()) {
                    html.append("<li>");
                    inlines(item);
                    html.append("</li>");
                }
                html.append(l.ordered() ? "</ol>" : "</ul>");
            }
            case ReportBlock.Quote q -> {
                html.append("<blockquote>");
                inlines(q.content());
                html.append("</blockquote>");
            }
            case ReportBlock.Table t -> table(t);
            case ReportBlock.Chart c -> chart(c);
        }
    }

    private void table(ReportBlock.Table t) {
        html.append("<div class=\"table-scroll\"><table class=\"live-block\"><caption>").append(e(t.caption())).append("</caption><thead><tr>");
        for (var c : t.columns()) html.append("<th scope=\"col\">").append(e(c.heading())).append("</th>");
        html.append("</tr></thead><tbody>");
        for (var row : t.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(t.columns().get(i).numeric() ? "<td class=\"number\">" : "<td>").append(e(row.get(i))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></div>");
        note(t.note());
    }

    private void chart(ReportBlock.Chart c) {
        String id = "report-chart-" + (++tables);
        String values = IntStream.rangeClosed(1, c.series().size()).mapToObj(String::valueOf).collect(Collectors.joining(" "));
        html.append("<figure class=\"chart\" data-chart-table=\"").append(id).append("\" data-chart-kind=\"")
                .append(c.kind() == ReportBlock.ChartKind.LINE ? "line" : "bar").append("\" data-chart-category=\"0\" data-chart-values=\"")
                .append(values).append("\" data-chart-order=\"table\"><div class=\"chart-canvas\" aria-hidden=\"true\"></div>")
                .append("<figcaption class=\"hint\">").append(e(c.caption())).append("</figcaption></figure>");
        html.append("<div class=\"table-scroll\"><table class=\"live-block\" id=\"").append(id).append("\"><caption>")
                .append(e(c.caption())).append("</caption><thead><tr><th scope=\"col\"></th>");
        for (var s : c.series()) html.append("<th scope=\"col\">").append(e(s.name())).append("</th>");
        html.append("</tr></thead><tbody>");
        for (int i = 0; i < c.categories().size(); i++) {
            html.append("<tr><th scope=\"row\">").append(e(c.categories().get(i))).append("</th>");
            for (var s : c.series()) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                html.append("<td class=\"number\">").append(v == null ? "—" : e(String.format(Locale.ROOT, "%.1f", v))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></div>");
        note(c.note());
    }

    private void note(String note) {
        if (note != null && !note.isBlank()) html.append("<p class=\"hint block-note\">").append(e(note)).append("</p>");
    }

    private void inlines(List<ReportBlock.Inline> inlines) {
        for (var inline : inlines) {
            switch (inline) {
                case ReportBlock.Text t -> {
                    String text = e(t.text());
                    if (t.styles().contains(ReportBlock.Style.CODE)) text = "<code>" + text + "</code>";
                    if (t.styles().contains(ReportBlock.Style.ITALIC)) text = "<em>" + text + "</em>";
                    if (t.styles().contains(ReportBlock.Style.BOLD)) text = "<strong>" + text + "</strong>";
                    html.append(text);
                }
                case ReportBlock.Link l -> {
                    String url = l.url() == null ? "" : l.url().strip();
                    // only web and mail links become links: a "javascript:" address stays text
                    if (url.matches("(?i)(https?://|mailto:).*")) {
                        html.append("<a href=\"").append(e(url)).append("\" rel=\"noopener\">").append(e(l.text())).append("</a>");
                    } else {
                        html.append(e(l.text()));
                    }
                }
                case ReportBlock.FootnoteRef f -> html.append("<sup><a href=\"#fn-").append(f.number()).append("\">")
                        .append(f.number()).append("</a></sup>");
                case ReportBlock.LineBreak ignored -> html.append("<br>");
            }
        }
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
