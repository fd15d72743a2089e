package org.aigaq.documentation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.aigaq.documentation.PersonSearch;
import org.aigaq.documentation.search.CaseSearch;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.cli.Command;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUsers;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark at a small scale (3,000 events, seconds): the loader writes the right numbers of events, people,
 * acts, name tokens and search rows, identities are encrypted, the search and the person search find what it
 * loaded (and another organisation's documenter does not), and the measuring code times Aigaq and a floor that
 * really sends the same statements. The full scale runs only as the {@code bench} command.
 */
@SpringBootTest(properties = {"aigaq.home=target/test-home/${random.uuid}", "aigaq.admin.user=admin",
        "aigaq.admin.password=first-admin-password", "logging.file.name="})
@ActiveProfiles("bench")
@Import(TestAccounts.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchmarkTest {

    static final int EVENTS = 3_000;

    @Autowired SyntheticLoad load;
    @Autowired BenchmarkRuns runs;
    @Autowired CaseSearch search;
    @Autowired PersonSearch people;
    @Autowired Users users;
    @Autowired Organisations organisations;
    @Autowired JdbcTemplate jdbc;
    @Autowired ConfigurableApplicationContext context;

    @Test
    @Order(1)
    void loadsTheCasesWithEncryptedIdentitiesTokensAndSearchRows() throws Exception {
        var loaded = load.load(EVENTS, 2, line -> {});
        long organisation = load.documenter().organisationId();
        // 3,000 events of 1.5 acts and 2 people each, and the large case of 100 acts, victims, involvements...
        assertThat(loaded.events()).isEqualTo(EVENTS + 1);
        assertThat(loaded.acts()).isEqualTo(EVENTS * 3 / 2 + 100);
        assertThat(loaded.people()).isEqualTo(EVENTS * 2 + 100);
        assertThat(count("SELECT count(*) FROM event WHERE organisation_id = ?", organisation)).isEqualTo(EVENTS + 1);
        assertThat(count("SELECT count(*) FROM person WHERE organisation_id = ?", organisation)).isEqualTo(EVENTS * 2 + 100);
        assertThat(count("SELECT count(*) FROM act a JOIN event e ON e.id = a.event_id WHERE e.organisation_id = ?",
                organisation)).isEqualTo(EVENTS * 3 / 2 + 100);
        assertThat(count("""
                SELECT count(*) FROM person_name_tokens t JOIN person p ON p.id = t.person_id
                WHERE p.organisation_id = ? AND cardinality(t.tokens) > 5""", organisation)).isEqualTo(EVENTS * 2 + 100);
        assertThat(count("SELECT count(*) FROM event_search s JOIN event e ON e.id = s.event_id WHERE e.organisation_id = ?",
                organisation)).isEqualTo(EVENTS + 1);
        long largeCase = load.largeCase().orElseThrow();
        assertThat(count("SELECT count(*) FROM act WHERE event_id = ?", largeCase)
                + count("SELECT count(DISTINCT victim_id) FROM act WHERE event_id = ?", largeCase)
                + count("SELECT count(*) FROM involvement i JOIN act a ON a.id = i.act_id WHERE a.event_id = ?", largeCase)
                + count("SELECT count(*) FROM information WHERE event_id = ?", largeCase)
                + count("SELECT count(*) FROM intervention WHERE event_id = ?", largeCase)).isEqualTo(500);
        // No name in clear: neither a Cyrillic nor a Latin surname of the generator appears in any identity.
        for (String surname : new String[] {"Ахмет", "Akhmet", "Оспан", "Қасым"}) {
            assertThat(count("SELECT count(*) FROM person WHERE position(? IN identity) > 0",
                    surname.getBytes(StandardCharsets.UTF_8))).isZero();
        }
        assertThat(load.events()).isEqualTo(EVENTS + 1);
    }

    @Test
    @Order(2)
    void searchesFindWhatWasLoadedForItsOrganisationOnly() {
        var documenter = SignedInUsers.principalOf(load.documenter(), false);
        SyntheticLoad.asUser(documenter, () -> {
            var found = search.search(BenchmarkRuns.SEARCHES.get(2));
            assertThat(found.total()).isPositive();
            assertThat(found.facets()).isNotEmpty();
            assertThat(people.find("Yerzhan Akhmetov", 20)).isNotEmpty();
            assertThat(people.find("Ахметов Ержан", 20)).isNotEmpty();
        });
        long other = organisations.create("Another benchmark organisation", "ABO").id();
        var stranger = users.create("bench-stranger", "Stranger", other, Set.of(Role.DOCUMENTER), TestAccounts.PASSWORD, false);
        SyntheticLoad.asUser(SignedInUsers.principalOf(stranger, false), () ->
                assertThat(people.find("Yerzhan Akhmetov", 20)).isEmpty());
        // The readers of the search-elsewhere measurement find the shared cases, and the viewer the public ones only.
        var readers = load.readersElsewhere();
        var sharings = new java.util.ArrayList<java.util.Set<String>>();
        for (var reader : readers) {
            SyntheticLoad.asUser(SignedInUsers.principalOf(reader, false), () -> {
                var found = search.search(new org.aigaq.documentation.search.SearchQuery("interrogation", java.util.Map.of(), 1, 100));
                assertThat(found.total()).isPositive();
                var ids = found.hits().stream().map(h -> h.eventId()).toArray(Long[]::new);
                sharings.add(java.util.Set.copyOf(jdbc.queryForList("SELECT DISTINCT sharing FROM event WHERE id = ANY (?)",
                        String.class, (Object) ids)));
            });
        }
        assertThat(sharings.get(0)).doesNotContain("ORGANISATION").isNotEmpty();
        assertThat(sharings.get(1)).containsExactly("PUBLIC");
    }

    @Test
    @Order(3)
    void timesAigaqAndTheSameStatementsSentDirectly() throws Exception {
        var documenter = SignedInUsers.principalOf(load.documenter(), false);
        long largeCase = load.largeCase().orElseThrow();
        Exception[] failed = {null};
        SyntheticLoad.asUser(documenter, () -> {
            try {
                var sent = StatementCapture.capture(() -> search.search(BenchmarkRuns.SEARCHES.getFirst())).statements();
                assertThat(sent).extracting(StatementCapture.Sent::sql).anyMatch(sql -> sql.contains("event_search"));
                for (var timings : java.util.List.of(runs.searches(1, 5), runs.names(1, 5), runs.casePage(largeCase, 1, 5))) {
                    assertThat(java.util.Arrays.stream(timings.aigaq()).min().orElse(0)).isPositive();
                    assertThat(java.util.Arrays.stream(timings.floor())).hasSize(5).allMatch(t -> t > 0);
                    assertThat(timings.aigaq(50)).isLessThanOrEqualTo(timings.aigaq(95));
                    assertThat(timings.line()).startsWith(timings.what());
                }
                assertThat(runs.explain(largeCase)).hasSizeGreaterThan(3).allMatch(plan -> plan.contains("Execution Time"));
            } catch (Exception e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) throw failed[0];
        // The floor rolls its copy of the audit entry back: the trail holds one entry per real search only.
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'people.searched' AND actor_id = ?",
                load.documenter().id())).isEqualTo(2 + 6 + BenchmarkRuns.NAMES.size());
    }

    @Test
    @Order(4)
    void theCommandMeasuresAnAlreadyLoadedHome() {
        var command = Command.named(new String[] {"bench", "--runs", "3", "--warm-up", "1"}).orElseThrow();
        assertThat(command.profiles()).contains("bench");
        assertThat(command.run(context, new String[] {"bench", "--runs", "3", "--warm-up", "1", "--explain"})).isZero();
        assertThat(command.run(context, new String[] {"bench", "--runs", "many"})).isEqualTo(2);
        assertThat(load.events()).isEqualTo(EVENTS + 1);
        // the funnel's part gave most events a pipeline, each summarised as a recorded one is
        long organisation = load.documenter().organisationId();
        long pipelines = count("SELECT count(*) FROM justice_case WHERE organisation_id = ?", organisation);
        assertThat(pipelines).isGreaterThan(EVENTS / 2);
        assertThat(count("SELECT count(*) FROM justice_attrition WHERE organisation_id = ?", organisation)).isEqualTo(pipelines);
        assertThat(count("SELECT count(*) FROM justice_attrition WHERE organisation_id = ? AND court_on IS NOT NULL", organisation))
                .isPositive().isLessThan(pipelines / 5);
        assertThat(count("SELECT count(*) FROM justice_attrition WHERE organisation_id = ? AND violations <> 0", organisation))
                .isPositive();
        assertThat(command.run(context, new String[] {"bench", "--only", "funnel", "--runs", "2", "--warm-up", "0"})).isZero();
        assertThat(count("SELECT count(*) FROM justice_case WHERE organisation_id = ?", organisation)).isEqualTo(pipelines);
    }

    @Test
    @Order(5)
    void theReportPartComposesAndWritesTheTwentyBlockReport() {
        long organisation = load.documenter().organisationId();
        // the whole command (order 4) made the report's data already: this run finds it and makes nothing again
        assertThat(command().run(context, new String[] {"bench", "--only", "report", "--runs", "1", "--warm-up", "0"})).isZero();
        // made once: official figures of two imports (the second a correction), recommendations assessed, places, the report
        assertThat(count("SELECT count(DISTINCT import_id) FROM statistics_figure")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM statistics_figure")).isGreaterThan(2_000);
        assertThat(count("SELECT count(*) FROM recommendation WHERE organisation_id = ?", organisation)).isEqualTo(90);
        assertThat(count("SELECT count(*) FROM recommendation_assessment")).isEqualTo(90);
        assertThat(count("SELECT count(*) FROM place")).isGreaterThanOrEqualTo(240);
        assertThat(count("SELECT count(*) FROM report WHERE organisation_id = ?", organisation)).isEqualTo(1);
        long report = count("SELECT id FROM report WHERE organisation_id = ?", organisation);
        assertThat(count("SELECT count(*) FROM report_section WHERE report_id = ?", report)).isEqualTo(11);
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT b.kind FROM report_block b JOIN report_section s ON s.id = b.section_id WHERE s.report_id = ?""",
                String.class, report)).containsExactlyInAnyOrder("STATISTICS", "INDICATOR", "CASES", "SAFEGUARDS", "FACILITIES",
                "RECOMMENDATIONS");
        assertThat(count("SELECT count(*) FROM report_block b JOIN report_section s ON s.id = b.section_id WHERE s.report_id = ?",
                report)).isEqualTo(20);
    }

    @Test
    @Order(6)
    void theReportsBlocksShowWhatWasLoadedAndItsFilesAreWhole() throws Exception {
        var part = context.getBeansOfType(BenchmarkPart.class).values().stream().filter(p -> p.name().equals("report")).findFirst()
                .orElseThrow();
        var documenter = SignedInUsers.principalOf(load.documenter(), false);
        Exception[] failed = {null};
        SyntheticLoad.asUser(documenter, () -> {
            try {
                var measurements = part.measurements();
                assertThat(measurements).extracting(BenchmarkPart.Measurement::what).containsExactly("report: compose, 20 live blocks",
                        "report: PDF written", "report: DOCX written", "report: compose + PDF (target 10 s)");
                var timings = runs.time("compose", measurements.getFirst().calls(), 0, 1);
                assertThat(timings.floored()).isTrue();
                var written = runs.time("pdf", measurements.get(1).calls(), 0, 1);
                assertThat(written.floored()).isFalse();
                assertThat(written.line()).contains("—");
                var report = (org.aigaq.reports.ComposedReport) measurements.getFirst().calls().getFirst().get();
                var tables = report.sections().stream().flatMap(s -> s.blocks().stream())
                        .filter(b -> b instanceof org.aigaq.reports.ReportBlock.Table || b instanceof org.aigaq.reports.ReportBlock.Chart)
                        .toList();
                assertThat(tables).hasSize(20);
                // every table has rows: statistics, cases of the public events, safeguards, places and recommendations
                assertThat(tables.stream().filter(b -> b instanceof org.aigaq.reports.ReportBlock.Table t && t.rows().isEmpty()))
                        .isEmpty();
                assertThat(report.footnotes()).hasSizeGreaterThan(30);
                byte[] pdf = (byte[]) measurements.get(1).calls().getFirst().get();
                try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                    assertThat(document.getNumberOfPages()).isBetween(40, 70);
                }
                byte[] docx = (byte[]) measurements.get(2).calls().getFirst().get();
                assertThat(new String(docx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
            } catch (Exception e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) throw failed[0];
    }

    private Command command() {
        return Command.named(new String[] {"bench"}).orElseThrow();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
