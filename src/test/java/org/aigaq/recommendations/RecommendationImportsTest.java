package org.aigaq.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * CSV imports of recommendations: files crafted here in UTF-8, Windows-1251 and Mac Roman with LF, CRLF and CR line
 * ends are detected and read back exactly; a file with mistakes is refused whole, by row and column in the reader's
 * language; an analyst may not import.
 */
class RecommendationImportsTest extends ApplicationTest {

    private static final String HEADER = "Source,Document symbol,Document date,Paragraph,Text,Themes,Recommending state,State response,Due date";

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String documenter;

    @BeforeEach
    void accounts() {
        documenter = tokens.create(accounts.create(Role.DOCUMENTER, true).id(), "test").value();
    }

    @Test
    void utf8WithLineFeeds() throws Exception {
        String text = "Обеспечить независимое расследование; қамау орындарында бейнежазба";
        var imported = imported(file(StandardCharsets.UTF_8, "\n",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,12,\"" + text + "\",investigation;impunity,,,2023-01-20",
                "upr,A/HRC/56/1,01.07.2024,,\"Ratify the \"\"Optional\"\" Protocol\",ratification,Norway,supported,"));
        assertThat(imported.get("encoding").asString()).isEqualTo("UTF_8");
        var ids = ids(imported);
        assertThat(ids).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT text FROM recommendation WHERE id = ?", String.class, ids.get(0))).isEqualTo(text);
        assertThat(jdbc.queryForObject("SELECT array_to_string(themes, '|') || ' ' || due_date FROM recommendation WHERE id = ?",
                String.class, ids.get(0))).isEqualTo("investigation|impunity 2023-01-20");
        assertThat(jdbc.queryForObject("SELECT text || ' ' || recommending_state || ' ' || state_response || ' ' || document_date FROM recommendation WHERE id = ?",
                String.class, ids.get(1))).isEqualTo("Ratify the \"Optional\" Protocol Norway SUPPORTED 2024-07-01");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'state-recommendation.imported' AND record_id = ?",
                Long.class, String.valueOf(ids.get(0)))).isEqualTo(1);
    }

    @Test
    void windows1251WithCrLf() throws Exception {
        String text = "Обеспечить, чтобы все жалобы на пытки расследовались безотлагательно, ёмко и беспристрастно";
        var imported = imported(file(Charset.forName("windows-1251"), "\r\n",
                "HRC,CCPR/C/KAZ/CO/3,2023-03-28,24,\"" + text + "\",расследование,,,",
                "SPECIAL_PROCEDURE,A/HRC/13/39/Add.3,2009-02-16,,Закрыть изолятор,условия содержания,,,"));
        assertThat(imported.get("encoding").asString()).isEqualTo("WINDOWS_1251");
        var ids = ids(imported);
        assertThat(jdbc.queryForObject("SELECT text FROM recommendation WHERE id = ?", String.class, ids.get(0))).isEqualTo(text);
        assertThat(jdbc.queryForObject("SELECT array_to_string(themes, '|') FROM recommendation WHERE id = ?", String.class, ids.get(1)))
                .isEqualTo("условия содержания");
    }

    @Test
    void macRomanWithCarriageReturns() throws Exception {
        var imported = imported(file(Charset.forName("x-MacRoman"), "\r",
                "UPR,A/HRC/41/11,2019-04-01,,Adopt a law on torture prevention (République),prévention,Türkiye,NOTED,",
                "UPR,A/HRC/41/11,2019-04-01,,Strengthen the NPM,npm,Sénégal,supported,"));
        assertThat(imported.get("encoding").asString()).isEqualTo("MAC_ROMAN");
        var ids = ids(imported);
        assertThat(jdbc.queryForObject("SELECT recommending_state || ' ' || text || ' ' || themes[1] FROM recommendation WHERE id = ?",
                String.class, ids.get(0))).isEqualTo("Türkiye Adopt a law on torture prevention (République) prévention");
        assertThat(jdbc.queryForObject("SELECT recommending_state FROM recommendation WHERE id = ?", String.class, ids.get(1))).isEqualTo("Sénégal");
    }

    @Test
    void aFileWithMistakesIsRefusedWholeByRowAndColumn() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM recommendation", Long.class);
        var response = upload(documenter, file(StandardCharsets.UTF_8, "\r\n",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,12,A good row,,,,",
                "COMMITTEE,CAT/C/KAZ/CO/4,2022-13-01,13,,,,,",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,14,Due before the document,,Norway,,2021-01-01",
                "CAT,too,few"), "ru");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode report = json.readTree(response.body());
        var problems = new ArrayList<String>();
        report.get("problems").forEach(p -> problems.add(p.get("row").asLong() + " " + p.get("column").asString() + " " + p.get("message").asString()));
        assertThat(problems).containsExactly(
                "3 source «COMMITTEE» — не одно из значений CAT, CAT_FOLLOW_UP, SPT, NPM, UPR, HRC, SPECIAL_PROCEDURE.",
                "3 document_date " + message(report, 1),
                "3 text Это поле обязательно.",
                "4 recommending_state Рекомендующее государство и ответ государства бывают только у рекомендаций УПО.",
                "4 due_date Срок раньше даты документа.",
                "5  " + message(report, 5));
        assertThat(message(report, 5)).contains("3").contains("9");
        assertThat(report.get("recorded")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation", Long.class)).isEqualTo(before);

        var missing = upload(documenter, "source,text\nCAT,x\n".getBytes(StandardCharsets.UTF_8), "en");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("The file has no column \\\"document_symbol\\\".");

        var analyst = tokens.create(accounts.create(Role.ANALYST, false).id(), "test").value();
        assertThat(upload(analyst, file(StandardCharsets.UTF_8, "\n", "CAT,CAT/C/KAZ/CO/4,2022-01-20,12,Row,,,,"), "en").statusCode())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation", Long.class)).isEqualTo(before);
    }

    private static String message(JsonNode report, int index) {
        return report.get("problems").get(index).get("message").asString();
    }

    private static byte[] file(Charset charset, String lineEnd, String... rows) {
        return (HEADER + lineEnd + String.join(lineEnd, rows) + lineEnd).getBytes(charset);
    }

    private JsonNode imported(byte[] file) throws Exception {
        var response = upload(documenter, file, "en");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private static List<Long> ids(JsonNode imported) {
        var ids = new ArrayList<Long>();
        imported.get("recorded").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private HttpResponse<String> upload(String token, byte[] content, String language) throws Exception {
        String boundary = "recommendations-boundary";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"recommendations.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/recommendations-tracker/imports"))
                .header("Accept-Language", language).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
