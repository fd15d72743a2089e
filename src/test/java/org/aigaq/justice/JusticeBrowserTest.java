package org.aigaq.justice;

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
 * A lawyer follows a torture complaint through the pages: records the whole pipeline (complaint, inquiry by the
 * accused agency's internal security, refusal, quashed, criminal case under a milder article, court, suspended
 * sentence) and sees the flags; records a detention episode with a late lawyer and sees the violations.
 */
class JusticeBrowserTest extends BrowserSession {

    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLawyerRecordsAPipelineAndADetentionAndSeesTheFlagsAndViolations() throws Exception {
        TestAccounts.Account lawyer = accounts.create(Role.LAWYER, true);
        long event = tortureCase(tokens.create(lawyer.id(), "browser").value());
        signInWithCode(lawyer);

        page.navigate(url("/events/" + event));
        assertThat(page.textContent("#justice")).contains("No step of the justice pipeline recorded yet.");
        page.click("#justice a.button");
        page.waitForURL(url("/events/" + event + "/justice"));
        checkAccessibility();

        record("COMPLAINT_FILED", "2024-03-18", () -> {
            page.selectOption("#filedBy", "lawyer");
            page.fill("#addressee", "Prosecutor of Almaty");
            page.fill("#documentReference", "No. 17/2024");
        });
        record("INQUIRY_OPENED", "2024-03-20", () -> {
            page.selectOption("#bodyKind", "internal-security");
            page.fill("#actingBody", "Internal security department of the Almaty police");
        });
        record("REFUSAL", "2024-04-10", () -> page.fill("#reasons", "No corpus delicti"));
        record("REFUSAL_QUASHED", "2024-05-02", () -> page.fill("#actingBody", "Investigating judge"));
        record("CASE_OPENED", "2024-05-20", () -> {
            page.selectOption("#bodyKind", "anti-corruption");
            page.fill("#article", "362");
            page.fill("#articlePart", "4");
        });
        record("SENT_TO_COURT", "2024-08-01", () -> { });
        record("VERDICT", "2024-10-01", () -> page.selectOption("#outcome", "conviction"));

        // A sentence of imprisonment without its length is refused, the field named, and nothing recorded.
        page.click(".next-steps a[href*='type=SENTENCE']");
        page.fill("#occurredOn", "2024-10-01");
        page.selectOption("#sentenceKind", "imprisonment");
        page.selectOption("#sentenceSuspended", "true");
        page.click("main button[type=submit]");
        assertThat(page.textContent("#sentenceMonths-error")).contains("This field is required.");
        checkAccessibility();
        page.fill("#sentenceMonths", "36");
        page.click("main button[type=submit]");
        page.waitForURL(Pattern.compile(".*/justice#step-\\d+"));

        assertThat(page.textContent("#stage")).contains("Sentenced").contains("since 2024-10-01");
        String flags = page.textContent("#flags");
        assertThat(flags).contains("InquiryByAccusedAgency").contains("Internal security department of the Almaty police")
                .contains("RequalifiedToMilderArticle").contains("362(4) / 2014")
                .contains("SuspendedOrBelowMinimumSentence").contains("The sentence is suspended.")
                .contains("Convention against Torture");
        assertThat(page.locator("#steps li.card").count()).isEqualTo(8);
        assertThat(page.textContent("#steps")).contains("Internal security of the accused agency").contains("Filed by")
                .contains("Lawyer").contains("362").contains("Conviction").contains("36");
        assertThat(page.textContent("#stage")).contains("Appeal against the sentence").contains("Overdue");

        // A detention episode of the victim, with the lawyer more than 24 hours after the actual apprehension.
        page.click("#episode-new summary");
        page.selectOption("#episode-actId", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.click("#episode-new button[type=submit]");
        page.waitForURL(Pattern.compile(".*/justice#episode-\\d+"));
        String episode = page.url().replaceAll(".*#", "#");
        moment(episode, "APPREHENDED", "2024-03-17T09:30", "Asia/Almaty");
        moment(episode, "ARREST_RECORDED", "2024-03-17T11:00", "Asia/Almaty");
        moment(episode, "LAWYER_CONTACT", "2024-03-18T09:31", "Asia/Almaty");
        String safeguards = page.textContent(episode + " table.safeguards");
        assertThat(page.textContent(episode + " tr[id$='-LawyerLaterThan24Hours']")).contains("Violated").contains("24 h 1 min");
        assertThat(page.textContent(episode + " tr[id$='-RegistrationDelayed']")).contains("Respected");
        assertThat(page.textContent(episode + " tr[id$='-JudicialReviewLaterThan48Hours']")).contains("Unknown");
        assertThat(safeguards).contains("Safeguards (1 violated)");
        checkAccessibility();

        // The case page shows the justice part; the rules page lists every rule; the menu leads to the overdue list.
        page.navigate(url("/events/" + event));
        assertThat(page.textContent("#justice")).contains("Sentenced").contains("3 flags").contains("1 safeguard violations");
        page.navigate(url("/justice/rules"));
        assertThat(page.textContent("main")).contains("ExemptionForbiddenForTorture").contains("UnDecisionNotImplemented")
                .contains("LawyerLaterThan24Hours").contains("347-1").contains("Coercion to testify");
        checkAccessibility();
        page.click("#justice-link");
        page.waitForURL(url("/justice"));
        assertThat(page.textContent("main")).contains("Justice: overdue cases");
        checkAccessibility();
        // In Russian
        page.click("button[lang=ru]");
        page.navigate(url("/events/" + event + "/justice"));
        assertThat(page.textContent("#stage")).contains("Назначено наказание");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }

    private void record(String type, String date, Runnable fields) {
        page.click(".next-steps a[href*='type=" + type + "']");
        page.waitForSelector("#occurredOn");
        page.fill("#occurredOn", date);
        fields.run();
        page.click("main button[type=submit]");
        page.waitForURL(Pattern.compile(".*/justice#step-\\d+"));
    }

    private void moment(String episode, String kind, String localTime, String zone) {
        page.click(episode + " details summary");
        page.selectOption(episode + " select[name=kind]", kind);
        page.fill(episode + " input[name=localTime]", localTime);
        page.selectOption(episode + " select[name=zone]", zone);
        page.click(episode + " details button[type=submit]");
        page.waitForURL(Pattern.compile(".*/justice#episode-\\d+"));
        page.waitForSelector(episode + " table.moments");
    }

    private long tortureCase(String token) throws Exception {
        long event = id(post("/api/v1/events", token, """
                {"title": "Beaten at a district police station", "sharing": "ORGANISATION",
                 "initial": {"date": "2024-03-17", "precision": "EXACT"}}"""));
        long victim = id(post("/api/v1/people", token, "{\"identity\": {\"name\": \"Асхат Нұрланұлы\"}}"));
        long act = id(post("/api/v1/events/" + event + "/acts", token, """
                {"victimId": %d, "actType": "torture", "initial": {"date": "2024-03-17", "precision": "EXACT"}}""".formatted(victim)));
        post("/api/v1/acts/" + act + "/involvements", token, "{\"degree\": \"carried-out\", \"agency\": \"police\"}");
        return event;
    }

    private long id(String body) {
        return json.readTree(body).get("id").asLong();
    }

    private String post(String path, String token, String body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
        return response.body();
    }
}
