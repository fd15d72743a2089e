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
    void anAnalystReadsTheIndicatorsWithTheirDefinitions() {
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
        checkAccessibility();
        // "Орган власти" is not a name the mapping knows: the year, agency and article are required, so mapping it is the step.
        page.click("#dry-run");
        assertThat(page.textContent("#import-errors")).contains("AGENCY");
        assertThat(consoleErrors).isEmpty();
    }
}
