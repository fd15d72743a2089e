package org.aigaq.detention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aigaq.documentation.PlacePopulation;
import org.aigaq.documentation.Places;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures of the register, over the records the current user may read: deaths by official cause, by type of facility
 * and by year, with rates per 10,000 detainees where the registry knows the population, and self-harm incidents (and
 * the people taking part) by kind and year. Counts are computed by SQL.
 */
@Service
public class CustodyFigures {

    /** One line of a table of figures: what is counted (a term code), its count per year, and the total. */
    public record Line(String key, Map<Integer, Long> byYear, long total) {
        public long in(int year) {
            return byYear.getOrDefault(year, 0L);
        }
    }

    /** A table of figures: the years that have any, its lines (largest total first) and the totals per year. */
    public record Table(List<Integer> years, List<Line> lines, Map<Integer, Long> totalByYear, long total) {
        public long totalIn(int year) {
            return totalByYear.getOrDefault(year, 0L);
        }
    }

    /**
     * Deaths per 10,000 detainees in a year, in the places of one facility type (null: every type). {@code deaths}
     * counts every death; the rate divides those in places whose population is known for the year
     * ({@code deathsCounted}) by the population of every such place of the type ({@code population}, over
     * {@code placesCounted} places, those without deaths too); the places with deaths but without a figure are left out
     * ({@code placesLeftOut}, with {@code deathsLeftOut}). The rate is rounded to one decimal, null without population.
     */
    public record Rate(String facilityType, int year, long deaths, long deathsCounted, long population, int placesCounted,
                       int placesLeftOut, long deathsLeftOut, BigDecimal per10000) {}

    /** The rates by facility type and year, by year over every type, and how many places (and deaths) were left out. */
    public record Rates(List<Rate> byFacilityType, List<Rate> byYear, int placesLeftOut, long deathsLeftOut) {}

    /** Every figure of the register at once. */
    public record Figures(Table deathsByCause, Table deathsByFacilityType, Rates deathRates, Table selfHarmByKind,
                          Table selfHarmPeopleByKind) {}

