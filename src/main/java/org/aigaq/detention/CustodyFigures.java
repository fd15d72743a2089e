package org.aigaq.detention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aigaq.documentation.Places;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures of the register, over the records the current user may read: deaths by official cause, by type of facility
 * and by year, self-harm incidents (and the people taking part) by kind and year. Counts are computed by SQL; rates per
 * 10,000 wait for the registry's dated population figures.
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

    /** Every figure of the register at once. */
    public record Figures(Table deathsByCause, Table deathsByFacilityType, Table selfHarmByKind,
                          Table selfHarmPeopleByKind) {}

    private final JdbcClient jdbc;
    private final Places places;

    CustodyFigures(JdbcClient jdbc, Places places) {
        this.jdbc = jdbc;
        this.places = places;
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
        return new Figures(table(causes), table(byType), table(kinds), table(people));
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
