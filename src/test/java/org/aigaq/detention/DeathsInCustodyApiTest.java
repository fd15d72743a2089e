package org.aigaq.detention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Set;
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
 * The register of deaths and self-harm in custody over the API: each rule with the field it names (in Russian too),
 * who sees what (identities for the organisation's case workers, pseudonyms for analysts and the coalition, only
 * published and anonymised records for viewers, nothing and an audited 404 for other organisations), the links to the
 * person's earlier allegations, and the figures on hand-computed data.
 */
class DeathsInCustodyApiTest extends ApiTestCase {

    @Autowired Users users;
    @Autowired AuditSearch audit;
    private String documenter;
    private String coordinator;
    private String analyst;
    private String lawyer;
    private String viewer;
    private String elsewhere;
    private String elsewhereAnalyst;

    @BeforeEach
    void accounts() {
        documenter = token(accounts.create(Role.DOCUMENTER, true).id());
        coordinator = token(accounts.create(Role.COORDINATOR, true).id());
        analyst = token(accounts.create(Role.ANALYST, false).id());
        lawyer = token(accounts.create(Role.LAWYER, true).id());
        viewer = token(accounts.create(Role.VIEWER, false).id());
        elsewhere = token(accounts.createElsewhere(Role.DOCUMENTER).id());
        elsewhereAnalyst = token(accounts.createElsewhere(Role.ANALYST).id());
    }

    @Test
    void aDocumenterRecordsADeathWithTheFamilysAccountAndTheOrganisationReadsIt() throws Exception {
        long place = place("Penal colony AK-159/5", "penal-colony");
        long person = person(documenter, "Бауыржан Сейітов");
        var created = call("POST", "/api/v1/deaths", documenter, """
                {"personId": %d, "placeId": %d, "date": {"date": "2023-03-14", "precision": "EXACT"},
                 "officialCause": "suicide", "manner": "suicide", "officialAccount": "Found hanged in a solitary cell.",
                 "allegedCause": "violence-by-staff", "familyAccount": "Bruises on the face and wrists; he had complained of beatings.",
                 "autopsy": "independent", "autopsyFindings": "Fractured ribs.", "certificateIssued": true,
                 "certificateCause": "Mechanical asphyxia", "familyInformed": true, "familyInformedOn": "2023-03-16",
                 "bodyReturned": true, "bodyReturnedOn": "2023-03-18", "bodyCondition": "Closed coffin",
                 "investigatedBy": "prosecutors-office", "investigationArticle": "105", "investigationOutcome": "refused-to-open-case"}
                """.formatted(person, place));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).matches(".*/api/v1/deaths/\\d+");
        long id = json.readTree(created.body()).get("id").asLong();

        JsonNode death = json.readTree(call("GET", "/api/v1/deaths/" + id, documenter, null).body());
        assertThat(death.get("person").get("identity").get("name").asString()).isEqualTo("Бауыржан Сейітов");
        assertThat(death.get("officialCause").asString()).isEqualTo("suicide");
        assertThat(death.get("allegedCause").asString()).isEqualTo("violence-by-staff");
        assertThat(death.get("familyAccount").asString()).startsWith("Bruises");
        assertThat(death.get("autopsy").asString()).isEqualTo("independent");
        assertThat(death.get("date").get("date").asString()).isEqualTo("2023-03-14");
        assertThat(death.get("placeName").asString()).startsWith("Penal colony AK-159/5");
        // The read of a record showing an identity is audited, and so is the write.
        assertThat(audit.search(new AuditSearch.Filter(null, "read", "death_in_custody", String.valueOf(id), null, null), null, 5)
                .entries()).isNotEmpty();
        assertThat(audit.search(new AuditSearch.Filter(null, "death-in-custody.recorded", "death_in_custody", String.valueOf(id), null, null), null, 5)
                .entries()).hasSize(1);

