package org.aigaq.documentation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The events the coalition documents: recording, changing, listing what a user may see, sharing. */
@Service
public class Events {

    static final String SELECT = """
            SELECT e.*, o.name AS organisation_name, p.name AS place_name
            FROM event e JOIN organisation o ON o.id = e.organisation_id LEFT JOIN place p ON p.id = e.place_id
            """;

    /** What to list: every part optional. */
    public record Filter(String text, String violationStatus, String monitoringStatus, Long organisationId) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** A page of events, newest first, and the id to continue after when there are more. */
    public record Page(List<Event> events, Long nextAfter) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final Terms terms;
    private final Places places;
    private final RecordNumbers numbers;
    private final ApplicationEventPublisher changes;

    Events(JdbcClient jdbc, AuditTrail audit, CaseAccess access, Terms terms, Places places, RecordNumbers numbers,
           ApplicationEventPublisher changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.terms = terms;
        this.places = places;
        this.numbers = numbers;
    }

    /** Records a new event, owned by the user's organisation. */
    @Transactional
    public Event record(EventDraft draft) {
        requireCaseWorker();
        var user = CurrentUser.require();
        var checked = check(draft, terms);
        long id = jdbc.sql("""
                INSERT INTO event (record_number, organisation_id, sharing, title, description, initial_date,
                    initial_precision, final_date, final_precision, place_id, location_type, region,
                    location_description, violation_status, monitoring_status, date_received, created_by)
                VALUES (:number, :organisation, :sharing, :title, :description, :initialDate, :initialPrecision,
                    :finalDate, :finalPrecision, :placeId, :locationType, :region, :locationDescription,
                    :violationStatus, :monitoringStatus, :dateReceived, :createdBy)
                RETURNING id
                """).params(checked).param("number", numbers.next("E")).param("organisation", user.organisationId())
                .param("createdBy", user.id()).query(Long.class).single();
        audit.record("event.recorded", "event", id, summary(checked));
        changes.publishEvent(CasesChanged.of(id));
        return find(id);
    }

    @Transactional
    public Event change(long id, EventDraft draft) {
        var rights = access.requireWrite(id);
        var checked = check(draft, terms);
        requireSharingRight(id, draft, rights);
        jdbc.sql("""
                UPDATE event SET sharing = :sharing, title = :title, description = :description,
                    initial_date = :initialDate, initial_precision = :initialPrecision, final_date = :finalDate,
                    final_precision = :finalPrecision, place_id = :placeId, location_type = :locationType,
                    region = :region, location_description = :locationDescription, violation_status = :violationStatus,
                    monitoring_status = :monitoringStatus, date_received = :dateReceived, updated_at = now()
                WHERE id = :id
                """).params(checked).param("id", id).update();
        audit.record("event.changed", "event", id, summary(checked));
        changes.publishEvent(CasesChanged.of(id));
        return find(id);
    }

    /** The event, for a user who may read it; the read is audited, since a case is a sensitive record. */
    @Transactional
    public Event get(long id) {
        access.requireRead(id);
        audit.recordRead("event", id);
        return find(id);
    }

