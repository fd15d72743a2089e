package org.aigaq.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.aigaq.platform.accounts.Organisations;
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
 * Recording an allegation through the API, and who sees what: the owning organisation's case workers see identities,
 * other organisations see a coalition-shared case under pseudonyms and never an organisation-only one, a lawyer given
 * access sees the identities of that case, viewers see only published cases. Identities are never stored in clear.
 */
class DocumentationApiTest extends ApiTestCase {

    @Autowired Organisations organisations;
    @Autowired Users users;
    @Autowired AuditSearch audit;
    private String documenter;
    private String coordinator;
    private String otherOrganisationsDocumenter;
    private String otherLawyer;
    private String otherLawyerName;
    private String analyst;
    private String viewer;

    @BeforeEach
    void accounts() {
        documenter = token(accounts.create(Role.DOCUMENTER, true).id());
        coordinator = token(accounts.create(Role.COORDINATOR, true).id());
        analyst = token(accounts.create(Role.ANALYST, false).id());
        viewer = token(accounts.create(Role.VIEWER, false).id());
        long other = organisations.all().stream().filter(o -> o.name().equals("Other organisation")).findFirst()
                .orElseGet(() -> organisations.create("Other organisation", null)).id();
        var otherDocumenter = users.create("other-doc-" + System.nanoTime() % 100000, "Other documenter", other,
                java.util.Set.of(Role.DOCUMENTER), TestAccounts.PASSWORD, false);
        otherOrganisationsDocumenter = token(otherDocumenter.id());
        otherLawyerName = "other-lawyer-" + System.nanoTime() % 100000;
        otherLawyer = token(users.create(otherLawyerName, "Other lawyer", other, java.util.Set.of(Role.LAWYER),
                TestAccounts.PASSWORD, false).id());
    }

    @Test
    void aDocumenterRecordsAWholeAllegation() throws Exception {
        long event = recordEvent(documenter, "ORGANISATION");
        long victim = recordPerson(documenter, "Ержан Тұрсынұлы Сәрсенбаев");
        var act = call("POST", "/api/v1/events/" + event + "/acts", documenter, """
                {"victimId": %d, "actType": "torture", "initial": {"date": "2024-03-17", "precision": "EXACT"},
                 "locationType": "police-station", "methods": ["beating"], "ageAtTime": 34}""".formatted(victim));
        assertThat(act.statusCode()).as(act.body()).isEqualTo(201);
        long actId = json.readTree(act.body()).get("id").asLong();
        assertThat(call("POST", "/api/v1/acts/" + actId + "/involvements", documenter,
                "{\"degree\": \"" + firstTerm("involvement-degree") + "\", \"agency\": \"" + firstTerm("agency")
                        + "\", \"unit\": \"Criminal police, 2nd division\", \"rankRole\": \"senior lieutenant\"}").statusCode())
                .isEqualTo(201);
        assertThat(call("POST", "/api/v1/events/" + event + "/interventions", documenter,
                "{\"interventionType\": \"" + firstTerm("intervention-type") + "\", \"date\": {\"date\": \"2024-03-20\", \"precision\": \"EXACT\"}}")
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/events/" + event + "/information", documenter,
                "{\"reliability\": \"" + firstTerm("reliability") + "\", \"summary\": \"Account given by the victim's sister.\"}")
                .statusCode()).isEqualTo(201);

