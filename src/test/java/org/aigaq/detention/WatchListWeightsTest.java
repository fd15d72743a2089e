package org.aigaq.detention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumMap;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The watch list's ranking in an organisation of its own: one place with a death, one with four cases and one with
 * nothing; the default weights (death 10, case 2) put the death first, a death weighed 1 puts the cases first, a
 * weight of 0 leaves a count shown but out of the score, equal scores share a rank, and a place with nothing is absent.
 */
class WatchListWeightsTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;
    @Autowired WatchList watchList;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void changedWeightsChangeTheRanking() throws Exception {
        var alone = accounts.createAlone(Role.COORDINATOR);
        String coordinator = tokens.create(alone.id(), "test").value();
        long suffix = System.nanoTime() % 100000;
        long deaths = place(coordinator, "Place of one death " + suffix);
        long cases = place(coordinator, "Place of four cases " + suffix);
        long empty = place(coordinator, "Place of nothing " + suffix);
        long person = id(call("POST", "/api/v1/people", coordinator, "{\"identity\": {\"name\": \"Ержан Ахметов\"}}", 201));
        String yesterday = LocalDate.now().minusDays(1).toString();
        call("POST", "/api/v1/deaths", coordinator, """
                {"personId": %d, "placeId": %d, "date": {"date": "%s", "precision": "EXACT"}, "officialCause": "suicide"}"""
                .formatted(person, deaths, yesterday), 201);
        for (int i = 0; i < 4; i++) {
            call("POST", "/api/v1/events", coordinator, """
                    {"title": "Beaten", "sharing": "ORGANISATION", "placeId": %d, "initial": {"date": "%s", "precision": "EXACT"}}"""
                    .formatted(cases, yesterday), 201);
        }
        // a case older than the period (three calendar years, this one included) counts for nothing
        call("POST", "/api/v1/events", coordinator, """
                {"title": "Beaten long ago", "sharing": "ORGANISATION", "placeId": %d, "initial": {"date": "%s", "precision": "EXACT"}}"""
                .formatted(deaths, LocalDate.now().withDayOfYear(1).minusYears(3).toString()), 201);

        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(alone));
        try {
            var defaults = watchList.ranking(1000);
            assertThat(defaults.from()).isEqualTo(LocalDate.now().withDayOfYear(1).minusYears(2));
            assertThat(line(defaults, deaths).score()).isEqualTo(10); // 1 death × 10
            assertThat(line(defaults, deaths).count(WatchList.Component.ALLEGATIONS)).isZero();
            assertThat(line(defaults, cases).score()).isEqualTo(8); // 4 cases × 2
            assertThat(line(defaults, deaths).rank()).isLessThan(line(defaults, cases).rank());
            assertThat(defaults.lines()).noneMatch(l -> l.placeId() == empty);

            var deathWeighsOne = new EnumMap<WatchList.Component, Integer>(defaults.weights());
            deathWeighsOne.put(WatchList.Component.DEATHS, 1);
            var changed = watchList.ranking(1000, deathWeighsOne);
            assertThat(line(changed, deaths).score()).isEqualTo(1);
            assertThat(line(changed, cases).rank()).isLessThan(line(changed, deaths).rank());
            assertThat(changed.weight(WatchList.Component.DEATHS)).isEqualTo(1);

            var even = new EnumMap<WatchList.Component, Integer>(defaults.weights());
            even.put(WatchList.Component.DEATHS, 8);
            var tied = watchList.ranking(1000, even);
            assertThat(line(tied, deaths).rank()).isEqualTo(line(tied, cases).rank());

            var noDeaths = new EnumMap<WatchList.Component, Integer>(defaults.weights());
            noDeaths.put(WatchList.Component.DEATHS, 0);
            var without = watchList.ranking(1000, noDeaths);
            assertThat(line(without, deaths).score()).isZero();
            assertThat(line(without, deaths).count(WatchList.Component.DEATHS)).isEqualTo(1);
        } finally {
            SecurityContextHolder.clearContext();
        }

        // the page and the CSV show each count beside its weight
        JsonNode api = call("GET", "/api/v1/watch-list?size=1000", coordinator, null, 200);
        assertThat(api.get("weights").get("ALLEGATIONS").asInt()).isEqualTo(2);
        var csv = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/watch-list.csv"))
                .header("Authorization", "Bearer " + coordinator).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst().orElseThrow()).contains("score", "deaths", "deaths_weight", "allegations_weight");
        assertThat(csv.body()).contains("Place of four cases " + suffix);
    }

    private static WatchList.Line line(WatchList.Ranking ranking, long place) {
        return ranking.lines().stream().filter(l -> l.placeId() == place).findFirst()
                .orElseThrow(() -> new AssertionError("place " + place + " not in " + ranking.lines()));
    }

    private long place(String token, String name) throws Exception {
        return id(call("POST", "/api/v1/places", token, "{\"name\": \"%s\", \"locationType\": \"prison\"}".formatted(name), 201));
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
        return response.body().isBlank() ? null : json.readTree(response.body());
    }
}
