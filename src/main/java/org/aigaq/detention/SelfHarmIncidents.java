package org.aigaq.detention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self-harm incidents in custody: cutting, hanging attempts, hunger strikes…, by one person or a group in protest. */
@Service
public class SelfHarmIncidents {

    static final String TABLE = "self_harm_incident";
    /** A group protest counts at most this many people: more is a typing mistake. */
    static final int MOST_PEOPLE = 100_000;

    /** What to list: each part optional. */
    public record Filter(String kind, Integer year, Long placeId, boolean ours) {
        public static Filter none() {
            return new Filter(null, null, null, false);
        }
    }

    /** A page of incidents, newest first, and the id to continue after when there are more. */
    public record Page(List<SelfHarmIncident> incidents, Long nextAfter) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CustodyRegisterAccess access;
    private final People people;
    private final Places places;
    private final DeathsInCustody deaths;

    SelfHarmIncidents(JdbcClient jdbc, AuditTrail audit, CustodyRegisterAccess access, People people, Places places,
                      DeathsInCustody deaths) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.people = people;
        this.places = places;
        this.deaths = deaths;
    }

    @Transactional
    public SelfHarmIncident record(SelfHarmDraft draft) {
        CustodyRegisterAccess.requireRecorder();
        var values = check(draft);
        long id = insert(values);
        audit.record("self-harm.recorded", TABLE, id, summary(values));
        return get(id);
    }

    /** Writes an incident already checked, for the user's organisation; the caller audits (one entry per import). */
    long insert(Map<String, Object> values) {
        var user = CurrentUser.require();
        return jdbc.sql("""
                INSERT INTO self_harm_incident (organisation_id, sharing, place_id, person_id, incident_date,
                    incident_precision, kind, group_protest, people, reason, response, created_by)
                VALUES (:organisation, :sharing, :placeId, :personId, :date, :precision, :kind, :groupProtest, :people,
                    :reason, :response, :createdBy) RETURNING id
                """).params(values).param("organisation", user.organisationId()).param("createdBy", user.id())
                .query(Long.class).single();
    }

    @Transactional
    public SelfHarmIncident change(long id, SelfHarmDraft draft) {
        access.requireWrite(TABLE, id);
        var values = check(draft);
        jdbc.sql("""
                UPDATE self_harm_incident SET sharing = :sharing, place_id = :placeId, person_id = :personId,
                    incident_date = :date, incident_precision = :precision, kind = :kind, group_protest = :groupProtest,
                    people = :people, reason = :reason, response = :response, updated_at = now()
                WHERE id = :id
                """).params(values).param("id", id).update();
        audit.record("self-harm.changed", TABLE, id, summary(values));
        return get(id);
    }

    @Transactional
    public SelfHarmIncident get(long id) {
        var rights = access.requireRead(TABLE, id);
        var incident = jdbc.sql("SELECT * FROM self_harm_incident WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs, rights)).optional().orElseThrow(() -> new NoSuchRecord(TABLE, id));
        audit.recordRead(TABLE, id);
        return incident;
    }

    /** The incidents the current user may read, newest first, {@code size} at a time after the id {@code after}. */
    public Page list(Filter filter, Long after, int size) {
        var sql = new StringBuilder("SELECT * FROM self_harm_incident s WHERE ").append(CustodyFigures.condition("s", filter.ours()));
        var params = new LinkedHashMap<String, Object>();
        if (after != null) {
            sql.append(" AND s.id < :after");
            params.put("after", after);
        }
        if (filter.kind() != null && !filter.kind().isBlank()) {
            sql.append(" AND s.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.year() != null) {
            sql.append(" AND s.incident_date >= :from AND s.incident_date < :to");
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.placeId() != null) {
            sql.append(" AND s.place_id = :placeId");
            params.put("placeId", filter.placeId());
        }
        sql.append(" ORDER BY s.id DESC LIMIT :limit");
        params.put("limit", size + 1);
        var user = CurrentUser.require();
        var rows = CustodyRegisterAccess.bind(jdbc.sql(sql.toString()).params(params)).query((rs, n) -> row(rs,
                CustodyRegisterAccess.rights(user, rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")))))
                .list();
        if (rows.size() > size) {
            var page = rows.subList(0, size);
            return new Page(List.copyOf(page), page.getLast().id());
        }
        return new Page(rows, null);
    }

    public List<InvalidInput.Violation> problems(SelfHarmDraft draft) {
        return BrokenRules.of(() -> check(draft));
    }

    Map<String, Object> check(SelfHarmDraft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("sharing", draft.sharing().name());
        rules.rule(() -> CustodyRegisterAccess.requireSharingRight(draft.sharing()));
        values.put("placeId", draft.placeId());
        rules.rule(() -> deaths.requirePlace(draft.placeId(), "placeId"));
        values.put("personId", draft.personId());
        rules.rule(() -> people.requireOwn(draft.personId(), "personId"));
        FuzzyDate date = draft.date();
        rules.rule(() -> DeathsInCustody.requireDate(date, "date"));
        values.put("date", date == null ? null : date.date());
        values.put("precision", date == null || date.date() == null ? DatePrecision.UNKNOWN.name() : date.precision().name());
        values.put("kind", rules.value(() -> {
            String kind = deaths.term("self-harm-kind", draft.kind(), "kind");
            if (kind == null) throw new InvalidInput("kind", "validation.required");
            return kind;
        }));
        values.put("groupProtest", draft.groupProtest());
        values.put("people", rules.value(() -> {
            if (!draft.groupProtest()) {
                if (draft.people() != null && draft.people() != 1) throw new InvalidInput("people", "detention.self-harm.people-individual");
                return 1;
            }
            if (draft.people() == null) throw new InvalidInput("people", "detention.self-harm.people-group");
            if (draft.people() < 2 || draft.people() > MOST_PEOPLE) {
                throw new InvalidInput("people", "detention.self-harm.people-range", MOST_PEOPLE);
            }
            return draft.people();
        }));
        rules.rule(() -> {
            if (draft.groupProtest() && draft.personId() != null) throw new InvalidInput("personId", "detention.self-harm.person-of-group");
        });
        values.put("reason", rules.value(() -> DeathsInCustody.text(draft.reason(), 5000, "reason")));
        values.put("response", rules.value(() -> DeathsInCustody.text(draft.response(), 5000, "response")));
        rules.throwIfAny();
        return values;
    }

    private static Map<String, Object> summary(Map<String, Object> values) {
        var summary = new LinkedHashMap<String, Object>();
        for (String key : List.of("sharing", "placeId", "personId", "date", "precision", "kind", "groupProtest", "people")) {
            if (values.get(key) != null) summary.put(key, String.valueOf(values.get(key)));
        }
        return summary;
    }

    private SelfHarmIncident row(ResultSet rs, CustodyRegisterAccess.Rights rights) throws SQLException {
        Long personId = rs.getObject("person_id", Long.class);
        boolean open = !rights.anonymised();
        var place = places.get(rs.getLong("place_id"));
        return new SelfHarmIncident(rs.getLong("id"), rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")),
                place.id(), place.name(), open ? personId : null,
                personId == null || !open ? null : people.shownIn(personId, false).pseudonym(),
                DeathsInCustody.date(rs, "incident_date", "incident_precision"), rs.getString("kind"),
                rs.getBoolean("group_protest"), rs.getInt("people"), open ? rs.getString("reason") : null,
                open ? rs.getString("response") : null, rights.write());
    }
}
