package org.aigaq.documentation.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.documentation.Places;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.aigaq.platform.tabular.ImportProblem;

/**
 * The fields beyond the event, the act and its perpetrators: the victim's other names, sex, date of birth and
 * citizenship, one person across rows by a victim key, the place of detention by official code or name, sources of
 * information and interventions; each bad value reported with its row, column and reason; the stored upload encrypted.
 */
class ImportFieldsTest extends ApplicationTest {

    @Autowired CaseImports imports;
    @Autowired CaseFiles caseFiles;
    @Autowired Places places;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    private String marker;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(accounts.create(Role.DOCUMENTER, true)));
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void victimsPlacesSourcesAndInterventionsImport() {
        long isolator = places.add("Isolator " + marker, "IVS-" + marker, "temporary-detention-isolator", "Almaty", null).id();
        long station = places.add("District police station " + marker, null, "police-station", "Almaty", null).id();
        String csv = """
                event_number,event_title,event_date,victim_key,victim,other_names,sex,date_of_birth,citizenship,act_type,place_code,place,source_type,reliability,date_received,source_summary,intervention_type,intervention_date,intervening_party,intervention_status
                A,Beating %1$s,2024-03-17,K1,Ержан Сәрсенбаев,Ержан С.; Yerzhan Sarsenbayev,Ер,17.03.1990,Kazakhstan,torture,ivs-%1$s,,Показания пострадавшего,highly-reliable,2024-04-01,Told by the victim,complaint-filed,2024-04-02,Lawyer of the victim,action-pending
                A,Beating %1$s,2024-03-17,K2,Асель Нұрланқызы,,female,,,torture,,  district POLICE station %1$s ,victim-testimony,highly-reliable,2024-04-01,Told by the victim,complaint-filed,2024-04-02,Lawyer of the victim,action-pending
                B,Reprisal %1$s,2024-05,K1,,,,,,cruel-inhuman-degrading-treatment,IVS-%1$s,Isolator %1$s,media-report,,01.06.2024,,,,,
                C,Same name %1$s,2024-06,,Ержан Сәрсенбаев,,,,,torture,,,,,,,,,,
                """.formatted(marker);
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        // Every heading is recognised.
        assertThat(job.mapping().columns()).containsValues(ImportField.VICTIM_KEY, ImportField.OTHER_NAMES, ImportField.SEX,
                ImportField.DATE_OF_BIRTH, ImportField.CITIZENSHIP, ImportField.PLACE_CODE, ImportField.PLACE_NAME,
                ImportField.SOURCE_TYPE, ImportField.RELIABILITY, ImportField.DATE_RECEIVED, ImportField.SOURCE_SUMMARY,
                ImportField.INTERVENTION_TYPE, ImportField.INTERVENTION_DATE, ImportField.INTERVENING_PARTY,
                ImportField.INTERVENTION_STATUS).doesNotContainValue(null);
        // Labels in Kazakh ("Ер") and Russian are proposed as terms, like the other lists.
        assertThat(imports.values(job.id())).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(ImportField.SEX);
            assertThat(v.value()).isEqualTo("Ер");
            assertThat(v.code()).isEqualTo("male");
        }).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(ImportField.SOURCE_TYPE);
            assertThat(v.code()).isEqualTo("victim-testimony");
        });

        var dry = imports.dryRun(job.id());
        assertThat(dry.problems()).isEmpty();
        var outcome = imports.run(job.id());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.events()).isEqualTo(3);
        // K1 once for its two events; K2; and a victim without a key, whose name alone does not join events.
        assertThat(outcome.people()).isEqualTo(3);
        assertThat(outcome.acts()).isEqualTo(4);
        // Rows 2 and 3 repeat one source and one intervention of event A: each is recorded once.
        assertThat(outcome.information()).isEqualTo(2);
        assertThat(outcome.interventions()).isEqualTo(1);
        assertThat(List.of(dry.events(), dry.people(), dry.acts(), dry.information(), dry.interventions()))
                .containsExactly(3, 3, 4, 2, 1);

        var a = caseFiles.of(event("Beating " + marker));
        var b = caseFiles.of(event("Reprisal " + marker));
        var c = caseFiles.of(event("Same name " + marker));
        var yerzhanA = a.acts().stream().filter(act -> a.person(act.victimId()).shownName().startsWith("Ержан")).findFirst().orElseThrow();
        assertThat(b.acts()).singleElement().satisfies(act -> assertThat(act.victimId()).isEqualTo(yerzhanA.victimId()));
        assertThat(c.acts()).singleElement().satisfies(act -> assertThat(act.victimId()).isNotEqualTo(yerzhanA.victimId()));

        var yerzhan = a.person(yerzhanA.victimId());
        assertThat(yerzhan.identity().otherNames()).containsExactly("Ержан С.", "Yerzhan Sarsenbayev");
        assertThat(yerzhan.identity().dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 17));
        assertThat(yerzhan.sex()).isEqualTo("male");
        assertThat(yerzhan.citizenship()).isEqualTo("Kazakhstan");
        assertThat(a.acts()).extracting(act -> a.person(act.victimId()).sex()).containsExactlyInAnyOrder("male", "female");
        // By official code (case aside), by exact name (case and spacing aside), and by both when they agree.
        assertThat(a.acts()).extracting(act -> act.placeId()).containsExactlyInAnyOrder(isolator, station);
        assertThat(b.acts().getFirst().placeId()).isEqualTo(isolator);
        assertThat(c.acts().getFirst().placeId()).isNull();

        assertThat(a.information()).singleElement().satisfies(i -> {
            assertThat(i.sourceType()).isEqualTo("victim-testimony");
            assertThat(i.reliability()).isEqualTo("highly-reliable");
            assertThat(i.dateReceived()).isEqualTo(LocalDate.of(2024, 4, 1));
            assertThat(i.summary()).isEqualTo("Told by the victim");
        });
        assertThat(b.information()).singleElement().satisfies(i -> {
            assertThat(i.sourceType()).isEqualTo("media-report");
            assertThat(i.reliability()).isNull();
            assertThat(i.dateReceived()).isEqualTo(LocalDate.of(2024, 6, 1));
        });
        assertThat(a.interventions()).singleElement().satisfies(i -> {
            assertThat(i.interventionType()).isEqualTo("complaint-filed");
            assertThat(i.date().shown()).isEqualTo("2024-04-02");
            assertThat(i.interveningParty()).isEqualTo("Lawyer of the victim");
            assertThat(i.status()).isEqualTo("action-pending");
        });
        assertThat(b.interventions()).isEmpty();
        // Other names and the date of birth are part of the encrypted identity, as in the person form.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person WHERE encode(identity, 'escape') LIKE '%Yerzhan%'",
                Long.class)).isZero();
    }

    @Test
    void headingsInRussianAndKazakhAreRecognised() {
        assertThat(imports.propose(List.of("Ключ потерпевшего", "Другие имена", "Пол", "Дата рождения", "Азаматтығы",
                "Код места", "Место содержания", "Тип источника", "Сенімділік", "Дата получения", "Краткое содержание",
                "Вид вмешательства", "Араласу күні", "Вмешавшаяся сторона", "Статус вмешательства")).values())
                .containsExactly(ImportField.VICTIM_KEY, ImportField.OTHER_NAMES, ImportField.SEX, ImportField.DATE_OF_BIRTH,
                        ImportField.CITIZENSHIP, ImportField.PLACE_CODE, ImportField.PLACE_NAME, ImportField.SOURCE_TYPE,
                        ImportField.RELIABILITY, ImportField.DATE_RECEIVED, ImportField.SOURCE_SUMMARY,
                        ImportField.INTERVENTION_TYPE, ImportField.INTERVENTION_DATE, ImportField.INTERVENING_PARTY,
                        ImportField.INTERVENTION_STATUS);
    }

    @Test
    void everyBadValueOfTheNewFieldsIsReportedAndNothingIsStored() {
        places.add("Colony " + marker, "UK-" + marker, "penal-colony", null, null);
        places.add("Twin " + marker, null, "police-station", null, null);
        places.add("twin  " + marker, null, "police-station", null, null);
        String longText = "x".repeat(301);
        String header = "event_title;victim_key;victim;other_names;sex;date_of_birth;citizenship;act_type;place_code;place;"
                + "source_type;reliability;date_received;source_summary;intervention_type;intervention_date;intervening_party;"
                + "intervention_status\n";
        String rows = String.join("\n",
                "Good %1$s;K1;Ержан;;male;17.03.1990;Kazakhstan;torture;UK-%1$s;Colony %1$s;complaint;unsure;2024-04-01;;;;;",
                "Sex %1$s;;Асель;;maybe;;;torture;;;;;;;;;;",
                "Birth year %1$s;;Дина;;;1990;;torture;;;;;;;;;;",
                "Future birth %1$s;;Серік;;;01.01.2090;;torture;;;;;;;;;;",
                "Other names %1$s;;Мұрат;" + longText + ";;;;torture;;;;;;;;;;",
                "Citizenship %1$s;;Арман;;;;" + "y".repeat(101) + ";torture;;;;;;;;;;",
                "Code %1$s;;Ерлан;;;;;torture;NO-SUCH-%1$s;;;;;;;;;",
                "Name %1$s;;Тимур;;;;;torture;;Nowhere %1$s;;;;;;;;",
                "Twins %1$s;;Дәурен;;;;;torture;;Twin %1$s;;;;;;;;",
                "Other place %1$s;;Қайрат;;;;;torture;UK-%1$s;Twin %1$s;;;;;;;;",
                "Source %1$s;;;;;;;;;;rumour;;;;;;;",
                "Reliability %1$s;;;;;;;;;;complaint;maybe;;;;;;",
                "Received %1$s;;;;;;;;;;complaint;;2024-03;;;;;",
                "Summary %1$s;;;;;;;;;;;;;" + "s".repeat(20001) + ";;;;",
                "No type %1$s;;;;;;;;;;;;;;;2024-04-02;Lawyer;",
                "Unknown type %1$s;;;;;;;;;;;;;;picketing;2024-04-02;;",
                "Bad date %1$s;;;;;;;;;;;;;;complaint-filed;31.02.2024;;",
                "Party %1$s;;;;;;;;;;;;;;complaint-filed;;" + longText + ";",
                "Status %1$s;;;;;;;;;;;;;;complaint-filed;;;stalled",
                "Key again %1$s;K1;Ержан Сәрсенбаев;;;;;torture;;;;;;;;;;") + "\n";
        String csv = header + rows.formatted(marker);
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        var dry = imports.dryRun(job.id());
        assertThat(dry.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(
                        tuple(3L, "sex", "exchange.problem.unmapped"),
                        tuple(4L, "date_of_birth", "exchange.problem.date-of-birth"),
                        tuple(5L, "date_of_birth", "documentation.date.future"),
                        tuple(6L, "other_names", "validation.too-long"),
                        tuple(7L, "citizenship", "validation.too-long"),
                        tuple(8L, "place_code", "exchange.problem.place-code"),
                        tuple(9L, "place", "exchange.problem.place-name"),
                        tuple(10L, "place", "exchange.problem.place-name-several"),
                        tuple(11L, "place", "exchange.problem.place-other"),
                        tuple(12L, "source_type", "exchange.problem.unmapped"),
                        tuple(13L, "reliability", "exchange.problem.unmapped"),
                        tuple(14L, "date_received", "exchange.problem.day"),
                        tuple(15L, "source_summary", "validation.too-long"),
                        tuple(16L, "intervention_type", "validation.required"),
                        tuple(17L, "intervention_type", "exchange.problem.unmapped"),
                        tuple(18L, "intervention_date", "exchange.problem.date"),
                        tuple(19L, "intervening_party", "validation.too-long"),
                        tuple(20L, "intervention_status", "exchange.problem.unmapped"),
                        tuple(21L, "victim", "exchange.problem.victim-key-name"));
        // Problems are kept in clear: a date of birth or a name is never repeated in them.
        assertThat(dry.problems().get(1).arguments()).isEmpty();
        assertThat(dry.problems().getLast().arguments()).containsExactly("K1", 2L);
        assertThat(dry.problems().get(5).arguments()).containsExactly("NO-SUCH-" + marker);

        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(CaseImports.Refused.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event WHERE title LIKE ?", Long.class, "%" + marker)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information WHERE date_received = '2024-04-01' AND event_id IN "
                + "(SELECT id FROM event WHERE title LIKE ?)", Long.class, "%" + marker)).isZero();
    }

    @Test
    void anInterventionColumnNeedsTheTypeMapped() {
        String csv = "title,date of the intervention,party\nT " + marker + ",2024-04-02,Lawyer\n";
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        assertThatThrownBy(() -> imports.map(job.id(), null, null, new ImportMapping(Map.of("title", ImportField.EVENT_TITLE,
                "date of the intervention", ImportField.INTERVENTION_DATE, "party", ImportField.INTERVENING_PARTY), Map.of())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::messageKey).containsExactly("exchange.mapping.intervention-needs"));
    }

    @Test
    void theWaitingFileIsEncryptedAndReadBackThroughDecryption() throws Exception {
        String name = "Гүлнар Оспанова " + marker;
        String csv = "event_title,victim,act_type\nBeating " + marker + "," + name + ",torture\n";
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        Path stored = Path.of(jdbc.queryForObject("SELECT file_path FROM import_job WHERE id = ?", String.class, job.id()));
        byte[] bytes = Files.readAllBytes(stored);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(marker).doesNotContain("event_title");
        // Latin-1 maps each byte to one character: a byte sequence search as a string search.
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        // The SHA-256 is the uploaded file's, as its owner can compute it; detection read the columns through decryption.
        assertThat(job.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(job.fileSize()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
        assertThat(job.columns()).containsExactly("event_title", "victim", "act_type");
        assertThat(imports.preview(job.id(), 5)).singleElement().satisfies(row -> assertThat(row.get(1)).isEqualTo(name));

        // Bound to its own name: the file moved under another import's name does not decrypt.
        var other = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        Path otherFile = Path.of(jdbc.queryForObject("SELECT file_path FROM import_job WHERE id = ?", String.class, other.id()));
        Files.copy(stored, otherFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(imports.dryRun(other.id()).problems()).extracting(ImportProblem::messageKey)
                .containsExactly("exchange.problem.damaged");
        assertThat(imports.preview(other.id(), 5)).isEmpty();

        assertThat(imports.run(job.id()).acts()).isEqualTo(1);
        assertThat(stored).doesNotExist();
    }

    private long event(String title) {
        return jdbc.queryForObject("SELECT id FROM event WHERE title = ?", Long.class, title);
    }
}
