package org.aigaq.documentation.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.SyntheticCases;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * 100,000 rows (50,000 events of two acts each, every act with a perpetrator's agency, every victim with a key, sex,
 * date of birth and citizenship, every event with a source and an intervention repeated on its two rows) import
 * without a row limit, read from the encrypted upload a row at a time, every person with its name tokens; the times,
 * and those of name searches over the imported people, are logged for docs/benchmarks.md. It has a database of its own (the
 * property below makes a context of its own), so that the other tests' lists and exports do not carry its cases.
 */
@TestPropertySource(properties = "aigaq.test.database=large-import")
class LargeImportTest extends ApplicationTest {

    static final int ROWS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(LargeImportTest.class);

    @Autowired CaseImports imports;
    @Autowired org.aigaq.documentation.PersonSearch search;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aHundredThousandRowsImport(@TempDir Path folder) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(accounts.create(Role.DOCUMENTER, true)));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Path file = folder.resolve("cases.csv");
        var synthetic = new SyntheticCases(7);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("event_number;event_title;event_date;region;violation_status;victim_key;victim;sex;date_of_birth;"
                    + "citizenship;act_type;methods;age_at_time;perpetrator_agencies;unit;source_type;reliability;"
                    + "date_received;intervention_type;intervention_date;intervention_status\r\n");
            CaseRecords.InformationDraft source = null;
            CaseRecords.InterventionDraft intervention = null;
            for (int i = 0; i < ROWS; i++) {
                LocalDate date = LocalDate.of(2015 + i / 2 % 10, 1 + i / 2 % 9, 10 + i / 2 % 10);
                if (i % 2 == 0) {
                    // One source and one intervention per event, repeated on both its rows as flat files do.
                    source = synthetic.information(date);
                    intervention = synthetic.intervention(date);
                }
                var person = synthetic.person();
                out.write("N" + (i / 2) + ";Beating in custody " + marker + ";" + date + ";Almaty;confirmed;P" + i + ";"
                        + person.identity().name() + " " + i + ";" + person.sex() + ";" + person.identity().dateOfBirth() + ";"
                        + person.citizenship() + ";torture;beating;" + (18 + i % 50) + ";police;\"Unit " + (i % 7) + "\";"
                        + source.sourceType() + ";" + source.reliability() + ";" + source.dateReceived() + ";"
                        + intervention.interventionType() + ";" + intervention.date().date() + ";" + intervention.status() + "\r\n");
            }
        }
        long started = System.nanoTime();
        ImportJob job;
        try (InputStream in = Files.newInputStream(file)) {
            job = imports.upload(in, null, null, null);
        }
        long uploaded = System.nanoTime();
        var dry = imports.dryRun(job.id());
        long checked = System.nanoTime();
        assertThat(dry.problems()).isEmpty();
        var outcome = imports.run(job.id());
        long ran = System.nanoTime();
        log.info("Import of {} rows ({} bytes): upload and detection {} ms, dry run {} ms, run {} ms", ROWS, Files.size(file),
                (uploaded - started) / 1_000_000, (checked - uploaded) / 1_000_000, (ran - checked) / 1_000_000);
        assertThat(outcome.rows()).isEqualTo(ROWS);
        assertThat(outcome.events()).isEqualTo(ROWS / 2);
        assertThat(outcome.acts()).isEqualTo(ROWS);
        assertThat(outcome.people()).isEqualTo(ROWS);
        assertThat(outcome.involvements()).isEqualTo(ROWS);
        assertThat(outcome.information()).isEqualTo(ROWS / 2);
        assertThat(outcome.interventions()).isEqualTo(ROWS / 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act a JOIN event e ON e.id = a.event_id WHERE e.title = ?",
                Long.class, "Beating in custody " + marker)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person p JOIN act a ON a.victim_id = p.id JOIN event e ON e.id = a.event_id "
                + "WHERE e.title = ? AND p.sex IS NOT NULL AND p.citizenship = 'Kazakhstan'", Long.class, "Beating in custody " + marker))
                .isEqualTo(ROWS);
        // Every imported person has its name tokens; a name search over them (names repeat thousands of times here).
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_name_tokens WHERE tokens IS NULL", Long.class)).isZero();
        var times = new long[50];
        String[] queries = {"Akhmetov Yerzhan", "Сарсенбаева Айгуль", "Оспанов С.", "Zhanar Kenzhebayeva", "Нурлан Смагулов"};
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            assertThat(search.find(queries[i % queries.length], 20)).isNotEmpty();
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        log.info("Name search among {} people: p50 {} ms, p95 {} ms (20 results, 100 candidates decrypted)", ROWS,
                times[times.length / 2] / 1_000_000, times[times.length * 95 / 100] / 1_000_000);
    }
}
