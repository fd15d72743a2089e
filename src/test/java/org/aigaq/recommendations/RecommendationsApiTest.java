package org.aigaq.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations over the API: a CAT follow-up item with its claims and graded assessment (cases as evidence), the
 * "repeated since" chain, the dashboard and reminders, mistakes by JSON pointer in Russian with nothing written, and
 * refusals for another organisation and for roles that do not record; every write audited.
 */
class RecommendationsApiTest extends ApiTestCase {

    private TestAccounts.Account documenterAccount;
    private String documenter;
    private String analyst;
    private String viewer;
    private String elsewhere;

    @BeforeEach
    void accounts() {
        documenterAccount = accounts.create(Role.DOCUMENTER, true);
        documenter = token(documenterAccount.id());
        analyst = token(accounts.create(Role.ANALYST, false).id());
        viewer = token(accounts.create(Role.VIEWER, false).id());
        elsewhere = token(accounts.createElsewhere(Role.DOCUMENTER).id());
    }

    @Test
    void aFollowUpItemIsClaimedAssessedAndShownAsOverdue() throws Exception {
        long earlier = id(created(call("POST", "/api/v1/recommendations-tracker", documenter, """
                {"source": "CAT", "documentSymbol": "CAT/C/KAZ/CO/3", "documentDate": "2014-12-12", "paragraph": "8",
                 "text": "Ensure that all allegations of torture are investigated promptly.", "themes": ["Investigation"]}""")));
        LocalDate due = LocalDate.now().minusDays(3);
        var created = created(call("POST", "/api/v1/recommendations-tracker", documenter, """
                {"source": "CAT_FOLLOW_UP", "documentSymbol": "CAT/C/KAZ/CO/4", "documentDate": "2022-01-20", "paragraph": "12",
                 "subParagraph": "b", "text": "Investigate promptly, impartially and effectively all allegations of torture.",
                 "themes": ["investigation", "impunity"], "authority": "Prosecutor General's Office", "dueDate": "%s",
                 "responsibleUserId": %d, "repeatsId": %d}""".formatted(due, documenterAccount.id(), earlier)));
        long id = id(created);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/recommendations-tracker/" + id);
        long event = event(documenter, "Beating in a temporary detention facility");

        ok(call("POST", "/api/v1/recommendations-tracker/" + id + "/claims", documenter, """
                {"claimedOn": "2023-05-01", "claim": "All complaints are registered in the unified register.",
                 "document": "CAT/C/KAZ/FCO/4"}"""), 201);
        JsonNode assessed = json.readTree(ok(call("POST", "/api/v1/recommendations-tracker/" + id + "/assessments", documenter, """
                {"assessedOn": "%s", "grade": "C1", "reasoning": "Complaints are registered, not investigated.",
                 "caseIds": [%d], "evidenceNotes": "Justice pipeline: no indictment in 2023"}""".formatted(LocalDate.now(), event)), 201).body());
        assertThat(assessed.get("claims").get(0).get("document").asString()).isEqualTo("CAT/C/KAZ/FCO/4");
        assertThat(assessed.get("assessments").get(0).get("grade").asString()).isEqualTo("C1");
        assertThat(assessed.get("assessments").get(0).get("caseIds").get(0).asLong()).isEqualTo(event);
        assertThat(assessed.get("repeatedSince").asString()).isEqualTo("2014-12-12");
        assertThat(assessed.get("citation").asString()).isEqualTo("CAT/C/KAZ/CO/4, para. 12 (b)");
        assertThat(audits("state-recommendation.recorded", id)).isEqualTo(1);
        assertThat(audits("state-recommendation.claim-added", id)).isEqualTo(1);
        assertThat(audits("state-recommendation.assessed", id)).isEqualTo(1);

        // the analyst reads it and sees it overdue on the dashboard, with its grade counted under its source and themes
        JsonNode dashboard = json.readTree(ok(call("GET", "/api/v1/recommendations-tracker/dashboard?since=2000-01-01", analyst, null), 200).body());
        JsonNode item = find(dashboard.get("followUps"), id);
        assertThat(item.get("due").asString()).isEqualTo("OVERDUE");
        assertThat(item.get("daysLeft").asLong()).isEqualTo(-3);
        assertThat(item.get("line").get("grade").asString()).isEqualTo("C1");
        assertThat(item.get("line").get("claims").asInt()).isEqualTo(1);
        var kinds = new ArrayList<String>();
        dashboard.get("changes").forEach(c -> { if (c.get("recommendationId").asLong() == id) kinds.add(c.get("kind").asString()); });
        assertThat(kinds).containsExactlyInAnyOrder("recorded", "claim", "assessment");
        assertThat(statusOf(dashboard.get("bySource"), "CAT_FOLLOW_UP").get("grades").get("C1").asLong()).isPositive();
        assertThat(statusOf(dashboard.get("byTheme"), "impunity").get("grades").get("C1").asLong()).isPositive();
        // a review today: the changes since then leave these out unless asked for an earlier date
        ok(call("POST", "/api/v1/recommendations-tracker/reviews?on=" + LocalDate.now().plusDays(0), documenter, null), 201);
        JsonNode afterReview = json.readTree(ok(call("GET", "/api/v1/recommendations-tracker/dashboard", documenter, null), 200).body());
        assertThat(afterReview.get("lastReview").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(afterReview.get("since").asString()).isEqualTo(LocalDate.now().toString());

        // the reminder is the responsible documenter's, not the analyst's
        assertThat(ids(ok(call("GET", "/api/v1/recommendations-tracker/reminders", documenter, null), 200))).contains(id);
        assertThat(ids(ok(call("GET", "/api/v1/recommendations-tracker/reminders", analyst, null), 200))).doesNotContain(id);

        assertThat(lineIds(ok(call("GET", "/api/v1/recommendations-tracker?source=CAT_FOLLOW_UP&theme=Impunity", analyst, null), 200))).contains(id);
        assertThat(lineIds(ok(call("GET", "/api/v1/recommendations-tracker?source=UPR", analyst, null), 200))).doesNotContain(id);
        var csv = ok(call("GET", "/api/v1/recommendations-tracker/export", analyst, null), 200);
        assertThat(csv.body()).startsWith("source,document_symbol,document_date,text").contains("CAT/C/KAZ/CO/4").contains("C1");
    }

    @Test
    void anotherOrganisationAndRolesWithoutRightsAreRefused() throws Exception {
        long id = id(created(call("POST", "/api/v1/recommendations-tracker", documenter, """
                {"source": "SPT", "documentSymbol": "CAT/OP/KAZ/1", "documentDate": "2008-09-01", "text": "Install video recording."}""")));
        assertThat(call("GET", "/api/v1/recommendations-tracker/" + id, elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/recommendations-tracker/" + id + "/claims", elsewhere,
                "{\"claimedOn\": \"2020-01-01\", \"claim\": \"Done\"}").statusCode()).isEqualTo(404);
        assertThat(lineIds(ok(call("GET", "/api/v1/recommendations-tracker", elsewhere, null), 200))).doesNotContain(id);
        assertThat(audits("access.refused", id)).isPositive();
        // an analyst reads but does not record or assess; a viewer does neither
        assertThat(call("POST", "/api/v1/recommendations-tracker/" + id + "/assessments", analyst,
                "{\"assessedOn\": \"2020-01-01\", \"grade\": \"D\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/recommendations-tracker", analyst, "{}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/recommendations-tracker/" + id, viewer, null).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation_claim WHERE recommendation_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation_assessment WHERE recommendation_id = ?", Long.class, id)).isZero();
    }

    @Test
    void mistakesAreNamedByJsonPointerInTheReadersLanguageAndNothingIsWritten() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM recommendation", Long.class);
        var empty = call("POST", "/api/v1/recommendations-tracker", documenter, "{}", "ru");
        assertThat(pointers(empty)).containsExactlyInAnyOrder("/source", "/documentSymbol", "/documentDate", "/text");
        assertThat(empty.body()).contains("Это поле обязательно");
        var wrong = call("POST", "/api/v1/recommendations-tracker", documenter, """
                {"source": "CAT", "documentSymbol": "CAT/C/KAZ/CO/4", "documentDate": "2022-01-20", "text": "Text",
                 "recommendingState": "Norway", "stateResponse": "SUPPORTED", "dueDate": "2021-01-01", "repeatsId": 999999999}""", "ru");
        assertThat(pointers(wrong)).containsExactlyInAnyOrder("/recommendingState", "/stateResponse", "/dueDate", "/repeatsId");
        assertThat(wrong.body()).contains("Срок раньше даты документа");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation", Long.class)).isEqualTo(before);

        long id = id(created(call("POST", "/api/v1/recommendations-tracker", documenter, """
                {"source": "UPR", "documentSymbol": "A/HRC/56/1", "documentDate": "2024-07-01", "text": "Ratify the Convention.",
                 "recommendingState": "Norway", "stateResponse": "NOTED"}""")));
        long theirs = event(elsewhere, "Another organisation's case");
        var badAssessment = call("POST", "/api/v1/recommendations-tracker/" + id + "/assessments", documenter,
                "{\"caseIds\": [" + theirs + "], \"evidenceNotes\": \"" + "x".repeat(5001) + "\"}", "en");
        assertThat(pointers(badAssessment)).containsExactlyInAnyOrder("/assessedOn", "/grade", "/caseIds/0", "/evidenceNotes");
        assertThat(badAssessment.body()).contains("Link only cases that you may read.");
        var badClaim = call("POST", "/api/v1/recommendations-tracker/" + id + "/claims", documenter, "{\"claimedOn\": \"2999-01-01\"}", "kk");
        assertThat(pointers(badClaim)).containsExactlyInAnyOrder("/claimedOn", "/claim");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation_assessment WHERE recommendation_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation_claim WHERE recommendation_id = ?", Long.class, id)).isZero();
    }

    @Test
    void aRecommendationAClaimAndAnAssessmentAreCorrectedWithTheEarlierGradeKept() throws Exception {
        long id = id(created(call("POST", "/api/v1/recommendations-tracker", documenter, """
                {"source": "CAT", "documentSymbol": "CAT/C/KAZ/CO/4", "documentDate": "2022-01-20", "paragraph": "9",
                 "text": "Ensure prompt access to a lawyer.", "themes": ["safeguards"]}""")));
        JsonNode claimed = json.readTree(ok(call("POST", "/api/v1/recommendations-tracker/" + id + "/claims", documenter, """
                {"claimedOn": "2023-05-01", "claim": "Lawyers are admitted at once.", "document": "CAT/C/KAZ/FCO/4"}"""), 201).body());
        long claim = claimed.get("claims").get(0).get("id").asLong();
        JsonNode assessed = json.readTree(ok(call("POST", "/api/v1/recommendations-tracker/" + id + "/assessments", documenter, """
                {"assessedOn": "2024-01-10", "grade": "B2", "reasoning": "Partly implemented."}"""), 201).body());
        long assessment = assessed.get("assessments").get(0).get("id").asLong();

        JsonNode changed = json.readTree(ok(call("PUT", "/api/v1/recommendations-tracker/" + id, documenter, """
                {"source": "CAT", "documentSymbol": "CAT/C/KAZ/CO/4", "documentDate": "2022-01-20", "paragraph": "10",
                 "subParagraph": "a", "text": "Ensure access to a lawyer from the outset of deprivation of liberty.",
                 "themes": ["safeguards", "lawyers"]}"""), 200).body());
        assertThat(changed.get("citation").asString()).isEqualTo("CAT/C/KAZ/CO/4, para. 10 (a)");
        assertThat(changed.get("themes")).hasSize(2);
        JsonNode claimChanged = json.readTree(ok(call("PUT", "/api/v1/recommendations-tracker/" + id + "/claims/" + claim, documenter, """
                {"claimedOn": "2023-05-02", "claim": "Lawyers are admitted within three hours.", "document": "CAT/C/KAZ/FCO/4"}"""), 200).body());
        assertThat(claimChanged.get("claims").get(0).get("claim").asString()).isEqualTo("Lawyers are admitted within three hours.");
        assertThat(claimChanged.get("claims").get(0).get("updatedAt").isNull()).isFalse();
        JsonNode regraded = json.readTree(ok(call("PUT", "/api/v1/recommendations-tracker/" + id + "/assessments/" + assessment, documenter, """
                {"assessedOn": "2024-01-12", "grade": "C1", "reasoning": "Lawyers still wait for days."}"""), 200).body());
        JsonNode a = regraded.get("assessments").get(0);
        assertThat(regraded.get("assessments")).hasSize(1);
        assertThat(a.get("grade").asString()).isEqualTo("C1");
        // the grade replaced is still there, with its date and reasoning
        assertThat(a.get("corrections")).hasSize(1);
        assertThat(a.get("corrections").get(0).get("grade").asString()).isEqualTo("B2");
        assertThat(a.get("corrections").get(0).get("assessedOn").asString()).isEqualTo("2024-01-10");
        assertThat(a.get("corrections").get(0).get("reasoning").asString()).isEqualTo("Partly implemented.");
        assertThat(a.get("corrections").get(0).get("correctedBy").asString()).isNotBlank();

        // the audit trail keeps each correction before and after
        assertThat(summary("state-recommendation.changed", id)).contains("\"paragraph\":\"9\"").contains("\"paragraph\":\"10\"");
        assertThat(summary("state-recommendation.claim-changed", id)).contains("Lawyers are admitted at once.")
                .contains("Lawyers are admitted within three hours.");
        assertThat(summary("state-recommendation.assessment-changed", id)).contains("\"grade\":\"B2\"").contains("\"grade\":\"C1\"");
        // the dashboard's changes count the correction, with the grade it replaced
        JsonNode dashboard = json.readTree(ok(call("GET", "/api/v1/recommendations-tracker/dashboard?since=2000-01-01", documenter, null), 200).body());
        var corrections = new ArrayList<String>();
        dashboard.get("changes").forEach(c -> {
            if (c.get("recommendationId").asLong() == id && c.get("kind").asString().equals("assessment-corrected")) corrections.add(c.get("grade").asString());
        });
        assertThat(corrections).containsExactly("B2");

        // mistakes by JSON pointer, nothing changed
        assertThat(pointers(call("PUT", "/api/v1/recommendations-tracker/" + id, documenter, """
                {"source": "CAT", "documentSymbol": "", "documentDate": "2022-01-20", "text": "x", "repeatsId": %d}""".formatted(id))))
                .containsExactlyInAnyOrder("/documentSymbol", "/repeatsId");
        assertThat(pointers(call("PUT", "/api/v1/recommendations-tracker/" + id + "/assessments/" + assessment, documenter,
                "{\"assessedOn\": \"2024-01-12\"}"))).containsExactly("/grade");
        assertThat(jdbc.queryForObject("SELECT grade FROM recommendation_assessment WHERE id = ?", String.class, assessment)).isEqualTo("C1");
        assertThat(jdbc.queryForObject("SELECT paragraph FROM recommendation WHERE id = ?", String.class, id)).isEqualTo("10");
        // a documenter may not share it beyond the organisation by correcting it
        assertThat(pointers(call("PUT", "/api/v1/recommendations-tracker/" + id, documenter, """
                {"source": "CAT", "documentSymbol": "CAT/C/KAZ/CO/4", "documentDate": "2022-01-20", "text": "x", "sharing": "COALITION"}""")))
                .contains("/sharing");

        // refusals: another organisation (404, audited), an analyst (403); a claim of another recommendation is not found
        assertThat(call("PUT", "/api/v1/recommendations-tracker/" + id, elsewhere, """
                {"source": "CAT", "documentSymbol": "X", "documentDate": "2022-01-20", "text": "x"}""").statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/recommendations-tracker/" + id + "/assessments/" + assessment, elsewhere,
                "{\"assessedOn\": \"2024-01-12\", \"grade\": \"A\"}").statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/recommendations-tracker/" + id + "/claims/" + claim, analyst,
                "{\"claimedOn\": \"2023-05-02\", \"claim\": \"x\"}").statusCode()).isEqualTo(403);
        long other = id(created(call("POST", "/api/v1/recommendations-tracker", documenter, """
                {"source": "NPM", "documentSymbol": "NPM/2024", "documentDate": "2024-02-01", "text": "Other."}""")));
        assertThat(call("PUT", "/api/v1/recommendations-tracker/" + other + "/claims/" + claim, documenter,
                "{\"claimedOn\": \"2023-05-02\", \"claim\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT grade FROM recommendation_assessment WHERE id = ?", String.class, assessment)).isEqualTo("C1");
        assertThat(audits("access.refused", id)).isPositive();
    }

    @Test
    void anAssessmentLinksFlagsFiguresAndVisitsAndHidesFromAReaderWhatTheyMayNotSee() throws Exception {
        var coordinatorAccount = accounts.create(Role.COORDINATOR, false);
        String coordinator = token(coordinatorAccount.id());
        // a case whose inquiry is run by the accused agency's internal security: the rule flags it
        long flagged = event(coordinator, "Beaten in a police station");
        ok(call("POST", "/api/v1/events/" + flagged + "/justice/steps", coordinator, """
                {"stepType": "COMPLAINT_FILED", "occurredOn": "2024-03-18"}"""), 201);
        ok(call("POST", "/api/v1/events/" + flagged + "/justice/steps", coordinator, """
                {"stepType": "INQUIRY_OPENED", "occurredOn": "2024-03-20", "bodyKind": "internal-security",
                 "actingBody": "Internal security department"}"""), 201);
        // official figures for 2022, article 146 of the 2014 code
        String agency = "Prosecutor recs " + System.nanoTime() % 100_000;
        importStatistics(documenter, agency);
        // a monitoring visit of the organisation
        long place = id(created(call("POST", "/api/v1/places", coordinator, """
                {"name": "Temporary detention facility", "officialCode": "RT-%d", "locationType": "police-station",
                 "region": "Almaty", "town": "Almaty"}""".formatted(System.nanoTime() % 1_000_000))));
        long visit = id(created(call("POST", "/api/v1/visits", coordinator, """
                {"placeId": %d, "body": "npm", "visitType": "urgent", "plannedFrom": "2025-02-01"}""".formatted(place))));

        long id = id(created(call("POST", "/api/v1/recommendations-tracker", coordinator, """
                {"source": "CAT", "documentSymbol": "CAT/C/KAZ/CO/4", "documentDate": "2022-01-20", "paragraph": "12",
                 "text": "Establish an independent investigation body.", "sharing": "COALITION"}""")));
        // refused: a rule that does not flag the case, an unknown rule, a case of another organisation, no such figure,
        // a visit of another organisation
        long theirs = event(elsewhere, "Another organisation's case");
        var theirPlace = id(created(call("POST", "/api/v1/places", token(accounts.createElsewhere(Role.MONITOR).id()), """
                {"name": "Colony", "officialCode": "RT-%d", "locationType": "prison", "region": "Almaty", "town": "Almaty"}"""
                .formatted(System.nanoTime() % 1_000_000 + 1))));
        assertThat(theirPlace).isPositive();
        var bad = call("POST", "/api/v1/recommendations-tracker/" + id + "/assessments", coordinator, """
                {"assessedOn": "2024-05-01", "grade": "D",
                 "flags": [{"caseId": %d, "rule": "ReprisalAgainstComplainant"}, {"caseId": %d, "rule": "NoSuchRule"},
                           {"caseId": %d, "rule": "InquiryByAccusedAgency"}],
                 "figures": [{"year": 1990, "article": "2014:146", "measure": "COMPLAINTS"}, {"year": 2022, "article": "146", "measure": "NOTHING"}],
                 "visitIds": [999999999]}""".formatted(flagged, flagged, theirs));
        assertThat(pointers(bad)).containsExactlyInAnyOrder("/flags/0/rule", "/flags/1/rule", "/flags/2/caseId", "/figures/0",
                "/figures/1/article", "/figures/1/measure", "/visitIds/0");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation_assessment WHERE recommendation_id = ?", Long.class, id)).isZero();

        JsonNode assessed = json.readTree(ok(call("POST", "/api/v1/recommendations-tracker/" + id + "/assessments", coordinator, """
                {"assessedOn": "2024-05-01", "grade": "D", "reasoning": "Inquiries stay with the accused agency.",
                 "caseIds": [%d],
                 "flags": [{"caseId": %d, "rule": "InquiryByAccusedAgency"}],
                 "figures": [{"year": 2022, "article": "2014:146", "agency": "%s", "measure": "COMPLAINTS"},
                             {"year": 2022, "article": "2014:146", "agency": "%s", "measure": "complaints-sent-to-court"}],
                 "visitIds": [%d]}""".formatted(flagged, flagged, agency, agency, visit)), 201).body());
        JsonNode a = assessed.get("assessments").get(0);
        assertThat(a.get("flags").get(0).get("caseId").asLong()).isEqualTo(flagged);
        assertThat(a.get("flags").get(0).get("rule").asString()).isEqualTo("InquiryByAccusedAgency");
        assertThat(a.get("flags").get(0).get("raised").asBoolean()).isTrue();
        assertThat(a.get("figures")).hasSize(2);
        assertThat(a.get("figures").get(0).get("jurisdiction").asString()).isEqualTo("KZ");
        assertThat(a.get("figures").get(0).get("value").asString()).isEqualTo("412");
        assertThat(a.get("figures").get(1).get("measure").asString()).isEqualTo("complaints-sent-to-court");
        assertThat(a.get("visits").get(0).get("id").asLong()).isEqualTo(visit);
        assertThat(summary("state-recommendation.assessed", id)).contains("flag " + flagged + " InquiryByAccusedAgency").contains("visit " + visit);

        // another organisation's documenter reads the shared recommendation: the official figures (public documents),
        // but neither the organisation's case, nor its flag, nor its visit
        JsonNode seen = json.readTree(ok(call("GET", "/api/v1/recommendations-tracker/" + id, elsewhere, null), 200).body());
        JsonNode theirView = seen.get("assessments").get(0);
        assertThat(theirView.get("grade").asString()).isEqualTo("D");
        assertThat(theirView.get("caseIds")).isEmpty();
        assertThat(theirView.get("flags")).isEmpty();
        assertThat(theirView.get("visits")).isEmpty();
        assertThat(theirView.get("figures")).hasSize(2);
        assertThat(seen.toString()).doesNotContain("\"caseId\":" + flagged).doesNotContain("Temporary detention facility");

        // a correction replaces the links; the earlier links stay in the kept version and the audit trail only
        JsonNode corrected = json.readTree(ok(call("PUT", "/api/v1/recommendations-tracker/" + id + "/assessments/" + a.get("id").asLong(),
                coordinator, """
                {"assessedOn": "2024-05-01", "grade": "E", "visitIds": [%d]}""".formatted(visit)), 200).body());
        assertThat(corrected.get("assessments").get(0).get("flags")).isEmpty();
        assertThat(corrected.get("assessments").get(0).get("corrections").get(0).get("grade").asString()).isEqualTo("D");
        assertThat(summary("state-recommendation.assessment-changed", id)).contains("InquiryByAccusedAgency");
    }

    private void importStatistics(String token, String agency) throws Exception {
        String table = String.join("\r\n",
                "Юрисдикция;Год;Ведомство;Форма;Редакция кодекса;Статья;Часть;Зарегистрировано заявлений;Возбуждено дел;"
                        + "Направлено в суд;Осуждено;Заявлено письменно;Заявлено устно;Подтвердились;Не подтвердились",
                "KZ;2022;" + agency + ";1-E;2014;146;;412;58;19;7;30;12;3;39", "");
        String boundary = "----recs" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"statistics.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + table + "\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/statistics/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        long job = id(created(upload));
        ok(call("POST", "/api/v1/statistics/imports/" + job + "/run", token, null), 200);
    }

    private String summary(String action, long id) {
        return String.join("\n", jdbc.queryForList("SELECT summary::text FROM audit_entry WHERE action = ? AND record_id = ? ORDER BY seq",
                String.class, action, String.valueOf(id)));
    }

    private long audits(String action, long id) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = ? AND record_id = ?", Long.class, action, String.valueOf(id));
    }

    private JsonNode find(JsonNode followUps, long id) {
        for (JsonNode f : followUps) if (f.get("line").get("id").asLong() == id) return f;
        throw new AssertionError("not on the dashboard: " + id);
    }

    private static JsonNode statusOf(JsonNode statuses, String key) {
        for (JsonNode s : statuses) if (s.get("key").asString().equals(key)) return s;
        throw new AssertionError("no status for " + key);
    }

    private List<Long> ids(HttpResponse<String> followUps) {
        var ids = new ArrayList<Long>();
        json.readTree(followUps.body()).forEach(f -> ids.add(f.get("line").get("id").asLong()));
        return ids;
    }

    private List<Long> lineIds(HttpResponse<String> lines) {
        var ids = new ArrayList<Long>();
        json.readTree(lines.body()).forEach(l -> ids.add(l.get("id").asLong()));
        return ids;
    }

    private long event(String token, String title) throws Exception {
        var response = call("POST", "/api/v1/events", token, """
                {"title": "%s", "sharing": "ORGANISATION", "initial": {"date": "2023-10-01", "precision": "EXACT"}}""".formatted(title));
        return id(created(response));
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        return ok(response, 201);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private long id(HttpResponse<String> response) {
        return json.readTree(response.body()).get("id").asLong();
    }
}
