package org.aigaq.documentation.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
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
 * The population import over the API: a Windows-1251 file with a bad date is refused by row and column in Russian and
 * writes nothing (422 on run); the corrected file adds its figures, which the place then shows; analysts may not import.
 */
class PopulationImportApiTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBadFileIsRefusedByRowAndColumnAndTheCorrectedOneIsRecorded() throws Exception {
        String documenter = tokens.create(accounts.create(Role.DOCUMENTER, false).id(), "test").value();
        String analyst = tokens.create(accounts.create(Role.ANALYST, false).id(), "test").value();
        long n = System.nanoTime() % 100000;
        var place = send(HttpRequest.newBuilder(uri("/api/v1/places")).header("Authorization", "Bearer " + documenter)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"Колония " + n + "\", \"officialCode\": \"ZhD-" + n + "/3\", \"locationType\": \"penal-colony\"}")));
        assertThat(place.statusCode()).as(place.body()).isEqualTo(201);
        long placeId = json.readTree(place.body()).get("id").asLong();

        String bad = "Учреждение;Дата;Численность;Источник\r\nЖД-" + n + "/3;31.02.2024;1 200;Ответ КУИС\r\n";
        JsonNode job = upload(documenter, bad.getBytes(Charset.forName("windows-1251")));
        assertThat(job.get("detectedEncoding").asString()).isEqualTo("WINDOWS_1251");
        long id = job.get("id").asLong();
        // "Учреждение" is not a name the mapping knows: the user says which column gives the place
        assertThat(job.get("mapping").get("columns").get("Учреждение").isNull()).isTrue();
        var mapped = send(HttpRequest.newBuilder(uri("/api/v1/places/population-imports/" + id + "/mapping"))
                .header("Authorization", "Bearer " + documenter).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"columns\": {\"Учреждение\": \"PLACE_CODE\", \"Дата\": \"COUNTED_ON\", "
                        + "\"Численность\": \"POPULATION\", \"Источник\": \"SOURCE\"}}")));
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        var dry = send(post("/api/v1/places/population-imports/" + id + "/dry-run", documenter).header("Accept-Language", "ru"));
        JsonNode report = json.readTree(dry.body());
        assertThat(report.get("status").asString()).as(report.toString() + job).isEqualTo("REFUSED");
        assertThat(report.get("problems")).hasSize(1);
        assertThat(report.get("problems").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(report.get("problems").get(0).get("message").asString()).contains("31.02.2024");
        assertThat(report.get("problems").get(0).get("column").asString()).isEqualTo("Дата");
        var run = send(post("/api/v1/places/population-imports/" + id + "/run", documenter));
        assertThat(run.statusCode()).isEqualTo(422);
        assertThat(send(get("/api/v1/places/" + placeId + "/population", documenter)).body()).doesNotContain("1200");

        String good = bad.replace("31.02.2024", "29.02.2024").replace("Учреждение;", "Код учреждения;");
        long corrected = upload(documenter, good.getBytes(Charset.forName("windows-1251"))).get("id").asLong();
        var done = send(post("/api/v1/places/population-imports/" + corrected + "/run", documenter));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json.readTree(done.body()).get("added").asInt()).isEqualTo(1);
        assertThat(send(get("/api/v1/places/" + placeId + "/population", documenter)).body()).contains("1200").contains("2024-02-29");

        assertThat(uploadStatus(analyst, good.getBytes(StandardCharsets.UTF_8))).isEqualTo(403);
        assertThat(send(get("/api/v1/places/population-imports/" + corrected, analyst)).statusCode()).isEqualTo(403);
    }

    private JsonNode upload(String token, byte[] content) throws Exception {
        var response = send(multipart(token, content));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private int uploadStatus(String token, byte[] content) throws Exception {
        return send(multipart(token, content)).statusCode();
    }

    private HttpRequest.Builder multipart(String token, byte[] content) throws Exception {
        String boundary = "----population" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"population.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/api/v1/places/population-imports")).header("Authorization", "Bearer " + token)
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
