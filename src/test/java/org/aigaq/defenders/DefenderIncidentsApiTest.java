package org.aigaq.defenders;

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
 * Threats to defenders over the API: recording and reading (names only for the organisation's case workers), the
 * list's filters, the period figures on hand-computed data with the previous period, mistakes by JSON pointer in
 * Russian, and refusals for another organisation and for roles that do not record.
 */
class DefenderIncidentsApiTest extends ApiTestCase {

    private String documenter;
    private String analyst;
    private String viewer;
    private String elsewhere;

    @BeforeEach
    void accounts() {
        documenter = token(accounts.create(Role.DOCUMENTER, true).id());
        analyst = token(accounts.create(Role.ANALYST, false).id());
        viewer = token(accounts.create(Role.VIEWER, false).id());
        elsewhere = token(accounts.createElsewhere(Role.DOCUMENTER).id());
    }

    @Test
    void aDocumenterRecordsAReprisalAndOnlyTheOrganisationsCaseWorkersSeeTheName() throws Exception {
        long person = person(documenter, "Айгерим Нурланова");
        var created = call("POST", "/api/v1/defender-incidents", documenter, """
                {"date": {"date": "2024-05-02", "precision": "EXACT"}, "city": "Almaty", "region": "almaty",
                 "personId": %d, "targetGroup": "journalist", "threatTypes": ["threat", "surveillance"],
                 "perpetratorIdentified": true, "perpetratorKind": "STATE", "perpetratorDescription": "Police officers",
                 "unCooperation": true, "workDescription": "Sent a report to the Committee against Torture",
                 "complaintFiled": true, "response": "Complaint to the prosecutor", "responseOutcome": "No answer yet"}
                """.formatted(person));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).matches(".*/api/v1/defender-incidents/\\d+");
        long id = json.readTree(created.body()).get("id").asLong();

        JsonNode own = json.readTree(call("GET", "/api/v1/defender-incidents/" + id, documenter, null).body());
        assertThat(own.get("personName").asString()).isEqualTo("Айгерим Нурланова");
        assertThat(own.get("reprisal").asBoolean()).isTrue();
        assertThat(own.get("threatTypes").toString()).isEqualTo("[\"threat\",\"surveillance\"]");
        assertThat(own.get("changeable").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'defender-incident.recorded' AND record_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);

        var list = call("GET", "/api/v1/defender-incidents?reprisal=true&threatType=surveillance&region=almaty&targetGroup=journalist&from=2024-05-01&to=2024-05-31", documenter, null);
        assertThat(ids(list)).contains(id);
        assertThat(list.body()).doesNotContain("Айгерим").contains(own.get("pseudonym").asString());
        assertThat(ids(call("GET", "/api/v1/defender-incidents?threatType=killing&from=2024-05-01&to=2024-05-31", documenter, null))).doesNotContain(id);
        assertThat(ids(call("GET", "/api/v1/defender-incidents?reprisal=false&from=2024-05-01&to=2024-05-31", documenter, null))).doesNotContain(id);

        JsonNode asAnalyst = json.readTree(call("GET", "/api/v1/defender-incidents/" + id, analyst, null).body());
        assertThat(asAnalyst.get("personName").isNull()).isTrue();
        assertThat(asAnalyst.get("pseudonym").asString()).isEqualTo(own.get("pseudonym").asString());

        var changed = call("PUT", "/api/v1/defender-incidents/" + id, documenter, """
                {"date": {"date": "2024-05-02", "precision": "EXACT"}, "personId": %d, "targetGroup": "journalist",
                 "threatTypes": ["physical-attack"], "investigationOpened": true}""".formatted(person));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("threatTypes").toString()).isEqualTo("[\"physical-attack\"]");

        // another organisation sees nothing, cannot change it, and the refusal is audited; an analyst does not record
        assertThat(call("GET", "/api/v1/defender-incidents/" + id, elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(ids(call("GET", "/api/v1/defender-incidents?from=2024-05-01&to=2024-05-31", elsewhere, null))).doesNotContain(id);
        assertThat(call("PUT", "/api/v1/defender-incidents/" + id, elsewhere, changedBody(person)).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'access.refused' AND record_id = ? AND record_type = 'defender_incident'",
                Long.class, String.valueOf(id))).isGreaterThanOrEqualTo(2);
        assertThat(call("POST", "/api/v1/defender-incidents", analyst, changedBody(person)).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/defender-incidents/" + id, viewer, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/defender-incidents/figures?from=2024-01-01&to=2024-12-31", viewer, null).statusCode()).isEqualTo(403);
    }

    @Test
    void everyMistakeIsNamedByItsJsonPointerInRussian() throws Exception {
        long person = person(documenter, "Ерлан Ахметов");
        var response = call("POST", "/api/v1/defender-incidents", documenter, """
                {"date": {"date": "2999-01-01", "precision": "EXACT"}, "region": "atlantis", "targetGroup": "astronaut",
                 "threatTypes": ["threat", "nonsense"], "personId": %d, "groupDescription": "Editorial staff",
                 "city": "%s"}""".formatted(person, "x".repeat(201)), "ru");
        assertThat(pointers(response)).containsExactlyInAnyOrder("/date", "/region", "/targetGroup", "/threatTypes/1",
                "/groupDescription", "/city");
        assertThat(response.body()).contains("Дата в будущем").contains("либо человека, либо группу");

        var empty = call("POST", "/api/v1/defender-incidents", documenter, "{}", "ru");
        assertThat(pointers(empty)).containsExactlyInAnyOrder("/date", "/personId", "/targetGroup", "/threatTypes");
        assertThat(empty.body()).contains("Выберите хотя бы один вид угрозы.");

        var otherPerson = call("POST", "/api/v1/defender-incidents", elsewhere, changedBody(person), "ru");
        assertThat(pointers(otherPerson)).containsExactly("/personId");

        var badPeriod = call("GET", "/api/v1/defender-incidents/figures?from=2024-02-01&to=2024-01-01", analyst, null, "ru");
        assertThat(pointers(badPeriod)).containsExactly("/to");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM defender_incident WHERE person_id = ?", Long.class, person)).isZero();
    }

    @Test
    void figuresCompareThePeriodWithThePreviousOne() throws Exception {
        long a = person(documenter, "Дана Серикова");
        long b = person(documenter, "Марат Жумабаев");
        // three whole months, January–March 2001; the previous period is October–December 2000
        incident(a, null, "2001-01-15", "Almaty", "almaty", "journalist", "[\"threat\", \"surveillance\"]", true);
        incident(a, null, "2001-02-01", "almaty", "almaty", "journalist", "[\"physical-attack\"]", false);
        incident(null, "Editorial staff of a newspaper", "2001-01-12", "Astana", "astana", "activist", "[\"judicial-harassment\", \"threat\"]", false);
        incident(b, null, "2001-03-31", "Shymkent", "shymkent", "lawyer", "[\"killing\"]", false);
        incident(b, null, "2000-10-01", "Almaty", "almaty", "lawyer", "[\"threat\"]", false);
        incident(b, null, "2000-09-30", "Almaty", "almaty", "lawyer", "[\"killing\"]", false);

        var response = call("GET", "/api/v1/defender-incidents/figures?from=2001-01-01&to=2001-03-31&ours=true", analyst, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode f = json.readTree(response.body());
        assertThat(f.get("previousPeriod").get("from").asString()).isEqualTo("2000-10-01");
        assertThat(f.get("previousPeriod").get("to").asString()).isEqualTo("2000-12-31");
        // people: A, B and the group; types: threat, surveillance, physical attack, judicial harassment, killing
        assertThat(figures(f.get("headline"))).containsExactly("people 3 1 2", "threat-types 5 1 4", "violent 2 0 2",
                "incidents 4 1 3", "cities 3 1 2", "regions 3 1 2", "reprisals 1 0 1");
        assertThat(figures(f.get("byRegion"))).containsExactly("almaty 2 1 1", "astana 1 0 1", "shymkent 1 0 1");
        assertThat(figures(f.get("byTargetGroup"))).containsExactly("journalist 2 0 2", "activist 1 0 1", "lawyer 1 1 0");
        assertThat(figures(f.get("byThreatType"))).containsExactly("threat 2 1 1", "judicial-harassment 1 0 1",
                "killing 1 0 1", "physical-attack 1 0 1", "surveillance 1 0 1");

        // ten days, not whole months: the ten days before
        JsonNode days = json.readTree(call("GET", "/api/v1/defender-incidents/figures?from=2001-01-10&to=2001-01-19&ours=true", analyst, null).body());
        assertThat(days.get("previousPeriod").get("from").asString()).isEqualTo("2000-12-31");
        assertThat(figures(days.get("headline")).getFirst()).isEqualTo("people 2 0 2");
        assertThat(ThreatFigures.previous(new ThreatFigures.Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))))
                .isEqualTo(new ThreatFigures.Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));

        // another organisation counts none of these
        JsonNode theirs = json.readTree(call("GET", "/api/v1/defender-incidents/figures?from=2001-01-01&to=2001-03-31&ours=true",
                token(accounts.createElsewhere(Role.ANALYST).id()), null).body());
        assertThat(figures(theirs.get("headline")).getFirst()).isEqualTo("people 0 0 0");
    }

    private static List<String> figures(JsonNode list) {
        var lines = new ArrayList<String>();
        list.forEach(f -> lines.add(f.get("key").asString() + " " + f.get("current").asLong() + " " + f.get("previous").asLong()
                + " " + f.get("change").asLong()));
        return lines;
    }

    private static String changedBody(long person) {
        return """
                {"date": {"date": "2024-05-02", "precision": "EXACT"}, "personId": %d, "targetGroup": "journalist",
                 "threatTypes": ["threat"]}""".formatted(person);
    }

    private void incident(Long person, String group, String date, String city, String region, String targetGroup,
                          String threats, boolean reprisal) throws Exception {
        var response = call("POST", "/api/v1/defender-incidents", documenter, """
                {"date": {"date": "%s", "precision": "EXACT"}, "city": "%s", "region": "%s", "personId": %s,
                 "groupDescription": %s, "targetGroup": "%s", "threatTypes": %s, "unCooperation": %b}"""
                .formatted(date, city, region, person, group == null ? "null" : "\"" + group + "\"", targetGroup, threats, reprisal));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private List<Long> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        json.readTree(page.body()).get("incidents").forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }
}
