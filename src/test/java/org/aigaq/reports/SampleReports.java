package org.aigaq.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.aigaq.reports.ReportBlock.Chart;
import org.aigaq.reports.ReportBlock.ChartKind;
import org.aigaq.reports.ReportBlock.Column;
import org.aigaq.reports.ReportBlock.FootnoteRef;
import org.aigaq.reports.ReportBlock.Inline;
import org.aigaq.reports.ReportBlock.Link;
import org.aigaq.reports.ReportBlock.ListBlock;
import org.aigaq.reports.ReportBlock.Paragraph;
import org.aigaq.reports.ReportBlock.Quote;
import org.aigaq.reports.ReportBlock.Series;
import org.aigaq.reports.ReportBlock.Style;
import org.aigaq.reports.ReportBlock.Table;
import org.aigaq.reports.ReportBlock.Text;

/** Composed reports built by hand for the writers' tests and benchmark: Kazakh, Russian and English text. */
final class SampleReports {

    static final Instant TAKEN_AT = Instant.parse("2026-11-30T09:15:00Z");

    /** Every Kazakh letter outside the Russian alphabet, in both cases. */
    static final String KAZAKH_LETTERS = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ";

    static final String KAZAKH = "Азаптауға қарсы комитетке баяндама: әйелдер, ұлттық превенциялық тетік, "
            + "үкімет және құқық қорғау органдары; " + KAZAKH_LETTERS + ".";

    static final String RUSSIAN = "Альтернативный доклад Комитету против пыток: право на защитника с момента "
            + "фактического задержания, съёмка допросов, независимые медицинские осмотры.";

    static final String ENGLISH = "Safeguards at arrest were not observed in most of the documented cases.";

    private SampleReports() {
    }

    /**
     * The report the tests check: 12 sections (two of them sub-sections), numbered paragraphs with footnotes, a list,
     * a quote, a link, a table of 200 rows and a bar and a line chart.
     */
    static ComposedReport withEverything(Locale language) {
        List<ComposedReport.Section> sections = new ArrayList<>();
        List<ComposedReport.Footnote> footnotes = new ArrayList<>();
        int paragraph = 1;
        for (int s = 1; s <= 10; s++) {
            List<ReportBlock> blocks = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                int note = footnotes.size() + 1;
                footnotes.add(new ComposedReport.Footnote(note, List.of(Text.plain("Дереккөз " + note
                        + ": Бас прокуратураның статистикасы, source " + note + ", сноска " + note + "."))));
                blocks.add(new Paragraph(paragraph++, List.of(Text.plain(KAZAKH + " "),
                        new Text(RUSSIAN, Set.of(Style.ITALIC)), new FootnoteRef(note), Text.plain(" " + ENGLISH))));
            }
            if (s == 2) {
                blocks.add(new ListBlock(false, List.of(List.of(Text.plain("Құқық қорғаушы: " + KAZAKH_LETTERS)),
                        List.of(new Text("Адвокат", Set.of(Style.BOLD)), Text.plain(" в первые часы")))));
                blocks.add(new ListBlock(true, List.of(List.of(Text.plain("First")), List.of(Text.plain("Second")))));
                blocks.add(new Quote(List.of(Text.plain("«Мені ұрды, адвокат берілмеді», — деді жәбірленуші."))));
                blocks.add(new Paragraph(null, List.of(Text.plain("See "),
                        new Link("CAT/C/KAZ/CO/4", "https://docs.un.org/en/CAT/C/KAZ/CO/4"), Text.plain("."))));
            }
            if (s == 3) {
                blocks.add(table(200));
            }
            if (s == 4) {
                blocks.add(chart(ChartKind.BAR));
                blocks.add(chart(ChartKind.LINE));
            }
            sections.add(new ComposedReport.Section(String.valueOf(s), "Бөлім " + s + ": Статья " + s
                    + " — safeguards, ұлттық тетік", 1, blocks));
            if (s == 5) {
                sections.add(new ComposedReport.Section("5.1", "Тергеу изоляторлары", 2,
                        List.of(new ReportBlock.Heading(3, "Қамау орындары"),
                                new Paragraph(paragraph++, List.of(Text.plain(RUSSIAN))))));
                sections.add(new ComposedReport.Section("5.2", "Колонии", 2,
                        List.of(new Paragraph(paragraph++, List.of(Text.plain(ENGLISH))))));
            }
        }
        return new ComposedReport("Азаптауға қарсы комитетке баламалы баяндама — Альтернативный доклад",
                "Коалиция НПО против пыток / Азаптауға қарсы ҮЕҰ коалициясы", language, TAKEN_AT, "Edition 2",
                sections, footnotes);
    }

    static Table table(int rows) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            cells.add(List.of("Облыс " + i + " — Область", String.valueOf(2000 + i % 25),
                    String.format(Locale.ROOT, "%,d", i * 37).replace(',', ' '),
                    String.format(Locale.ROOT, "%.1f%%", (i * 7 % 1000) / 10.0)));
        }
        return new Table("Кесте: шағымдар / Жалобы по регионам", List.of(new Column("Өңір / Регион", false),
                new Column("Жыл", true), new Column("Шағымдар", true), new Column("Үлес", true)), cells,
                "Дереккөз: Бас прокуратура; as of 30 November 2026.");
    }

    static Chart chart(ChartKind kind) {
        List<String> years = List.of("2019", "2020", "2021", "2022", "2023", "2024", "2025");
        return new Chart(kind == ChartKind.BAR ? "Тіркелген шағымдар / Зарегистрированные жалобы"
                : "Сотқа жіберілген істердің үлесі", kind, years,
                List.of(new Series("Ресми / Официальные", List.of(120.0, 135.0, 150.0, 110.0, 98.0, 143.0, 160.0)),
                        new Series("Коалиция", java.util.Arrays.asList(180.0, 210.0, null, 190.0, 205.0, 230.0, 260.0))),
                "Анықтама: сотқа жіберілген істер ÷ тіркелген шағымдар.");
    }

    /** A long report for the benchmark: about 50 pages with 10 tables and 10 charts. */
    static ComposedReport fiftyPages(Locale language) {
        List<ComposedReport.Section> sections = new ArrayList<>();
        List<ComposedReport.Footnote> footnotes = new ArrayList<>();
        int paragraph = 1;
        for (int s = 1; s <= 20; s++) {
            List<ReportBlock> blocks = new ArrayList<>();
            for (int p = 0; p < 9; p++) {
                List<Inline> content = new ArrayList<>();
                content.add(Text.plain(KAZAKH + " " + RUSSIAN + " " + ENGLISH + " " + RUSSIAN + " "));
                if (p % 3 == 0) {
                    int note = footnotes.size() + 1;
                    footnotes.add(new ComposedReport.Footnote(note, List.of(Text.plain("Source " + note
                            + ": ответ Генеральной прокуратуры № " + (1000 + note) + "."))));
                    content.add(new FootnoteRef(note));
                }
                content.add(Text.plain(" " + KAZAKH));
                blocks.add(new Paragraph(paragraph++, content));
            }
            blocks.add(s % 2 == 0 ? chart(s % 4 == 0 ? ChartKind.LINE : ChartKind.BAR) : table(40));
            sections.add(new ComposedReport.Section(String.valueOf(s), "Бөлім " + s + " — Раздел " + s, 1, blocks));
        }
        return new ComposedReport("Benchmark report", "Коалиция", language, TAKEN_AT, "Draft", sections, footnotes);
    }
}
