package org.aigaq.platform.accounts;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coalition's member organisations. */
@Service
public class Organisations {

    private static final String SELECT = """
            SELECT o.id, o.name, o.short_name, o.created_at,
                   (SELECT count(*) FROM app_user u WHERE u.organisation_id = o.id) AS users
            FROM organisation o
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Organisations(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Organisation> all() {
        return jdbc.sql(SELECT + " ORDER BY lower(o.name)").query(Organisations::row).list();
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id).query(Organisations::row).optional();
    }

    public Organisation get(long id) {
        return find(id).orElseThrow(() -> new NoSuchRecord("organisation", id));
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM organisation)").query(Boolean.class).single();
    }

    @Transactional
    public Organisation create(String name, String shortName) {
        requireUniqueName(name, null);
        long id = jdbc.sql("INSERT INTO organisation (name, short_name) VALUES (:name, :shortName) RETURNING id")
                .param("name", name.strip()).param("shortName", blankToNull(shortName))
                .query(Long.class).single();
        audit.record("organisation.created", "organisation", id, summary(name, shortName));
        return get(id);
    }

    @Transactional
    public Organisation rename(long id, String name, String shortName) {
        Organisation before = get(id);
        requireUniqueName(name, id);
        jdbc.sql("UPDATE organisation SET name = :name, short_name = :shortName WHERE id = :id")
                .param("name", name.strip()).param("shortName", blankToNull(shortName)).param("id", id).update();
        audit.record("organisation.changed", "organisation", id, Map.of(
                "before", summary(before.name(), before.shortName()), "after", summary(name, shortName)));
        return get(id);
    }

    private void requireUniqueName(String name, Long except) {
        boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM organisation WHERE lower(name) = lower(:name) AND id <> :except)")
                .param("name", name.strip()).param("except", except == null ? -1 : except)
                .query(Boolean.class).single();
        if (taken) {
            throw new InvalidInput("name", "organisation.name.taken");
        }
    }

    private static Map<String, Object> summary(String name, String shortName) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("name", name == null ? null : name.strip());
        summary.put("shortName", blankToNull(shortName));
        return summary;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Organisation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("short_name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("users"));
    }
}
