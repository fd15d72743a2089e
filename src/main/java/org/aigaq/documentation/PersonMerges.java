package org.aigaq.documentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merging two records of one person, always by a person's decision (coordinators and documenters of the owning
 * organisation), and undoing it. Every link moves to the kept record ({@link #LINKS}); the merged record's name and
 * other names become other names of the kept one, its contacts, address, date of birth, sex and citizenship fill what
 * the kept one lacks; the kept record's name tokens are rebuilt; the merged record is retired, not deleted: it points
 * to the kept one, which its page and pseudonym now lead to. The rows moved and the kept record's identity before
 * the merge are written down, so that an undo puts back exactly what the merge changed. Both are audited.
 */
@Service
public class PersonMerges {

    /** Who may merge, undo a merge, or mark two people as different. */
    public static final List<Role> DECIDERS = List.of(Role.COORDINATOR, Role.DOCUMENTER);

    /**
     * Every column that refers to a person and what a merge does with it. A migration that adds another reference to
     * person must add it here (DuplicatePeopleTest compares this list with the database's foreign keys).
     */
    public static final Map<String, String> LINKS = Map.ofEntries(
            Map.entry("act.victim_id", "moved"),
            Map.entry("involvement.perpetrator_id", "moved"),
            Map.entry("information.source_person_id", "moved"),
            Map.entry("event_person.person_id", "moved"),
            Map.entry("person_name_tokens.person_id", "rebuilt for the kept person, removed for the merged one"),
            Map.entry("person.merged_into", "set on the merged person"),
            Map.entry("person_merge.kept_id", "the merge's own record"),
            Map.entry("person_merge.merged_id", "the merge's own record"),
            Map.entry("person_pair_different.first_id", "history: stays with the records marked"),
            Map.entry("person_pair_different.second_id", "history: stays with the records marked"),
            // Other capabilities' references stay with the retired record, whose page and pseudonym lead to the kept one.
            Map.entry("visit_interviewee.person_id", "stays: the retired record leads to the kept one"),
            Map.entry("death_in_custody.person_id", "stays: the retired record leads to the kept one"),
            Map.entry("self_harm_incident.person_id", "stays: the retired record leads to the kept one"),
            Map.entry("defender_incident.person_id", "stays: the retired record leads to the kept one"),
            Map.entry("trial_defendant.person_id", "stays: the retired record leads to the kept one"),
            Map.entry("refoulement_case.person_id", "stays: the retired record leads to the kept one"));

    private final JdbcClient jdbc;
    private final People people;
    private final PersonNameIndex names;
    private final FieldEncryption encryption;
    private final JsonMapper json;
    private final AuditTrail audit;

    PersonMerges(JdbcClient jdbc, People people, PersonNameIndex names, FieldEncryption encryption, JsonMapper json,
                 AuditTrail audit) {
        this.jdbc = jdbc;
        this.people = people;
        this.names = names;
        this.encryption = encryption;
        this.json = json;
        this.audit = audit;
    }

    /** One person row, locked, as stored. */
    private record Stored(long id, String pseudonym, long organisationId, Identity identity, String sex, String citizenship,
                          Long mergedInto) {}

    /** Merges the person {@code mergedId} into {@code keptId}; refused with a message when it cannot be done. */
    @Transactional
    public PersonMerge merge(long keptId, long mergedId) {
        var user = requireDecider();
        if (keptId == mergedId) {
            throw new InvalidInput("merged", "documentation.duplicates.merge.same-person");
        }
        // Both rows locked in id order, so that two merges of the same pair wait for each other and the second sees
        // the first one's result.
        var locked = lock(List.of(Math.min(keptId, mergedId), Math.max(keptId, mergedId)), user);
        Stored kept = locked.get(keptId);
        Stored merged = locked.get(mergedId);
        var problems = new ArrayList<InvalidInput.Violation>();
        if (merged.mergedInto() != null) {
            problems.add(new InvalidInput.Violation("merged", "documentation.duplicates.merge.already-merged",
                    merged.pseudonym(), pseudonym(merged.mergedInto())));
        }
        if (kept.mergedInto() != null) {
            problems.add(new InvalidInput.Violation("kept", "documentation.duplicates.merge.already-merged",
                    kept.pseudonym(), pseudonym(kept.mergedInto())));
        }
        if (!problems.isEmpty()) throw new InvalidInput(problems);
        boolean different = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM person_pair_different WHERE undone_at IS NULL AND first_id = :first AND second_id = :second)
                """).param("first", Math.min(keptId, mergedId)).param("second", Math.max(keptId, mergedId))
                .query(Boolean.class).single();
        if (different) {
            throw new InvalidInput("merged", "documentation.duplicates.merge.marked-different", kept.pseudonym(), merged.pseudonym());
        }

        long mergeId = jdbc.sql("""
                INSERT INTO person_merge (organisation_id, kept_id, merged_id, kept_identity, kept_sex, kept_citizenship, merged_by)
                VALUES (:organisation, :kept, :merged, '\\x'::bytea, :sex, :citizenship, :user) RETURNING id
                """).param("organisation", user.organisationId()).param("kept", keptId).param("merged", mergedId)
                .param("sex", kept.sex()).param("citizenship", kept.citizenship()).param("user", user.id())
                .query(Long.class).single();
        jdbc.sql("UPDATE person_merge SET kept_identity = :identity WHERE id = :id")
                .param("identity", encryptSnapshot(kept.identity(), mergeId)).param("id", mergeId).update();

        var moved = moveLinks(mergeId, mergedId, keptId);
        Identity combined = combined(kept.identity(), merged.identity());
        jdbc.sql("""
                UPDATE person SET identity = :identity, sex = coalesce(sex, :sex), citizenship = coalesce(citizenship, :citizenship),
                    updated_at = now() WHERE id = :id
                """).param("identity", people.encrypt(combined, keptId)).param("sex", merged.sex())
                .param("citizenship", merged.citizenship()).param("id", keptId).update();
        jdbc.sql("UPDATE person SET merged_into = :kept, updated_at = now() WHERE id = :merged")
                .param("kept", keptId).param("merged", mergedId).update();
        names.index(keptId, kept.organisationId(), combined);
        names.forget(mergedId);
        audit.record("person.merged", "person", keptId, Map.of("merge", mergeId, "kept", kept.pseudonym(),
                "merged", merged.pseudonym(), "moved", moved));
        return get(mergeId);
    }

    /** Moves every link of {@code from} to {@code to} and writes down each row moved; the counts by kind. */
    private Map<String, Integer> moveLinks(long mergeId, long from, long to) {
        var moved = new LinkedHashMap<String, Integer>();
        moved.put("act.victim", moveRows(mergeId, "act.victim",
                "UPDATE act SET victim_id = :to WHERE victim_id = :from RETURNING id", from, to));
        moved.put("involvement.perpetrator", moveRows(mergeId, "involvement.perpetrator",
                "UPDATE involvement SET perpetrator_id = :to WHERE perpetrator_id = :from RETURNING id", from, to));
        moved.put("information.source", moveRows(mergeId, "information.source",
                "UPDATE information SET source_person_id = :to WHERE source_person_id = :from RETURNING id", from, to));
        // A row the kept person already has (same event, same role) would repeat: the merged one's is dropped, whole.
        int dropped = jdbc.sql("""
                WITH gone AS (
                    DELETE FROM event_person m WHERE m.person_id = :from AND EXISTS (
                        SELECT 1 FROM event_person k WHERE k.event_id = m.event_id AND k.role = m.role AND k.person_id = :to)
                    RETURNING m.event_id, m.role, m.note)
                INSERT INTO person_merge_link (merge_id, link, row_id, role, note, dropped)
                SELECT :merge, 'event_person', event_id, role, note, true FROM gone
                """).param("from", from).param("to", to).param("merge", mergeId).update();
        int shifted = jdbc.sql("""
                WITH shifted AS (
                    UPDATE event_person SET person_id = :to WHERE person_id = :from RETURNING event_id, role)
                INSERT INTO person_merge_link (merge_id, link, row_id, role)
                SELECT :merge, 'event_person', event_id, role FROM shifted
                """).param("from", from).param("to", to).param("merge", mergeId).update();
        moved.put("event_person", dropped + shifted);
        return moved;
    }

    private int moveRows(long mergeId, String link, String update, long from, long to) {
        return jdbc.sql("WITH moved AS (" + update + ") INSERT INTO person_merge_link (merge_id, link, row_id) "
                        + "SELECT :merge, :link, id FROM moved")
                .param("from", from).param("to", to).param("merge", mergeId).param("link", link).update();
    }

    /** The kept identity after a merge: its own values first, then what only the merged record had. */
    static Identity combined(Identity kept, Identity merged) {
        var others = new LinkedHashSet<String>(kept.otherNames());
        others.add(merged.name());
        others.addAll(merged.otherNames());
        others.remove(kept.name());
        others.removeIf(n -> n == null || n.isBlank());
        return new Identity(kept.name(), List.copyOf(others), firstOf(kept.contacts(), merged.contacts()),
                firstOf(kept.address(), merged.address()),
                kept.dateOfBirth() != null ? kept.dateOfBirth() : merged.dateOfBirth());
    }

    private static String firstOf(String own, String other) {
        return own != null && !own.isBlank() ? own : other;
    }

    /**
     * Undoes a merge: the rows it moved go back to the merged record (those still on the kept one), dropped rows come
     * back, the merged record is current again with its tokens, and the kept record loses what the merge gave it
     * while keeping any change made to it since.
     */
    @Transactional
    public PersonMerge undo(long mergeId) {
        var user = requireDecider();
        var row = jdbc.sql("""
                SELECT kept_id, merged_id, kept_identity, kept_sex, kept_citizenship, undone_at IS NOT NULL AS undone
                FROM person_merge WHERE id = :id AND organisation_id = :organisation FOR UPDATE
                """).param("id", mergeId).param("organisation", user.organisationId())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)})
                .optional().orElseThrow(() -> new NoSuchRecord("merge", mergeId));
        long keptId = (Long) row[0];
        long mergedId = (Long) row[1];
        var locked = lock(List.of(Math.min(keptId, mergedId), Math.max(keptId, mergedId)), user);
        Stored kept = locked.get(keptId);
        Stored merged = locked.get(mergedId);
        if ((Boolean) row[5]) {
            throw new InvalidInput("merge", "documentation.duplicates.undo.already-undone", merged.pseudonym(), kept.pseudonym());
        }
        if (kept.mergedInto() != null) {
            // Its links have moved on: the later merge has to be undone first.
            throw new InvalidInput("merge", "documentation.duplicates.undo.kept-merged-since", kept.pseudonym(),
                    pseudonym(kept.mergedInto()));
        }
        Identity before = decryptSnapshot((byte[]) row[2], mergeId);
        Identity restored = restored(kept.identity(), before, merged.identity());

        var links = jdbc.sql("SELECT link, row_id, role, note, dropped FROM person_merge_link WHERE merge_id = :merge")
                .param("merge", mergeId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)})
                .list();
        var restoredCounts = new LinkedHashMap<String, Integer>();
        for (Object[] link : links) {
            String kind = (String) link[0];
            long rowId = (Long) link[1];
            int count = switch (kind) {
                case "act.victim" -> jdbc.sql("UPDATE act SET victim_id = :merged WHERE id = :row AND victim_id = :kept")
                        .param("merged", mergedId).param("row", rowId).param("kept", keptId).update();
                case "involvement.perpetrator" -> jdbc.sql(
                                "UPDATE involvement SET perpetrator_id = :merged WHERE id = :row AND perpetrator_id = :kept")
                        .param("merged", mergedId).param("row", rowId).param("kept", keptId).update();
                case "information.source" -> jdbc.sql(
                                "UPDATE information SET source_person_id = :merged WHERE id = :row AND source_person_id = :kept")
                        .param("merged", mergedId).param("row", rowId).param("kept", keptId).update();
                case "event_person" -> (Boolean) link[4]
                        ? jdbc.sql("""
                                INSERT INTO event_person (event_id, person_id, role, note) VALUES (:event, :merged, :role, :note)
                                ON CONFLICT DO NOTHING
                                """).param("event", rowId).param("merged", mergedId).param("role", link[2])
                                .param("note", link[3]).update()
                        : jdbc.sql("""
                                UPDATE event_person SET person_id = :merged
                                WHERE event_id = :event AND role = :role AND person_id = :kept
                                """).param("merged", mergedId).param("event", rowId).param("role", link[2])
                                .param("kept", keptId).update();
                default -> throw new IllegalStateException("unknown link " + kind);
            };
            restoredCounts.merge(kind, count, Integer::sum);
        }
        String sex = Objects.equals(kept.sex(), merged.sex()) && row[3] == null ? null : kept.sex();
        String citizenship = Objects.equals(kept.citizenship(), merged.citizenship()) && row[4] == null ? null : kept.citizenship();
        jdbc.sql("UPDATE person SET identity = :identity, sex = :sex, citizenship = :citizenship, updated_at = now() WHERE id = :id")
                .param("identity", people.encrypt(restored, keptId)).param("sex", sex).param("citizenship", citizenship)
                .param("id", keptId).update();
        jdbc.sql("UPDATE person SET merged_into = NULL, updated_at = now() WHERE id = :id").param("id", mergedId).update();
        jdbc.sql("UPDATE person_merge SET undone_at = now(), undone_by = :user WHERE id = :id")
                .param("user", user.id()).param("id", mergeId).update();
        names.index(keptId, kept.organisationId(), restored);
        names.index(mergedId, merged.organisationId(), merged.identity());
        audit.record("person.merge-undone", "person", keptId, Map.of("merge", mergeId, "kept", kept.pseudonym(),
                "merged", merged.pseudonym(), "restored", restoredCounts));
        return get(mergeId);
    }

    /**
     * The kept identity once a merge is undone: what the merge put in is taken out again (the names it added, the
     * values it filled while they are unchanged); what was changed since the merge stays. Without later changes it
     * is exactly the identity before the merge.
     */
    static Identity restored(Identity now, Identity before, Identity merged) {
        Identity after = combined(before, merged);
        var added = new LinkedHashSet<>(after.otherNames());
        before.otherNames().forEach(added::remove);
        var others = new ArrayList<String>();
        for (String name : now.otherNames()) {
            if (!added.contains(name)) others.add(name);
        }
        // Names the kept record had before come back in their place even if the merge reordered nothing.
        return new Identity(now.name(), others,
                Objects.equals(now.contacts(), after.contacts()) ? before.contacts() : now.contacts(),
                Objects.equals(now.address(), after.address()) ? before.address() : now.address(),
                Objects.equals(now.dateOfBirth(), after.dateOfBirth()) ? before.dateOfBirth() : now.dateOfBirth());
    }

    /** A merge of the user's organisation. */
    @Transactional(readOnly = true)
    public PersonMerge get(long mergeId) {
        var user = requireCaseWorker();
        return jdbc.sql(SELECT + " WHERE m.id = :id AND m.organisation_id = :organisation")
                .param("id", mergeId).param("organisation", user.organisationId())
                .query((rs, n) -> merge(rs)).optional().map(this::withCounts)
                .orElseThrow(() -> new NoSuchRecord("merge", mergeId));
    }

    /** The merges into a person of the user's organisation, newest first, undone ones too. */
    @Transactional(readOnly = true)
    public List<PersonMerge> into(long personId) {
        var user = requireCaseWorker();
        return jdbc.sql(SELECT + " WHERE m.kept_id = :person AND m.organisation_id = :organisation ORDER BY m.id DESC")
                .param("person", personId).param("organisation", user.organisationId())
                .query((rs, n) -> merge(rs)).list().stream().map(this::withCounts).toList();
    }

    /** The merge that stands between two people of the user's organisation, either way round, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<PersonMerge> currentBetween(long oneId, long otherId) {
        var user = requireCaseWorker();
        return jdbc.sql(SELECT + """
                 WHERE m.undone_at IS NULL AND m.organisation_id = :organisation
                   AND ((m.kept_id = :one AND m.merged_id = :other) OR (m.kept_id = :other AND m.merged_id = :one))
                """).param("one", oneId).param("other", otherId).param("organisation", user.organisationId())
                .query((rs, n) -> merge(rs)).optional().map(this::withCounts);
    }

    /** The person a retired record was merged into, for a user who may see the retired record; empty otherwise. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> mergedInto(long personId) {
        var user = CurrentUser.require();
        if (user.roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) return java.util.Optional.empty();
        return jdbc.sql("SELECT merged_into FROM person WHERE id = :id AND organisation_id = :organisation AND merged_into IS NOT NULL")
                .param("id", personId).param("organisation", user.organisationId()).query(Long.class).optional();
    }

    private static final String SELECT = """
            SELECT m.id, m.kept_id, k.pseudonym AS kept_pseudonym, m.merged_id, r.pseudonym AS merged_pseudonym,
                   m.merged_at, m.undone_at
            FROM person_merge m JOIN person k ON k.id = m.kept_id JOIN person r ON r.id = m.merged_id""";

    private static PersonMerge merge(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PersonMerge(rs.getLong("id"), rs.getLong("kept_id"), rs.getString("kept_pseudonym"), rs.getLong("merged_id"),
                rs.getString("merged_pseudonym"), Rows.instant(rs, "merged_at"), Rows.instant(rs, "undone_at"), Map.of());
    }

    private PersonMerge withCounts(PersonMerge merge) {
        var counts = new LinkedHashMap<String, Integer>();
        for (String link : List.of("act.victim", "involvement.perpetrator", "information.source", "event_person")) counts.put(link, 0);
        jdbc.sql("SELECT link, count(*) FROM person_merge_link WHERE merge_id = :id GROUP BY link").param("id", merge.id())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return new PersonMerge(merge.id(), merge.keptId(), merge.keptPseudonym(), merge.mergedId(), merge.mergedPseudonym(),
                merge.mergedAt(), merge.undoneAt(), counts);
    }

    /** The rows of people of the user's organisation, locked; another organisation's person is not found. */
    private Map<Long, Stored> lock(List<Long> ids, SignedInUser user) {
        var found = new LinkedHashMap<Long, Stored>();
        jdbc.sql("""
                SELECT id, pseudonym, organisation_id, identity, sex, citizenship, merged_into FROM person
                WHERE id IN (:ids) AND organisation_id = :organisation ORDER BY id FOR UPDATE
                """).param("ids", ids).param("organisation", user.organisationId())
                .query(rs -> {
                    long id = rs.getLong(1);
                    found.put(id, new Stored(id, rs.getString(2), rs.getLong(3), people.decrypt(rs.getBytes(4), id),
                            rs.getString(5), rs.getString(6), Rows.optionalLong(rs, "merged_into")));
                });
        for (long id : ids) {
            if (!found.containsKey(id)) throw new NoSuchRecord("person", id);
        }
        return found;
    }

    private String pseudonym(long personId) {
        return jdbc.sql("SELECT pseudonym FROM person WHERE id = :id").param("id", personId).query(String.class).single();
    }

    private byte[] encryptSnapshot(Identity identity, long mergeId) {
        return encryption.encrypt(json.writeValueAsString(identity), "person_merge.kept_identity:" + mergeId);
    }

    private Identity decryptSnapshot(byte[] snapshot, long mergeId) {
        return json.readValue(encryption.decrypt(snapshot, "person_merge.kept_identity:" + mergeId), Identity.class);
    }

    static SignedInUser requireDecider() {
        var user = CurrentUser.require();
        if (DECIDERS.stream().noneMatch(user::has)) {
            throw new AccessDeniedException("only coordinators and documenters merge people or mark them different");
        }
        return user;
    }

    private static SignedInUser requireCaseWorker() {
        var user = CurrentUser.require();
        if (user.roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) {
            throw new AccessDeniedException("only case workers see merges");
        }
        return user;
    }
}