        // An analyst and a lawyer of the organisation read it; the analyst by pseudonym only.
        JsonNode asAnalyst = json.readTree(call("GET", "/api/v1/deaths/" + id, analyst, null).body());
        assertThat(asAnalyst.get("person").get("identity").isNull()).isTrue();
        assertThat(asAnalyst.get("person").get("pseudonym").asString()).matches("P-\\d{4}-\\d+");
        assertThat(call("GET", "/api/v1/deaths/" + id, lawyer, null).statusCode()).isEqualTo(200);
        // A lawyer reads but does not record deaths; an analyst neither.
        assertThat(call("PUT", "/api/v1/deaths/" + id, lawyer, "{}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/deaths", analyst, "{}").statusCode()).isEqualTo(403);
        // Nothing of the name is stored in the register's tables.
        assertThat(String.join("\n", jdbc.queryForList("SELECT d::text FROM death_in_custody d", String.class)))
                .doesNotContain("Сейітов");
    }

    @Test
    void anotherOrganisationSeesNothingOfAnOrganisationOnlyRecordAndTheRefusalIsAudited() throws Exception {
        long id = death(documenter, place("IVS of Taraz", "temporary-detention-isolator"), null, "2024-01-05", "tuberculosis", "ORGANISATION");
        assertThat(call("GET", "/api/v1/deaths/" + id, elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/deaths/" + id, elsewhere, "{}").statusCode()).isEqualTo(404);
        assertThat(ids(call("GET", "/api/v1/deaths?size=500", elsewhere, null), "deaths")).doesNotContain(id);
        assertThat(audit.search(new AuditSearch.Filter(null, "access.refused", "death_in_custody", String.valueOf(id), null, null), null, 5)
                .entries()).isNotEmpty();
        assertThat(call("GET", "/api/v1/deaths/999999999", documenter, null).headers().firstValue("Content-Type").orElseThrow())
                .contains("application/problem+json");
    }

    @Test
    void theCoalitionSeesASharedRecordByPseudonymAndViewersOnlyPublishedOnesAnonymised() throws Exception {
        long place = place("SIZO of Almaty", "pre-trial-detention-centre");
        long person = person(coordinator, "Асель Нурланова");
        long shared = death(coordinator, place, person, "2022-11-02", "heart-disease", "COALITION");
        long published = death(coordinator, place, person, "2022-12-02", "violence-by-other-detainees", "PUBLIC");

        JsonNode asOther = json.readTree(call("GET", "/api/v1/deaths/" + shared, elsewhereAnalyst, null).body());
        assertThat(asOther.get("person").get("identity").isNull()).isTrue();
        assertThat(asOther.get("familyAccount").asString()).isEqualTo("The family's account.");
        assertThat(call("GET", "/api/v1/deaths/" + shared, viewer, null).statusCode()).isEqualTo(404);

        JsonNode asViewer = json.readTree(call("GET", "/api/v1/deaths/" + published, viewer, null).body());
        assertThat(asViewer.get("person").isNull()).isTrue();
        assertThat(asViewer.get("familyAccount").isNull()).isTrue();
        assertThat(asViewer.get("officialCause").asString()).isEqualTo("violence-by-other-detainees");
        assertThat(ids(call("GET", "/api/v1/deaths?size=500", viewer, null), "deaths")).contains(published).doesNotContain(shared);
        // Only a coordinator shares beyond the organisation.
        var refused = call("POST", "/api/v1/deaths", documenter, body(place, null, "2022-12-02", "suicide", "PUBLIC"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(pointers(refused)).containsExactly("/sharing");
    }

    @Test
    void everyMistakeIsNamedByItsJsonPointerInTheUsersLanguage() throws Exception {
        var response = call("POST", "/api/v1/deaths", documenter, """
                {"date": {"date": "2999-01-01", "precision": "EXACT"}, "officialCause": "самоубийство", "autopsy": "maybe",
                 "certificateIssued": false, "certificateCause": "Asphyxia", "familyInformed": false,
                 "familyInformedOn": "2024-01-01", "investigationArticle": "%s"}""".formatted("1".repeat(101)), "ru");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(pointers(response)).containsExactlyInAnyOrder("/placeId", "/date", "/officialCause", "/autopsy",
                "/certificateCause", "/familyInformedOn", "/investigationArticle");
        assertThat(response.body()).contains("Дата в будущем").contains("свидетельство выдано");

        var noDate = call("POST", "/api/v1/deaths", documenter, "{\"placeId\": " + place("Colony EC-166/4", "penal-colony") + "}", "ru");
        assertThat(pointers(noDate)).containsExactly("/date");
        assertThat(noDate.body()).contains("Укажите дату, хотя бы год.");

        var wrongType = call("POST", "/api/v1/deaths", documenter, "{\"placeId\": \"one\"}", "ru");
        assertThat(pointers(wrongType)).containsExactly("/placeId");

        var otherPerson = call("POST", "/api/v1/deaths", elsewhere, """
                {"personId": %d, "placeId": %d, "date": {"date": "2024-01-01", "precision": "YEAR"}}"""
                .formatted(person(documenter, "Ерлан Ахметов"), place("Colony UK-161/2", "penal-colony")));
        assertThat(pointers(otherPerson)).containsExactly("/personId");
    }

    @Test
    void aDeathIsLinkedToTheEarlierAllegationsOfTheSamePersonThatTheUserMayRead() throws Exception {
        long place = place("Police station of Shymkent", "police-station");
        long person = person(documenter, "Марат Жақсыбеков");
        long allegation = event(documenter, "Beaten at the police station");
        assertThat(call("POST", "/api/v1/events/" + allegation + "/acts", documenter,
                "{\"victimId\": %d, \"actType\": \"torture\"}".formatted(person)).statusCode()).isEqualTo(201);
        long unrelated = event(documenter, "Another case");
        long id = death(documenter, place, person, "2024-06-01", "suicide", "ORGANISATION");

        var proposed = json.readTree(call("GET", "/api/v1/deaths/" + id + "/proposed-links", documenter, null).body());
        var proposedIds = new ArrayList<Long>();
        proposed.forEach(e -> proposedIds.add(e.get("id").asLong()));
        assertThat(proposedIds).containsExactly(allegation);

        var linked = call("PUT", "/api/v1/deaths/" + id, documenter, body(place, person, "2024-06-01", "suicide", "ORGANISATION")
                .replace("}", ", \"linkedEventIds\": [" + allegation + "]}"));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(json.readTree(linked.body()).get("linkedEvents").get(0).get("title").asString()).isEqualTo("Beaten at the police station");
        assertThat(json.readTree(call("GET", "/api/v1/deaths/" + id + "/proposed-links", documenter, null).body()).size()).isZero();

        // An event of another organisation cannot be linked: it is not found, by field.
        long theirs = event(elsewhere, "Their case");
        var refused = call("PUT", "/api/v1/deaths/" + id, documenter, body(place, person, "2024-06-01", "suicide", "ORGANISATION")
                .replace("}", ", \"linkedEventIds\": [" + theirs + "]}"));
        assertThat(pointers(refused)).containsExactly("/linkedEventIds");
        assertThat(unrelated).isNotEqualTo(allegation);
    }

    @Test
    void aGroupProtestCountsItsPeopleAndAnIndividualActOnePerson() throws Exception {
        long place = place("Colony ZhD-158/7", "penal-colony");
        var group = call("POST", "/api/v1/self-harm-incidents", documenter, """
                {"placeId": %d, "date": {"date": "2024-02-10", "precision": "EXACT"}, "kind": "cutting",
                 "groupProtest": true, "people": 12, "reason": "Against beatings in quarantine", "response": "Transferred to SHIZO"}
                """.formatted(place));
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        assertThat(json.readTree(group.body()).get("people").asInt()).isEqualTo(12);

        var individualWithMany = call("POST", "/api/v1/self-harm-incidents", documenter, """
                {"placeId": %d, "date": {"date": "2024-02-10"}, "kind": "hunger-strike", "people": 3}""".formatted(place), "ru");
        assertThat(pointers(individualWithMany)).containsExactly("/people");
        var groupWithoutCount = call("POST", "/api/v1/self-harm-incidents", documenter, """
                {"placeId": %d, "kind": "nonsense", "groupProtest": true}""".formatted(place));
        assertThat(pointers(groupWithoutCount)).containsExactlyInAnyOrder("/date", "/kind", "/people");
        long id = json.readTree(group.body()).get("id").asLong();
        assertThat(call("GET", "/api/v1/self-harm-incidents/" + id, elsewhere, null).statusCode()).isEqualTo(404);
    }

    @Test
    void figuresCountDeathsByCauseFacilityTypeAndYearAndPeopleInGroupProtests() throws Exception {
        var alone = accounts.createAlone(Role.DOCUMENTER);
        String recorder = token(alone.id());
        String ownAnalyst = token(users.create("alone-analyst-" + System.nanoTime() % 100000, "Analyst",
                alone.user().organisationId(), Set.of(Role.ANALYST), TestAccounts.PASSWORD, false).id());
        long colony = place("Colony for figures", "penal-colony");
        long sizo = place("SIZO for figures", "pre-trial-detention-centre");
        // By hand: 2022 suicide at the colony; 2023 two suicides (colony, SIZO) and one tuberculosis (colony);
        // 2023 one without a cause (counted as unknown) at the SIZO.
        death(recorder, colony, null, "2022-05-01", "suicide", "ORGANISATION");
        death(recorder, colony, null, "2023-01-10", "suicide", "ORGANISATION");
        death(recorder, sizo, null, "2023-07-01", "suicide", "ORGANISATION");
        death(recorder, colony, null, "2023-03-01", "tuberculosis", "ORGANISATION");
        death(recorder, sizo, null, "2023-09-09", null, "ORGANISATION");
        incident(recorder, colony, "2023-04-01", "cutting", 12);
        incident(recorder, colony, "2023-05-01", "cutting", null);
        incident(recorder, sizo, "2024-01-01", "hunger-strike", 40);

        JsonNode f = json.readTree(call("GET", "/api/v1/custody-figures?ours=true", ownAnalyst, null).body());
        assertThat(line(f.get("deathsByCause"), "suicide")).isEqualTo("2022=1,2023=2,total=3");
        assertThat(line(f.get("deathsByCause"), "tuberculosis")).isEqualTo("2023=1,total=1");
        assertThat(line(f.get("deathsByCause"), "unknown")).isEqualTo("2023=1,total=1");
        assertThat(f.get("deathsByCause").get("total").asLong()).isEqualTo(5);
        assertThat(line(f.get("deathsByFacilityType"), "penal-colony")).isEqualTo("2022=1,2023=2,total=3");
        assertThat(line(f.get("deathsByFacilityType"), "pre-trial-detention-centre")).isEqualTo("2023=2,total=2");
        assertThat(line(f.get("selfHarmByKind"), "cutting")).isEqualTo("2023=2,total=2");
        assertThat(line(f.get("selfHarmPeopleByKind"), "cutting")).isEqualTo("2023=13,total=13");
        assertThat(line(f.get("selfHarmPeopleByKind"), "hunger-strike")).isEqualTo("2024=40,total=40");

        // Each figure opens its records: the 2023 suicides, the colony's deaths.
        assertThat(ids(call("GET", "/api/v1/deaths?ours=true&cause=suicide&year=2023", ownAnalyst, null), "deaths")).hasSize(2);
        assertThat(ids(call("GET", "/api/v1/deaths?ours=true&facilityType=penal-colony", ownAnalyst, null), "deaths")).hasSize(3);
        assertThat(ids(call("GET", "/api/v1/deaths?ours=true&cause=unknown", ownAnalyst, null), "deaths")).hasSize(1);
        assertThat(ids(call("GET", "/api/v1/self-harm-incidents?ours=true&kind=cutting&year=2023", ownAnalyst, null), "incidents")).hasSize(2);
        // Another organisation's figures hold none of these organisation-only records.
        JsonNode theirs = json.readTree(call("GET", "/api/v1/custody-figures?ours=true", elsewhereAnalyst, null).body());
        assertThat(theirs.get("deathsByFacilityType").toString()).doesNotContain("\"total\":5");
    }

    @Test
    void ratesPer10000UseEachPlacesFigureOfTheYearOrTheNearestEarlierAndLeaveOutPlacesWithout() throws Exception {
        // Years no other test gives population figures for, so the registry's other places do not count.
        var alone = accounts.createAlone(Role.DOCUMENTER);
        String recorder = token(alone.id());
        long colonyA = place("Colony A for rates", "penal-colony");
        long colonyB = place("Colony B for rates", "penal-colony");
        long sizoC = place("SIZO C for rates", "pre-trial-detention-centre");
        long sizoD = place("SIZO D for rates", "pre-trial-detention-centre");
        population(colonyA, "1996-03-01", 1200);
        population(colonyA, "1997-06-01", 1500);
        population(colonyA, "1997-11-01", 1600);
        population(colonyB, "1995-01-01", 800);
        population(sizoD, "1997-01-01", 400);
        death(recorder, colonyA, null, "1996-02-01", "suicide", "ORGANISATION");
        death(recorder, colonyA, null, "1996-08-01", "tuberculosis", "ORGANISATION");
        death(recorder, sizoC, null, "1996-05-05", "suicide", "ORGANISATION");
        death(recorder, colonyA, null, "1997-02-01", "suicide", "ORGANISATION");
        death(recorder, sizoC, null, "1997-03-03", null, "ORGANISATION");
        death(recorder, sizoD, null, "1997-12-30", "suicide", "ORGANISATION");

        JsonNode rates = json.readTree(call("GET", "/api/v1/custody-figures?ours=true", recorder, null).body()).get("deathRates");
        // By hand. 1996: colonies 2 deaths over A 1,200 (its 1996 figure) + B 800 (1995, the nearest earlier) = 10.0;
        // SIZOs: C has no figure, D's is of 1997: no rate, C left out.
        assertThat(rate(rates.get("byFacilityType"), "penal-colony", 1996)).isEqualTo("deaths=2 counted=2 population=2000 places=2 leftOut=0/0 rate=10.0");
        assertThat(rate(rates.get("byFacilityType"), "pre-trial-detention-centre", 1996)).isEqualTo("deaths=1 counted=0 population=0 places=0 leftOut=1/1 rate=null");
        // 1997: colonies 1 death over A 1,600 (its latest figure of 1997) + B 800 = 4.1666… → 4.2; SIZOs 1 of D's 400 = 25.0.
        assertThat(rate(rates.get("byFacilityType"), "penal-colony", 1997)).isEqualTo("deaths=1 counted=1 population=2400 places=2 leftOut=0/0 rate=4.2");
        assertThat(rate(rates.get("byFacilityType"), "pre-trial-detention-centre", 1997)).isEqualTo("deaths=2 counted=1 population=400 places=1 leftOut=1/1 rate=25.0");
        // Every type: 1996 2 of 2,000 = 10.0; 1997 2 of 2,800 = 7.142… → 7.1.
        assertThat(rate(rates.get("byYear"), null, 1996)).isEqualTo("deaths=3 counted=2 population=2000 places=2 leftOut=1/1 rate=10.0");
        assertThat(rate(rates.get("byYear"), null, 1997)).isEqualTo("deaths=3 counted=2 population=2800 places=3 leftOut=1/1 rate=7.1");
        // One place (C) with two deaths is left out of the rates, and the counts still hold all six deaths.
        assertThat(rates.get("placesLeftOut").asInt()).isEqualTo(1);
        assertThat(rates.get("deathsLeftOut").asLong()).isEqualTo(2);
        // Rounded half up to one decimal.
        assertThat(CustodyFigures.per10000(1, 8000)).isEqualByComparingTo("1.3");
        assertThat(CustodyFigures.per10000(1, 0)).isNull();
        // Another organisation's rates count none of these deaths.
        JsonNode theirs = json.readTree(call("GET", "/api/v1/custody-figures?ours=true", elsewhereAnalyst, null).body()).get("deathRates");
        assertThat(rate(theirs.get("byYear"), null, 1997)).isEqualTo("missing");
    }

    // --- helpers

    private static String rate(JsonNode rates, String type, int year) {
        for (JsonNode r : rates) {
            if (r.get("year").asInt() == year && (type == null ? r.get("facilityType").isNull() : type.equals(r.get("facilityType").asString()))) {
                return "deaths=%d counted=%d population=%d places=%d leftOut=%d/%d rate=%s".formatted(r.get("deaths").asLong(),
                        r.get("deathsCounted").asLong(), r.get("population").asLong(), r.get("placesCounted").asInt(),
                        r.get("placesLeftOut").asInt(), r.get("deathsLeftOut").asLong(),
                        r.get("per10000").isNull() ? "null" : r.get("per10000").decimalValue().toPlainString());
            }
        }
        return "missing";
    }

    private void population(long place, String on, int people) throws Exception {
        var response = call("POST", "/api/v1/places/" + place + "/population", documenter,
                "{\"countedOn\": \"%s\", \"population\": %d, \"source\": \"Committee reply\"}".formatted(on, people));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String line(JsonNode table, String key) {
        for (JsonNode line : table.get("lines")) {
            if (line.get("key").asString().equals(key)) {
                var parts = new ArrayList<String>();
                line.get("byYear").properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asLong()));
                parts.add("total=" + line.get("total").asLong());
                return String.join(",", parts);
            }
        }
        return "missing";
    }

    private long death(String token, long place, Long person, String date, String cause, String sharing) throws Exception {
        var response = call("POST", "/api/v1/deaths", token, body(place, person, date, cause, sharing));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private static String body(long place, Long person, String date, String cause, String sharing) {
        return """
                {"personId": %s, "placeId": %d, "date": {"date": "%s", "precision": "EXACT"}, "officialCause": %s,
                 "familyAccount": "The family's account.", "sharing": "%s"}"""
                .formatted(person, place, date, cause == null ? "null" : "\"" + cause + "\"", sharing);
    }

    private void incident(String token, long place, String date, String kind, Integer people) throws Exception {
        var response = call("POST", "/api/v1/self-harm-incidents", token, """
                {"placeId": %d, "date": {"date": "%s"}, "kind": "%s", "groupProtest": %s, "people": %s}"""
                .formatted(place, date, kind, people != null, people));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private long place(String name, String type) throws Exception {
        var response = call("POST", "/api/v1/places", documenter,
                "{\"name\": \"%s %d\", \"locationType\": \"%s\"}".formatted(name, System.nanoTime() % 1000000, type));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private long event(String token, String title) throws Exception {
        var response = call("POST", "/api/v1/events", token, """
                {"title": "%s", "sharing": "ORGANISATION", "initial": {"date": "2023-10-01", "precision": "EXACT"}}""".formatted(title));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }
}
