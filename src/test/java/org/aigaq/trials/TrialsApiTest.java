package org.aigaq.trials;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trial monitoring over the API: a trial with two defendants, a hearing with its checklist, allegations raised in court
 * and the counts per trial and across trials; names only for the organisation's case workers; mistakes by JSON pointer
 * in Russian with nothing written; refusals for another organisation and for roles that do not observe trials.
 */
class TrialsApiTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String lawyer;
    private String analyst;
    private String viewer;
    private String elsewhere;

    @BeforeEach
    void accounts() {
        lawyer = token(accounts.create(Role.LAWYER, true).id());
        analyst = token(accounts.create(Role.ANALYST, false).id());
        viewer = token(accounts.create(Role.VIEWER, false).id());
        elsewhere = token(accounts.createElsewhere(Role.LAWYER).id());
    }

    @Test
    void aLawyerFollowsATrialAndTheCountsAddUp() throws Exception {
        long first = person(lawyer, "Нурлан Касымов");
        long second = person(lawyer, "Асель Бекова");
        String caseNumber = "1-" + System.nanoTime();
        var created = call("POST", "/api/v1/trials", lawyer, """
                {"court": "Almaty city criminal court no. 2", "caseNumber": "%s", "judge": "A. Seitkali",
                 "charges": "Art. 190 part 4 (fraud)", "language": "Russian", "defendants": [%d, %d]}
                """.formatted(caseNumber, first, second));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode trial = json.readTree(created.body());
        long id = trial.get("id").asLong();
        long defendant = trial.get("defendants").get(0).get("id").asLong();
        assertThat(trial.get("defendants").get(0).get("name").asString()).isEqualTo("Нурлан Касымов");

        var hearing = call("POST", "/api/v1/trials/" + id + "/hearings", lawyer, """
                {"date": "2024-03-12", "observers": "Two observers of the coalition", "publicAdmitted": true,
                 "pressAdmitted": false, "recordingBanned": true, "seatsFilled": true, "interpreter": "NOT_PROVIDED",
                 "checks": [{"item": "PUBLIC_HEARING", "answer": "NOT_RESPECTED", "note": "Journalists kept out"},
                            {"item": "PRESUMPTION_OF_INNOCENCE", "answer": "RESPECTED"}]}""");
        assertThat(hearing.statusCode()).as(hearing.body()).isEqualTo(200);
        long hearingId = json.readTree(hearing.body()).get("hearings").get(0).get("id").asLong();
        assertThat(json.readTree(hearing.body()).get("hearings").get(0).get("checks")).hasSize(2);

        assertThat(call("POST", "/api/v1/trials/" + id + "/allegations", lawyer, """
                {"hearingId": %d, "raisedBy": "DEFENDANT", "defendantId": %d, "form": "ORAL", "against": "Operatives of the police",
                 "recorded": true, "examined": true, "investigationOrdered": false, "evidence": "ADMITTED"}
                """.formatted(hearingId, defendant)).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/trials/" + id + "/allegations", lawyer, """
                {"raisedBy": "WITNESS", "form": "WRITTEN", "recorded": false}""").statusCode()).isEqualTo(200);
        var verdict = call("PUT", "/api/v1/trials/" + id + "/defendants/" + defendant + "/verdict", lawyer, """
                {"verdict": "CONVICTED", "sentence": "5 years", "appeal": "Appealed to the regional court"}""");
        assertThat(verdict.statusCode()).as(verdict.body()).isEqualTo(200);

        JsonNode read = json.readTree(call("GET", "/api/v1/trials/" + id, lawyer, null).body());
        assertThat(read.get("figures").toString())
                .isEqualTo("{\"raised\":2,\"recorded\":1,\"examined\":1,\"investigationOrdered\":0,\"evidenceAdmitted\":1}");
        assertThat(read.get("defendants").get(0).get("verdict").asString()).isEqualTo("CONVICTED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action LIKE 'trial.%' AND record_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(5);

        var line = json.readTree(call("GET", "/api/v1/trials", lawyer, null).body());
        assertThat(line.toString()).contains(caseNumber).doesNotContain("Нурлан");

        JsonNode asAnalyst = json.readTree(call("GET", "/api/v1/trials/" + id, analyst, null).body());
        assertThat(asAnalyst.get("defendants").get(0).get("name").isNull()).isTrue();
        assertThat(asAnalyst.get("changeable").asBoolean()).isFalse();
        var across = json.readTree(call("GET", "/api/v1/trials/figures", analyst, null).body());
        assertThat(across.get("raised").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void mistakesAreNamedByPointerInRussianAndNothingIsWritten() throws Exception {
        long person = person(lawyer, "Ерлан Ахметов");
        String caseNumber = "2-" + System.nanoTime();
        var empty = call("POST", "/api/v1/trials", lawyer, "{}", "ru");
        assertThat(pointers(empty)).containsExactlyInAnyOrder("/court", "/caseNumber", "/defendants");
        assertThat(empty.body()).contains("Выберите хотя бы одного подсудимого.");

        var bad = call("POST", "/api/v1/trials", elsewhere, """
                {"court": "Court", "caseNumber": "%s", "defendants": [%d], "judge": "%s"}""".formatted(caseNumber, person, "x".repeat(301)), "ru");
        assertThat(pointers(bad)).containsExactlyInAnyOrder("/defendants/0", "/judge");

        long id = json.readTree(call("POST", "/api/v1/trials", lawyer, """
                {"court": "Court", "caseNumber": "%s", "defendants": [%d]}""".formatted(caseNumber, person)).body()).get("id").asLong();
        var twice = call("POST", "/api/v1/trials", lawyer, """
                {"court": "Court", "caseNumber": "%s", "defendants": [%d]}""".formatted(caseNumber, person), "ru");
        assertThat(pointers(twice)).containsExactly("/caseNumber");

        var hearing = call("POST", "/api/v1/trials/" + id + "/hearings", lawyer, """
                {"date": "2999-01-01", "checks": [{"item": "INTERPRETER", "answer": "RESPECTED"}, {"item": "INTERPRETER", "answer": "NOT_RESPECTED"}, {"item": "PUBLIC_HEARING"}]}""", "ru");
        assertThat(pointers(hearing)).containsExactlyInAnyOrder("/date", "/checks/1/item", "/checks/2/answer");
        var allegation = call("POST", "/api/v1/trials/" + id + "/allegations", lawyer, """
                {"raisedBy": "WITNESS", "defendantId": 1, "form": "ORAL", "examined": true, "hearingId": -1}""", "ru");
        assertThat(pointers(allegation)).containsExactlyInAnyOrder("/defendantId", "/recorded", "/hearingId");
        assertThat(allegation.body()).contains("Суд не может рассмотреть");
        long defendant = json.readTree(call("GET", "/api/v1/trials/" + id, lawyer, null).body()).get("defendants").get(0).get("id").asLong();
        var sentence = call("PUT", "/api/v1/trials/" + id + "/defendants/" + defendant + "/verdict", lawyer, """
                {"verdict": "ACQUITTED", "sentence": "3 years"}""", "ru");
        assertThat(pointers(sentence)).containsExactly("/sentence");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trial_hearing WHERE trial_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trial_allegation WHERE trial_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT verdict FROM trial_defendant WHERE id = ?", String.class, defendant)).isEqualTo("PENDING");
    }

    @Test
    void anotherOrganisationAndRolesThatDoNotObserveAreRefused() throws Exception {
        long person = person(lawyer, "Дана Серикова");
        long id = json.readTree(call("POST", "/api/v1/trials", lawyer, """
                {"court": "Court", "caseNumber": "3-%d", "defendants": [%d]}""".formatted(System.nanoTime(), person)).body()).get("id").asLong();
        assertThat(call("GET", "/api/v1/trials/" + id, elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/trials/" + id + "/hearings", elsewhere, "{\"date\": \"2024-01-10\"}").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/trials", elsewhere, null).body()).doesNotContain("\"id\":" + id + ",");
        assertThat(call("POST", "/api/v1/trials/" + id + "/hearings", analyst, "{\"date\": \"2024-01-10\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/trials", viewer, "{}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/trials/figures", viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/trials/" + id, viewer, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'access.refused' AND record_id = ?",
                Long.class, String.valueOf(id))).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trial_hearing WHERE trial_id = ?", Long.class, id)).isZero();
    }

    private long person(String token, String name) throws Exception {
        var response = call("POST", "/api/v1/people", token, "{\"identity\": {\"name\": \"" + name + "\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private List<String> pointers(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        var pointers = new ArrayList<String>();
        json.readTree(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        return pointers;
    }

    private String token(long userId) {
        return tokens.create(userId, "test").value();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return call(method, path, token, body, "en");
    }

    private HttpResponse<String> call(String method, String path, String token, String body, String language) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", language)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) builder.header("Content-Type", "application/json");
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
