package org.aigaq.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;

/**
 * A documenter records a CAT follow-up recommendation with its due date (a due date before the document refused as
 * typed), adds the state's claim and a graded assessment with its evidence (a missing grade refused at its field),
 * and finds it overdue on the dashboard, on their home page and among their reminders.
 */
class RecommendationsBrowserTest extends BrowserSession {

    @Test
    void aDocumenterTracksAFollowUpItemToTheDashboard() {
        TestAccounts.Account documenter = accounts.createAlone(Role.DOCUMENTER);
        signInWithCode(documenter);
        page.click("#recommendations-tracker-link");
        page.click("#new-recommendation");
        page.selectOption("#source", "CAT_FOLLOW_UP");
        page.fill("#documentSymbol", "CAT/C/KAZ/CO/4");
        page.fill("#documentDate", "2022-01-20");
        page.fill("#dueDate", "2021-01-01");
        page.dispatchEvent("#dueDate", "change");
        page.waitForSelector("#recommendation-dueDate-error:not(:empty)");
        checkAccessibility();
        page.fill("#dueDate", LocalDate.now().minusDays(2).toString());
        page.fill("#paragraph", "12");
        page.fill("#subParagraph", "b");
        page.fill("#text", "Ensure that all allegations of torture are investigated promptly and impartially.");
        page.fill("#themes", "investigation, impunity");
        page.fill("#authority", "Prosecutor General's Office");
        page.selectOption("#responsibleUserId", String.valueOf(documenter.id()));
        page.click("#save-recommendation");
        page.waitForURL(Pattern.compile(".*/recommendations-tracker/\\d+"));
        assertThat(page.textContent("h1")).isEqualTo("CAT/C/KAZ/CO/4, para. 12 (b)");

        page.fill("#claimedOn", "2023-05-01");
        page.fill("#claim", "All complaints are now registered in the unified register.");
        page.fill("#document", "CAT/C/KAZ/FCO/4");
        page.click("#add-claim");
        page.waitForSelector("#claims:has-text('unified register')");

        page.fill("#assessedOn", LocalDate.now().toString());
        page.fill("#reasoning", "Complaints are registered but not investigated.");
        page.click("#add-assessment");
        page.waitForSelector("#assessment-grade-error:not(:empty)");
        checkAccessibility();
        page.fill("#assessedOn", LocalDate.now().toString());
        page.selectOption("#grade", "C1");
        page.fill("#evidenceNotes", "Justice pipeline: no indictment among the 2023 allegations");
        page.click("#add-assessment");
        page.waitForSelector("#assessments:has-text('C1')");
        assertThat(page.textContent("#assessments")).contains("no indictment");
        checkAccessibility();

        page.click("a[href='/recommendations-tracker']");
        assertThat(page.textContent("#follow-ups")).contains("CAT/C/KAZ/CO/4, para. 12 (b)").contains("Overdue by 2 days").contains("C1");
        assertThat(page.textContent("#by-source")).contains("Committee against Torture: follow-up item");
        assertThat(page.textContent("#changes")).contains("State claim added").contains("Assessed");
        checkAccessibility();
        page.navigate(url("/"));
        assertThat(page.textContent("#home-reminders")).contains("CAT/C/KAZ/CO/4, para. 12 (b)");
        checkAccessibility();
        page.click("#home-reminders a[href='/recommendations-tracker/reminders']");
        assertThat(page.textContent("#reminders")).contains("CAT/C/KAZ/CO/4, para. 12 (b)");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }
}
