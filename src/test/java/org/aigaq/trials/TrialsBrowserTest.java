package org.aigaq.trials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lawyer records a trial (a missing court refused as typed), a hearing with its fair-trial checklist and a torture
 * allegation the court recorded but did not investigate, records the verdict, and reads the counts across trials.
 */
class TrialsBrowserTest extends BrowserSession {

    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    @Test
    void aLawyerFollowsATrialFromTheFirstHearingToTheVerdict() throws Exception {
        TestAccounts.Account lawyer = accounts.createAlone(Role.LAWYER);
        String person = defendant(lawyer, "Талгат Ермеков");
        signInWithCode(lawyer);
        page.click("#trials-link");
        page.click("#new-trial");
        page.fill("#court", "x");
        page.fill("#court", "");
        page.dispatchEvent("#court", "change");
        page.waitForSelector("#court-error:not(:empty)");
        checkAccessibility();
        page.fill("#court", "Astana city court");
        page.fill("#caseNumber", "1-77/2024");
        page.fill("#charges", "Art. 174 (inciting discord)");
        page.fill("#language", "Russian");
        page.selectOption("#defendants", new String[] {person});
        page.click("#save-trial");
        page.waitForURL(Pattern.compile(".*/trials/\\d+"));
        assertThat(page.textContent("#defendants-table")).contains("Талгат Ермеков");

        page.click("#new-hearing");
        page.fill("#date", "2024-04-02");
        page.fill("#observers", "Two coalition observers");
        page.check("#publicAdmitted");
        page.check("#recordingBanned");
        page.selectOption("#interpreter", "NOT_PROVIDED");
        page.selectOption("#check-PUBLIC_HEARING", "NOT_RESPECTED");
        page.fill("#check-note-PUBLIC_HEARING", "Relatives kept out of the room");
        page.selectOption("#check-EQUALITY_OF_ARMS", "RESPECTED");
        checkAccessibility();
        page.click("#save-hearing");
        page.waitForURL(Pattern.compile(".*/trials/\\d+#hearings"));
        assertThat(page.textContent("main")).contains("Relatives kept out of the room").contains("Recording was banned");

        page.click("#new-allegation");
        page.selectOption("#defendantId", page.locator("#defendantId option").nth(1).getAttribute("value"));
        page.fill("#against", "Police investigators");
        page.check("#investigationOrdered");
        page.click("#save-allegation");
        assertThat(page.textContent("#recorded-error")).contains("did not record");
        page.check("#recorded");
        page.click("#save-allegation");
        page.waitForURL(Pattern.compile(".*/trials/\\d+#allegations"));
        assertThat(page.textContent("#trial-figures tbody")).contains("1");
        checkAccessibility();

        // corrections: the hearing (a date in the future refused, what was typed kept) and the allegation
        page.click(".edit-hearing");
        assertThat(page.inputValue("#observers")).isEqualTo("Two coalition observers");
        assertThat(page.inputValue("#check-PUBLIC_HEARING")).isEqualTo("NOT_RESPECTED");
        page.fill("#date", "2999-01-01");
        page.fill("#observers", "Three coalition observers");
        page.click("#save-hearing");
        page.waitForSelector("#date-error:not(:empty)");
        assertThat(page.inputValue("#observers")).isEqualTo("Three coalition observers");
        checkAccessibility();
        page.fill("#date", "2024-04-03");
        page.click("#save-hearing");
        page.waitForURL(Pattern.compile(".*/trials/\\d+#hearing-\\d+"));
        assertThat(page.textContent("main")).contains("2024-04-03").contains("Three coalition observers").doesNotContain("2024-04-02");
        page.click(".edit-allegation");
        assertThat(page.inputValue("#against")).isEqualTo("Police investigators");
        page.uncheck("#investigationOrdered");
        page.check("#examined");
        page.click("#save-allegation");
        page.waitForURL(Pattern.compile(".*/trials/\\d+#allegations"));
        assertThat(String.join(" ", page.locator("#trial-figures tbody td").allTextContents())).isEqualTo("1 1 1 0 0");

        page.locator("#defendants-table select").selectOption("CONVICTED");
        page.locator("#defendants-table input[name=sentence]").fill("7 years");
        page.locator("#defendants-table button").click();
        page.waitForURL(Pattern.compile(".*/trials/\\d+#defendants"));
        assertThat(page.textContent("#defendants-table")).contains("Convicted").contains("7 years");

        page.navigate(url("/trials"));
        assertThat(page.textContent("#trials")).contains("1-77/2024");
        assertThat(String.join(" ", page.locator("#figures-table tbody td").allTextContents())).isEqualTo("1 1 1 0 0");
        // the checklist tallied across hearings, with its chart (an organisation of its own: only this hearing counts)
        page.waitForSelector("figure.chart[data-chart-drawn]");
        assertThat(String.join(" ", page.locator("#checklist-table tbody tr:has-text('Public hearing') td").allTextContents())).isEqualTo("0 1 0");
        assertThat(String.join(" ", page.locator("#checklist-table tbody tr:has-text('Equality of arms') td").allTextContents())).isEqualTo("1 0 0");
        checkAccessibility();
        // the list's filters
        page.fill("#year", "2024");
        page.selectOption("#status", "DECIDED");
        page.fill("#defendant", "Ермеков");
        page.click("#filter-trials");
        assertThat(page.textContent("#trials")).contains("1-77/2024");
        assertThat(page.inputValue("#defendant")).isEqualTo("Ермеков");
        page.fill("#year", "2023");
        page.click("#filter-trials");
        assertThat(page.locator("#trials").count()).isZero();
        assertThat(page.textContent("#no-trials")).isEqualTo("No trial matches these filters.");
        page.fill("#year", "");
        page.fill("#article", "174");
        page.selectOption("#status", "ONGOING");
        page.click("#filter-trials");
        assertThat(page.locator("#trials").count()).isZero();
        page.selectOption("#status", "");
        page.click("#filter-trials");
        assertThat(page.textContent("#trials")).contains("1-77/2024");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }

    private String defendant(TestAccounts.Account account, String name) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/people"))
                .header("Authorization", "Bearer " + tokens.create(account.id(), "test").value())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"identity\": {\"name\": \"" + name + "\"}}")).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }
}
