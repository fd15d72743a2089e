package org.aigaq.justice;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attrition funnel on hand-computed data: four complaints of one organisation (one refused after an inquiry,
 * one convicted and compensated, one waiting, one acquitted), counted as of today, for one year and as of an earlier
 * day; the indicators, losses, days between steps, flags and safeguard violations; a withdrawal and a documentation
 * change moving the figures; the cases behind a figure; what other organisations and viewers see; bad filters.
 */
class AttritionFunnelTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;
    @Autowired AttritionSummaries summaries;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String coordinator;
    private long organisation;
    private String elsewhere;
    private String viewer;
    private long lastAct;

    @BeforeEach
    void accounts() {
        var alone = accounts.createAlone(Role.COORDINATOR);
        coordinator = tokens.create(alone.id(), "test").value();
        organisation = alone.user().organisationId();
        elsewhere = tokens.create(accounts.createElsewhere(Role.ANALYST).id(), "test").value();
        viewer = tokens.create(accounts.create(Role.VIEWER, false).id(), "test").value();
    }

    @Test
    void fourComplaintsCountedByHand() throws Exception {
        long refused = allegation("Refused after an internal inquiry", null);
        step(refused, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-01-10\", \"filedBy\": \"victim\"}");
        step(refused, "{\"stepType\": \"INQUIRY_OPENED\", \"occurredOn\": \"2024-01-20\", \"bodyKind\": \"police\"}");
        step(refused, "{\"stepType\": \"REFUSAL\", \"occurredOn\": \"2024-02-09\", \"reasons\": \"No corpus delicti\"}");

        long convicted = allegation("Convicted and compensated", null);
        long convictedAct = lastAct;
        step(convicted, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-03-01\", \"filedBy\": \"lawyer\"}");
        step(convicted, "{\"stepType\": \"CASE_OPENED\", \"occurredOn\": \"2024-03-11\", \"bodyKind\": \"anti-corruption\", \"article\": \"146\", \"articlePart\": \"2\"}");
        step(convicted, "{\"stepType\": \"SENT_TO_COURT\", \"occurredOn\": \"2024-05-10\", \"article\": \"146\", \"articlePart\": \"2\"}");
        step(convicted, "{\"stepType\": \"VERDICT\", \"occurredOn\": \"2024-07-09\", \"outcome\": \"conviction\", \"article\": \"146\", \"articlePart\": \"2\"}");
        step(convicted, "{\"stepType\": \"SENTENCE\", \"occurredOn\": \"2024-07-09\", \"sentenceKind\": \"imprisonment\", \"sentenceMonths\": 36, \"sentenceSuspended\": true}");
        step(convicted, "{\"stepType\": \"CIVIL_CLAIM\", \"occurredOn\": \"2024-09-01\", \"respondent\": \"state\", \"claimedAmount\": 1000000, \"awardedAmount\": 500000, \"currency\": \"KZT\", \"outcome\": \"partly\"}");
        var episode = call("POST", "/api/v1/events/" + convicted + "/detention-episodes", coordinator, "{\"actId\": " + convictedAct + "}", "en");
        assertThat(episode.statusCode()).as(episode.body()).isEqualTo(201);
        long episodeId = json.readTree(episode.body()).get("episode").get("id").asLong();
        moment(episodeId, "{\"kind\": \"APPREHENDED\", \"localTime\": \"2024-02-27T09:30\"}");
        moment(episodeId, "{\"kind\": \"LAWYER_CONTACT\", \"localTime\": \"2024-02-28T15:30\", \"lawyerKind\": \"chosen\", \"lawyerPresent\": true}");

        long waiting = allegation("Complaint without an answer", null);
        step(waiting, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-04-01\", \"filedBy\": \"relative\"}");

        long acquitted = allegation("Acquitted", "police");
        step(acquitted, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2023-06-01\", \"filedBy\": \"victim\"}");
        step(acquitted, "{\"stepType\": \"CASE_OPENED\", \"occurredOn\": \"2023-06-21\", \"bodyKind\": \"prosecutor\", \"article\": \"146\"}");
        step(acquitted, "{\"stepType\": \"SENT_TO_COURT\", \"occurredOn\": \"2023-08-20\", \"article\": \"146\"}");
        step(acquitted, "{\"stepType\": \"VERDICT\", \"occurredOn\": \"2023-10-19\", \"outcome\": \"acquittal\"}");

        String mine = "organisation=" + organisation;
        JsonNode funnel = get("/api/v1/justice/funnel?" + mine, coordinator);
        assertThat(reached(funnel)).containsExactly(4L, 3L, 2L, 2L, 1L, 1L);
        assertThat(losses(funnel)).containsExactlyInAnyOrder("COMPLAINT/PENDING=1", "INQUIRY/REFUSAL=1", "COURT/ACQUITTAL=1");
        assertThat(indicator(funnel, "complaints-sent-to-court").get("percent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(indicator(funnel, "court-cases-convicted").get("percent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(indicator(funnel, "complaints-compensated").get("percent").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(indicator(funnel, "complaints-examined").get("percent").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(indicator(funnel, "complaints-examined").get("numerator").asString()).contains("Examined");
        // days from complaint to examination: 10, 10 and 20 → median 10, 90th percentile 10 + 0.8 × 10
        JsonNode first = funnel.get("times").get(0);
        assertThat(first.get("cases").asLong()).isEqualTo(3);
        assertThat(first.get("medianDays").decimalValue()).isEqualByComparingTo("10.0");
        assertThat(first.get("p90Days").decimalValue()).isEqualByComparingTo("18.0");
        assertThat(funnel.get("times").get(2).get("medianDays").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(count(funnel.get("flags"), "SuspendedOrBelowMinimumSentence")).isEqualTo(1);
        assertThat(count(funnel.get("flags"), "InquiryByAccusedAgency")).isZero();
        assertThat(count(funnel.get("safeguardViolations"), "LawyerLaterThan24Hours")).isEqualTo(1);
        assertThat(funnel.get("violated").asLong()).isEqualTo(1);

        // a summary lost (or computed with an older catalogue) is computed again at start
        jdbc.update("DELETE FROM justice_attrition WHERE event_id = ?", waiting);
        assertThat(reached(get("/api/v1/justice/funnel?" + mine, coordinator)).getFirst()).isEqualTo(3L);
        jdbc.update("UPDATE justice_attrition SET version = version + 1, complaint_on = NULL WHERE event_id = ?", acquitted);
        assertThat(summaries.catchUp()).isGreaterThanOrEqualTo(2);
        assertThat(reached(get("/api/v1/justice/funnel?" + mine, coordinator))).containsExactly(4L, 3L, 2L, 2L, 1L, 1L);

        // one year, and an earlier day
        assertThat(reached(get("/api/v1/justice/funnel?fromYear=2024&toYear=2024&" + mine, coordinator))).containsExactly(3L, 2L, 1L, 1L, 1L, 1L);
        JsonNode earlier = get("/api/v1/justice/funnel?asOf=2024-03-05&" + mine, coordinator);
        assertThat(reached(earlier)).containsExactly(3L, 2L, 1L, 1L, 0L, 0L);
        assertThat(losses(earlier)).containsExactlyInAnyOrder("COMPLAINT/PENDING=1", "INQUIRY/REFUSAL=1", "COURT/ACQUITTAL=1");
        assertThat(reached(get("/api/v1/justice/funnel?article=2014:146&" + mine, coordinator))).containsExactly(2L, 2L, 2L, 2L, 1L, 1L);
        assertThat(reached(get("/api/v1/justice/funnel?agency=police&" + mine, coordinator))).containsExactly(1L, 1L, 1L, 1L, 0L, 0L);
        // two narrowing filters at once, each its own tag
        assertThat(reached(get("/api/v1/justice/funnel?agency=police&article=2014:146&" + mine, coordinator)))
                .containsExactly(1L, 1L, 1L, 1L, 0L, 0L);
        assertThat(reached(get("/api/v1/justice/funnel?agency=police&article=2014:362&" + mine, coordinator)).getFirst()).isZero();

        // the inquiry was by the police: once the perpetrators are recorded as police officers, the case is flagged
        involvement(refusedAct, "police");
        assertThat(count(get("/api/v1/justice/funnel?" + mine, coordinator).get("flags"), "InquiryByAccusedAgency")).isEqualTo(1);

        // the cases behind a figure
        JsonNode court = get("/api/v1/justice/funnel/cases?reached=COURT&" + mine, coordinator);
        var ids = new ArrayList<Long>();
        court.get("cases").forEach(c -> ids.add(c.get("eventId").asLong()));
        assertThat(ids).containsExactly(acquitted, convicted);
        JsonNode refusals = get("/api/v1/justice/funnel/cases?stoppedAt=INQUIRY&reason=REFUSAL&" + mine, coordinator);
        assertThat(refusals.get("cases")).hasSize(1);
        assertThat(refusals.get("cases").get(0).get("eventId").asLong()).isEqualTo(refused);
        JsonNode violated = get("/api/v1/justice/funnel/cases?violation=ANY&" + mine, coordinator);
        assertThat(violated.get("cases")).hasSize(1);
        assertThat(violated.get("cases").get(0).get("violations").toString()).contains("LawyerLaterThan24Hours");
        assertThat(get("/api/v1/justice/funnel/cases?flag=ANY&" + mine, coordinator).get("cases")).hasSize(2);
        JsonNode byRegion = get("/api/v1/justice/funnel/breakdown?by=AGENCY&" + mine, coordinator);
        assertThat(byRegion.get(0).get("value").asString()).isEqualTo("police");
        assertThat(byRegion.get(0).get("complaints").asLong()).isEqualTo(2);

        // a verdict withdrawn: the acquitted case is in court again, waiting
        long verdict = lastStepOf(acquitted);
        var withdrawn = call("POST", "/api/v1/events/" + acquitted + "/justice/steps/" + verdict + "/withdrawal", coordinator,
                "{\"reason\": \"Entered on the wrong case\"}", "en");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(losses(get("/api/v1/justice/funnel?" + mine, coordinator))).contains("COURT/PENDING=1").doesNotContain("COURT/ACQUITTAL=1");

        // other organisations and viewers do not see these cases, whose sharing is the organisation's
        assertThat(reached(get("/api/v1/justice/funnel?" + mine, elsewhere)).getFirst()).isZero();
        assertThat(get("/api/v1/justice/funnel/cases?" + mine, elsewhere).get("cases")).isEmpty();
        assertThat(reached(get("/api/v1/justice/funnel?" + mine, viewer)).getFirst()).isZero();
    }

    @Test
    void badFiltersAreNamedInTheCallersLanguage() throws Exception {
        var response = call("GET", "/api/v1/justice/funnel?fromYear=abc&asOf=2024-13-01&article=146", coordinator, null, "ru");
        assertThat(response.statusCode()).isEqualTo(400);
        var pointers = new ArrayList<String>();
        json.readTree(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString() + " " + e.get("message").asString()));
        assertThat(pointers).anyMatch(p -> p.startsWith("/fromYear") && p.contains("Год"))
                .anyMatch(p -> p.startsWith("/asOf") && p.contains("ГГГГ"));
        var reversed = call("GET", "/api/v1/justice/funnel?fromYear=2025&toYear=2024", coordinator, null, "en");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reversed.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/toYear");
        var article = call("GET", "/api/v1/justice/funnel?article=146", coordinator, null, "en");
        assertThat(json.readTree(article.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/article");
        var reason = call("GET", "/api/v1/justice/funnel/cases?reason=BRIBED", coordinator, null, "en");
        assertThat(reason.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/justice/funnel", null, null, "en").statusCode()).isEqualTo(401);
    }

    private long refusedAct;

    private long allegation(String title, String agency) throws Exception {
        var event = call("POST", "/api/v1/events", coordinator, """
                {"title": "%s", "sharing": "ORGANISATION", "region": "Almaty", "initial": {"date": "2023-05-30", "precision": "EXACT"}}"""
                .formatted(title), "en");
        assertThat(event.statusCode()).as(event.body()).isEqualTo(201);
        long id = json.readTree(event.body()).get("id").asLong();
        var person = call("POST", "/api/v1/people", coordinator, "{\"identity\": {\"name\": \"Асхат Нұрланұлы\"}}", "en");
        long victim = json.readTree(person.body()).get("id").asLong();
        var act = call("POST", "/api/v1/events/" + id + "/acts", coordinator, """
                {"victimId": %d, "actType": "torture", "initial": {"date": "2023-05-30", "precision": "EXACT"}}""".formatted(victim), "en");
        assertThat(act.statusCode()).as(act.body()).isEqualTo(201);
        lastAct = json.readTree(act.body()).get("id").asLong();
        if (title.startsWith("Refused")) refusedAct = lastAct;
        if (agency != null) involvement(lastAct, agency);
        return id;
    }

    private void involvement(long act, String agency) throws Exception {
        var involvement = call("POST", "/api/v1/acts/" + act + "/involvements", coordinator,
                "{\"degree\": \"carried-out\", \"agency\": \"" + agency + "\"}", "en");
        if (involvement.statusCode() != 201) {
            involvement = call("POST", "/api/v1/acts/" + act + "/involvements", coordinator, "{\"agency\": \"" + agency + "\"}", "en");
        }
        assertThat(involvement.statusCode()).as(involvement.body()).isEqualTo(201);
    }

    private long lastStepOf(long event) throws Exception {
        JsonNode steps = get("/api/v1/events/" + event + "/justice", coordinator).get("steps");
        return steps.get(steps.size() - 1).get("id").asLong();
    }

    private static List<Long> reached(JsonNode funnel) {
        var counts = new ArrayList<Long>();
        funnel.get("steps").forEach(s -> counts.add(s.get("cases").asLong()));
        return counts;
    }

    private static List<String> losses(JsonNode funnel) {
        var losses = new ArrayList<String>();
        funnel.get("losses").forEach(l -> losses.add(l.get("at").asString() + "/" + l.get("reason").asString() + "=" + l.get("cases").asLong()));
        return losses;
    }

    private static JsonNode indicator(JsonNode funnel, String code) {
        for (JsonNode i : funnel.get("indicators")) if (i.get("code").asString().equals(code)) return i;
        throw new AssertionError("no indicator " + code);
    }

    private static long count(JsonNode counts, String rule) {
        for (JsonNode c : counts) if (c.get("rule").asString().equals(rule)) return c.get("cases").asLong();
        throw new AssertionError("no rule " + rule + " in " + counts);
    }

    private void step(long event, String body) throws Exception {
        var response = call("POST", "/api/v1/events/" + event + "/justice/steps", coordinator, body, "en");
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(201);
    }

    private void moment(long episode, String body) throws Exception {
        var response = call("POST", "/api/v1/detention-episodes/" + episode + "/moments", coordinator, body, "en");
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(201);
    }

    private JsonNode get(String path, String token) throws Exception {
        var response = call("GET", path, token, null, "en");
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String token, String body, String language) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", language)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (body != null) builder.header("Content-Type", "application/json");
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
