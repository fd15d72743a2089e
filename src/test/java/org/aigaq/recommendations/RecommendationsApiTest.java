package org.aigaq.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
 * Recommendations over the API: a CAT follow-up item with its claims and graded assessment (cases as evidence), the
 * "repeated since" chain, the dashboard and reminders, mistakes by JSON pointer in Russian with nothing written, and
 * refusals for another organisation and for roles that do not record; every write audited.
 */
class RecommendationsApiTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
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
