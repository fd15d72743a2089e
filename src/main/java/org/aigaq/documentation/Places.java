package org.aigaq.documentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of places where people are deprived of liberty, as far as documentation needs it. */
@Service
public class Places {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Terms terms;
    private final ApplicationEventPublisher changes;

    Places(JdbcClient jdbc, AuditTrail audit, Terms terms, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.audit = audit;
        this.terms = terms;
    }

    /** Places whose name or official code contains the query, by name; at most {@code limit}. */
    public List<Place> find(String query, int limit) {
        String like = "%" + (query == null ? "" : query.strip().toLowerCase()).replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT id, name, official_code, location_type, region, town FROM place
                WHERE lower(name) LIKE :like OR lower(coalesce(official_code, '')) LIKE :like
                ORDER BY lower(name) LIMIT :limit
                """).param("like", like).param("limit", limit).query(Places::row).list();
    }

    public Place get(long id) {
        return jdbc.sql("SELECT id, name, official_code, location_type, region, town FROM place WHERE id = :id")
                .param("id", id).query(Places::row).optional().orElseThrow(() -> new NoSuchRecord("place", id));
    }

    @Transactional
    public Place add(String name, String officialCode, String locationType, String region, String town) {
        var values = values(name, officialCode, locationType, region, town);
        long id = jdbc.sql("""
                INSERT INTO place (name, official_code, location_type, region, town)
                VALUES (:name, :code, :type, :region, :town) RETURNING id
                """).params(values).query(Long.class).single();
        audit.record("place.added", "place", id, Map.of("name", values.get("name")));
        return get(id);
    }

    /** Corrects a place of the registry; the cases recorded there are found under its new name, region and type at once. */
    @Transactional
    public Place change(long id, String name, String officialCode, String locationType, String region, String town) {
        var user = org.aigaq.platform.security.CurrentUser.require();
        if (user.roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) {
            throw new org.springframework.security.access.AccessDeniedException("not a case worker");
        }
        get(id);
        jdbc.sql("""
                UPDATE place SET name = :name, official_code = :code, location_type = :type, region = :region, town = :town
                WHERE id = :id
                """).params(values(name, officialCode, locationType, region, town)).param("id", id).update();
        audit.record("place.changed", "place", id, Map.of("name", name.strip()));
        changes.publishEvent(new CasesChanged(jdbc.sql("""
                SELECT id FROM event WHERE place_id = :id UNION SELECT event_id FROM act WHERE place_id = :id
                """).param("id", id).query(Long.class).list()));
        return get(id);
    }

    /** What is wrong with a new place as the user fills the form, by the same rules as {@link #add}; empty when none. */
    public List<InvalidInput.Violation> problems(String name, String officialCode, String locationType, String region,
                                                  String town) {
        return BrokenRules.of(() -> values(name, officialCode, locationType, region, town));
    }

    private Map<String, Object> values(String name, String officialCode, String locationType, String region, String town) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("name", rules.value(() -> Texts.required(name, 300, "name")));
        values.put("code", rules.value(() -> Texts.optional(officialCode, 40, "officialCode")));
        values.put("type", rules.value(() -> {
            String type = terms.code("location-type", locationType, "locationType");
            if (type == null) throw new InvalidInput("locationType", "validation.required");
            return type;
        }));
        values.put("region", rules.value(() -> Texts.optional(region, 100, "region")));
        values.put("town", rules.value(() -> Texts.optional(town, 100, "town")));
        rules.throwIfAny();
        return values;
    }

    void requireExists(Long id, String field) {
        if (id != null && jdbc.sql("SELECT count(*) FROM place WHERE id = :id").param("id", id).query(Long.class).single() == 0) {
            throw new InvalidInput(field, "documentation.place.unknown");
        }
    }

    private static Place row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Place(rs.getLong("id"), rs.getString("name"), rs.getString("official_code"), rs.getString("location_type"),
                rs.getString("region"), rs.getString("town"));
    }
}
