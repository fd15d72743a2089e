package org.aigaq.detention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.Event;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of deaths in custody: who died (a documentation person, never a name here), where, when, of what
 * according to the authorities and according to the family or monitors, the autopsy, certificate, body, family, the
 * investigation and the person's earlier complaints. Reads of a record showing an identity, and every write, are audited.
 */
@Service
public class DeathsInCustody {

    static final String TABLE = "death_in_custody";

    /** What to list: each part optional; {@code placeIds} restricts to those places (a facility type's figure). */
    public record Filter(String officialCause, Integer year, Long placeId, List<Long> placeIds, boolean ours) {
        public static Filter none() {
            return new Filter(null, null, null, null, false);
        }
    }

    /** One line of the register's list: the person by pseudonym only, so that a list decrypts nothing. */
    public record Line(long id, String reference, String pseudonym, long placeId, FuzzyDate date, String officialCause,
                       String manner, Sharing sharing) {}

    /** A page of the register, newest first, and the id to continue after when there are more. */
    public record Page(List<Line> deaths, Long nextAfter) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CustodyRegisterAccess access;
    private final People people;
    private final Places places;
    private final Events events;
    private final Vocabularies vocabularies;

    DeathsInCustody(JdbcClient jdbc, AuditTrail audit, CustodyRegisterAccess access, People people, Places places,
                    Events events, Vocabularies vocabularies) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.people = people;
        this.places = places;
        this.events = events;
        this.vocabularies = vocabularies;
    }

    /** Records a death for the user's organisation. */
    @Transactional
    public DeathInCustody record(DeathDraft draft) {
        CustodyRegisterAccess.requireRecorder();
        var values = check(draft);
        long id = insert(values, draft.linkedEventIds());
        audit.record("death-in-custody.recorded", TABLE, id, summary(values, draft));
        return get(id);
    }

    /** Writes a death already checked, for the user's organisation; the caller audits (one entry per import). */
    long insert(Map<String, Object> values, List<Long> linkedEventIds) {
        var user = CurrentUser.require();
        long id = jdbc.sql("""
                INSERT INTO death_in_custody (organisation_id, sharing, person_id, place_id, death_date, death_precision,
                    official_cause, manner, official_account, alleged_cause, family_account, autopsy, autopsy_findings,
                    certificate_issued, certificate_cause, family_informed, family_informed_on, body_returned,
                    body_returned_on, body_condition, investigated_by, investigation_article, investigation_outcome,
                    investigation_notes, created_by)
                VALUES (:organisation, :sharing, :personId, :placeId, :deathDate, :deathPrecision, :officialCause, :manner,
                    :officialAccount, :allegedCause, :familyAccount, :autopsy, :autopsyFindings, :certificateIssued,
                    :certificateCause, :familyInformed, :familyInformedOn, :bodyReturned, :bodyReturnedOn, :bodyCondition,
                    :investigatedBy, :investigationArticle, :investigationOutcome, :investigationNotes, :createdBy)
                RETURNING id
                """).params(values).param("organisation", user.organisationId()).param("createdBy", user.id())
                .query(Long.class).single();
        link(id, linkedEventIds);
        return id;
    }

    /** Corrects a death of the user's organisation; the links to earlier events become those of the draft. */
    @Transactional
    public DeathInCustody change(long id, DeathDraft draft) {
        access.requireWrite(TABLE, id);
        var values = check(draft);
        jdbc.sql("""
                UPDATE death_in_custody SET sharing = :sharing, person_id = :personId, place_id = :placeId,
                    death_date = :deathDate, death_precision = :deathPrecision, official_cause = :officialCause,
                    manner = :manner, official_account = :officialAccount, alleged_cause = :allegedCause,
                    family_account = :familyAccount, autopsy = :autopsy, autopsy_findings = :autopsyFindings,
                    certificate_issued = :certificateIssued, certificate_cause = :certificateCause,
                    family_informed = :familyInformed, family_informed_on = :familyInformedOn,
                    body_returned = :bodyReturned, body_returned_on = :bodyReturnedOn, body_condition = :bodyCondition,
                    investigated_by = :investigatedBy, investigation_article = :investigationArticle,
                    investigation_outcome = :investigationOutcome, investigation_notes = :investigationNotes,
                    updated_at = now()
                WHERE id = :id
                """).params(values).param("id", id).update();
        // Links to events the user may not read are kept: the user could not see them, so did not remove them.
        var readable = events.readable(linkedIds(id)).stream().map(Event::id).toList();
        if (!readable.isEmpty()) {
            jdbc.sql("DELETE FROM death_in_custody_event WHERE death_id = :id AND event_id IN (:ids)")
                    .param("id", id).param("ids", readable).update();
        }
        link(id, draft.linkedEventIds());
        audit.record("death-in-custody.changed", TABLE, id, summary(values, draft));
        return get(id);
    }

    /** The death as the current user may see it; 404 (audited) when the user may not. */
    @Transactional
    public DeathInCustody get(long id) {
        var rights = access.requireRead(TABLE, id);
        var death = jdbc.sql("SELECT * FROM death_in_custody WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs, rights)).optional().orElseThrow(() -> new NoSuchRecord(TABLE, id));
        audit.recordRead(TABLE, id);
        return death;
    }

    /** The deaths the current user may read, newest first, {@code size} at a time after the id {@code after}. */
    public Page list(Filter filter, Long after, int size) {
        var sql = new StringBuilder("""
                SELECT d.id, d.place_id, d.death_date, d.death_precision, d.official_cause, d.manner, d.sharing,
                       d.person_id, d.organisation_id
                FROM death_in_custody d WHERE """).append(' ').append(CustodyFigures.condition("d", filter.ours()));
        var params = new LinkedHashMap<String, Object>();
        if (after != null) {
            sql.append(" AND d.id < :after");
            params.put("after", after);
        }
        if (filter.officialCause() != null && !filter.officialCause().isBlank()) {
            // "unknown" in a figure counts the deaths without a cause as well
            sql.append(filter.officialCause().equals("unknown")
                    ? " AND (d.official_cause = :cause OR d.official_cause IS NULL)" : " AND d.official_cause = :cause");
            params.put("cause", filter.officialCause());
        }
        if (filter.year() != null) {
            sql.append(" AND d.death_date >= :from AND d.death_date < :to");
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.placeId() != null) {
            sql.append(" AND d.place_id = :placeId");
            params.put("placeId", filter.placeId());
        }
        if (filter.placeIds() != null) {
            if (filter.placeIds().isEmpty()) return new Page(List.of(), null);
            sql.append(" AND d.place_id IN (:placeIds)");
            params.put("placeIds", filter.placeIds());
        }
        sql.append(" ORDER BY d.id DESC LIMIT :limit");
        params.put("limit", size + 1);
        var user = CurrentUser.require();
        var pseudonyms = new HashMap<Long, String>();
        var rows = CustodyRegisterAccess.bind(jdbc.sql(sql.toString()).params(params)).query((rs, n) -> {
            var rights = CustodyRegisterAccess.rights(user, rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")));
            Long person = rs.getObject("person_id", Long.class);
            String pseudonym = person == null || rights.anonymised() ? null
                    : pseudonyms.computeIfAbsent(person, p -> people.shownIn(p, false).pseudonym());
            return new Line(rs.getLong("id"), "D-" + rs.getLong("id"), pseudonym, rs.getLong("place_id"),
                    date(rs, "death_date", "death_precision"), rs.getString("official_cause"), rs.getString("manner"),
                    Sharing.valueOf(rs.getString("sharing")));
        }).list();
        if (rows.size() > size) {
            var page = rows.subList(0, size);
            return new Page(List.copyOf(page), page.getLast().id());
        }
        return new Page(rows, null);
    }

    /**
     * The person's earlier complaints and allegations that the user may read and that the death is not yet linked to,
     * proposed from the acts in which the person is the victim.
     */
    public List<DeathInCustody.LinkedEvent> proposedLinks(Long personId, List<Long> alreadyLinked) {
        if (personId == null) return List.of();
        return events.ofVictim(personId, 50).stream().filter(e -> alreadyLinked == null || !alreadyLinked.contains(e.id()))
                .map(DeathsInCustody::linked).toList();
    }

    /** What is wrong with a draft, by the same rules as {@link #record}; empty when it would be accepted. */
    public List<InvalidInput.Violation> problems(DeathDraft draft) {
        return BrokenRules.of(() -> check(draft));
    }

    private void link(long id, List<Long> eventIds) {
        for (Long event : eventIds) {
            jdbc.sql("INSERT INTO death_in_custody_event (death_id, event_id) VALUES (:id, :event) ON CONFLICT DO NOTHING")
                    .param("id", id).param("event", event).update();
        }
    }

    private List<Long> linkedIds(long id) {
        return jdbc.sql("SELECT event_id FROM death_in_custody_event WHERE death_id = :id ORDER BY event_id")
                .param("id", id).query(Long.class).list();
    }

    /** Every rule of a death, all checked at once, each naming its field; the values as stored. */
    Map<String, Object> check(DeathDraft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("sharing", draft.sharing().name());
        rules.rule(() -> CustodyRegisterAccess.requireSharingRight(draft.sharing()));
        values.put("personId", draft.personId());
        rules.rule(() -> people.requireOwn(draft.personId(), "personId"));
        values.put("placeId", draft.placeId());
        rules.rule(() -> requirePlace(draft.placeId(), "placeId"));
        FuzzyDate date = draft.date();
        rules.rule(() -> requireDate(date, "date"));
        values.put("deathDate", date == null ? null : date.date());
        values.put("deathPrecision", date == null || date.date() == null ? DatePrecision.UNKNOWN.name() : date.precision().name());
        values.put("officialCause", rules.value(() -> term("death-cause", draft.officialCause(), "officialCause")));
        values.put("manner", rules.value(() -> term("death-manner", draft.manner(), "manner")));
        values.put("officialAccount", rules.value(() -> text(draft.officialAccount(), 10000, "officialAccount")));
        values.put("allegedCause", rules.value(() -> term("death-cause", draft.allegedCause(), "allegedCause")));
        values.put("familyAccount", rules.value(() -> text(draft.familyAccount(), 10000, "familyAccount")));
        values.put("autopsy", rules.value(() -> term("autopsy", draft.autopsy(), "autopsy")));
        values.put("autopsyFindings", rules.value(() -> text(draft.autopsyFindings(), 10000, "autopsyFindings")));
        values.put("certificateIssued", draft.certificateIssued());
        values.put("certificateCause", rules.value(() -> {
            String cause = text(draft.certificateCause(), 500, "certificateCause");
            if (cause != null && Boolean.FALSE.equals(draft.certificateIssued())) {
                throw new InvalidInput("certificateCause", "detention.death.certificate-not-issued");
            }
            return cause;
        }));
        LocalDate deathDate = date == null ? null : date.date();
        values.put("familyInformed", informed(draft.familyInformed(), draft.familyInformedOn()));
        values.put("familyInformedOn", draft.familyInformedOn());
        rules.rule(() -> requireLater(draft.familyInformed(), draft.familyInformedOn(), deathDate, "familyInformedOn"));
        values.put("bodyReturned", informed(draft.bodyReturned(), draft.bodyReturnedOn()));
        values.put("bodyReturnedOn", draft.bodyReturnedOn());
        rules.rule(() -> requireLater(draft.bodyReturned(), draft.bodyReturnedOn(), deathDate, "bodyReturnedOn"));
        values.put("bodyCondition", rules.value(() -> text(draft.bodyCondition(), 2000, "bodyCondition")));
        values.put("investigatedBy", rules.value(() -> term("agency", draft.investigatedBy(), "investigatedBy")));
        values.put("investigationArticle", rules.value(() -> text(draft.investigationArticle(), 100, "investigationArticle")));
        values.put("investigationOutcome", rules.value(() -> term("investigation-outcome", draft.investigationOutcome(), "investigationOutcome")));
        values.put("investigationNotes", rules.value(() -> text(draft.investigationNotes(), 10000, "investigationNotes")));
        rules.rule(() -> {
            var readable = events.readable(draft.linkedEventIds());
            if (readable.size() != draft.linkedEventIds().size()) {
                throw new InvalidInput("linkedEventIds", "detention.death.event-unknown");
            }
        });
        rules.throwIfAny();
        return values;
    }

    /** A date given says that it happened, unless the user said it did not. */
    private static Boolean informed(Boolean said, LocalDate on) {
        return said == null && on != null ? Boolean.TRUE : said;
    }

    private static void requireLater(Boolean happened, LocalDate on, LocalDate death, String field) {
        if (on == null) return;
        if (Boolean.FALSE.equals(happened)) throw new InvalidInput(field, "detention.death.date-without-event");
        if (on.isAfter(LocalDate.now())) throw new InvalidInput(field, "documentation.date.future");
        if (death != null && on.isBefore(death)) throw new InvalidInput(field, "detention.death.before-death");
    }

    void requirePlace(Long placeId, String field) {
        if (placeId == null) throw new InvalidInput(field, "validation.required");
        try {
            places.get(placeId);
        } catch (NoSuchRecord unknown) {
            throw new InvalidInput(field, "documentation.place.unknown");
        }
    }

    /** The register counts deaths by year: at least the year must be known, and a death is not in the future. */
    static void requireDate(FuzzyDate date, String field) {
        if (date == null || date.date() == null) throw new InvalidInput(field, "detention.date.required");
        if (date.date().isAfter(LocalDate.now())) throw new InvalidInput(field, "documentation.date.future");
    }

    String term(String list, String code, String field) {
        if (code == null || code.isBlank()) return null;
        return vocabularies.require(list, code.strip(), field).code();
    }

    static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) return null;
        String stripped = value.strip();
        if (stripped.length() > max) throw new InvalidInput(field, "validation.too-long", max);
        return stripped;
    }

    private static Map<String, Object> summary(Map<String, Object> values, DeathDraft draft) {
        var summary = new LinkedHashMap<String, Object>();
        // Free-text accounts are not copied into the audit trail: it is read by administrators.
        for (String key : List.of("sharing", "personId", "placeId", "deathDate", "deathPrecision", "officialCause", "manner",
                "allegedCause", "autopsy", "investigatedBy", "investigationOutcome")) {
            if (values.get(key) != null) summary.put(key, String.valueOf(values.get(key)));
        }
        summary.put("linkedEvents", draft.linkedEventIds().size());
        return summary;
    }

    private DeathInCustody row(ResultSet rs, CustodyRegisterAccess.Rights rights) throws SQLException {
        long id = rs.getLong("id");
        Long personId = rs.getObject("person_id", Long.class);
        boolean open = !rights.anonymised();
        var person = personId == null || !open ? null : people.shownIn(personId, rights.identities());
        Place place = places.get(rs.getLong("place_id"));
        var linked = open ? events.readable(linkedIds(id)).stream().map(DeathsInCustody::linked).toList()
                : List.<DeathInCustody.LinkedEvent>of();
        return new DeathInCustody(id, rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")), person,
                place.id(), place.name(), date(rs, "death_date", "death_precision"), rs.getString("official_cause"),
                rs.getString("manner"), open ? rs.getString("official_account") : null, rs.getString("alleged_cause"),
                open ? rs.getString("family_account") : null, rs.getString("autopsy"),
                open ? rs.getString("autopsy_findings") : null, rs.getObject("certificate_issued", Boolean.class),
                rs.getString("certificate_cause"), rs.getObject("family_informed", Boolean.class),
                rs.getObject("family_informed_on", LocalDate.class), rs.getObject("body_returned", Boolean.class),
                rs.getObject("body_returned_on", LocalDate.class), open ? rs.getString("body_condition") : null,
                rs.getString("investigated_by"), rs.getString("investigation_article"),
                rs.getString("investigation_outcome"), open ? rs.getString("investigation_notes") : null, linked,
                rights.write(), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static DeathInCustody.LinkedEvent linked(Event e) {
        return new DeathInCustody.LinkedEvent(e.id(), e.recordNumber(), e.title(), e.initial());
    }

    static FuzzyDate date(ResultSet rs, String column, String precision) throws SQLException {
        return new FuzzyDate(rs.getObject(column, LocalDate.class), DatePrecision.valueOf(rs.getString(precision)));
    }

    static List<Long> ids(List<DeathInCustody.LinkedEvent> events) {
        var ids = new ArrayList<Long>();
        events.forEach(e -> ids.add(e.id()));
        return ids;
    }
}
