package org.aigaq.justice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aigaq.documentation.CaseAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custodial safeguards violated at places of detention, for the places' profiles and the watch list: the
 * violations found in the detention episodes held at a place (the episode's place), counted by the year of the
 * episode's first moment, over the episodes of cases the reader may see.
 */
@Service
public class SafeguardsAtPlaces {

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    SafeguardsAtPlaces(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** Violations at the place by year (in the episode's jurisdiction's zone), oldest year first. */
    @Transactional(readOnly = true)
    public Map<Integer, Long> byYear(long placeId) {
        var byYear = new TreeMap<Integer, Long>();
        for (var episode : episodes("e.place_id = :place", Map.of("place", placeId), null)) {
            count(episode).ifPresent(c -> byYear.merge(c.year(), c.violations(), Long::sum));
        }
        return byYear;
    }

    /** Violations by place in episodes whose first moment is on or after {@code from}. */
    @Transactional(readOnly = true)
    public Map<Long, Long> byPlace(LocalDate from) {
        var byPlace = new HashMap<Long, Long>();
        // a day early, so that an episode begun late on the eve in UTC but on the day in its own zone is read; the
        // exact cut is made in the episode's zone below
        var condition = "e.place_id IS NOT NULL AND (SELECT min(first.at) FROM detention_moment first WHERE first.episode_id = e.id) >= :since";
        for (var episode : episodes(condition, Map.of("since", java.sql.Timestamp.valueOf(from.minusDays(1).atStartOfDay())), from)) {
            count(episode).ifPresent(c -> byPlace.merge(episode.placeId(), c.violations(), Long::sum));
        }
        return byPlace;
    }

    private record Counted(int year, long violations) {}

    private java.util.Optional<Counted> count(Episode episode) {
        if (episode.moments().isEmpty()) return java.util.Optional.empty();
        Jurisdiction jurisdiction = jurisdictions.get(episode.jurisdiction());
        long violated = SafeguardRules.check(episode, jurisdiction).stream().filter(SafeguardCheck::violated).count();
        ZoneId zone = jurisdiction.zone();
        int year = episode.moments().getFirst().at().atZone(zone).getYear();
        return java.util.Optional.of(new Counted(year, violated));
    }

    private List<Episode> episodes(String condition, Map<String, Object> parameters, LocalDate from) {
        var moments = new HashMap<Long, List<Moment>>();
        var statement = CaseAccess.bind(jdbc.sql("""
                SELECT m.* FROM detention_moment m JOIN detention_episode e ON e.id = m.episode_id JOIN event v ON v.id = e.event_id
                WHERE %s AND %s ORDER BY m.at, m.id""".formatted(condition, CaseAccess.visibleEvents("v"))));
        for (var p : parameters.entrySet()) statement = statement.param(p.getKey(), p.getValue());
        statement.query(DetentionEpisodes::moment).list().forEach(m -> moments.computeIfAbsent(m.episodeId(), k -> new ArrayList<>()).add(m));
        var episodes = CaseAccess.bind(jdbc.sql("""
                SELECT e.*, '' AS recorder FROM detention_episode e JOIN event v ON v.id = e.event_id
                WHERE %s AND %s ORDER BY e.id""".formatted(condition, CaseAccess.visibleEvents("v"))));
        for (var p : parameters.entrySet()) episodes = episodes.param(p.getKey(), p.getValue());
        var all = episodes.query((rs, n) -> DetentionEpisodes.episode(rs, moments.getOrDefault(rs.getLong("id"), List.of()))).list();
        if (from == null) return all;
        return all.stream().filter(e -> !e.moments().isEmpty()
                && !e.moments().getFirst().at().atZone(jurisdictions.get(e.jurisdiction()).zone()).toLocalDate().isBefore(from)).toList();
    }
}
