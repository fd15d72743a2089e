package org.aigaq.defenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;

/**
 * A documenter records a threat against a group of journalists through the form (a date in the future refused as
 * typed), finds it in the list and reads the period's figures with their chart.
 */
class DefendersBrowserTest extends BrowserSession {

    @Test
    void aDocumenterRecordsAnIncidentAndReadsTheFigures() {
        TestAccounts.Account documenter = accounts.createAlone(Role.DOCUMENTER);
        signInWithCode(documenter);
        page.click("#defenders-link, a[href='/defenders']");
        page.click("#new-incident");
        page.fill("#date", java.time.LocalDate.now().plusYears(1).toString());
        page.dispatchEvent("#date", "change");
        page.waitForSelector("#incident-date-error:not(:empty)");
        checkAccessibility();
        page.fill("#date", java.time.LocalDate.now().minusDays(3).toString());
        page.fill("#city", "Almaty");
        page.selectOption("#region", "almaty");
        page.selectOption("#targetGroup", "journalist");
        page.selectOption("#threatTypes", new String[] {"threat"});
        page.fill("#groupDescription", "Editorial staff of an independent newspaper");
        page.click("#save-incident");
        page.waitForURL(Pattern.compile(".*/defenders/\\d+"));
        assertThat(page.textContent("main")).contains("Editorial staff of an independent newspaper").contains("Almaty");
        checkAccessibility();

        page.navigate(url("/defenders"));
        assertThat(page.textContent("#incidents")).contains("Almaty");
        checkAccessibility();
        page.click("#figures-link");
        page.waitForSelector("figure.chart[data-chart-drawn]");
        assertThat(page.textContent("#headline-table")).contains("1");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }
}
