package org.aigaq.documentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.BlindIndex;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.encryption.SearchTokenKey;
import org.aigaq.platform.names.NameForm;
import org.aigaq.platform.names.NameTokens;
import org.aigaq.platform.names.SearchToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keyed search tokens of people's names (table {@code person_name_token}): written with the person, in the same
 * transaction, by {@link People} and {@link CaseBatch}; built for people who have none (recorded before the tokens
 * existed) a batch at a time; rebuilt whole when the key changes. Names and skeletons never reach the database.
 */
@Component
class PersonNameIndex implements BlindIndex {

    private static final Logger log = LoggerFactory.getLogger(PersonNameIndex.class);
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final SearchTokenKey key;
    private final FieldEncryption encryption;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    PersonNameIndex(JdbcClient jdbc, SearchTokenKey key, FieldEncryption encryption, JsonMapper json,
                    PlatformTransactionManager transactions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.key = key;
        this.encryption = encryption;
        this.json = json;
        this.transactions = new TransactionTemplate(transactions);
        this.audit = audit;
    }

    @Override
    public String name() {
        return "person names";
    }

    /** The plain tokens of every name form of an identity. */
    static Collection<SearchToken> plainTokens(Identity identity) {
        var forms = new ArrayList<NameForm>();
        forms.add(NameForm.of(identity.name()));
        identity.otherNames().forEach(n -> forms.add(NameForm.of(n)));
        return NameTokens.of(forms);
    }

    /** The keyed tokens of an identity, each once. */
    static long[] tokens(Identity identity, SearchTokenKey key) {
        return plainTokens(identity).stream().mapToLong(t -> key.token(t.text())).distinct().toArray();
    }

    /** Indexes a person just recorded. */
    void add(long personId, long organisationId, Identity identity) {
        var rows = new Rows();
        rows.add(personId, organisationId, tokens(identity, key));
        write(rows);
        jdbc.sql("UPDATE person SET name_indexed = true WHERE id = :id").param("id", personId).update();
    }

    /** Indexes a person's changed identity: the tokens only the old names had go, the new ones come. */
    void replace(long personId, long organisationId, Identity before, Identity after) {
        var old = Arrays.stream(tokens(before, key)).boxed().collect(java.util.stream.Collectors.toSet());
        var now = new HashSet<Long>();
        for (long token : tokens(after, key)) now.add(token);
        var gone = new HashSet<>(old);
        gone.removeAll(now);
        if (!gone.isEmpty()) {
            jdbc.sql("""
                    DELETE FROM person_name_token
                    WHERE token = ANY (CAST(:tokens AS bigint[])) AND organisation_id = :organisation AND person_id = :person
                    """).param("tokens", gone.toArray(Long[]::new)).param("organisation", organisationId)
                    .param("person", personId).update();
        }
        var rows = new Rows();
        rows.add(personId, organisationId, now.stream().mapToLong(Long::longValue).toArray());
        write(rows);
        jdbc.sql("UPDATE person SET name_indexed = true WHERE id = :id").param("id", personId).update();
    }

    /** Tokens waiting to be written together, three parallel columns. */
    static final class Rows {
        private long[] tokens = new long[1024];
        private long[] organisations = new long[1024];
        private long[] people = new long[1024];
        private int size;

        void add(long personId, long organisationId, long[] keyed) {
            if (size + keyed.length > tokens.length) {
                int capacity = Math.max(tokens.length * 2, size + keyed.length);
                tokens = Arrays.copyOf(tokens, capacity);
                organisations = Arrays.copyOf(organisations, capacity);
                people = Arrays.copyOf(people, capacity);
            }
            for (long token : keyed) {
                tokens[size] = token;
                organisations[size] = organisationId;
                people[size] = personId;
                size++;
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }
    }

    /** Adds the tokens of a person in a batch: written by {@link #write} after the person rows. */
    void collect(Rows rows, long personId, long organisationId, Identity identity) {
        rows.add(personId, organisationId, tokens(identity, key));
    }

