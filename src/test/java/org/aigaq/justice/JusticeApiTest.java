package org.aigaq.justice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.audit.AuditSearch;
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
 * The justice pipeline through the API: a whole pipeline with its flags, impossible sequences refused in the
 * caller's language naming the field, real-world irregularities accepted, second submissions refused, detention
 * episodes with their safeguards, the overdue list, and who may read and write what.
 */
class JusticeApiTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired AuditSearch audit;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String coordinator;
    private String analyst;
    private String viewer;
    private String elsewhere;
    private String otherLawyer;
    private String otherLawyerName;

    @BeforeEach
    void accounts() {
        var alone = accounts.createAlone(Role.COORDINATOR);
        coordinator = token(alone.id());
        long organisation = alone.user().organisationId();
        analyst = token(accounts.create(Role.ANALYST, false).id());
        viewer = token(accounts.create(Role.VIEWER, false).id());
        elsewhere = token(accounts.createElsewhere(Role.DOCUMENTER).id());
        var lawyer = accounts.createElsewhere(Role.LAWYER);
        otherLawyer = token(lawyer.id());
        otherLawyerName = lawyer.username();
        assertThat(organisation).isPositive();
    }

    @Test
    void aWholePipelineWithItsFlags() throws Exception {
        long event = tortureCase(coordinator, "ORGANISATION");
        step(event, coordinator, 201, """
                {"stepType": "COMPLAINT_FILED", "occurredOn": "2024-03-18", "filedBy": "lawyer", "addressee": "Prosecutor of Almaty",
                 "documentReference": "No. 17/2024", "documentDate": "2024-03-18"}""");
        step(event, coordinator, 201, """
                {"stepType": "INQUIRY_OPENED", "occurredOn": "2024-03-20", "bodyKind": "internal-security",
                 "actingBody": "Internal security department, Almaty police"}""");
        step(event, coordinator, 201, """
                {"stepType": "REFUSAL", "occurredOn": "2024-04-10", "reasons": "No corpus delicti", "documentReference": "R-55"}""");
        step(event, coordinator, 201, """
                {"stepType": "REFUSAL_QUASHED", "occurredOn": "2024-05-02", "actingBody": "Investigating judge"}""");
        step(event, coordinator, 201, """
                {"stepType": "CASE_OPENED", "occurredOn": "2024-05-20", "bodyKind": "anti-corruption", "article": "362", "articlePart": "4"}""");
        step(event, coordinator, 201, """
                {"stepType": "SENT_TO_COURT", "occurredOn": "2024-08-01", "article": "362", "articlePart": "4"}""");
        step(event, coordinator, 201, """
                {"stepType": "VERDICT", "occurredOn": "2024-10-01", "outcome": "conviction", "article": "362", "articlePart": "4"}""");
        step(event, coordinator, 201, """
                {"stepType": "SENTENCE", "occurredOn": "2024-10-01", "sentenceKind": "imprisonment", "sentenceMonths": 36,
                 "sentenceSuspended": true, "banFromOffice": true}""");
        step(event, coordinator, 201, """
                {"stepType": "CIVIL_CLAIM", "occurredOn": "2025-01-15", "respondent": "officer", "claimedAmount": 5000000,
                 "awardedAmount": 300000.50, "currency": "kzt", "outcome": "partly", "paid": false}""");
        step(event, coordinator, 201, """
                {"stepType": "REPRISAL", "occurredOn": "2024-04-01", "target": "complainant", "reasons": "Searched and threatened"}""");

        JsonNode pipeline = get("/api/v1/events/" + event + "/justice", coordinator, 200);
        assertThat(pipeline.get("stage").asString()).isEqualTo("SENTENCED");
        assertThat(pipeline.get("since").asString()).isEqualTo("2024-10-01");
        assertThat(pipeline.get("steps")).hasSize(10);
        // steps come in date order, the back-dated reprisal among them
        assertThat(pipeline.get("steps").get(2).get("stepType").asString()).isEqualTo("REPRISAL");
        assertThat(pipeline.get("steps").get(9).get("currency").asString()).isEqualTo("KZT");
        var rules = new ArrayList<String>();
        pipeline.get("flags").forEach(f -> rules.add(f.get("rule").asString()));
        assertThat(rules).containsExactlyInAnyOrder("InquiryByAccusedAgency", "RequalifiedToMilderArticle",
                "SuspendedOrBelowMinimumSentence", "CompensationChargedToOfficer", "ReprisalAgainstComplainant");
        JsonNode requalified = find(pipeline.get("flags"), "RequalifiedToMilderArticle");
        assertThat(requalified.get("reason").asString()).contains("362(4) / 2014");
        assertThat(requalified.get("source").asString()).contains("Convention against Torture");
        assertThat(pipeline.get("deadlines").get(0).get("code").asString()).isEqualTo("sentence-appeal");
        assertThat(pipeline.get("deadlines").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(pipeline.get("allowedNext").toString()).contains("APPEAL").doesNotContain("VERDICT");
        assertThat(get("/api/v1/events/" + event + "/justice/flags", coordinator, 200)).hasSize(5);
        assertThat(audit.search(new AuditSearch.Filter(null, "justice.step.recorded", null, null, null, null), null, 50)
                .entries()).isNotEmpty();
    }

    @Test
    void aVerdictBeforeACaseIsOpenedIsRefusedInEnglishAndRussianNamingTheField() throws Exception {
        long event = tortureCase(coordinator, "ORGANISATION");
        step(event, coordinator, 201, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-03-18\", \"filedBy\": \"victim\"}");
        String verdict = "{\"stepType\": \"VERDICT\", \"occurredOn\": \"2024-06-01\", \"outcome\": \"conviction\"}";
        var english = call("POST", "/api/v1/events/" + event + "/justice/steps", coordinator, verdict, "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode error = json.readTree(english.body()).get("errors").get(0);
        assertThat(error.get("pointer").asString()).isEqualTo("/stepType");
        assertThat(error.get("message").asString()).contains("Verdict").contains("Complaint filed").contains("a case sent to court");
        var russian = call("POST", "/api/v1/events/" + event + "/justice/steps", coordinator, verdict, "ru");
        assertThat(russian.statusCode()).isEqualTo(400);
        JsonNode ru = json.readTree(russian.body()).get("errors").get(0);
        assertThat(ru.get("pointer").asString()).isEqualTo("/stepType");
        assertThat(ru.get("message").asString()).contains("Приговор").contains("Жалоба подана").contains("направления дела в суд");
        // nothing was written
        assertThat(get("/api/v1/events/" + event + "/justice", coordinator, 200).get("steps")).hasSize(1);
        // a back-dated step that would break a later one is refused too
        step(event, coordinator, 201, "{\"stepType\": \"CASE_OPENED\", \"occurredOn\": \"2024-04-01\", \"article\": \"146\", \"articlePart\": \"2\"}");
        step(event, coordinator, 400, "{\"stepType\": \"REFUSAL\", \"occurredOn\": \"2024-03-20\"}");
    }

    @Test
    void fieldsAreCheckedAllAtOnceWithTheirNames() throws Exception {
        long event = tortureCase(coordinator, "ORGANISATION");
        step(event, coordinator, 201, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-03-18\"}");
        var response = call("POST", "/api/v1/events/" + event + "/justice/steps", coordinator, """
                {"stepType": "CASE_OPENED", "occurredOn": "2024-04-01", "bodyKind": "the-neighbours", "codeVersion": "1959"}""", "en");
        assertThat(response.statusCode()).isEqualTo(400);
        var pointers = new ArrayList<String>();
        json.readTree(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).containsExactlyInAnyOrder("/bodyKind", "/article", "/codeVersion");
        var noDate = call("POST", "/api/v1/events/" + event + "/justice/steps", coordinator, "{\"stepType\": \"REGISTERED\"}", "en");
        assertThat(json.readTree(noDate.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/occurredOn");
        var badType = call("POST", "/api/v1/events/" + event + "/justice/steps", coordinator, "{\"stepType\": \"LYNCHING\", \"occurredOn\": \"2024-04-01\"}", "en");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badType.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/stepType");
    }

    @Test
    void realWorldIrregularitiesAreRecorded() throws Exception {
        long event = tortureCase(coordinator, "ORGANISATION");
        String[] sequence = {
                "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2019-01-10\"}",
                "{\"stepType\": \"REGISTERED\", \"occurredOn\": \"2019-01-11\"}",
                "{\"stepType\": \"INQUIRY_OPENED\", \"occurredOn\": \"2019-01-12\", \"bodyKind\": \"police\"}",
                "{\"stepType\": \"REFUSAL\", \"occurredOn\": \"2019-02-12\"}",
                "{\"stepType\": \"REFUSAL_APPEALED\", \"occurredOn\": \"2019-02-20\", \"outcome\": \"rejected\"}",
                "{\"stepType\": \"REFUSAL_QUASHED\", \"occurredOn\": \"2019-06-01\"}",
                "{\"stepType\": \"REFUSAL\", \"occurredOn\": \"2019-07-01\"}",
                "{\"stepType\": \"REFUSAL_QUASHED\", \"occurredOn\": \"2019-09-01\"}",
                "{\"stepType\": \"CASE_OPENED\", \"occurredOn\": \"2019-10-01\", \"article\": \"146\", \"articlePart\": \"2\"}",
                "{\"stepType\": \"CHARGES_CHANGED\", \"occurredOn\": \"2019-11-01\", \"article\": \"362\", \"articlePart\": \"1\"}",
                "{\"stepType\": \"CHARGES_CHANGED\", \"occurredOn\": \"2019-12-01\", \"article\": \"146\", \"articlePart\": \"2\"}",
                "{\"stepType\": \"SENT_TO_COURT\", \"occurredOn\": \"2020-02-01\"}",
                "{\"stepType\": \"VERDICT\", \"occurredOn\": \"2020-05-01\", \"outcome\": \"acquittal\"}",
                "{\"stepType\": \"APPEAL\", \"occurredOn\": \"2020-08-01\", \"outcome\": \"quashed-retrial\"}",
                "{\"stepType\": \"VERDICT\", \"occurredOn\": \"2021-01-01\", \"outcome\": \"conviction\", \"article\": \"146\", \"articlePart\": \"2\"}",
                "{\"stepType\": \"SENTENCE\", \"occurredOn\": \"2021-01-01\", \"sentenceKind\": \"imprisonment\", \"sentenceMonths\": 60}",
                "{\"stepType\": \"UN_COMMUNICATION\", \"occurredOn\": \"2021-06-01\", \"committee\": \"CAT\", \"communicationNumber\": \"999/2021\", \"decisionDate\": \"2023-01-10\", \"violationsFound\": \"art. 12, 13\"}",
                "{\"stepType\": \"UN_FOLLOW_UP\", \"occurredOn\": \"2024-01-10\", \"communicationNumber\": \"999/2021\", \"implementation\": \"partly\"}"};
        for (String s : sequence) step(event, coordinator, 201, s);
        JsonNode pipeline = get("/api/v1/events/" + event + "/justice", coordinator, 200);
        assertThat(pipeline.get("stage").asString()).isEqualTo("SENTENCED");
        var rules = new ArrayList<String>();
        pipeline.get("flags").forEach(f -> rules.add(f.get("rule").asString()));
        // the police inquired into police officers; torture was once charged as exceeding authority; the UN decision waits
        assertThat(rules).containsExactlyInAnyOrder("InquiryByAccusedAgency", "RequalifiedToMilderArticle", "UnDecisionNotImplemented");
        var codes = new ArrayList<String>();
        pipeline.get("deadlines").forEach(d -> codes.add(d.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("sentence-appeal", "un-follow-up");
    }

    @Test
    void aStepRecordedByMistakeIsWithdrawnUnlessLaterStepsNeedIt() throws Exception {
        long event = tortureCase(coordinator, "ORGANISATION");
        step(event, coordinator, 201, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-03-18\"}");
        step(event, coordinator, 201, "{\"stepType\": \"CASE_OPENED\", \"occurredOn\": \"2024-04-01\", \"article\": \"146\", \"articlePart\": \"2\"}");
        step(event, coordinator, 201, "{\"stepType\": \"SENT_TO_COURT\", \"occurredOn\": \"2024-05-01\"}");
        JsonNode steps = get("/api/v1/events/" + event + "/justice", coordinator, 200).get("steps");
        long opened = steps.get(1).get("id").asLong();
        long sent = steps.get(2).get("id").asLong();
        String path = "/api/v1/events/" + event + "/justice/steps/";
        // the case cannot lose its opening while it is in court
        var refused = call("POST", path + opened + "/withdrawal", coordinator, "{\"reason\": \"wrong case\"}", "en");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/stepId");
        var noReason = call("POST", path + sent + "/withdrawal", coordinator, "{\"reason\": \" \"}", "en");
        assertThat(json.readTree(noReason.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/reason");
        assertThat(call("POST", path + sent + "/withdrawal", elsewhere, "{\"reason\": \"typo\"}", "en").statusCode()).isEqualTo(404);
        var withdrawn = call("POST", path + sent + "/withdrawal", coordinator, "{\"reason\": \"Entered on the wrong case\"}", "en");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json.readTree(withdrawn.body()).get("stage").asString()).isEqualTo("INVESTIGATION");
        assertThat(json.readTree(withdrawn.body()).get("steps")).hasSize(2);
        // once withdrawn it is gone from the pipeline, and cannot be withdrawn twice
        assertThat(call("POST", path + sent + "/withdrawal", coordinator, "{\"reason\": \"again\"}", "en").statusCode()).isEqualTo(400);
        assertThat(audit.search(new AuditSearch.Filter(null, "justice.step.withdrawn", "justice_step", String.valueOf(sent), null, null), null, 5)
                .entries()).hasSize(1);
    }

    @Test
    void aSecondSubmissionOfTheSameStepIsRefused() throws Exception {
        long event = tortureCase(coordinator, "ORGANISATION");
        String complaint = "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-03-18\", \"filedBy\": \"victim\", \"documentReference\": \"A-1\"}";
        step(event, coordinator, 201, complaint);
        var again = call("POST", "/api/v1/events/" + event + "/justice/steps", coordinator, complaint, "en");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json.readTree(again.body()).get("errors").get(0).get("message").asString()).contains("already recorded");
        // a second complaint to another body is not a duplicate
        step(event, coordinator, 201, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-03-18\", \"filedBy\": \"ngo\", \"documentReference\": \"A-2\"}");
    }

    @Test
    void whoMayReadAndWrite() throws Exception {
        long event = tortureCase(coordinator, "ORGANISATION");
        step(event, coordinator, 201, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-03-18\", \"notes\": \"Met the victim’s mother at home\"}");
        String path = "/api/v1/events/" + event + "/justice";
        // another organisation neither reads nor writes, and is told the case does not exist
        assertThat(call("GET", path, elsewhere, null, "en").statusCode()).isEqualTo(404);
        assertThat(call("POST", path + "/steps", elsewhere, "{\"stepType\": \"REGISTERED\", \"occurredOn\": \"2024-03-19\"}", "en").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/events/" + event + "/detention-episodes", elsewhere, null, "en").statusCode()).isEqualTo(404);
        assertThat(audit.search(new AuditSearch.Filter(null, "access.refused", "event", String.valueOf(event), null, null), null, 5)
                .entries()).isNotEmpty();
        // viewers see only published cases
        assertThat(call("GET", path, viewer, null, "en").statusCode()).isEqualTo(404);
        // an analyst of another organisation cannot see an organisation-only case; a lawyer given access can write
        assertThat(call("GET", path, otherLawyer, null, "en").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/events/" + event + "/access", coordinator, "{\"username\": \"" + otherLawyerName + "\"}", "en")
                .statusCode()).isEqualTo(204);
        step(event, otherLawyer, 201, "{\"stepType\": \"REGISTERED\", \"occurredOn\": \"2024-03-19\"}");
        assertThat(get(path, otherLawyer, 200).get("steps").get(0).get("notes").asString()).contains("mother");
        // analysts (who may not write) read a coalition-shared case without the notes
        long shared = tortureCase(coordinator, "COALITION");
        step(shared, coordinator, 201, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-03-18\", \"notes\": \"Met the victim’s mother\"}");
        JsonNode seen = get("/api/v1/events/" + shared + "/justice", analyst, 200);
        assertThat(seen.get("steps").get(0).get("notes").isNull()).isTrue();
        assertThat(call("POST", "/api/v1/events/" + shared + "/justice/steps", analyst, "{\"stepType\": \"REGISTERED\", \"occurredOn\": \"2024-03-19\"}", "en")
                .statusCode()).isEqualTo(403);
        // another organisation's documenter reads a coalition-shared case but may not write it
        assertThat(call("GET", "/api/v1/events/" + shared + "/justice", elsewhere, null, "en").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/events/" + shared + "/justice/steps", elsewhere, "{\"stepType\": \"REGISTERED\", \"occurredOn\": \"2024-03-19\"}", "en")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aDetentionEpisodeWithALateLawyer() throws Exception {
        long event = tortureCase(coordinator, "ORGANISATION");
        long act = firstAct(event);
        var created = call("POST", "/api/v1/events/" + event + "/detention-episodes", coordinator, "{\"actId\": " + act + "}", "en");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long episode = json.readTree(created.body()).get("episode").get("id").asLong();
        moment(episode, 201, "{\"kind\": \"APPREHENDED\", \"localTime\": \"2024-03-17T09:30\"}");
        moment(episode, 201, "{\"kind\": \"ARREST_RECORDED\", \"localTime\": \"2024-03-17T18:00\"}");
        moment(episode, 201, "{\"kind\": \"INTERROGATION\", \"localTime\": \"2024-03-17T11:00\", \"registeredPlace\": false, \"placeDescription\": \"A car\"}");
        // the lawyer came at 07:31 Moscow time two days later: 09:31 in Almaty, 48 h 1 min after apprehension
        moment(episode, 201, "{\"kind\": \"LAWYER_CONTACT\", \"localTime\": \"2024-03-19T07:31\", \"zone\": \"Europe/Moscow\", \"lawyerKind\": \"state-appointed\", \"lawyerPresent\": false}");
        JsonNode view = get("/api/v1/detention-episodes/" + episode, coordinator, 200);
        assertThat(find(view.get("safeguards"), "LawyerLaterThan24Hours").get("status").asString()).isEqualTo("VIOLATED");
        assertThat(find(view.get("safeguards"), "LawyerLaterThan24Hours").get("delayMinutes").asLong()).isEqualTo(48 * 60 + 1);
        assertThat(find(view.get("safeguards"), "RegistrationDelayed").get("status").asString()).isEqualTo("VIOLATED");
        assertThat(find(view.get("safeguards"), "InterrogationInUnregisteredPlace").get("status").asString()).isEqualTo("VIOLATED");
        assertThat(find(view.get("safeguards"), "JudicialReviewLaterThan48Hours").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(find(view.get("safeguards"), "NoMedicalExamination").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(view.get("violations").asLong()).isEqualTo(3);
        assertThat(get("/api/v1/events/" + event + "/detention-episodes", coordinator, 200)).hasSize(1);
        // bad input names its field
        var bad = call("POST", "/api/v1/detention-episodes/" + episode + "/moments", coordinator,
                "{\"kind\": \"TRANSFER\", \"localTime\": \"2024-03-20T10:00\", \"zone\": \"Mars/Olympus\"}", "en");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/zone");
        // an act of another case is refused
        long other = tortureCase(coordinator, "ORGANISATION");
        var wrongAct = call("POST", "/api/v1/events/" + other + "/detention-episodes", coordinator, "{\"actId\": " + act + "}", "en");
        assertThat(json.readTree(wrongAct.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/actId");
        assertThat(call("POST", "/api/v1/detention-episodes/" + episode + "/moments", elsewhere,
                "{\"kind\": \"RELEASED\", \"localTime\": \"2024-03-20T10:00\"}", "en").statusCode()).isEqualTo(404);
    }

    @Test
    void theOverdueListShowsTheOrganisationsCasesPastADeadline() throws Exception {
        long late = tortureCase(coordinator, "ORGANISATION");
        step(late, coordinator, 201, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2024-01-10\"}");
        long onTime = tortureCase(coordinator, "ORGANISATION");
        step(onTime, coordinator, 201, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"" + LocalDate.now() + "\"}");
        JsonNode page = get("/api/v1/justice/overdue", coordinator, 200);
        var ids = new ArrayList<Long>();
        page.get("cases").forEach(c -> ids.add(c.get("eventId").asLong()));
        assertThat(ids).contains(late).doesNotContain(onTime);
        JsonNode first = page.get("cases").get(ids.indexOf(late));
        assertThat(first.get("deadline").asString()).isEqualTo("registration");
        assertThat(first.get("due").asString()).isEqualTo("2024-01-11");
        JsonNode theirs = get("/api/v1/justice/overdue", elsewhere, 200);
        theirs.get("cases").forEach(c -> assertThat(c.get("eventId").asLong()).isNotEqualTo(late));
        // registered in time: no longer overdue for registration
        step(late, coordinator, 201, "{\"stepType\": \"REGISTERED\", \"occurredOn\": \"2024-01-11\"}");
        JsonNode after = get("/api/v1/justice/overdue?size=1", coordinator, 200);
        assertThat(after.get("cases")).hasSize(1);
        assertThat(after.get("cases").get(0).get("deadline").asString()).isEqualTo("investigation-start");
    }

    @Test
    void theRulesAreListedWithTheirSources() throws Exception {
        JsonNode rules = get("/api/v1/justice/rules", viewer, 200);
        assertThat(rules.get("impunityRules")).hasSize(7);
        assertThat(rules.get("transitions").get("VERDICT").toString()).isEqualTo("[\"IN_COURT\"]");
        JsonNode kz = rules.get("jurisdictions").get(0);
        assertThat(kz.get("code").asString()).isEqualTo("KZ");
        assertThat(kz.get("zone").asString()).isEqualTo("Asia/Almaty");
        assertThat(kz.get("articles").toString()).contains("347-1").contains("141-1").contains("362").contains("361");
        assertThat(kz.get("safeguardRules")).hasSize(7);
        assertThat(kz.get("deadlines").get(0).get("source").asString()).contains("Code of Criminal Procedure");
        var russian = call("GET", "/api/v1/justice/rules", viewer, null, "ru");
        JsonNode ru = json.readTree(russian.body()).get("jurisdictions").get(0);
        assertThat(ru.get("deadlines").get(0).get("source").asString()).contains("УПК РК");
        assertThat(ru.get("thresholds").get(0).get("rule").asString()).isEqualTo("RegistrationDelayed");
        assertThat(ru.get("thresholds").get(0).get("source").asString()).contains("УПК РК");
    }

    private long tortureCase(String token, String sharing) throws Exception {
        var event = call("POST", "/api/v1/events", token, """
                {"title": "Beaten at a district police station", "sharing": "%s", "initial": {"date": "2024-03-17", "precision": "EXACT"}}"""
                .formatted(sharing), "en");
        assertThat(event.statusCode()).as(event.body()).isEqualTo(201);
        long id = json.readTree(event.body()).get("id").asLong();
        var person = call("POST", "/api/v1/people", token, "{\"identity\": {\"name\": \"Асхат Нұрланұлы\"}}", "en");
        assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
        long victim = json.readTree(person.body()).get("id").asLong();
        var act = call("POST", "/api/v1/events/" + id + "/acts", token, """
                {"victimId": %d, "actType": "torture", "initial": {"date": "2024-03-17", "precision": "EXACT"}}""".formatted(victim), "en");
        assertThat(act.statusCode()).as(act.body()).isEqualTo(201);
        long actId = json.readTree(act.body()).get("id").asLong();
        lastAct = actId;
        var involvement = call("POST", "/api/v1/acts/" + actId + "/involvements", token,
                "{\"degree\": \"carried-out\", \"agency\": \"police\"}", "en");
        if (involvement.statusCode() != 201) {
            involvement = call("POST", "/api/v1/acts/" + actId + "/involvements", token, "{\"agency\": \"police\"}", "en");
        }
        assertThat(involvement.statusCode()).as(involvement.body()).isEqualTo(201);
        return id;
    }

    /** The act of the last case {@link #tortureCase} recorded. */
    private long lastAct;

    private long firstAct(long event) {
        return lastAct;
    }

    private void step(long event, String token, int status, String body) throws Exception {
        var response = call("POST", "/api/v1/events/" + event + "/justice/steps", token, body, "en");
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(status);
    }

    private void moment(long episode, int status, String body) throws Exception {
        var response = call("POST", "/api/v1/detention-episodes/" + episode + "/moments", coordinator, body, "en");
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(status);
    }

    private JsonNode get(String path, String token, int status) throws Exception {
        var response = call("GET", path, token, null, "en");
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private static JsonNode find(JsonNode list, String rule) {
        for (JsonNode n : list) if (n.get("rule").asString().equals(rule)) return n;
        throw new AssertionError("no " + rule + " in " + list);
    }

    private String token(long userId) {
        return tokens.create(userId, "test").value();
    }

    private HttpResponse<String> call(String method, String path, String token, String body, String language) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", language)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) builder.header("Content-Type", "application/json");
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
