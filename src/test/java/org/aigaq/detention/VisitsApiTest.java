package org.aigaq.detention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring visits and recommendations over the API, rule by rule: the approval's waiting time on hand-computed dates,
 * a refused urgent visit, the overdue responses, the chain of a repeated recommendation, who sees what (by role and
 * organisation, refusals audited), the public page that shows nothing unpublished and nobody, and bad input named by
 * JSON pointer in the caller's language.
 */
class VisitsApiTest extends ApiTestCase {

    @Autowired Users users;
    @Autowired AuditSearch audit;
    private TestAccounts.Account monitorAccount;
    private String monitor;
    private String coordinator;
    private String documenter;
    private String lawyer;
    private String analyst;
    private String viewer;
    private String otherMonitor;
    private long place;

    @BeforeEach
    void accounts() throws Exception {
        // Every test has an organisation of its own, so that its lists hold only what it recorded.
        monitorAccount = accounts.createAlone(Role.MONITOR);
        long organisation = monitorAccount.user().organisationId();
        monitor = token(monitorAccount.id());
        coordinator = token(colleague(organisation, Role.COORDINATOR));
        documenter = token(colleague(organisation, Role.DOCUMENTER));
        lawyer = token(colleague(organisation, Role.LAWYER));
        analyst = token(colleague(organisation, Role.ANALYST));
        viewer = token(colleague(organisation, Role.VIEWER));
        otherMonitor = token(accounts.createElsewhere(Role.MONITOR).id());
        // Codes are unique in the registry, which every test shares: each test's place has a code of its own.
        var response = call("POST", "/api/v1/places", monitor, """
                {"name": "Pre-trial detention centre no. 1", "officialCode": "ЛА-%d/1", "locationType": "police-station",
                 "region": "Almaty", "town": "Almaty"}""".formatted(System.nanoTime() % 1_000_000));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        place = json.readTree(response.body()).get("id").asLong();
    }

