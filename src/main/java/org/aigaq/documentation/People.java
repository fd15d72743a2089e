package org.aigaq.documentation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Victims, witnesses, relatives, sources and perpetrators. Identities are encrypted at rest and decrypted only for a
 * user who may see them; every such read is audited. Everyone else sees the pseudonym.
 */
@Service
public class People {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FieldEncryption encryption;
    private final JsonMapper json;
    private final Terms terms;
    private final RecordNumbers numbers;
    private final PersonNameIndex names;

    People(JdbcClient jdbc, AuditTrail audit, FieldEncryption encryption, JsonMapper json, Terms terms, RecordNumbers numbers,
           PersonNameIndex names) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.encryption = encryption;
        this.json = json;
        this.terms = terms;
        this.numbers = numbers;
        this.names = names;
    }

    /** Records a person for the user's organisation; returns it with its new pseudonym. */
    @Transactional
    public Person record(PersonDraft draft) {
        var user = CurrentUser.require();
        if (user.roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) {
            throw new org.springframework.security.access.AccessDeniedException("not a case worker");
        }
        Identity identity = checkIdentity(draft);
        String pseudonym = numbers.next("P");
        long id = jdbc.sql("""
                INSERT INTO person (pseudonym, organisation_id, identity, is_group, group_size, sex, citizenship,
                                    characteristics, deceased, date_of_death)
                VALUES (:pseudonym, :organisation, '\\x'::bytea, :group, :groupSize, :sex, :citizenship, :characteristics,
                        :deceased, :dateOfDeath) RETURNING id
                """).param("pseudonym", pseudonym).param("organisation", user.organisationId())
                .params(attributes(draft)).query(Long.class).single();
        jdbc.sql("UPDATE person SET identity = :identity WHERE id = :id")
                .param("identity", encrypt(identity, id)).param("id", id).update();
        names.index(id, user.organisationId(), identity);
        audit.record("person.recorded", "person", id, Map.of("pseudonym", pseudonym));
        return get(id);
    }

    @Transactional
    public Person change(long id, PersonDraft draft) {
        var rights = rightsOn(id);
        if (!rights.identities()) {
            throw new NoSuchRecord("person", id);
        }
        Identity identity = checkIdentity(draft);
        long organisation = jdbc.sql("SELECT organisation_id FROM person WHERE id = :id").param("id", id)
                .query(Long.class).single();
        names.index(id, organisation, identity);
        jdbc.sql("""
                UPDATE person SET identity = :identity, is_group = :group, group_size = :groupSize, sex = :sex,
                    citizenship = :citizenship, characteristics = :characteristics, deceased = :deceased,
                    date_of_death = :dateOfDeath, updated_at = now()
                WHERE id = :id
                """).param("identity", encrypt(identity, id)).params(attributes(draft)).param("id", id).update();
        audit.record("person.changed", "person", id, Map.of());
        return get(id);
    }

    /** The person as the current user may see it; 404 when the user may not see the person at all. */
    @Transactional
    public Person get(long id) {
        var rights = rightsOn(id);
        if (!rights.read()) {
            throw new NoSuchRecord("person", id);
        }
        if (rights.identities()) {
            audit.recordRead("person", id);
        }
        return jdbc.sql("SELECT * FROM person WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs, rights.identities())).single();
    }

    /** A page of the people of the user's organisation, newest first, and the id to continue after. */
    public record Page(List<Person> people, Long nextAfter) {}

    /** The people of the user's organisation, newest first, {@code size} at a time after the id {@code after}. */
    @Transactional
    public Page page(Long after, int size) {
        var user = CurrentUser.require();
        boolean identities = isWorker(user);
        var people = jdbc.sql("""
                SELECT * FROM person WHERE organisation_id = :organisation AND (CAST(:after AS bigint) IS NULL OR id < :after)
                ORDER BY id DESC LIMIT :limit
                """).param("organisation", user.organisationId()).param("after", after).param("limit", size + 1)
                .query((rs, n) -> row(rs, identities)).list();
        if (identities && !people.isEmpty()) {
            audit.record("read", "person", null, Map.of("list", "organisation", "count", Math.min(size, people.size())));
        }
        if (people.size() > size) {
            var page = people.subList(0, size);
            return new Page(List.copyOf(page), page.getLast().id());
        }
        return new Page(people, null);
    }

    /** Several people at once, as the current user may see them, given what the user may do with the case they are in. */
    List<Person> inCase(List<Long> ids, CaseAccess.Rights caseRights) {
        if (ids.isEmpty()) return List.of();
        var user = CurrentUser.require();
        return jdbc.sql("SELECT * FROM person WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query((rs, n) -> row(rs, caseRights.identities()
                        || (rs.getLong("organisation_id") == user.organisationId() && isWorker(user)))).list();
    }

    /** A person may be used in a case by its writers when it belongs to their organisation or is already in the case. */
    void requireUsable(Long personId, long eventId, String field) {
        if (personId == null) return;
        var user = CurrentUser.require();
        boolean usable = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM person p WHERE p.id = :id AND (p.organisation_id = :organisation
                    OR EXISTS (SELECT 1 FROM act a WHERE a.event_id = :event AND a.victim_id = p.id)
                    OR EXISTS (SELECT 1 FROM event_person ep WHERE ep.event_id = :event AND ep.person_id = p.id)))
                """).param("id", personId).param("organisation", user.organisationId()).param("event", eventId)
                .query(Boolean.class).single();
        if (!usable) {
            throw new InvalidInput(field, "documentation.person.unknown");
        }
    }

    /**
     * A person is visible to whoever may read a case the person is in, or (case workers) belongs to their
     * organisation; identities follow the case rights, or the organisation for case workers.
     */
    private CaseAccess.Rights rightsOn(long personId) {
        var user = CurrentUser.require();
        Long organisation = jdbc.sql("SELECT organisation_id FROM person WHERE id = :id").param("id", personId)
                .query(Long.class).optional().orElseThrow(() -> new NoSuchRecord("person", personId));
        if (organisation == user.organisationId() && isWorker(user)) {
            return new CaseAccess.Rights(true, true, true, false);
        }
        var cases = CaseAccess.bind(jdbc.sql("""
                SELECT e.id, e.organisation_id, e.sharing,
                       EXISTS (SELECT 1 FROM case_access a WHERE a.event_id = e.id AND a.user_id = :viewerId) AS granted
                FROM event e WHERE e.id IN (SELECT event_id FROM act WHERE victim_id = :person
                                            UNION SELECT event_id FROM event_person WHERE person_id = :person
                                            UNION SELECT a.event_id FROM involvement i JOIN act a ON a.id = i.act_id
                                                  WHERE i.perpetrator_id = :person)
                """)).param("person", personId)
                .query((rs, n) -> CaseAccess.rights(user, rs.getLong("organisation_id"),
                        Sharing.valueOf(rs.getString("sharing")), rs.getBoolean("granted"))).list();
        boolean read = cases.stream().anyMatch(CaseAccess.Rights::read);
        boolean identities = cases.stream().anyMatch(CaseAccess.Rights::identities);
        return new CaseAccess.Rights(read, identities, identities, false);
    }

    private static boolean isWorker(SignedInUser user) {
        return user.roles().stream().anyMatch(CaseAccess.CASE_WORKERS::contains);
    }

    /** The identity as stored (before encryption), or the first rule it breaks. */
    static Identity checkIdentity(PersonDraft draft) {
        Identity identity = draft.identity();
        if (identity == null || identity.name() == null || identity.name().isBlank()) {
            throw new InvalidInput("identity.name", "validation.required");
        }
        var others = identity.otherNames().stream().filter(n -> n != null && !n.isBlank())
                .map(n -> Texts.optional(n, 300, "identity.otherNames")).toList();
        if (draft.group() && (draft.groupSize() == null || draft.groupSize() < 1)) {
            throw new InvalidInput("groupSize", "documentation.person.group-size");
        }
        if (identity.dateOfBirth() != null && identity.dateOfBirth().isAfter(java.time.LocalDate.now())) {
            throw new InvalidInput("identity.dateOfBirth", "documentation.date.future");
        }
        return new Identity(Texts.required(identity.name(), 300, "identity.name"), others,
                Texts.optional(identity.contacts(), 1000, "identity.contacts"),
                Texts.optional(identity.address(), 1000, "identity.address"), identity.dateOfBirth());
    }

    private Map<String, Object> attributes(PersonDraft draft) {
        return attributes(draft, terms);
    }

    /** The person's other values as stored, or the first rule they break; for imports as well. */
    static Map<String, Object> attributes(PersonDraft draft, Terms terms) {
        var values = new java.util.HashMap<String, Object>();
        values.put("group", draft.group());
        values.put("groupSize", draft.group() ? draft.groupSize() : null);
        values.put("sex", terms.code("sex", draft.sex(), "sex"));
        values.put("citizenship", Texts.optional(draft.citizenship(), 100, "citizenship"));
        values.put("characteristics", terms.codes("person-characteristic", draft.characteristics(), "characteristics"));
        values.put("deceased", draft.deceased());
        values.put("dateOfDeath", draft.deceased() ? draft.dateOfDeath() : null);
        return values;
    }

    /** The identity encrypted for the person {@code id}: bound to {@code person.identity:<id>}, it decrypts nowhere else. */
    byte[] encrypt(Identity identity, long id) {
        return encryption.encrypt(json.writeValueAsString(identity), "person.identity:" + id);
    }

    /** The identity stored for the person {@code id}, decrypted. */
    Identity decrypt(byte[] identity, long id) {
        return json.readValue(encryption.decrypt(identity, "person.identity:" + id), Identity.class);
    }

    /** A person row as the user may see it: with the identity, or with the pseudonym only. */
    Person row(ResultSet rs, boolean withIdentity) throws SQLException {
        long id = rs.getLong("id");
        Identity identity = withIdentity ? decrypt(rs.getBytes("identity"), id) : null;
        return new Person(id, rs.getString("pseudonym"), rs.getLong("organisation_id"), identity,
                rs.getBoolean("is_group"), Rows.optionalInt(rs, "group_size"), rs.getString("sex"),
                rs.getString("citizenship"), Rows.strings(rs, "characteristics"), rs.getBoolean("deceased"),
                rs.getObject("date_of_death", java.time.LocalDate.class));
    }
}
