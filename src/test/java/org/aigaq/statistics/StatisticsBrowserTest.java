package org.aigaq.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An analyst at a browser reads the official statistics a documenter imported: each indicator with its definition
 * beside it, the published table's percentages, the official counts beside the coalition's, the versions and the
 * chart; the page passes axe-core and is photographed.
 */
class StatisticsBrowserTest extends BrowserSession {

    @Autowired StatisticsImports imports;

    @Test
    void anAnalystReadsTheIndicatorsWithTheirDefinitions() throws Exception {
        String agency = "Prosecutor General browser " + System.nanoTime() % 100_000;
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(accounts.create(Role.DOCUMENTER, true)));
        try {
            var job = imports.upload(new ByteArrayInputStream(StatisticsImportsTest.table(agency, "29")
                    .getBytes(StandardCharsets.UTF_8)), null, null);
            imports.run(job.id());
        } finally {
            SecurityContextHolder.clearContext();
        }
        var analyst = accounts.create(Role.ANALYST, false);
        signIn(analyst.username());
        page.waitForURL(url("/"));
        page.navigate(url("/statistics?article=2014:146&agency=" + agency.replace(" ", "+")));
        assertThat(page.textContent("#definitions")).contains("Sent to court ÷ Complaints")
                .contains("Allegations found confirmed ÷ Allegations of torture raised at trial (written and oral)");
        String indicators = page.textContent("#indicators-table");
        assertThat(indicators).contains("4.6 %").contains("14.1 %").contains("7.1 %").contains("7.3 %").contains("13.0 %");
        assertThat(page.textContent("#comparison-table")).contains("2014:146").contains(agency);
        assertThat(page.textContent("#history-table")).contains("Cases sent to court");
        page.waitForSelector("#indicators figure.chart canvas, #indicators figure.chart svg");
        // Trends: the prosecution rate went from 4.6 % (19 of 412) to 7.3 % (29 of 400), 2.7 points up; its line chart.
        String trend = page.textContent("#trend-table-0");
        assertThat(page.textContent("#trend-heading-0")).contains("prosecution rate").contains("2014:146").contains(agency);
        assertThat(trend).contains("4.6 %").contains("7.3 %").contains("+2.7 pp").contains("412").contains("29");
        assertThat(page.textContent("#trend-table-1")).contains("14.1 %").contains("13.0 %").contains("-1.1 pp");
        page.waitForSelector("#trend-0 figure.chart[data-chart-drawn='2']");
        var csv = page.waitForDownload(() -> page.click("#trends-csv"));
        String csvText = java.nio.file.Files.readString(csv.path());
        assertThat(csvText).contains("complaints-sent-to-court,KZ,2014:146," + agency + ",1-E,2023,29,400,7.3,2.7");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDocumenterUploadsATableAndIsToldWhichColumnTheMappingLacks() throws Exception {
        String agency = "Court browser " + System.nanoTime() % 100_000;
        var documenter = accounts.create(Role.DOCUMENTER, true);
        signInWithCode(documenter);
        page.navigate(url("/statistics"));
        page.click("#statistics-import");
        var file = java.nio.file.Files.createTempFile("statistics", ".csv");
        java.nio.file.Files.writeString(file, StatisticsImportsTest.table(agency, "29").replace("Ведомство", "Орган власти"));
        page.setInputFiles("#file", file);
        page.click("#upload");
        // The columns whose names are known are shown mapped as proposed; the unknown one is not imported.
        assertThat(page.inputValue("#column-1")).isEqualTo("YEAR");
        assertThat(page.inputValue("#column-9")).isEqualTo("SENT_TO_COURT");
        assertThat(page.inputValue("#column-2")).isEmpty();
        checkAccessibility();
        // "Орган власти" is not a name the mapping knows: the year, agency and article are required, so mapping it is the step.
        page.click("#dry-run");
        assertThat(page.textContent("#import-errors")).contains("Agency").doesNotContain("AGENCY");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDocumenterMapsAnUnrecognisedTableByHandAndImportsIt() throws Exception {
        String agency = "Court by hand " + System.nanoTime() % 100_000;
        var documenter = accounts.create(Role.DOCUMENTER, true);
        signInWithCode(documenter);
        page.navigate(url("/statistics/imports/new"));
        var file = java.nio.file.Files.createTempFile("statistics", ".csv");
        // No heading is one the mapping knows: every column is mapped by hand.
        java.nio.file.Files.writeString(file, String.join("\r\n",
                "Страна;Период отчёта;Орган власти;Ст. УК;Принято заявлений;Передано в суд", "KZ;2022;" + agency + ";146;412;19",
                "KZ;2023;" + agency + ";146;400;29", ""));
        page.setInputFiles("#file", file);
        page.click("#upload");
        page.waitForSelector("#mapping-form");
        page.selectOption("#column-0", "JURISDICTION");
        page.selectOption("#column-1", "YEAR");
        page.selectOption("#column-3", "ARTICLE");
        page.selectOption("#column-4", "COMPLAINTS");
        page.selectOption("#column-5", "SENT_TO_COURT");
        // Checking every row takes the columns as chosen on the screen: only the agency is missing, said by its label,
        // and the choices made are kept on the page.
        page.click("#dry-run");
        String errors = page.textContent("#import-errors");
        assertThat(errors).contains("“Agency”").doesNotContain("AGENCY").doesNotContain("Year").doesNotContain("Article");
        assertThat(page.inputValue("#column-1")).isEqualTo("YEAR");
        assertThat(page.inputValue("#column-5")).isEqualTo("SENT_TO_COURT");
        page.selectOption("#column-2", "AGENCY");
        page.click("#save-mapping");
        assertThat(page.locator("#import-errors").count()).isZero();
        assertThat(page.inputValue("#column-2")).isEqualTo("AGENCY");
        assertThat(page.inputValue("#column-3")).isEqualTo("ARTICLE");
        page.click("#dry-run");
        assertThat(page.textContent("#outcome-summary")).contains("Every one of the 2 rows is good: importing will add 4 figures");
        page.click("#run");
        assertThat(page.textContent("#outcome-summary")).contains("Imported: 2 rows read, 4 figures added");
        assertThat(page.locator("#mapping-form").count()).isZero();
        checkAccessibility();
        page.navigate(url("/statistics?article=2014:146&agency=" + agency.replace(" ", "+")));
        assertThat(page.textContent("#indicators-table")).contains("4.6 %").contains("7.3 %");
        assertThat(consoleErrors).isEmpty();
    }
}
