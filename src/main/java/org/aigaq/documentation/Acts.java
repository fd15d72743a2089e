package org.aigaq.documentation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The acts of an event, one victim each, with the torture and arrest details of the HURIDOCS formats. */
@Service
public class Acts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final Terms terms;
    private final Places places;
    private final People people;
    private final ApplicationEventPublisher changes;

    Acts(JdbcClient jdbc, AuditTrail audit, CaseAccess access, Terms terms, Places places, People people,
         ApplicationEventPublisher changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.terms = terms;
        this.places = places;
        this.people = people;
    }

    @Transactional
    public Act add(long eventId, ActDraft draft) {
        access.requireWrite(eventId);
        var values = check(eventId, draft);
        long id = jdbc.sql("""
                INSERT INTO act (event_id, victim_id, act_type, initial_date, initial_precision, final_date,
                    final_precision, place_id, location_type, region, location_description, stated_reason, methods,
                    physical_consequences, psychological_consequences, age_at_time, status_at_end, statements_signed,
                    medical_attention, torture_intent, detention_type, legal_counsel)
                VALUES (:eventId, :victimId, :actType, :initialDate, :initialPrecision, :finalDate, :finalPrecision,
                    :placeId, :locationType, :region, :locationDescription, :statedReason, :methods,
                    :physicalConsequences, :psychologicalConsequences, :ageAtTime, :statusAtEnd, :statementsSigned,
                    :medicalAttention, :tortureIntent, :detentionType, :legalCounsel)
                RETURNING id
                """).params(values).param("eventId", eventId).query(Long.class).single();
        audit.record("act.recorded", "act", id, Map.of("event", eventId, "actType", values.get("actType")));
        changes.publishEvent(CasesChanged.of(eventId));
        return find(id);
    }

    @Transactional
    public Act change(long actId, ActDraft draft) {
        long eventId = eventOf(actId);
        access.requireWrite(eventId);
        var values = check(eventId, draft);
        jdbc.sql("""
                UPDATE act SET victim_id = :victimId, act_type = :actType, initial_date = :initialDate,
                    initial_precision = :initialPrecision, final_date = :finalDate, final_precision = :finalPrecision,
                    place_id = :placeId, location_type = :locationType, region = :region,
                    location_description = :locationDescription, stated_reason = :statedReason, methods = :methods,
                    physical_consequences = :physicalConsequences, psychological_consequences = :psychologicalConsequences,
                    age_at_time = :ageAtTime, status_at_end = :statusAtEnd, statements_signed = :statementsSigned,
                    medical_attention = :medicalAttention, torture_intent = :tortureIntent,
                    detention_type = :detentionType, legal_counsel = :legalCounsel, updated_at = now()
                WHERE id = :id
                """).params(values).param("id", actId).update();
        audit.record("act.changed", "act", actId, Map.of("event", eventId));
        changes.publishEvent(CasesChanged.of(eventId));
        return find(actId);
    }

    public Act get(long actId) {
        access.requireRead(eventOf(actId));
        return find(actId);
    }

    /** The event an act belongs to; a missing act is not found. */
    public long eventOf(long actId) {
        return jdbc.sql("SELECT event_id FROM act WHERE id = :id").param("id", actId).query(Long.class).optional()
                .orElseThrow(() -> new NoSuchRecord("act", actId));
    }

    /** The acts of several events in one query, by event, each event's in the order of its timeline. */
    Map<Long, List<Act>> ofEvents(java.util.Collection<Long> eventIds) {
        var byEvent = new HashMap<Long, List<Act>>();
        if (eventIds.isEmpty()) return byEvent;
        jdbc.sql("SELECT * FROM act WHERE event_id IN (:events) ORDER BY event_id, initial_date NULLS LAST, id")
                .param("events", eventIds).query(Acts::row).list()
                .forEach(a -> byEvent.computeIfAbsent(a.eventId(), k -> new java.util.ArrayList<>()).add(a));
        return byEvent;
    }

    Act find(long id) {
        return jdbc.sql("SELECT * FROM act WHERE id = :id").param("id", id).query(Acts::row).single();
    }

    /**
     * What is wrong with an act of the case {@code eventId} as the user fills the form, by the same rules as
     * {@link #add} and {@link #change}; empty when it would be accepted. Only a user who may write the case learns anything.
     */
    public List<InvalidInput.Violation> problems(long eventId, ActDraft draft) {
        access.requireWrite(eventId);
        return BrokenRules.of(() -> check(eventId, draft));
    }

    private Map<String, Object> check(long eventId, ActDraft draft) {
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (draft.victimId() == null) throw new InvalidInput("victimId", "validation.required");
            people.requireUsable(draft.victimId(), eventId, "victimId");
        });
        var values = rules.value(() -> values(draft, terms));
        rules.throwIfAny();
        values.put("victimId", draft.victimId());
        return values;
    }

    /** The act's values as stored, without the victim, or every rule it breaks; for imports as well. */
    Map<String, Object> values(ActDraft draft, Terms terms) {
        return values(draft, terms, true);
    }

    /** The same, for a place the caller has just found in the registry (an import looks each one up once). */
    Map<String, Object> valuesOfKnownPlace(ActDraft draft, Terms terms) {
        return values(draft, terms, false);
    }

    private Map<String, Object> values(ActDraft draft, Terms terms, boolean checkPlace) {
        var rules = new BrokenRules();
        if (checkPlace) {
            rules.rule(() -> places.requireExists(draft.placeId(), "placeId"));
        }
        String actType = rules.value(() -> {
            String code = terms.code("act-type", draft.actType(), "actType");
            if (code == null) throw new InvalidInput("actType", "validation.required");
            return code;
        });
        FuzzyDate initial = draft.initial() == null ? FuzzyDate.unknown() : draft.initial();
        FuzzyDate end = draft.end();
        rules.rule(() -> FuzzyDate.requirePast(initial, "initialDate"));
        rules.rule(() -> FuzzyDate.requireOrder(initial, end, "endDate"));
        rules.rule(() -> {
            if (draft.ageAtTime() != null && (draft.ageAtTime() < 0 || draft.ageAtTime() > 130)) {
                throw new InvalidInput("ageAtTime", "documentation.act.age-range");
            }
        });
        var values = new HashMap<String, Object>();
        values.put("actType", actType);
        values.put("initialDate", initial.date());
        values.put("initialPrecision", initial.precision().name());
        values.put("finalDate", end == null ? null : end.date());
        values.put("finalPrecision", end == null || end.date() == null ? null : end.precision().name());
        values.put("placeId", draft.placeId());
        values.put("locationType", rules.value(() -> terms.code("location-type", draft.locationType(), "locationType")));
        values.put("region", rules.value(() -> Texts.optional(draft.region(), 100, "region")));
        values.put("locationDescription", rules.value(() -> Texts.optional(draft.locationDescription(), 1000, "locationDescription")));
        values.put("statedReason", rules.value(() -> Texts.optional(draft.statedReason(), 2000, "statedReason")));
        values.put("methods", rules.value(() -> terms.codes("method", draft.methods(), "methods")));
        values.put("physicalConsequences", rules.value(() -> Texts.optional(draft.physicalConsequences(), 5000, "physicalConsequences")));
        values.put("psychologicalConsequences", rules.value(() -> Texts.optional(draft.psychologicalConsequences(), 5000, "psychologicalConsequences")));
        values.put("ageAtTime", draft.ageAtTime());
        values.put("statusAtEnd", rules.value(() -> Texts.optional(draft.statusAtEnd(), 200, "statusAtEnd")));
        values.put("statementsSigned", rules.value(() -> terms.code("statement-signed", draft.statementsSigned(), "statementsSigned")));
        values.put("medicalAttention", rules.value(() -> terms.code("medical-attention", draft.medicalAttention(), "medicalAttention")));
        values.put("tortureIntent", rules.value(() -> terms.codes("torture-intent", draft.tortureIntent(), "tortureIntent")));
        values.put("detentionType", rules.value(() -> terms.code("detention-type", draft.detentionType(), "detentionType")));
        values.put("legalCounsel", rules.value(() -> terms.code("legal-counsel", draft.legalCounsel(), "legalCounsel")));
        rules.throwIfAny();
        return values;
    }

    static Act row(ResultSet rs, int n) throws SQLException {
        return new Act(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("victim_id"), rs.getString("act_type"),
                Rows.date(rs, "initial_date", "initial_precision"),
                rs.getString("final_precision") == null ? null : Rows.date(rs, "final_date", "final_precision"),
                Rows.optionalLong(rs, "place_id"), rs.getString("location_type"), rs.getString("region"),
                rs.getString("location_description"), rs.getString("stated_reason"), Rows.strings(rs, "methods"),
                rs.getString("physical_consequences"), rs.getString("psychological_consequences"),
                Rows.optionalInt(rs, "age_at_time"), rs.getString("status_at_end"), rs.getString("statements_signed"),
                rs.getString("medical_attention"), Rows.strings(rs, "torture_intent"), rs.getString("detention_type"),
                rs.getString("legal_counsel"));
    }
}
