package org.aigaq.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The REST API over real HTTP with personal tokens: what a token may do, and the problems bad input gets, each
 * naming the field by JSON pointer in the caller's language.
 */
class ApiTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired AuditSearch audit;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String adminToken;
    private String viewerToken;

    @BeforeEach
    void tokens() {
        adminToken = tokens.create(accounts.create(Role.ADMINISTRATOR, true).id(), "test").value();
        viewerToken = tokens.create(accounts.create(Role.VIEWER, false).id(), "test").value();
    }

    @Test
    void aTokenActsWithItsUsersRolesAndNothingMore() throws Exception {
        assertThat(call("GET", "/api/v1/me", viewerToken, null).statusCode()).isEqualTo(200);
        var refused = call("GET", "/api/v1/users", viewerToken, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/users", adminToken, null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyUseOfATokenIsAudited() throws Exception {
        call("GET", "/api/v1/organisations", viewerToken, null);
        var entries = audit.search(new AuditSearch.Filter(null, "api-token.used", null, null, null, null), null, 5).entries();
        assertThat(entries.getFirst().summary()).contains("/api/v1/organisations");
    }

    @Test
    void unknownAndRevokedTokensAndMissingOnesGet401() throws Exception {
        assertThat(call("GET", "/api/v1/me", "aigaq_not-a-real-token", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/me", null, null).statusCode()).isEqualTo(401);
        var created = json.readTree(call("POST", "/api/v1/tokens", viewerToken, "{\"name\":\"short-lived\"}").body());
        String value = created.get("value").asString();
        assertThat(call("GET", "/api/v1/me", value, null).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/tokens/" + created.get("token").get("id").asLong(), viewerToken, null).statusCode())
                .isEqualTo(204);
        var revoked = call("GET", "/api/v1/me", value, null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json.readTree(revoked.body()).get("detail").asString()).contains("revoked");
    }

    @Test
    void aUserCannotRevokeSomeoneElsesToken() throws Exception {
        var own = json.readTree(call("POST", "/api/v1/tokens", adminToken, "{\"name\":\"mine\"}").body());
        assertThat(call("DELETE", "/api/v1/tokens/" + own.get("token").get("id").asLong(), viewerToken, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void organisationsAreCreatedAndTheirNamesAreUnique() throws Exception {
        String name = "Org " + System.nanoTime();
        var created = call("POST", "/api/v1/organisations", adminToken, "{\"name\":\"" + name + "\",\"shortName\":\"O\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        var duplicate = problem(call("POST", "/api/v1/organisations", adminToken, "{\"name\":\"" + name.toUpperCase() + "\"}"));
        assertThat(duplicate.get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
        assertThat(duplicate.get("errors").get(0).get("message").asString()).contains("already exists");
    }

    @Test
    void emptyTooLongAndMissingFieldsAreNamed() throws Exception {
        var empty = problem(call("POST", "/api/v1/organisations", adminToken, "{\"name\":\"\"}"));
        assertThat(empty.get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
        assertThat(empty.get("errors").get(0).get("message").asString()).isEqualTo("This field is required.");
        var tooLong = problem(call("POST", "/api/v1/organisations", adminToken, "{\"name\":\"" + "x".repeat(201) + "\"}"));
        assertThat(tooLong.get("errors").get(0).get("message").asString()).isEqualTo("At most 200 characters.");
        var missing = problem(call("POST", "/api/v1/users", adminToken, "{\"username\":\"someone\",\"displayName\":\"S\"}"));
        assertThat(missing.get("errors").findValuesAsString("pointer")).contains("/organisationId", "/roles");
    }

    @Test
    void wrongTypesNameThePointer() throws Exception {
        var wrongType = problem(call("POST", "/api/v1/users", adminToken,
                "{\"username\":\"someone\",\"displayName\":\"S\",\"organisationId\":\"abc\",\"roles\":[\"VIEWER\"]}"));
        assertThat(wrongType.get("errors").get(0).get("pointer").asString()).isEqualTo("/organisationId");
        var unknownRole = problem(call("POST", "/api/v1/users", adminToken,
                "{\"username\":\"someone\",\"displayName\":\"S\",\"organisationId\":1,\"roles\":[\"KING\"]}"));
        assertThat(unknownRole.get("errors").get(0).get("pointer").asString()).isEqualTo("/roles/0");
        var badPath = call("GET", "/api/v1/organisations/abc", adminToken, null);
        assertThat(badPath.statusCode()).isEqualTo(400);
    }

    @Test
    void malformedJsonAndWrongEncodingAreRefusedWithoutSideEffects() throws Exception {
        int before = json.readTree(call("GET", "/api/v1/organisations", adminToken, null).body()).size();
        var malformed = call("POST", "/api/v1/organisations", adminToken, "{\"name\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("detail").asString()).contains("not valid JSON");
        byte[] latin1 = "{\"name\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build();
        var wrongEncoding = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(wrongEncoding.statusCode()).isEqualTo(400);
        assertThat(wrongEncoding.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        var empty = call("POST", "/api/v1/organisations", adminToken, "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(call("GET", "/api/v1/organisations", adminToken, null).body()).size()).isEqualTo(before);
    }

    @Test
    void problemsSpeakTheCallersLanguage() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .header("Accept-Language", "ru").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\"}")).build();
        var russian = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        assertThat(russian.get("errors").get(0).get("message").asString()).doesNotContain("This field").matches(".*\\p{IsCyrillic}.*");
    }

    @Test
    void usersAreCreatedWithATemporaryPasswordAndChanged() throws Exception {
        long organisation = accounts.organisation();
        String username = "api-user-" + System.nanoTime() % 100000;
        var created = json.readTree(call("POST", "/api/v1/users", adminToken, "{\"username\":\"" + username
                + "\",\"displayName\":\"Api User\",\"organisationId\":" + organisation + ",\"roles\":[\"ANALYST\"]}").body());
        assertThat(created.get("temporaryPassword").asString()).hasSizeGreaterThan(12);
        long id = created.get("user").get("id").asLong();
        var changed = json.readTree(call("PUT", "/api/v1/users/" + id, adminToken, "{\"displayName\":\"Renamed\",\"organisationId\":"
                + organisation + ",\"roles\":[\"VIEWER\",\"ANALYST\"],\"enabled\":false}").body());
        assertThat(changed.get("enabled").asBoolean()).isFalse();
        assertThat(changed.get("roles").size()).isEqualTo(2);
        var duplicate = problem(call("POST", "/api/v1/users", adminToken, "{\"username\":\"" + username.toUpperCase()
                + "\",\"displayName\":\"X\",\"organisationId\":" + organisation + ",\"roles\":[\"ANALYST\"]}"));
        assertThat(duplicate.get("errors").get(0).get("pointer").asString()).isEqualTo("/username");
        var badName = problem(call("POST", "/api/v1/users", adminToken, "{\"username\":\"имя пользователя\",\"displayName\":\"X\",\"organisationId\":"
                + organisation + ",\"roles\":[\"ANALYST\"]}"));
        assertThat(badName.get("errors").get(0).get("pointer").asString()).isEqualTo("/username");
    }

    @Test
    void theOpenApiDescriptionIsServedToTokenHoldersOnly() throws Exception {
        var description = call("GET", "/v3/api-docs", viewerToken, null);
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("/api/v1/organisations").contains("/api/v1/tokens");
        assertThat(call("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void healthSaysUpWithoutDetailsToAnonymousCallersAndMetricsNeedAnAdministrator() throws Exception {
        var health = call("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP").doesNotContain("db").doesNotContain("diskSpace");
        assertThat(call("GET", "/actuator/prometheus", viewerToken, null).statusCode()).isEqualTo(403);
        var metrics = call("GET", "/actuator/prometheus", adminToken, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        var page = call("GET", "/sign-in", null, null);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    private JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return json.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (body != null) builder.header("Content-Type", "application/json");
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
