package org.aigaq.justice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator reads the attrition funnel of her organisation: the funnel's chart and table, the indicators with
 * their definitions, where cases stopped, opens the cases behind a figure, narrows the funnel to a year, and is told
 * what is wrong with a filter she typed badly; in Russian too.
 */
class FunnelBrowserTest extends BrowserSession {

    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @Test
    void aCoordinatorReadsTheFunnelAndOpensTheCasesBehindAFigure() throws Exception {
        TestAccounts.Account coordinator = accounts.createAlone(Role.COORDINATOR);
        token = tokens.create(coordinator.id(), "browser").value();
        long refused = allegation("Refused at once");
        step(refused, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-01-10\", \"filedBy\": \"victim\"}");
        step(refused, "{\"stepType\": \"REFUSAL\", \"occurredOn\": \"2024-02-09\", \"reasons\": \"No corpus delicti\"}");
        long tried = allegation("Tried and convicted");
        step(tried, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2023-03-01\", \"filedBy\": \"lawyer\"}");
        step(tried, "{\"stepType\": \"CASE_OPENED\", \"occurredOn\": \"2023-03-11\", \"bodyKind\": \"anti-corruption\", \"article\": \"146\", \"articlePart\": \"2\"}");
        step(tried, "{\"stepType\": \"SENT_TO_COURT\", \"occurredOn\": \"2023-05-10\", \"article\": \"146\"}");
        step(tried, "{\"stepType\": \"VERDICT\", \"occurredOn\": \"2023-07-09\", \"outcome\": \"conviction\"}");
        long organisation = coordinator.user().organisationId();

        signInWithCode(coordinator);
        page.click("#funnel-link");
        page.selectOption("#organisation", String.valueOf(organisation));
        page.click("#apply-filter");
        page.waitForSelector("#steps figure.chart[data-chart-drawn]");
        assertThat(page.getAttribute("#steps figure.chart", "data-chart-drawn")).isEqualTo("6");
        assertThat(page.textContent("#steps-table tbody tr:nth-child(1)")).contains("Complaints").contains("2").contains("100.0");
        assertThat(page.textContent("#steps-table tbody tr:nth-child(4)")).contains("Sent to court").contains("1").contains("50.0");
        assertThat(page.textContent("#indicators-table")).contains("Complaints sent to court (prosecution rate)")
                .contains("Sent to court (1) ÷ Complaints (2) × 100");
        assertThat(page.textContent("#losses-table")).contains("Refusal to open a criminal case");
        assertThat(page.textContent("#flags-table")).contains("Inquiry by the accused agency");
        assertThat(page.textContent("#violations-table")).contains("Lawyer later than 24 h");
        assertThat(page.textContent("#funnel-as-of")).contains("over 2 complaints");
        checkAccessibility();

        page.click("#steps-table tbody tr:nth-child(4) a");
        page.waitForSelector("#funnel-cases");
        assertThat(page.locator("#funnel-cases tbody tr").count()).isEqualTo(1);
        assertThat(page.textContent("#funnel-cases")).contains("Tried and convicted").contains("Conviction");
        assertThat(page.textContent("#criteria")).contains("Reached: Sent to court");
        checkAccessibility();
        page.click("#funnel-cases tbody a");
        page.waitForURL(url("/events/" + tried + "/justice"));

        page.goBack();
        page.click("#back-to-funnel");
        page.fill("#fromYear", "2024");
        page.fill("#toYear", "2024");
        page.click("#apply-filter");
        page.waitForSelector("#steps-table");
        assertThat(page.textContent("#steps-table tbody tr:nth-child(1)")).contains("1");
        assertThat(page.textContent("#funnel-as-of")).contains("over 1 complaints");

        page.fill("#toYear", "2020");
        page.click("#apply-filter");
        assertThat(page.textContent("#toYear-error")).contains("The last year comes before the first.");
        assertThat(page.getAttribute("#toYear", "aria-invalid")).isEqualTo("true");
        checkAccessibility();

        page.navigate(url("/justice/funnel?organisation=" + organisation));
        page.click("button[lang=ru]");
        assertThat(page.textContent("h1")).contains("Где теряются жалобы");
        assertThat(page.textContent("#steps-table")).contains("Направлены в суд");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }

    private long allegation(String title) throws Exception {
        var event = call("POST", "/api/v1/events", """
                {"title": "%s", "sharing": "ORGANISATION", "initial": {"date": "2023-01-30", "precision": "EXACT"}}""".formatted(title));
        assertThat(event.statusCode()).as(event.body()).isEqualTo(201);
        return json.readTree(event.body()).get("id").asLong();
    }

    private void step(long event, String body) throws Exception {
        var response = call("POST", "/api/v1/events/" + event + "/justice/steps", body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(201);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
