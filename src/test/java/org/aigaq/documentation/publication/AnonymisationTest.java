package org.aigaq.documentation.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.publication.Anonymisation.PublishedRow;
import org.aigaq.documentation.publication.Anonymisation.SourceRow;
import org.junit.jupiter.api.Test;

/** k-anonymity on crafted rows: groups exactly at k and one short, the order of generalisation, and suppression. */
class AnonymisationTest {

    private static final byte[] KEY = "a key for the tests, 32 bytes ok".getBytes();
    private static final LocalDate MARCH = LocalDate.of(2024, 3, 17);
    private static long ids = 1000;

    /** A row with every quasi-identifier given; each call is another victim. */
    private static SourceRow row(LocalDate date, String place, String town, String region, String sex, int age, String citizenship) {
        long id = ids++;
        return new SourceRow(id, id, date, DatePrecision.EXACT, "torture", List.of("beating", "asphyxiation"),
                "police", "official", "police-station", place, town, region, sex, age, citizenship, null, "none", "alleged");
    }

    private static List<SourceRow> times(int n, java.util.function.Supplier<SourceRow> row) {
        var rows = new ArrayList<SourceRow>();
        for (int i = 0; i < n; i++) rows.add(row.get());
        return rows;
    }

    @Test
    void aGroupOfExactlyKIsPublishedUnchangedWithTheDateCoarsenedToTheMonth() {
        var rows = times(5, () -> row(MARCH, "ИВС Жетысу", "Almaty", "almaty-city", "male", 30, "KZ"));
        var result = Anonymisation.anonymise(rows, 5, KEY);
        assertThat(result.report().unchanged()).isEqualTo(5);
        assertThat(result.report().suppressed()).isZero();
        assertThat(result.rows()).extracting(PublishedRow::period).containsOnly("2024-03");
        assertThat(result.rows()).extracting(PublishedRow::place).containsOnly("ИВС Жетысу");
        assertThat(result.rows()).extracting(PublishedRow::ageBand).containsOnly("25-34");
        assertThat(result.rows()).extracting(PublishedRow::methods).containsOnly("asphyxiation;beating");
    }

    @Test
    void aGroupOfKMinusOneIsGeneralisedPlaceFirstAndThenSuppressedWhenNothingHelps() {
        var rows = times(4, () -> row(MARCH, "ИВС Жетысу", "Almaty", "almaty-city", "male", 30, "KZ"));
        var result = Anonymisation.anonymise(rows, 5, KEY);
        // Nothing makes four victims five: every step is tried and all four are left out.
        assertThat(result.rows()).isEmpty();
        assertThat(result.report().suppressed()).isEqualTo(4);
        assertThat(result.report().source()).isEqualTo(4);
        // With k = 4 they pass unchanged.
        assertThat(Anonymisation.anonymise(rows, 4, KEY).report().unchanged()).isEqualTo(4);
    }

    @Test
    void placesAreCoarsenedToTheTownBeforeAnythingElse() {
        var rows = new ArrayList<SourceRow>();
        rows.addAll(times(3, () -> row(MARCH, "ИВС Жетысу", "Almaty", "almaty-city", "male", 30, "KZ")));
        rows.addAll(times(2, () -> row(MARCH, "СИЗО-1", "Almaty", "almaty-city", "male", 30, "KZ")));
        var result = Anonymisation.anonymise(rows, 5, KEY);
        assertThat(result.rows()).hasSize(5);
        assertThat(result.rows()).extracting(PublishedRow::place).containsOnlyNulls();
        assertThat(result.rows()).extracting(PublishedRow::town).containsOnly("Almaty");
        assertThat(result.rows()).extracting(PublishedRow::period).containsOnly("2024-03");
        assertThat(result.report().coarsened()).containsEntry("place", 5).containsEntry("town", 0)
                .containsEntry("period", 0).containsEntry("ageBand", 0);
    }

