package org.aigaq.documentation.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.CaseBatch;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search on the real database: stemming in Russian and English, Kazakh by prefix, exact facet counts, combined
 * facets, the access rules (a case the user may not read is neither found nor counted), safe highlights, the export,
 * and rows kept up to date by every write. Each test records its cases in organisations of its own, so that the cases
 * of other tests never enter the counts.
 */
class CaseSearchTest extends ApplicationTest {

    private static final AtomicInteger sequence = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired Users users;
    @Autowired Organisations organisations;
    @Autowired ApiTokens tokens;
    @Autowired Events events;
    @Autowired Acts acts;
    @Autowired People people;
    @Autowired Places places;
    @Autowired CaseRecords records;
    @Autowired CaseSearch search;
    @Autowired AuditSearch audit;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired CaseBatch batches;
    @Autowired TransactionTemplate transaction;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.aigaq.platform.vocabulary.Vocabularies vocabularies;
    @Autowired org.springframework.context.MessageSource messageSource;
    @Autowired org.aigaq.platform.audit.AuditTrail auditTrail;
    @Autowired org.aigaq.platform.database.ConcurrentReads reads;

    private final HttpClient http = HttpClient.newHttpClient();
    private long organisation;
    private TestAccounts.Account documenter;
    private TestAccounts.Account coordinator;

    @BeforeEach
    void organisation() {
        organisation = newOrganisation();
        documenter = account(organisation, Role.DOCUMENTER);
        coordinator = account(organisation, Role.COORDINATOR);
    }

