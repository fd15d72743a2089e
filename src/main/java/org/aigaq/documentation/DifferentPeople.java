package org.aigaq.documentation;

import java.util.Map;
import java.util.Optional;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two people of the organisation marked as different people by a coordinator or a documenter: the pair is never
 * proposed again, nor merged, while the marking stands; it can be undone. Both are audited.
 */
@Service
public class DifferentPeople {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DifferentPeople(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Marks two people of the user's organisation as different people. */
    @Transactional
    public DifferentPair mark(long oneId, long otherId) {
        var user = PersonMerges.requireDecider();
        if (oneId == otherId) {
            throw new InvalidInput("second", "documentation.duplicates.different.same-person");
        }
        long first = Math.min(oneId, otherId);
        long second = Math.max(oneId, otherId);
        var found = jdbc.sql("""
                SELECT id, merged_into FROM person WHERE id IN (:first, :second) AND organisation_id = :organisation
                ORDER BY id FOR UPDATE
                """).param("first", first).param("second", second).param("organisation", user.organisationId())
                .query((rs, n) -> new Long[] {rs.getLong(1), Rows.optionalLong(rs, "merged_into")}).list();
        if (found.size() < 2) {
            throw new NoSuchRecord("person", found.stream().anyMatch(f -> f[0] == first) ? second : first);
        }
        for (Long[] person : found) {
            if (person[1] != null) {
                throw new InvalidInput(person[0] == oneId ? "first" : "second", "documentation.duplicates.merge.already-merged",
                        pseudonym(person[0]), pseudonym(person[1]));
            }
        }
        if (current(first, second).isPresent()) {
            throw new InvalidInput("second", "documentation.duplicates.different.already", pseudonym(first), pseudonym(second));
        }
        long id = jdbc.sql("""
                INSERT INTO person_pair_different (organisation_id, first_id, second_id, marked_by)
                VALUES (:organisation, :first, :second, :user) RETURNING id
                """).param("organisation", user.organisationId()).param("first", first).param("second", second)
                .param("user", user.id()).query(Long.class).single();
        audit.record("person.marked-different", "person", first, Map.of("pair", id, "first", pseudonym(first),
                "second", pseudonym(second)));
        return get(id);
    }

    /** Undoes a marking: the pair may be proposed again. */
    @Transactional
    public DifferentPair undo(long id) {
        var user = PersonMerges.requireDecider();
        var pair = jdbc.sql(SELECT + " WHERE d.id = :id AND d.organisation_id = :organisation FOR UPDATE OF d")
                .param("id", id).param("organisation", user.organisationId()).query((rs, n) -> pair(rs)).optional()
                .orElseThrow(() -> new NoSuchRecord("different-pair", id));
        if (!pair.current()) {
            throw new InvalidInput("pair", "documentation.duplicates.different.already-undone", pair.firstPseudonym(),
                    pair.secondPseudonym());
        }
        jdbc.sql("UPDATE person_pair_different SET undone_at = now(), undone_by = :user WHERE id = :id")
                .param("user", user.id()).param("id", id).update();
        audit.record("person.different-undone", "person", pair.firstId(), Map.of("pair", id, "first", pair.firstPseudonym(),
                "second", pair.secondPseudonym()));
        return get(id);
    }

    /** A marking of the user's organisation. */
    @Transactional(readOnly = true)
    public DifferentPair get(long id) {
        var user = CurrentUser.require();
        return jdbc.sql(SELECT + " WHERE d.id = :id AND d.organisation_id = :organisation").param("id", id)
                .param("organisation", user.organisationId()).query((rs, n) -> pair(rs)).optional()
                .orElseThrow(() -> new NoSuchRecord("different-pair", id));
    }

    /** The marking that stands for two people, if any. */
    @Transactional(readOnly = true)
    public Optional<DifferentPair> current(long oneId, long otherId) {
        var user = CurrentUser.require();
        return jdbc.sql(SELECT + """
                 WHERE d.first_id = :first AND d.second_id = :second AND d.undone_at IS NULL AND d.organisation_id = :organisation
                """).param("first", Math.min(oneId, otherId)).param("second", Math.max(oneId, otherId))
                .param("organisation", user.organisationId()).query((rs, n) -> pair(rs)).optional();
    }

    private static final String SELECT = """
            SELECT d.id, d.first_id, f.pseudonym AS first_pseudonym, d.second_id, s.pseudonym AS second_pseudonym,
                   d.marked_at, d.undone_at
            FROM person_pair_different d JOIN person f ON f.id = d.first_id JOIN person s ON s.id = d.second_id""";

    private static DifferentPair pair(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DifferentPair(rs.getLong("id"), rs.getLong("first_id"), rs.getString("first_pseudonym"),
                rs.getLong("second_id"), rs.getString("second_pseudonym"), Rows.instant(rs, "marked_at"),
                Rows.instant(rs, "undone_at"));
    }

    private String pseudonym(long personId) {
        return jdbc.sql("SELECT pseudonym FROM person WHERE id = :id").param("id", personId).query(String.class).single();
    }
}
