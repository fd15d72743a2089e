package org.aigaq.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Official statistics over the API: a bad table is refused by row and column in Russian (422 on run, nothing
 * written); the corrected table is recorded and its indicators read back with their definitions; analysts read but
 * may not import, viewers may not read.
 */
class StatisticsApiTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBadTableIsRefusedInRussianAndTheCorrectedOneReadsBackWithItsDefinitions() throws Exception {
        String documenter = tokens.create(accounts.create(Role.DOCUMENTER, false).id(), "test").value();
        String analyst = tokens.create(accounts.create(Role.ANALYST, false).id(), "test").value();
        String viewer = tokens.create(accounts.create(Role.VIEWER, false).id(), "test").value();
        String agency = "Prosecutor API " + System.nanoTime() % 100_000;

        String bad = StatisticsImportsTest.table(agency, "двадцать");
        long id = upload(documenter, bad).get("id").asLong();
        var dry = send(post("/api/v1/statistics/imports/" + id + "/dry-run", documenter).header("Accept-Language", "ru"));
        JsonNode report = json.readTree(dry.body());
        assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("REFUSED");
        assertThat(report.get("problems")).hasSize(1);
        assertThat(report.get("problems").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(report.get("problems").get(0).get("column").asString()).isEqualTo("Направлено в суд");
        assertThat(report.get("problems").get(0).get("message").asString()).isEqualTo("Не целое неотрицательное число: «двадцать».");
        assertThat(send(post("/api/v1/statistics/imports/" + id + "/run", documenter)).statusCode()).isEqualTo(422);
        String query = "/api/v1/statistics/indicators?article=2014:146&agency=" + agency.replace(" ", "%20");
        assertThat(json.readTree(send(get(query, analyst)).body()).get("rows")).isEmpty();

        long corrected = upload(documenter, StatisticsImportsTest.table(agency, "29")).get("id").asLong();
        var done = send(post("/api/v1/statistics/imports/" + corrected + "/run", documenter));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json.readTree(done.body()).get("added").asInt()).isEqualTo(12);

        JsonNode indicators = json.readTree(send(get(query, analyst).header("Accept-Language", "en")).body());
        assertThat(indicators.get("definitions").get(0).get("code").asString()).isEqualTo("complaints-sent-to-court");
        assertThat(indicators.get("definitions").get(0).get("numerator").asString()).isEqualTo("Sent to court");
        assertThat(indicators.get("definitions").get(0).get("rounding").asString()).isEqualTo("HALF_UP");
        JsonNode y2022 = indicators.get("rows").get(1);
        assertThat(y2022.get("year").asInt()).isEqualTo(2022);
        assertThat(y2022.get("indicators").get(0).get("percent").decimalValue()).isEqualByComparingTo("4.6");
        assertThat(y2022.get("figures").get("COMPLAINTS").asLong()).isEqualTo(412);

        var comparison = send(get("/api/v1/statistics/comparison?article=2014:146&agency=" + agency.replace(" ", "%20"), analyst));
        assertThat(comparison.statusCode()).as(comparison.body()).isEqualTo(200);
        assertThat(json.readTree(comparison.body())).hasSize(2);

        // Trends: 19/412 = 4.6 % in 2022, 29/400 = 7.3 % in 2023, +2.7 points; the court's share only for 2022.
        String trendsQuery = "/api/v1/statistics/trends?article=2014:146&agency=" + agency.replace(" ", "%20");
        var trendsResponse = send(get(trendsQuery, analyst).header("Accept-Language", "ru"));
        assertThat(trendsResponse.statusCode()).as(trendsResponse.body()).isEqualTo(200);
        JsonNode trends = json.readTree(trendsResponse.body());
        assertThat(trends).hasSize(3);
        JsonNode prosecution = trends.get(0);
        assertThat(prosecution.get("definition").get("code").asString()).isEqualTo("complaints-sent-to-court");
        assertThat(prosecution.get("definition").get("numerator").asString()).isEqualTo("Направлены в суд");
        assertThat(prosecution.get("compared").asBoolean()).isTrue();
        assertThat(prosecution.get("points")).hasSize(2);
        assertThat(prosecution.get("points").get(0).get("year").asInt()).isEqualTo(2022);
        assertThat(prosecution.get("points").get(0).get("officialChange").isNull()).isTrue();
        assertThat(prosecution.get("points").get(1).get("official").get("numerator").asLong()).isEqualTo(29);
        assertThat(prosecution.get("points").get(1).get("official").get("percent").decimalValue()).isEqualByComparingTo("7.3");
        assertThat(prosecution.get("points").get(1).get("officialChange").decimalValue()).isEqualByComparingTo("2.7");
        JsonNode court = trends.get(2);
        assertThat(court.get("definition").get("code").asString()).isEqualTo("court-allegations-confirmed");
        assertThat(court.get("compared").asBoolean()).isFalse();
        assertThat(court.get("points").get(0).get("official").get("percent").decimalValue()).isEqualByComparingTo("7.1");
        assertThat(court.get("points").get(1).get("official").get("percent").isNull()).isTrue();
        assertThat(send(get(trendsQuery, viewer)).statusCode()).isEqualTo(403);

        assertThat(send(multipart(analyst, bad)).statusCode()).isEqualTo(403);
        assertThat(send(get(query, viewer)).statusCode()).isEqualTo(403);
        assertThat(send(get("/api/v1/statistics/imports/" + corrected, analyst)).statusCode()).isEqualTo(403);
    }

    private JsonNode upload(String token, String content) throws Exception {
        var response = send(multipart(token, content));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private HttpRequest.Builder multipart(String token, String content) throws Exception {
        String boundary = "----statistics" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"statistics.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/api/v1/statistics/imports")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpRequest.Builder post(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder get(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