    /** A rate per 10,000: deaths ÷ population × 10,000, rounded half up to one decimal; null without population. */
    public static BigDecimal per10000(long deaths, long population) {
        if (population <= 0) return null;
        return BigDecimal.valueOf(deaths).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP);
    }

    private final JdbcClient jdbc;
    private final Places places;
    private final PlacePopulation population;

    CustodyFigures(JdbcClient jdbc, Places places, PlacePopulation population) {
        this.jdbc = jdbc;
        this.places = places;
        this.population = population;
    }

    /** The figures over every record the user may read, or only over the user's organisation's own ({@code ours}). */
    public Figures figures(boolean ours) {
        var causes = counts("""
                SELECT coalesce(d.official_cause, 'unknown') AS key, extract(year FROM d.death_date)::int AS year, count(*) AS n
                FROM death_in_custody d WHERE %s GROUP BY 1, 2
                """, ours);
        var byPlace = counts("""
                SELECT d.place_id::text AS key, extract(year FROM d.death_date)::int AS year, count(*) AS n
                FROM death_in_custody d WHERE %s GROUP BY 1, 2
                """, ours);
        // The type of a place is the registry's: each place counted is read once through documentation.Places.
        var types = new HashMap<String, String>();
        var byType = new ArrayList<Object[]>();
        for (Object[] row : byPlace) {
            String type = types.computeIfAbsent((String) row[0], id -> places.get(Long.parseLong(id)).locationType());
            byType.add(new Object[] {type, row[1], row[2]});
        }
        var kinds = counts("""
                SELECT s.kind AS key, extract(year FROM s.incident_date)::int AS year, count(*) AS n
                FROM self_harm_incident s WHERE %s GROUP BY 1, 2
                """, ours);
        var people = counts("""
                SELECT s.kind AS key, extract(year FROM s.incident_date)::int AS year, sum(s.people) AS n
                FROM self_harm_incident s WHERE %s GROUP BY 1, 2
                """, ours);
        var facilityTypes = table(byType);
        return new Figures(table(causes), facilityTypes, rates(byPlace, types, facilityTypes), table(kinds), table(people));
    }

    private Rates rates(List<Object[]> byPlace, Map<String, String> types, Table byType) {
        // deaths per place and year, as counted above (the records the user may read)
        var deaths = new HashMap<Integer, Map<Long, Long>>();
        for (Object[] row : byPlace) {
            if (row[1] == null) continue;
            deaths.computeIfAbsent((Integer) row[1], y -> new HashMap<>()).merge(Long.parseLong((String) row[0]), (Long) row[2], Long::sum);
        }
        var byTypeRates = new ArrayList<Rate>();
        var byYearRates = new ArrayList<Rate>();
        var leftOutPlaces = new HashSet<Long>();
        long leftOutDeaths = 0;
        for (int year : byType.years().reversed()) {
            var counted = new HashMap<Long, PlacePopulation.Counted>();
            for (var c : population.countedIn(year)) counted.put(c.placeId(), c);
            var atPlaces = deaths.getOrDefault(year, Map.of());
            for (var entry : atPlaces.entrySet()) {
                if (!counted.containsKey(entry.getKey())) {
                    leftOutPlaces.add(entry.getKey());
                    leftOutDeaths += entry.getValue();
                }
            }
            for (var line : byType.lines()) {
                byTypeRates.add(rate(line.key(), year, atPlaces, counted, types));
            }
            byYearRates.add(rate(null, year, atPlaces, counted, types));
        }
        return new Rates(byTypeRates, byYearRates, leftOutPlaces.size(), leftOutDeaths);
    }

    private static Rate rate(String type, int year, Map<Long, Long> deathsAtPlace, Map<Long, PlacePopulation.Counted> counted,
                             Map<String, String> types) {
        long deaths = 0;
        long deathsCounted = 0;
        int placesLeftOut = 0;
        long deathsLeftOut = 0;
        for (var entry : deathsAtPlace.entrySet()) {
            if (type != null && !type.equals(types.get(entry.getKey().toString()))) continue;
            deaths += entry.getValue();
            if (counted.containsKey(entry.getKey())) {
                deathsCounted += entry.getValue();
            } else {
                placesLeftOut++;
                deathsLeftOut += entry.getValue();
            }
        }
        long people = 0;
        int placesCounted = 0;
        for (var c : counted.values()) {
            if (type != null && !type.equals(c.locationType())) continue;
            people += c.population();
            placesCounted++;
        }
        return new Rate(type, year, deaths, deathsCounted, people, placesCounted, placesLeftOut, deathsLeftOut,
                per10000(deathsCounted, people));
    }

    /** The places of this registry type that the deaths the user may read happened in: a facility type's records. */
    public List<Long> placesOfType(String type, boolean ours) {
        var ids = CustodyRegisterAccess.bind(jdbc.sql("SELECT DISTINCT d.place_id FROM death_in_custody d WHERE "
                + condition("d", ours))).query(Long.class).list();
        return ids.stream().filter(id -> type.equals(places.get(id).locationType())).toList();
    }

    static String condition(String alias, boolean ours) {
        return CustodyRegisterAccess.visible(alias) + (ours ? " AND " + alias + ".organisation_id = :viewerOrganisation" : "");
    }

    private List<Object[]> counts(String sql, boolean ours) {
        String table = sql.contains("self_harm_incident") ? "s" : "d";
        return CustodyRegisterAccess.bind(jdbc.sql(sql.formatted(condition(table, ours))))
                .query((rs, n) -> new Object[] {rs.getString("key"), rs.getObject("year", Integer.class), rs.getLong("n")})
                .list();
    }

    private static Table table(List<Object[]> rows) {
        var years = new TreeSet<Integer>();
        var lines = new HashMap<String, Map<Integer, Long>>();
        var totals = new TreeMap<Integer, Long>();
        for (Object[] row : rows) {
            Integer year = (Integer) row[1];
            long n = (Long) row[2];
            if (year == null) continue;
            years.add(year);
            lines.computeIfAbsent((String) row[0], k -> new TreeMap<>()).merge(year, n, Long::sum);
            totals.merge(year, n, Long::sum);
        }
        var list = new ArrayList<Line>();
        lines.forEach((key, byYear) -> list.add(new Line(key, byYear, byYear.values().stream().mapToLong(Long::longValue).sum())));
        list.sort((a, b) -> a.total() != b.total() ? Long.compare(b.total(), a.total()) : a.key().compareTo(b.key()));
        return new Table(List.copyOf(years), list, totals, totals.values().stream().mapToLong(Long::longValue).sum());
    }
}