    @Test
    void anotherInflectionOfARussianWordFindsTheCase() {
        long event = as(documenter, () -> record("Избиение задержанного в изоляторе", "Его избивали дубинками всю ночь.",
                "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 3, 17)));
        assertThat(ids(as(documenter, () -> search.search(mine("избиения задержанных"))))).containsExactly(event);
        assertThat(ids(as(documenter, () -> search.search(mine("избиваемый дубинкой"))))).containsExactly(event);
        assertThat(ids(as(documenter, () -> search.search(mine("электрошок"))))).isEmpty();
    }

    @Test
    void anotherFormOfAnEnglishWordFindsTheCase() {
        long event = as(documenter, () -> record("Detainees kicked during interrogations", null, "Astana",
                Sharing.ORGANISATION, LocalDate.of(2023, 5, 2)));
        assertThat(ids(as(documenter, () -> search.search(mine("kicking interrogation detainee"))))).containsExactly(event);
        assertThat(ids(as(documenter, () -> search.search(mine("detainee -kick"))))).isEmpty();
    }

    @Test
    void aKazakhWordIsFoundByItsBeginning() {
        long event = as(documenter, () -> record("Тергеу изоляторындағы оқиға", "Бауыржан тергеушіге шағымданды.",
                "Shymkent", Sharing.ORGANISATION, LocalDate.of(2022, 1, 9)));
        assertThat(ids(as(documenter, () -> search.search(mine("Бауыр"))))).containsExactly(event);
        assertThat(ids(as(documenter, () -> search.search(mine("Бауыржан тергеуш"))))).containsExactly(event);
        assertThat(ids(as(documenter, () -> search.search(mine("Бауырх"))))).isEmpty();
    }

    @Test
    void facetCountsAreExactlyTheCasesOfEachValue() {
        as(documenter, () -> {
            long a = record("Beating in a police car", null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2023, 2, 1));
            act(a, List.of("beating", "electric-shock"), LocalDate.of(2023, 2, 1));
            act(a, List.of("beating"), LocalDate.of(2024, 1, 3));
            long b = record("Beating at a district department", null, "Almaty", Sharing.COALITION, LocalDate.of(2024, 6, 1));
            act(b, List.of("beating"), LocalDate.of(2024, 6, 1));
            long c = record("Suffocation with a bag", null, "Astana", Sharing.COALITION, LocalDate.of(2024, 7, 1));
            act(c, List.of("plastic-bag"), LocalDate.of(2024, 7, 1));
            record("A complaint without acts yet", null, null, Sharing.PUBLIC, null);
            return null;
        });
        var results = as(documenter, () -> search.search(mine("")));
        assertThat(results.total()).isEqualTo(4);
        assertThat(results.capped()).isFalse();
        assertThat(counts(results, Facet.REGION)).isEqualTo(Map.of("Almaty", 2L, "Astana", 1L));
        // Cases, not acts: the first case has two acts with beating and is counted once; a plastic bag is asphyxiation.
        assertThat(counts(results, Facet.METHOD)).isEqualTo(Map.of("beating", 2L, "electric-shock", 1L, "plastic-bag", 1L,
                "asphyxiation", 1L));
        assertThat(counts(results, Facet.YEAR)).isEqualTo(Map.of("2023", 1L, "2024", 3L));
        assertThat(counts(results, Facet.ACT_TYPE)).isEqualTo(Map.of("torture", 3L));
        assertThat(counts(results, Facet.SHARING)).isEqualTo(Map.of("ORGANISATION", 1L, "COALITION", 2L, "PUBLIC", 1L));
        // The organisation is a selected filter: its other values are counted too (other cases this user may read).
        assertThat(counts(results, Facet.ORGANISATION)).containsEntry(String.valueOf(organisation), 4L);
        assertThat(counts(results, Facet.VIOLATION_STATUS)).isEqualTo(Map.of("likely", 4L));
        assertThat(counts(results, Facet.AGENCY)).isEqualTo(Map.of("police", 3L));
        assertThat(counts(results, Facet.UNIT)).isEqualTo(Map.of("Criminal police, 2nd division", 3L));
    }

    @Test
    void severalValuesOfAFacetAreAnyOfThemAndFacetsAreAllOfThem() {
        long[] ids = as(documenter, () -> {
            long a = record("Case one", null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 1, 1));
            act(a, List.of("electric-shock"), null);
            long b = record("Case two", null, "Astana", Sharing.ORGANISATION, LocalDate.of(2024, 2, 1));
            act(b, List.of("electric-shock", "beating"), null);
            long c = record("Case three", null, "Astana", Sharing.ORGANISATION, LocalDate.of(2024, 3, 1));
            act(c, List.of("beating"), null);
            long d = record("Case four", null, "Shymkent", Sharing.ORGANISATION, LocalDate.of(2024, 4, 1));
            act(d, List.of("electric-shock"), null);
            return new long[] {a, b, c, d};
        });
        var both = query("", Map.of(Facet.REGION, List.of("Almaty", "Astana"), Facet.METHOD, List.of("electric-shock"),
                Facet.ORGANISATION, List.of(String.valueOf(organisation))));
        var results = as(documenter, () -> search.search(both));
        assertThat(ids(results)).containsExactly(ids[1], ids[0]);
        // The selected region is counted without its own filter, so that another region can be added.
        assertThat(counts(results, Facet.REGION)).isEqualTo(Map.of("Almaty", 1L, "Astana", 1L, "Shymkent", 1L));
        assertThat(counts(results, Facet.METHOD)).isEqualTo(Map.of("electric-shock", 2L, "beating", 2L));
        assertThat(results.facets().stream().filter(f -> f.facet() == Facet.REGION).findFirst().orElseThrow().values())
                .filteredOn(SearchResults.FacetValue::selected).extracting(SearchResults.FacetValue::value)
                .containsExactlyInAnyOrder("Almaty", "Astana");
    }

    @Test
    void anOrganisationOnlyCaseOfAnotherOrganisationIsNeitherFoundNorCountedACoalitionCaseIs() {
        String word = uniqueWord();
        long other = newOrganisation();
        var otherDocumenter = account(other, Role.DOCUMENTER);
        long hidden = as(otherDocumenter, () -> record("Hidden " + word, null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 1, 1)));
        long shared = as(otherDocumenter, () -> record("Shared " + word, null, "Astana", Sharing.COALITION, LocalDate.of(2024, 1, 2)));
        long published = as(otherDocumenter, () -> record("Published " + word, null, "Aktobe", Sharing.PUBLIC, LocalDate.of(2024, 1, 3)));

        var seen = as(documenter, () -> search.search(query(word, Map.of())));
        assertThat(ids(seen)).containsExactlyInAnyOrder(shared, published);
        assertThat(seen.total()).isEqualTo(2);
        assertThat(counts(seen, Facet.REGION)).isEqualTo(Map.of("Astana", 1L, "Aktobe", 1L));
        assertThat(counts(seen, Facet.SHARING)).isEqualTo(Map.of("COALITION", 1L, "PUBLIC", 1L));
        // Asking for the hidden case's region or sharing level does not reveal it either.
        assertThat(as(documenter, () -> search.search(query(word, Map.of(Facet.SHARING, List.of("ORGANISATION"))))).total()).isZero();

