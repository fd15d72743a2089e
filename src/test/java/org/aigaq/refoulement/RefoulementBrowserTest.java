package org.aigaq.refoulement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A lawyer opens a non-refoulement case through the form (a regional convention left unnamed refused), adds UN interim
 * measures that were not respected and the extradition, sees the outcome follow, finds the case by the filter and
 * reads the figures with their chart.
 */
class RefoulementBrowserTest extends BrowserSession {

    @Autowired People people;

    @Test
    void aLawyerFollowsACaseToExtraditionAndReadsTheFigures() {
        TestAccounts.Account lawyer = accounts.createAlone(Role.LAWYER);
        long person;
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(lawyer));
        try {
            person = people.record(new PersonDraft(new Identity("Rustam Nazarov", List.of(), null, null, null), false,
                    null, null, null, List.of(), false, null)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(lawyer);
        page.click("#refoulement-link");
        page.click("#new-case");
        page.selectOption("#personId", String.valueOf(person));
        page.fill("#nationality", "Tajikistan");
        page.fill("#requestingState", "Tajikistan");
        page.selectOption("#legalBasis", "REGIONAL_CONVENTION");
        page.fill("#riskAssessment", "Opposition member: torture in pre-trial detention likely");
        page.click("#save-case");
        page.waitForSelector("#case-convention-error:not(:empty)");
        checkAccessibility();
        page.fill("#convention", "Minsk Convention");
        page.click("#save-case");
        page.waitForURL(Pattern.compile(".*/refoulement/\\d+"));
        assertThat(page.textContent("#outcome")).contains("Pending");
        String caseAddress = page.url();
        checkAccessibility();

        // "respected" without interim measures requested is refused as it is chosen
        page.selectOption("#kind", "ASYLUM_DECISION");
        page.fill("#event-date", "2024-01-15");
        page.selectOption("#respected", "true");
        page.waitForSelector("#event-respected-error:not(:empty)");
        assertThat(page.textContent("#event-respected-error")).contains("only to interim measures requested");
        page.selectOption("#kind", "INTERIM_MEASURES");
        page.fill("#event-date", "2024-02-05");
        page.selectOption("#committee", "CAT");
        page.selectOption("#respected", "false");
        page.click("#save-event");
        page.waitForSelector("#events li");
        page.selectOption("#kind", "REMOVAL");
        page.fill("#event-date", "2024-03-01");
        page.selectOption("#removal", "EXTRADITED");
        page.click("#save-event");
        page.waitForFunction("document.querySelectorAll('#events li').length == 2");
        assertThat(page.textContent("#outcome")).contains("Extradited");
        assertThat(page.textContent("#events")).contains("Committee against Torture").contains("Not respected");
        checkAccessibility();

        page.navigate(url("/refoulement?breached=true&outcome=EXTRADITED"));
        assertThat(page.textContent("#cases")).contains("Tajikistan");
        checkAccessibility();
        page.click("#figures-link");
        page.waitForSelector("figure.chart[data-chart-drawn]");
        assertThat(page.textContent("#outcome-table")).contains("Extradited");
        checkAccessibility();

        // the removal was a deportation: corrected; the interim measures entered by mistake: removed with a reason
        page.navigate(caseAddress);
        page.locator("#events li").nth(1).locator(".edit-event").click();
        assertThat(page.inputValue("#removal")).isEqualTo("EXTRADITED");
        assertThat(page.textContent("#add-event-heading")).isEqualTo("Correct the event");
        page.selectOption("#removal", "DEPORTED");
        page.click("#save-event");
        page.waitForSelector("#outcome:has-text('Deported')");
        assertThat(page.locator("#events li").count()).isEqualTo(2);
        var first = page.locator("#events li").nth(0);
        first.locator("summary").click();
        first.locator(".remove-event-button").click();
        page.waitForSelector("[id$='-reason-error']:not(:empty)");
        checkAccessibility();
        first = page.locator("#events li").nth(0);
        first.locator("input[name=reason]").fill("Entered on the wrong case");
        first.locator(".remove-event-button").click();
        page.waitForFunction("document.querySelectorAll('#events li').length == 1");
        assertThat(page.textContent("#events")).doesNotContain("Committee against Torture");
        page.click("#removed-events summary");
        assertThat(page.textContent("#removed-events")).contains("Entered on the wrong case").contains("2024-02-05");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }
}
