package org.aigaq.justice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.documentation.Places;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Detention episodes of an allegation and their moments, and the safeguard violations computed from them
 * ({@link SafeguardRules}). A moment is entered as a local date-time in a zone (the jurisdiction's by default) and
 * stored as an instant, so that delays across zones are exact. Access follows {@link CaseAccess} for the allegation.
 */
@Service
public class DetentionEpisodes {

    /** An episode with what its safeguards show. */
    public record Audited(Episode episode, List<SafeguardCheck> checks) {
        public long violations() {
            return checks.stream().filter(SafeguardCheck::violated).count();
        }

        public SafeguardCheck check(String rule) {
            return checks.stream().filter(c -> c.rule().equals(rule)).findFirst().orElse(null);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final Acts acts;
    private final Places places;
    private final Jurisdictions jurisdictions;
    private final TransactionTemplate separately;
    private final AttritionSummaries summaries;

    DetentionEpisodes(JdbcClient jdbc, AuditTrail audit, CaseAccess access, Acts acts, Places places,
                      Jurisdictions jurisdictions, PlatformTransactionManager transactions, AttritionSummaries summaries) {
        this.summaries = summaries;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.acts = acts;
        this.places = places;
        this.jurisdictions = jurisdictions;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an episode of the allegation {@code eventId}, in a jurisdiction (the default when none is given). */
    @Transactional
    public Audited add(long eventId, String jurisdictionCode, EpisodeDraft draft) {
        access.requireWrite(eventId);
        var rules = new BrokenRules();
        Jurisdiction jurisdiction = rules.value(() -> jurisdictions.get(jurisdictionCode));
        rules.rule(() -> actOf(eventId, draft.actId()));
        rules.rule(() -> place("placeId", draft.placeId()));
        rules.rule(() -> { if (draft.notes() != null && draft.notes().strip().length() > 5000) throw new InvalidInput("notes", "validation.too-long", 5000); });
        rules.throwIfAny();
        long id = jdbc.sql("""
                INSERT INTO detention_episode (event_id, act_id, place_id, jurisdiction, notes, recorded_by)
                VALUES (:e, :a, :p, :j, :n, :by) RETURNING id""").param("e", eventId).param("a", draft.actId())
                .param("p", draft.placeId()).param("j", jurisdiction.code()).param("n", blankToNull(draft.notes()))
                .param("by", CurrentUser.require().id()).query(Long.class).single();
        audit.record("justice.episode.recorded", "detention_episode", id, Map.of("event", eventId));
        summaries.refresh(List.of(eventId));
        return audited(find(id), true);
    }

    /** Records a moment of an episode; the local time is read in its zone (the jurisdiction's when none is given). */
    @Transactional
    public Audited addMoment(long episodeId, MomentDraft draft) {
        Episode episode = find(episodeId);
        access.requireWrite(episode.eventId());
        Jurisdiction jurisdiction = jurisdictions.get(episode.jurisdiction());
        var rules = new BrokenRules();
        rules.rule(() -> { if (draft.kind() == null) throw new InvalidInput("kind", "validation.required"); });
        rules.rule(() -> { if (draft.localTime() == null) throw new InvalidInput("localTime", "validation.required"); });
        ZoneId zone = rules.value(() -> zone(draft.zone(), jurisdiction));
        rules.rule(() -> place("placeId", draft.placeId()));
        rules.rule(() -> {
            if (draft.lawyerKind() != null && !draft.lawyerKind().isBlank() && !Choices.of("lawyerKind", null).contains(draft.lawyerKind())) {
                throw new InvalidInput("lawyerKind", "justice.choice.invalid", draft.lawyerKind());
            }
        });
        rules.rule(() -> { if (draft.placeDescription() != null && draft.placeDescription().strip().length() > 300) throw new InvalidInput("placeDescription", "validation.too-long", 300); });
        rules.rule(() -> { if (draft.notes() != null && draft.notes().strip().length() > 2000) throw new InvalidInput("notes", "validation.too-long", 2000); });
        rules.throwIfAny();
        Instant at = draft.localTime().atZone(zone).toInstant();
        if (at.isAfter(Instant.now().plusSeconds(3600))) throw new InvalidInput("localTime", "justice.date.future");
        MomentKind kind = draft.kind();
        boolean interrogation = kind == MomentKind.INTERROGATION;
        boolean lawyer = kind == MomentKind.LAWYER_CONTACT;
        long id = jdbc.sql("""
                INSERT INTO detention_moment (episode_id, kind, at, zone, place_id, place_description, registered_place,
                    recorded_media, lawyer_kind, lawyer_present, injuries_recorded, notes, recorded_by)
                VALUES (:ep, :kind, :at, :zone, :place, :description, :registered, :media, :lawyerKind, :present, :injuries,
                    :notes, :by) RETURNING id""")
                .param("ep", episodeId).param("kind", kind.name()).param("at", java.sql.Timestamp.from(at))
                .param("zone", zone.getId()).param("place", draft.placeId()).param("description", blankToNull(draft.placeDescription()))
                .param("registered", interrogation || kind == MomentKind.TRANSFER ? draft.registeredPlace() : null)
                .param("media", interrogation ? draft.recordedMedia() : null)
                .param("lawyerKind", lawyer ? blankToNull(draft.lawyerKind()) : null)
                .param("present", lawyer ? draft.lawyerPresent() : null)
                .param("injuries", kind == MomentKind.MEDICAL_EXAMINATION ? draft.injuriesRecorded() : null)
                .param("notes", blankToNull(draft.notes())).param("by", CurrentUser.require().id()).query(Long.class).single();
        audit.record("justice.moment.recorded", "detention_moment", id, Map.of("episode", episodeId, "kind", kind.name()));
        summaries.refresh(List.of(episode.eventId()));
        return audited(find(episodeId), true);
    }

    /** The episodes of an allegation with their safeguard checks, for a user who may read it (else "not found"). */
    @Transactional
    public List<Audited> of(long eventId) {
        var rights = access.requireRead(eventId);
        var episodes = jdbc.sql("SELECT e.*, u.display_name AS recorder FROM detention_episode e JOIN app_user u ON u.id = e.recorded_by WHERE e.event_id = :e ORDER BY e.id").param("e", eventId)
                .query((rs, n) -> episode(rs, List.of())).list();
        var moments = moments(episodes.stream().map(Episode::id).toList());
        var result = new ArrayList<Audited>();
        for (Episode e : episodes) {
            audit.recordRead("detention_episode", e.id());
            result.add(audited(withMoments(e, moments.getOrDefault(e.id(), List.of())), rights.identities()));
        }
        return result;
    }

    /** One episode, for a user who may read its allegation (else "not found", audited); the read is audited. */
    @Transactional
    public Audited get(long episodeId) {
        Episode episode = find(episodeId);
        var rights = access.requireRead(episode.eventId());
        audit.recordRead("detention_episode", episodeId);
        return audited(episode, rights.identities());
    }

    private Audited audited(Episode episode, boolean notes) {
        Episode shown = notes ? episode : new Episode(episode.id(), episode.eventId(), episode.actId(), episode.placeId(),
                episode.jurisdiction(), null, episode.moments().stream().map(m -> new Moment(m.id(), m.episodeId(), m.kind(),
                m.at(), m.zone(), m.placeId(), m.placeDescription(), m.registeredPlace(), m.recordedMedia(), m.lawyerKind(),
                m.lawyerPresent(), m.injuriesRecorded(), null)).toList(), episode.recordedBy(), episode.recordedAt());
        return new Audited(shown, SafeguardRules.check(episode, jurisdictions.get(episode.jurisdiction())));
    }

    private Episode find(long episodeId) {
        var episode = jdbc.sql("SELECT e.*, u.display_name AS recorder FROM detention_episode e JOIN app_user u ON u.id = e.recorded_by WHERE e.id = :id")
                .param("id", episodeId).query((rs, n) -> episode(rs, List.of())).optional();
        if (episode.isEmpty()) {
            separately.executeWithoutResult(s -> audit.record("access.refused", "detention_episode", episodeId, Map.of("wanted", "read")));
            throw new NoSuchRecord("detention_episode", episodeId);
        }
        return withMoments(episode.get(), moments(List.of(episodeId)).getOrDefault(episodeId, List.of()));
    }

    private Map<Long, List<Moment>> moments(List<Long> episodes) {
        var byEpisode = new LinkedHashMap<Long, List<Moment>>();
        if (episodes.isEmpty()) return byEpisode;
        jdbc.sql("SELECT * FROM detention_moment WHERE episode_id IN (:ids) ORDER BY at, id").param("ids", episodes)
                .query(DetentionEpisodes::moment).list()
                .forEach(m -> byEpisode.computeIfAbsent(m.episodeId(), k -> new ArrayList<>()).add(m));
        return byEpisode;
    }

    private static Episode withMoments(Episode e, List<Moment> moments) {
        return new Episode(e.id(), e.eventId(), e.actId(), e.placeId(), e.jurisdiction(), e.notes(), moments, e.recordedBy(), e.recordedAt());
    }

    private void actOf(long eventId, Long actId) {
        if (actId == null) return;
        try {
            if (acts.eventOf(actId) == eventId) return;
        } catch (NoSuchRecord e) {
            // falls through: an act that does not exist is not one of this case's either
        }
        throw new InvalidInput("actId", "justice.act.not-of-case");
    }

    private void place(String field, Long placeId) {
        if (placeId == null) return;
        try {
            places.get(placeId);
        } catch (NoSuchRecord e) {
            throw new InvalidInput(field, "justice.place.unknown");
        }
    }

    private static ZoneId zone(String zone, Jurisdiction jurisdiction) {
        if (zone == null || zone.isBlank()) return jurisdiction.zone();
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput("zone", "justice.zone.unknown", zone);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Episode episode(ResultSet rs, List<Moment> moments) throws SQLException {
        return new Episode(rs.getLong("id"), rs.getLong("event_id"), (Long) rs.getObject("act_id"), (Long) rs.getObject("place_id"),
                rs.getString("jurisdiction"), rs.getString("notes"), moments, rs.getString("recorder"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    static Moment moment(ResultSet rs, int n) throws SQLException {
        return new Moment(rs.getLong("id"), rs.getLong("episode_id"), MomentKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("at").toInstant(), ZoneId.of(rs.getString("zone")), (Long) rs.getObject("place_id"),
                rs.getString("place_description"), (Boolean) rs.getObject("registered_place"), (Boolean) rs.getObject("recorded_media"),
                rs.getString("lawyer_kind"), (Boolean) rs.getObject("lawyer_present"), (Boolean) rs.getObject("injuries_recorded"),
                rs.getString("notes"));
    }
}
