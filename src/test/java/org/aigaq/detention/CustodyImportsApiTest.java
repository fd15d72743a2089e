package org.aigaq.detention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Importing messy spreadsheets of deaths and self-harm through the API: columns and spellings of causes proposed
 * (case, spaces, ё/е, Latin/Cyrillic, one typo), the user's corrections, missing and unreadable dates reported by row
 * and column in the user's language, nothing written while any row is bad, a dry run that changes nothing however
 * often it runs, and a run that writes every row at once, audited once with its counts.
 */
class CustodyImportsApiTest extends ApiTestCase {

    @Autowired AuditSearch audit;
    @Autowired CustodyImports imports;
    private String documenter;

    @BeforeEach
    void accountsAndPlaces() throws Exception {
        documenter = token(accounts.createAlone(Role.DOCUMENTER).id());
        // The registry's places the files name, once for the whole run (codes are found in Latin or Cyrillic).
        if (jdbc.queryForObject("SELECT count(*) FROM place WHERE official_code = 'ZK-901/7'", Long.class) == 0) {
            assertThat(call("POST", "/api/v1/places", documenter,
                    "{\"name\": \"Colony ZK-901/7\", \"officialCode\": \"ZK-901/7\", \"locationType\": \"penal-colony\"}", "en")
                    .statusCode()).isEqualTo(201);
            assertThat(call("POST", "/api/v1/places", documenter,
                    "{\"name\": \"Следственный изолятор ДТ-7\", \"locationType\": \"pre-trial-detention-centre\"}", "en")
                    .statusCode()).isEqualTo(201);
        }
    }

    @Test
    void aMessyFileIsMappedCheckedByRowAndColumnAndWritesNothingWhileARowIsBad() throws Exception {
        long before = deaths();
        JsonNode job = upload("deaths-messy.csv", "DEATHS");
        assertThat(job.get("columns").toString()).contains("ФИО", "Учреждение", "Дата смерти", "Причина", "Вскрытие");
        assertThat(job.get("mapping").get("person").asString()).isEqualTo("ФИО");
        assertThat(job.get("mapping").get("place").asString()).isEqualTo("Учреждение");
        assertThat(job.get("mapping").get("date").asString()).isEqualTo("Дата смерти");
        assertThat(job.get("mapping").get("officialCause").asString()).isEqualTo("Причина");
        // Every spelling of a cause is proposed its term: case, trailing space, ё/е, transliteration, one typo.
        JsonNode causes = job.get("values").get("officialCause");
        for (String spelling : List.of("суицид", "Суицид", "самоубийство", "suicide", "Suicide")) {
            assertThat(causes.get(spelling).asString()).as(spelling).isEqualTo("suicide");
        }
        for (String spelling : List.of("tuberkulez", "туберкулёз", "туберкулес")) {
            assertThat(causes.get(spelling).asString()).as(spelling).isEqualTo("tuberculosis");
        }
        // No term is close enough to "официальное": the user is left to choose.
        assertThat(job.get("values").get("autopsy").get("официальное").asString()).isEmpty();
        long id = job.get("id").asLong();

        JsonNode checked = json.readTree(call("POST", "/api/v1/custody-imports/" + id + "/dry-run", documenter, null, "ru").body());
        assertThat(checked.get("status").asString()).isEqualTo("REFUSED");
        var problems = problems(checked);
        assertThat(problems).containsExactlyInAnyOrder(
                "2|Вскрытие|Выберите в сопоставлении термин для «официальное».",
                "3|Вскрытие|Выберите в сопоставлении термин для «независимое».",
                "7|Дата смерти|Не указана дата.",
                "8|Дата смерти|«32.13.2023» — не дата (17.03.2023, 2023-03-17, март 2023 или 2023).");
        // The dry run changes nothing, however often it runs.
        JsonNode again = json.readTree(call("POST", "/api/v1/custody-imports/" + id + "/dry-run", documenter, null, "ru").body());
        assertThat(problems(again)).isEqualTo(problems);
        assertThat(deaths()).isEqualTo(before);

        // The user corrects the spellings of the autopsy; the dates stay wrong in the file, so the run writes nothing.
        var mapped = call("PUT", "/api/v1/custody-imports/" + id + "/mapping", documenter, """
                {"columns": {"person": "ФИО", "place": "Учреждение", "date": "Дата смерти", "officialCause": "Причина", "autopsy": "Вскрытие"},
                 "values": {"autopsy": {"официальное": "official", "независимое": "independent"}}}""", "en");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        long people = jdbc.queryForObject("SELECT count(*) FROM person", Long.class);
        JsonNode run = json.readTree(call("POST", "/api/v1/custody-imports/" + id + "/run", documenter, null, "en").body());
        assertThat(run.get("status").asString()).isEqualTo("REFUSED");
        assertThat(problems(run)).hasSize(2).allMatch(p -> p.contains("Дата смерти"));
        assertThat(deaths()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person", Long.class)).isEqualTo(people);

        // A term that is not in the list is refused by field.
        var wrong = call("PUT", "/api/v1/custody-imports/" + id + "/mapping", documenter,
                "{\"values\": {\"officialCause\": {\"суицид\": \"jumped\"}}, \"columns\": {\"place\": \"Nope\"}}", "en");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("/values/officialCause").contains("/columns/place");
    }

    @Test
    void aCleanFileInWindows1251IsImportedWholeAndAuditedOnce() throws Exception {
        JsonNode job = upload("deaths-clean-1251.csv", "DEATHS");
        long id = job.get("id").asLong();
        // "Фамилия" and "Место" are not proposed: the user maps them.
        var mapped = json.readTree(call("PUT", "/api/v1/custody-imports/" + id + "/mapping", documenter, """
                {"columns": {"person": "Фамилия", "place": "Место", "date": "Дата", "officialCause": "Причина смерти", "manner": "Род смерти"}}""",
                "en").body());
        assertThat(mapped.get("values").get("officialCause").get("туберкулёз").asString()).isEqualTo("tuberculosis");
        assertThat(mapped.get("values").get("officialCause").get("violence by staff").asString()).isEqualTo("violence-by-staff");
        assertThat(mapped.get("values").get("manner").get("самоубийство").asString()).isEqualTo("suicide");
        JsonNode checked = json.readTree(call("POST", "/api/v1/custody-imports/" + id + "/dry-run", documenter, null, "en").body());
        assertThat(checked.get("status").asString()).as(checked.toString()).isEqualTo("CHECKED");

        JsonNode run = json.readTree(call("POST", "/api/v1/custody-imports/" + id + "/run", documenter, null, "en").body());
        assertThat(run.get("status").asString()).isEqualTo("IMPORTED");
        assertThat(run.get("records").asInt()).isEqualTo(3);
        var list = json.readTree(call("GET", "/api/v1/deaths?ours=true", documenter, null, "en").body()).get("deaths");
        assertThat(list.size()).isEqualTo(3);
        var dates = new ArrayList<String>();
        list.forEach(d -> dates.add(d.get("date").get("date").asString() + " " + d.get("date").get("precision").asString()));
        assertThat(dates).containsExactlyInAnyOrder("2021-02-12 EXACT", "2021-01-01 YEAR", "2022-04-01 MONTH");
        // Named people are recorded (encrypted) and shown to the organisation.
        long named = list.findValues("pseudonym").stream().filter(p -> !p.isNull()).count();
        assertThat(named).isEqualTo(2);
        assertThat(String.join("\n", jdbc.queryForList("SELECT p::text FROM person p", String.class))).doesNotContain("Касымов");
        assertThat(audit.search(new AuditSearch.Filter(null, "custody-import.imported", "custody_import", String.valueOf(id), null, null), null, 5)
                .entries()).hasSize(1);
        // A second run of the same job is refused: nothing is imported twice.
        var twice = call("POST", "/api/v1/custody-imports/" + id + "/run", documenter, null, "en");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json.readTree(call("GET", "/api/v1/deaths?ours=true", documenter, null, "en").body()).get("deaths").size()).isEqualTo(3);
        // Another user does not see the job.
        String other = token(accounts.create(Role.DOCUMENTER, true).id());
        assertThat(call("GET", "/api/v1/custody-imports/" + id, other, null, "en").statusCode()).isEqualTo(404);
    }

