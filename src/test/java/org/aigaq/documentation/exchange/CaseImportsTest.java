package org.aigaq.documentation.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.stream.Stream;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.CaseExport;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Sharing;
import org.aigaq.documentation.SyntheticCases;
import org.aigaq.platform.InvalidInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.ImportProblem;

/** Imports through the service: reading, mapping, dry run, and a run that records every row or none. */
class CaseImportsTest extends ApplicationTest {

    @Autowired CaseImports imports;
    @Autowired CaseFiles caseFiles;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditSearch audit;
    @Autowired CaseExport export;
    @Autowired Events events;
    @Autowired People people;
    @Autowired Acts acts;
    @Autowired CaseRecords records;

    private TestAccounts.Account documenter;
    private String marker;

    @BeforeEach
    void signIn() {
        documenter = accounts.create(Role.DOCUMENTER, true);
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSimpleFileImportsWithRowsOfOneEventTogether() {
        String csv = """
                event_title,event_date,violation_status,victim,act_type,methods,age_at_time,perpetrator_agencies,unit
                Beating at station %1$s,2024-03-17,confirmed,Ержан Сәрсенбаев,torture,beating;electric-shock,34,police,2nd division
                Beating at station %1$s,2024-03-17,confirmed,Асель Нұрланқызы,torture,beating,29,,
                Threats %1$s,2024-04,likely,,,,,,
                """.formatted(marker);
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        assertThat(job.format()).isEqualTo(ImportFormat.CSV);
        assertThat(job.encoding()).isEqualTo(TextEncoding.UTF_8);
        assertThat(job.separator()).isEqualTo(Separator.COMMA);
        assertThat(job.mapping().columns()).containsEntry("event_title", ImportField.EVENT_TITLE)
                .containsEntry("victim", ImportField.VICTIM_NAME).containsEntry("perpetrator_agencies", ImportField.PERPETRATOR_AGENCY);

        var dry = imports.dryRun(job.id());
        assertThat(dry.problems()).isEmpty();
        assertThat(dry.events()).isEqualTo(2);
        assertThat(dry.acts()).isEqualTo(2);
        assertThat(titles()).isEmpty();

        var outcome = imports.run(job.id());
        assertThat(outcome.events()).isEqualTo(2);
        assertThat(outcome.people()).isEqualTo(2);
        assertThat(outcome.acts()).isEqualTo(2);
        assertThat(outcome.involvements()).isEqualTo(1);
        assertThat(titles()).containsExactlyInAnyOrder("Beating at station " + marker, "Threats " + marker);
        long beating = jdbc.queryForObject("SELECT id FROM event WHERE title = ?", Long.class, "Beating at station " + marker);
        var file = caseFiles.of(beating);
        assertThat(file.event().sharing().name()).isEqualTo("ORGANISATION");
        assertThat(file.event().organisationId()).isEqualTo(documenter.user().organisationId());
        assertThat(file.acts()).hasSize(2);
        assertThat(file.acts().stream().map(a -> file.person(a.victimId()).shownName()))
                .containsExactlyInAnyOrder("Ержан Сәрсенбаев", "Асель Нұрланқызы");
        assertThat(file.involvements()).singleElement().satisfies(i -> {
            assertThat(i.agency()).isEqualTo("police");
            assertThat(i.unit()).isEqualTo("2nd division");
            assertThat(i.degree()).isEqualTo("unknown");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person WHERE identity::text LIKE '%Ержан%'", Long.class)).isZero();
        assertThat(imports.get(job.id()).status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(imports.get(job.id()).fileKept()).isFalse();
    }


    /** Each encoding, line end and separator, in every combination, with a quoted value holding the separator. */
    static Stream<Arguments> variants() {
        var variants = new ArrayList<Arguments>();
        for (String encoding : List.of("UTF-8", "UTF-8 BOM", "windows-1251", "x-MacRoman")) {
            for (String lineEnd : List.of("\r\n", "\n", "\r")) {
                for (char separator : new char[] {',', ';', '\t'}) variants.add(Arguments.of(encoding, lineEnd, separator));
            }
        }
        return variants.stream();
    }

    @ParameterizedTest(name = "{0}, line end {1}, separator {2}")
    @MethodSource("variants")
    void everyEncodingLineEndAndSeparatorReads(String encoding, String lineEnd, char separator) {
        // Names each encoding can hold: Kazakh needs UTF-8, Windows-1251 has Russian, Mac Roman accented Latin.
        List<String> names = switch (encoding) {
            case "windows-1251" -> List.of("Дмитрий Ёлкин", "Ольга Петрова");
            case "x-MacRoman" -> List.of("José Müller", "Zoë Ångström");
            default -> List.of("Ержан Сәрсенбаев", "Әсел Нұрланқызы");
        };
        String s = String.valueOf(separator);
        String text = String.join(lineEnd,
                String.join(s, "event_title", "event_date", "victim", "act_type", "methods"),
                String.join(s, "\"Beating" + s + " then threats " + marker + "\"", "17.03.2024", names.get(0), "torture", "beating"),
                String.join(s, "\"Beating" + s + " then threats " + marker + "\"", "17.03.2024", names.get(1), "torture", "\"beating;death-threats\""),
                "");
        Charset charset = Charset.forName(encoding.replace(" BOM", ""));
        byte[] bytes = (encoding.endsWith("BOM") ? "\uFEFF" + text : text).getBytes(charset);

        var job = imports.upload(new ByteArrayInputStream(bytes), null, null, null);
        assertThat(job.detectedEncoding()).isEqualTo(switch (encoding) {
            case "windows-1251" -> TextEncoding.WINDOWS_1251;
            case "x-MacRoman" -> TextEncoding.MAC_ROMAN;
            default -> TextEncoding.UTF_8;
        });
        assertThat(job.separator().character()).isEqualTo(separator);
        assertThat(job.columns()).containsExactly("event_title", "event_date", "victim", "act_type", "methods");
        assertThat(imports.preview(job.id(), 5)).extracting(row -> row.get(2)).containsExactlyElementsOf(names);
        assertThat(imports.dryRun(job.id()).problems()).isEmpty();

        var outcome = imports.run(job.id());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.events()).isEqualTo(1);
        assertThat(outcome.acts()).isEqualTo(2);
        long event = jdbc.queryForObject("SELECT id FROM event WHERE title = ?", Long.class, "Beating" + s + " then threats " + marker);
        var file = caseFiles.of(event);
        assertThat(file.event().initial().shown()).isEqualTo("2024-03-17");
        assertThat(file.acts().stream().map(a -> file.person(a.victimId()).shownName())).containsExactlyInAnyOrderElementsOf(names);
        assertThat(file.acts().stream().flatMap(a -> a.methods().stream())).containsExactlyInAnyOrder("beating", "beating", "death-threats");
    }

    @Test
    void aCaseExportImportsBackAsTheSameCases() throws Exception {
        var generator = new SyntheticCases(42);
        var methods = jdbc.queryForList("SELECT code FROM vocabulary_term WHERE list_code = 'method' ORDER BY code LIMIT 10", String.class);
        for (int i = 0; i < 6; i++) {
            var drafted = generator.event(i % 2 == 0 ? Sharing.ORGANISATION : Sharing.COALITION);
            var draft = new EventDraft(drafted.title() + " " + marker + " " + i, null, drafted.initial(), null, null,
                    drafted.locationType(), drafted.region(), null, drafted.violationStatus(), drafted.monitoringStatus(),
                    null, drafted.sharing());
            long event = events.record(draft).id();
            for (int a = 0; a < i % 3; a++) {
                long victim = people.record(generator.person()).id();
                long act = acts.add(event, generator.act(victim, draft, methods)).id();
                if (a == 0) records.addInvolvement(act, new CaseRecords.InvolvementDraft(null, null, "police", "Criminal police " + i,
                        "Investigator", null, "carried-out", null));
            }
            // Sources and interventions, more of them than acts in some cases, so that rows of the event alone carry them.
            for (int s = 0; s < i % 4; s++) {
                records.addInformation(event, new CaseRecords.InformationDraft(null, null, null, null,
                        java.time.LocalDate.of(2024, 1 + s, 10), "Account " + s + " of case " + i));
            }
            if (i % 2 == 1) {
                records.addIntervention(event, new CaseRecords.InterventionDraft(
                        jdbc.queryForObject("SELECT min(code) FROM vocabulary_term WHERE list_code = 'intervention-type'", String.class),
                        "Coalition lawyer " + i, new FuzzyDate(java.time.LocalDate.of(2024, 5, i), DatePrecision.EXACT),
                        null, null, null, null, null));
            }
        }
        String original = exportCsv();
        var originalRows = rows(original);
        assertThat(originalRows).hasSizeGreaterThanOrEqualTo(6);

        var job = imports.upload(new ByteArrayInputStream(original.getBytes(StandardCharsets.UTF_8)), null, null, null);
        assertThat(job.mapping().columns()).containsEntry("organisation", null)
                .containsEntry("event_number", ImportField.EVENT_NUMBER).containsEntry("date_precision", ImportField.DATE_PRECISION)
                .containsEntry("sharing", ImportField.SHARING).containsEntry("location_type", ImportField.LOCATION_TYPE);
        // Every column but the organisation's name maps at once.
        assertThat(job.mapping().columns().values().stream().filter(java.util.Objects::nonNull)).hasSize(32);
        var outcome = imports.run(job.id());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.events()).isEqualTo(6);

        var numbersBefore = originalRows.stream().map(r -> r.get(0)).collect(java.util.stream.Collectors.toSet());
        var imported = rows(exportCsv()).stream().filter(r -> !numbersBefore.contains(r.get(0))).toList();
        assertThat(withoutNumbers(imported)).containsExactlyInAnyOrderElementsOf(withoutNumbers(originalRows));

        // The JSON shapes of the export read back as well: whole case files and HURIDOCS field names.
        for (var format : List.of(CaseExport.Format.JSON, CaseExport.Format.HURIDOCS)) {
            var out = new ByteArrayOutputStream();
            export.write(format, new Events.Filter(marker, null, null, null), out);
            var jsonJob = imports.upload(new ByteArrayInputStream(out.toByteArray()), null, null, null);
            assertThat(jsonJob.format()).isEqualTo(ImportFormat.JSON);
            var dry = imports.dryRun(jsonJob.id());
            assertThat(dry.problems()).as(format.name()).isEmpty();
            assertThat(dry.events()).as(format.name()).isEqualTo(12);
            assertThat(dry.acts()).as(format.name()).isEqualTo(2 * (int) originalRows.stream().filter(r -> !r.get(9).isEmpty()).count());
        }
    }

    @Test
    void anArrayOfObjectsImports() {
        String json = """
                [{"title": "Detention %1$s", "date": "2023-11", "victim": "Ольга Петрова", "act_type": "Пытки",
                  "methods": ["beating", "death-threats"], "age": 41},
                 {"title": "Detention %1$s", "date": "2023-11", "victim": "Сергей Петров", "act_type": {"code": "torture"}}]
                """.formatted(marker);
        var job = imports.upload(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null, null, null);
        assertThat(job.format()).isEqualTo(ImportFormat.JSON);
        assertThat(job.columns()).containsExactly("title", "date", "victim", "act_type", "methods", "age");
        // "Пытки" is the Russian label of the term torture: proposed without the user's help.
        assertThat(imports.values(job.id())).anySatisfy(v -> {
            assertThat(v.value()).isEqualTo("Пытки");
            assertThat(v.code()).isEqualTo("torture");
        });
        var outcome = imports.run(job.id());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.events()).isEqualTo(1);
        assertThat(outcome.acts()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT initial_precision FROM event WHERE title = ?", String.class, "Detention " + marker))
                .isEqualTo("MONTH");
    }

    @Test
    void badRowsAreEachReportedWithRowAndColumnAndNothingIsStored() {
        String csv = """
                event_title;event_date;violation_status;victim;act_type;age_at_time
                Good %1$s;2024-01-05;confirmed;Ержан;torture;30
                Unknown status %1$s;2024-01-06;maybe-ish;Асель;torture;31
                Bad date %1$s;32.13.2024;confirmed;Дина;torture;32
                ;2024-01-08;confirmed;Серік;torture;33
                No victim %1$s;2024-01-09;confirmed;;torture;34
                Old %1$s;2024-01-10;confirmed;Мұрат;torture;200
                """.formatted(marker);
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        var dry = imports.dryRun(job.id());
        assertThat(dry.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "violation_status", "exchange.problem.unmapped"),
                        org.assertj.core.groups.Tuple.tuple(4L, "event_date", "exchange.problem.date"),
                        org.assertj.core.groups.Tuple.tuple(5L, "event_title", "validation.required"),
                        org.assertj.core.groups.Tuple.tuple(6L, "victim", "exchange.problem.victim-required"),
                        org.assertj.core.groups.Tuple.tuple(7L, "age_at_time", "documentation.act.age-range"));
        assertThat(dry.problems().getFirst().arguments()).containsExactly("maybe-ish");
        assertThat(imports.get(job.id()).status()).isEqualTo(ImportStatus.REFUSED);
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(CaseImports.Refused.class);
        assertThat(titles()).isEmpty();

        // Mapping the unknown value to a term (and fixing nothing else) leaves the other four problems.
        var mapping = imports.get(job.id()).mapping();
        imports.map(job.id(), null, null, new ImportMapping(mapping.columns(),
                Map.of(ImportField.VIOLATION_STATUS, Map.of("maybe-ish", "possible"))));
        assertThat(imports.dryRun(job.id()).problemCount()).isEqualTo(4);
        assertThat(titles()).isEmpty();
    }

    @Test
    void theWrongEncodingIsNamedWhereItShows() {
        String csv = "event_title,victim,act_type\nBeating " + marker + ",Дмитрий Ёлкин,torture\n";
        // A Windows-1251 file read as UTF-8: its Cyrillic bytes are not UTF-8 and become replacement characters.
        var asUtf8 = imports.upload(new ByteArrayInputStream(csv.getBytes(Charset.forName("windows-1251"))), null,
                TextEncoding.UTF_8, null);
        assertThat(imports.dryRun(asUtf8.id()).problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("victim");
            assertThat(p.messageKey()).isEqualTo("exchange.problem.encoding");
        });
        // A UTF-8 file read as Windows-1251: "Р”РјРёС‚СЂРёР№", recognised as UTF-8 read byte by byte.
        var as1251 = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null,
                TextEncoding.WINDOWS_1251, null);
        assertThat(imports.dryRun(as1251.id()).problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("victim");
            assertThat(p.messageKey()).isEqualTo("exchange.problem.mojibake");
        });
        // Choosing the right encoding on the mapping step cures it.
        imports.map(asUtf8.id(), TextEncoding.WINDOWS_1251, null, null);
        assertThat(imports.run(asUtf8.id()).problems()).isEmpty();
        assertThat(titles()).hasSize(1);
    }

    @Test
    void aTruncatedFileWithAnOpenQuoteIsNamedAndNothingIsStored() {
        String csv = "event_title,victim,act_type\r\nFirst " + marker + ",Ержан,torture\r\nSecond " + marker
                + ",\"Асель Нұрлан";
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        var dry = imports.dryRun(job.id());
        assertThat(dry.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("victim");
            assertThat(p.messageKey()).isEqualTo("exchange.problem.quote-unclosed");
        });
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(CaseImports.Refused.class);
        assertThat(titles()).isEmpty();

        // A JSON file cut short: the records before the cut name the columns, the dry run names the record and line.
        var broken = imports.upload(new ByteArrayInputStream(("[{\"title\": \"T " + marker + "\"},\n {\"title\": ")
                .getBytes(StandardCharsets.UTF_8)), null, null, null);
        assertThat(broken.columns()).containsExactly("title");
        assertThat(imports.dryRun(broken.id()).problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.messageKey()).isEqualTo("exchange.problem.json");
            assertThat(p.arguments().getFirst()).isEqualTo("2");
        });
        assertThatThrownBy(() -> imports.run(broken.id())).isInstanceOf(CaseImports.Refused.class);
        assertThat(titles()).isEmpty();
    }

    @Test
    void anErrorMidwayLeavesNothing() {
        var csv = new StringBuilder("event_number,event_title,event_date,victim,act_type,perpetrator_agencies\n");
        for (int i = 0; i < 600; i++) {
            csv.append(i / 2).append(",Midway ").append(marker).append(",2024-02-0").append(1 + i % 9)
                    .append(",Victim ").append(i).append(",torture,police\n");
        }
        var job = imports.upload(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), null, null, null);
        long people = count("SELECT count(*) FROM person");
        long entries = count("SELECT count(*) FROM audit_entry");
        // Past the first batch written (a thousand records: ~285 rows of an event or half one, a person, an act and an
        // involvement), so that rows are really in the transaction when it fails.
        assertThatThrownBy(() -> imports.run(job.id(), row -> {
            if (row == 500) throw new IllegalStateException("the machine stops");
        })).hasMessage("the machine stops");
        assertThat(titles()).isEmpty();
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(people);
        assertThat(count("SELECT count(*) FROM audit_entry")).isEqualTo(entries);
        assertThat(imports.get(job.id()).status()).isEqualTo(ImportStatus.UPLOADED);

        var outcome = imports.run(job.id());
        assertThat(outcome.events()).isEqualTo(300);
        assertThat(outcome.acts()).isEqualTo(600);
        assertThat(outcome.involvements()).isEqualTo(600);
        assertThat(count("SELECT count(*) FROM event WHERE title = 'Midway " + marker + "'")).isEqualTo(300);
        assertThat(audit.search(new AuditSearch.Filter(null, "import.completed", "import", String.valueOf(job.id()), null, null), null, 5)
                .entries()).singleElement().satisfies(e -> assertThat(e.summary()).contains("\"acts\":600"));
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theMappingIsCheckedAsAWhole() {
        String csv = "title,victim,kind\nT " + marker + ",Ержан,torture\n";
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        assertThatThrownBy(() -> imports.map(job.id(), null, null, new ImportMapping(
                Map.of("title", ImportField.REGION, "victim", ImportField.VICTIM_NAME, "kind", ImportField.VICTIM_NAME), Map.of())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::messageKey).contains("exchange.mapping.twice",
                                "exchange.mapping.title-required", "exchange.mapping.act-needs"));
        assertThatThrownBy(() -> imports.map(job.id(), null, null, new ImportMapping(
                Map.of("title", ImportField.EVENT_TITLE, "victim", ImportField.VICTIM_NAME, "kind", ImportField.ACT_TYPE),
                Map.of(ImportField.ACT_TYPE, Map.of("torture", "no-such-term")))))
                .isInstanceOf(InvalidInput.class);
        var other = accounts.create(Role.DOCUMENTER, true);
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(other));
        assertThatThrownBy(() -> imports.get(job.id())).isInstanceOf(org.aigaq.platform.NoSuchRecord.class);
    }

    private String exportCsv() throws Exception {
        var out = new ByteArrayOutputStream();
        export.write(CaseExport.Format.CSV, new Events.Filter(marker, null, null, null), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<List<String>> rows(String csv) throws Exception {
        try (var parser = CSVFormat.DEFAULT.parse(new java.io.StringReader(csv.replace("\uFEFF", "")))) {
            return parser.getRecords().stream().skip(1).map(CSVRecord::toList).toList();
        }
    }

    /** Rows without the numbers that an import gives anew: the event's record number and the victim's pseudonym. */
    private static List<List<String>> withoutNumbers(Collection<List<String>> rows) {
        return rows.stream().map(r -> {
            var kept = new java.util.ArrayList<>(r.subList(1, r.size()));
            if (kept.size() > 14) kept.remove(14);
            return (List<String>) kept;
        }).toList();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private List<String> titles() {
        return jdbc.queryForList("SELECT title FROM event WHERE title LIKE ?", String.class, "%" + marker + "%");
    }
}
