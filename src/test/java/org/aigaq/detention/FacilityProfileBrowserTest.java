package org.aigaq.detention;

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
 * A monitor reads a facility's profile on its place page (by year, with the chart, the rates and the refused visit)
 * and goes on to the watch list, where the place's score is shown with every count and weight.
 */
class FacilityProfileBrowserTest extends BrowserSession {

    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @Test
    void aMonitorReadsTheProfileAndTheWatchList() throws Exception {
        TestAccounts.Account monitor = accounts.createAlone(Role.MONITOR);
        token = tokens.create(monitor.id(), "browser").value();
        String name = "Profile colony " + System.nanoTime() % 1_000_000;
        long place = id(post("/api/v1/places", "{\"name\": \"" + name + "\", \"locationType\": \"penal-colony\", \"officialCode\": \"ZhD-"
                + System.nanoTime() % 100000 + "/7\"}"));
        post("/api/v1/places/" + place + "/population", "{\"countedOn\": \"2025-01-01\", \"population\": 1500, \"source\": \"Ministry reply\"}");
        long visit = id(post("/api/v1/visits", """
                {"placeId": %d, "body": "npm", "visitType": "urgent", "announced": false, "crossRegional": false, "plannedFrom": "2025-04-01"}"""
                .formatted(place)));
        post("/api/v1/visits/" + visit + "/approval-request", "{\"requestedOn\": \"2025-04-01\"}");
        post("/api/v1/visits/" + visit + "/approval-decision", "{\"decision\": \"REFUSED\", \"decidedOn\": \"2025-04-03\", \"reason\": \"Repairs\"}");
        post("/api/v1/visits/" + visit + "/obstructions", "{\"occurredOn\": \"2025-04-04\", \"kind\": \"denied-at-gate\"}");
        post("/api/v1/self-harm-incidents", """
                {"placeId": %d, "date": {"date": "2025-08-01"}, "kind": "cutting", "groupProtest": true, "people": 30}""".formatted(place));

        signInWithCode(monitor);
        page.navigate(url("/places/" + place));
        page.waitForSelector("#profile figure.chart[data-chart-drawn]");
        String row = page.textContent("#profile-years tbody tr:first-child");
        assertThat(row).contains("2025").contains("1500").contains("6.7");
        assertThat(page.textContent("#profile-years")).contains("(30 people)");
        assertThat(page.textContent("#profile-visits")).contains("Refused").contains("1 obstruction(s)");
        checkAccessibility();

        page.click("#watch-list-from-place");
        page.waitForSelector("#watch-list");
        var line = page.locator("#watch-list tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name));
        // a self-harm incident × 3, a refused visit × 3, an obstruction × 2
        assertThat(line.textContent()).contains("1 × 3").contains("1 × 2").contains("8");
        assertThat(page.textContent("#weights")).contains("Deaths in custody").contains("10");
        checkAccessibility();
        line.locator("a").click();
        page.waitForSelector("#profile");
        // the refused count opens the visits behind it: this place's, that year's, refused
        page.click("#profile-years tbody tr:first-child td:nth-child(8) a");
        page.waitForSelector("main table tbody tr");
        assertThat(page.url()).contains("placeId=" + place).contains("decision=REFUSED");
        assertThat(page.locator("main table tbody tr").count()).isEqualTo(1);
        assertThat(page.textContent("main table tbody")).contains(name);
        assertThat(consoleErrors).isEmpty();
    }

    private static long id(String body) {
        return Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
    }

    private String post(String path, String body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + body + " → " + response.body()).isBetween(200, 201);
        return response.body();
    }
}