    @Test
    void thenTownsToTheRegionThenMonthsToTheYearThenAgeBandsWider() {
        // Two towns of one region: the town goes before the month.
        var towns = new ArrayList<SourceRow>();
        towns.addAll(times(3, () -> row(MARCH, null, "Karaganda", "karaganda", "female", 20, null)));
        towns.addAll(times(2, () -> row(MARCH, null, "Temirtau", "karaganda", "female", 20, null)));
        var byRegion = Anonymisation.anonymise(towns, 5, KEY);
        assertThat(byRegion.rows()).extracting(PublishedRow::town).containsOnlyNulls();
        assertThat(byRegion.rows()).extracting(PublishedRow::region).containsOnly("karaganda");
        assertThat(byRegion.rows()).extracting(PublishedRow::period).containsOnly("2024-03");

        // Two months of one year in one town: the month goes before the age band.
        var months = new ArrayList<SourceRow>();
        months.addAll(times(3, () -> row(MARCH, null, "Karaganda", "karaganda", "female", 20, null)));
        months.addAll(times(2, () -> row(LocalDate.of(2024, 7, 1), null, "Karaganda", "karaganda", "female", 20, null)));
        var byYear = Anonymisation.anonymise(months, 5, KEY);
        assertThat(byYear.rows()).extracting(PublishedRow::period).containsOnly("2024");
        assertThat(byYear.rows()).extracting(PublishedRow::region).containsOnly("karaganda");
        assertThat(byYear.rows()).extracting(PublishedRow::ageBand).containsOnly("18-24");
        assertThat(byYear.report().coarsened()).containsEntry("period", 5).containsEntry("town", 5);

        // Ages 20 and 30 in one month and town: the bands widen to 18-34.
        var ages = new ArrayList<SourceRow>();
        ages.addAll(times(3, () -> row(MARCH, null, "Karaganda", "karaganda", "female", 20, null)));
        ages.addAll(times(2, () -> row(MARCH, null, "Karaganda", "karaganda", "female", 30, null)));
        var wider = Anonymisation.anonymise(ages, 5, KEY);
        assertThat(wider.rows()).extracting(PublishedRow::ageBand).containsOnly("18-34");
        assertThat(wider.rows()).extracting(PublishedRow::period).containsOnly("2024");
    }

    @Test
    void rowsInLargeGroupsAreLeftAloneWhileSmallOnesAreCoarsenedOrSuppressed() {
        var rows = new ArrayList<SourceRow>();
        rows.addAll(times(6, () -> row(MARCH, "ИВС Жетысу", "Almaty", "almaty-city", "male", 30, "KZ")));
        rows.add(row(LocalDate.of(2019, 1, 2), "Колония", "Arkalyk", "kostanay", "female", 70, "UZ"));
        var result = Anonymisation.anonymise(rows, 5, KEY);
        assertThat(result.report().unchanged()).isEqualTo(6);
        assertThat(result.report().suppressed()).isEqualTo(1);
        assertThat(result.rows()).extracting(PublishedRow::place).containsOnly("ИВС Жетысу");
    }

    @Test
    void oneVictimsSeveralActsCountAsOnePerson() {
        var rows = new ArrayList<SourceRow>();
        for (int i = 0; i < 5; i++) {
            rows.add(new SourceRow(5000 + i, 77, MARCH, DatePrecision.EXACT, "torture", List.of(), null, null, null,
                    null, "Almaty", "almaty-city", "male", 30, null, null, null, null));
        }
        assertThat(Anonymisation.anonymise(rows, 5, KEY).report().suppressed()).isEqualTo(5);
        assertThat(Anonymisation.anonymise(rows, 1, KEY).report().unchanged()).isEqualTo(5);
    }

    @Test
    void yearPrecisionStaysAYearAndRowIdsAreNotTheActIdsAndDifferByKey() {
        var rows = times(5, () -> new SourceRow(ids++, ids, MARCH, DatePrecision.YEAR, "torture", List.of(), null, null,
                null, null, null, null, null, null, null, null, null, null));
        var result = Anonymisation.anonymise(rows, 5, KEY);
        assertThat(result.rows()).extracting(PublishedRow::period).containsOnly("2024");
        assertThat(result.report().coarsened()).containsEntry("period", 0);
        var actIds = rows.stream().map(r -> String.valueOf(r.actId())).toList();
        assertThat(result.rows()).extracting(PublishedRow::rowId).doesNotContainAnyElementsOf(actIds)
                .allMatch(id -> id.matches("[0-9a-f]{16}")).doesNotHaveDuplicates();
        var again = Anonymisation.anonymise(rows, 5, KEY);
        assertThat(again.rows()).extracting(PublishedRow::rowId).containsExactlyElementsOf(
                result.rows().stream().map(PublishedRow::rowId).toList());
        var otherKey = Anonymisation.anonymise(rows, 5, "another key for the tests, 32 by".getBytes());
        assertThat(otherKey.rows()).extracting(PublishedRow::rowId)
                .doesNotContainAnyElementsOf(result.rows().stream().map(PublishedRow::rowId).toList());
        // The CSV holds the exact date nowhere.
        String csv = new String(Publications.csv(result.rows()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("2024-03-17").doesNotContain("2024-03");
    }

    @Test
    void ageBands() {
        assertThat(Anonymisation.ageBand(17, false)).isEqualTo("0-17");
        assertThat(Anonymisation.ageBand(18, false)).isEqualTo("18-24");
        assertThat(Anonymisation.ageBand(44, false)).isEqualTo("35-44");
        assertThat(Anonymisation.ageBand(45, false)).isEqualTo("45-59");
        assertThat(Anonymisation.ageBand(60, false)).isEqualTo("60+");
        assertThat(Anonymisation.ageBand(40, true)).isEqualTo("35-59");
        assertThat(Anonymisation.ageBand(null, false)).isNull();
    }
}
