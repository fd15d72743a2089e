package org.aigaq.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aigaq.reports.ComposedReport;
import org.aigaq.reports.ReportBlock;
import org.junit.jupiter.api.Test;

/** The preview's HTML escapes every text the user wrote and keeps only web and mail links as links. */
class ReportHtmlTest {

    @Test
    void textIsEscapedAndOnlyWebLinksAreLinks() {
        var paragraph = new ReportBlock.Paragraph(7, List.of(new ReportBlock.Text("<script>alert(1)</script>", Set.of(ReportBlock.Style.BOLD)),
                new ReportBlock.Link("click", "javascript:alert(1)"), new ReportBlock.Link("UN", "https://www.ohchr.org/?a=1&b=\"2\""),
                new ReportBlock.FootnoteRef(1)));
        var table = new ReportBlock.Table("<b>caption</b>", List.of(new ReportBlock.Column("Year", false), new ReportBlock.Column("N", true)),
                List.of(List.of("2024", "<i>5</i>")), "note & source");
        var chart = new ReportBlock.Chart("Rate", ReportBlock.ChartKind.LINE, List.of("2023", "2024"),
                List.of(new ReportBlock.Series("<official>", Arrays.asList(3.5, null))), "");
        var report = new ComposedReport("Title <x>", "NGO", Locale.forLanguageTag("ru"), Instant.parse("2026-01-01T00:00:00Z"), "Черновик",
                List.of(new ComposedReport.Section("1", "Heading \"1\"", 1, List.of(paragraph, table, chart))),
                List.of(new ComposedReport.Footnote(1, List.of(ReportBlock.Text.plain("Source <1>")))));
        String html = ReportHtml.of(report, "Notes", "as of");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("<strong>");
        assertThat(html).doesNotContain("javascript:").contains("click");
        assertThat(html).contains("href=\"https://www.ohchr.org/?a=1&amp;b=&quot;2&quot;\"");
        assertThat(html).contains("<span class=\"paragraph-number\">7.</span>").contains("<sup><a href=\"#fn-1\">1</a></sup>");
        assertThat(html).contains("&lt;b&gt;caption&lt;/b&gt;").contains("&lt;i&gt;5&lt;/i&gt;").contains("note &amp; source");
        assertThat(html).contains("&lt;official&gt;").contains("<td class=\"number\">3.5</td>").contains("<td class=\"number\">—</td>");
        assertThat(html).contains("Title &lt;x&gt;").contains("Source &lt;1&gt;").contains("lang=\"ru\"");
    }
}
