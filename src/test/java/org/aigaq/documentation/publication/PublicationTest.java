package org.aigaq.documentation.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over the real application: only acts of public cases are published, with no names, record numbers, titles or exact
 * dates; a lone victim's place is not published; only analysts and administrators may preview and publish; anyone
 * may download an edition; publishing is audited.
 */
class PublicationTest extends ApplicationTest {

    @Autowired TestAccounts accounts;
    @Autowired Events events;
    @Autowired People people;
    @Autowired Acts acts;
    @Autowired Places places;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    @Test
    void onlyPublicCasesArePublishedAndNothingIdentifyingLeaks() throws Exception {
        var coordinator = accounts.create(Role.COORDINATOR, true);
        String token = "T" + System.nanoTime();
        String publicTown = "Publictown" + token;
        String privateTown = "Privatetown" + token;
        String loneTown = "Lonetown" + token;
        var numbers = new ArrayList<String>();
        as(coordinator, () -> {
            long shared = places.add("ИВС " + token, null, "police-station", "astana", publicTown).id();
            long hidden = places.add("СИЗО " + token, null, "police-station", "astana", privateTown).id();
            long lone = places.add("Колония " + token, null, "police-station", "shymkent", loneTown).id();
            for (int i = 0; i < 5; i++) {
                numbers.add(record(token, i, Sharing.PUBLIC, shared, 30));
                record(token, 10 + i, i % 2 == 0 ? Sharing.COALITION : Sharing.ORGANISATION, hidden, 30);
            }
            numbers.add(record(token, 20, Sharing.PUBLIC, lone, 71));
            return null;
        });

        var analyst = accounts.create(Role.ANALYST, false);
        // The preview over the API: five rows in the public town, none in the private one, the lone victim left out.
        String preview = mvc.perform(get("/api/v1/publication/preview").session(session(analyst)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var rows = json.readTree(preview).get("rows");
        int inPublicTown = 0;
        for (var row : rows) {
            if (publicTown.equals(row.get("town").asString())) {
                inPublicTown++;
                assertThat(row.get("period").asString()).isEqualTo("2023-05");
                assertThat(row.get("place").asString()).isEqualTo("ИВС " + token);
                assertThat(row.get("ageBand").asString()).isEqualTo("25-34");
            }
        }
        assertThat(inPublicTown).isEqualTo(5);
        assertThat(preview).doesNotContain(privateTown).doesNotContain(loneTown).doesNotContain("Колония " + token);
        assertNothingIdentifying(preview, token, numbers);

        // Publishing: an edition, audited, whose files anyone can download.
        long before = jdbc.queryForObject("SELECT count(*) FROM dataset_edition", Long.class);
        var published = mvc.perform(post("/publication").param("k", "5").with(csrf()).session(session(analyst))).andReturn();
        assertThat(published.getResponse().getStatus()).isEqualTo(302);
        long edition = jdbc.queryForObject("SELECT max(id) FROM dataset_edition", Long.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dataset_edition", Long.class)).isEqualTo(before + 1);
        assertThat(published.getResponse().getRedirectedUrl()).endsWith("/publication?k=5&published=" + edition);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'publication.published' AND record_id = ?",
                Long.class, String.valueOf(edition))).isEqualTo(1);
        String csv = download(edition, "dataset.csv");
        String file = download(edition, "dataset.json");
        String dictionary = download(edition, "dictionary.md");
        assertThat(csv.lines().filter(l -> l.contains(publicTown))).hasSize(5);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("row_id,period,act_type");
        assertThat(csv).doesNotContain(privateTown).doesNotContain(loneTown);
        assertNothingIdentifying(csv, token, numbers);
        assertNothingIdentifying(file, token, numbers);
        assertThat(json.readTree(file).get("k").asInt()).isEqualTo(5);
        assertThat(dictionary).contains("`age_band`").contains(jdbc.queryForObject(
                "SELECT checksum FROM dataset_edition WHERE id = ?", String.class, edition));
        assertThat(mvc.perform(get("/public/datasets/" + edition + "/other.txt")).andReturn().getResponse().getStatus()).isEqualTo(404);

        // The page lists the edition and its downloads.
        String page = mvc.perform(get("/publication").session(session(analyst))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/public/datasets/" + edition + "/dataset.csv");
    }

    @Test
    void onlyAnalystsAndAdministratorsMayPreviewOrPublishAndKMayOnlyBeRaised() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM dataset_edition", Long.class);
        for (Role role : List.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.VIEWER)) {
            var account = accounts.create(role, true);
            assertThat(mvc.perform(post("/publication").param("k", "5").with(csrf()).session(session(account)))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
            assertThat(mvc.perform(get("/api/v1/publication/preview").session(session(account)))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
        var administrator = accounts.create(Role.ADMINISTRATOR, true);
        // k below the configured minimum is refused, on the page and over the API, and nothing is published.
        var low = mvc.perform(post("/publication").param("k", "2").with(csrf()).session(session(administrator))).andReturn();
        assertThat(low.getResponse().getStatus()).isEqualTo(200);
        assertThat(low.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("k may not be less than 5");
        var lowApi = mvc.perform(get("/api/v1/publication/preview").param("k", "2").session(session(administrator))).andReturn();
        assertThat(lowApi.getResponse().getStatus()).isEqualTo(400);
        assertThat(lowApi.getResponse().getContentAsString()).contains("/k");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dataset_edition", Long.class)).isEqualTo(before);
        // A higher k is previewed and published.
        assertThat(mvc.perform(get("/publication").param("k", "8").session(session(administrator))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("k = 8");
        assertThat(mvc.perform(post("/publication").param("k", "8").with(csrf()).session(session(administrator)))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT k FROM dataset_edition ORDER BY id DESC LIMIT 1", Integer.class)).isEqualTo(8);
    }

    private void assertNothingIdentifying(String output, String token, List<String> numbers) {
        assertThat(output).doesNotContain("Жертва").doesNotContain("Title " + token).doesNotContain("Described " + token)
                .doesNotContain("2023-05-17").doesNotContain("reason " + token);
        for (String number : numbers) assertThat(output).doesNotContain(number);
    }

    private String record(String token, int i, Sharing sharing, long place, int age) {
        var event = events.record(new EventDraft("Title " + token + " " + i, "Described " + token,
                new FuzzyDate(LocalDate.of(2023, 5, 17), DatePrecision.EXACT), null, place, null, null, null, null, null,
                null, sharing));
        long victim = people.record(new PersonDraft(new Identity("Жертва Публикации " + token + " " + i, List.of(), null,
                null, null), false, null, "male", null, List.of(), false, null)).id();
        acts.add(event.id(), new ActDraft(victim, "torture", new FuzzyDate(LocalDate.of(2023, 5, 17), DatePrecision.EXACT),
                null, null, null, null, null, "reason " + token, List.of(), null, null, age, null, null, null, List.of(),
                null, null));
        return event.recordNumber();
    }

    private String download(long edition, String file) throws Exception {
        var response = mvc.perform(get("/public/datasets/" + edition + "/" + file)).andReturn().getResponse();
        assertThat(response.getStatus()).as(file).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession session(TestAccounts.Account account) {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(account)));
        return session;
    }

    private <T> T as(TestAccounts.Account account, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(account));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
