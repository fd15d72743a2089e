package org.aigaq.platform.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The vocabularies over the REST API: every signed-in user reads them, administrators add terms, mistakes are named by pointer. */
class VocabulariesApiTest extends ApiTestCase {

    @Autowired Vocabularies vocabularies;
    private String adminToken;
    private String viewerToken;

    @BeforeEach
    void tokens() {
        adminToken = tokens.create(accounts.create(Role.ADMINISTRATOR, true).id(), "test").value();
        viewerToken = tokens.create(accounts.create(Role.VIEWER, false).id(), "test").value();
    }

    @Test
    void everySignedInUserReadsTheListsAndTheirTermsInTreeOrder() throws Exception {
        var lists = ok(call("GET", "/api/v1/vocabularies", viewerToken, null, "en"));
        JsonNode location = null;
        for (JsonNode list : lists) if (list.get("code").asString().equals("location-type")) location = list;
        assertThat(location).isNotNull();
        assertThat(location.get("source").asString()).isEqualTo("aigaq");
        assertThat(location.get("labels").get("kk").asString()).isEqualTo("Орын түрі");
        assertThat(location.get("terms").asInt()).isGreaterThan(20);

        var terms = ok(call("GET", "/api/v1/vocabularies/violation-status/terms", viewerToken, null, "en"));
        assertThat(terms.get(0).get("code").asString()).isEqualTo("confirmed");
        assertThat(terms.get(0).get("huridocsCode").asString()).isEqualTo("01000000000041");
        assertThat(terms.get(0).get("labels").get("ru").asString()).isEqualTo("Подтверждено");
        var methods = ok(call("GET", "/api/v1/vocabularies/method/terms", viewerToken, null, "en"));
        assertThat(methods.get(0).get("code").asString()).isEqualTo("beating");
        assertThat(methods.get(1).get("parentCode").asString()).isEqualTo("beating");

        var one = ok(call("GET", "/api/v1/vocabularies/method/terms/falanga", viewerToken, null, "en"));
        assertThat(one.get("parentCode").asString()).isEqualTo("beating");
        assertThat(one.get("level").asInt()).isEqualTo(1);
        assertThat(call("GET", "/api/v1/vocabularies/no-such-list/terms", viewerToken, null, "en").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/vocabularies/method/terms/no-such-term", viewerToken, null, "en").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/vocabularies", null, null, "en").statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorAddsATermAndAViewerMayNot() throws Exception {
        String code = "api-term-" + System.nanoTime();
        String body = """
                {"code": "%s", "parentCode": "legal-action",
                 "labels": {"en": "Request to exclude evidence", "ru": "Ходатайство об исключении доказательств",
                            "kk": "Дәлелдемелерді алып тастау туралы өтінішхат"}}
                """.formatted(code);
        assertThat(call("POST", "/api/v1/vocabularies/intervention-type/terms", viewerToken, body, "en").statusCode()).isEqualTo(403);
        var created = call("POST", "/api/v1/vocabularies/intervention-type/terms", adminToken, body, "en");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/vocabularies/intervention-type/terms/" + code);
        var term = json.readTree(created.body());
        assertThat(term.get("parentCode").asString()).isEqualTo("legal-action");
        assertThat(term.get("labels").get("kk").asString()).isEqualTo("Дәлелдемелерді алып тастау туралы өтінішхат");
        assertThat(ok(call("GET", "/api/v1/vocabularies/intervention-type/terms/" + code, viewerToken, null, "en"))
                .get("id").asLong()).isEqualTo(term.get("id").asLong());
    }

    @Test
    void everyMistakeIsNamedByJsonPointerInTheCallersLanguage() throws Exception {
        int before = vocabularies.terms("intervention-type").size();
        var missing = problem(call("POST", "/api/v1/vocabularies/intervention-type/terms", adminToken,
                "{\"code\": \"\", \"labels\": {\"en\": \"Something\"}}", "en"));
        assertThat(missing.get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/code", "/labels/ru", "/labels/kk");
        assertThat(missing.get("errors").get(0).get("message").asString()).isEqualTo("This field is required.");

        var wrong = problem(call("POST", "/api/v1/vocabularies/intervention-type/terms", adminToken, """
                {"code": "Complaint Filed", "parentCode": "nowhere",
                 "labels": {"en": "x", "ru": "x", "kk": "x", "de": "x"}}
                """, "en"));
        assertThat(wrong.get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/code", "/parentCode", "/labels/de");

        var duplicate = problem(call("POST", "/api/v1/vocabularies/intervention-type/terms", adminToken, """
                {"code": "complaint-filed", "labels": {"en": "x", "ru": "x", "kk": "x"}}
                """, "en"));
        assertThat(duplicate.get("errors").get(0).get("pointer").asString()).isEqualTo("/code");
        assertThat(duplicate.get("errors").get(0).get("message").asString()).isEqualTo("This list already has a term with this code.");

        var kazakh = problem(call("POST", "/api/v1/vocabularies/intervention-type/terms", adminToken,
                "{\"code\": \"complaint-filed\", \"labels\": {}}", "kk"));
        assertThat(kazakh.get("errors").findValuesAsString("message")).allSatisfy(message ->
                assertThat(message).containsPattern("\\p{IsCyrillic}"));

        var wrongType = problem(call("POST", "/api/v1/vocabularies/intervention-type/terms", adminToken,
                "{\"code\": \"x\", \"labels\": [\"en\"]}", "en"));
        assertThat(wrongType.get("errors").get(0).get("pointer").asString()).isEqualTo("/labels");
        assertThat(call("POST", "/api/v1/vocabularies/no-such-list/terms", adminToken, "{\"code\": \"x\"}", "en").statusCode())
                .isEqualTo(404);
        assertThat(vocabularies.terms("intervention-type")).hasSize(before);
    }

    @Test
    void theOpenApiDescriptionListsTheVocabularyRoutes() throws Exception {
        var description = call("GET", "/v3/api-docs", viewerToken, null, "en");
        assertThat(description.body()).contains("/api/v1/vocabularies/{list}/terms").contains("Vocabularies");
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return json.readTree(response.body());
    }
}
