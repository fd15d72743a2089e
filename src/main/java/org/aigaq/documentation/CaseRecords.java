package org.aigaq.documentation;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records that hang on an event besides its acts: perpetrators' involvements, sources, interventions, the people
 * in it (witnesses, relatives, lawyers) and its links to other events.
 */
@Service
public class CaseRecords {

    /** What a user enters for a perpetrator's involvement in an act. */
    public record InvolvementDraft(Long perpetratorId, String perpetratorType, String agency, String unit,
                                   String rankRole, String perpetratorName, String degree, String latestStatus) {}

    /** What a user enters for a source of information. */
    public record InformationDraft(Long sourcePersonId, String connection, String sourceType, String reliability,
                                   LocalDate dateReceived, String summary) {}

    /** What a user enters for an intervention. */
    public record InterventionDraft(String interventionType, String interveningParty, FuzzyDate date,
                                    String partiesRequested, String response, String impact, String status,
                                    String priority) {}

    /** The roles a person can have in an event other than victim of an act. */
    public enum PersonRole { WITNESS, RELATIVE, LAWYER, SOURCE, OTHER }

    /** A person in an event with a role. */
    public record EventPerson(long personId, PersonRole role, String note) {}

    /** A link between two events (either direction), with the other event's number and title. */
    public record EventLink(long fromEventId, long toEventId, String otherRecordNumber, String otherTitle, String relationship,
                            String note) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final Terms terms;
    private final People people;
    private final Acts acts;
    private final ApplicationEventPublisher changes;

    CaseRecords(JdbcClient jdbc, AuditTrail audit, CaseAccess access, Terms terms, People people, Acts acts,
                ApplicationEventPublisher changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.terms = terms;
        this.people = people;
        this.acts = acts;
    }

