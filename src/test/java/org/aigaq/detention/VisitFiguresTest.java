package org.aigaq.detention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures on monitoring against numbers worked out by hand: four requests decided in 2024 after 3, 7, 10 and 21
 * days (median 8.5; 90th percentile 10 + 0.7 × 11 = 17.7) and one pending; two of the three urgent visits decided
 * refused (66.7 %); one of three recommendations of 2024 implemented (33.3 %); and each figure's list holds what it counts.
 */
class VisitFiguresTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String monitor;
    private long place;

    @Test
    void figuresAreThoseComputedByHand() throws Exception {
        monitor = tokens.create(accounts.createAlone(Role.MONITOR).id(), "figures").value();
        place = ok(call("POST", "/api/v1/places", """
                {"name": "Penal colony EC-166/4", "officialCode": "EC-%d/4", "locationType": "penal-colony"}""".formatted(
                System.nanoTime() % 1_000_000))).get("id").asLong();
        long granted3 = visit("npm", "urgent", "2024-03-01", "2024-03-01", "2024-03-04", "GRANTED");
        long refused7 = visit("npm", "urgent", "2024-04-01", "2024-04-01", "2024-04-08", "REFUSED");
        long refused10 = visit("public-monitoring-commission", "urgent", "2024-05-01", "2024-05-01", "2024-05-11", "REFUSED");
        visit("npm", "regular", "2024-06-01", "2024-06-01", "2024-06-22", "GRANTED");
        visit("npm", "regular", "2024-07-01", "2024-07-01", null, null);
        visit("ngo", "thematic", "2025-02-01", null, null, null);
        long implemented = recommend(granted3, "2024-03-10");
        recommend(granted3, "2024-03-10");
        recommend(null, "2024-09-01");
        recommend(null, "2025-02-10");
        ok(call("PUT", "/api/v1/recommendations/" + implemented + "/status", "{\"status\": \"IMPLEMENTED\"}"));

        var figures = ok(call("GET", "/api/v1/visits/figures", null));
        var counts = new ArrayList<String>();
        figures.get("visits").forEach(v -> counts.add(v.get("year").asInt() + " " + v.get("body").asString() + " "
                + v.get("visitType").asString() + " " + v.get("visits").asLong()));
        assertThat(counts).containsExactly("2025 ngo thematic 1", "2024 npm regular 2", "2024 npm urgent 2",
                "2024 public-monitoring-commission urgent 1");
        var waiting = figures.get("waiting");
        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.get(0).get("year").asInt()).isEqualTo(2024);
        assertThat(waiting.get(0).get("decided").asLong()).isEqualTo(4);
        assertThat(waiting.get(0).get("pending").asLong()).isEqualTo(1);
        assertThat(waiting.get(0).get("medianDays").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(waiting.get(0).get("p90Days").decimalValue()).isEqualByComparingTo("17.7");
        var urgent = figures.get("urgentRefusals").get(0);
        assertThat(urgent.get("decided").asLong()).isEqualTo(3);
        assertThat(urgent.get("refused").asLong()).isEqualTo(2);
        assertThat(urgent.get("refusedShare").decimalValue()).isEqualByComparingTo("66.7");
        var implementation = figures.get("implementation");
        assertThat(implementation.get(0).get("year").asInt()).isEqualTo(2025);
        assertThat(implementation.get(0).get("implementedShare").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(implementation.get(1).get("recommendations").asLong()).isEqualTo(3);
        assertThat(implementation.get(1).get("implemented").asLong()).isEqualTo(1);
        assertThat(implementation.get(1).get("implementedShare").decimalValue()).isEqualByComparingTo("33.3");

        // Each figure links to the list it counts, with the same filters.
        assertThat(ids(ok(call("GET", "/api/v1/visits?visitType=urgent&decision=REFUSED&requestYear=2024", null)).get("visits")))
                .containsExactly(refused10, refused7);
        assertThat(ok(call("GET", "/api/v1/visits?requestYear=2024", null)).get("visits").size()).isEqualTo(5);
        assertThat(ok(call("GET", "/api/v1/visits?year=2024&body=npm&visitType=urgent", null)).get("visits").size()).isEqualTo(2);
        assertThat(ids(ok(call("GET", "/api/v1/recommendations?year=2024&status=IMPLEMENTED", null)).get("recommendations")))
                .containsExactly(implemented);
        assertThat(ok(call("GET", "/api/v1/recommendations?year=2024", null)).get("recommendations").size()).isEqualTo(3);

        // Another organisation's figures do not count these.
        String other = tokens.create(accounts.createAlone(Role.COORDINATOR).id(), "figures").value();
        var elsewhere = json.readTree(send("GET", "/api/v1/visits/figures", null, other).body());
        assertThat(elsewhere.get("visits").size()).isZero();
        assertThat(elsewhere.get("waiting").size()).isZero();
    }

    private long visit(String body, String type, String plannedFrom, String requestedOn, String decidedOn, String decision)
            throws Exception {
        long id = ok(call("POST", "/api/v1/visits", """
                {"placeId": %d, "body": "%s", "visitType": "%s", "plannedFrom": "%s"}""".formatted(place, body, type, plannedFrom)))
                .get("id").asLong();
        if (requestedOn != null) {
            ok(call("POST", "/api/v1/visits/" + id + "/approval-request", "{\"requestedOn\": \"" + requestedOn + "\"}"));
        }
        if (decision != null) {
            ok(call("POST", "/api/v1/visits/" + id + "/approval-decision", """
                    {"decision": "%s", "decidedOn": "%s", "reason": "Given"}""".formatted(decision, decidedOn)));
        }
        return id;
    }

    private long recommend(Long visit, String madeOn) throws Exception {
        return ok(call("POST", "/api/v1/recommendations", """
                {"visitId": %s, "authority": "Penal service", "text": "Give detainees access to a doctor", "madeOn": "%s"}"""
                .formatted(visit, madeOn))).get("id").asLong();
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body());
    }

    private static List<Long> ids(JsonNode list) {
        var ids = new ArrayList<Long>();
        list.forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return send(method, path, body, monitor);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) builder.header("Content-Type", "application/json");
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
