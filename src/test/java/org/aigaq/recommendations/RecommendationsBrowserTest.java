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
 * and finds it overdue on the dashboard, on their home page and among their reminders; imports a file whose headings
 * are not recognised by choosing what each column holds (told by label which required field has no column).
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

    @Test
    void aDocumenterCorrectsTheRecommendationItsClaimAndItsAssessmentAndTheEarlierGradeStaysVisible() {
        TestAccounts.Account documenter = accounts.createAlone(Role.DOCUMENTER);
        signInWithCode(documenter);
        page.navigate(url("/recommendations-tracker/new"));
        page.fill("#documentSymbol", "CAT/C/KAZ/CO/4");
        page.fill("#documentDate", "2022-01-20");
        page.fill("#paragraph", "9");
        page.fill("#text", "Ensure prompt access to a lawyer.");
        page.click("#save-recommendation");
        page.waitForURL(Pattern.compile(".*/recommendations-tracker/\\d+"));

        // a claim without its date is refused, and what was typed stays in the form
        page.fill("#claim", "Lawyers are admitted at once.");
        page.fill("#document", "CAT/C/KAZ/FCO/4");
        page.click("#add-claim");
        page.waitForSelector("#claim-claimedOn-error:not(:empty)");
        assertThat(page.inputValue("#claim")).isEqualTo("Lawyers are admitted at once.");
        assertThat(page.inputValue("#document")).isEqualTo("CAT/C/KAZ/FCO/4");
        page.fill("#claimedOn", "2023-05-01");
        page.click("#add-claim");
        page.waitForSelector("#claims:has-text('admitted at once')");
        page.click(".edit-claim");
        assertThat(page.inputValue("#claim")).isEqualTo("Lawyers are admitted at once.");
        page.fill("#claim", "Lawyers are admitted within three hours.");
        page.click("#add-claim");
        page.waitForSelector("#claims:has-text('within three hours')");
        assertThat(page.textContent("#claims")).doesNotContain("at once").contains("(corrected)");

        page.fill("#assessedOn", "2024-01-10");
        page.selectOption("#grade", "B2");
        page.fill("#reasoning", "Partly implemented.");
        page.click("#add-assessment");
        page.waitForSelector("#assessments:has-text('B2')");
        page.click(".edit-assessment");
        page.selectOption("#grade", "C1");
        page.fill("#reasoning", "Lawyers still wait for days.");
        page.fill("#flags", "not a case number");
        page.click("#add-assessment");
        // refused at its field; the correction typed is kept, and the grade is not changed yet
        page.waitForSelector("#assessment-flags-error:not(:empty)");
        assertThat(page.inputValue("#reasoning")).isEqualTo("Lawyers still wait for days.");
        assertThat(page.inputValue("#grade")).isEqualTo("C1");
        assertThat(page.inputValue("#flags")).isEqualTo("not a case number");
        checkAccessibility();
        page.fill("#flags", "");
        page.click("#add-assessment");
        page.waitForSelector("#assessments:has-text('C1')");
        assertThat(page.textContent("#assessments .corrections")).contains("B2").contains("2024-01-10").contains("Partly implemented.");
        checkAccessibility();

        page.click("#edit-recommendation");
        assertThat(page.inputValue("#paragraph")).isEqualTo("9");
        page.fill("#paragraph", "10");
        page.fill("#text", "");
        page.click("#save-recommendation");
        page.waitForSelector("#recommendation-text-error:not(:empty)");
        assertThat(page.inputValue("#paragraph")).isEqualTo("10");
        page.fill("#text", "Ensure access to a lawyer from the outset.");
        page.click("#save-recommendation");
        page.waitForURL(Pattern.compile(".*/recommendations-tracker/\\d+"));
        assertThat(page.textContent("h1")).isEqualTo("CAT/C/KAZ/CO/4, para. 10");
        assertThat(page.textContent("#text")).isEqualTo("Ensure access to a lawyer from the outset.");
        String address = page.url();
        assertThat(consoleErrors).isEmpty();

        // an analyst of the organisation reads it but is offered no corrections
        page.context().clearCookies();
        TestAccounts.Account analyst = accounts.createIn(documenter.user().organisationId(), Role.ANALYST);
        signInWithCode(analyst);
        page.navigate(address);
        assertThat(page.textContent("#assessments")).contains("C1").contains("B2");
        assertThat(page.locator("#edit-recommendation, .edit-claim, .edit-assessment, #assessment-form").count()).isZero();
        page.navigate(address + "/edit");
        assertThat(page.textContent("body")).doesNotContain("Ensure access to a lawyer");
    }

    @Test
    void aDocumenterMapsAFileWhoseHeadingsAreNotRecognisedAndImportsIt() throws Exception {
        TestAccounts.Account documenter = accounts.createAlone(Role.DOCUMENTER);
        signInWithCode(documenter);
        page.click("#recommendations-tracker-link");
        page.click("#import-link");
        checkAccessibility();
        String symbol = "CAT/C/KAZ/CO/" + System.nanoTime() % 100_000;
        var file = java.nio.file.Files.createTempFile("recommendations", ".csv");
        java.nio.file.Files.write(file, ("Орган;Документ;Дата;Текст рекомендации;Темы\r\n"
                + "CAT;" + symbol + ";20.01.2022;Обеспечить доступ к адвокату с момента задержания;адвокат\r\n"
                + "CAT;" + symbol + ";20.01.2022;Расследовать все жалобы на пытки;расследование\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1251")));
        page.setInputFiles("#file", file);
        page.click("#upload");
        page.waitForSelector("#mapping-form");
        // Detected as read: Windows-1251, semicolons; no heading is recognised, so nothing is mapped yet.
        assertThat(page.textContent("#detected")).contains("Windows-1251");
        assertThat(page.inputValue("#encoding")).isEqualTo("WINDOWS_1251");
        assertThat(page.inputValue("#separator")).isEqualTo("SEMICOLON");
        assertThat(page.textContent("label[for='column-3']")).isEqualTo("Текст рекомендации");
        assertThat(page.inputValue("#column-0")).isEmpty();
        // Another encoding reads the headings anew (wrongly here); the detected one reads them right again.
        page.selectOption("#encoding", "MAC_ROMAN");
        page.click("#save-mapping");
        page.waitForSelector("#mapping-form");
        assertThat(page.inputValue("#encoding")).isEqualTo("MAC_ROMAN");
        assertThat(page.textContent("label[for='column-3']")).isNotEqualTo("Текст рекомендации");
        page.selectOption("#encoding", "WINDOWS_1251");
        page.click("#save-mapping");
        page.waitForSelector("#mapping-form");
        assertThat(page.textContent("label[for='column-3']")).isEqualTo("Текст рекомендации");
        page.click("#dry-run");
        page.waitForSelector("#import-errors");
        assertThat(page.textContent("#import-errors")).contains("\"Source\"").contains("\"Document symbol\"")
                .contains("\"Document date\"").contains("\"Text\"");
        checkAccessibility();

        page.selectOption("#column-0", "SOURCE");
        page.selectOption("#column-1", "DOCUMENT_SYMBOL");
        page.selectOption("#column-2", "DOCUMENT_DATE");
        page.selectOption("#column-3", "TEXT");
        page.selectOption("#column-4", "THEMES");
        page.click("#dry-run");
        page.waitForSelector("#outcome-summary");
        assertThat(page.textContent("#outcome-summary")).contains("2 recommendations would be recorded").contains("Windows-1251");
        assertThat(page.inputValue("#column-3")).isEqualTo("TEXT");
        checkAccessibility();
        page.click("#run");
        page.waitForSelector("#to-list");
        assertThat(page.textContent("#outcome-summary")).contains("2 recommendations recorded");
        assertThat(page.locator("#mapping-form").count()).isZero();
        checkAccessibility();
        page.click("#to-list");
        assertThat(page.textContent("main")).contains(symbol);
        assertThat(consoleErrors).isEmpty();
    }
}
