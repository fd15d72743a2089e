package org.aigaq.documentation.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.aigaq.documentation.PlacePopulation;
import org.aigaq.documentation.Places;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Imports of population figures through the service: a messy Windows-1251 file with Russian headers (codes in either
 * script and case, "1 350", "01.03.2015 г.", impossible dates, words for numbers, a row twice) is refused with each
 * problem by row and column, in Russian too, and nothing written; a clean file adds its figures once; who may import.
 */
class PopulationImportsTest extends ApplicationTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 300_000) + 300_000);

    @Autowired PopulationImports imports;
    @Autowired PlacePopulation population;
    @Autowired Places places;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MessageSource messages;

    @BeforeEach
    void signIn() {
        as(accounts.create(Role.DOCUMENTER, true));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMessyFileIsRefusedWithEveryProblemByRowAndColumnAndNothingIsWritten() {
        int n = NUMBERS.incrementAndGet();
        long colony = places.add("Colony " + n, "AK-" + n + "/5", "penal-colony", null, null).id();
        String csv = String.join("\r\n",
                "Код учреждения;Дата;Численность;Лимит;Источник",
                "АК-" + n + "/5;01.03.2015 г.;1 350;1 500;Ответ КУИС",
                "ak-" + n + "/5;2016-03-01;1,200;;Ответ КУИС",
                "ZZ-" + n + ";01.03.2016;100;;Ответ",
                "АК-" + n + "/5;31.02.2016;100;;Ответ",
                "АК-" + n + "/5;01.03.2017;много;;Ответ",
                "АК-" + n + "/5;01.03.2018;-5;;Ответ",
                "АК-" + n + "/5;01.03.2019;100;;",
                "АК-" + n + "/5;01.03.2015;1350;1500;ответ куис",
                ";01.03.2015;5;;Ответ",
                "АК-" + n + "/5;01.03.2099;5;;Ответ",
                "АК-" + n + "/5;01.03.2020",
                "");
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(Charset.forName("windows-1251"))), null, null);
        assertThat(job.detectedEncoding()).isEqualTo(TextEncoding.WINDOWS_1251);
        assertThat(job.separator()).isEqualTo(Separator.SEMICOLON);
        assertThat(job.mapping().columns()).containsEntry("Код учреждения", PopulationField.PLACE_CODE)
                .containsEntry("Дата", PopulationField.COUNTED_ON).containsEntry("Численность", PopulationField.POPULATION)
                .containsEntry("Лимит", PopulationField.CAPACITY).containsEntry("Источник", PopulationField.SOURCE);

        var outcome = imports.dryRun(job.id());
        assertThat(outcome.rows()).isEqualTo(11);
        assertThat(outcome.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(
                        tuple(4L, "Код учреждения", "population.import.unknown-code"),
                        tuple(5L, "Дата", "exchange.problem.day"),
                        tuple(6L, "Численность", "exchange.problem.number"),
                        tuple(7L, "Численность", "documentation.place.not-negative"),
                        tuple(8L, "Источник", "validation.required"),
                        tuple(9L, "Дата", "population.import.same-as-row"),
                        tuple(10L, "Код учреждения", "population.import.place-missing"),
                        tuple(11L, "Дата", "documentation.date.future"),
                        tuple(12L, null, "exchange.problem.value-count"));
        assertThat(outcome.added()).isZero();
        // Each problem reads in the user's language.
        for (var problem : outcome.problems()) {
            String english = messages.getMessage(problem.messageKey(), problem.messageArguments(), Locale.ENGLISH);
            String russian = messages.getMessage(problem.messageKey(), problem.messageArguments(), Locale.forLanguageTag("ru"));
            String kazakh = messages.getMessage(problem.messageKey(), problem.messageArguments(), Locale.forLanguageTag("kk"));
            assertThat(russian).as(problem.messageKey()).isNotEqualTo(english).isNotEqualTo(kazakh);
        }
        assertThat(messages.getMessage("population.import.same-as-row", new Object[] {"2"}, Locale.forLanguageTag("ru")))
                .contains("2");

        // The run is refused as a whole: not even the two good rows are written.
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(org.aigaq.platform.tabular.ImportJobs.Refused.class);
        assertThat(population.of(colony)).isEmpty();
        assertThat(imports.get(job.id()).status()).isEqualTo("REFUSED");
    }

    @Test
    void aCleanFileByIdOrCodeAddsItsFiguresOnceAndASecondImportAddsNothing() {
        int n = NUMBERS.incrementAndGet();
        long colony = places.add("Colony " + n, "UK-" + n + "/2", "penal-colony", null, null).id();
        long sizo = places.add("SIZO " + n, null, "pre-trial-detention-centre", null, null).id();
        String csv = String.join("\n",
                "place_id,official code,date,population,capacity,source",
                sizo + ",,2014-01-01,420,,NPM report",
                ",УК-" + n + "/2,17/03/2014,\"1,350\",1500,Committee reply",
                colony + ",uk-" + n + "/2,2015-01-01,1 280,,Committee reply",
                "");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        var job = imports.upload(new ByteArrayInputStream(bytes), null, null);
        assertThat(imports.dryRun(job.id()).problems()).isEmpty();
        assertThat(population.of(colony)).isEmpty();
        var outcome = imports.run(job.id());
        assertThat(outcome.added()).isEqualTo(3);
        assertThat(population.of(colony)).extracting(PlacePopulation.Figure::countedOn, PlacePopulation.Figure::population,
                PlacePopulation.Figure::capacity).containsExactly(tuple(LocalDate.of(2015, 1, 1), 1280, null),
                tuple(LocalDate.of(2014, 3, 17), 1350, 1500));
        assertThat(population.of(sizo)).singleElement().extracting(PlacePopulation.Figure::source).isEqualTo("NPM report");

        var again = imports.upload(new ByteArrayInputStream(bytes), null, null);
        var second = imports.run(again.id());
        assertThat(second.added()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(population.of(colony)).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'population.imported' AND record_id IN (?, ?)",
                Long.class, String.valueOf(job.id()), String.valueOf(again.id()))).isEqualTo(2);
        // An id and a code that name two different places are a problem of their row.
        var mixed = imports.upload(new ByteArrayInputStream(("place_id,code,date,population,source\n" + sizo + ",UK-" + n
                + "/2,2016-01-01,5,x\n999999999,,2016-01-01,5,x\n").getBytes(StandardCharsets.UTF_8)), null, null);
        assertThat(imports.dryRun(mixed.id()).problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(tuple(2L, "code", "population.import.code-and-id-differ"),
                        tuple(3L, "place_id", "population.import.unknown-place-id"));
    }

    @Test
    void theMappingNeedsThePlaceTheDateThePopulationAndTheSource() {
        var job = imports.upload(new ByteArrayInputStream("what,when\nAK-1,2015-01-01\n".getBytes(StandardCharsets.UTF_8)), null, null);
        assertThatThrownBy(() -> imports.map(job.id(), null, null, new PopulationImports.Mapping(java.util.Map.of())))
                .isInstanceOfSatisfying(org.aigaq.platform.InvalidInput.class, invalid -> assertThat(invalid.violations())
                        .extracting(org.aigaq.platform.InvalidInput.Violation::messageKey)
                        .containsExactly("population.import.place-required", "population.import.field-required",
                                "population.import.field-required", "population.import.field-required"));
        var withPlace = new PopulationImports.Mapping(java.util.Map.of("what", PopulationField.PLACE_CODE,
                "when", PopulationField.COUNTED_ON));
        assertThatThrownBy(() -> imports.map(job.id(), null, null, withPlace))
                .isInstanceOfSatisfying(org.aigaq.platform.InvalidInput.class, invalid -> assertThat(invalid.violations())
                        .extracting(org.aigaq.platform.InvalidInput.Violation::firstArgument)
                        .containsExactly("population", "source"));
    }

    @Test
    void onlyCoordinatorsAndDocumentersImportAndEachSeesOnlyTheirOwnImport() {
        byte[] csv = "code,date,population,source\nX,2015-01-01,3,x\n".getBytes(StandardCharsets.UTF_8);
        var job = imports.upload(new ByteArrayInputStream(csv), null, null);
        as(accounts.create(Role.DOCUMENTER, true));
        assertThatThrownBy(() -> imports.get(job.id())).isInstanceOf(NoSuchRecord.class);
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(NoSuchRecord.class);
        as(accounts.create(Role.MONITOR, true));
        assertThatThrownBy(() -> imports.upload(new ByteArrayInputStream(csv), null, null)).isInstanceOf(AccessDeniedException.class);
        as(accounts.create(Role.COORDINATOR, true));
        assertThat(imports.upload(new ByteArrayInputStream(csv), null, null).mapping().columns())
                .containsEntry("code", PopulationField.PLACE_CODE).containsEntry("population", PopulationField.POPULATION);
    }

    private void as(TestAccounts.Account account) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(account));
    }
}
