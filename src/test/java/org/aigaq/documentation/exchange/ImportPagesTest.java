package org.aigaq.documentation.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The import pages and API: upload, mapping, dry run, run, with problems shown by row and column in the user's language. */
class ImportPagesTest extends ApplicationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    private TestAccounts.Account documenter;
    private MockHttpSession session;
    private String marker;

    @BeforeEach
    void signIn() {
        documenter = accounts.create(Role.DOCUMENTER, true);
        session = session(documenter);
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCaseWorkerImportsAWindows1251FileThroughThePages() throws Exception {
        String events = page("/events", session, "en");
        assertThat(Jsoup.parse(events).getElementById("import-link")).isNotNull();
        var analyst = session(accounts.create(Role.ANALYST, false));
        assertThat(Jsoup.parse(page("/events", analyst, "en")).getElementById("import-link")).isNull();
        assertThat(mvc.perform(get("/imports/new").session(analyst)).andReturn().getResponse().getStatus()).isEqualTo(403);

        var form = Jsoup.parse(page("/imports/new", session, "en"));
        assertThat(form.select("label[for=file]")).isNotEmpty();
        assertThat(form.select("label[for=encoding]")).isNotEmpty();

        String csv = "Название;Дата;Статус нарушения;Жертва;Тип деяния\r\n"
                + "Избиение " + marker + ";17.03.2024;Подтверждено;Дмитрий Ёлкин;Пытки\r\n"
                + "Избиение " + marker + ";17.03.2024;Подтверждено;Ольга Петрова;Пытки\r\n";
        var uploaded = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "cases.csv", "text/csv",
                csv.getBytes(Charset.forName("windows-1251")))).with(csrf()).session(session)).andReturn();
        String mappingUrl = uploaded.getResponse().getRedirectedUrl();
        assertThat(mappingUrl).matches("/imports/\\d+/mapping");
        String base = mappingUrl.replace("/mapping", "");

        var mapping = Jsoup.parse(page(mappingUrl, session, "ru"));
        assertThat(mapping.text()).contains("Windows-1251").contains("Дмитрий Ёлкин");
        // Russian headings are recognised, and the Russian labels of terms are proposed.
        assertThat(mapping.select("#column-0 option[selected]").attr("value")).isEqualTo("EVENT_TITLE");
        assertThat(mapping.select("#column-3 option[selected]").attr("value")).isEqualTo("VICTIM_NAME");
        assertThat(mapping.select("#values-VIOLATION_STATUS select option[selected]").attr("value")).isEqualTo("confirmed");
        assertThat(mapping.select("#values-ACT_TYPE select option[selected]").attr("value")).isEqualTo("torture");
        for (var select : mapping.select("main select")) {
            assertThat(mapping.select("label[for=" + select.id() + "]")).as(select.id()).isNotEmpty();
        }

        // The form as the browser sends it, with the dry-run button.
        var dryRun = post(base + "/dry-run").with(csrf()).session(session);
        for (var field : mapping.select("form[action$=/mapping] select, form[action$=/mapping] input[type=hidden]")) {
            String value = field.tagName().equals("select") ? field.select("option[selected]").attr("value") : field.val();
            if (!field.attr("name").equals("_csrf")) dryRun.param(field.attr("name"), value);
        }
        assertThat(mvc.perform(dryRun).andReturn().getResponse().getRedirectedUrl()).isEqualTo(base);
        var checked = Jsoup.parse(page(base, session, "en"));
        assertThat(checked.getElementById("import-status").text()).isEqualTo("Checked: ready to import");
        assertThat(count()).isZero();

        assertThat(mvc.perform(post(base + "/run").with(csrf()).session(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo(base);
        // Reloading the page repeats nothing and shows the same outcome.
        for (int i = 0; i < 2; i++) {
            var done = Jsoup.parse(page(base, session, "en"));
            assertThat(done.getElementById("import-status").text()).isEqualTo("Imported");
            assertThat(done.getElementById("import-outcome").text()).contains("2 rows");
        }
        assertThat(count()).isEqualTo(1);
        assertThat(mvc.perform(get(base).session(session(accounts.create(Role.DOCUMENTER, true)))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void problemsAreListedByRowAndColumnInTheUsersLanguage() throws Exception {
        String csv = "event_title,event_date,victim,act_type\nT " + marker + ",yesterday,Ержан,torture\n";
        var uploaded = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "cases.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).session(session)).andReturn();
        String base = uploaded.getResponse().getRedirectedUrl().replace("/mapping", "");
        mvc.perform(post(base + "/dry-run").with(csrf()).session(session)).andReturn();
        var report = Jsoup.parse(page(base, session, "ru"));
        var row = report.select("#import-problems tbody tr").first();
        assertThat(row.child(0).text()).isEqualTo("2");
        assertThat(row.child(1).text()).isEqualTo("event_date");
        assertThat(row.child(2).text()).contains("Это не дата").contains("yesterday");
        assertThat(report.select("form[action$=/run]")).isEmpty();

        // A mapping without the title is refused beside the form, and nothing changes.
        var refused = mvc.perform(post(base + "/mapping").with(csrf()).session(session).param("mapped", "true")
                .param("column-0", "").param("column-1", "EVENT_DATE").header("Accept-Language", "en")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).getElementById("mapping-errors").text())
                .contains("Map a column to the event title");

        var empty = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                .with(csrf()).session(session).header("Accept-Language", "en")).andReturn();
        assertThat(Jsoup.parse(empty.getResponse().getContentAsString()).getElementById("file-error").text()).isEqualTo("The file is empty.");
    }

    @Test
    void theApiUploadsMapsChecksAndRuns() throws Exception {
        String token = "Bearer " + tokens.create(documenter.id(), "test").value();
        String csv = "title\tdate\tvictim\tkind\tstatus\nT " + marker + "\t2024\tЕржан\ttorture\tsure\n";
        var created = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "cases.tsv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).header("Authorization", token)).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        var job = json.readTree(created.getContentAsString());
        long id = job.get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/imports/" + id);
        assertThat(job.get("separator").asString()).isEqualTo("TAB");
        assertThat(job.get("mapping").get("columns").get("title").asString()).isEqualTo("EVENT_TITLE");
        assertThat(job.get("mapping").get("columns").get("kind").isNull()).isTrue();

        var mapped = mvc.perform(put("/api/v1/imports/" + id + "/mapping").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"columns": {"title": "EVENT_TITLE", "date": "EVENT_DATE", "victim": "VICTIM_NAME",
                                     "kind": "ACT_TYPE", "status": "VIOLATION_STATUS"}}""")).andReturn().getResponse();
        assertThat(mapped.getStatus()).as(mapped.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(mapped.getContentAsString()).get("values").toString()).contains("\"value\":\"sure\"");

        var dry = json.readTree(mvc.perform(post("/api/v1/imports/" + id + "/dry-run").header("Authorization", token)
                .header("Accept-Language", "kk")).andReturn().getResponse().getContentAsString());
        assertThat(dry.get("problemCount").asInt()).isEqualTo(1);
        assertThat(dry.get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(dry.get("problems").get(0).get("column").asString()).isEqualTo("status");
        assertThat(dry.get("problems").get(0).get("message").asString()).contains("«sure»").contains("сәйкестендірілмеген");

        var refused = mvc.perform(post("/api/v1/imports/" + id + "/run").header("Authorization", token)
                .header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(refused.getContentAsString()).get("problems").get(0).get("message").asString())
                .isEqualTo("The value \"sure\" is not mapped to a term of the list.");
        assertThat(count()).isZero();

        mvc.perform(put("/api/v1/imports/" + id + "/mapping").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"values\": {\"VIOLATION_STATUS\": {\"sure\": \"confirmed\"}}}"));
        var ran = mvc.perform(post("/api/v1/imports/" + id + "/run").header("Authorization", token)).andReturn().getResponse();
        assertThat(ran.getStatus()).as(ran.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(ran.getContentAsString()).get("events").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT violation_status FROM event WHERE title = ?", String.class, "T " + marker))
                .isEqualTo("confirmed");
        assertThat(mvc.perform(post("/api/v1/imports/" + id + "/run").header("Authorization", token)).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/imports/" + id).header("Authorization", token)).andReturn().getResponse()
                .getContentAsString()).contains("\"status\":\"IMPORTED\"");

        String analyst = "Bearer " + tokens.create(accounts.create(Role.ANALYST, false).id(), "test").value();
        assertThat(mvc.perform(get("/api/v1/imports/" + id).header("Authorization", analyst)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        var noFile = mvc.perform(multipart("/api/v1/imports").header("Authorization", token)).andReturn().getResponse();
        assertThat(noFile.getStatus()).isEqualTo(400);
        assertThat(noFile.getContentAsString()).contains("/file");
    }

    @Test
    void sourcesInterventionsAndPlacesThroughThePagesAndTheApi() throws Exception {
        String csv = "Название;Ключ потерпевшего;Жертва;Пол;Тип деяния;Код места;Тип источника;Вид вмешательства;Дата вмешательства\r\n"
                + "Избиение " + marker + ";K1;Дмитрий Ёлкин;Мужской;Пытки;NO-SUCH-" + marker + ";Показания пострадавшего;"
                + "Подана жалоба (в полицию, следователю, в суд);02.04.2024\r\n";
        var uploaded = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "cases.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).session(session)).andReturn();
        String mappingUrl = uploaded.getResponse().getRedirectedUrl();
        String base = mappingUrl.replace("/mapping", "");

        // The fields are grouped by the record they belong to; Russian headings are proposed their fields.
        var mapping = Jsoup.parse(page(mappingUrl, session, "kk"));
        assertThat(mapping.select("#column-0 optgroup").eachAttr("label"))
                .containsExactly("Оқиға", "Әрекет, жәбірленуші, орын және орындаушылар", "Ақпарат көзі", "Араласу");
        assertThat(mapping.select("#column-1 option[selected]").attr("value")).isEqualTo("VICTIM_KEY");
        assertThat(mapping.select("#column-3 option[selected]").attr("value")).isEqualTo("SEX");
        assertThat(mapping.select("#column-5 option[selected]").attr("value")).isEqualTo("PLACE_CODE");
        assertThat(mapping.select("#column-6 option[selected]").attr("value")).isEqualTo("SOURCE_TYPE");
        assertThat(mapping.select("#column-7 option[selected]").attr("value")).isEqualTo("INTERVENTION_TYPE");
        assertThat(mapping.select("#column-8 option[selected]").attr("value")).isEqualTo("INTERVENTION_DATE");
        assertThat(mapping.select("#values-SEX select option[selected]").attr("value")).isEqualTo("male");
        assertThat(mapping.select("#values-INTERVENTION_TYPE select option[selected]").attr("value")).isEqualTo("complaint-filed");

        mvc.perform(post(base + "/dry-run").with(csrf()).session(session)).andReturn();
        var row = Jsoup.parse(page(base, session, "ru")).select("#import-problems tbody tr").first();
        assertThat(row.child(0).text()).isEqualTo("2");
        assertThat(row.child(1).text()).isEqualTo("Код места");
        assertThat(row.child(2).text()).isEqualTo("В реестре нет места содержания с официальным кодом «NO-SUCH-" + marker + "».");

        // Over the API, ignoring the place column, the counts include the source and the intervention.
        String token = "Bearer " + tokens.create(documenter.id(), "test").value();
        long id = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
        var mapped = mvc.perform(put("/api/v1/imports/" + id + "/mapping").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"columns\": {\"Название\": \"EVENT_TITLE\", "
                        + "\"Ключ потерпевшего\": \"VICTIM_KEY\", \"Жертва\": \"VICTIM_NAME\", \"Пол\": \"SEX\", "
                        + "\"Тип деяния\": \"ACT_TYPE\", \"Код места\": null, \"Тип источника\": \"SOURCE_TYPE\", "
                        + "\"Вид вмешательства\": \"INTERVENTION_TYPE\", \"Дата вмешательства\": \"INTERVENTION_DATE\"}}"))
                .andReturn().getResponse();
        assertThat(mapped.getStatus()).as(mapped.getContentAsString()).isEqualTo(200);
        var dry = json.readTree(mvc.perform(post("/api/v1/imports/" + id + "/dry-run").header("Authorization", token))
                .andReturn().getResponse().getContentAsString());
        assertThat(dry.get("problemCount").asInt()).isZero();
        assertThat(dry.get("information").asInt()).isEqualTo(1);
        assertThat(dry.get("interventions").asInt()).isEqualTo(1);
        mvc.perform(post(base + "/run").with(csrf()).session(session)).andReturn();
        var done = Jsoup.parse(page(base, session, "en"));
        assertThat(done.getElementById("import-outcome").text()).contains("Sources of information 1").contains("Interventions 1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM intervention i JOIN event e ON e.id = i.event_id "
                + "WHERE e.title = ? AND i.date = '2024-04-02'", Long.class, "Избиение " + marker)).isEqualTo(1);
    }

    /** The place import's pages over the one import job: the proposed mapping shown, the dry run, the run, the outcome. */
    @Test
    void aDocumenterImportsPlacesThroughThePages() throws Exception {
        String csv = "name,official_code,type,region\n\"Colony " + marker + "\",UK-" + marker + "/9,penal-colony,Kostanay Region\n";
        var upload = mvc.perform(multipart("/places/imports").file(new MockMultipartFile("file", "places.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).session(session).with(csrf())).andReturn().getResponse();
        assertThat(upload.getStatus()).isEqualTo(302);
        String job = upload.getRedirectedUrl();
        var mapping = Jsoup.parse(page(job, session, "en"));
        assertThat(mapping.select("select[name=column-0] option[selected]").attr("value")).isEqualTo("NAME");
        assertThat(mapping.select("select[name=column-2] option[selected]").attr("value")).isEqualTo("LOCATION_TYPE");
        var dry = mvc.perform(post(job + "/dry-run").session(session).with(csrf())).andReturn().getResponse();
        assertThat(dry.getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT status FROM place_import WHERE id = ?", String.class,
                Long.parseLong(job.substring(job.lastIndexOf('/') + 1)))).isEqualTo("CHECKED");
        assertThat(mvc.perform(post(job + "/run").session(session).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        // The imported job's page still renders (200) from the one job type.
        assertThat(Jsoup.parse(page(job, session, "en")).select("select[name=column-0]")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT status || ':' || added || ':' || corrected || ':' || (imported_at IS NOT NULL)"
                + " FROM place_import WHERE id = ?", String.class, Long.parseLong(job.substring(job.lastIndexOf('/') + 1))))
                .isEqualTo("IMPORTED:1:0:true");
        // Someone else's import does not exist for them.
        var other = session(accounts.create(Role.DOCUMENTER, true));
        assertThat(mvc.perform(get(job).session(other)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM event WHERE title LIKE ?", Long.class, "%" + marker + "%");
    }

    private String page(String path, MockHttpSession session, String language) throws Exception {
        var response = mvc.perform(get(path).session(session).header("Accept-Language", language)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private MockHttpSession session(TestAccounts.Account account) {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(account)));
        return session;
    }
}
