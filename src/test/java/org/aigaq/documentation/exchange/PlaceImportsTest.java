package org.aigaq.documentation.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.aigaq.documentation.Places;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Imports of places through the service: every encoding and separator reads, a messy file is refused with each problem
 * named by row and column and nothing written, a second import of the same file adds nothing, and who may import.
 */
class PlaceImportsTest extends ApplicationTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 300_000) + 600_000);

    @Autowired PlaceImports imports;
    @Autowired Places places;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    private TestAccounts.Account documenter;

    @BeforeEach
    void signIn() {
        documenter = accounts.create(Role.DOCUMENTER, true);
        as(documenter);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static Stream<Arguments> variants() {
        var variants = new ArrayList<Arguments>();
        var lineEnds = List.of("\r\n", "\n", "\r");
        int i = 0;
        for (String encoding : List.of("UTF-8", "UTF-8 BOM", "windows-1251", "x-MacRoman")) {
            for (char separator : new char[] {',', ';', '\t'}) variants.add(Arguments.of(encoding, lineEnds.get(i++ % 3), separator));
        }
        return variants.stream();
    }

    @ParameterizedTest(name = "{0}, line end {1}, separator {2}")
    @MethodSource("variants")
    void everyEncodingAndSeparatorReadsAndASecondImportAddsNothing(String encoding, String lineEnd, char separator) {
        int n = NUMBERS.incrementAndGet();
        String s = String.valueOf(separator);
        // Values each encoding can hold: Kazakh needs UTF-8, Windows-1251 has Russian, Mac Roman accented Latin.
        List<String> lines = switch (encoding) {
            case "windows-1251" -> List.of(String.join(s, "Название", "Код", "Тип", "Регион", "Вид безопасности"),
                    String.join(s, "\"Колония " + n + s + " Рудный\"", "УК-" + n + "/2", "Исправительная колония",
                            "Костанайская область", "Средней безопасности"),
                    String.join(s, "Ёлочный СИЗО " + n, "", "Следственный изолятор (СИЗО)", "г. Алматы", ""));
            case "x-MacRoman" -> List.of(String.join(s, "name", "official_code", "type", "region", "regime"),
                    String.join(s, "\"Colonie pénitentiaire " + n + s + " Rudny\"", "UK-" + n + "/2", "penal-colony",
                            "Kostanay Region", "medium-security"),
                    String.join(s, "Maison d'arrêt " + n, "", "pre-trial-detention-centre", "Almaty (city)", ""));
            default -> List.of(String.join(s, "атауы", "код", "түрі", "облыс", "режим"),
                    String.join(s, "\"Түзеу колониясы " + n + s + " Рудный\"", "УК-" + n + "/2", "Түзеу колониясы",
                            "Қостанай облысы", "Орташа қауіпсіздік"),
                    String.join(s, "Тергеу изоляторы " + n, "", "Тергеу изоляторы (ТИ)", "Алматы қаласы", ""));
        };
        String text = String.join(lineEnd, lines) + lineEnd;
        Charset charset = Charset.forName(encoding.replace(" BOM", ""));
        byte[] bytes = (encoding.endsWith("BOM") ? "\uFEFF" + text : text).getBytes(charset);

        var job = imports.upload(new ByteArrayInputStream(bytes), null, null);
        assertThat(job.detectedEncoding()).isEqualTo(switch (encoding) {
            case "windows-1251" -> TextEncoding.WINDOWS_1251;
            case "x-MacRoman" -> TextEncoding.MAC_ROMAN;
            default -> TextEncoding.UTF_8;
        });
        assertThat(job.separator().character()).isEqualTo(separator);
        var expected = List.of(PlaceField.NAME, PlaceField.OFFICIAL_CODE, PlaceField.LOCATION_TYPE, PlaceField.REGION,
                PlaceField.PENAL_REGIME);
        assertThat(job.columns()).hasSize(5);
        for (int i = 0; i < 5; i++) assertThat(job.mapping().columns().get(job.columns().get(i))).isEqualTo(expected.get(i));
        var checked = imports.dryRun(job.id());
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.added()).isEqualTo(2);
        assertThat(placesNumbered(n)).isZero();

        var outcome = imports.run(job.id());
        assertThat(outcome.added()).isEqualTo(2);
        assertThat(placesNumbered(n)).isEqualTo(2);
        var colony = places.find("УК-" + n + "/2", 5).getFirst();
        assertThat(colony.officialCode()).isEqualTo("UK-" + n + "/2");
        assertThat(colony.officialCodeCyrillic()).isEqualTo("УК-" + n + "/2");
        assertThat(colony.locationType()).isEqualTo("penal-colony");
        assertThat(colony.penalRegime()).isEqualTo("medium-security");
        assertThat(colony.region()).isEqualTo("kostanay");
        assertThat(colony.name()).as("a quoted value holds the separator").contains(n + s + " Рудный".substring(0, 1));

        // The same file again: both places are recognised (by code, and without one by name, type and region).
        var again = imports.upload(new ByteArrayInputStream(bytes), null, null);
        var second = imports.run(again.id());
        assertThat(second.added()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(placesNumbered(n)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'places.imported' AND record_id IN (?, ?)",
                Long.class, String.valueOf(job.id()), String.valueOf(again.id()))).isEqualTo(2);
    }

    @Test
    void aMessyFileIsRefusedWithEveryProblemByRowAndColumnAndNothingIsWritten() {
        int n = NUMBERS.incrementAndGet();
        places.add("Existing colony " + n, "AK-" + n + "/5", "penal-colony", null, null);
        String csv = String.join("\n",
                "name,code,type,lat,lon,mandate",
                "Good police station " + n + ",,police-station,43.25,76.95,yes",
                ",IVS-" + n + ",temporary-detention-isolator,,,",
                "Castle " + n + ",KS-" + n + ",castle,95,76.9,maybe",
                "Railway colony " + n + ",ZhD-" + n + "/7,penal-colony,,,да",
                "Railway colony again " + n + ",жд-" + n + "/7,penal-colony,,,",
                "Existing again " + n + ",ак-" + n + "/5,penal-colony,,,",
                "Short row " + n + ",,prison",
                "");
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, null);
        var outcome = imports.dryRun(job.id());
        assertThat(outcome.rows()).isEqualTo(7);
        assertThat(outcome.unchanged()).isEqualTo(1);
        assertThat(outcome.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(
                        tuple(3L, "name", "validation.required"),
                        tuple(4L, "mandate", "places.import.yes-or-no"),
                        tuple(4L, "type", "vocabulary.unknown-term"),
                        tuple(4L, "lat", "documentation.place.degrees"),
                        tuple(6L, "code", "places.import.same-as-row"),
                        tuple(8L, null, "exchange.problem.value-count"));
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(org.aigaq.platform.tabular.ImportJobs.Refused.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM place WHERE name LIKE ?", Long.class, "% " + n))
                .as("only the place that was there before").isEqualTo(1);
        assertThat(imports.get(job.id()).status()).isEqualTo("REFUSED");

        // Mapping the unknown value to a term and dropping the bad columns leaves the rows that are still wrong.
        var columns = new java.util.LinkedHashMap<>(job.mapping().columns());
        columns.put("mandate", null);
        columns.put("lat", null);
        columns.put("lon", null);
        imports.map(job.id(), null, null, new PlaceImports.Mapping(columns,
                Map.of(PlaceField.LOCATION_TYPE, Map.of("castle", "other"))));
        assertThat(imports.dryRun(job.id()).problems()).extracting(ImportProblem::row).containsExactly(3L, 6L, 8L);
    }

    @Test
    void onlyCoordinatorsAndDocumentersImportAndEachSeesOnlyTheirOwnImport() {
        byte[] csv = "name,type\nX,prison\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var job = imports.upload(new ByteArrayInputStream(csv), null, null);
        as(accounts.create(Role.DOCUMENTER, true));
        assertThatThrownBy(() -> imports.get(job.id())).isInstanceOf(NoSuchRecord.class);
        assertThatThrownBy(() -> imports.run(job.id())).isInstanceOf(NoSuchRecord.class);
        as(accounts.create(Role.MONITOR, true));
        assertThatThrownBy(() -> imports.upload(new ByteArrayInputStream(csv), null, null))
                .isInstanceOf(AccessDeniedException.class);
        as(accounts.create(Role.COORDINATOR, true));
        assertThat(imports.upload(new ByteArrayInputStream(csv), null, null).mapping().columns())
                .containsEntry("name", PlaceField.NAME).containsEntry("type", PlaceField.LOCATION_TYPE);
    }

    private long placesNumbered(int n) {
        return jdbc.queryForObject("SELECT count(*) FROM place WHERE name LIKE ?", Long.class, "%" + n + "%");
    }

    private void as(TestAccounts.Account account) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(account));
    }
}
