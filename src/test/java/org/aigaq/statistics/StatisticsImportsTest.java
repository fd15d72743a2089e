package org.aigaq.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.indicators.Ratio;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportProblem;
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
 * Official statistics through the services: a published table is imported and its percentages recomputed exactly
 * from its counts; a correction is a new version beside the earlier one; a bad file is refused by row and column in
 * Russian with nothing written; who may import and read.
 */
class StatisticsImportsTest extends ApplicationTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 300_000));

    /**
     * A table as the prosecutor's office publishes it (crafted; its percentages as printed beside the counts): 2022,
     * art. 146 of the 2014 code, 412 complaints registered, 58 cases opened (14.1 %), 19 sent to court (4.6 %); 2023,
     * 400 registered, 52 opened (13.0 %), 29 sent to court (7.3 %, half up from 7.25); the court's figures for 2022:
     * 30 written and 12 oral allegations, 3 found confirmed (7.1 %).
     */
    static String table(String agency, String court2023) {
        return String.join("\r\n",
                "Юрисдикция;Год;Ведомство;Форма;Редакция кодекса;Статья;Часть;Зарегистрировано заявлений;Возбуждено дел;"
                        + "Направлено в суд;Осуждено;Заявлено письменно;Заявлено устно;Подтвердились;Не подтвердились",
                "KZ;2022;" + agency + ";1-E;2014;146;;412;58;19;7;30;12;3;39",
                "KZ;2023 г.;" + agency + ";1-E;2014;146;;400;52;" + court2023 + ";9;;;;",
                "");
    }

    @Autowired StatisticsImports imports;
    @Autowired OfficialFigures figures;
    @Autowired OfficialIndicators indicators;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MessageSource messages;
    @Autowired org.aigaq.justice.AttritionFunnel funnel;

    @BeforeEach
    void signIn() {
        as(accounts.create(Role.DOCUMENTER, true));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPublishedTableIsImportedAndItsPercentagesRecomputedExactly() {
        String agency = "Prosecutor General " + NUMBERS.incrementAndGet();
        var job = imports.upload(bytes(table(agency, "29")), null, null);
        assertThat(job.mapping().columns()).containsEntry("Год", StatisticsField.YEAR).containsEntry("Статья", StatisticsField.ARTICLE)
                .containsEntry("Направлено в суд", StatisticsField.SENT_TO_COURT)
                .containsEntry("Не подтвердились", StatisticsField.ALLEGATIONS_UNSUBSTANTIATED);
        assertThat(imports.dryRun(job.id()).problems()).isEmpty();
        assertThat(figures.rows(selection(agency))).isEmpty();
        var outcome = imports.run(job.id());
        assertThat(outcome.added()).isEqualTo(8 + 4);

        var rows = indicators.indicators(selection(agency));
        assertThat(rows).extracting(r -> r.row().year()).containsExactly(2023, 2022);
        var y2022 = rows.get(1);
        assertThat(percent(y2022, OfficialIndicators.PROSECUTION)).isEqualByComparingTo("4.6");
        assertThat(percent(y2022, OfficialIndicators.CASES_OPENED)).isEqualByComparingTo("14.1");
        assertThat(percent(y2022, OfficialIndicators.ALLEGATIONS_CONFIRMED)).isEqualByComparingTo("7.1");
        assertThat(y2022.row().value(Measure.CONVICTED)).isEqualTo(7);
        var y2023 = rows.get(0);
        assertThat(percent(y2023, OfficialIndicators.PROSECUTION)).isEqualByComparingTo("7.3");
        assertThat(percent(y2023, OfficialIndicators.CASES_OPENED)).isEqualByComparingTo("13.0");
        // Not published is no figure, never 0 %.
        assertThat(y2023.ratios().get(OfficialIndicators.ALL.indexOf(OfficialIndicators.ALLEGATIONS_CONFIRMED))).isNull();
        // The prosecution rate is the justice funnel's definition, not a second one.
        assertThat(OfficialIndicators.PROSECUTION.indicator().code()).isEqualTo("complaints-sent-to-court");
    }

    /**
     * Trends by hand: agency A publishes 2020, 2022 and 2023 for the whole article; agency B only parts 1 and 2, and
     * part 2 of 2022 gives no cases opened. Prosecution rate of A: 15/300 = 5.0 %, 19/412 = 4.6 % (no change: 2021 is
     * missing), 29/400 = 7.25 → 7.3 % (+2.7 points); cases opened: 30/300 = 10.0 %, 58/412 = 14.1 %, 52/400 = 13.0 %
     * (−1.1 points). B, parts summed: 2022 15/150 = 10.0 %, 2023 16/160 = 10.0 % (0.0 points); cases opened: 2022 not
     * published, 2023 32/160 = 20.0 % (no change). A's own total wins over parts it also gives (2023, part 2).
     */
    @Test
    void trendsGiveEachYearWithItsChangeInPercentagePoints() {
        int n = NUMBERS.incrementAndGet();
        String a = "Trend prosecutor " + n;
        String b = "Trend police " + n;
        String csv = String.join("\r\n",
                "Юрисдикция;Год;Ведомство;Форма;Редакция кодекса;Статья;Часть;Зарегистрировано заявлений;Возбуждено дел;Направлено в суд",
                "KZ;2020;" + a + ";1-E;2014;146;;300;30;15",
                "KZ;2022;" + a + ";1-E;2014;146;;412;58;19",
                "KZ;2023;" + a + ";1-E;2014;146;;400;52;29",
                "KZ;2023;" + a + ";1-E;2014;146;2;100;10;10",
                "KZ;2022;" + b + ";;2014;146;1;100;20;10",
                "KZ;2022;" + b + ";;2014;146;2;50;;5",
                "KZ;2023;" + b + ";;2014;146;1;100;20;7",
                "KZ;2023;" + b + ";;2014;146;2;60;12;9",
                "");
        imports.run(imports.upload(bytes(csv), null, null).id());
        var asOf = java.time.LocalDate.of(2026, 6, 30);

        var ofA = indicators.trends(selection(a), asOf);
        assertThat(ofA).extracting(t -> t.definition().indicator().code(), OfficialIndicators.Trend::article,
                OfficialIndicators.Trend::agency, OfficialIndicators.Trend::form, OfficialIndicators.Trend::compared)
                .containsExactly(tuple("complaints-sent-to-court", "2014:146", a, "1-E", true),
                        tuple("criminal-cases-opened", "2014:146", a, "1-E", true));
        assertThat(ofA.get(0).points()).extracting(OfficialIndicators.TrendPoint::year, p -> p.official().numerator(),
                p -> p.official().denominator(), p -> p.official().percent(), OfficialIndicators.TrendPoint::officialChange)
                .containsExactly(tuple(2020, 15L, 300L, new BigDecimal("5.0"), null),
                        tuple(2022, 19L, 412L, new BigDecimal("4.6"), null),
                        tuple(2023, 29L, 400L, new BigDecimal("7.3"), new BigDecimal("2.7")));
        assertThat(ofA.get(1).points()).extracting(p -> p.official().percent(), OfficialIndicators.TrendPoint::officialChange)
                .containsExactly(tuple(new BigDecimal("10.0"), null), tuple(new BigDecimal("14.1"), null),
                        tuple(new BigDecimal("13.0"), new BigDecimal("-1.1")));

        var ofB = indicators.trends(selection(b), asOf);
        assertThat(ofB).hasSize(2);
        assertThat(ofB.get(0).points()).extracting(OfficialIndicators.TrendPoint::year, p -> p.official().numerator(),
                p -> p.official().denominator(), p -> p.official().percent(), OfficialIndicators.TrendPoint::officialChange)
                .containsExactly(tuple(2022, 15L, 150L, new BigDecimal("10.0"), null),
                        tuple(2023, 16L, 160L, new BigDecimal("10.0"), new BigDecimal("0.0")));
        assertThat(ofB.get(1).points()).extracting(OfficialIndicators.TrendPoint::official)
                .first().isNull();
        assertThat(ofB.get(1).points().get(1).official().percent()).isEqualByComparingTo("20.0");
        assertThat(ofB.get(1).points().get(1).officialChange()).isNull();

        // The coalition's side is the justice funnel's own figure of that year and article, and its change the difference.
        var p2022 = ofA.get(0).points().get(1);
        var p2023 = ofA.get(0).points().get(2);
        assertThat(p2022.coalition()).isNotNull();
        assertThat(p2022.coalition().indicator()).isEqualTo(OfficialIndicators.PROSECUTION.indicator());
        var funnel2023 = funnel.funnel(new org.aigaq.justice.FunnelFilter(2023, 2023, null, null, null, "2014:146", null, asOf));
        assertThat(p2023.coalition()).isEqualTo(funnel2023.indicators().stream()
                .filter(r -> r.indicator().code().equals("complaints-sent-to-court")).findFirst().orElseThrow());
        assertThat(p2023.coalitionChange()).isEqualTo(p2022.coalition().percent() == null || p2023.coalition().percent() == null
                ? null : p2023.coalition().percent().subtract(p2022.coalition().percent()));
    }

    @Test
    void aCorrectionIsANewVersionAndTheEarlierIsKept() {
        String agency = "Supreme Court " + NUMBERS.incrementAndGet();
        imports.run(imports.upload(bytes(table(agency, "29")), null, null).id());
        var again = imports.run(imports.upload(bytes(table(agency, "29")), null, null).id());
        assertThat(again.added()).isZero();
        assertThat(again.corrected()).isZero();
        assertThat(again.unchanged()).isEqualTo(12);

        var corrected = imports.upload(bytes(table(agency, "31")), null, null);
        var outcome = imports.run(corrected.id());
        assertThat(outcome.corrected()).isEqualTo(1);
        assertThat(outcome.unchanged()).isEqualTo(11);
        var y2023 = figures.rows(selection(agency)).getFirst();
        assertThat(y2023.value(Measure.SENT_TO_COURT)).isEqualTo(31);
        assertThat(y2023.latestVersion()).isEqualTo(corrected.id());
        assertThat(figures.history(selection(agency))).filteredOn(v -> v.key().measure() == Measure.SENT_TO_COURT && v.key().year() == 2023)
                .extracting(OfficialFigures.Version::value, OfficialFigures.Version::importId)
                .hasSize(2).first().isEqualTo(tuple(31L, corrected.id()));
    }

    @Test
    void aBadFileIsRefusedByRowAndColumnInRussianAndNothingIsWritten() {
        String agency = "Ministry " + NUMBERS.incrementAndGet();
        String csv = String.join("\n",
                "year,agency,article,part,complaints registered,sent to court",
                "2022," + agency + ",146,2,много,3",
                "20222," + agency + ",146,2,10,3",
                "2022," + agency + ",999,,10,3",
                "2022,,146,2,10,3",
                "2021," + agency + ",146,2,10,3",
                "2021," + agency + ",146,2,11,3",
                "2020," + agency + ",146",
                "");
        var job = imports.upload(bytes(csv), null, null);
        var outcome = imports.dryRun(job.id());
        assertThat(outcome.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(
                        tuple(2L, "complaints registered", "statistics.import.count"),
                        tuple(3L, "year", "statistics.import.year"),
                        tuple(4L, "article", "statistics.import.unknown-article"),
                        tuple(5L, "agency", "statistics.import.value-required"),
                        tuple(7L, "article", "statistics.import.same-as-row"),
                        tuple(8L, null, "exchange.problem.value-count"));
        var russian = Locale.forLanguageTag("ru");
        assertThat(messages.getMessage("statistics.import.count", outcome.problems().getFirst().messageArguments(), russian))
                .isEqualTo("Не целое неотрицательное число: «много».");
        for (var problem : outcome.problems()) {
            String english = messages.getMessage(problem.messageKey(), problem.messageArguments(), Locale.ENGLISH);
            assertThat(messages.getMessage(problem.messageKey(), problem.messageArguments(), russian)).isNotEqualTo(english);
        }
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(org.aigaq.platform.tabular.ImportJobs.Refused.class);
        assertThat(figures.rows(selection(agency))).isEmpty();
        assertThat(imports.get(job.id()).status()).isEqualTo("REFUSED");
    }

    @Test
    void aMappingWithoutTheAgencyNamesItByItsLabelInEachLanguage() {
        var job = imports.upload(bytes("Год;Орган власти;Статья;Зарегистрировано заявлений\r\n2022;Суд;146;3\r\n"), null, null);
        assertThat(job.mapping().columns()).containsEntry("Орган власти", null);
        var invalid = org.assertj.core.api.Assertions.catchThrowableOfType(org.aigaq.platform.InvalidInput.class,
                () -> imports.map(job.id(), null, null, job.mapping()));
        assertThat(invalid.violations()).hasSize(1);
        var violation = invalid.violations().getFirst();
        assertThat(messages.getMessage(violation.messageKey(), violation.arguments(), Locale.ENGLISH))
                .isEqualTo("Say which column holds “Agency”.");
        assertThat(messages.getMessage(violation.messageKey(), violation.arguments(), Locale.forLanguageTag("ru")))
                .isEqualTo("Укажите, в каком столбце «Ведомство».");
        assertThat(messages.getMessage(violation.messageKey(), violation.arguments(), Locale.forLanguageTag("kk")))
                .isEqualTo("«Ведомство» қай бағанда екенін көрсетіңіз.");
        var columns = new java.util.LinkedHashMap<>(job.mapping().columns());
        columns.put("Орган власти", StatisticsField.AGENCY);
        assertThat(imports.map(job.id(), null, null, new StatisticsImports.Mapping(columns)).mapping().columns())
                .containsEntry("Орган власти", StatisticsField.AGENCY);
        assertThat(imports.dryRun(job.id()).problems()).isEmpty();
    }

    @Test
    void onlyCoordinatorsAndDocumentersImportAndOnlyWorkersAndAnalystsRead() {
        var job = imports.upload(bytes(table("Refusals " + NUMBERS.incrementAndGet(), "1")), null, null);
        as(accounts.create(Role.DOCUMENTER, true));
        assertThatThrownBy(() -> imports.get(job.id())).isInstanceOf(NoSuchRecord.class);
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(NoSuchRecord.class);
        as(accounts.create(Role.ANALYST, false));
        assertThatThrownBy(() -> imports.upload(bytes("a,b\n1,2\n"), null, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(figures.rows(OfficialFigures.Selection.ALL)).isNotNull();
        as(accounts.create(Role.VIEWER, false));
        assertThatThrownBy(() -> figures.rows(OfficialFigures.Selection.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.upload(bytes("a,b\n1,2\n"), null, null)).isInstanceOf(AccessDeniedException.class);
    }

    private static BigDecimal percent(OfficialIndicators.IndicatorRow row, OfficialIndicators.Definition definition) {
        Ratio ratio = row.ratios().get(OfficialIndicators.ALL.indexOf(definition));
        return ratio.percent();
    }

    private static OfficialFigures.Selection selection(String agency) {
        return new OfficialFigures.Selection("KZ", "2014:146", agency, null, null);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private void as(TestAccounts.Account account) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(account));
    }
}