    @Test
    void selfHarmIsImportedFromATabSeparatedFileWithGroupProtestsCounted() throws Exception {
        JsonNode job = upload("self-harm-tab.csv", "SELF_HARM");
        long id = job.get("id").asLong();
        assertThat(job.get("mapping").get("kind").asString()).isEqualTo("Вид");
        assertThat(job.get("mapping").get("people").asString()).isEqualTo("Количество");
        assertThat(job.get("values").get("kind").get("Голодовка").asString()).isEqualTo("hunger-strike");
        assertThat(job.get("values").get("kind").get("вскрытие вен").asString()).isEmpty();
        var mapped = call("PUT", "/api/v1/custody-imports/" + id + "/mapping", documenter, """
                {"columns": {"place": "Учреждение", "date": "Дата", "kind": "Вид", "people": "Количество", "reason": "Требования"},
                 "values": {"kind": {"вскрытие вен": "cutting"}}}""", "en");
        assertThat(mapped.statusCode()).isEqualTo(200);
        JsonNode run = json.readTree(call("POST", "/api/v1/custody-imports/" + id + "/run", documenter, null, "en").body());
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("IMPORTED");
        JsonNode figures = json.readTree(call("GET", "/api/v1/custody-figures?ours=true", documenter, null, "en").body());
        assertThat(figures.get("selfHarmByKind").get("total").asLong()).isEqualTo(3);
        assertThat(figures.get("selfHarmPeopleByKind").get("total").asLong()).isEqualTo(12 + 1 + 40);
    }

    @Test
    void anUploadLeftForADayIsDeletedAndTheUserIsToldToUploadAgain() throws Exception {
        long id = upload("deaths-messy.csv", "DEATHS").get("id").asLong();
        String path = jdbc.queryForObject("SELECT file_path FROM custody_import WHERE id = ?", String.class, id);
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(path))).isTrue();
        jdbc.update("UPDATE custody_import SET updated_at = now() - interval '2 days' WHERE id = ?", id);
        imports.removeAbandonedFiles();
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(path))).isFalse();
        var refused = call("POST", "/api/v1/custody-imports/" + id + "/dry-run", documenter, null, "ru");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("/file").contains("загрузите его снова");
    }

    // --- helpers

    private long deaths() {
        return jdbc.queryForObject("SELECT count(*) FROM death_in_custody", Long.class);
    }

    private static List<String> problems(JsonNode job) {
        var problems = new ArrayList<String>();
        job.get("problems").forEach(p -> problems.add(p.get("row").asLong() + "|" + p.get("column").asString() + "|" + p.get("message").asString()));
        return problems;
    }

    private JsonNode upload(String file, String kind) throws Exception {
        byte[] content;
        try (var in = getClass().getResourceAsStream("/detention/" + file)) {
            content = in.readAllBytes();
        }
        String boundary = "----custody" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/custody-imports"))
                .header("Authorization", "Bearer " + documenter).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }
}