    /** One statement for all the waiting tokens; a token a person already has is left as it is. */
    void write(Rows rows) {
        if (rows.isEmpty()) return;
        jdbc.sql("""
                INSERT INTO person_name_token (token, organisation_id, person_id)
                SELECT * FROM unnest(CAST(:tokens AS bigint[]), CAST(:organisations AS bigint[]), CAST(:people AS bigint[]))
                ON CONFLICT DO NOTHING
                """).param("tokens", boxed(rows.tokens, rows.size)).param("organisations", boxed(rows.organisations, rows.size))
                .param("people", boxed(rows.people, rows.size)).update();
        rows.clear();
    }

    private static Long[] boxed(long[] values, int size) {
        var boxed = new Long[size];
        for (int i = 0; i < size; i++) boxed[i] = values[i];
        return boxed;
    }

    /**
     * Builds the tokens of people who have none, a batch at a time, each batch in its own transaction (people being
     * changed meanwhile are skipped and come in a later batch); returns how many people it indexed.
     */
    int buildMissing() {
        int count = 0;
        while (true) {
            Integer done = transactions.execute(status -> indexBatch(key));
            if (done == null || done == 0) return count;
            count += done;
        }
    }

    private int indexBatch(SearchTokenKey with) {
        var people = jdbc.sql("""
                SELECT id, organisation_id, identity FROM person WHERE NOT name_indexed
                ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED
                """).param("batch", BATCH)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBytes(3)}).list();
        if (people.isEmpty()) return 0;
        var rows = new Rows();
        var ids = new Long[people.size()];
        for (int i = 0; i < people.size(); i++) {
            long id = (Long) people.get(i)[0];
            Identity identity = json.readValue(encryption.decrypt((byte[]) people.get(i)[2], "person.identity:" + id), Identity.class);
            rows.add(id, (Long) people.get(i)[1], tokens(identity, with));
            ids[i] = id;
        }
        write(rows);
        jdbc.sql("UPDATE person SET name_indexed = true WHERE id = ANY (CAST(:ids AS bigint[]))").param("ids", ids).update();
        return people.size();
    }

    @Override
    public int rebuild(SearchTokenKey with) {
        jdbc.sql("TRUNCATE person_name_token").update();
        jdbc.sql("UPDATE person SET name_indexed = false WHERE name_indexed").update();
        int count = 0;
        while (true) {
            int done = indexBatch(with);
            if (done == 0) break;
            count += done;
        }
        remember(with);
        return count;
    }

    /**
     * At start: when the key is not the one that built the tokens (a new key given through the environment), every
     * token is dropped and built again; then people without tokens get theirs. Returns how many people it indexed.
     */
    int catchUp() {
        Long stored = jdbc.sql("SELECT fingerprint FROM name_token_key").query(Long.class).optional().orElse(null);
        if (stored != null && stored != key.fingerprint()) {
            log.warn("The name search key has changed: every person's name tokens are rebuilt");
            transactions.executeWithoutResult(status -> {
                jdbc.sql("TRUNCATE person_name_token").update();
                jdbc.sql("UPDATE person SET name_indexed = false WHERE name_indexed").update();
                remember(key);
                audit.recordAs(AuditActor.system("start-up"), "names.tokens-reset", null, null, Map.of());
            });
        } else if (stored == null) {
            transactions.executeWithoutResult(status -> remember(key));
        }
        int count = buildMissing();
        if (count > 0) log.info("Name search tokens built for {} people", count);
        return count;
    }

    private void remember(SearchTokenKey with) {
        jdbc.sql("""
                INSERT INTO name_token_key (fingerprint) VALUES (:fingerprint)
                ON CONFLICT (only_row) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, since = now()
                """).param("fingerprint", with.fingerprint()).update();
    }

    /** Whether a list of ids all have tokens, for tests and checks. */
    boolean indexed(List<Long> people) {
        return jdbc.sql("SELECT count(*) FROM person WHERE id IN (:ids) AND name_indexed").param("ids", people)
                .query(Long.class).single() == people.size();
    }
}
