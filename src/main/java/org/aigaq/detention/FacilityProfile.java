package org.aigaq.detention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.PlacePopulation;
import org.aigaq.documentation.Places;
import org.aigaq.justice.SafeguardsAtPlaces;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A place of detention on one page: by year, the allegations recorded there, deaths and self-harm, visits with their
 * obstructions and refusals, safeguard violations and, where the population is known, the rates per 10,000 detainees;
 * then the latest visits and the recommendations still open. Each part holds only what the reader may see: cases by
 * their sharing, deaths and self-harm by theirs, visits and recommendations of the reader's own organisation.
 */
@Service
public class FacilityProfile {

    /** One year at the place; a rate is null where no population figure is known for the year. */
    public record Year(int year, long allegations, long deaths, long selfHarmIncidents, long selfHarmPeople, long visits,
                       long obstructions, long refusedVisits, long safeguardViolations, Integer population,
                       LocalDate populationCountedOn, BigDecimal allegationsRate, BigDecimal deathsRate, BigDecimal selfHarmRate) {}

    /** A visit of the place, with its obstructions. */
    public record VisitLine(long id, LocalDate date, String body, String visitType, VisitStatus status, long obstructions) {}

    /** A recommendation made after a visit of the place and not implemented (or not answered). */
    public record OpenRecommendation(long id, String authority, String text, LocalDate madeOn, LocalDate responseDueOn,
                                     FollowUpStatus status, boolean overdue) {}

    /** The profile; {@code monitoring} says whether the reader may see the organisation's visits and recommendations. */
    public record Profile(long placeId, String placeName, List<Year> years, boolean monitoring, List<VisitLine> visits,
                          List<OpenRecommendation> openRecommendations) {}

    private final JdbcClient jdbc;
    private final Places places;
    private final PlacePopulation population;
    private final SafeguardsAtPlaces safeguards;

    FacilityProfile(JdbcClient jdbc, Places places, PlacePopulation population, SafeguardsAtPlaces safeguards) {
        this.jdbc = jdbc;
        this.places = places;
        this.population = population;
        this.safeguards = safeguards;
    }

