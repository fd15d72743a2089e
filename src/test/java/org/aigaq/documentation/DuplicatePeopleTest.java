package org.aigaq.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
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
 * The review of likely duplicates on the real services and database: proposals across scripts, never across
 * organisations nor for pairs marked different; the precision of the proposals on the labelled name set; a merge that
 * moves every link of every table referring to a person, keeps both name forms, is audited and undone exactly; and
 * the refusals (roles, other organisations, the same record, a record already merged, a second submission).
 */
class DuplicatePeopleTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired Users users;
    @Autowired Organisations organisations;
    @Autowired People people;
    @Autowired DuplicatePeople duplicates;
    @Autowired PersonMerges merges;
    @Autowired DifferentPeople different;
    @Autowired PersonSearch search;
    @Autowired Events events;
    @Autowired Acts acts;
    @Autowired CaseRecords records;
    @Autowired Places places;
    @Autowired MedicalDocumentation medical;
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
    void theSamePersonWrittenInCyrillicAndInLatinIsProposedWithItsReasons() {
        String organisation = organisation();
        signIn(worker(organisation, Role.DOCUMENTER));
        long cyrillic = record("Ерлан Маратұлы Ыбыраев", null).id();
        long latin = record("Yerlan Ybyrayev", null).id();
        long brother = record("Асқар Маратұлы Ыбыраев", null).id();
        long other = record("Гүлнар Смағұлова", null).id();

        var proposals = duplicates.of(cyrillic);
        assertThat(proposals).extracting(p -> p.second().id()).contains(latin).doesNotContain(brother, other);
        var proposal = proposals.stream().filter(p -> p.second().id() == latin).findFirst().orElseThrow();
        assertThat(proposal.first().identity().name()).isEqualTo("Ерлан Маратұлы Ыбыраев");
        assertThat(proposal.second().identity().name()).isEqualTo("Yerlan Ybyrayev");
        assertThat(proposal.reasons()).extracting(DuplicateProposal.Reason::messageKey)
                .contains("names.reason.same-name-other-script", "documentation.duplicates.reason.birth-date-unknown");
        assertThat(proposal.birthDates()).isEqualTo(DuplicateProposal.BirthDates.UNKNOWN);
        assertThat(proposal.score()).isBetween(0.9, 1.0);

        var queue = duplicates.queue(0, 20);
        assertThat(queue.proposals()).anySatisfy(p -> assertThat(Set.of(p.first().id(), p.second().id()))
                .containsExactlyInAnyOrder(cyrillic, latin));
        assertThat(queue.proposals()).noneSatisfy(p -> assertThat(Set.of(p.first().id(), p.second().id())).contains(other));
        var entry = audit.search(new AuditSearch.Filter(null, "people.duplicates-proposed", "person", null, null, null), null, 1)
                .entries().getFirst();
        assertThat(String.valueOf(entry.summary())).contains(String.valueOf(latin)).doesNotContain("Ybyrayev");
    }

    @Test
    void sharedPlacesCasesAndBirthDatesJoinTheReasonsAndTheScore() {
        String organisation = organisation();
        signIn(worker(organisation, Role.DOCUMENTER));
        var born = LocalDate.of(1984, 5, 17);
        long first = record("Бауыржан Серікұлы Құдайбергенов", born).id();
        long second = record("KUDAIBERGENOV BAUYRZHAN", born).id();
        long third = record("Bauyrzhan Kudaybergenov", born.plusMonths(2)).id();
        long place = places.add("ИВС ДП г. Алматы " + System.nanoTime(), null, "temporary-detention-isolator", "Almaty", null).id();
        var draft = new SyntheticCases(11).event(Sharing.ORGANISATION);
        var withPlace = new EventDraft(draft.title(), null, draft.initial(), null, place, draft.locationType(), draft.region(),
                null, null, null, null, Sharing.ORGANISATION);
        var event = events.record(withPlace);
        acts.add(event.id(), new SyntheticCases(12).act(first, withPlace, List.of()));
        acts.add(event.id(), new SyntheticCases(13).act(second, withPlace, List.of()));

        var proposals = duplicates.of(first);
        var same = proposals.stream().filter(p -> p.second().id() == second).findFirst().orElseThrow();
        assertThat(same.birthDates()).isEqualTo(DuplicateProposal.BirthDates.SAME);
        assertThat(same.sharedPlaces()).extracting(DuplicateProposal.SharedPlace::id).containsExactly(place);
        assertThat(same.sharedCases()).extracting(PersonSearch.CaseOfPerson::eventId).containsExactly(event.id());
        assertThat(same.reasons()).extracting(DuplicateProposal.Reason::messageKey).contains("names.reason.birth-date-same",
                "documentation.duplicates.reason.same-place", "documentation.duplicates.reason.same-case");
        var near = proposals.stream().filter(p -> p.second().id() == third).findFirst().orElseThrow();
        assertThat(near.birthDates()).isEqualTo(DuplicateProposal.BirthDates.WITHIN_A_YEAR);
        assertThat(near.reasons()).anySatisfy(r -> {
            assertThat(r.messageKey()).isEqualTo("documentation.duplicates.reason.birth-dates-near");
            assertThat(r.against()).isTrue();
        });
        assertThat(same.score()).isGreaterThan(near.score());
        assertThat(proposals.getFirst().second().id()).isEqualTo(second);
    }

    /** Every form of the labelled set as a person of one organisation: how many of the proposed pairs are one person. */
    @Test
    void theProposalsOfTheLabelledSetAreAtLeastNinetyPercentRight() {
        signIn(worker(organisation(), Role.DOCUMENTER));
        var personOf = recordLabelled(false);
        var quality = quality(personOf);
        System.out.printf("Duplicate proposals on %d labelled names: %d proposed, precision %.3f, recall %.3f of %d pairs"
                + " of one person%n", personOf.size(), quality.proposed(), quality.precision(), quality.recall(), quality.samePairs());
        assertThat(quality.proposed()).isGreaterThan(0);
        assertThat(quality.precision()).as("precision of the duplicate proposals").isGreaterThanOrEqualTo(0.9);
    }

    /** The relatives and namesakes of the labelled set, born years apart, are never proposed as one person. */
    @Test
    void similarButDifferentPeopleBornYearsApartAreNeverProposed() {
        signIn(worker(organisation(), Role.DOCUMENTER));
        var personOf = recordLabelled(true);
        var quality = quality(personOf);
        System.out.printf("With dates of birth: %d proposed, precision %.3f, recall %.3f%n", quality.proposed(),
                quality.precision(), quality.recall());
        assertThat(quality.wrong()).as("pairs of different people proposed").isEmpty();
        assertThat(quality.proposed()).isGreaterThan(0);
    }

    @Test
    void aPairMarkedDifferentIsNeverProposedAgainUntilTheMarkingIsUndone() {
        signIn(worker(organisation(), Role.COORDINATOR));
        long first = record("Мәдина Тоқтарқызы Есенжолова", null).id();
        long second = record("Madina Yesenzholova", null).id();
        assertThat(ids(duplicates.of(first))).contains(second);

        var pair = different.mark(second, first);
        assertThat(pair.firstId()).isEqualTo(first);
        assertThat(ids(duplicates.of(first))).doesNotContain(second);
        assertThat(ids(duplicates.of(second))).doesNotContain(first);
        assertThat(duplicates.queue(0, 100).proposals()).isEmpty();
        assertThatThrownBy(() -> merges.merge(first, second)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("documentation.duplicates.merge.marked-different"));
        assertThatThrownBy(() -> different.mark(first, second)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("documentation.duplicates.different.already"));
        assertThat(audit.search(new AuditSearch.Filter(null, "person.marked-different", "person", String.valueOf(first), null, null),
                null, 1).entries()).isNotEmpty();

        different.undo(pair.id());
        assertThat(ids(duplicates.of(first))).contains(second);
        assertThatThrownBy(() -> different.undo(pair.id())).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("documentation.duplicates.different.already-undone"));
        assertThat(audit.search(new AuditSearch.Filter(null, "person.different-undone", "person", String.valueOf(first), null, null),
                null, 1).entries()).isNotEmpty();
    }

    @Test
    void everyColumnThatRefersToAPersonIsHandledByTheMerge() {
        var columns = new TreeSet<>(jdbc.queryForList("""
                SELECT c.conrelid::regclass::text || '.' || a.attname
                FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass
                """, String.class));
        assertThat(columns).as("columns referring to person: PersonMerges.LINKS must say what a merge does with each")
                .isEqualTo(new TreeSet<>(PersonMerges.LINKS.keySet()));
    }

    @Test
    void aMergeMovesEveryLinkKeepsBothNamesIsAuditedAndIsUndoneExactly() throws Exception {
        var documenter = worker(organisation(), Role.DOCUMENTER);
        signIn(documenter);
        var keptIdentity = new Identity("Нұрлан Сәбитұлы Сәрсенбаев", List.of("Нурлан Сарсенбаев"), null, "Алматы, Абай 10", null);
        long kept = people.record(new PersonDraft(keptIdentity, false, null, "male", null, List.of(), false, null)).id();
        var mergedIdentity = new Identity("Nurlan Sarsenbayev", List.of("Сарсенбаев Н.С."), "+7 701 000 00 00", "Shymkent",
                LocalDate.of(1985, 2, 3));
        long merged = people.record(new PersonDraft(mergedIdentity, false, null, null, "Kazakhstan", List.of(), false, null)).id();
        long bystander = record("Серік Оспанов", null).id();

        var draft = new SyntheticCases(21).event(Sharing.ORGANISATION);
        long first = events.record(draft).id();
        long second = events.record(new SyntheticCases(22).event(Sharing.ORGANISATION)).id();
        long third = events.record(new SyntheticCases(23).event(Sharing.ORGANISATION)).id();
        long victimAct = acts.add(first, new SyntheticCases(24).act(merged, draft, List.of())).id();
        long keptAct = acts.add(first, new SyntheticCases(25).act(kept, draft, List.of())).id();
        long otherAct = acts.add(second, new SyntheticCases(26).act(bystander, draft, List.of())).id();
        long examination = medical.record(victimAct, new MedicalDocumentation.ExaminationDraft(LocalDate.of(2024, 1, 5),
                "the victim's lawyer", false, null, false, null, LocalDate.of(2024, 1, 9), ExaminerType.INDEPENDENT,
                "Dr. Examiner", null, null, null, null, null, null)).id();
        long involvement = records.addInvolvement(otherAct, new CaseRecords.InvolvementDraft(merged, null, "police", null, null,
                null, "direct", null)).id();
        long source = records.addInformation(second, new CaseRecords.InformationDraft(merged, null, null, null, null, "account")).id();
        records.addPerson(second, merged, CaseRecords.PersonRole.WITNESS, "saw the arrest");
        records.addPerson(third, merged, CaseRecords.PersonRole.RELATIVE, "brother, as the merged record says");
        records.addPerson(third, kept, CaseRecords.PersonRole.RELATIVE, "brother");
        var before = links(kept, merged);

        var merge = merges.merge(kept, merged);
        assertThat(merge.moved()).containsEntry("act.victim", 1).containsEntry("involvement.perpetrator", 1)
                .containsEntry("information.source", 1).containsEntry("event_person", 2);
        assertThat(jdbc.queryForObject("SELECT victim_id FROM act WHERE id = ?", Long.class, victimAct)).isEqualTo(kept);
        assertThat(jdbc.queryForObject("SELECT victim_id FROM act WHERE id = ?", Long.class, keptAct)).isEqualTo(kept);
        assertThat(jdbc.queryForObject("SELECT act_id FROM medical_examination WHERE id = ?", Long.class, examination))
                .isEqualTo(victimAct);
        assertThat(jdbc.queryForObject("SELECT perpetrator_id FROM involvement WHERE id = ?", Long.class, involvement)).isEqualTo(kept);
        assertThat(jdbc.queryForObject("SELECT source_person_id FROM information WHERE id = ?", Long.class, source)).isEqualTo(kept);
        assertThat(jdbc.queryForList("SELECT event_id || ' ' || role FROM event_person WHERE person_id = ?", String.class, kept))
                .containsExactlyInAnyOrder(second + " WITNESS", third + " RELATIVE");
        for (String table : List.of("act WHERE victim_id", "involvement WHERE perpetrator_id", "information WHERE source_person_id",
                "event_person WHERE person_id", "person_name_tokens WHERE person_id")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " = ?", Integer.class, merged)).as(table).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT merged_into FROM person WHERE id = ?", Long.class, merged)).isEqualTo(kept);

        var now = people.get(kept);
        assertThat(now.identity().name()).isEqualTo("Нұрлан Сәбитұлы Сәрсенбаев");
        assertThat(now.identity().otherNames()).containsExactly("Нурлан Сарсенбаев", "Nurlan Sarsenbayev", "Сарсенбаев Н.С.");
        assertThat(now.identity().contacts()).isEqualTo("+7 701 000 00 00");
        assertThat(now.identity().address()).isEqualTo("Алматы, Абай 10");
        assertThat(now.identity().dateOfBirth()).isEqualTo(LocalDate.of(1985, 2, 3));
        assertThat(now.sex()).isEqualTo("male");
        assertThat(now.citizenship()).isEqualTo("Kazakhstan");
        assertThat(storedTokens(kept)).containsExactlyInAnyOrderElementsOf(expectedTokens(now.identity(), now.organisationId()));
        assertThat(search.find("Sarsenbayev N.", 20)).extracting(f -> f.person().id()).contains(kept).doesNotContain(merged);
        var entry = audit.search(new AuditSearch.Filter(null, "person.merged", "person", String.valueOf(kept), null, null), null, 1)
                .entries();
        assertThat(entry).hasSize(1);
        assertThat(String.valueOf(entry.getFirst().summary())).contains(String.valueOf(merge.id())).doesNotContain("Nurlan");

        // The retired record's page leads to the kept one; it can no longer be changed nor used in a case.
        String token = tokens.create(documenter.id(), "test").value();
        var page = send("GET", "/people/" + merged, null, token);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/people/" + kept + "?from=" + merged);
        var api = send("GET", "/api/v1/people/" + merged, null, token);
        assertThat(api.statusCode()).isEqualTo(302);
        assertThat(api.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/people/" + kept);
        assertThat(send("GET", "/people/" + kept + "?from=" + merged, null, token).body())
                .contains("that record was merged into this one").contains(people.get(kept).pseudonym());
        assertThatThrownBy(() -> people.change(merged, new PersonDraft(mergedIdentity, false, null, null, null, List.of(), false, null)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("documentation.duplicates.retired"));
        assertThatThrownBy(() -> acts.add(second, new SyntheticCases(27).act(merged, draft, List.of())))
                .isInstanceOf(InvalidInput.class);

        merges.undo(merge.id());
        assertThat(links(kept, merged)).isEqualTo(before);
        var restored = people.get(kept);
        assertThat(restored.identity()).isEqualTo(keptIdentity);
        assertThat(restored.sex()).isEqualTo("male");
        assertThat(restored.citizenship()).isNull();
        assertThat(people.get(merged).identity()).isEqualTo(mergedIdentity);
        assertThat(jdbc.queryForObject("SELECT merged_into FROM person WHERE id = ?", Long.class, merged)).isNull();
        assertThat(storedTokens(kept)).containsExactlyInAnyOrderElementsOf(expectedTokens(keptIdentity, restored.organisationId()));
        assertThat(storedTokens(merged)).containsExactlyInAnyOrderElementsOf(expectedTokens(mergedIdentity, restored.organisationId()));
        assertThat(audit.search(new AuditSearch.Filter(null, "person.merge-undone", "person", String.valueOf(kept), null, null),
                null, 1).entries()).isNotEmpty();
        assertThatThrownBy(() -> merges.undo(merge.id())).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("documentation.duplicates.undo.already-undone"));
    }

    @Test
    void anUndoKeepsWhatWasChangedOnTheKeptRecordSinceTheMerge() {
        signIn(worker(organisation(), Role.COORDINATOR));
        long kept = record("Айгүл Серікқызы Жұмабаева", null).id();
        long merged = people.record(new PersonDraft(new Identity("Aigul Zhumabayeva", List.of(), "+7 777 111 22 33", null, null),
                false, null, null, null, List.of(), false, null)).id();
        var merge = merges.merge(kept, merged);
        var combined = people.get(kept).identity();
        people.change(kept, new PersonDraft(new Identity(combined.name(), append(combined.otherNames(), "Айгуль Жумабаева"),
                combined.contacts(), "Астана", combined.dateOfBirth()), false, null, null, null, List.of(), false, null));
        merges.undo(merge.id());
        var restored = people.get(kept).identity();
        assertThat(restored.otherNames()).containsExactly("Айгуль Жумабаева");
        assertThat(restored.contacts()).isNull();
        assertThat(restored.address()).isEqualTo("Астана");
    }

    @Test
    void onlyCoordinatorsAndDocumentersOfTheOrganisationMerge() throws Exception {
        String organisation = organisation();
        signIn(worker(organisation, Role.DOCUMENTER));
        long kept = record("Талғат Ерболатұлы Ахметов", null).id();
        long merged = record("Talgat Akhmetov", null).id();
        for (Role role : List.of(Role.ANALYST, Role.VIEWER, Role.LAWYER, Role.MONITOR)) {
            var account = worker(organisation, role);
            signIn(account);
            assertThatThrownBy(() -> merges.merge(kept, merged)).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> different.mark(kept, merged)).as(role.name()).isInstanceOf(AccessDeniedException.class);
            String token = tokens.create(account.id(), "test").value();
            var answer = send("POST", "/api/v1/people/merges", "{\"kept\": " + kept + ", \"merged\": " + merged + "}", token);
            assertThat(answer.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(send("POST", "/people/merges", "kept=" + kept + "&merged=" + merged, token).statusCode()).isEqualTo(403);
        }
        for (Role role : List.of(Role.ANALYST, Role.VIEWER)) {
            signIn(worker(organisation, role));
            assertThatThrownBy(() -> duplicates.of(kept)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> duplicates.queue(0, 10)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("SELECT merged_into FROM person WHERE id = ?", Long.class, merged)).isNull();
    }

    @Test
    void anotherOrganisationsPersonIsNeverProposedNorMerged() throws Exception {
        var ours = worker(organisation(), Role.COORDINATOR);
        var theirs = worker(organisation(), Role.COORDINATOR);
        signIn(theirs);
        long elsewhere = record("Ерболат Әділетұлы Ахметов", null).id();
        signIn(ours);
        long own = record("Yerbolat Adiletuly Akhmetov", null).id();

        assertThat(ids(duplicates.of(own))).doesNotContain(elsewhere);
        assertThat(duplicates.queue(0, 100).proposals()).isEmpty();
        assertThatThrownBy(() -> duplicates.of(elsewhere)).isInstanceOf(NoSuchRecord.class);
        assertThatThrownBy(() -> duplicates.compare(own, elsewhere)).isInstanceOf(NoSuchRecord.class);
        assertThatThrownBy(() -> merges.merge(own, elsewhere)).isInstanceOf(NoSuchRecord.class);
        assertThatThrownBy(() -> merges.merge(elsewhere, own)).isInstanceOf(NoSuchRecord.class);
        assertThatThrownBy(() -> different.mark(own, elsewhere)).isInstanceOf(NoSuchRecord.class);
        String token = tokens.create(ours.id(), "test").value();
        assertThat(send("POST", "/api/v1/people/merges", "{\"kept\": " + own + ", \"merged\": " + elsewhere + "}", token)
                .statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/people/" + elsewhere + "/duplicates", null, token).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/people/duplicates/pair?first=" + own + "&second=" + elsewhere, null, token).statusCode())
                .isEqualTo(404);
        // Their merge is theirs: a merge of another organisation cannot be undone from here either.
        signIn(theirs);
        long theirOther = record("Yerbolat Akhmetov", null).id();
        var theirMerge = merges.merge(elsewhere, theirOther);
        signIn(ours);
        assertThatThrownBy(() -> merges.undo(theirMerge.id())).isInstanceOf(NoSuchRecord.class);
    }

    @Test
    void aRecordMergedWithItselfOrAlreadyMergedIsRefusedWithAClearMessage() throws Exception {
        var documenter = worker(organisation(), Role.DOCUMENTER);
        signIn(documenter);
        long kept = record("Қайрат Ержанұлы Оспанов", null).id();
        long merged = record("Qairat Ospanov", null).id();
        long third = record("OSPANOV KAIRAT", null).id();
        assertThatThrownBy(() -> merges.merge(kept, kept)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.violations().getFirst().field()).isEqualTo("merged");
            assertThat(e.violations().getFirst().messageKey()).isEqualTo("documentation.duplicates.merge.same-person");
        });
        String token = tokens.create(documenter.id(), "test").value();
        var itself = send("POST", "/api/v1/people/merges", "{\"kept\": " + kept + ", \"merged\": " + kept + "}", token);
        assertThat(itself.statusCode()).isEqualTo(400);
        var error = json.readTree(itself.body()).get("errors").get(0);
        assertThat(error.get("pointer").asString()).isEqualTo("/merged");
        assertThat(error.get("message").asString()).contains("cannot be merged with itself");
        var missing = send("POST", "/api/v1/people/merges", "{\"kept\": " + kept + "}", token);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/merged");

        // The same merge submitted twice: the first merges, the second is refused and says why.
        String body = "{\"kept\": " + kept + ", \"merged\": " + merged + "}";
        var once = send("POST", "/api/v1/people/merges", body, token);
        assertThat(once.statusCode()).as(once.body()).isEqualTo(201);
        var twice = send("POST", "/api/v1/people/merges", body, token);
        assertThat(twice.statusCode()).isEqualTo(400);
        String keptPseudonym = people.get(kept).pseudonym();
        String mergedPseudonym = jdbc.queryForObject("SELECT pseudonym FROM person WHERE id = ?", String.class, merged);
        assertThat(json.readTree(twice.body()).get("errors").get(0).get("message").asString())
                .isEqualTo(mergedPseudonym + " was already merged into " + keptPseudonym + ".");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_merge WHERE merged_id = ?", Integer.class, merged)).isOne();
        // A retired record cannot be merged into a third one, nor have anything merged into it.
        assertThatThrownBy(() -> merges.merge(third, merged)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("documentation.duplicates.merge.already-merged"));
        assertThatThrownBy(() -> merges.merge(merged, third)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().field()).isEqualTo("kept"));
        // The page says the same, beside the two records.
        var page = send("POST", "/people/merges", "kept=" + kept + "&merged=" + merged, token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(mergedPseudonym + " was already merged into " + keptPseudonym + ".").contains("role=\"alert\"");
        // Once the kept record is merged into a third, the first merge waits for that one to be undone.
        long mergeId = json.readTree(once.body()).get("id").asLong();
        var later = merges.merge(third, kept);
        assertThatThrownBy(() -> merges.undo(mergeId)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("documentation.duplicates.undo.kept-merged-since"));
        merges.undo(later.id());
        assertThat(send("POST", "/api/v1/people/merges/" + mergeId + "/undo", "", token).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/people/merges/" + mergeId + "/undo", "", token).statusCode()).isEqualTo(400);
    }

    @Test
    void thePagesProposeCompareMergeAndMarkDifferent() throws Exception {
        var documenter = worker(organisation(), Role.DOCUMENTER);
        signIn(documenter);
        long first = record("Сапар Нұрпейісұлы Жұмағалиев", null).id();
        long second = record("Sapar Zhumagaliyev", null).id();
        long third = record("Жумагалиев Сапар", null).id();
        String token = tokens.create(documenter.id(), "test").value();
        var queue = send("GET", "/people/duplicates", null, token);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Sapar Zhumagaliyev").contains("Likely duplicates")
                .contains("/people/duplicates/pair?first=");
        var ofPerson = send("GET", "/people/" + first + "/duplicates", null, token);
        assertThat(ofPerson.body()).contains("Possible duplicates of").contains("Sapar Zhumagaliyev").contains("Жумагалиев Сапар");
        assertThat(send("GET", "/people/" + first, null, token).body()).contains("/people/" + first + "/duplicates");
        var pair = send("GET", "/people/duplicates/pair?first=" + first + "&second=" + second, null, token);
        assertThat(pair.body()).contains("Merge, keeping").contains("These are different people");

        var merged = send("POST", "/people/merges", "kept=" + first + "&merged=" + second, token);
        assertThat(merged.statusCode()).isEqualTo(302);
        var keptPage = send("GET", merged.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""), null, token);
        assertThat(keptPage.body()).contains("The records were merged").contains("Undo the merge of");
        var marked = send("POST", "/people/different", "first=" + first + "&second=" + third, token);
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(send("GET", "/people/duplicates/pair?first=" + first + "&second=" + third, null, token).body())
                .contains("Marked as different people");

        // A monitor reviews, but the decisions are not offered.
        var monitor = worker(organisationOf(documenter), Role.MONITOR);
        String monitorToken = tokens.create(monitor.id(), "test").value();
        var seen = send("GET", "/people/duplicates/pair?first=" + first + "&second=" + third, null, monitorToken);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("Only coordinators and documenters").doesNotContain("Merge, keeping");
    }

    @Test
    void theApiGivesTheQueueWithReasonsInTheCallersLanguage() throws Exception {
        var documenter = worker(organisation(), Role.DOCUMENTER);
        signIn(documenter);
        long first = record("Гүлнар Болатқызы Смағұлова", null).id();
        long second = record("Gulnar Smagulova", null).id();
        String token = tokens.create(documenter.id(), "test").value();
        var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/people/duplicates?size=5"))
                .header("Accept-Language", "ru").header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var page = json.readTree(answer.body());
        assertThat(page.get("total").asInt()).isEqualTo(1);
        var proposal = page.get("proposals").get(0);
        assertThat(Set.of(proposal.get("proposal").get("first").get("id").asLong(), proposal.get("proposal").get("second").get("id").asLong()))
                .containsExactlyInAnyOrder(first, second);
        assertThat(proposal.get("messages").toString()).contains("Дата рождения одного или обоих неизвестна");
        var ofPerson = send("GET", "/api/v1/people/" + first + "/duplicates", null, token);
        assertThat(json.readTree(ofPerson.body()).get(0).get("proposal").get("second").get("identity").get("name").asString())
                .isEqualTo("Gulnar Smagulova");
        var marked = send("POST", "/api/v1/people/different", "{\"first\": " + first + ", \"second\": " + second + "}", token);
        assertThat(marked.statusCode()).isEqualTo(201);
        assertThat(json.readTree(send("GET", "/api/v1/people/duplicates", null, token).body()).get("total").asInt()).isZero();
        long pair = json.readTree(marked.body()).get("id").asLong();
        assertThat(send("POST", "/api/v1/people/different/" + pair + "/undo", "", token).statusCode()).isEqualTo(200);
        assertThat(json.readTree(send("GET", "/api/v1/people/duplicates", null, token).body()).get("total").asInt()).isOne();
    }

    // --- the labelled set ---

    /** Every form of the labelled set recorded once; each person's forms share a date of birth when {@code born}. */
    private Map<Long, String> recordLabelled(boolean born) {
        var labelled = LabelledNames.load();
        var recorded = new HashMap<String, Long>();
        var personOf = new HashMap<Long, String>();
        for (var pair : labelled.pairs()) {
            for (var form : List.of(Map.entry(pair.first(), pair.firstPerson()), Map.entry(pair.second(), pair.secondPerson()))) {
                recorded.computeIfAbsent(form.getKey(), name -> {
                    // p000, p001…: relatives and namesakes are other numbers, born more than a year apart.
                    LocalDate birth = born ? LocalDate.of(1870, 1, 1).plusDays(400L * Integer.parseInt(form.getValue().substring(1)))
                            : null;
                    long id = record(name, birth).id();
                    personOf.put(id, form.getValue());
                    return id;
                });
            }
        }
        return personOf;
    }

    private record Quality(int proposed, int right, List<String> wrong, int samePairs, int sameFound) {
        double precision() {
            return proposed == 0 ? 0 : (double) right / proposed;
        }

        double recall() {
            return (double) sameFound / samePairs;
        }
    }

    /** Every proposal of the queue judged by the labels: right when both records are forms of one labelled person. */
    private Quality quality(Map<Long, String> personOf) {
        var all = new ArrayList<DuplicateProposal>();
        for (String reading : List.of("first", "second")) {
            long started = System.nanoTime();
            duplicates.queue(0, 20);
            System.out.printf("The %s reading of the queue among %d people: %d ms%n", reading, personOf.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        for (int page = 0; ; page++) {
            var found = duplicates.queue(page, DuplicatePeople.MOST_PER_PAGE);
            all.addAll(found.proposals());
            if (!found.more()) break;
        }
        int right = 0;
        var wrong = new ArrayList<String>();
        var found = new HashSet<Set<String>>();
        for (var p : all) {
            if (personOf.get(p.first().id()).equals(personOf.get(p.second().id()))) {
                right++;
                found.add(Set.of(p.first().identity().name(), p.second().identity().name()));
            } else {
                wrong.add(p.first().identity().name() + " / " + p.second().identity().name());
            }
        }
        // Pairs of one person among the recorded forms: every two forms of a labelled person.
        var forms = new HashMap<String, Integer>();
        personOf.values().forEach(person -> forms.merge(person, 1, Integer::sum));
        int samePairs = forms.values().stream().mapToInt(n -> n * (n - 1) / 2).sum();
        if (!wrong.isEmpty()) System.out.println("Proposed but different people: " + String.join("; ", wrong));
        return new Quality(all.size(), right, wrong, samePairs, found.size());
    }

    // --- helpers ---

    /** Every row that links the two people, as text, for comparing before and after. */
    private Set<String> links(long kept, long merged) {
        var rows = new TreeSet<String>();
        rows.addAll(jdbc.queryForList("SELECT 'act ' || id || ' ' || victim_id FROM act WHERE victim_id IN (?, ?)", String.class,
                kept, merged));
        rows.addAll(jdbc.queryForList("SELECT 'involvement ' || id || ' ' || perpetrator_id FROM involvement WHERE perpetrator_id IN (?, ?)",
                String.class, kept, merged));
        rows.addAll(jdbc.queryForList("SELECT 'information ' || id || ' ' || source_person_id FROM information WHERE source_person_id IN (?, ?)",
                String.class, kept, merged));
        rows.addAll(jdbc.queryForList("""
                SELECT 'event_person ' || event_id || ' ' || person_id || ' ' || role || ' ' || coalesce(note, '')
                FROM event_person WHERE person_id IN (?, ?)""", String.class, kept, merged));
        rows.addAll(jdbc.queryForList("SELECT 'person ' || id || ' ' || coalesce(merged_into, 0) FROM person WHERE id IN (?, ?)",
                String.class, kept, merged));
        return rows;
    }

    private List<Long> storedTokens(long personId) throws Exception {
        var stored = jdbc.queryForObject("SELECT tokens FROM person_name_tokens WHERE person_id = ?", java.sql.Array.class, personId);
        return List.of((Long[]) stored.getArray());
    }

    private List<Long> expectedTokens(Identity identity, long organisationId) {
        return java.util.Arrays.stream(PersonNameIndex.tokens(identity, organisationId, key)).boxed().toList();
    }

    private static List<String> append(List<String> names, String name) {
        var all = new ArrayList<>(names);
        all.add(name);
        return all;
    }

    private Person record(String name, LocalDate born) {
        return people.record(new PersonDraft(new Identity(name, List.of(), null, null, born), false, null, null, null,
                List.of(), false, null));
    }

    private static String organisation() {
        return "Duplicates organisation " + System.nanoTime();
    }

    private String organisationOf(TestAccounts.Account account) {
        long id = account.user().organisationId();
        return organisations.all().stream().filter(o -> o.id() == id).findFirst().orElseThrow().name();
    }

    private TestAccounts.Account worker(String organisationName, Role role) {
        long organisation = organisations.all().stream().filter(o -> o.name().equals(organisationName)).findFirst()
                .orElseGet(() -> organisations.create(organisationName, null)).id();
        var user = users.create(role.name().toLowerCase() + "-" + System.nanoTime() % 10_000_000, "Reviewer", organisation,
                Set.of(role), TestAccounts.PASSWORD, false);
        return new TestAccounts.Account(users.get(user.id()), null);
    }

    private void signIn(TestAccounts.Account account) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(account));
    }

    private static List<Long> ids(List<DuplicateProposal> proposals) {
        return proposals.stream().map(p -> p.second().id()).toList();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
