package org.aigaq.trials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trial monitoring over the API: a trial with two defendants, a hearing with its checklist, allegations raised in court
 * and the counts per trial and across trials; names only for the organisation's case workers; mistakes by JSON pointer
 * in Russian with nothing written; refusals for another organisation and for roles that do not observe trials.
 */
class TrialsApiTest extends ApiTestCase {

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

    @Test
    void aHearingAndAnAllegationAreCorrectedAndAuditedBeforeAndAfter() throws Exception {
        long person = person(lawyer, "Мадина Оспанова");
        long id = json.readTree(call("POST", "/api/v1/trials", lawyer, """
                {"court": "Court", "caseNumber": "4-%d", "defendants": [%d]}""".formatted(System.nanoTime(), person)).body()).get("id").asLong();
        JsonNode withHearings = json.readTree(call("POST", "/api/v1/trials/" + id + "/hearings", lawyer, """
                {"date": "2024-03-12", "publicAdmitted": true, "checks": [{"item": "PUBLIC_HEARING", "answer": "RESPECTED"}]}""").body());
        long hearing = withHearings.get("hearings").get(0).get("id").asLong();
        call("POST", "/api/v1/trials/" + id + "/hearings", lawyer, "{\"date\": \"2024-03-14\"}");
        long defendant = withHearings.get("defendants").get(0).get("id").asLong();
        JsonNode withAllegation = json.readTree(call("POST", "/api/v1/trials/" + id + "/allegations", lawyer, """
                {"raisedBy": "DEFENDANT", "defendantId": %d, "form": "ORAL", "against": "Police", "recorded": false}"""
                .formatted(defendant)).body());
        long allegation = withAllegation.get("allegations").get(0).get("id").asLong();

        var changed = call("PUT", "/api/v1/trials/" + id + "/hearings/" + hearing, lawyer, """
                {"date": "2024-03-13", "publicAdmitted": false, "note": "The public was kept out after the break",
                 "checks": [{"item": "PUBLIC_HEARING", "answer": "NOT_RESPECTED"}, {"item": "INTERPRETER", "answer": "RESPECTED"}]}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode h = json.readTree(changed.body()).get("hearings").get(0);
        assertThat(h.get("date").asString()).isEqualTo("2024-03-13");
        assertThat(h.get("publicAdmitted").asBoolean()).isFalse();
        assertThat(h.get("checks")).hasSize(2);
        var regraded = call("PUT", "/api/v1/trials/" + id + "/allegations/" + allegation, lawyer, """
                {"hearingId": %d, "raisedBy": "DEFENDANT", "defendantId": %d, "form": "WRITTEN", "against": "Police",
                 "recorded": true, "examined": true, "evidence": "ADMITTED"}""".formatted(hearing, defendant));
        assertThat(regraded.statusCode()).as(regraded.body()).isEqualTo(200);
        JsonNode trial = json.readTree(regraded.body());
        assertThat(trial.get("allegations")).hasSize(1);
        assertThat(trial.get("figures").toString())
                .isEqualTo("{\"raised\":1,\"recorded\":1,\"examined\":1,\"investigationOrdered\":0,\"evidenceAdmitted\":1}");

        String hearingAudit = jdbc.queryForObject("SELECT summary FROM audit_entry WHERE action = 'trial.hearing-changed' AND record_id = ?",
                String.class, String.valueOf(id));
        assertThat(hearingAudit).contains("\"date\":\"2024-03-12\"").contains("\"date\":\"2024-03-13\"")
                .contains("PUBLIC_HEARING=RESPECTED").contains("PUBLIC_HEARING=NOT_RESPECTED").contains("\"textsChanged\":true")
                .doesNotContain("kept out");
        String allegationAudit = jdbc.queryForObject("SELECT summary FROM audit_entry WHERE action = 'trial.allegation-changed' AND record_id = ?",
                String.class, String.valueOf(id));
        assertThat(allegationAudit).contains("\"recorded\":\"false\"").contains("\"recorded\":\"true\"").contains("\"form\":\"WRITTEN\"");

        // mistakes by pointer, nothing changed: the date of the other hearing, a court that examines what it did not record
        assertThat(pointers(call("PUT", "/api/v1/trials/" + id + "/hearings/" + hearing, lawyer, "{\"date\": \"2024-03-14\"}")))
                .containsExactly("/date");
        assertThat(pointers(call("PUT", "/api/v1/trials/" + id + "/allegations/" + allegation, lawyer, """
                {"raisedBy": "DEFENDANT", "defendantId": %d, "form": "ORAL", "examined": true}""".formatted(defendant))))
                .containsExactly("/recorded");
        assertThat(jdbc.queryForObject("SELECT hearing_date::text FROM trial_hearing WHERE id = ?", String.class, hearing)).isEqualTo("2024-03-13");
        assertThat(jdbc.queryForObject("SELECT form FROM trial_allegation WHERE id = ?", String.class, allegation)).isEqualTo("WRITTEN");

        // refusals: another organisation (404), an analyst (403), a hearing of another trial (404)
        assertThat(call("PUT", "/api/v1/trials/" + id + "/hearings/" + hearing, elsewhere, "{\"date\": \"2024-03-10\"}").statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/trials/" + id + "/allegations/" + allegation, elsewhere, "{\"raisedBy\": \"WITNESS\", \"form\": \"ORAL\"}").statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/trials/" + id + "/hearings/" + hearing, analyst, "{\"date\": \"2024-03-10\"}").statusCode()).isEqualTo(403);
        long other = json.readTree(call("POST", "/api/v1/trials", lawyer, """
                {"court": "Court", "caseNumber": "5-%d", "defendants": [%d]}""".formatted(System.nanoTime(), person(lawyer, "Б. Абаев"))).body()).get("id").asLong();
        assertThat(call("PUT", "/api/v1/trials/" + other + "/hearings/" + hearing, lawyer, "{\"date\": \"2024-03-10\"}").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT hearing_date::text FROM trial_hearing WHERE id = ?", String.class, hearing)).isEqualTo("2024-03-13");
    }

    @Test
    void theListFiltersByCourtStatusYearArticleAndDefendant() throws Exception {
        String tag = String.valueOf(System.nanoTime() % 1_000_000_000);
        long kasym = person(lawyer, "Жанболат Тасмағамбетов" + "");
        long other = person(lawyer, "Ольга Ким");
        long first = json.readTree(call("POST", "/api/v1/trials", lawyer, """
                {"court": "Taraz court %s", "caseNumber": "6-%s", "charges": "Art. 146 part 2 (torture)", "defendants": [%d]}"""
                .formatted(tag, tag, kasym)).body()).get("id").asLong();
        long second = json.readTree(call("POST", "/api/v1/trials", lawyer, """
                {"court": "Shymkent court %s", "caseNumber": "7-%s", "charges": "Art. 1460", "defendants": [%d]}"""
                .formatted(tag, tag, other)).body()).get("id").asLong();
        call("POST", "/api/v1/trials/" + first + "/hearings", lawyer, "{\"date\": \"2023-06-01\"}");
        call("POST", "/api/v1/trials/" + second + "/hearings", lawyer, "{\"date\": \"2024-06-01\"}");
        long defendant = json.readTree(call("GET", "/api/v1/trials/" + second, lawyer, null).body()).get("defendants").get(0).get("id").asLong();
        call("PUT", "/api/v1/trials/" + second + "/defendants/" + defendant + "/verdict", lawyer, "{\"verdict\": \"ACQUITTED\", \"appeal\": \"Prosecutor appealed\"}");

        assertThat(listed("?court=taraz%20court%20" + tag, lawyer)).containsExactly(first);
        assertThat(listed("?court=court%20" + tag + "&status=ONGOING", lawyer)).containsExactly(first);
        assertThat(listed("?court=court%20" + tag + "&status=DECIDED", lawyer)).containsExactly(second);
        assertThat(listed("?court=court%20" + tag + "&status=APPEALED", lawyer)).containsExactly(second);
        assertThat(listed("?court=court%20" + tag + "&year=2023", lawyer)).containsExactly(first);
        assertThat(listed("?court=court%20" + tag + "&article=146", lawyer)).containsExactly(first);
        assertThat(listed("?court=court%20" + tag + "&defendant=%D0%A2%D0%B0%D1%81%D0%BC%D0%B0%D0%B3%D0%B0%D0%BC%D0%B1%D0%B5%D1%82%D0%BE%D0%B2", lawyer))
                .containsExactly(first);
        // another organisation finds neither; an analyst may not search names
        assertThat(listed("?court=court%20" + tag, elsewhere)).isEmpty();
        assertThat(call("GET", "/api/v1/trials?defendant=Kim", analyst, null).statusCode()).isEqualTo(403);
        assertThat(listed("?court=court%20" + tag + "&year=2023", analyst)).containsExactly(first);
    }

    @Test
    void theChecklistIsTalliedOverTheHearingsOfTheTrialsTheReaderMaySee() throws Exception {
        var alone = accounts.createAlone(Role.LAWYER);
        String own = token(alone.id());
        String colleague = token(accounts.createIn(alone.user().organisationId(), Role.ANALYST).id());
        long id = json.readTree(call("POST", "/api/v1/trials", own, """
                {"court": "Court", "caseNumber": "8-%d", "defendants": [%d]}""".formatted(System.nanoTime(), person(own, "Д. Нуров"))).body())
                .get("id").asLong();
        call("POST", "/api/v1/trials/" + id + "/hearings", own, """
                {"date": "2024-03-12", "checks": [{"item": "PUBLIC_HEARING", "answer": "NOT_RESPECTED"},
                    {"item": "INTERPRETER", "answer": "RESPECTED"}]}""");
        call("POST", "/api/v1/trials/" + id + "/hearings", own, """
                {"date": "2024-03-13", "checks": [{"item": "PUBLIC_HEARING", "answer": "NOT_RESPECTED"},
                    {"item": "INTERPRETER", "answer": "NOT_OBSERVED"}]}""");
        JsonNode tallies = json.readTree(call("GET", "/api/v1/trials/checklist", colleague, null).body());
        assertThat(tallies).hasSize(FairTrialItem.values().length);
        assertThat(tally(tallies, "PUBLIC_HEARING")).isEqualTo("0 2 0");
        assertThat(tally(tallies, "INTERPRETER")).isEqualTo("1 0 1");
        assertThat(tally(tallies, "REASONED_JUDGMENT")).isEqualTo("0 0 0");
        // a correction changes the tally; another organisation does not count these hearings
        long hearing = json.readTree(call("GET", "/api/v1/trials/" + id, own, null).body()).get("hearings").get(0).get("id").asLong();
        call("PUT", "/api/v1/trials/" + id + "/hearings/" + hearing, own, """
                {"date": "2024-03-12", "checks": [{"item": "PUBLIC_HEARING", "answer": "RESPECTED"}]}""");
        assertThat(tally(json.readTree(call("GET", "/api/v1/trials/checklist", colleague, null).body()), "PUBLIC_HEARING")).isEqualTo("1 1 0");
        assertThat(tally(json.readTree(call("GET", "/api/v1/trials/checklist", colleague, null).body()), "INTERPRETER")).isEqualTo("0 0 1");
        var elsewhereAlone = token(accounts.createAlone(Role.ANALYST).id());
        assertThat(tally(json.readTree(call("GET", "/api/v1/trials/checklist", elsewhereAlone, null).body()), "PUBLIC_HEARING")).isEqualTo("0 0 0");
        assertThat(call("GET", "/api/v1/trials/checklist", viewer, null).statusCode()).isEqualTo(403);
    }

    private static String tally(JsonNode tallies, String item) {
        for (JsonNode t : tallies) {
            if (t.get("item").asString().equals(item)) {
                return t.get("respected").asLong() + " " + t.get("notRespected").asLong() + " " + t.get("notObserved").asLong();
            }
        }
        throw new AssertionError("no tally for " + item);
    }

    private List<Long> listed(String query, String token) throws Exception {
        var response = call("GET", "/api/v1/trials" + query, token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        json.readTree(response.body()).forEach(l -> ids.add(l.get("id").asLong()));
        return ids;
    }
}