        JsonNode file = json.readTree(call("GET", "/api/v1/events/" + event, documenter, null).body());
        assertThat(file.get("acts").size()).isEqualTo(1);
        assertThat(file.get("involvements").get(0).get("unit").asString()).isEqualTo("Criminal police, 2nd division");
        assertThat(file.get("people").get(String.valueOf(victim)).get("identity").get("name").asString())
                .isEqualTo("Ержан Тұрсынұлы Сәрсенбаев");
        assertThat(file.get("event").get("recordNumber").asString()).matches("E-\\d{4}-\\d{4,}");
    }

    @Test
    void identitiesAreEncryptedAtRest() throws Exception {
        String name = "Жанар Бекмұхамбетқызы Оспанова";
        long person = recordPerson(documenter, name);
        long event = recordEvent(documenter, "ORGANISATION");
        call("POST", "/api/v1/events/" + event + "/acts", documenter, "{\"victimId\": %d, \"actType\": \"torture\"}".formatted(person));
        call("PUT", "/api/v1/people/" + person, documenter, """
                {"identity": {"name": "%s", "otherNames": ["Zhanar Ospanova"], "contacts": "+7 701 555 0173",
                 "address": "Абай даңғылы 15, Алматы", "dateOfBirth": "1990-05-04"}}""".formatted(name));
        assertThat(call("GET", "/api/v1/people/" + person, documenter, null).body()).contains("Zhanar Ospanova");
        // A dump of every table of the database, as text, holds none of it.
        var tables = jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class);
        assertThat(tables).contains("person", "audit_entry", "event", "act");
        for (String table : tables) {
            var dump = jdbc.queryForList("SELECT t::text FROM \"" + table + "\" t", String.class);
            assertThat(String.join("\n", dump)).as(table)
                    .doesNotContain("Оспанова").doesNotContain("Бекмұхамбетқызы").doesNotContain("Zhanar Ospanova")
                    .doesNotContain("555 0173").doesNotContain("Абай даңғылы").doesNotContain("1990-05-04");
        }
    }

    @Test
    void anOrganisationOnlyCaseIsInvisibleToOtherOrganisationsAndTheRefusalIsAudited() throws Exception {
        long event = recordEvent(documenter, "ORGANISATION");
        assertThat(call("GET", "/api/v1/events/" + event, otherOrganisationsDocumenter, null).statusCode()).isEqualTo(404);
        assertThat(ids(call("GET", "/api/v1/events?size=500", otherOrganisationsDocumenter, null))).doesNotContain(event);
        assertThat(audit.search(new AuditSearch.Filter(null, "access.refused", "event", String.valueOf(event), null, null), null, 5)
                .entries()).isNotEmpty();
        assertThat(call("POST", "/api/v1/events/" + event + "/acts", otherOrganisationsDocumenter,
                "{\"victimId\": 1, \"actType\": \"torture\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aCoalitionCaseShowsPseudonymsToOtherOrganisationsAndAnalysts() throws Exception {
        long event = recordEvent(documenter, "COALITION");
        long victim = recordPerson(documenter, "Асель Нұрланқызы");
        call("POST", "/api/v1/events/" + event + "/acts", documenter,
                "{\"victimId\": %d, \"actType\": \"torture\"}".formatted(victim));
        for (String token : new String[] {otherOrganisationsDocumenter, analyst}) {
            var file = call("GET", "/api/v1/events/" + event, token, null);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).doesNotContain("Асель").contains("P-");
            assertThat(json.readTree(file.body()).get("people").get(String.valueOf(victim)).get("identity").isNull()).isTrue();
            assertThat(call("GET", "/api/v1/people/" + victim, token, null).body()).doesNotContain("Асель");
        }
        assertThat(call("PUT", "/api/v1/events/" + event, otherOrganisationsDocumenter,
                "{\"title\": \"Taken over\", \"sharing\": \"COALITION\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aLawyerGivenAccessSeesTheIdentitiesOfThatCaseOnly() throws Exception {
        long event = recordEvent(coordinator, "ORGANISATION");
        long victim = recordPerson(coordinator, "Мұрат Қайратұлы");
        call("POST", "/api/v1/events/" + event + "/acts", coordinator, "{\"victimId\": %d, \"actType\": \"torture\"}".formatted(victim));
        assertThat(call("GET", "/api/v1/events/" + event, otherLawyer, null).statusCode()).isEqualTo(404);
        var unknown = call("POST", "/api/v1/events/" + event + "/access", coordinator, "{\"username\": \"nobody-at-all\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/events/" + event + "/access", documenter, "{\"username\": \"" + otherLawyerName + "\"}")
                .statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/events/" + event + "/access", coordinator, "{\"username\": \"" + otherLawyerName + "\"}")
                .statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/events/" + event, otherLawyer, null).body()).contains("Мұрат Қайратұлы");
        // The coordinator sees on the case page who was given access, and withdraws it.
        String page = call("GET", "/events/" + event, coordinator, null).body();
        assertThat(page).contains("id=\"grants\"").contains(otherLawyerName).contains("Withdraw access");
        long lawyerId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, otherLawyerName);
        assertThat(call("DELETE", "/api/v1/events/" + event + "/access/" + lawyerId, coordinator, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/events/" + event, otherLawyer, null).statusCode()).isEqualTo(404);
    }

    @Test
    void viewersSeeOnlyPublishedCases() throws Exception {
        long hidden = recordEvent(documenter, "COALITION");
        long published = recordEvent(documenter, "PUBLIC");
        assertThat(call("GET", "/api/v1/events/" + hidden, viewer, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/events/" + published, viewer, null).statusCode()).isEqualTo(200);
        assertThat(ids(call("GET", "/api/v1/events?size=500", viewer, null))).contains(published).doesNotContain(hidden);
    }

    @Test
    void badInputNamesTheField() throws Exception {
        var noTitle = json.readTree(call("POST", "/api/v1/events", documenter, "{\"sharing\": \"ORGANISATION\"}").body());
        assertThat(noTitle.get("errors").get(0).get("pointer").asString()).isEqualTo("/title");
        var unknownTerm = json.readTree(call("POST", "/api/v1/events", documenter,
                "{\"title\": \"T\", \"sharing\": \"ORGANISATION\", \"violationStatus\": \"definitely\"}").body());
        assertThat(unknownTerm.get("errors").get(0).get("pointer").asString()).isEqualTo("/violationStatus");
        var backwards = json.readTree(call("POST", "/api/v1/events", documenter, """
                {"title": "T", "sharing": "ORGANISATION", "initial": {"date": "2024-05-01", "precision": "EXACT"},
                 "end": {"date": "2024-04-01", "precision": "EXACT"}}""").body());
        assertThat(backwards.get("errors").get(0).get("pointer").asString()).isEqualTo("/endDate");
        var wrongType = call("POST", "/api/v1/events", documenter, "{\"title\": \"T\", \"sharing\": \"EVERYONE\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        var noName = json.readTree(call("POST", "/api/v1/people", documenter, "{\"identity\": {\"name\": \" \"}}").body());
        assertThat(noName.get("errors").get(0).get("pointer").asString()).isEqualTo("/identity/name");
        long event = recordEvent(documenter, "ORGANISATION");
        var noVictim = json.readTree(call("POST", "/api/v1/events/" + event + "/acts", documenter, "{\"actType\": \"torture\"}").body());
        assertThat(noVictim.get("errors").get(0).get("pointer").asString()).isEqualTo("/victimId");
        long someoneElses = recordPerson(otherOrganisationsDocumenter, "Чужой человек");
        var foreignVictim = json.readTree(call("POST", "/api/v1/events/" + event + "/acts", documenter,
                "{\"victimId\": %d, \"actType\": \"torture\"}".formatted(someoneElses)).body());
        assertThat(foreignVictim.get("errors").get(0).get("pointer").asString()).isEqualTo("/victimId");
    }

    @Test
    void medicalDocumentationFollowsTheIstanbulProtocolAndOnlyIdentityHoldersReadIt() throws Exception {
        long event = recordEvent(documenter, "COALITION");
        long victim = recordPerson(documenter, "Бауыржан Серікұлы");
        long act = json.readTree(call("POST", "/api/v1/events/" + event + "/acts", documenter,
                "{\"victimId\": %d, \"actType\": \"torture\"}".formatted(victim)).body()).get("id").asLong();
        var examination = call("POST", "/api/v1/acts/" + act + "/medical-examinations", documenter, """
                {"requestedOn": "2024-03-18", "requestedBy": "lawyer", "delayed": true, "performedOn": "2024-03-25",
                 "examinerType": "INDEPENDENT", "examinerName": "Dr. A. Independent", "othersPresent": "a police officer",
                 "overallEvaluation": "HIGHLY_CONSISTENT", "treatment": "Referred to a trauma clinic"}""");
        assertThat(examination.statusCode()).as(examination.body()).isEqualTo(201);
        long examinationId = json.readTree(examination.body()).get("id").asLong();
        var finding = call("POST", "/api/v1/medical-examinations/" + examinationId + "/findings", documenter, """
                {"kind": "PHYSICAL", "bodyLocation": "soles of both feet", "description": "Linear bruises, 2-3 cm wide",
                 "grade": "TYPICAL"}""");
        assertThat(finding.statusCode()).as(finding.body()).isEqualTo(201);
        assertThat(json.readTree(finding.body()).get("findings").get(0).get("grade").asString()).isEqualTo("TYPICAL");

        var read = json.readTree(call("GET", "/api/v1/events/" + event + "/medical-examinations", documenter, null).body());
        assertThat(read.get(0).get("overallEvaluation").asString()).isEqualTo("HIGHLY_CONSISTENT");
        assertThat(read.get(0).get("examinerType").asString()).isEqualTo("INDEPENDENT");
        // Health data: another organisation and an analyst, who see the coalition case itself, do not see it.
        assertThat(call("GET", "/api/v1/events/" + event + "/medical-examinations", otherOrganisationsDocumenter, null)
                .statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/events/" + event + "/medical-examinations", analyst, null).statusCode()).isEqualTo(404);

        var refusedButPerformed = json.readTree(call("POST", "/api/v1/acts/" + act + "/medical-examinations", documenter,
                "{\"requestedOn\": \"2024-03-18\", \"refused\": true, \"performedOn\": \"2024-03-19\", \"examinerType\": \"OTHER\"}").body());
        assertThat(refusedButPerformed.get("errors").get(0).get("pointer").asString()).isEqualTo("/performedOn");
        var backwards = json.readTree(call("POST", "/api/v1/acts/" + act + "/medical-examinations", documenter,
                "{\"requestedOn\": \"2024-03-18\", \"performedOn\": \"2024-03-10\", \"examinerType\": \"OTHER\"}").body());
        assertThat(backwards.get("errors").get(0).get("pointer").asString()).isEqualTo("/performedOn");
        var ungraded = json.readTree(call("POST", "/api/v1/medical-examinations/" + examinationId + "/findings", documenter,
                "{\"kind\": \"PHYSICAL\", \"description\": \"Bruise\"}").body());
        assertThat(ungraded.get("errors").get(0).get("pointer").asString()).isEqualTo("/grade");
        var badGrade = call("POST", "/api/v1/medical-examinations/" + examinationId + "/findings", documenter,
                "{\"kind\": \"PHYSICAL\", \"description\": \"Bruise\", \"grade\": \"PROBABLY\"}");
        assertThat(badGrade.statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/acts/" + act + "/medical-examinations", otherOrganisationsDocumenter,
                "{\"requestedOn\": \"2024-03-18\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anExaminationAndAFindingAreCorrectedByThoseWhoMaySeeIdentitiesOnly() throws Exception {
        long event = recordEvent(documenter, "COALITION");
        long victim = recordPerson(documenter, "Асхат Қайратұлы");
        long act = json.readTree(call("POST", "/api/v1/events/" + event + "/acts", documenter,
                "{\"victimId\": %d, \"actType\": \"torture\"}".formatted(victim)).body()).get("id").asLong();
        long examination = json.readTree(call("POST", "/api/v1/acts/" + act + "/medical-examinations", documenter,
                "{\"requestedOn\": \"2024-03-18\", \"requestedBy\": \"lawyer\"}").body()).get("id").asLong();
        long finding = json.readTree(call("POST", "/api/v1/medical-examinations/" + examination + "/findings", documenter,
                "{\"kind\": \"PHYSICAL\", \"description\": \"Bruise\", \"grade\": \"CONSISTENT\"}").body())
                .get("findings").get(0).get("id").asLong();

        var changed = call("PUT", "/api/v1/medical-examinations/" + examination, documenter, """
                {"requestedOn": "2024-03-18", "requestedBy": "lawyer", "delayed": true, "delayReason": "No forensic expert on duty",
                 "performedOn": "2024-03-28", "examinerType": "OFFICIAL_FORENSIC", "examinerQualifications": "forensic physician",
                 "overallEvaluation": "HIGHLY_CONSISTENT", "interpretation": "Injuries ten days old", "referrals": "Trauma clinic"}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        var read = json.readTree(changed.body());
        assertThat(read.get("delayReason").asString()).isEqualTo("No forensic expert on duty");
        assertThat(read.get("examinerType").asString()).isEqualTo("OFFICIAL_FORENSIC");
        assertThat(read.get("findings").size()).as("the findings stay").isEqualTo(1);
        var regraded = call("PUT", "/api/v1/medical-findings/" + finding, documenter,
                "{\"kind\": \"PHYSICAL\", \"bodyLocation\": \"left shoulder\", \"description\": \"Bruise, 4 cm\", \"grade\": \"TYPICAL\"}");
        assertThat(json.readTree(regraded.body()).get("findings").get(0).get("grade").asString()).isEqualTo("TYPICAL");
        assertThat(audit.search(new AuditSearch.Filter(null, "medical.examination-changed", "medical-examination",
                String.valueOf(examination), null, null), null, 5).entries()).hasSize(1);
        assertThat(audit.search(new AuditSearch.Filter(null, "medical.finding-changed", "medical-finding",
                String.valueOf(finding), null, null), null, 5).entries()).hasSize(1);

        // The same rules as recording: every broken one, named by its pointer, in the caller's language.
        var backwards = call("PUT", "/api/v1/medical-examinations/" + examination, documenter,
                "{\"requestedOn\": \"2024-03-18\", \"performedOn\": \"2024-03-10\"}");
        assertThat(backwards.statusCode()).isEqualTo(400);
        var pointers = new java.util.ArrayList<String>();
        json.readTree(backwards.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).containsExactlyInAnyOrder("/performedOn", "/examinerType");
        var russian = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/medical-findings/" + finding))
                .header("Accept-Language", "ru").header("Authorization", "Bearer " + documenter)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\": \"PHYSICAL\", \"description\": \"\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(russian.statusCode()).isEqualTo(400);
        assertThat(russian.body()).contains("/description").contains("/grade").contains("Это поле обязательно.");
        assertThat(json.readTree(call("GET", "/api/v1/events/" + event + "/medical-examinations", documenter, null).body())
                .get(0).get("findings").get(0).get("description").asString()).as("nothing half-written").isEqualTo("Bruise, 4 cm");

        // Health data: another organisation and an analyst (who read the coalition case itself) are told it does not exist.
        assertThat(call("PUT", "/api/v1/medical-examinations/" + examination, otherOrganisationsDocumenter,
                "{\"requestedOn\": \"2024-03-18\"}").statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/medical-findings/" + finding, otherOrganisationsDocumenter,
                "{\"kind\": \"PHYSICAL\", \"description\": \"x\", \"grade\": \"TYPICAL\"}").statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/medical-examinations/" + examination, analyst,
                "{\"requestedOn\": \"2024-03-18\"}").statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/medical-findings/999999999", documenter,
                "{\"kind\": \"PHYSICAL\", \"description\": \"x\", \"grade\": \"TYPICAL\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aPersonRecordedInACaseByMistakeAndAWrongLinkAreRemovedAndTheRemovalIsAudited() throws Exception {
        long event = recordEvent(documenter, "ORGANISATION");
        long other = recordEvent(documenter, "ORGANISATION");
        long witness = recordPerson(documenter, "Гүлнар Куәгерова");
        assertThat(call("POST", "/api/v1/events/" + event + "/people", documenter,
                "{\"personId\": %d, \"role\": \"WITNESS\"}".formatted(witness)).statusCode()).isBetween(200, 204);
        assertThat(call("POST", "/api/v1/events/" + event + "/people", documenter,
                "{\"personId\": %d, \"role\": \"RELATIVE\"}".formatted(witness)).statusCode()).isBetween(200, 204);
        String relationship = firstTerm("event-relationship");
        assertThat(call("POST", "/api/v1/events/" + event + "/links", documenter,
                "{\"toEventId\": %d, \"relationship\": \"%s\"}".formatted(other, relationship)).statusCode()).isBetween(200, 204);

        // Others are refused: another organisation is told there is no such case, an analyst may not change cases.
        assertThat(call("DELETE", "/api/v1/events/" + event + "/people/" + witness + "?role=WITNESS",
                otherOrganisationsDocumenter, null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/events/" + event + "/links/" + other + "?relationship=" + relationship,
                analyst, null).statusCode()).isEqualTo(403);

        assertThat(call("DELETE", "/api/v1/events/" + event + "/people/" + witness + "?role=WITNESS", documenter, null)
                .statusCode()).isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/events/" + event + "/links/" + other + "?relationship=" + relationship,
                documenter, null).statusCode()).isEqualTo(204);
        JsonNode file = json.readTree(call("GET", "/api/v1/events/" + event, documenter, null).body());
        assertThat(file.get("peopleInEvent").size()).as("the other role stays").isEqualTo(1);
        assertThat(file.get("peopleInEvent").get(0).get("role").asString()).isEqualTo("RELATIVE");
        assertThat(file.get("links").size()).isZero();
        assertThat(call("GET", "/api/v1/people/" + witness, documenter, null).statusCode()).as("the person stays").isEqualTo(200);
        // Twice is not found; both removals are in the trail.
        assertThat(call("DELETE", "/api/v1/events/" + event + "/people/" + witness + "?role=WITNESS", documenter, null)
                .statusCode()).isEqualTo(404);
        assertThat(audit.search(new AuditSearch.Filter(null, "event.person-removed", "event", String.valueOf(event), null, null),
                null, 5).entries()).hasSize(1);
        assertThat(audit.search(new AuditSearch.Filter(null, "event.unlinked", "event", String.valueOf(event), null, null),
                null, 5).entries()).hasSize(1);
    }

    @Test
    void exportsRespectAccessAndPseudonymise() throws Exception {
        long own = recordEvent(documenter, "ORGANISATION");
        long shared = recordEvent(documenter, "COALITION");
        long victim = recordPerson(documenter, "Нұрсұлтан Экспортов");
        call("POST", "/api/v1/events/" + shared + "/acts", documenter,
                "{\"victimId\": %d, \"actType\": \"torture\", \"methods\": [\"beating\"]}".formatted(victim));
        String mine = call("GET", "/api/v1/exports/events?format=CSV", documenter, null).body();
        assertThat(mine).startsWith("\uFEFFevent_number,").contains("Нұрсұлтан Экспортов").contains(numberOf(own));
        String theirs = call("GET", "/api/v1/exports/events?format=CSV", otherOrganisationsDocumenter, null).body();
        assertThat(theirs).contains(numberOf(shared)).doesNotContain(numberOf(own)).doesNotContain("Экспортов");
        var huridocs = json.readTree(call("GET", "/api/v1/exports/events?format=HURIDOCS", analyst, null).body());
        var event = java.util.stream.StreamSupport.stream(huridocs.get("events").spliterator(), false)
                .filter(e -> e.get("event_record_number").asString().equals(numberOf(shared))).findFirst().orElseThrow();
        assertThat(event.get("acts").get(0).get("victim").asString()).startsWith("P-");
        assertThat(event.get("acts").get(0).get("type_of_act").get("huridocs_code").isNull()).isFalse();
        var full = json.readTree(call("GET", "/api/v1/exports/events?format=JSON", documenter, null).body());
        assertThat(full.get("cases").size()).isGreaterThanOrEqualTo(2);
        assertThat(audit.search(new AuditSearch.Filter(null, "export", null, null, null, null), null, 3).entries()).isNotEmpty();
        assertThat(call("GET", "/api/v1/exports/events?format=XML", documenter, null).statusCode()).isEqualTo(400);
    }

    @Test
    void everyRecordOfACaseCanBeChangedByItsWritersOnly() throws Exception {
        long event = recordEvent(documenter, "COALITION");
        long victim = recordPerson(documenter, "Әсел Өзгертуқызы");
        long act = json.readTree(call("POST", "/api/v1/events/" + event + "/acts", documenter,
                "{\"victimId\": %d, \"actType\": \"torture\"}".formatted(victim)).body()).get("id").asLong();
        String degree = firstTerm("involvement-degree");
        long involvement = json.readTree(call("POST", "/api/v1/acts/" + act + "/involvements", documenter,
                "{\"degree\": \"" + degree + "\", \"unit\": \"first unit\"}").body()).get("id").asLong();
        var changed = call("PUT", "/api/v1/involvements/" + involvement, documenter,
                "{\"degree\": \"" + degree + "\", \"unit\": \"second unit\", \"rankRole\": \"major\"}");
        assertThat(json.readTree(changed.body()).get("unit").asString()).isEqualTo("second unit");
        long information = json.readTree(call("POST", "/api/v1/events/" + event + "/information", documenter,
                "{\"summary\": \"first\"}").body()).get("id").asLong();
        assertThat(json.readTree(call("PUT", "/api/v1/information/" + information, documenter, "{\"summary\": \"second\"}").body())
                .get("summary").asString()).isEqualTo("second");
        String type = firstTerm("intervention-type");
        long intervention = json.readTree(call("POST", "/api/v1/events/" + event + "/interventions", documenter,
                "{\"interventionType\": \"" + type + "\"}").body()).get("id").asLong();
        assertThat(json.readTree(call("PUT", "/api/v1/interventions/" + intervention, documenter,
                "{\"interventionType\": \"" + type + "\", \"response\": \"refused\", \"priority\": \"high\"}").body())
                .get("priority").asString()).isEqualTo("HIGH");
        var badPriority = json.readTree(call("PUT", "/api/v1/interventions/" + intervention, documenter,
                "{\"interventionType\": \"" + type + "\", \"priority\": \"urgent-ish\"}").body());
        assertThat(badPriority.get("errors").get(0).get("pointer").asString()).isEqualTo("/priority");
        // Others see the coalition case but may not change it; a missing record is not found.
        assertThat(call("PUT", "/api/v1/information/" + information, otherOrganisationsDocumenter, "{\"summary\": \"x\"}")
                .statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/involvements/987654321", documenter, "{\"degree\": \"" + degree + "\"}").statusCode())
                .isEqualTo(404);
        var people = json.readTree(call("GET", "/api/v1/people?size=1", documenter, null).body());
        assertThat(people.get("people").size()).isEqualTo(1);
        assertThat(people.get("nextAfter").isNull()).isFalse();
    }

    private String numberOf(long event) {
        return jdbc.queryForObject("SELECT record_number FROM event WHERE id = ?", String.class, event);
    }

    private String firstTerm(String list) {
        return jdbc.queryForObject("SELECT code FROM vocabulary_term WHERE list_code = ? ORDER BY level, position LIMIT 1",
                String.class, list);
    }

    private long recordEvent(String token, String sharing) {
        try {
            var response = call("POST", "/api/v1/events", token, """
                    {"title": "Beating at a district police station", "sharing": "%s",
                     "initial": {"date": "2024-03-17", "precision": "EXACT"}, "violationStatus": "%s"}"""
                    .formatted(sharing, firstTerm("violation-status")));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return json.readTree(response.body()).get("id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long recordPerson(String token, String name) {
        try {
            var response = call("POST", "/api/v1/people", token, "{\"identity\": {\"name\": \"" + name + "\"}}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return json.readTree(response.body()).get("id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<Long> ids(HttpResponse<String> page) {
        var ids = new java.util.ArrayList<Long>();
        json.readTree(page.body()).get("events").forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }
}
