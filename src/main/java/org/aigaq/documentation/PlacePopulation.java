package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The capacity and population of places over time: dated figures, each with its source, for rates per 10,000. */
@Service
public class PlacePopulation {

    /** One dated figure: capacity, population or both, and where it comes from. */
    public record Figure(long id, long placeId, LocalDate countedOn, Integer capacity, Integer population, String source) {}

    /** A figure as entered. */
    public record Draft(LocalDate countedOn, Integer capacity, Integer population, String source) {}

    /** The latest known capacity and population of a place, each from its own latest figure; null when unknown. */
    public record Latest(Figure capacity, Figure population) {
        public boolean known() {
            return capacity != null || population != null;
        }
    }

    /** The population a place is counted with for a year: its figure, the place's type and when it was counted. */
    public record Counted(long placeId, String locationType, int population, LocalDate countedOn) {}

    private final JdbcClient jdbc;
    private final Places places;
    private final AuditTrail audit;

    PlacePopulation(JdbcClient jdbc, Places places, AuditTrail audit) {
        this.jdbc = jdbc;
        this.places = places;
        this.audit = audit;
    }

    /** The figures of a place, latest first. */
    public List<Figure> of(long placeId) {
        places.get(placeId);
        return jdbc.sql("""
                SELECT id, place_id, counted_on, capacity, population, source FROM place_population
                WHERE place_id = :place ORDER BY counted_on DESC, id DESC
                """).param("place", placeId).query(PlacePopulation::row).list();
    }

    public Latest latest(long placeId) {
        return new Latest(latestWhere(placeId, "capacity"), latestWhere(placeId, "population"));
    }

    private Figure latestWhere(long placeId, String column) {
        return jdbc.sql("SELECT id, place_id, counted_on, capacity, population, source FROM place_population"
                        + " WHERE place_id = :place AND " + column + " IS NOT NULL ORDER BY counted_on DESC, id DESC LIMIT 1")
                .param("place", placeId).query(PlacePopulation::row).optional().orElse(null);
    }

    /**
     * The population of every place for a year, for rates per 10,000: each place's latest population figure counted
     * on or before the 31st of December of that year (its figure of that year, or else the nearest earlier one).
     * Places closed before the year began, and places without any such figure, are not listed.
     */
    public List<Counted> countedIn(int year) {
        return jdbc.sql("""
                SELECT DISTINCT ON (f.place_id) f.place_id, p.location_type, f.population, f.counted_on
                FROM place_population f JOIN place p ON p.id = f.place_id
                WHERE f.population IS NOT NULL AND f.counted_on <= make_date(:year, 12, 31)
                  AND (p.closed_on IS NULL OR p.closed_on >= make_date(:year, 1, 1))
                ORDER BY f.place_id, f.counted_on DESC, f.id DESC
                """).param("year", year)
                .query((rs, n) -> new Counted(rs.getLong("place_id"), rs.getString("location_type"), rs.getInt("population"),
                        rs.getObject("counted_on", LocalDate.class)))
                .list();
    }

    /** Records a figure (case workers); the same date and source twice is refused. */
    @Transactional
    public Figure record(long placeId, Draft draft) {
        places.requireCaseWorker();
        places.get(placeId);
        var values = checked(placeId, draft);
        long id = jdbc.sql("""
                INSERT INTO place_population (place_id, counted_on, capacity, population, source, recorded_by)
                VALUES (:place, :on, :capacity, :population, :source, :user)
                ON CONFLICT DO NOTHING RETURNING id
                """).params(values).param("place", placeId).param("user", CurrentUser.require().id())
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidInput("countedOn", "documentation.place.figure-recorded"));
        audit.record("place.population-recorded", "place", placeId, Map.of("countedOn", draft.countedOn().toString()));
        return of(placeId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    /** A figure of an import, checked already, for its place. */
    public record Imported(long placeId, Draft draft) {}

    /** Whether the place already has a figure of this date and source (the same figure, imported again). */
    public boolean recorded(long placeId, LocalDate countedOn, String source) {
        if (countedOn == null || source == null || source.isBlank()) return false;
        return jdbc.sql("""
                SELECT count(*) FROM place_population
                WHERE place_id = :place AND counted_on = :on AND lower(source) = lower(:source)
                """).param("place", placeId).param("on", countedOn).param("source", source.strip())
                .query(Long.class).single() > 0;
    }

    /**
     * Adds the figures of an import, checked already, inside the import's transaction (case workers); the import
     * audits them once with its counts. A figure recorded meanwhile (same place, date and source) is not added twice.
     */
    public int addImported(List<Imported> figures) {
        places.requireCaseWorker();
        long user = CurrentUser.require().id();
        int added = 0;
        for (var figure : figures) {
            var values = checked(figure.placeId(), figure.draft());
            added += jdbc.sql("""
                    INSERT INTO place_population (place_id, counted_on, capacity, population, source, recorded_by)
                    VALUES (:place, :on, :capacity, :population, :source, :user)
                    ON CONFLICT DO NOTHING
                    """).params(values).param("place", figure.placeId()).param("user", user).update();
        }
        return added;
    }

    /** What is wrong with a figure as the user fills the form, by the rules of {@link #record}; empty when none. */
    public List<InvalidInput.Violation> problems(long placeId, Draft draft) {
        places.get(placeId);
        return BrokenRules.of(() -> checked(placeId, draft));
    }

    private Map<String, Object> checked(long placeId, Draft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        rules.rule(() -> {
            if (draft.countedOn() == null) throw new InvalidInput("countedOn", "validation.required");
            if (draft.countedOn().isAfter(LocalDate.now())) throw new InvalidInput("countedOn", "documentation.date.future");
        });
        rules.rule(() -> {
            if (draft.capacity() != null && draft.capacity() < 0) {
                throw new InvalidInput("capacity", "documentation.place.not-negative");
            }
        });
        rules.rule(() -> {
            if (draft.population() != null && draft.population() < 0) {
                throw new InvalidInput("population", "documentation.place.not-negative");
            }
            if (draft.population() == null && draft.capacity() == null) {
                throw new InvalidInput("population", "documentation.place.figure-empty");
            }
        });
        String source = rules.value(() -> Texts.required(draft.source(), 300, "source"));
        rules.rule(() -> {
            if (draft.countedOn() != null && source != null && jdbc.sql("""
                    SELECT count(*) FROM place_population
                    WHERE place_id = :place AND counted_on = :on AND lower(source) = lower(:source)
                    """).param("place", placeId).param("on", draft.countedOn()).param("source", source)
                    .query(Long.class).single() > 0) {
                throw new InvalidInput("countedOn", "documentation.place.figure-recorded");
            }
        });
        values.put("on", draft.countedOn());
        values.put("capacity", draft.capacity());
        values.put("population", draft.population());
        values.put("source", source);
        rules.throwIfAny();
        return values;
    }

    private static Figure row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Figure(rs.getLong("id"), rs.getLong("place_id"), rs.getObject("counted_on", LocalDate.class),
                (Integer) rs.getObject("capacity"), (Integer) rs.getObject("population"), rs.getString("source"));
    }
}
