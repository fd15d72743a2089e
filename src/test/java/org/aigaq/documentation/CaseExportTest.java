package org.aigaq.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An export of more cases than one page reads at a time is complete: every case, with every part, exactly as the
 * case file of that case alone reads, for the owning organisation and for a lawyer of another one given one case.
 */
class CaseExportTest extends ApplicationTest {

    /** More than a page of the export, so that the export goes on to a second page. */
    private static final int CASES = 510;

    @Autowired TestAccounts accounts;
    @Autowired Events events;
    @Autowired People people;
    @Autowired Acts acts;
    @Autowired CaseRecords records;
    @Autowired CaseFiles caseFiles;
    @Autowired CaseExport export;
    @Autowired TransactionTemplate transaction;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anExportOfManyCasesHoldsEveryCaseWithAllItsPartsAsEachCaseAloneReads() throws Exception {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        var coordinator = accounts.create(Role.COORDINATOR, true);
        var lawyer = accounts.createElsewhere(Role.LAWYER);
        String token = "Completeness " + System.nanoTime();
        String degree = firstTerm("involvement-degree");
        String intervention = firstTerm("intervention-type");
        String relationship = firstTerm("event-relationship");
        var ids = new ArrayList<Long>();
        var victims = new HashMap<Long, String>();
        as(documenter, () -> transaction.execute(status -> {
            Long first = null;
            for (int i = 0; i < CASES; i++) {
                Sharing sharing = i % 2 == 0 ? Sharing.ORGANISATION : Sharing.COALITION;
                long event = events.record(new EventDraft(token + " #" + i, null,
                        new FuzzyDate(LocalDate.of(2023, 1, 1).plusDays(i), DatePrecision.EXACT), null, null, null,
                        "Region " + i, null, null, null, null, sharing)).id();
                // The second case's victim is the first case's: one person, seen differently in two cases.
                long victim = i == 1 ? victimOf(ids.getFirst())
                        : people.record(named("Жертва Экспортова " + i)).id();
                long act = acts.add(event, new ActDraft(victim, "torture", new FuzzyDate(LocalDate.of(2023, 1, 1).plusDays(i),
                        DatePrecision.EXACT), null, null, null, null, null, null, List.of(), null, null, 20 + i % 50, null,
                        null, null, List.of(), null, null)).id();
                records.addInvolvement(act, new CaseRecords.InvolvementDraft(null, null, null, "Unit " + i, null, null, degree, null));
                records.addInformation(event, new CaseRecords.InformationDraft(null, null, null, null, null, "Source of " + i));
                records.addIntervention(event, new CaseRecords.InterventionDraft(intervention, "Lawyer " + i,
                        new FuzzyDate(LocalDate.of(2024, 1, 1), DatePrecision.EXACT), null, null, null, null, null));
                if (i % 7 == 0) {
                    records.addPerson(event, people.record(named("Куә " + i)).id(), CaseRecords.PersonRole.WITNESS, "saw it");
                }
                if (first != null && i % 5 == 0) {
                    records.link(event, first, relationship, null);
                }
                if (first == null) first = event;
                ids.add(event);
                victims.put(event, i == 1 ? "Жертва Экспортова 0" : "Жертва Экспортова " + i);
            }
            return null;
        }));
        as(coordinator, () -> {
            events.grant(ids.getFirst(), lawyer.username());
            return null;
        });

        // The owning organisation's documenter: every case, every part, identities shown.
        var mine = exportJson(documenter, CaseExport.Format.JSON, token);
        assertThat(mine).hasSize(CASES);
        assertThat(mine.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (long id : ids) {
            JsonNode file = mine.get(id);
            assertThat(file.get("acts")).hasSize(1);
            assertThat(file.get("involvements")).hasSize(1);
            assertThat(file.get("information")).hasSize(1);
            assertThat(file.get("interventions")).hasSize(1);
            long victim = file.get("acts").get(0).get("victimId").asLong();
            assertThat(file.get("people").get(String.valueOf(victim)).get("identity").get("name").asString())
                    .isEqualTo(victims.get(id));
        }
        assertThat(mine.get(ids.getFirst()).get("links")).hasSize((CASES - 1) / 5);
        assertThat(mine.get(ids.get(7)).get("peopleInEvent")).hasSize(1);
        assertSameAsOneByOne(documenter, mine);

        // A lawyer of another organisation: the coalition cases under pseudonyms, and the identities of the one case given.
        var theirs = exportJson(lawyer, CaseExport.Format.JSON, token);
        assertThat(theirs).hasSize(CASES / 2 + 1);
        assertThat(theirs.keySet()).contains(ids.getFirst()).doesNotContain(ids.get(2));
        assertThat(theirs.get(ids.getFirst()).toString()).contains("Жертва Экспортова 0");
        assertThat(theirs.get(ids.get(1)).toString()).doesNotContain("Жертва Экспортова");
        assertSameAsOneByOne(lawyer, theirs);

        // The CSV has one row per act, and HURIDOCS one event per case.
        String csv = new String(write(documenter, CaseExport.Format.CSV, token), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains(token))).hasSize(CASES);
        assertThat(csv).contains("Жертва Экспортова 509");
        var huridocs = json.readTree(write(lawyer, CaseExport.Format.HURIDOCS, token)).get("events");
        assertThat(huridocs).hasSize(CASES / 2 + 1);
    }

    /** Each exported case is what the case file of that case alone reads, for the same user. */
    private void assertSameAsOneByOne(TestAccounts.Account account, Map<Long, JsonNode> exported) {
        as(account, () -> {
            exported.forEach((id, file) -> assertThat(json.readTree(json.writeValueAsString(caseFiles.of(id))))
                    .as("case %d", id).isEqualTo(file));
            return null;
        });
    }

    private Map<Long, JsonNode> exportJson(TestAccounts.Account account, CaseExport.Format format, String token) throws Exception {
        var cases = new HashMap<Long, JsonNode>();
        json.readTree(write(account, format, token)).get("cases")
                .forEach(file -> cases.put(file.get("event").get("id").asLong(), file));
        return cases;
    }

    private byte[] write(TestAccounts.Account account, CaseExport.Format format, String token) {
        var out = new ByteArrayOutputStream();
        as(account, () -> {
            try {
                export.write(format, new Events.Filter(token, null, null, null), out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        return out.toByteArray();
    }

    private long victimOf(long event) {
        return jdbc.queryForObject("SELECT victim_id FROM act WHERE event_id = ?", Long.class, event);
    }

    private String firstTerm(String list) {
        return jdbc.queryForObject("SELECT code FROM vocabulary_term WHERE list_code = ? ORDER BY level, position LIMIT 1",
                String.class, list);
    }

    private static PersonDraft named(String name) {
        return new PersonDraft(new Identity(name, List.of(), null, null, null), false, null, null, null, List.of(), false, null);
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
