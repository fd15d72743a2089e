package org.aigaq.detention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A place's profile and the watch list on hand-computed data: cases, deaths, self-harm, a refused visit with an
 * obstruction, an unanswered recommendation and a late lawyer at one place, with its population counted in two
 * years; the rates per 10,000 from the figure nearest each year; what a viewer, an analyst and another organisation see;
 * the watch-list score by hand (the weights' effect on the ranking is in {@link WatchListWeightsTest}).
 */
class PlaceProfileTest extends ApplicationTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPlaceByYearWithItsRatesAndItsScore() throws Exception {
        var alone = accounts.createAlone(Role.COORDINATOR);
        String coordinator = tokens.create(alone.id(), "test").value();
        String elsewhere = tokens.create(accounts.createElsewhere(Role.ANALYST).id(), "test").value();
        int n = NUMBERS.incrementAndGet();
        long place = id(call("POST", "/api/v1/places", coordinator, """
                {"name": "Profiled colony %d-%d", "locationType": "penal-colony"}""".formatted(n, System.nanoTime() % 100000), 201));
        call("POST", "/api/v1/places/" + place + "/population", coordinator, "{\"countedOn\": \"2023-01-01\", \"population\": 2000, \"source\": \"Ministry reply\"}", 201);
        call("POST", "/api/v1/places/" + place + "/population", coordinator, "{\"countedOn\": \"2025-06-01\", \"population\": 1000, \"source\": \"NPM report\"}", 201);
        long first = caseAt(coordinator, place, "2024-02-01");
        caseAt(coordinator, place, "2024-09-10");
        caseAt(coordinator, place, "2022-05-05");
        long person = id(call("POST", "/api/v1/people", coordinator, "{\"identity\": {\"name\": \"Берік Сейітов\"}}", 201));
        call("POST", "/api/v1/deaths", coordinator, """
                {"personId": %d, "placeId": %d, "date": {"date": "2024-03-14", "precision": "EXACT"}, "officialCause": "suicide",
                 "sharing": "ORGANISATION"}""".formatted(person, place), 201);
        call("POST", "/api/v1/self-harm-incidents", coordinator, """
                {"placeId": %d, "date": {"date": "2025-07-01"}, "kind": "cutting", "groupProtest": true, "people": 12}""".formatted(place), 201);
        long visit = id(call("POST", "/api/v1/visits", coordinator, """
                {"placeId": %d, "body": "npm", "visitType": "urgent", "announced": false, "crossRegional": false,
                 "plannedFrom": "2025-03-01"}""".formatted(place), 201));
        call("POST", "/api/v1/visits/" + visit + "/approval-request", coordinator, "{\"requestedOn\": \"2025-03-01\"}", 200);
        call("POST", "/api/v1/visits/" + visit + "/approval-decision", coordinator,
                "{\"decision\": \"REFUSED\", \"decidedOn\": \"2025-03-05\", \"reason\": \"Quarantine\"}", 200);
        call("POST", "/api/v1/visits/" + visit + "/obstructions", coordinator,
                "{\"occurredOn\": \"2025-03-06\", \"kind\": \"denied-at-gate\"}", 201);
        call("POST", "/api/v1/recommendations", coordinator, """
                {"visitId": %d, "authority": "Penal service", "text": "Let the commission in", "madeOn": "2025-03-07",
                 "responseDueOn": "2025-04-07"}""".formatted(visit), 201);
        JsonNode episode = call("POST", "/api/v1/events/" + first + "/detention-episodes", coordinator, "{\"placeId\": " + place + "}", 201);
        long episodeId = episode.get("episode").get("id").asLong();
        call("POST", "/api/v1/detention-episodes/" + episodeId + "/moments", coordinator,
                "{\"kind\": \"APPREHENDED\", \"localTime\": \"2024-01-31T10:00\"}", 201);
        call("POST", "/api/v1/detention-episodes/" + episodeId + "/moments", coordinator,
                "{\"kind\": \"LAWYER_CONTACT\", \"localTime\": \"2024-02-02T10:00\", \"lawyerKind\": \"chosen\"}", 201);

        JsonNode profile = call("GET", "/api/v1/places/" + place + "/profile", coordinator, null, 200);
        assertThat(profile.get("monitoring").asBoolean()).isTrue();
        JsonNode y2025 = year(profile, 2025);
        assertThat(y2025.get("selfHarmIncidents").asLong()).isEqualTo(1);
        assertThat(y2025.get("selfHarmPeople").asLong()).isEqualTo(12);
        assertThat(y2025.get("visits").asLong()).isEqualTo(1);
        assertThat(y2025.get("refusedVisits").asLong()).isEqualTo(1);
        assertThat(y2025.get("obstructions").asLong()).isEqualTo(1);
        assertThat(y2025.get("population").asInt()).isEqualTo(1000);
        assertThat(y2025.get("selfHarmRate").decimalValue()).isEqualByComparingTo("10.0");
        JsonNode y2024 = year(profile, 2024);
        // 2024 has no count of its own: the latest earlier one, 2023-01-01's (2,000), stands; not 2025's
        assertThat(y2024.get("population").asInt()).isEqualTo(2000);
        assertThat(y2024.get("allegationsRate").decimalValue()).isEqualByComparingTo("10.0");
        assertThat(y2024.get("deathsRate").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(y2024.get("allegations").asLong()).isEqualTo(2);
        assertThat(y2024.get("deaths").asLong()).isEqualTo(1);
        assertThat(y2024.get("safeguardViolations").asLong()).isEqualTo(1);
        JsonNode y2022 = year(profile, 2022);
        // nothing was counted in or before 2022: no rate, rather than one from a later count
        assertThat(y2022.get("allegations").asLong()).isEqualTo(1);
        assertThat(y2022.get("population").isNull()).isTrue();
        assertThat(y2022.get("allegationsRate").isNull()).isTrue();
        assertThat(profile.get("openRecommendations")).hasSize(1);
        assertThat(profile.get("openRecommendations").get(0).get("overdue").asBoolean()).isTrue();

        // a viewer of the same organisation: no monitoring records and no case kept to the organisation
        String viewer = tokens.create(accounts.createIn(alone.user().organisationId(), Role.VIEWER).id(), "test").value();
        JsonNode viewed = call("GET", "/api/v1/places/" + place + "/profile", viewer, null, 200);
        assertThat(viewed.get("monitoring").asBoolean()).isFalse();
        assertThat(viewed.get("visits")).isEmpty();
        assertThat(viewed.get("openRecommendations")).isEmpty();
        for (JsonNode y : viewed.get("years")) {
            assertThat(y.get("allegations").asLong()).isZero();
            assertThat(y.get("visits").asLong()).isZero();
            assertThat(y.get("refusedVisits").asLong()).isZero();
        }
        // an analyst of the same organisation reads the monitoring figures too
        String analyst = tokens.create(accounts.createIn(alone.user().organisationId(), Role.ANALYST).id(), "test").value();
        JsonNode analysed = call("GET", "/api/v1/places/" + place + "/profile", analyst, null, 200);
        assertThat(analysed.get("monitoring").asBoolean()).isTrue();
        assertThat(year(analysed, 2025).get("refusedVisits").asLong()).isEqualTo(1);
        assertThat(call("GET", "/api/v1/places/" + place + "/profile", null, null, 401)).isNull();
        call("GET", "/api/v1/places/99999999/profile", coordinator, null, 404);

        // another organisation sees the place, and nothing of what this one recorded there
        JsonNode theirs = call("GET", "/api/v1/places/" + place + "/profile", elsewhere, null, 200);
        assertThat(theirs.get("years")).isEmpty();
        assertThat(theirs.get("openRecommendations")).isEmpty();
        assertThat(theirs.get("visits")).isEmpty();

        // over 2024–2026: 2 allegations × 2, 1 death × 10, 1 self-harm × 3, 1 obstruction × 2, 1 refusal × 3,
        // 1 open recommendation × 1, 1 safeguard violation × 1
        JsonNode ranking = call("GET", "/api/v1/watch-list?size=1000", coordinator, null, 200);
        JsonNode line = null;
        for (JsonNode l : ranking.get("lines")) if (l.get("placeId").asLong() == place) line = l;
        assertThat(line).as("the place is on the watch list").isNotNull();
        assertThat(line.get("score").asLong()).isEqualTo(24);
        assertThat(line.get("counts").get("ALLEGATIONS").asLong()).isEqualTo(2);
        assertThat(ranking.get("weights").get("DEATHS").asInt()).isEqualTo(10);
        assertThat(ranking.get("years").asInt()).isEqualTo(3);
        JsonNode theirRanking = call("GET", "/api/v1/watch-list?size=1000", elsewhere, null, 200);
        for (JsonNode l : theirRanking.get("lines")) assertThat(l.get("placeId").asLong()).isNotEqualTo(place);
        assertThat(call("GET", "/api/v1/watch-list", null, null, 401)).isNull();
    }

    private long caseAt(String token, long place, String date) throws Exception {
        return id(call("POST", "/api/v1/events", token, """
                {"title": "Beaten at the colony", "sharing": "ORGANISATION", "placeId": %d, "initial": {"date": "%s", "precision": "EXACT"}}"""
                .formatted(place, date), 201));
    }

    private static JsonNode year(JsonNode profile, int year) {
        for (JsonNode y : profile.get("years")) if (y.get("year").asInt() == year) return y;
        throw new AssertionError("no year " + year + " in " + profile);
    }

    private static long id(JsonNode created) {
        return created.get("id").asLong();
    }

    private JsonNode call(String method, String path, String token, String body, int status) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (body != null) builder.header("Content-Type", "application/json");
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " " + body + " → " + response.body()).isEqualTo(status);
        return response.body().isBlank() || status == 401 ? null : json.readTree(response.body());
    }
}
