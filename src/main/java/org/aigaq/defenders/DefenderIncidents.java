package org.aigaq.defenders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.TypedText;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Incidents against human-rights defenders: recorded, corrected, read (audited) and listed as the user may see them. */
@Service
public class DefenderIncidents {

    static final String TABLE = "defender_incident";

    /** What to list: each part optional; {@code reprisal} true keeps reprisals only, false the others. */
    public record Filter(LocalDate from, LocalDate to, String threatType, String targetGroup, String region,
                         Boolean reprisal, boolean ours) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, false);
        }
    }

    /** One line of the list: the person by pseudonym only, so that a list decrypts nothing. */
    public record Line(long id, String reference, FuzzyDate date, String city, String region, String pseudonym,
                       String targetGroup, List<String> threatTypes, DefenderIncident.PerpetratorKind perpetratorKind,
                       boolean reprisal, Sharing sharing) {}

    /** A page of incidents, newest first, and the id to continue after when there are more. */
    public record Page(List<Line> incidents, Long nextAfter) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final DefenderAccess access;
    private final People people;
    private final Events events;
    private final Vocabularies vocabularies;

    DefenderIncidents(JdbcClient jdbc, AuditTrail audit, DefenderAccess access, People people, Events events,
                      Vocabularies vocabularies) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.people = people;
        this.events = events;
        this.vocabularies = vocabularies;
    }

    @Transactional
    public DefenderIncident record(IncidentDraft draft) {
        DefenderAccess.requireRecorder();
        var values = check(draft);
        var user = CurrentUser.require();
        long id = jdbc.sql("""
                INSERT INTO defender_incident (organisation_id, sharing, incident_date, incident_precision, city, region,
                    person_id, group_description, target_group, threat_types, perpetrator_identified, perpetrator_kind,
                    perpetrator_description, linked_event_id, un_cooperation, work_description, complaint_filed,
                    investigation_opened, protection_measures, response, response_outcome, created_by)
                VALUES (:organisation, :sharing, :date, :precision, :city, :region, :personId, :groupDescription,
                    :targetGroup, string_to_array(:threatTypes, ','), :perpetratorIdentified, :perpetratorKind,
                    :perpetratorDescription, :linkedEventId, :unCooperation, :workDescription, :complaintFiled,
                    :investigationOpened, :protectionMeasures, :response, :responseOutcome, :user)
                RETURNING id
                """).params(values).param("organisation", user.organisationId()).param("user", user.id())
                .query(Long.class).single();
        audit.record("defender-incident.recorded", TABLE, id, summary(values));
        return get(id);
    }

    @Transactional
    public DefenderIncident change(long id, IncidentDraft draft) {
        access.requireWrite(id);
        var values = check(draft);
        jdbc.sql("""
                UPDATE defender_incident SET sharing = :sharing, incident_date = :date, incident_precision = :precision,
                    city = :city, region = :region, person_id = :personId, group_description = :groupDescription,
                    target_group = :targetGroup, threat_types = string_to_array(:threatTypes, ','),
                    perpetrator_identified = :perpetratorIdentified, perpetrator_kind = :perpetratorKind,
                    perpetrator_description = :perpetratorDescription, linked_event_id = :linkedEventId,
                    un_cooperation = :unCooperation, work_description = :workDescription,
                    complaint_filed = :complaintFiled, investigation_opened = :investigationOpened,
                    protection_measures = :protectionMeasures, response = :response,
                    response_outcome = :responseOutcome, updated_by = :user, updated_at = now()
                WHERE id = :id
                """).params(values).param("id", id).param("user", CurrentUser.require().id()).update();
        audit.record("defender-incident.changed", TABLE, id, summary(values));
        return get(id);
    }

    /** The incident as the current user may see it; 404 (audited) when the user may not. */
    @Transactional
    public DefenderIncident get(long id) {
        var rights = access.requireRead(id);
        var incident = jdbc.sql("SELECT * FROM defender_incident WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs, rights)).optional().orElseThrow(() -> new NoSuchRecord(TABLE, id));
        audit.recordRead(TABLE, id);
        return incident;
    }

    /** The incidents the current user may read, newest first, {@code size} at a time after the id {@code after}. */
    public Page list(Filter filter, Long after, int size) {
        var params = new LinkedHashMap<String, Object>();
        var sql = new StringBuilder("SELECT * FROM defender_incident d WHERE ").append(condition("d", filter, params));
        if (after != null) {
            sql.append(" AND d.id < :after");
            params.put("after", after);
        }
        sql.append(" ORDER BY d.id DESC LIMIT :limit");
        params.put("limit", size + 1);
        var user = CurrentUser.require();
        var pseudonyms = new HashMap<Long, String>();
        var rows = DefenderAccess.bind(jdbc.sql(sql.toString()).params(params)).query((rs, n) -> {
            var rights = DefenderAccess.rights(user, rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")));
            Long person = rs.getObject("person_id", Long.class);
            String pseudonym = person == null || rights.anonymised() ? null
                    : pseudonyms.computeIfAbsent(person, p -> people.shownIn(p, false).pseudonym());
            return new Line(rs.getLong("id"), "HRD-" + rs.getLong("id"), date(rs), rs.getString("city"),
                    rs.getString("region"), pseudonym, rs.getString("target_group"), threats(rs),
                    DefenderIncident.PerpetratorKind.valueOf(rs.getString("perpetrator_kind")),
                    rs.getBoolean("un_cooperation"), Sharing.valueOf(rs.getString("sharing")));
        }).list();
        if (rows.size() > size) {
            var page = rows.subList(0, size);
            return new Page(List.copyOf(page), page.getLast().id());
        }
        return new Page(rows, null);
    }

    /** The SQL condition of what the user may read and what the filter keeps, its parameters put in {@code params}. */
    static String condition(String alias, Filter filter, Map<String, Object> params) {
        var sql = new StringBuilder(DefenderAccess.visible(alias));
        if (filter.ours()) sql.append(" AND ").append(alias).append(".organisation_id = :viewerOrganisation");
        if (filter.from() != null) {
            sql.append(" AND ").append(alias).append(".incident_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(alias).append(".incident_date <= :to");
            params.put("to", filter.to());
        }
        if (filter.threatType() != null && !filter.threatType().isBlank()) {
            sql.append(" AND :threatType = ANY (").append(alias).append(".threat_types)");
            params.put("threatType", filter.threatType().strip());
        }
        if (filter.targetGroup() != null && !filter.targetGroup().isBlank()) {
            sql.append(" AND ").append(alias).append(".target_group = :targetGroup");
            params.put("targetGroup", filter.targetGroup().strip());
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            sql.append(" AND ").append(alias).append(".region = :region");
            params.put("region", filter.region().strip());
        }
        if (filter.reprisal() != null) {
            sql.append(" AND ").append(alias).append(".un_cooperation = :reprisal");
            params.put("reprisal", filter.reprisal());
        }
        return sql.toString();
    }

    /** What is wrong with a draft, by the same rules as {@link #record}; empty when it would be accepted. */
    public List<InvalidInput.Violation> problems(IncidentDraft draft) {
        return BrokenRules.of(() -> check(draft));
    }

    /** Every rule of an incident, all checked at once, each naming its field; the values as stored. */
    Map<String, Object> check(IncidentDraft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("sharing", draft.sharing().name());
        rules.rule(() -> DefenderAccess.requireSharingRight(draft.sharing()));
        FuzzyDate date = draft.date();
        rules.rule(() -> {
            if (date == null || date.date() == null || date.precision() == DatePrecision.UNKNOWN) {
                throw new InvalidInput("date", "detention.date.required");
            }
            if (date.date().isAfter(LocalDate.now())) throw new InvalidInput("date", "documentation.date.future");
        });
        values.put("date", date == null ? null : date.date());
        values.put("precision", date == null || date.precision() == null ? DatePrecision.EXACT.name() : date.precision().name());
        values.put("city", rules.value(() -> TypedText.optional(draft.city(), 200, "city")));
        values.put("region", rules.value(() -> term("region", draft.region(), "region")));
        values.put("personId", draft.personId());
        rules.rule(() -> people.requireOwn(draft.personId(), "personId"));
        values.put("groupDescription", rules.value(() -> {
            String group = TypedText.optional(draft.groupDescription(), 2000, "groupDescription");
            if (group != null && draft.personId() != null) throw new InvalidInput("groupDescription", "defenders.target.both");
            if (group == null && draft.personId() == null) throw new InvalidInput("personId", "defenders.target.required");
            return group;
        }));
        values.put("targetGroup", rules.value(() -> {
            String group = term("defender-group", draft.targetGroup(), "targetGroup");
            if (group == null) throw new InvalidInput("targetGroup", "validation.required");
            return group;
        }));
        values.put("threatTypes", rules.value(() -> {
            if (draft.threatTypes().isEmpty()) throw new InvalidInput("threatTypes", "defenders.threat.required");
            var codes = new java.util.ArrayList<String>();
            for (int i = 0; i < draft.threatTypes().size(); i++) {
                codes.add(term("defender-threat", draft.threatTypes().get(i), "threatTypes/" + i));
            }
            return String.join(",", codes);
        }));
        values.put("perpetratorIdentified", draft.perpetratorIdentified());
        values.put("perpetratorKind", draft.perpetratorKind().name());
        values.put("perpetratorDescription", rules.value(() -> TypedText.optional(draft.perpetratorDescription(), 2000, "perpetratorDescription")));
        values.put("linkedEventId", draft.linkedEventId());
        rules.rule(() -> {
            if (draft.linkedEventId() != null && events.readable(List.of(draft.linkedEventId())).isEmpty()) {
                throw new InvalidInput("linkedEventId", "detention.death.event-unknown");
            }
        });
        values.put("unCooperation", draft.unCooperation());
        values.put("workDescription", rules.value(() -> TypedText.optional(draft.workDescription(), 2000, "workDescription")));
        values.put("complaintFiled", draft.complaintFiled());
        values.put("investigationOpened", draft.investigationOpened());
        values.put("protectionMeasures", draft.protectionMeasures());
        values.put("response", rules.value(() -> TypedText.optional(draft.response(), 5000, "response")));
        values.put("responseOutcome", rules.value(() -> TypedText.optional(draft.responseOutcome(), 2000, "responseOutcome")));
        rules.throwIfAny();
        return values;
    }

    private String term(String list, String code, String field) {
        if (code == null || code.isBlank()) return null;
        return vocabularies.require(list, code.strip(), field).code();
    }

    private static Map<String, Object> summary(Map<String, Object> values) {
        var summary = new LinkedHashMap<String, Object>();
        // Free texts are not copied into the audit trail: it is read by administrators.
        for (String key : List.of("sharing", "date", "precision", "region", "personId", "targetGroup", "threatTypes",
                "perpetratorKind", "linkedEventId", "unCooperation")) {
            if (values.get(key) != null) summary.put(key, String.valueOf(values.get(key)));
        }
        return summary;
    }

    static FuzzyDate date(ResultSet rs) throws SQLException {
        return new FuzzyDate(rs.getObject("incident_date", LocalDate.class), DatePrecision.valueOf(rs.getString("incident_precision")));
    }

    static List<String> threats(ResultSet rs) throws SQLException {
        return Arrays.asList((String[]) rs.getArray("threat_types").getArray());
    }

    private DefenderIncident row(ResultSet rs, DefenderAccess.Rights rights) throws SQLException {
        Long personId = rs.getObject("person_id", Long.class);
        boolean open = !rights.anonymised();
        var person = personId == null || !open ? null : people.shownIn(personId, rights.identities());
        return new DefenderIncident(rs.getLong("id"), rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")),
                date(rs), rs.getString("city"), rs.getString("region"), open ? personId : null,
                person == null ? null : person.pseudonym(), person == null || !rights.identities() ? null : person.shownName(),
                open ? rs.getString("group_description") : null, rs.getString("target_group"), threats(rs),
                rs.getBoolean("perpetrator_identified"), DefenderIncident.PerpetratorKind.valueOf(rs.getString("perpetrator_kind")),
                open ? rs.getString("perpetrator_description") : null, open ? rs.getObject("linked_event_id", Long.class) : null,
                rs.getBoolean("un_cooperation"), open ? rs.getString("work_description") : null,
                rs.getBoolean("complaint_filed"), rs.getBoolean("investigation_opened"), rs.getBoolean("protection_measures"),
                open ? rs.getString("response") : null, open ? rs.getString("response_outcome") : null, rights.write(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
