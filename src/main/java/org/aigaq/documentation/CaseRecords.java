package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
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
        people.requireUsable(draft.perpetratorId(), eventId, "perpetratorId");
        var values = involvementValues(draft, terms);
        String degree = (String) values.get("degree");
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

    /** The involvement's values as stored, or the first rule it breaks; for imports as well. */
    static Map<String, Object> involvementValues(InvolvementDraft draft, Terms terms) {
        String degree = terms.code("involvement-degree", draft.degree(), "degree");
        if (degree == null) throw new InvalidInput("degree", "validation.required");
        var values = new java.util.HashMap<String, Object>();
        values.put("perpetratorId", draft.perpetratorId());
        values.put("perpetratorType", terms.code("perpetrator-type", draft.perpetratorType(), "perpetratorType"));
        values.put("agency", terms.code("agency", draft.agency(), "agency"));
        values.put("unit", Texts.optional(draft.unit(), 200, "unit"));
        values.put("rankRole", Texts.optional(draft.rankRole(), 200, "rankRole"));
        values.put("perpetratorName", Texts.optional(draft.perpetratorName(), 300, "perpetratorName"));
        values.put("degree", degree);
        values.put("latestStatus", terms.code("perpetrator-status", draft.latestStatus(), "latestStatus"));
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

    private Map<String, Object> informationValues(long eventId, InformationDraft draft) {
        people.requireUsable(draft.sourcePersonId(), eventId, "sourcePersonId");
        var values = new java.util.HashMap<String, Object>();
        values.put("source", draft.sourcePersonId());
        values.put("connection", terms.code("source-connection", draft.connection(), "connection"));
        values.put("type", terms.code("source-type", draft.sourceType(), "sourceType"));
        values.put("reliability", terms.code("reliability", draft.reliability(), "reliability"));
        values.put("received", draft.dateReceived());
        values.put("summary", Texts.optional(draft.summary(), 20000, "summary"));
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

    private Map<String, Object> interventionValues(InterventionDraft draft) {
        String type = terms.code("intervention-type", draft.interventionType(), "interventionType");
        if (type == null) throw new InvalidInput("interventionType", "validation.required");
        String priority = draft.priority() == null || draft.priority().isBlank() ? null : draft.priority().strip().toUpperCase();
        if (priority != null && !List.of("LOW", "MEDIUM", "HIGH").contains(priority)) {
            throw new InvalidInput("priority", "validation.invalid");
        }
        FuzzyDate date = draft.date() == null ? FuzzyDate.unknown() : draft.date();
        var values = new java.util.HashMap<String, Object>();
        values.put("type", type);
        values.put("party", Texts.optional(draft.interveningParty(), 300, "interveningParty"));
        values.put("date", date.date());
        values.put("precision", date.precision().name());
        values.put("requested", Texts.optional(draft.partiesRequested(), 1000, "partiesRequested"));
        values.put("response", Texts.optional(draft.response(), 5000, "response"));
        values.put("impact", Texts.optional(draft.impact(), 5000, "impact"));
        values.put("status", terms.code("intervention-status", draft.status(), "status"));
        values.put("priority", priority);
        return values;
    }

    @Transactional
    public Involvement changeInvolvement(long id, InvolvementDraft draft) {
        long actId = owner("involvement", "act_id", id);
        long eventId = acts.eventOf(actId);
        access.requireWrite(eventId);
        people.requireUsable(draft.perpetratorId(), eventId, "perpetratorId");
        jdbc.sql("""
                UPDATE involvement SET perpetrator_id = :perpetratorId, perpetrator_type = :perpetratorType,
                    agency = :agency, unit = :unit, rank_role = :rankRole, perpetrator_name = :perpetratorName,
                    degree = :degree, latest_status = :latestStatus WHERE id = :id
                """).params(involvementValues(draft, terms)).param("id", id).update();
        audit.record("involvement.changed", "involvement", id, Map.of("act", actId, "event", eventId));
        changes.publishEvent(CasesChanged.of(eventId));
        return involvements(eventId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** The event or act a record hangs on; a missing record is not found, whoever asks. */
    private long owner(String table, String column, long id) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = :id").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> new NoSuchRecord(table, id));
    }

    @Transactional
    public void addPerson(long eventId, long personId, PersonRole role, String note) {
        access.requireWrite(eventId);
        if (role == null) throw new InvalidInput("role", "validation.required");
        people.requireUsable(personId, eventId, "personId");
        jdbc.sql("""
                INSERT INTO event_person (event_id, person_id, role, note) VALUES (:event, :person, :role, :note)
                ON CONFLICT (event_id, person_id, role) DO UPDATE SET note = excluded.note
                """).param("event", eventId).param("person", personId).param("role", role.name())
                .param("note", Texts.optional(note, 1000, "note")).update();
        audit.record("event.person-added", "event", eventId, Map.of("person", personId, "role", role.name()));
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
        return jdbc.sql("""
                SELECT i.* FROM involvement i JOIN act a ON a.id = i.act_id WHERE a.event_id = :event ORDER BY i.id
                """).param("event", eventId).query((rs, n) -> new Involvement(rs.getLong("id"), rs.getLong("act_id"),
                Rows.optionalLong(rs, "perpetrator_id"), rs.getString("perpetrator_type"), rs.getString("agency"),
                rs.getString("unit"), rs.getString("rank_role"), rs.getString("perpetrator_name"), rs.getString("degree"),
                rs.getString("latest_status"))).list();
    }

    List<Information> information(long eventId) {
        return jdbc.sql("SELECT * FROM information WHERE event_id = :event ORDER BY date_received NULLS LAST, id")
                .param("event", eventId).query((rs, n) -> new Information(rs.getLong("id"), rs.getLong("event_id"),
                        Rows.optionalLong(rs, "source_person_id"), rs.getString("connection"), rs.getString("source_type"),
                        rs.getString("reliability"), rs.getObject("date_received", LocalDate.class), rs.getString("summary")))
                .list();
    }

    List<Intervention> interventions(long eventId) {
        return jdbc.sql("SELECT * FROM intervention WHERE event_id = :event ORDER BY date NULLS LAST, id")
                .param("event", eventId).query((rs, n) -> new Intervention(rs.getLong("id"), rs.getLong("event_id"),
                        rs.getString("intervention_type"), rs.getString("intervening_party"),
                        Rows.date(rs, "date", "date_precision"), rs.getString("parties_requested"), rs.getString("response"),
                        rs.getString("impact"), rs.getString("status"), rs.getString("priority"))).list();
    }

    List<EventPerson> peopleIn(long eventId) {
        return jdbc.sql("SELECT * FROM event_person WHERE event_id = :event ORDER BY role, person_id").param("event", eventId)
                .query((rs, n) -> new EventPerson(rs.getLong("person_id"), PersonRole.valueOf(rs.getString("role")),
                        rs.getString("note"))).list();
    }

    /** Links in both directions, keeping only the events the user may read. */
    List<EventLink> links(long eventId) {
        var all = jdbc.sql("""
                SELECT l.from_event_id, l.to_event_id, e.record_number, e.title, l.relationship, l.note
                FROM event_link l JOIN event e ON e.id = l.to_event_id WHERE l.from_event_id = :event
                UNION ALL
                SELECT l.from_event_id, l.to_event_id, e.record_number, e.title, l.relationship, l.note
                FROM event_link l JOIN event e ON e.id = l.from_event_id WHERE l.to_event_id = :event
                """).param("event", eventId).query((rs, n) -> new EventLink(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6))).list();
        return all.stream().filter(l -> access.on(l.fromEventId() == eventId ? l.toEventId() : l.fromEventId()).read()).toList();
    }
}