    @Test
    void theWaitingTimeRunsFromTheRequestToTheDecisionOrToToday() throws Exception {
        long refused = planUrgentVisit("2025-03-03");
        ok(call("POST", "/api/v1/visits/" + refused + "/approval-request", monitor,
                "{\"requestedOn\": \"2025-03-03\", \"requestedBy\": \"Commission chair\"}"));
        var decided = ok(call("POST", "/api/v1/visits/" + refused + "/approval-decision", monitor, """
                {"decision": "REFUSED", "decidedOn": "2025-03-24", "decidedBy": "Ombudsman's office",
                 "reason": "The complaint is already being examined by the prosecutor."}"""));
        // 3 March to 24 March 2025: 28 + 24 - 3 - 28 = 21 days.
        assertThat(decided.get("approval").get("waitingDays").asInt()).isEqualTo(21);
        assertThat(decided.get("status").asString()).isEqualTo("REFUSED");

        long pending = planUrgentVisit(LocalDate.now().toString());
        ok(call("POST", "/api/v1/visits/" + pending + "/approval-request", monitor,
                "{\"requestedOn\": \"" + LocalDate.now().minusDays(10) + "\"}"));
        var waiting = ok(call("GET", "/api/v1/visits/" + pending, monitor, null)).get("visit");
        assertThat(waiting.get("approval").get("waitingDays").asInt()).isEqualTo(10);
        assertThat(waiting.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(waiting.get("approval").get("decision").isNull()).isTrue();

        long granted = planUrgentVisit("2025-06-02");
        ok(call("POST", "/api/v1/visits/" + granted + "/approval-request", monitor, "{\"requestedOn\": \"2025-05-30\"}"));
        var approved = ok(call("POST", "/api/v1/visits/" + granted + "/approval-decision", monitor,
                "{\"decision\": \"GRANTED\", \"decidedOn\": \"2025-06-02\"}"));
        assertThat(approved.get("approval").get("waitingDays").asInt()).isEqualTo(3);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aRefusedUrgentVisitIsNotMadeAndItsRefusalNeedsAReason() throws Exception {
        long visit = planUrgentVisit("2025-04-01");
        ok(call("POST", "/api/v1/visits/" + visit + "/approval-request", monitor, "{\"requestedOn\": \"2025-04-01\"}"));
        var noReason = call("POST", "/api/v1/visits/" + visit + "/approval-decision", monitor,
                "{\"decision\": \"REFUSED\", \"decidedOn\": \"2025-03-31\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(pointers(noReason)).containsExactly("/decidedOn", "/reason");
        ok(call("POST", "/api/v1/visits/" + visit + "/approval-decision", monitor,
                "{\"decision\": \"REFUSED\", \"decidedOn\": \"2025-04-09\", \"reason\": \"No grounds for a special visit.\"}"));
        var made = call("POST", "/api/v1/visits/" + visit + "/outcome", monitor, "{\"startedOn\": \"2025-04-10\"}");
        assertThat(pointers(made)).containsExactly("/status");
        var decidedAgain = call("POST", "/api/v1/visits/" + visit + "/approval-decision", monitor,
                "{\"decision\": \"GRANTED\", \"decidedOn\": \"2025-04-10\"}");
        assertThat(pointers(decidedAgain)).containsExactly("/status");
        // Being turned away at the gate is recorded on the refused visit all the same.
        var gate = call("POST", "/api/v1/visits/" + visit + "/obstructions", monitor,
                "{\"occurredOn\": \"2025-04-10\", \"kind\": \"denied-at-gate\", \"description\": \"Guards refused entry.\"}");
        assertThat(gate.statusCode()).as(gate.body()).isEqualTo(201);
        var refused = ok(call("GET", "/api/v1/visits?decision=REFUSED&visitType=urgent", monitor, null));
        assertThat(ids(refused.get("visits"))).containsExactly(visit);
        assertThat(ok(call("GET", "/api/v1/visits/" + visit, monitor, null)).get("obstructions").get(0).get("kind").asString())
                .isEqualTo("denied-at-gate");
    }

    @Test
    void overdueResponsesAreThoseDueAndUnanswered_longestOverdueFirst() throws Exception {
        long visit = planUrgentVisit("2024-01-10");
        long late = recommend(visit, null, "2024-01-15", "2024-03-01");
        long later = recommend(null, null, "2024-01-15", "2024-02-01");
        long answered = recommend(visit, null, "2024-01-15", "2024-02-15");
        recommend(visit, null, "2024-01-15", LocalDate.now().plusDays(30).toString());
        recommend(visit, null, "2024-01-15", null);
        assertThat(call("POST", "/api/v1/recommendations/" + answered + "/responses", monitor,
                "{\"receivedOn\": \"2024-04-01\", \"text\": \"Repairs are planned for next year.\"}").statusCode()).isEqualTo(201);

        var first = ok(call("GET", "/api/v1/recommendations?overdue=true&size=1", monitor, null));
        assertThat(ids(first.get("recommendations"))).containsExactly(later);
        var second = ok(call("GET", "/api/v1/recommendations?overdue=true&size=1&after="
                + first.get("nextAfter").asString(), coordinator, null));
        assertThat(ids(second.get("recommendations"))).containsExactly(late);
        assertThat(second.get("nextAfter").isNull()).isTrue();
        assertThat(ids(ok(call("GET", "/api/v1/recommendations?size=500", monitor, null)).get("recommendations"))).hasSize(5);
        // Another organisation's monitor has no overdue response of ours.
        assertThat(ids(ok(call("GET", "/api/v1/recommendations?overdue=true&size=500", otherMonitor, null)).get("recommendations")))
                .doesNotContain(late, later);
    }

    @Test
    void aRepeatedRecommendationShowsItsChain() throws Exception {
        long first = recommend(planUrgentVisit("2023-05-10"), null, "2023-05-20", "2023-08-20");
        long second = recommend(planUrgentVisit("2024-05-10"), first, "2024-05-20", "2024-08-20");
        long third = recommend(planUrgentVisit("2025-05-10"), second, "2025-05-20", null);

        var history = ok(call("GET", "/api/v1/recommendations/" + third, monitor, null));
        assertThat(ids(history.get("earlier"))).containsExactly(first, second);
        assertThat(history.get("later").size()).isZero();
        var oldest = ok(call("GET", "/api/v1/recommendations/" + first, analyst, null));
        assertThat(ids(oldest.get("later"))).containsExactly(second, third);

        var backwards = call("POST", "/api/v1/recommendations", monitor, """
                {"repeatsId": %d, "authority": "Penal service", "text": "Repeat", "madeOn": "2025-01-01"}""".formatted(third));
        assertThat(pointers(backwards)).containsExactly("/madeOn");
        var someoneElses = call("POST", "/api/v1/recommendations", otherMonitor, """
                {"repeatsId": %d, "authority": "Penal service", "text": "Repeat", "madeOn": "2025-06-01"}""".formatted(third));
        assertThat(pointers(someoneElses)).containsExactly("/repeatsId");
    }

    @Test
    void theOrganisationsCaseWorkersReadVisits_analystsWithoutPeople_othersNothing() throws Exception {
        long visit = planUrgentVisit("2025-02-01");
        ok(call("PUT", "/api/v1/visits/" + visit, monitor, """
                {"placeId": %d, "body": "npm", "visitType": "urgent", "plannedFrom": "2025-02-01",
                 "teamUserIds": [%d], "outsideMembers": ["Гүлнар Сейітқызы Әлиева"]}""".formatted(place, monitorAccount.id())));
        var interviewee = call("POST", "/api/v1/visits/" + visit + "/interviewees", monitor, "{\"name\": \"Қайрат Бекұлы Нұрланов\"}");
        assertThat(interviewee.statusCode()).as(interviewee.body()).isEqualTo(201);

        for (String reader : List.of(monitor, coordinator, documenter, lawyer)) {
            var file = ok(call("GET", "/api/v1/visits/" + visit, reader, null));
            assertThat(file.get("peopleShown").asBoolean()).isTrue();
            assertThat(file.toString()).contains("Гүлнар Сейітқызы Әлиева").contains("Қайрат Бекұлы Нұрланов");
        }
        var seenByAnalyst = call("GET", "/api/v1/visits/" + visit, analyst, null);
        assertThat(seenByAnalyst.statusCode()).isEqualTo(200);
        assertThat(json.readTree(seenByAnalyst.body()).get("peopleShown").asBoolean()).isFalse();
        assertThat(seenByAnalyst.body()).doesNotContain("Әлиева").doesNotContain("Нұрланов").doesNotContain("P-");

        assertThat(call("GET", "/api/v1/visits/" + visit, otherMonitor, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/visits/" + visit + "/obstructions", otherMonitor,
                "{\"occurredOn\": \"2025-02-01\", \"kind\": \"time-limits\"}").statusCode()).isEqualTo(404);
        assertThat(ids(ok(call("GET", "/api/v1/visits?size=500", otherMonitor, null)).get("visits"))).doesNotContain(visit);
        assertThat(audit.search(new AuditSearch.Filter(null, "access.refused", "visit", String.valueOf(visit), null, null), null, 5)
                .entries()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(call("GET", "/api/v1/visits/" + visit, viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/visits/" + visit + "/findings", documenter,
                "{\"theme\": \"conditions\", \"text\": \"Cold cells\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/visits/" + visit + "/findings", analyst,
                "{\"theme\": \"conditions\", \"text\": \"Cold cells\"}").statusCode()).isEqualTo(403);
        // Reading a visit with its people is audited; so was every change.
        assertThat(audit.search(new AuditSearch.Filter(null, "read", "visit", String.valueOf(visit), null, null), null, 10)
                .entries()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(audit.search(new AuditSearch.Filter(null, "visit.changed", "visit", String.valueOf(visit), null, null), null, 5)
                .entries()).hasSize(1);
        // Names are nowhere in clear: the outside member is encrypted here, the person interviewed in documentation.
        for (String table : List.of("visit", "visit_team_member", "visit_interviewee", "person", "audit_entry")) {
            assertThat(String.join("\n", jdbc.queryForList("SELECT t::text FROM \"" + table + "\" t", String.class)))
                    .as(table).doesNotContain("Әлиева").doesNotContain("Нұрланов");
        }
    }

    @Test
    void findingsOpenAllegationsAndOnlyReadableCasesCanBeLinked() throws Exception {
        long visit = planUrgentVisit("2025-02-01");
        var finding = call("POST", "/api/v1/visits/" + visit + "/findings", monitor,
                "{\"theme\": \"violence\", \"text\": \"Detainees in cell 4 described beatings on arrival.\"}");
        assertThat(finding.statusCode()).as(finding.body()).isEqualTo(201);
        long findingId = json.readTree(finding.body()).get("id").asLong();
        var opened = call("POST", "/api/v1/findings/" + findingId + "/allegations", monitor, "{\"title\": \"Beatings on arrival, cell 4\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long event = json.readTree(opened.body()).get("eventId").asLong();
        var caseFile = ok(call("GET", "/api/v1/events/" + event, monitor, null));
        assertThat(caseFile.get("event").get("placeId").asLong()).isEqualTo(place);
        assertThat(caseFile.get("event").get("sharing").asString()).isEqualTo("ORGANISATION");
        var linked = ok(call("GET", "/api/v1/visits/" + visit, analyst, null)).get("findings").get(0).get("allegations");
        assertThat(linked.get(0).get("eventId").asLong()).isEqualTo(event);

        var elsewhere = call("POST", "/api/v1/events", otherMonitor, "{\"title\": \"Another organisation's case\", \"sharing\": \"ORGANISATION\"}");
        long foreign = json.readTree(elsewhere.body()).get("id").asLong();
        var refused = call("POST", "/api/v1/findings/" + findingId + "/allegations", monitor, "{\"eventId\": " + foreign + "}");
        assertThat(pointers(refused)).containsExactly("/eventId");
        assertThat(audit.search(new AuditSearch.Filter(null, "access.refused", "event", String.valueOf(foreign), null, null), null, 5)
                .entries()).isNotEmpty();
    }

    @Test
    void thePublicPageShowsOnlyWhatWasPublishedAndNobody() throws Exception {
        long visit = planUrgentVisit("2025-02-01");
        ok(call("PUT", "/api/v1/visits/" + visit, monitor, """
                {"placeId": %d, "body": "npm", "visitType": "urgent", "plannedFrom": "2025-02-01",
                 "outsideMembers": ["Әлия Серікқызы Жүнісова"]}""".formatted(place)));
        ok(call("POST", "/api/v1/visits/" + visit + "/outcome", monitor,
                "{\"startedOn\": \"2025-02-01\", \"endedOn\": \"2025-02-02\", \"detaineesInterviewed\": 12, \"staffInterviewed\": 3}"));
        call("POST", "/api/v1/visits/" + visit + "/interviewees", monitor, "{\"name\": \"Ерлан Маратұлы Қасымов\"}");
        call("POST", "/api/v1/visits/" + visit + "/findings", monitor, "{\"theme\": \"health-care\", \"text\": \"No doctor on duty at night.\"}");
        long published = recommend(visit, null, "2025-02-10", "2025-05-10");
        ok(call("PUT", "/api/v1/recommendations/" + published + "/status", monitor, "{\"status\": \"PARTLY_IMPLEMENTED\", \"published\": true}"));
        call("POST", "/api/v1/recommendations", monitor, """
                {"visitId": %d, "authority": "Prison governor", "text": "Internal matter kept out of the report", "madeOn": "2025-02-10"}"""
                .formatted(visit));

        assertThat(anonymous("/public/visit-reports/" + visit).statusCode()).isEqualTo(404);
        var noDate = call("PUT", "/api/v1/visits/" + visit + "/report", monitor, "{\"isPublic\": true}");
        assertThat(pointers(noDate)).containsExactly("/publishedOn");
        ok(call("PUT", "/api/v1/visits/" + visit + "/report", monitor,
                "{\"publishedOn\": \"2025-03-01\", \"reference\": \"https://example.org/npm/2025/03\", \"isPublic\": true}"));

        var page = anonymous("/public/visit-reports/" + visit);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pre-trial detention centre no. 1").contains("No doctor on duty at night.")
                .contains("Improve the supply of drinking water").contains("https://example.org/npm/2025/03")
                .doesNotContain("Internal matter kept out of the report")
                .doesNotContain("Қасымов").doesNotContain("Жүнісова").doesNotContain("P-20").doesNotContain(">12<");
        ok(call("PUT", "/api/v1/visits/" + visit + "/report", monitor, "{\"publishedOn\": \"2025-03-01\", \"isPublic\": false}"));
        assertThat(anonymous("/public/visit-reports/" + visit).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsNamedByJsonPointerInTheCallersLanguage() throws Exception {
        var empty = call("POST", "/api/v1/visits", monitor, "{}", "ru");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(pointers(empty)).containsExactly("/placeId", "/body", "/visitType", "/plannedFrom");
        assertThat(json.readTree(empty.body()).get("errors").get(0).get("message").asString()).isEqualTo("Это поле обязательно.");

        var wrong = call("POST", "/api/v1/visits", monitor, """
                {"placeId": 99999999, "body": "police", "visitType": "urgent", "plannedFrom": "2025-02-10",
                 "plannedTo": "2025-02-01", "teamUserIds": [99999999], "outsideMembers": ["%s"]}""".formatted("x".repeat(301)), "ru");
        assertThat(pointers(wrong)).containsExactly("/placeId", "/body", "/plannedTo", "/teamUserIds/0", "/outsideMembers/0");
        var messages = json.readTree(wrong.body()).get("errors");
        assertThat(messages.get(0).get("message").asString()).isEqualTo("Выберите место из реестра.");
        assertThat(messages.get(2).get("message").asString()).isEqualTo("Дата раньше 2025-02-10.");

        long visit = planUrgentVisit("2025-02-01");
        var future = call("POST", "/api/v1/visits/" + visit + "/obstructions", monitor,
                "{\"occurredOn\": \"" + LocalDate.now().plusDays(2) + "\", \"kind\": \"locked-out\"}", "ru");
        assertThat(pointers(future)).containsExactly("/occurredOn", "/kind");
        assertThat(json.readTree(future.body()).get("errors").get(0).get("message").asString()).isEqualTo("Дата в будущем.");
        var negative = call("POST", "/api/v1/visits/" + visit + "/outcome", monitor,
                "{\"startedOn\": \"2025-02-01\", \"detaineesInterviewed\": -1}", "en");
        assertThat(pointers(negative)).containsExactly("/detaineesInterviewed");
        var notADate = call("POST", "/api/v1/visits/" + visit + "/approval-request", monitor, "{\"requestedOn\": \"yesterday\"}", "en");
        assertThat(pointers(notADate)).containsExactly("/requestedOn");
        var noText = call("POST", "/api/v1/recommendations", monitor, "{\"visitId\": " + visit + ", \"madeOn\": \"2025-02-01\", "
                + "\"responseDueOn\": \"2025-01-01\"}", "kk");
        assertThat(pointers(noText)).containsExactly("/authority", "/text", "/responseDueOn");
        // Nothing half-written: the refused plan left no visit behind.
        assertThat(ids(ok(call("GET", "/api/v1/visits?size=500", monitor, null)).get("visits"))).containsExactly(visit);
    }

    private long planUrgentVisit(String plannedFrom) throws Exception {
        var response = call("POST", "/api/v1/visits", monitor, """
                {"placeId": %d, "body": "npm", "visitType": "urgent", "announced": false, "crossRegional": false,
                 "plannedFrom": "%s", "purpose": "Complaint of beatings received from a relative"}""".formatted(place, plannedFrom));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var visit = json.readTree(response.body());
        assertThat(visit.get("status").asString()).isEqualTo("PLANNED");
        return visit.get("id").asLong();
    }

    private long recommend(Long visit, Long repeats, String madeOn, String dueOn) throws Exception {
        var response = call("POST", "/api/v1/recommendations", monitor, """
                {"visitId": %s, "repeatsId": %s, "authority": "Penal service of the Ministry of Internal Affairs",
                 "text": "Improve the supply of drinking water", "madeOn": "%s", "responseDueOn": %s}"""
                .formatted(visit, repeats, madeOn, dueOn == null ? "null" : "\"" + dueOn + "\""));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private long colleague(long organisation, Role role) {
        return users.create(role.name().toLowerCase() + "-" + System.nanoTime() % 1_000_000, "Colleague " + role, organisation,
                java.util.Set.of(role), TestAccounts.PASSWORD, false).id();
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

    private HttpResponse<String> anonymous(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
