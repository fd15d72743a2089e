package org.aigaq.detention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.Places;
import org.aigaq.justice.SafeguardsAtPlaces;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places ranked by a score anyone can check: over the last {@code aigaq.watch-list.years} calendar years (this one
 * included), each kind of finding at the place counted and multiplied by its weight
 * ({@code aigaq.watch-list.weights.<component>}), the products added. The list shows every count, weight and product.
 * Counts hold only what the reader may see, as on the place's profile.
 */
@Service
public class WatchList {

    /** What is counted at a place, with its default weight. */
    public enum Component {
        DEATHS(10), SELF_HARM(3), ALLEGATIONS(2), SAFEGUARD_VIOLATIONS(1), OBSTRUCTIONS(2), REFUSED_VISITS(3), OPEN_RECOMMENDATIONS(1);

        private final int defaultWeight;

        Component(int defaultWeight) {
            this.defaultWeight = defaultWeight;
        }

        /** Its name in the settings: {@code aigaq.watch-list.weights.safeguard-violations}. */
        public String setting() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String messageKey() {
            return "detention.watch-list.component." + name();
        }
    }

    /** A place's line: its counts, the score and its rank (places with the same score share it). */
    public record Line(int rank, long placeId, String name, String officialCode, String region, String locationType,
                       Map<Component, Long> counts, long score) {
        public long count(Component component) {
            return counts.getOrDefault(component, 0L);
        }
    }

    /** The list with the period and the weights it was computed with. */
    public record Ranking(int years, LocalDate from, Map<Component, Integer> weights, List<Line> lines) {
        public int weight(Component component) {
            return weights.get(component);
        }
    }

    private final JdbcClient jdbc;
    private final Places places;
    private final SafeguardsAtPlaces safeguards;
    private final int years;
    private final Map<Component, Integer> weights = new EnumMap<>(Component.class);

    WatchList(JdbcClient jdbc, Places places, SafeguardsAtPlaces safeguards, Environment settings) {
        this.jdbc = jdbc;
        this.places = places;
        this.safeguards = safeguards;
        this.years = settings.getProperty("aigaq.watch-list.years", Integer.class, 3);
        if (years < 1 || years > 50) throw new IllegalStateException("aigaq.watch-list.years must be between 1 and 50, not " + years);
        for (Component c : Component.values()) {
            int weight = settings.getProperty("aigaq.watch-list.weights." + c.setting(), Integer.class, c.defaultWeight);
            if (weight < 0 || weight > 1000) throw new IllegalStateException("aigaq.watch-list.weights." + c.setting() + " must be 0 to 1000");
            weights.put(c, weight);
        }
    }

    /** The places with anything counted, highest score first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public Ranking ranking(int limit) {
        return ranking(limit, weights);
    }

    /** The same with other weights, to see what they would change. */
    @Transactional(readOnly = true)
    public Ranking ranking(int limit, Map<Component, Integer> weights) {
        var user = CurrentUser.require();
        LocalDate from = LocalDate.now().withDayOfYear(1).minusYears(years - 1);
        var counts = new HashMap<Long, Map<Component, Long>>();
        put(counts, Component.ALLEGATIONS, places.caseCounts(from));
        put(counts, Component.SAFEGUARD_VIOLATIONS, safeguards.byPlace(from));
        put(counts, Component.DEATHS, byPlace(CustodyRegisterAccess.bind(jdbc.sql("""
                SELECT d.place_id, count(*) FROM death_in_custody d WHERE d.death_date >= :from AND %s GROUP BY 1"""
                .formatted(CustodyRegisterAccess.visible("d")))).param("from", from)));
        put(counts, Component.SELF_HARM, byPlace(CustodyRegisterAccess.bind(jdbc.sql("""
                SELECT s.place_id, count(*) FROM self_harm_incident s WHERE s.incident_date >= :from AND %s GROUP BY 1"""
                .formatted(CustodyRegisterAccess.visible("s")))).param("from", from)));
        if (VisitAccess.mayList(user)) {
            put(counts, Component.OBSTRUCTIONS, byPlace(jdbc.sql("""
                    SELECT v.place_id, count(*) FROM visit_obstruction o JOIN visit v ON v.id = o.visit_id
                    WHERE o.occurred_on >= :from AND v.organisation_id = :o GROUP BY 1""").param("from", from).param("o", user.organisationId())));
            put(counts, Component.REFUSED_VISITS, byPlace(jdbc.sql("""
                    SELECT v.place_id, count(*) FROM visit v
                    WHERE (v.approval_decision = 'REFUSED' OR v.status = 'REFUSED')
                      AND coalesce(v.approval_decided_on, v.approval_requested_on, v.planned_from, v.created_at::date) >= :from
                      AND v.organisation_id = :o GROUP BY 1""").param("from", from).param("o", user.organisationId())));
            put(counts, Component.OPEN_RECOMMENDATIONS, byPlace(jdbc.sql("""
                    SELECT v.place_id, count(*) FROM monitors_recommendation r JOIN visit v ON v.id = r.visit_id
                    WHERE r.status IN ('NO_RESPONSE', 'NOT_IMPLEMENTED', 'PARTLY_IMPLEMENTED') AND r.made_on >= :from
                      AND r.organisation_id = :o GROUP BY 1""").param("from", from).param("o", user.organisationId())));
        }
        var lines = new ArrayList<Line>();
        var named = places.get(counts.keySet());
        for (var entry : counts.entrySet()) {
            Place place = named.get(entry.getKey());
            if (place == null) continue;
            long score = 0;
            for (var c : entry.getValue().entrySet()) score += c.getValue() * weights.get(c.getKey());
            lines.add(new Line(0, place.id(), place.name(), place.officialCode(), place.region(), place.locationType(),
                    entry.getValue(), score));
        }
        lines.sort(Comparator.comparingLong(Line::score).reversed().thenComparing(Line::name));
        var ranked = new ArrayList<Line>();
        for (int i = 0; i < lines.size() && i < limit; i++) {
            Line l = lines.get(i);
            int rank = i > 0 && ranked.get(i - 1).score() == l.score() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Line(rank, l.placeId(), l.name(), l.officialCode(), l.region(), l.locationType(), l.counts(), l.score()));
        }
        return new Ranking(years, from, new EnumMap<>(weights), ranked);
    }

    private static void put(Map<Long, Map<Component, Long>> counts, Component component, Map<Long, Long> byPlace) {
        byPlace.forEach((place, n) -> {
            if (n > 0) counts.computeIfAbsent(place, k -> new EnumMap<>(Component.class)).put(component, n);
        });
    }

    private static Map<Long, Long> byPlace(JdbcClient.StatementSpec statement) {
        var byPlace = new HashMap<Long, Long>();
        statement.query((rs, n) -> byPlace.put(rs.getLong(1), rs.getLong(2))).list();
        return byPlace;
    }
}
