package org.aigaq.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.encryption.SearchTokenKey;
import org.aigaq.platform.names.LabelledNames;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finding a person whatever the spelling, through the real service, tokens and database: every name of the labelled
 * set is recorded, and one form of each person finds the other in the top five (recall@5 at least 0.95). Only the
 * people whose identities the user may see are ever found; analysts and viewers cannot search by name; every search
 * is audited without the name searched; people without tokens get them at start; a new key rebuilds them.
 */
class PersonSearchTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired Users users;
    @Autowired Organisations organisations;
    @Autowired People people;
    @Autowired PersonSearch search;
    @Autowired PersonNameIndex index;
    @Autowired Events events;
    @Autowired Acts acts;
    @Autowired SearchTokenKey key;
    @Autowired ApiTokens tokens;
    @Autowired AuditSearch audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void oneFormOfAPersonFindsTheOtherInTheTopFive() {
        signIn(worker("Labelled names organisation", Role.DOCUMENTER));
        var labelled = LabelledNames.load();
        var recorded = new HashMap<String, Long>();
        var personOf = new HashMap<Long, String>();
        for (var pair : labelled.pairs()) {
            for (var form : List.of(Map.entry(pair.first(), pair.firstPerson()), Map.entry(pair.second(), pair.secondPerson()))) {
                recorded.computeIfAbsent(form.getKey(), name -> {
                    long id = record(name).id();
                    personOf.put(id, form.getValue());
                    return id;
                });
            }
        }
        int found = 0;
        int firstRight = 0;
        int shown = 0;
        int shownRight = 0;
        var missed = new java.util.ArrayList<String>();
        for (var pair : labelled.same()) {
            long asked = recorded.get(pair.first());
            var top = search.find(pair.first(), 6).stream().map(f -> f.person().id()).filter(id -> id != asked).limit(5).toList();
            if (top.contains(recorded.get(pair.second()))) found++;
            else missed.add(pair.first() + " -> " + pair.second());
            if (!top.isEmpty() && pair.firstPerson().equals(personOf.get(top.getFirst()))) firstRight++;
            shown += top.size();
            shownRight += (int) top.stream().filter(id -> pair.firstPerson().equals(personOf.get(id))).count();
        }
        double recall = (double) found / labelled.same().size();
        System.out.printf("Person search on %d names: recall@5 %.3f, precision@1 %.3f, precision@5 %.3f (each person has four"
                        + " forms: at most three of five results can be right)%n", recorded.size(), recall,
                (double) firstRight / labelled.same().size(), (double) shownRight / shown);
        System.out.println("Not in the top five: " + String.join("; ", missed));
        assertThat(recall).as("recall@5 of the person search").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void peopleWhoseIdentitiesTheUserMayNotSeeAreNeverFound() {
        var ownDocumenter = worker("Search organisation A", Role.DOCUMENTER);
        var otherCoordinator = worker("Search organisation B", Role.COORDINATOR);
        var lawyerOfA = worker("Search organisation A", Role.LAWYER);

        signIn(otherCoordinator);
        long hidden = record("Тимур Асқарұлы Жақыпбеков").id();
        long shared = record("Гүлнар Болатқызы Смағұлова").id();
        var coalitionCase = events.record(new SyntheticCases(3).event(Sharing.COALITION));
        acts.add(coalitionCase.id(), new SyntheticCases(4).act(shared, new SyntheticCases(4).event(Sharing.COALITION), List.of()));
        long given = record("Асқар Жақыпбеков").id();
        var organisationCase = events.record(new SyntheticCases(5).event(Sharing.ORGANISATION));
        acts.add(organisationCase.id(), new SyntheticCases(6).act(given, new SyntheticCases(6).event(Sharing.ORGANISATION), List.of()));
        assertThat(ids(search.find("Zhakypbekov Timur", 10))).contains(hidden);
        events.grant(organisationCase.id(), lawyerOfA.username());

        // Another organisation's person, even in a coalition case whose pseudonyms the user reads, is never found.
        signIn(ownDocumenter);
        assertThat(ids(search.find("Zhakypbekov Timur", 100))).doesNotContain(hidden, given);
        assertThat(ids(search.find("Smagulova Gulnar", 100))).doesNotContain(shared);
        // A lawyer given one case finds that case's people, and only them.
        signIn(lawyerOfA);
        var found = search.find("Жакыпбеков Аскар", 10);
        assertThat(ids(found)).contains(given).doesNotContain(hidden);
        var person = found.stream().filter(f -> f.person().id() == given).findFirst().orElseThrow();
        assertThat(person.person().identity().name()).isEqualTo("Асқар Жақыпбеков");
        assertThat(person.cases()).extracting(PersonSearch.CaseOfPerson::eventId).containsExactly(organisationCase.id());
    }

    @Test
    void analystsAndViewersCannotSearchByName() throws Exception {
        for (Role role : List.of(Role.ANALYST, Role.VIEWER)) {
            var account = accounts.create(role, false);
            signIn(account);
            assertThatThrownBy(() -> search.find("Ержан", 10)).isInstanceOf(AccessDeniedException.class);
            String token = tokens.create(account.id(), "test").value();
            assertThat(get("/api/v1/people/search?q=" + encode("Ержан"), token).statusCode()).isEqualTo(403);
            assertThat(get("/people/search?q=" + encode("Ержан"), token).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void theApiAndThePageFindAPersonAndSayWhatIsWrongWithAQuery() throws Exception {
        var documenter = worker("Search organisation A", Role.DOCUMENTER);
        signIn(documenter);
        long id = record("Бауыржан Серікұлы Құдайбергенов").id();
        String token = tokens.create(documenter.id(), "test").value();
        var answer = get("/api/v1/people/search?q=" + encode("KUDAIBERGENOV BAUYRZHAN"), token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var first = json.readTree(answer.body()).get(0);
        assertThat(first.get("person").get("id").asLong()).isEqualTo(id);
        assertThat(first.get("person").get("identity").get("name").asString()).isEqualTo("Бауыржан Серікұлы Құдайбергенов");
        assertThat(first.get("similarity").asDouble()).isGreaterThan(0.9);
        var page = get("/people/search?q=" + encode("Кудайбергенов Б.С."), token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Бауыржан Серікұлы Құдайбергенов").contains(people.get(id).pseudonym());
        var noLetters = get("/api/v1/people/search?q=" + encode("12 345"), token);
        assertThat(noLetters.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noLetters.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/q");
        assertThat(get("/api/v1/people/search", token).statusCode()).isEqualTo(400);
        assertThat(get("/people/search?q=" + encode("..."), token).body()).contains("the search needs letters");
    }

    @Test
    void everySearchIsAuditedWithThePeopleShownAndWithoutTheName() {
        signIn(worker("Search organisation A", Role.COORDINATOR));
        long id = record("Мәдина Тоқтарқызы Есенжолова").id();
        var found = search.find("Madina Yesenzholova", 5);
        assertThat(ids(found)).contains(id);
        var entry = audit.search(new AuditSearch.Filter(null, "people.searched", "person", null, null, null), null, 1)
                .entries().getFirst();
        String summary = String.valueOf(entry.summary());
        assertThat(summary).contains(String.valueOf(id)).doesNotContainIgnoringCase("madina").doesNotContain("Есенжол");
    }

    @Test
    void peopleWithoutTokensGetThemAtStartAndAChangedNameChangesThem() throws Exception {
        signIn(worker("Search organisation A", Role.DOCUMENTER));
        var person = record("Сапар Нұрпейісұлы Жұмағалиев");
        // As if recorded before the tokens existed (the migration gives such people a row without tokens).
        jdbc.update("UPDATE person_name_tokens SET tokens = NULL WHERE person_id = ?", person.id());
        assertThat(ids(search.find("Zhumagaliev Sapar", 10))).doesNotContain(person.id());
        assertThat(index.catchUp()).isGreaterThanOrEqualTo(1);
        assertThat(ids(search.find("Zhumagaliev Sapar", 10))).contains(person.id());

        people.change(person.id(), new PersonDraft(new Identity("Сапар Омаров", List.of("Sapar Omarov"), null, null, null),
                false, null, null, null, List.of(), false, null));
        var stored = jdbc.queryForObject("SELECT tokens FROM person_name_tokens WHERE person_id = ?", java.sql.Array.class,
                person.id());
        assertThat(List.of((Long[]) stored.getArray())).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(PersonNameIndex.tokens(
                new Identity("Сапар Омаров", List.of("Sapar Omarov"), null, null, null), person.organisationId(), key)).boxed().toList());
        assertThat(ids(search.find("Жумагалиев", 10))).doesNotContain(person.id());
        assertThat(ids(search.find("Омаров Сапар", 10))).contains(person.id());
    }

    @Test
    void aNewKeyRebuildsEveryToken() {
        signIn(worker("Search organisation A", Role.DOCUMENTER));
        long id = record("Ерлан Маратұлы Ыбыраев").id();
        // The tokens were built by another key (the key given through the environment changed): start-up rebuilds them.
        jdbc.update("UPDATE name_token_key SET fingerprint = fingerprint + 1");
        jdbc.update("UPDATE person_name_tokens SET tokens = ARRAY[1, 2, 3] WHERE person_id = ?", id);
        assertThat(ids(search.find("Ybyrayev Yerlan", 10))).doesNotContain(id);
        index.catchUp();
        assertThat(jdbc.queryForObject("SELECT fingerprint FROM name_token_key", Long.class)).isEqualTo(key.fingerprint());
        assertThat(ids(search.find("Ybyrayev Yerlan", 10))).contains(id);
        assertThat(audit.search(new AuditSearch.Filter(null, "names.tokens-reset", null, null, null, null), null, 1).entries())
                .isNotEmpty();
    }

    @Test
    void anEmptyQueryIsRefusedWithItsField() {
        signIn(worker("Search organisation A", Role.MONITOR));
        assertThatThrownBy(() -> search.find("  ", 10)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().field()).isEqualTo("q"));
    }

    private Person record(String name) {
        return people.record(new PersonDraft(new Identity(name, List.of(), null, null, null), false, null, null, null,
                List.of(), false, null));
    }

    private TestAccounts.Account worker(String organisationName, Role role) {
        long organisation = organisations.all().stream().filter(o -> o.name().equals(organisationName)).findFirst()
                .orElseGet(() -> organisations.create(organisationName, null)).id();
        var user = users.create(role.name().toLowerCase() + "-" + System.nanoTime() % 10_000_000, "Searcher", organisation,
                Set.of(role), TestAccounts.PASSWORD, false);
        return new TestAccounts.Account(users.get(user.id()), null);
    }

    private void signIn(TestAccounts.Account account) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(account));
    }

    private static List<Long> ids(List<PersonSearch.Found> found) {
        return found.stream().map(f -> f.person().id()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