    Event find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(Events::row).optional()
                .orElseThrow(() -> new NoSuchRecord("event", id));
    }

    /** The events the current user may see, newest first, {@code size} at a time after the id {@code after}. */
    public Page list(Filter filter, Long after, int size) {
        var sql = new StringBuilder(SELECT).append(" WHERE ").append(CaseAccess.visibleEvents("e"));
        var params = new LinkedHashMap<String, Object>();
        if (after != null) {
            sql.append(" AND e.id < :after");
            params.put("after", after);
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (e.title ILIKE :text OR e.record_number ILIKE :text)");
            params.put("text", "%" + filter.text().strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.violationStatus() != null && !filter.violationStatus().isBlank()) {
            sql.append(" AND e.violation_status = :violationStatus");
            params.put("violationStatus", filter.violationStatus());
        }
        if (filter.monitoringStatus() != null && !filter.monitoringStatus().isBlank()) {
            sql.append(" AND e.monitoring_status = :monitoringStatus");
            params.put("monitoringStatus", filter.monitoringStatus());
        }
        if (filter.organisationId() != null) {
            sql.append(" AND e.organisation_id = :organisationId");
            params.put("organisationId", filter.organisationId());
        }
        sql.append(" ORDER BY e.id DESC LIMIT :limit");
        params.put("limit", size + 1);
        var events = CaseAccess.bind(jdbc.sql(sql.toString()).params(params)).query(Events::row).list();
        if (events.size() > size) {
            var page = events.subList(0, size);
            return new Page(List.copyOf(page), page.getLast().id());
        }
        return new Page(events, null);
    }

    /**
     * The events the current user may read in which the person is the victim of an act, newest first: the person's
     * earlier complaints and allegations, for another capability's records to link to.
     */
    public List<Event> ofVictim(long personId, int limit) {
        return CaseAccess.bind(jdbc.sql(SELECT + " WHERE " + CaseAccess.visibleEvents("e")
                + " AND e.id IN (SELECT event_id FROM act WHERE victim_id = :person) ORDER BY e.id DESC LIMIT :limit"))
                .param("person", personId).param("limit", limit).query(Events::row).list();
    }

    /** Of these events, those the current user may read, by id; the others are left out as if they did not exist. */
    public List<Event> readable(java.util.Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) return List.of();
        return CaseAccess.bind(jdbc.sql(SELECT + " WHERE " + CaseAccess.visibleEvents("e") + " AND e.id IN (:ids) ORDER BY e.id"))
                .param("ids", ids).query(Events::row).list();
    }

    /** Changes who beyond the owning organisation sees the case; only its coordinators may. */
    @Transactional
    public void share(long id, Sharing sharing) {
        access.requireManage(id);
        jdbc.sql("UPDATE event SET sharing = :sharing, updated_at = now() WHERE id = :id")
                .param("sharing", sharing.name()).param("id", id).update();
        audit.record("event.shared", "event", id, Map.of("sharing", sharing.name()));
        changes.publishEvent(CasesChanged.of(id));
    }

    /** Gives one user of any organisation access to this case (a lawyer working on it). */
    @Transactional
    public void grant(long id, String username) {
        access.requireManage(id);
        Long userId = jdbc.sql("SELECT id FROM app_user WHERE username = :username AND enabled")
                .param("username", username == null ? "" : username.strip().toLowerCase()).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInput("username", "documentation.access.unknown-user"));
        jdbc.sql("""
                INSERT INTO case_access (event_id, user_id, granted_by) VALUES (:event, :user, :by)
                ON CONFLICT DO NOTHING
                """).param("event", id).param("user", userId).param("by", CurrentUser.require().id()).update();
        audit.record("event.access-granted", "event", id, Map.of("user", userId));
    }

    @Transactional
    public void revoke(long id, long userId) {
        access.requireManage(id);
        jdbc.sql("DELETE FROM case_access WHERE event_id = :event AND user_id = :user").param("event", id).param("user", userId).update();
        audit.record("event.access-revoked", "event", id, Map.of("user", userId));
    }

    /** A user of another organisation given access to a case. */
    public record Grant(long userId, String username, String displayName) {}

    /** The users given access to a case, by name; for its coordinators, who give and withdraw that access. */
    public List<Grant> grants(long id) {
        access.requireManage(id);
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name FROM case_access a JOIN app_user u ON u.id = a.user_id
                WHERE a.event_id = :id ORDER BY u.username
                """).param("id", id).query((rs, n) -> new Grant(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * What is wrong with an event as the user fills the form, by the same rules as {@link #record} ({@code id} null)
     * or {@link #change}; empty when it would be accepted. Only a user who may write the case learns anything.
     */
    public List<InvalidInput.Violation> problems(Long id, EventDraft draft) {
        if (id == null) {
            requireCaseWorker();
            return BrokenRules.of(() -> check(draft, terms));
        }
        var rights = access.requireWrite(id);
        return BrokenRules.of(() -> {
            var rules = new BrokenRules();
            rules.rule(() -> check(draft, terms));
            rules.rule(() -> requireSharingRight(id, draft, rights));
            rules.throwIfAny();
        });
    }

    private void requireSharingRight(long id, EventDraft draft, CaseAccess.Rights rights) {
        if (draft.sharing() != null && find(id).sharing() != draft.sharing() && !rights.manage()) {
            throw new InvalidInput("sharing", "documentation.sharing.coordinator-only");
        }
    }

    private static void requireCaseWorker() {
        if (CurrentUser.require().roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) {
            throw new org.springframework.security.access.AccessDeniedException("not a case worker");
        }
    }

    /** The event's values as stored, or every rule it breaks; {@code terms} may be a remembering instance. */
    Map<String, Object> check(EventDraft draft, Terms terms) {
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (draft.sharing() == null) throw new InvalidInput("sharing", "validation.required");
        });
        rules.rule(() -> places.requireExists(draft.placeId(), "placeId"));
        FuzzyDate initial = draft.initial() == null ? FuzzyDate.unknown() : draft.initial();
        FuzzyDate end = draft.end();
        rules.rule(() -> FuzzyDate.requirePast(initial, "initialDate"));
        rules.rule(() -> FuzzyDate.requireOrder(initial, end, "endDate"));
        var values = new LinkedHashMap<String, Object>();
        values.put("sharing", draft.sharing() == null ? null : draft.sharing().name());
        values.put("title", rules.value(() -> Texts.required(draft.title(), 300, "title")));
        values.put("description", rules.value(() -> Texts.optional(draft.description(), 20000, "description")));
        values.put("initialDate", initial.date());
        values.put("initialPrecision", initial.precision().name());
        values.put("finalDate", end == null ? null : end.date());
        values.put("finalPrecision", end == null || end.date() == null ? null : end.precision().name());
        values.put("placeId", draft.placeId());
        values.put("locationType", rules.value(() -> terms.code("location-type", draft.locationType(), "locationType")));
        values.put("region", rules.value(() -> Texts.optional(draft.region(), 100, "region")));
        values.put("locationDescription", rules.value(() -> Texts.optional(draft.locationDescription(), 1000, "locationDescription")));
        values.put("violationStatus", rules.value(() -> terms.code("violation-status", draft.violationStatus(), "violationStatus")));
        values.put("monitoringStatus", rules.value(() -> terms.code("monitoring-status", draft.monitoringStatus(), "monitoringStatus")));
        values.put("dateReceived", draft.dateReceived());
        rules.throwIfAny();
        return values;
    }

    private static Map<String, Object> summary(Map<String, Object> values) {
        var summary = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> {
            if (v != null && !k.equals("description")) summary.put(k, String.valueOf(v));
        });
        return summary;
    }

    static Event row(ResultSet rs, int n) throws SQLException {
        return new Event(rs.getLong("id"), rs.getString("record_number"), rs.getLong("organisation_id"),
                rs.getString("organisation_name"), Sharing.valueOf(rs.getString("sharing")), rs.getString("title"),
                rs.getString("description"), Rows.date(rs, "initial_date", "initial_precision"),
                rs.getString("final_precision") == null ? null : Rows.date(rs, "final_date", "final_precision"),
                Rows.optionalLong(rs, "place_id"), rs.getString("place_name"), rs.getString("location_type"),
                rs.getString("region"), rs.getString("location_description"), rs.getString("violation_status"),
                rs.getString("monitoring_status"), rs.getObject("date_received", java.time.LocalDate.class),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
