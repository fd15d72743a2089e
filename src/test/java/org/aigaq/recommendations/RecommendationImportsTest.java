package org.aigaq.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * CSV imports of recommendations in the steps every import shares (upload, mapping, dry run, run): files crafted here
 * in UTF-8, Windows-1251 and Mac Roman with LF, CRLF and CR line ends are detected and read back exactly; headings that
 * are not recognised are mapped by hand, a missing required field named by its label; a file with mistakes is refused
 * whole, by row and column in the reader's language; a run refused or interrupted records nothing; an analyst may not
 * import and nobody sees another's import.
 */
class RecommendationImportsTest extends ApiTestCase {

    private static final String HEADER = "Source,Document symbol,Document date,Paragraph,Text,Themes,Recommending state,State response,Due date";
    private static final String BASE = "/api/v1/recommendations-tracker/imports";

    private String documenter;

    @BeforeEach
    void accounts() {
        documenter = token(accounts.create(Role.DOCUMENTER, true).id());
    }

    @Test
    void utf8WithLineFeeds() throws Exception {
        String text = "Обеспечить независимое расследование; қамау орындарында бейнежазба";
        long before = lastId();
        var job = uploaded(file(StandardCharsets.UTF_8, "\n",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,12,\"" + text + "\",investigation;impunity,,,2023-01-20",
                "upr,A/HRC/56/1,01.07.2024,,\"Ratify the \"\"Optional\"\" Protocol\",ratification,Norway,supported,"));
        assertThat(job.get("encoding").asString()).isEqualTo("UTF_8");
        assertThat(job.get("separator").asString()).isEqualTo("COMMA");
        assertThat(job.get("mapping").get("columns").get("Document symbol").asString()).isEqualTo("DOCUMENT_SYMBOL");
        var ids = run(job, 2, before);
        assertThat(jdbc.queryForObject("SELECT text FROM recommendation WHERE id = ?", String.class, ids.get(0))).isEqualTo(text);
        assertThat(jdbc.queryForObject("SELECT array_to_string(themes, '|') || ' ' || due_date FROM recommendation WHERE id = ?",
                String.class, ids.get(0))).isEqualTo("investigation|impunity 2023-01-20");
        assertThat(jdbc.queryForObject("SELECT text || ' ' || recommending_state || ' ' || state_response || ' ' || document_date FROM recommendation WHERE id = ?",
                String.class, ids.get(1))).isEqualTo("Ratify the \"Optional\" Protocol Norway SUPPORTED 2024-07-01");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'state-recommendation.imported' AND record_id = ?",
                Long.class, job.get("id").asString())).isEqualTo(1);
        // Imported once: a second run is refused and records nothing more.
        assertThat(call("POST", BASE + "/" + job.get("id").asLong() + "/run", documenter, null).statusCode()).isEqualTo(400);
        assertThat(lastId()).isEqualTo(ids.get(1));
    }

    @Test
    void windows1251WithCrLf() throws Exception {
        String text = "Обеспечить, чтобы все жалобы на пытки расследовались безотлагательно, ёмко и беспристрастно";
        long before = lastId();
        var job = uploaded(file(Charset.forName("windows-1251"), "\r\n",
                "HRC,CCPR/C/KAZ/CO/3,2023-03-28,24,\"" + text + "\",расследование,,,",
                "SPECIAL_PROCEDURE,A/HRC/13/39/Add.3,2009-02-16,,Закрыть изолятор,условия содержания,,,"));
        assertThat(job.get("encoding").asString()).isEqualTo("WINDOWS_1251");
        var ids = run(job, 2, before);
        assertThat(jdbc.queryForObject("SELECT text FROM recommendation WHERE id = ?", String.class, ids.get(0))).isEqualTo(text);
        assertThat(jdbc.queryForObject("SELECT array_to_string(themes, '|') FROM recommendation WHERE id = ?", String.class, ids.get(1)))
                .isEqualTo("условия содержания");
    }

    @Test
    void macRomanWithCarriageReturns() throws Exception {
        long before = lastId();
        var job = uploaded(file(Charset.forName("x-MacRoman"), "\r",
                "UPR,A/HRC/41/11,2019-04-01,,Adopt a law on torture prevention (République),prévention,Türkiye,NOTED,",
                "UPR,A/HRC/41/11,2019-04-01,,Strengthen the NPM,npm,Sénégal,supported,"));
        assertThat(job.get("encoding").asString()).isEqualTo("MAC_ROMAN");
        var ids = run(job, 2, before);
        assertThat(jdbc.queryForObject("SELECT recommending_state || ' ' || text || ' ' || themes[1] FROM recommendation WHERE id = ?",
                String.class, ids.get(0))).isEqualTo("Türkiye Adopt a law on torture prevention (République) prévention");
        assertThat(jdbc.queryForObject("SELECT recommending_state FROM recommendation WHERE id = ?", String.class, ids.get(1))).isEqualTo("Sénégal");
    }

    @Test
    void aFileWithMistakesIsRefusedWholeByRowAndColumn() throws Exception {
        long before = count();
        var job = uploaded(file(StandardCharsets.UTF_8, "\r\n",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,12,A good row,,,,",
                "COMMITTEE,CAT/C/KAZ/CO/4,2022-13-01,13,,,,,",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,14,Due before the document,,Norway,,2021-01-01",
                "CAT,too,few"));
        long id = job.get("id").asLong();
        var dryRun = call("POST", BASE + "/" + id + "/dry-run", documenter, null, "ru");
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode report = json.readTree(dryRun.body());
        assertThat(report.get("status").asString()).isEqualTo("REFUSED");
        assertThat(problems(report)).containsExactly(
                "3 Source «COMMITTEE» — не одно из значений CAT, CAT_FOLLOW_UP, SPT, NPM, UPR, HRC, SPECIAL_PROCEDURE.",
                "3 Document date " + message(report, 1),
                "3 Text Это поле обязательно.",
                "4 Recommending state Рекомендующее государство и ответ государства бывают только у рекомендаций УПО.",
                "4 Due date Срок раньше даты документа.",
                "5 null " + message(report, 5));
        assertThat(message(report, 5)).contains("3").contains("9");
        assertThat(count()).isEqualTo(before);

        var run = call("POST", BASE + "/" + id + "/run", documenter, null, "ru");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(422);
        JsonNode refused = json.readTree(run.body());
        assertThat(refused.get("problemCount").asInt()).isEqualTo(6);
        assertThat(problems(refused)).hasSize(6).first().asString().startsWith("3 Source «COMMITTEE»");
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT status FROM recommendation_import WHERE id = ?", String.class, id)).isEqualTo("REFUSED");

        var analyst = token(accounts.create(Role.ANALYST, false).id());
        assertThat(send(analyst, file(StandardCharsets.UTF_8, "\n", "CAT,CAT/C/KAZ/CO/4,2022-01-20,12,Row,,,,"), "en").statusCode())
                .isEqualTo(403);
        var other = token(accounts.create(Role.DOCUMENTER, true).id());
        assertThat(call("GET", BASE + "/" + id, other, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", BASE + "/" + id + "/run", other, null).statusCode()).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void headingsNotRecognisedAreMappedByHandAndAMissingFieldIsNamedByItsLabel() throws Exception {
        long before = lastId();
        var job = uploaded("Organe;Cote;Date;Recommandation\nCAT;CAT/C/KAZ/CO/4;2022-01-20;Mettre fin à l'impunité\n"
                .getBytes(StandardCharsets.UTF_8));
        long id = job.get("id").asLong();
        assertThat(job.get("separator").asString()).isEqualTo("SEMICOLON");
        assertThat(job.get("mapping").get("columns").get("Organe").isNull()).isTrue();
        // Nothing recognised: the dry run says which required fields have no column, by their labels.
        var unmapped = call("POST", BASE + "/" + id + "/dry-run", documenter, null);
        assertThat(pointers(unmapped)).containsOnly("/columns");
        assertThat(unmapped.body()).contains("\\\"Source\\\"").contains("\\\"Document symbol\\\"").contains("\\\"Text\\\"");
        var partly = call("PUT", BASE + "/" + id + "/mapping", documenter,
                "{\"columns\": {\"Organe\": \"SOURCE\", \"Cote\": \"DOCUMENT_SYMBOL\", \"Date\": \"DOCUMENT_DATE\"}}", "kk");
        assertThat(pointers(partly)).containsExactly("/columns");
        assertThat(partly.body()).contains("«Мәтін»");
        var twice = call("PUT", BASE + "/" + id + "/mapping", documenter, "{\"columns\": {\"Organe\": \"SOURCE\", "
                + "\"Cote\": \"DOCUMENT_SYMBOL\", \"Date\": \"DOCUMENT_DATE\", \"Recommandation\": \"SOURCE\"}}");
        assertThat(pointers(twice)).contains("/columns");
        var mapped = call("PUT", BASE + "/" + id + "/mapping", documenter, "{\"columns\": {\"Organe\": \"SOURCE\", "
                + "\"Cote\": \"DOCUMENT_SYMBOL\", \"Date\": \"DOCUMENT_DATE\", \"Recommandation\": \"TEXT\"}}");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        var ids = run(json.readTree(mapped.body()), 1, before);
        assertThat(jdbc.queryForObject("SELECT source || ' ' || document_symbol || ' ' || text FROM recommendation WHERE id = ?",
                String.class, ids.getFirst())).isEqualTo("CAT CAT/C/KAZ/CO/4 Mettre fin à l'impunité");
    }

    @Test
    void anEncodingChosenWronglyIsRefusedAndCorrectedByChangingIt() throws Exception {
        long before = lastId();
        byte[] content = ("Источник\tСимвол\tДата\tТекст\r\nCAT\tCAT/C/KAZ/CO/4\t2022-01-20\tЗакрыть изолятор\r\n")
                .getBytes(Charset.forName("windows-1251"));
        String boundary = "recommendations-boundary";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"encoding\"\r\n\r\nMAC_ROMAN\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE))
                .header("Authorization", "Bearer " + documenter).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode job = json.readTree(upload.body());
        long id = job.get("id").asLong();
        assertThat(job.get("encoding").asString()).isEqualTo("MAC_ROMAN");
        assertThat(job.get("detectedEncoding").asString()).isEqualTo("WINDOWS_1251");
        assertThat(job.get("separator").asString()).isEqualTo("TAB");
        String garbled = job.get("columns").get(3).asString();
        assertThat(garbled).isNotEqualTo("Текст");
        var unknown = call("PUT", BASE + "/" + id + "/mapping", documenter, "{\"encoding\": \"KOI8\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        var reread = call("PUT", BASE + "/" + id + "/mapping", documenter, "{\"encoding\": \"WINDOWS_1251\", \"columns\": {}}");
        // Read anew, the columns are shown first; what the mapping lacks is told when it is saved for them.
        assertThat(reread.statusCode()).as(reread.body()).isEqualTo(200);
        assertThat(json.readTree(reread.body()).get("columns").get(3).asString()).isEqualTo("Текст");
        var lacking = call("PUT", BASE + "/" + id + "/mapping", documenter, "{\"columns\": {\"Текст\": \"TEXT\"}}");
        assertThat(pointers(lacking)).containsOnly("/columns");
        assertThat(lacking.body()).contains("Document symbol");
        var mapped = call("PUT", BASE + "/" + id + "/mapping", documenter, "{\"columns\": {"
                + "\"Источник\": \"SOURCE\", \"Символ\": \"DOCUMENT_SYMBOL\", \"Дата\": \"DOCUMENT_DATE\", \"Текст\": \"TEXT\"}}");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        assertThat(json.readTree(mapped.body()).get("columns").get(3).asString()).isEqualTo("Текст");
        var ids = run(json.readTree(mapped.body()), 1, before);
        assertThat(jdbc.queryForObject("SELECT text FROM recommendation WHERE id = ?", String.class, ids.getFirst()))
                .isEqualTo("Закрыть изолятор");
    }

    @Test
    void aRunInterruptedHalfWayRecordsNothingAndCanBeRunAgain() throws Exception {
        long before = lastId();
        long count = count();
        var job = uploaded(file(StandardCharsets.UTF_8, "\n",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,1,First row,,,,",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,2,Interrupt here,,,,",
                "CAT,CAT/C/KAZ/CO/4,2022-01-20,3,Third row,,,,"));
        long id = job.get("id").asLong();
        // The database fails the second insert, as a crash or a lost connection would half-way through the run.
        jdbc.execute("""
                CREATE FUNCTION test_interrupt_import() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.text = 'Interrupt here' THEN RAISE EXCEPTION 'interrupted'; END IF; RETURN NEW; END $$""");
        jdbc.execute("CREATE TRIGGER test_interrupt_import BEFORE INSERT ON recommendation FOR EACH ROW EXECUTE FUNCTION test_interrupt_import()");
        try {
            var interrupted = call("POST", BASE + "/" + id + "/run", documenter, null);
            assertThat(interrupted.statusCode()).as(interrupted.body()).isGreaterThanOrEqualTo(500);
        } finally {
            jdbc.execute("DROP TRIGGER test_interrupt_import ON recommendation");
            jdbc.execute("DROP FUNCTION test_interrupt_import()");
        }
        assertThat(count()).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT status FROM recommendation_import WHERE id = ?", String.class, id)).isNotEqualTo("IMPORTED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'state-recommendation.imported' AND record_id = ?",
                Long.class, String.valueOf(id))).isZero();
        // The file is kept: the same import runs once the cause is gone.
        assertThat(run(job, 3, before)).hasSize(3);
    }

    private static List<String> problems(JsonNode report) {
        var problems = new ArrayList<String>();
        report.get("problems").forEach(p -> problems.add(p.get("row").asLong() + " "
                + (p.get("column").isNull() ? "null" : p.get("column").asString()) + " " + p.get("message").asString()));
        return problems;
    }

    private static String message(JsonNode report, int index) {
        return report.get("problems").get(index).get("message").asString();
    }

    private static byte[] file(Charset charset, String lineEnd, String... rows) {
        return (HEADER + lineEnd + String.join(lineEnd, rows) + lineEnd).getBytes(charset);
    }

    private long lastId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM recommendation", Long.class);
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM recommendation", Long.class);
    }

    private JsonNode uploaded(byte[] file) throws Exception {
        var response = send(documenter, file, "en");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    /** Dry-runs and runs the job, expecting {@code rows} recommendations; returns their ids. */
    private List<Long> run(JsonNode job, int rows, long before) throws Exception {
        long id = job.get("id").asLong();
        var dryRun = call("POST", BASE + "/" + id + "/dry-run", documenter, null);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(json.readTree(dryRun.body()).get("status").asString()).as(dryRun.body()).isEqualTo("CHECKED");
        assertThat(json.readTree(dryRun.body()).get("added").asInt()).isEqualTo(rows);
        assertThat(lastId()).isEqualTo(before);
        var run = call("POST", BASE + "/" + id + "/run", documenter, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(json.readTree(run.body()).get("added").asInt()).isEqualTo(rows);
        var ids = jdbc.queryForList("SELECT id FROM recommendation WHERE id > ? ORDER BY id", Long.class, before);
        assertThat(ids).hasSize(rows);
        return ids;
    }

    private HttpResponse<String> send(String token, byte[] content, String language) throws Exception {
        String boundary = "recommendations-boundary";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"recommendations.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE))
                .header("Accept-Language", language).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