        var viewer = account(organisation, Role.VIEWER);
        assertThat(ids(as(viewer, () -> search.search(query(word, Map.of()))))).containsExactly(published);

        // A lawyer of a third organisation given access to the hidden case finds it.
        var lawyer = account(newOrganisation(), Role.LAWYER);
        assertThat(ids(as(lawyer, () -> search.search(query(word, Map.of()))))).doesNotContain(hidden);
        var otherCoordinator = account(other, Role.COORDINATOR);
        as(otherCoordinator, () -> {
            events.grant(hidden, lawyer.username());
            return null;
        });
        assertThat(ids(as(lawyer, () -> search.search(query(word, Map.of()))))).containsExactlyInAnyOrder(hidden, shared, published);
        assertThat(ids(as(otherDocumenter, () -> search.search(query(word, Map.of()))))).containsExactlyInAnyOrder(hidden, shared, published);
    }

    @Test
    void matchedWordsAreMarkedAndTheRestIsEscaped() {
        long event = as(documenter, () -> record("<script>alert('x')</script> Избиение & угрозы", "Задержанного избивали <b>ночью</b>.",
                "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 3, 17)));
        var hit = as(documenter, () -> search.search(mine("избиение избивали"))).hits().getFirst();
        assertThat(hit.eventId()).isEqualTo(event);
        assertThat(hit.titleHtml()).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp;")
                .contains("<mark>Избиение</mark>");
        // ts_headline drops tags from fragments and keeps them with HighlightAll: either way none reaches the page as HTML.
        assertThat(hit.snippetHtml()).doesNotContain("<b>").contains("<mark>избивали</mark>");
        assertThat(hit.titleHtml().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    }

    @Test
    void aNewActWithAMethodIsFoundAtOnceAndSoIsARenamedPlace() {
        String word = uniqueWord();
        long event = as(documenter, () -> record("Case " + word, null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 3, 17)));
        var electric = query(word, Map.of(Facet.METHOD, List.of("electric-shock")));
        assertThat(as(documenter, () -> search.search(electric)).total()).isZero();
        as(documenter, () -> act(event, List.of("electric-shock"), null));
        assertThat(ids(as(documenter, () -> search.search(electric)))).containsExactly(event);

        as(documenter, () -> records.addInformation(event, new CaseRecords.InformationDraft(null, null, null, null, null,
                "Сестра пострадавшего рассказала о пытках током")));
        assertThat(ids(as(documenter, () -> search.search(mine("пыткой током"))))).containsExactly(event);

        long place = as(documenter, () -> places.add("ИВС " + word, null, "temporary-detention-isolator", "Almaty", null).id());
        long there = as(documenter, () -> record("Another case", null, null, Sharing.ORGANISATION, null, place));
        String renamed = uniqueWord();
        as(documenter, () -> places.change(place, "Изолятор " + renamed, null, "pre-trial-detention-centre", "Kostanay", null));
        var found = as(documenter, () -> search.search(mine(renamed)));
        assertThat(ids(found)).containsExactly(there);
        // A place's region is now a term of the region list, given here by its English name.
        assertThat(counts(found, Facet.REGION)).isEqualTo(Map.of("kostanay", 1L));
        assertThat(counts(found, Facet.PLACE_TYPE)).containsEntry("pre-trial-detention-centre", 1L)
                .doesNotContainKey("temporary-detention-isolator");
        assertThat(found.facets().stream().filter(f -> f.facet() == Facet.PLACE).findFirst().orElseThrow().values().getFirst()
                .label()).isEqualTo("Изолятор " + renamed);
    }

    @Test
    void importedCasesAreSearchableWhenTheBatchFinishes() {
        String word = uniqueWord();
        as(documenter, () -> transaction.execute(status -> {
            var batch = batches.start();
            for (int i = 0; i < 3; i++) {
                var draft = new EventDraft("Imported " + word, null, new FuzzyDate(LocalDate.of(2021, 4, 1 + i), null), null,
                        null, null, "Pavlodar", null, null, null, null, Sharing.ORGANISATION);
                long event = batch.addEvent(batch.event(draft));
                long victim = batch.addPerson(batch.person(new PersonDraft(new Identity("Imported victim", List.of(), null,
                        null, null), false, null, null, null, List.of(), false, null)));
                long act = batch.addAct(event, victim, batch.act(new ActDraft(null, "torture", null, null, null, null, null,
                        null, null, List.of("falanga"), null, null, null, null, null, null, List.of(), null, null)));
                batch.addInvolvement(act, batch.involvement(new CaseRecords.InvolvementDraft(null, null, "police",
                        "Unit " + word, null, null, "direct", null)));
            }
            return batch.finish();
        }));
        var results = as(documenter, () -> search.search(query(word, Map.of(Facet.METHOD, List.of("falanga")))));
        assertThat(results.total()).isEqualTo(3);
        assertThat(counts(results, Facet.UNIT)).isEqualTo(Map.of("Unit " + word, 3L));
        assertThat(counts(results, Facet.YEAR)).isEqualTo(Map.of("2021", 3L));
    }

    @Test
    void aBroaderTermFindsTheCasesOfItsNarrowerOnesCountedOnce() {
        String word = uniqueWord();
        long falanga = as(documenter, () -> {
            long event = record("Case " + word, null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 3, 17));
            act(event, List.of("falanga"), null);
            act(event, List.of("blows-to-the-ears"), null);
            return event;
        });
        long beating = as(documenter, () -> {
            long event = record("Case " + word, null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 3, 18));
            act(event, List.of("beating"), null);
            return event;
        });
        long other = as(documenter, () -> {
            long event = record("Case " + word, null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 3, 19));
            act(event, List.of("plastic-bag"), null);
            return event;
        });
        var results = as(documenter, () -> search.search(query(word, Map.of(Facet.METHOD, List.of("beating")))));
        assertThat(ids(results)).containsExactlyInAnyOrder(falanga, beating);
        // The selected term counts its cases once, whichever of its narrower terms they were recorded with.
        assertThat(counts(results, Facet.METHOD)).containsEntry("beating", 2L).containsEntry("falanga", 1L)
                .containsEntry("blows-to-the-ears", 1L).containsEntry("plastic-bag", 1L);
        assertThat(ids(as(documenter, () -> search.search(query(word, Map.of(Facet.METHOD, List.of("falanga")))))))
                .containsExactly(falanga);
        // Unselected, the broader term is counted the same way and shown above its narrower terms, a level deeper.
        var all = as(documenter, () -> search.search(query(word, Map.of())));
        assertThat(counts(all, Facet.METHOD)).containsEntry("beating", 2L).containsEntry("falanga", 1L)
                .containsEntry("asphyxiation", 1L).containsEntry("plastic-bag", 1L);
        var methods = all.facets().stream().filter(f -> f.facet() == Facet.METHOD).findFirst().orElseThrow().values();
        assertThat(methods).extracting(v -> v.value() + "@" + v.level()).containsExactly(
                "beating@0", "blows-to-the-ears@1", "falanga@1", "asphyxiation@0", "plastic-bag@1");
        assertThat(ids(as(documenter, () -> search.search(query(word, Map.of(Facet.METHOD, List.of("plastic-bag")))))))
                .containsExactly(other);
    }

    @Test
    void facetLabelsAreInTheUsersLanguage() {
        as(documenter, () -> act(record("Case", null, "Almaty", Sharing.COALITION, LocalDate.of(2024, 3, 17)), List.of("beating"), null));
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        try {
            var results = as(documenter, () -> search.search(mine("")));
            assertThat(labels(results, Facet.METHOD)).containsEntry("beating", "Избиение");
            assertThat(labels(results, Facet.SHARING)).containsEntry("COALITION", "Коалиция (под псевдонимами)");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void theExportHoldsEveryMatchingCaseTheUserMayReadAndIsAudited() throws Exception {
        String word = uniqueWord();
        long other = newOrganisation();
        var otherDocumenter = account(other, Role.DOCUMENTER);
        as(otherDocumenter, () -> record("Hidden " + word, null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 1, 1)));
        as(otherDocumenter, () -> record("Shared " + word, null, "Astana", Sharing.COALITION, LocalDate.of(2024, 1, 2)));
        for (int i = 0; i < 3; i++) {
            int n = i;
            as(documenter, () -> record("Own " + n + " " + word, null, "Aktobe", Sharing.ORGANISATION, LocalDate.of(2024, 2, 1 + n)));
        }
        var response = get("/api/v1/search/export?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), token(documenter));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String csv = response.body();
        assertThat(csv).startsWith("\uFEFFevent_number,event_title").contains("Shared " + word).contains("Own 2 " + word)
                .doesNotContain("Hidden " + word);
        assertThat(csv.strip().split("\r\n")).hasSize(1 + 4);
        assertThat(audit.search(new AuditSearch.Filter(null, "search.exported", null, null, null, null), null, 5).entries())
                .isNotEmpty();
    }

    @Test
    void theApiAnswersResultsAndFacetsAndSaysWhatIsWrongWithAParameter() throws Exception {
        String word = uniqueWord();
        long event = as(documenter, () -> record("Api " + word, null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 1, 1)));
        String token = token(documenter);
        var ok = get("/api/v1/search?q=" + word + "&region=Almaty", token);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode body = json.readTree(ok.body());
        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(body.get("hits").get(0).get("eventId").asLong()).isEqualTo(event);
        assertThat(body.get("hits").get(0).get("titleHtml").asString()).contains("<mark>");
        assertThat(body.get("facets").toString()).contains("\"REGION\"").contains("\"parameter\":\"region\"")
                .contains("\"Almaty\"");

        var year = get("/api/v1/search?year=twenty", token);
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.body()).contains("year").contains("twenty");
        assertThat(get("/api/v1/search?page=0", token).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search?size=1000", token).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search?sharing=EVERYONE", token).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search", null).statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> as(documenter, () -> search.search(query("x".repeat(501), Map.of()))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void theSearchPageShowsResultsWithCountsAndTheHeaderHasTheBox() throws Exception {
        String word = uniqueWord();
        as(documenter, () -> act(record("Page " + word, null, "Almaty", Sharing.ORGANISATION, LocalDate.of(2024, 1, 1)),
                List.of("beating"), null));
        var page = getPage("/search?q=" + word, documenter).getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"site-search\"").contains("<mark>").contains("name=\"method\" value=\"beating\"")
                .contains("id=\"result-count\"");
    }

    @Test
    void theNewestWindowIsTheSameWhetherReadMonthByMonthOrWhole() {
        // A window of three, so that a handful of cases spread over years overfill it and the months are widened.
        var small = new CaseSearch(jdbcClient, dataSource, vocabularies, messageSource, auditTrail, reads, 3);
        String word = "окномесяц" + sequence.incrementAndGet();
        var dates = List.of(LocalDate.of(2019, 3, 10), LocalDate.of(2021, 1, 15), LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 2, 2), LocalDate.of(2023, 6, 6), LocalDate.of(2023, 11, 30), LocalDate.of(2024, 5, 5),
                LocalDate.of(2025, 8, 8));
        var byDate = new java.util.TreeMap<LocalDate, Long>();
        as(documenter, () -> {
            for (int i = 0; i < dates.size(); i++) {
                byDate.put(dates.get(i), record("Дело " + word, null, i % 2 == 0 ? "Almaty" : "Astana", Sharing.ORGANISATION, dates.get(i)));
            }
            return record("Дело " + word + " без даты", null, "Almaty", Sharing.ORGANISATION, null);
        });
        var newest = byDate.descendingMap().values().stream().limit(3).toList();
        var all = as(documenter, () -> transaction.execute(status -> small.search(mine(word))));
        assertThat(ids(all)).containsExactlyElementsOf(newest);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.capped()).isTrue();
        // The same outside a transaction, where the windows are read at once, and page by page across the passes.
        var atOnce = as(documenter, () -> small.search(mine(word)));
        assertThat(ids(atOnce)).containsExactlyElementsOf(newest);
        assertThat(atOnce.total()).isEqualTo(3);
        var mine = mine(word);
        for (int page = 1; page <= 3; page++) {
            var one = new SearchQuery(word, mine.filters(), page, 1);
            assertThat(ids(as(documenter, () -> small.search(one)))).containsExactly(newest.get(page - 1));
        }

        // The year selected bounds the months; its own counts are those of the newest three without it.
        var year = query(word, Map.of(Facet.ORGANISATION, List.of(String.valueOf(organisation)), Facet.YEAR, List.of("2023")));
        var in2023 = as(documenter, () -> transaction.execute(status -> small.search(year)));
        assertThat(ids(in2023)).containsExactly(byDate.get(LocalDate.of(2023, 11, 30)), byDate.get(LocalDate.of(2023, 6, 6)),
                byDate.get(LocalDate.of(2023, 2, 2)));
        assertThat(in2023.capped()).isTrue();
        assertThat(counts(in2023, Facet.YEAR)).isEqualTo(Map.of("2025", 1L, "2024", 1L, "2023", 1L));
        assertThat(counts(in2023, Facet.REGION)).isEqualTo(Map.of("Almaty", 1L, "Astana", 2L));
        var in2023AtOnce = as(documenter, () -> small.search(year));
        assertThat(ids(in2023AtOnce)).isEqualTo(ids(in2023));
        assertThat(counts(in2023AtOnce, Facet.YEAR)).isEqualTo(counts(in2023, Facet.YEAR));
        assertThat(counts(in2023AtOnce, Facet.ORGANISATION)).isEqualTo(counts(in2023, Facet.ORGANISATION));

        // Fewer matches than the window: every one, the case without a date last.
        var few = new CaseSearch(jdbcClient, dataSource, vocabularies, messageSource, auditTrail, reads, 20);
        var every = as(documenter, () -> transaction.execute(status -> few.search(mine(word))));
        assertThat(every.total()).isEqualTo(9);
        assertThat(every.capped()).isFalse();
        assertThat(ids(every).subList(0, 8)).containsExactlyElementsOf(byDate.descendingMap().values());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private long record(String title, String description, String region, Sharing sharing, LocalDate date) {
        return record(title, description, region, sharing, date, null);
    }

    private long record(String title, String description, String region, Sharing sharing, LocalDate date, Long place) {
        return events.record(new EventDraft(title, description, new FuzzyDate(date, date == null ? DatePrecision.UNKNOWN
                : DatePrecision.EXACT), null, place, "police-station", region, null, "likely", "active", null, sharing)).id();
    }

    private long act(long event, List<String> methods, LocalDate date) {
        long victim = people.record(new PersonDraft(new Identity("Test victim", List.of(), null, null, null), false, null,
                null, null, List.of(), false, null)).id();
        long act = acts.add(event, new ActDraft(victim, "torture", new FuzzyDate(date, null), null, null, null, null, null,
                null, methods, null, null, null, null, null, null, List.of(), null, null)).id();
        records.addInvolvement(act, new CaseRecords.InvolvementDraft(null, null, "police", "Criminal police, 2nd division",
                null, null, "direct", null));
        return act;
    }

    /** A search among the cases of this test's organisation. */
    private SearchQuery mine(String text) {
        return query(text, Map.of(Facet.ORGANISATION, List.of(String.valueOf(organisation))));
    }

    private static SearchQuery query(String text, Map<Facet, List<String>> filters) {
        return new SearchQuery(text, filters, 1, 20);
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::eventId).toList();
    }

    private static Map<String, Long> counts(SearchResults results, Facet facet) {
        return results.facets().stream().filter(f -> f.facet() == facet).flatMap(f -> f.values().stream())
                .filter(v -> v.count() > 0)
                .collect(Collectors.toMap(SearchResults.FacetValue::value, SearchResults.FacetValue::count));
    }

    private static Map<String, String> labels(SearchResults results, Facet facet) {
        return results.facets().stream().filter(f -> f.facet() == facet).flatMap(f -> f.values().stream())
                .collect(Collectors.toMap(SearchResults.FacetValue::value, SearchResults.FacetValue::label));
    }

    private <T> T as(TestAccounts.Account account, Supplier<T> action) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(accounts.signedIn(account));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long newOrganisation() {
        return organisations.create("Search test organisation " + sequence.incrementAndGet() + "-" + System.nanoTime(), null).id();
    }

    private TestAccounts.Account account(long organisationId, Role role) {
        var user = users.create("search-" + role.name().toLowerCase() + "-" + sequence.incrementAndGet() + "-" + System.nanoTime() % 100000,
                "Search " + role.name(), organisationId, Set.of(role), TestAccounts.PASSWORD, false);
        return new TestAccounts.Account(user, null);
    }

    /** A word no other case has: letters only, so that no stemmer or parser splits it. */
    private static String uniqueWord() {
        var letters = new StringBuilder("zq");
        long n = System.nanoTime() + sequence.incrementAndGet();
        for (int i = 0; i < 8; i++, n /= 26) letters.append((char) ('a' + (n % 26)));
        return letters.toString();
    }

    private String token(TestAccounts.Account account) {
        return tokens.create(account.id(), "search test").value();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private MvcResult getPage(String path, TestAccounts.Account account) throws Exception {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(account)));
        return mvc.perform(MockMvcRequestBuilders.get(path).session(session)).andReturn();
    }
}
