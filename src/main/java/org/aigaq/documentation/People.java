package org.aigaq.documentation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.BrokenRules;
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
        requireCaseWorker();
        var user = CurrentUser.require();
        var checked = check(draft);
        String pseudonym = numbers.next("P");
        long id = jdbc.sql("""
                INSERT INTO person (pseudonym, organisation_id, identity, is_group, group_size, sex, citizenship,
                                    characteristics, deceased, date_of_death)
                VALUES (:pseudonym, :organisation, '\\x'::bytea, :group, :groupSize, :sex, :citizenship, :characteristics,
                        :deceased, :dateOfDeath) RETURNING id
                """).param("pseudonym", pseudonym).param("organisation", user.organisationId())
                .params(checked.attributes()).query(Long.class).single();
        jdbc.sql("UPDATE person SET identity = :identity WHERE id = :id")
                .param("identity", encrypt(checked.identity(), id)).param("id", id).update();
        names.index(id, user.organisationId(), checked.identity());
        audit.record("person.recorded", "person", id, Map.of("pseudonym", pseudonym));
        return get(id);
    }

    @Transactional
    public Person change(long id, PersonDraft draft) {
        var rights = rightsOn(id);
        if (!rights.identities()) {
            throw new NoSuchRecord("person", id);
        }
        var checked = check(draft);
        long organisation = jdbc.sql("SELECT organisation_id FROM person WHERE id = :id").param("id", id)
                .query(Long.class).single();
        requireCurrent(id);
        names.index(id, organisation, checked.identity());
        jdbc.sql("""
                UPDATE person SET identity = :identity, is_group = :group, group_size = :groupSize, sex = :sex,
                    citizenship = :citizenship, characteristics = :characteristics, deceased = :deceased,
                    date_of_death = :dateOfDeath, updated_at = now()
                WHERE id = :id
                """).param("identity", encrypt(checked.identity(), id)).params(checked.attributes()).param("id", id).update();
        audit.record("person.changed", "person", id, Map.of());
        return get(id);
    }

    /** A record merged into another is retired: it is changed no more (its identity is what an undo gives back). */
    private void requireCurrent(long id) {
        jdbc.sql("SELECT k.pseudonym FROM person p JOIN person k ON k.id = p.merged_into WHERE p.id = :id").param("id", id)
                .query(String.class).optional().ifPresent(kept -> {
                    throw new InvalidInput("identity.name", "documentation.duplicates.retired", kept);
                });
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

    /**
     * The person as another capability's record shows it, once that record's rules have said whether the caller may
     * see identities there: with the identity (the read is audited) or with the pseudonym only.
     */
    @Transactional
    public Person shownIn(long id, boolean withIdentity) {
        if (withIdentity) {
            audit.recordRead("person", id);
        }
        return jdbc.sql("SELECT * FROM person WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs, withIdentity)).optional().orElseThrow(() -> new NoSuchRecord("person", id));
    }

    /** A person may be named in the organisation's own records when it is one of the organisation's current people. */
    public void requireOwn(Long personId, String field) {
        if (personId == null) return;
        boolean own = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM person WHERE id = :id AND organisation_id = :organisation AND merged_into IS NULL)
                """).param("id", personId).param("organisation", CurrentUser.require().organisationId())
                .query(Boolean.class).single();
        if (!own) {
            throw new InvalidInput(field, "documentation.person.unknown");
        }
    }

    /** A page of the people of the user's organisation, newest first, and the id to continue after. */
    public record Page(List<Person> people, Long nextAfter) {}

    /** The people of the user's organisation, newest first, {@code size} at a time after the id {@code after}. */
    @Transactional
    public Page page(Long after, int size) {
        var user = CurrentUser.require();
        boolean identities = isWorker(user);
        var people = jdbc.sql("""
                SELECT * FROM person WHERE organisation_id = :organisation AND merged_into IS NULL
                    AND (CAST(:after AS bigint) IS NULL OR id < :after)
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

    /**
     * The people of several cases at once, by case, each as the current user may see it given what the user may do
     * with that case (the same person may show its identity in one case and its pseudonym in another); one query.
     */
    Map<Long, List<Person>> inCases(Map<Long, ? extends java.util.Collection<Long>> idsByCase,
                                    Map<Long, CaseAccess.Rights> rightsByCase) {
        var user = CurrentUser.require();
        var all = new java.util.TreeSet<Long>();
        var wanted = new java.util.HashSet<Long>();
        idsByCase.forEach((event, ids) -> {
            all.addAll(ids);
            if (rightsByCase.get(event).identities()) wanted.addAll(ids);
        });
        var byCase = new java.util.HashMap<Long, List<Person>>();
        if (all.isEmpty()) return byCase;
        var found = new java.util.HashMap<Long, Person>();
        // Identities are decrypted only for the people someone may see in one of the cases, once each.
        jdbc.sql("SELECT * FROM person WHERE id IN (:ids) ORDER BY id").param("ids", all)
                .query((rs, n) -> row(rs, wanted.contains(rs.getLong("id")) || ownWorker(rs.getLong("organisation_id"), user)))
                .list().forEach(p -> found.put(p.id(), p));
        idsByCase.forEach((event, ids) -> {
            boolean identities = rightsByCase.get(event).identities();
            byCase.put(event, ids.stream().sorted().map(found::get).filter(java.util.Objects::nonNull)
                    .map(p -> identities || ownWorker(p.organisationId(), user) ? p : pseudonymised(p)).toList());
        });
        return byCase;
    }

    private static boolean ownWorker(long organisationId, SignedInUser user) {
        return organisationId == user.organisationId() && isWorker(user);
    }

    private static Person pseudonymised(Person p) {
        return new Person(p.id(), p.pseudonym(), p.organisationId(), null, p.group(), p.groupSize(), p.sex(),
                p.citizenship(), p.characteristics(), p.deceased(), p.dateOfDeath());
    }

    /** A person may be used in a case by its writers when it belongs to their organisation or is already in the case. */
    void requireUsable(Long personId, long eventId, String field) {
        if (personId == null) return;
        var user = CurrentUser.require();
        boolean usable = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM person p WHERE p.id = :id AND p.merged_into IS NULL AND (p.organisation_id = :organisation
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

    /**
     * What is wrong with a new person ({@code id} null) or with the changes to a person, as the user fills the form,
     * by the same rules as {@link #record} and {@link #change}; empty when it would be accepted. A person the user may
     * not change is not found.
     */
    public List<InvalidInput.Violation> problems(Long id, PersonDraft draft) {
        if (id == null) {
            requireCaseWorker();
        } else if (!rightsOn(id).identities()) {
            throw new NoSuchRecord("person", id);
        }
        return BrokenRules.of(() -> check(draft));
    }

    /** A person's identity and other values as stored. */
    private record Checked(Identity identity, Map<String, Object> attributes) {}

    private Checked check(PersonDraft draft) {
        var rules = new BrokenRules();
        Identity identity = rules.value(() -> checkIdentity(draft));
        var attributes = rules.value(() -> attributes(draft, terms));
        rules.throwIfAny();
        return new Checked(identity, attributes);
    }

    private static void requireCaseWorker() {
        if (!isWorker(CurrentUser.require())) {
            throw new org.springframework.security.access.AccessDeniedException("not a case worker");
        }
    }

    /** The identity as stored (before encryption), or every rule it breaks. */
    static Identity checkIdentity(PersonDraft draft) {
        var rules = new BrokenRules();
        Identity identity = draft.identity() == null ? new Identity(null, List.of(), null, null, null) : draft.identity();
        String name = rules.value(() -> Texts.required(identity.name(), 300, "identity.name"));
        var others = identity.otherNames() == null ? List.<String>of() : identity.otherNames().stream()
                .filter(n -> n != null && !n.isBlank())
                .map(n -> rules.value(() -> Texts.optional(n, 300, "identity.otherNames"))).toList();
        rules.rule(() -> {
            if (draft.group() && (draft.groupSize() == null || draft.groupSize() < 1)) {
                throw new InvalidInput("groupSize", "documentation.person.group-size");
            }
        });
        rules.rule(() -> {
            if (identity.dateOfBirth() != null && identity.dateOfBirth().isAfter(java.time.LocalDate.now())) {
                throw new InvalidInput("identity.dateOfBirth", "documentation.date.future");
            }
        });
        String contacts = rules.value(() -> Texts.optional(identity.contacts(), 1000, "identity.contacts"));
        String address = rules.value(() -> Texts.optional(identity.address(), 1000, "identity.address"));
        rules.throwIfAny();
        return new Identity(name, others, contacts, address, identity.dateOfBirth());
    }

    /** The person's other values as stored, or every rule they break; for imports as well. */
    static Map<String, Object> attributes(PersonDraft draft, Terms terms) {
        var rules = new BrokenRules();
        var values = new java.util.HashMap<String, Object>();
        values.put("group", draft.group());
        values.put("groupSize", draft.group() ? draft.groupSize() : null);
        values.put("sex", rules.value(() -> terms.code("sex", draft.sex(), "sex")));
        values.put("citizenship", rules.value(() -> Texts.optional(draft.citizenship(), 100, "citizenship")));
        values.put("characteristics", rules.value(() -> terms.codes("person-characteristic", draft.characteristics(), "characteristics")));
        values.put("deceased", draft.deceased());
        values.put("dateOfDeath", draft.deceased() ? draft.dateOfDeath() : null);
        rules.rule(() -> {
            if (draft.deceased() && draft.dateOfDeath() != null && draft.dateOfDeath().isAfter(java.time.LocalDate.now())) {
                throw new InvalidInput("dateOfDeath", "documentation.date.future");
            }
        });
        rules.throwIfAny();
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
