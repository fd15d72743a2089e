package org.aigaq.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.accounts.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** An application test that calls the REST API over HTTP as a client does, with bearer tokens and a language. */
public abstract class ApiTestCase extends ApplicationTest {

    @LocalServerPort protected int port;
    @Autowired protected TestAccounts accounts;
    @Autowired protected ApiTokens tokens;
    @Autowired protected JsonMapper json;
    @Autowired protected JdbcTemplate jdbc;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** Sends a request in English; a null token sends none, a null body sends no body. */
    protected HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return call(method, path, token, body, "en");
    }

    /** Sends a request with the given Accept-Language; a null token sends none, a null body sends no body. */
    protected HttpResponse<String> call(String method, String path, String token, String body, String language)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", language)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (body != null) builder.header("Content-Type", "application/json");
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A new API token of the user. */
    protected String token(long userId) {
        return tokens.create(userId, "test").value();
    }

    /** Records a person with only a name through the API and returns the id. */
    protected long person(String token, String name) throws Exception {
        var response = call("POST", "/api/v1/people", token, "{\"identity\": {\"name\": \"" + name + "\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    /** The JSON pointers of a refusal's errors, after checking that it is a 400. */
    protected List<String> pointers(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        var pointers = new ArrayList<String>();
        json.readTree(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        return pointers;
    }

    /** The ids of the records in a page's list, after checking that it is a 200. */
    protected List<Long> ids(HttpResponse<String> page, String list) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        json.readTree(page.body()).get(list).forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }
}