    @Transactional(readOnly = true)
    public Profile of(long placeId) {
        Place place = places.get(placeId);
        var user = CurrentUser.require();
        boolean monitoring = VisitAccess.mayList(user);
        Map<Integer, Long> allegations = places.casesByYear(placeId);
        Map<Integer, long[]> deaths = perYear(CustodyRegisterAccess.bind(jdbc.sql("""
                SELECT extract(year FROM d.death_date)::int AS year, count(*), 0 FROM death_in_custody d
                WHERE d.place_id = :place AND d.death_date IS NOT NULL AND %s GROUP BY 1""".formatted(CustodyRegisterAccess.visible("d"))))
                .param("place", placeId));
        Map<Integer, long[]> selfHarm = perYear(CustodyRegisterAccess.bind(jdbc.sql("""
                SELECT extract(year FROM s.incident_date)::int AS year, count(*), sum(s.people) FROM self_harm_incident s
                WHERE s.place_id = :place AND s.incident_date IS NOT NULL AND %s GROUP BY 1""".formatted(CustodyRegisterAccess.visible("s"))))
                .param("place", placeId));
        Map<Integer, long[]> visits = monitoring ? perYear(jdbc.sql("""
                SELECT extract(year FROM coalesce(v.started_on, v.planned_from))::int AS year,
                       count(*), count(*) FILTER (WHERE v.approval_decision = 'REFUSED' OR v.status = 'REFUSED'),
                       coalesce(sum((SELECT count(*) FROM visit_obstruction o WHERE o.visit_id = v.id)), 0)
                FROM visit v WHERE v.place_id = :place AND v.organisation_id = :o
                  AND coalesce(v.started_on, v.planned_from) IS NOT NULL GROUP BY 1""")
                .param("place", placeId).param("o", user.organisationId())) : Map.of();
        Map<Integer, Long> violations = safeguards.byYear(placeId);
        var years = new TreeSet<Integer>(java.util.Comparator.reverseOrder());
        years.addAll(allegations.keySet());
        years.addAll(deaths.keySet());
        years.addAll(selfHarm.keySet());
        years.addAll(visits.keySet());
        years.addAll(violations.keySet());
        var figures = population.of(placeId);
        var rows = years.stream().map(y -> {
            var counted = populationOf(figures, y);
            Integer people = counted == null ? null : counted.population();
            long cases = allegations.getOrDefault(y, 0L);
            long died = deaths.getOrDefault(y, new long[3])[0];
            long harmed = selfHarm.getOrDefault(y, new long[3])[0];
            long[] v = visits.getOrDefault(y, new long[3]);
            return new Year(y, cases, died, harmed, selfHarm.getOrDefault(y, new long[3])[1], v[0], v[2], v[1],
                    violations.getOrDefault(y, 0L), people, counted == null ? null : counted.countedOn(),
                    rate(cases, people), rate(died, people), rate(harmed, people));
        }).toList();
        List<VisitLine> latest = monitoring ? jdbc.sql("""
                SELECT v.id, coalesce(v.started_on, v.planned_from, v.approval_requested_on) AS date, v.body, v.visit_type, v.status,
                       (SELECT count(*) FROM visit_obstruction o WHERE o.visit_id = v.id) AS obstructions
                FROM visit v WHERE v.place_id = :place AND v.organisation_id = :o ORDER BY v.id DESC LIMIT 20""")
                .param("place", placeId).param("o", user.organisationId())
                .query((rs, n) -> new VisitLine(rs.getLong("id"), rs.getObject("date", LocalDate.class), rs.getString("body"),
                        rs.getString("visit_type"), VisitStatus.valueOf(rs.getString("status")), rs.getLong("obstructions"))).list() : List.of();
        List<OpenRecommendation> open = monitoring ? jdbc.sql("""
                SELECT r.id, r.authority, r.text, r.made_on, r.response_due_on, r.status FROM monitors_recommendation r
                JOIN visit v ON v.id = r.visit_id
                WHERE v.place_id = :place AND r.organisation_id = :o AND r.status IN ('NO_RESPONSE', 'NOT_IMPLEMENTED', 'PARTLY_IMPLEMENTED')
                ORDER BY r.response_due_on NULLS LAST, r.id""").param("place", placeId).param("o", user.organisationId())
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("response_due_on", LocalDate.class);
                    FollowUpStatus status = FollowUpStatus.valueOf(rs.getString("status"));
                    return new OpenRecommendation(rs.getLong("id"), rs.getString("authority"), rs.getString("text"),
                            rs.getObject("made_on", LocalDate.class), due, status,
                            status == FollowUpStatus.NO_RESPONSE && due != null && due.isBefore(LocalDate.now()));
                }).list() : List.of();
        return new Profile(placeId, place.name(), rows, monitoring, latest, open);
    }

    /**
     * The figure of the year (the latest of them), else the latest earlier one, else none: the rule of the custody
     * figures' rates, so that a place's rate is the same number on both pages.
     */
    static PlacePopulation.Figure populationOf(List<PlacePopulation.Figure> figures, int year) {
        PlacePopulation.Figure best = null;
        for (var f : figures) {
            if (f.population() == null || f.countedOn().getYear() > year) continue;
            if (best == null || f.countedOn().isAfter(best.countedOn())) best = f;
        }
        return best;
    }

    /** Per 10,000 detainees, one decimal, rounded half up; none without a population. */
    static BigDecimal rate(long count, Integer population) {
        if (population == null || population <= 0) return null;
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(10_000)).divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP);
    }

    private static Map<Integer, long[]> perYear(JdbcClient.StatementSpec statement) {
        var byYear = new TreeMap<Integer, long[]>();
        statement.query((rs, n) -> {
            int columns = rs.getMetaData().getColumnCount();
            long[] values = new long[3];
            for (int i = 2; i <= columns && i - 2 < 3; i++) values[i - 2] = rs.getLong(i);
            return byYear.put(rs.getInt(1), values);
        }).list();
        return byYear;
    }
}