    @Transactional
    public Involvement addInvolvement(long actId, InvolvementDraft draft) {
        long eventId = acts.eventOf(actId);
        access.requireWrite(eventId);
        var values = checkInvolvement(eventId, draft);
        long id = jdbc.sql("""
                INSERT INTO involvement (act_id, perpetrator_id, perpetrator_type, agency, unit, rank_role,
                                         perpetrator_name, degree, latest_status)
                VALUES (:act, :perpetratorId, :perpetratorType, :agency, :unit, :rankRole, :perpetratorName, :degree,
                        :latestStatus) RETURNING id
                """).param("act", actId).params(values).query(Long.class).single();
        audit.record("involvement.recorded", "involvement", id, Map.of("act", actId, "event", eventId));
        changes.publishEvent(CasesChanged.of(eventId));
        return involvements(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /**
     * What is wrong with an involvement in the act {@code actId} as the user fills the form, by the same rules as
     * {@link #addInvolvement}; empty when it would be accepted. Only a user who may write the case learns anything.
     */
    public List<InvalidInput.Violation> involvementProblems(long actId, InvolvementDraft draft) {
        long eventId = acts.eventOf(actId);
        access.requireWrite(eventId);
        return BrokenRules.of(() -> checkInvolvement(eventId, draft));
    }

    private Map<String, Object> checkInvolvement(long eventId, InvolvementDraft draft) {
        var rules = new BrokenRules();
        rules.rule(() -> people.requireUsable(draft.perpetratorId(), eventId, "perpetratorId"));
        var values = rules.value(() -> involvementValues(draft, terms));
        rules.throwIfAny();
        return values;
    }

    /** The involvement's values as stored, or every rule it breaks; for imports as well. */
    static Map<String, Object> involvementValues(InvolvementDraft draft, Terms terms) {
        var rules = new BrokenRules();
        String degree = rules.value(() -> {
            String code = terms.code("involvement-degree", draft.degree(), "degree");
            if (code == null) throw new InvalidInput("degree", "validation.required");
            return code;
        });
        var values = new java.util.HashMap<String, Object>();
        values.put("perpetratorId", draft.perpetratorId());
        values.put("perpetratorType", rules.value(() -> terms.code("perpetrator-type", draft.perpetratorType(), "perpetratorType")));
        values.put("agency", rules.value(() -> terms.code("agency", draft.agency(), "agency")));
        values.put("unit", rules.value(() -> Texts.optional(draft.unit(), 200, "unit")));
        values.put("rankRole", rules.value(() -> Texts.optional(draft.rankRole(), 200, "rankRole")));
        values.put("perpetratorName", rules.value(() -> Texts.optional(draft.perpetratorName(), 300, "perpetratorName")));
        values.put("degree", degree);
        values.put("latestStatus", rules.value(() -> terms.code("perpetrator-status", draft.latestStatus(), "latestStatus")));
        rules.throwIfAny();
        return values;
    }

    @Transactional
    public Information addInformation(long eventId, InformationDraft draft) {
        access.requireWrite(eventId);
        long id = jdbc.sql("""
                INSERT INTO information (event_id, source_person_id, connection, source_type, reliability, date_received, summary)
                VALUES (:event, :source, :connection, :type, :reliability, :received, :summary) RETURNING id
                """).param("event", eventId).params(informationValues(eventId, draft)).query(Long.class).single();
        audit.record("information.recorded", "information", id, Map.of("event", eventId));
        changes.publishEvent(CasesChanged.of(eventId));
        return information(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public Information changeInformation(long id, InformationDraft draft) {
        long eventId = owner("information", "event_id", id);
        access.requireWrite(eventId);
        jdbc.sql("""
                UPDATE information SET source_person_id = :source, connection = :connection, source_type = :type,
                    reliability = :reliability, date_received = :received, summary = :summary WHERE id = :id
                """).params(informationValues(eventId, draft)).param("id", id).update();
        audit.record("information.changed", "information", id, Map.of("event", eventId));
        changes.publishEvent(CasesChanged.of(eventId));
        return information(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /**
     * What is wrong with information about the case {@code eventId} as the user fills the form, by the same rules as
     * {@link #addInformation}; empty when it would be accepted. Only a user who may write the case learns anything.
     */
    public List<InvalidInput.Violation> informationProblems(long eventId, InformationDraft draft) {
        access.requireWrite(eventId);
        return BrokenRules.of(() -> informationValues(eventId, draft));
    }

    private Map<String, Object> informationValues(long eventId, InformationDraft draft) {
        people.requireUsable(draft.sourcePersonId(), eventId, "sourcePersonId");
        return informationValues(draft, terms);
    }

    /** The source's values as stored (its person is the caller's to check), or every rule broken; for imports too. */
    static Map<String, Object> informationValues(InformationDraft draft, Terms terms) {
        var rules = new BrokenRules();
        var values = new java.util.HashMap<String, Object>();
        values.put("source", draft.sourcePersonId());
        values.put("connection", rules.value(() -> terms.code("source-connection", draft.connection(), "connection")));
        values.put("type", rules.value(() -> terms.code("source-type", draft.sourceType(), "sourceType")));
        values.put("reliability", rules.value(() -> terms.code("reliability", draft.reliability(), "reliability")));
        values.put("received", draft.dateReceived());
        values.put("summary", rules.value(() -> Texts.optional(draft.summary(), 20000, "summary")));
        rules.throwIfAny();
        return values;
    }

    @Transactional
    public Intervention addIntervention(long eventId, InterventionDraft draft) {
        access.requireWrite(eventId);
        var values = interventionValues(draft);
        long id = jdbc.sql("""
                INSERT INTO intervention (event_id, intervention_type, intervening_party, date, date_precision,
                    parties_requested, response, impact, status, priority)
                VALUES (:event, :type, :party, :date, :precision, :requested, :response, :impact, :status, :priority)
                RETURNING id
                """).param("event", eventId).params(values).query(Long.class).single();
        audit.record("intervention.recorded", "intervention", id, Map.of("event", eventId, "type", values.get("type")));
        changes.publishEvent(CasesChanged.of(eventId));
        return interventions(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public Intervention changeIntervention(long id, InterventionDraft draft) {
        long eventId = owner("intervention", "event_id", id);
        access.requireWrite(eventId);
        jdbc.sql("""
                UPDATE intervention SET intervention_type = :type, intervening_party = :party, date = :date,
                    date_precision = :precision, parties_requested = :requested, response = :response, impact = :impact,
                    status = :status, priority = :priority WHERE id = :id
                """).params(interventionValues(draft)).param("id", id).update();
        audit.record("intervention.changed", "intervention", id, Map.of("event", eventId));
        changes.publishEvent(CasesChanged.of(eventId));
        return interventions(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /**
     * What is wrong with an intervention in the case {@code eventId} as the user fills the form, by the same rules as
     * {@link #addIntervention}; empty when it would be accepted. Only a user who may write the case learns anything.
     */
    public List<InvalidInput.Violation> interventionProblems(long eventId, InterventionDraft draft) {
        access.requireWrite(eventId);
        return BrokenRules.of(() -> interventionValues(draft));
    }

    private Map<String, Object> interventionValues(InterventionDraft draft) {
        return interventionValues(draft, terms);
    }

    /** The intervention's values as stored, or every rule they break; for imports as well. */
    static Map<String, Object> interventionValues(InterventionDraft draft, Terms terms) {
        var rules = new BrokenRules();
        String type = rules.value(() -> {
            String code = terms.code("intervention-type", draft.interventionType(), "interventionType");
            if (code == null) throw new InvalidInput("interventionType", "validation.required");
            return code;
        });
        String priority = draft.priority() == null || draft.priority().isBlank() ? null : draft.priority().strip().toUpperCase();
        rules.rule(() -> {
            if (priority != null && !List.of("LOW", "MEDIUM", "HIGH").contains(priority)) {
                throw new InvalidInput("priority", "validation.invalid");
            }
        });
        FuzzyDate date = draft.date() == null ? FuzzyDate.unknown() : draft.date();
        var values = new java.util.HashMap<String, Object>();
        values.put("type", type);
        values.put("party", rules.value(() -> Texts.optional(draft.interveningParty(), 300, "interveningParty")));
        values.put("date", date.date());
        values.put("precision", date.precision().name());
        values.put("requested", rules.value(() -> Texts.optional(draft.partiesRequested(), 1000, "partiesRequested")));
        values.put("response", rules.value(() -> Texts.optional(draft.response(), 5000, "response")));
        values.put("impact", rules.value(() -> Texts.optional(draft.impact(), 5000, "impact")));
        values.put("status", rules.value(() -> terms.code("intervention-status", draft.status(), "status")));
        values.put("priority", priority);
        rules.throwIfAny();
        return values;
    }

    @Transactional
    public Involvement changeInvolvement(long id, InvolvementDraft draft) {
        long actId = owner("involvement", "act_id", id);
        long eventId = acts.eventOf(actId);
        access.requireWrite(eventId);
        var values = checkInvolvement(eventId, draft);
        jdbc.sql("""
                UPDATE involvement SET perpetrator_id = :perpetratorId, perpetrator_type = :perpetratorType,
                    agency = :agency, unit = :unit, rank_role = :rankRole, perpetrator_name = :perpetratorName,
                    degree = :degree, latest_status = :latestStatus WHERE id = :id
                """).params(values).param("id", id).update();
        audit.record("involvement.changed", "involvement", id, Map.of("act", actId, "event", eventId));
        changes.publishEvent(CasesChanged.of(eventId));
        return involvements(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** An involvement, for the form that corrects it: only for a user who may change its case. */
    public Involvement involvementToChange(long id) {
        long eventId = acts.eventOf(owner("involvement", "act_id", id));
        access.requireWrite(eventId);
        return involvements(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** A source of information, for the form that corrects it: only for a user who may change its case. */
    public Information informationToChange(long id) {
        long eventId = owner("information", "event_id", id);
        access.requireWrite(eventId);
        return information(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** An intervention, for the form that corrects it: only for a user who may change its case. */
    public Intervention interventionToChange(long id) {
        long eventId = owner("intervention", "event_id", id);
        access.requireWrite(eventId);
        return interventions(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** The event or act a record hangs on; a missing record is not found, whoever asks. */
    private long owner(String table, String column, long id) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = :id").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> new NoSuchRecord(table, id));
    }

    /**
     * What is wrong with the role and note of a person added to the case {@code eventId}, by the same rules as
     * {@link #addPerson}; empty when they would be accepted. Only a user who may write the case learns anything.
     */
    public List<InvalidInput.Violation> personProblems(long eventId, PersonRole role, String note) {
        access.requireWrite(eventId);
        return BrokenRules.of(() -> checkPersonInEvent(role, note));
    }

    private String checkPersonInEvent(PersonRole role, String note) {
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (role == null) throw new InvalidInput("role", "validation.required");
        });
        String checkedNote = rules.value(() -> Texts.optional(note, 1000, "note"));
        rules.throwIfAny();
        return checkedNote;
    }

    @Transactional
    public void addPerson(long eventId, long personId, PersonRole role, String note) {
        access.requireWrite(eventId);
        var rules = new BrokenRules();
        String checkedNote = rules.value(() -> checkPersonInEvent(role, note));
        rules.rule(() -> people.requireUsable(personId, eventId, "personId"));
        rules.throwIfAny();
        jdbc.sql("""
                INSERT INTO event_person (event_id, person_id, role, note) VALUES (:event, :person, :role, :note)
                ON CONFLICT (event_id, person_id, role) DO UPDATE SET note = excluded.note
                """).param("event", eventId).param("person", personId).param("role", role.name())
                .param("note", checkedNote).update();
        audit.record("event.person-added", "event", eventId, Map.of("person", personId, "role", role.name()));
    }

    /**
     * Takes a person out of the case in one role (recorded there by mistake); the person's record stays, and so do
     * their other roles. Not found when the person has no such role in the case.
     */
    @Transactional
    public void removePerson(long eventId, long personId, PersonRole role) {
        access.requireWrite(eventId);
        int removed = jdbc.sql("DELETE FROM event_person WHERE event_id = :event AND person_id = :person AND role = :role")
                .param("event", eventId).param("person", personId).param("role", role.name()).update();
        if (removed == 0) throw new NoSuchRecord("event-person", personId);
        audit.record("event.person-removed", "event", eventId, Map.of("person", personId, "role", role.name()));
    }

    /** Removes a link this event makes to another (chain of events); only who may change this event may. */
    @Transactional
    public void unlink(long fromEventId, long toEventId, String relationship) {
        access.requireWrite(fromEventId);
        int removed = jdbc.sql("""
                DELETE FROM event_link WHERE from_event_id = :from AND to_event_id = :to AND relationship = :relationship
                """).param("from", fromEventId).param("to", toEventId).param("relationship", relationship).update();
        if (removed == 0) throw new NoSuchRecord("event-link", toEventId);
        audit.record("event.unlinked", "event", fromEventId, Map.of("to", toEventId, "relationship", relationship));
    }

    /** Links this event to another (chain of events); the user must be able to change this one and read the other. */
    @Transactional
    public void link(long fromEventId, long toEventId, String relationship, String note) {
        access.requireWrite(fromEventId);
        if (fromEventId == toEventId) throw new InvalidInput("toEventId", "documentation.link.self");
        if (!access.on(toEventId).read()) throw new InvalidInput("toEventId", "documentation.link.unknown-event");
        String code = terms.code("event-relationship", relationship, "relationship");
        if (code == null) throw new InvalidInput("relationship", "validation.required");
        jdbc.sql("""
                INSERT INTO event_link (from_event_id, to_event_id, relationship, note) VALUES (:from, :to, :relationship, :note)
                ON CONFLICT (from_event_id, to_event_id, relationship) DO UPDATE SET note = excluded.note
                """).param("from", fromEventId).param("to", toEventId).param("relationship", code)
                .param("note", Texts.optional(note, 1000, "note")).update();
        audit.record("event.linked", "event", fromEventId, Map.of("to", toEventId, "relationship", code));
    }

    List<Involvement> involvements(long eventId) {
        return involvements(List.of(eventId)).getOrDefault(eventId, List.of());
    }

    /** The involvements in the acts of several events in one query, by event. */
    Map<Long, List<Involvement>> involvements(Collection<Long> eventIds) {
        var byEvent = new HashMap<Long, List<Involvement>>();
        if (eventIds.isEmpty()) return byEvent;
        jdbc.sql("""
                SELECT i.*, a.event_id FROM involvement i JOIN act a ON a.id = i.act_id WHERE a.event_id IN (:events)
                ORDER BY i.id
                """).param("events", eventIds).query((ResultSet rs) -> {
            add(byEvent, rs.getLong("event_id"), new Involvement(rs.getLong("id"), rs.getLong("act_id"),
                    Rows.optionalLong(rs, "perpetrator_id"), rs.getString("perpetrator_type"), rs.getString("agency"),
                    rs.getString("unit"), rs.getString("rank_role"), rs.getString("perpetrator_name"), rs.getString("degree"),
                    rs.getString("latest_status")));
        });
        return byEvent;
    }

    List<Information> information(long eventId) {
        return information(List.of(eventId)).getOrDefault(eventId, List.of());
    }

    /** The information about several events in one query, by event, each event's by date received. */
    Map<Long, List<Information>> information(Collection<Long> eventIds) {
        var byEvent = new HashMap<Long, List<Information>>();
        if (eventIds.isEmpty()) return byEvent;
        jdbc.sql("SELECT * FROM information WHERE event_id IN (:events) ORDER BY event_id, date_received NULLS LAST, id")
                .param("events", eventIds).query((ResultSet rs) -> {
                    add(byEvent, rs.getLong("event_id"), new Information(rs.getLong("id"), rs.getLong("event_id"),
                            Rows.optionalLong(rs, "source_person_id"), rs.getString("connection"), rs.getString("source_type"),
                            rs.getString("reliability"), rs.getObject("date_received", LocalDate.class), rs.getString("summary")));
                });
        return byEvent;
    }

    List<Intervention> interventions(long eventId) {
        return interventions(List.of(eventId)).getOrDefault(eventId, List.of());
    }

    /** The interventions of several events in one query, by event, each event's by date. */
    Map<Long, List<Intervention>> interventions(Collection<Long> eventIds) {
        var byEvent = new HashMap<Long, List<Intervention>>();
        if (eventIds.isEmpty()) return byEvent;
        jdbc.sql("SELECT * FROM intervention WHERE event_id IN (:events) ORDER BY event_id, date NULLS LAST, id")
                .param("events", eventIds).query((ResultSet rs) -> {
                    add(byEvent, rs.getLong("event_id"), new Intervention(rs.getLong("id"), rs.getLong("event_id"),
                            rs.getString("intervention_type"), rs.getString("intervening_party"),
                            Rows.date(rs, "date", "date_precision"), rs.getString("parties_requested"), rs.getString("response"),
                            rs.getString("impact"), rs.getString("status"), rs.getString("priority")));
                });
        return byEvent;
    }

    /** The other people of several events (witnesses, relatives…) in one query, by event, each event's by role. */
    Map<Long, List<EventPerson>> peopleIn(Collection<Long> eventIds) {
        var byEvent = new HashMap<Long, List<EventPerson>>();
        if (eventIds.isEmpty()) return byEvent;
        jdbc.sql("SELECT * FROM event_person WHERE event_id IN (:events) ORDER BY event_id, role, person_id")
                .param("events", eventIds).query((ResultSet rs) -> {
                    add(byEvent, rs.getLong("event_id"), new EventPerson(rs.getLong("person_id"),
                            PersonRole.valueOf(rs.getString("role")), rs.getString("note")));
                });
        return byEvent;
    }

    /**
     * The links of several events in both directions, in one query, by event: first to the events this one leads to,
     * then from those that lead to it, each by the other event; only the events the user may read.
     */
    Map<Long, List<EventLink>> links(Collection<Long> eventIds) {
        var byEvent = new HashMap<Long, List<EventLink>>();
        if (eventIds.isEmpty()) return byEvent;
        var user = CurrentUser.require();
        CaseAccess.bind(jdbc.sql("""
                SELECT l.from_event_id AS case_id, 0 AS direction, l.to_event_id AS other_id, l.from_event_id,
                       l.to_event_id, e.record_number, e.title, l.relationship, l.note, e.organisation_id, e.sharing,
                       EXISTS (SELECT 1 FROM case_access a WHERE a.event_id = e.id AND a.user_id = :viewerId) AS granted
                FROM event_link l JOIN event e ON e.id = l.to_event_id WHERE l.from_event_id IN (:events)
                UNION ALL
                SELECT l.to_event_id, 1, l.from_event_id, l.from_event_id, l.to_event_id, e.record_number, e.title,
                       l.relationship, l.note, e.organisation_id, e.sharing,
                       EXISTS (SELECT 1 FROM case_access a WHERE a.event_id = e.id AND a.user_id = :viewerId)
                FROM event_link l JOIN event e ON e.id = l.from_event_id WHERE l.to_event_id IN (:events)
                ORDER BY case_id, direction, other_id, relationship
                """)).param("events", eventIds).query((ResultSet rs) -> {
            boolean readable = CaseAccess.rights(user, rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")),
                    rs.getBoolean("granted")).read();
            if (readable) {
                add(byEvent, rs.getLong("case_id"), new EventLink(rs.getLong("from_event_id"), rs.getLong("to_event_id"),
                        rs.getString("record_number"), rs.getString("title"), rs.getString("relationship"), rs.getString("note")));
            }
        });
        return byEvent;
    }

    private static <T> void add(Map<Long, List<T>> byEvent, long eventId, T row) {
        byEvent.computeIfAbsent(eventId, k -> new ArrayList<>()).add(row);
    }
}
