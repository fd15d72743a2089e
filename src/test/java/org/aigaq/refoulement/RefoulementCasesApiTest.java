package org.aigaq.refoulement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Non-refoulement cases over the API: opening a case, its timeline and the outcome following the latest deciding
 * event, the list's filters, the figures, the sequencing checks by JSON pointer in Russian, audit of writes and reads,
 * and refusals for another organisation and for roles without rights.
 */
class RefoulementCasesApiTest extends ApiTestCase {

    private String lawyer;
    private String analyst;
    private String viewer;
    private String elsewhere;

    @BeforeEach
    void accounts() {
        lawyer = token(accounts.create(Role.LAWYER, true).id());
        analyst = token(accounts.create(Role.ANALYST, false).id());
        viewer = token(accounts.create(Role.VIEWER, false).id());
        elsewhere = token(accounts.createElsewhere(Role.DOCUMENTER).id());
    }

    @Test
    void aLawyerFollowsAnExtraditionCaseToItsOutcome() throws Exception {
        long person = person(lawyer, "Бахтиёр Рахимов");
        String state = "Uzbekistan-" + System.nanoTime();
        var created = call("POST", "/api/v1/refoulement-cases", lawyer, """
                {"personId": %d, "nationality": "Uzbekistan", "requestingState": "%s",
                 "legalBasis": "REGIONAL_CONVENTION", "convention": "Minsk Convention 1993",
                 "riskAssessment": "High: political opponents tortured on return", "riskEvidence": "UN CAT concluding observations"}
                """.formatted(person, state));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();
        assertThat(json.readTree(created.body()).get("outcome").asString()).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refoulement_case WHERE id = ? AND person_id = ?", Long.class, id, person)).isEqualTo(1);

        event(id, "{\"kind\": \"ASYLUM_APPLICATION\", \"date\": \"2024-01-10\"}");
        event(id, "{\"kind\": \"COURT_STAGE\", \"date\": \"2024-02-01\", \"court\": \"Almaty city court\", \"instance\": \"first\", \"decision\": \"Extradition lawful\"}");
        event(id, "{\"kind\": \"INTERIM_MEASURES\", \"date\": \"2024-02-05\", \"committee\": \"CAT\", \"respected\": false}");
        JsonNode removed = event(id, "{\"kind\": \"REMOVAL\", \"date\": \"2024-03-01\", \"removal\": \"EXTRADITED\"}");
        assertThat(removed.get("outcome").asString()).isEqualTo("EXTRADITED");
        assertThat(removed.get("interimMeasuresBreached").asBoolean()).isTrue();
        // an earlier-dated release entered later does not change the outcome: the latest event by date decides
        assertThat(event(id, "{\"kind\": \"RELEASE\", \"date\": \"2024-01-20\"}").get("outcome").asString()).isEqualTo("EXTRADITED");
        JsonNode followed = event(id, "{\"kind\": \"FOLLOW_UP\", \"date\": \"2024-04-01\", \"note\": \"Held incommunicado in Tashkent\"}");
        assertThat(followed.get("events").size()).isEqualTo(6);
        assertThat(followed.get("events").get(1).get("kind").asString()).isEqualTo("RELEASE");

        JsonNode own = json.readTree(call("GET", "/api/v1/refoulement-cases/" + id, lawyer, null).body());
        assertThat(own.get("personName").asString()).isEqualTo("Бахтиёр Рахимов");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action IN ('refoulement-case.opened', 'refoulement-case.event-added') AND record_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'read' AND record_id = ? AND record_type = 'refoulement_case'",
                Long.class, String.valueOf(id))).isGreaterThanOrEqualTo(1);

        var list = call("GET", "/api/v1/refoulement-cases?outcome=EXTRADITED&breached=true&requestingState=" + state, lawyer, null);
        assertThat(ids(list)).containsExactly(id);
        assertThat(list.body()).doesNotContain("Бахтиёр").contains(own.get("pseudonym").asString());
        assertThat(ids(call("GET", "/api/v1/refoulement-cases?outcome=RELEASED&requestingState=" + state, lawyer, null))).isEmpty();
        assertThat(ids(call("GET", "/api/v1/refoulement-cases?breached=false&requestingState=" + state, lawyer, null))).isEmpty();

        JsonNode analystsView = json.readTree(call("GET", "/api/v1/refoulement-cases/" + id, analyst, null).body());
        assertThat(analystsView.get("personName").isNull()).isTrue();

        var changed = call("PUT", "/api/v1/refoulement-cases/" + id, lawyer, """
                {"personId": %d, "nationality": "Uzbekistan", "requestingState": "%s", "legalBasis": "EXTRADITION_REQUEST"}
                """.formatted(person, state));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("outcome").asString()).isEqualTo("EXTRADITED");

        // another organisation sees nothing and cannot change it (refusals audited); an analyst records nothing
        assertThat(call("GET", "/api/v1/refoulement-cases/" + id, elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(ids(call("GET", "/api/v1/refoulement-cases?requestingState=" + state, elsewhere, null))).isEmpty();
        assertThat(call("POST", "/api/v1/refoulement-cases/" + id + "/events", elsewhere, "{\"kind\": \"RELEASE\", \"date\": \"2024-05-01\"}").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'access.refused' AND record_id = ? AND record_type = 'refoulement_case'",
                Long.class, String.valueOf(id))).isGreaterThanOrEqualTo(2);
        assertThat(call("POST", "/api/v1/refoulement-cases/" + id + "/events", analyst, "{\"kind\": \"RELEASE\", \"date\": \"2024-05-01\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/refoulement-cases", analyst, "{}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/refoulement-cases/" + id, viewer, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/refoulement-cases/figures", viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/refoulement-cases", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void mistakesAreNamedByTheirJsonPointerInRussianAndNothingIsWritten() throws Exception {
        long person = person(lawyer, "Тимур Каримов");
        var empty = call("POST", "/api/v1/refoulement-cases", lawyer, "{\"legalBasis\": \"REGIONAL_CONVENTION\"}", "ru");
        assertThat(pointers(empty)).containsExactlyInAnyOrder("/personId", "/nationality", "/convention");
        assertThat(empty.body()).contains("Укажите региональную конвенцию");
        var theirs = call("POST", "/api/v1/refoulement-cases", elsewhere, "{\"personId\": %d, \"nationality\": \"X\", \"legalBasis\": \"DEPORTATION\"}".formatted(person), "ru");
        assertThat(pointers(theirs)).containsExactly("/personId");

        var opened = call("POST", "/api/v1/refoulement-cases", lawyer, "{\"personId\": %d, \"nationality\": \"Tajikistan\", \"legalBasis\": \"DEPORTATION\"}".formatted(person));
        long id = json.readTree(opened.body()).get("id").asLong();
        var future = call("POST", "/api/v1/refoulement-cases/" + id + "/events", lawyer,
                "{\"kind\": \"ASYLUM_DECISION\", \"date\": \"" + LocalDate.now().plusDays(2) + "\", \"respected\": true, \"court\": \"x\"}", "ru");
        assertThat(pointers(future)).containsExactlyInAnyOrder("/date", "/respected", "/court");
        assertThat(future.body()).contains("Дата в будущем").contains("только для запрошенных временных мер");
        var interim = call("POST", "/api/v1/refoulement-cases/" + id + "/events", lawyer, "{\"kind\": \"INTERIM_MEASURES\", \"date\": \"2024-01-01\"}", "ru");
        assertThat(pointers(interim)).containsExactly("/committee");
        var followUp = call("POST", "/api/v1/refoulement-cases/" + id + "/events", lawyer, "{\"kind\": \"FOLLOW_UP\", \"date\": \"2024-01-01\"}", "ru");
        assertThat(pointers(followUp)).containsExactly("/date");
        var removal = call("POST", "/api/v1/refoulement-cases/" + id + "/events", lawyer, "{\"kind\": \"REMOVAL\", \"date\": \"2024-01-01\"}", "ru");
        assertThat(pointers(removal)).containsExactly("/removal");
        var court = call("POST", "/api/v1/refoulement-cases/" + id + "/events", lawyer, "{\"kind\": \"COURT_STAGE\", \"date\": \"2024-01-01\"}", "ru");
        assertThat(pointers(court)).containsExactly("/court");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refoulement_event WHERE case_id = ?", Long.class, id)).isZero();
    }

    @Test
    void figuresCountOutcomesStatesAndInterimMeasures() throws Exception {
        var documenter = token(accounts.createAlone(Role.DOCUMENTER).id());
        var reader = documenter;
        long a = opened(documenter, "Russia");
        long b = opened(documenter, "Russia");
        long c = opened(documenter, "China");
        event(documenter, a, "{\"kind\": \"INTERIM_MEASURES\", \"date\": \"2024-01-01\", \"committee\": \"HRC\", \"respected\": true}");
        event(documenter, a, "{\"kind\": \"PROTECTION_GRANTED\", \"date\": \"2024-02-01\"}");
        event(documenter, b, "{\"kind\": \"INTERIM_MEASURES\", \"date\": \"2024-01-01\", \"committee\": \"CAT\", \"respected\": false}");
        event(documenter, b, "{\"kind\": \"REMOVAL\", \"date\": \"2024-02-01\", \"removal\": \"DEPORTED\"}");
        event(documenter, c, "{\"kind\": \"INTERIM_MEASURES\", \"date\": \"2024-01-01\", \"committee\": \"CAT\"}");
        var response = call("GET", "/api/v1/refoulement-cases/figures?ours=true", reader, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode f = json.readTree(response.body());
        assertThat(f.get("cases").asLong()).isEqualTo(3);
        assertThat(counts(f.get("byOutcome"))).containsExactly("DEPORTED 1", "PENDING 1", "PROTECTION_GRANTED 1");
        assertThat(counts(f.get("byRequestingState"))).containsExactly("Russia 2", "China 1");
        assertThat(counts(f.get("interimMeasures"))).containsExactly("requested 3", "respected 1", "not-respected 1", "unknown 1");
    }

    @Test
    void aTimelineEventIsCorrectedAndOneIsRemovedWithAReasonAndTheOutcomeFollows() throws Exception {
        String state = "Tajikistan-" + System.nanoTime();
        long id = opened(lawyer, state);
        event(id, "{\"kind\": \"INTERIM_MEASURES\", \"date\": \"2024-02-05\", \"committee\": \"CAT\"}");
        JsonNode withRemoval = event(id, "{\"kind\": \"REMOVAL\", \"date\": \"2024-03-01\", \"removal\": \"EXTRADITED\"}");
        long interim = withRemoval.get("events").get(0).get("id").asLong();
        long removal = withRemoval.get("events").get(1).get("id").asLong();
        JsonNode followed = event(id, "{\"kind\": \"FOLLOW_UP\", \"date\": \"2024-04-01\", \"note\": \"Seen in detention\"}");
        long followUp = followed.get("events").get(2).get("id").asLong();
        assertThat(followed.get("outcome").asString()).isEqualTo("EXTRADITED");

        // the interim measures turn out not to have been respected; the removal was a deportation
        var corrected = call("PUT", "/api/v1/refoulement-cases/" + id + "/events/" + interim, lawyer, """
                {"kind": "INTERIM_MEASURES", "date": "2024-02-06", "committee": "CAT", "respected": false}""");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(json.readTree(corrected.body()).get("interimMeasuresBreached").asBoolean()).isTrue();
        JsonNode deported = json.readTree(call("PUT", "/api/v1/refoulement-cases/" + id + "/events/" + removal, lawyer, """
                {"kind": "REMOVAL", "date": "2024-03-01", "removal": "DEPORTED"}""").body());
        assertThat(deported.get("outcome").asString()).isEqualTo("DEPORTED");
        String audited = jdbc.queryForObject("SELECT string_agg(summary, ' ' ORDER BY seq) FROM audit_entry WHERE action = 'refoulement-case.event-changed' AND record_id = ?",
                String.class, String.valueOf(id));
        assertThat(audited).contains("\"removal\":\"EXTRADITED\"").contains("\"removal\":\"DEPORTED\"")
                .contains("\"date\":\"2024-02-05\"").contains("\"respected\":\"false\"");

        // refused by pointer, nothing changed: the removal a follow-up depends on, a correction that breaks the sequence,
        // a removal without a reason
        var needed = call("POST", "/api/v1/refoulement-cases/" + id + "/events/" + removal + "/removal", lawyer,
                "{\"reason\": \"Entered on the wrong case\"}", "ru");
        assertThat(pointers(needed)).containsExactly("/eventId");
        assertThat(needed.body()).contains("Мониторингу после возвращения");
        assertThat(pointers(call("PUT", "/api/v1/refoulement-cases/" + id + "/events/" + removal, lawyer,
                "{\"kind\": \"RELEASE\", \"date\": \"2024-03-01\", \"removal\": \"DEPORTED\"}"))).containsExactly("/removal");
        assertThat(pointers(call("PUT", "/api/v1/refoulement-cases/" + id + "/events/" + removal, lawyer,
                "{\"kind\": \"RELEASE\", \"date\": \"2024-03-01\"}"))).containsExactly("/kind");
        assertThat(pointers(call("POST", "/api/v1/refoulement-cases/" + id + "/events/" + followUp + "/removal", lawyer,
                "{\"reason\": \"  \"}"))).containsExactly("/reason");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refoulement_event WHERE case_id = ? AND removed_at IS NULL", Long.class, id)).isEqualTo(3);

        // the follow-up, then the removal go with their reasons: kept, no longer counted; the outcome is pending again
        ok(call("POST", "/api/v1/refoulement-cases/" + id + "/events/" + followUp + "/removal", lawyer, "{\"reason\": \"Another person\"}"));
        JsonNode afterRemoval = json.readTree(ok(call("POST", "/api/v1/refoulement-cases/" + id + "/events/" + removal + "/removal", lawyer,
                "{\"reason\": \"Entered on the wrong case\"}")).body());
        assertThat(afterRemoval.get("outcome").asString()).isEqualTo("PENDING");
        assertThat(afterRemoval.get("events")).hasSize(1);
        assertThat(afterRemoval.get("removedEvents")).hasSize(2);
        assertThat(afterRemoval.get("removedEvents").get(0).get("reason").asString()).isEqualTo("Entered on the wrong case");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'refoulement-case.event-removed' AND record_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(2);
        assertThat(ids(call("GET", "/api/v1/refoulement-cases?outcome=PENDING&requestingState=" + state, lawyer, null))).containsExactly(id);
        // a removed event cannot be corrected or removed again
        assertThat(call("PUT", "/api/v1/refoulement-cases/" + id + "/events/" + removal, lawyer,
                "{\"kind\": \"REMOVAL\", \"date\": \"2024-03-01\", \"removal\": \"DEPORTED\"}").statusCode()).isEqualTo(404);

        // refusals: another organisation (404, audited), an analyst (403)
        assertThat(call("PUT", "/api/v1/refoulement-cases/" + id + "/events/" + interim, elsewhere,
                "{\"kind\": \"INTERIM_MEASURES\", \"date\": \"2024-02-06\", \"committee\": \"HRC\"}").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/refoulement-cases/" + id + "/events/" + interim + "/removal", elsewhere,
                "{\"reason\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/refoulement-cases/" + id + "/events/" + interim + "/removal", analyst,
                "{\"reason\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT committee FROM refoulement_event WHERE id = ?", String.class, interim)).isEqualTo("CAT");
        assertThat(jdbc.queryForObject("SELECT removed_at IS NULL FROM refoulement_event WHERE id = ?", Boolean.class, interim)).isTrue();
    }

    private HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private long opened(String token, String state) throws Exception {
        long person = person(token, "Person " + state + System.nanoTime());
        var response = call("POST", "/api/v1/refoulement-cases", token,
                "{\"personId\": %d, \"nationality\": \"Kyrgyzstan\", \"requestingState\": \"%s\", \"legalBasis\": \"EXTRADITION_REQUEST\"}".formatted(person, state));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private static List<String> counts(JsonNode list) {
        var lines = new ArrayList<String>();
        list.forEach(f -> lines.add(f.get("key").asString() + " " + f.get("count").asLong()));
        return lines;
    }

    private JsonNode event(long id, String body) throws Exception {
        return event(lawyer, id, body);
    }

    private JsonNode event(String token, long id, String body) throws Exception {
        var response = call("POST", "/api/v1/refoulement-cases/" + id + "/events", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private List<Long> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        json.readTree(page.body()).get("cases").forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }
}
