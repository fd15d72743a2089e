package org.aigaq.documentation;

import java.util.ArrayList;
import java.util.Collection;
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
 * The keyed search tokens of people's names (table {@code person_name_tokens}, one row per person): written with the
 * person, in the same transaction, by {@link People} and {@link CaseBatch}; built for people who have none
 * (recorded before the tokens existed) a batch at a time; rebuilt whole when the key changes. Tokens are keyed within
 * the person's organisation. Names and skeletons never reach the database.
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

    /** The keyed tokens of an identity in its organisation, each once. */
    static long[] tokens(Identity identity, long organisationId, SearchTokenKey key) {
        return plainTokens(identity).stream().mapToLong(t -> key.token(organisationId, t.text())).distinct().toArray();
    }

    /** Indexes a person just recorded, or whose identity changed. */
    void index(long personId, long organisationId, Identity identity) {
        jdbc.sql("""
                INSERT INTO person_name_tokens (person_id, tokens) VALUES (:person, CAST(:tokens AS bigint[]))
                ON CONFLICT (person_id) DO UPDATE SET tokens = EXCLUDED.tokens
                """).param("person", personId).param("tokens", arrayText(tokens(identity, organisationId, key))).update();
    }

    /** A person merged into another is found no more: its tokens go (an undo indexes it again). */
    void forget(long personId) {
        jdbc.sql("DELETE FROM person_name_tokens WHERE person_id = :person").param("person", personId).update();
    }

    /** Tokens waiting to be written together: a person and the text of its array of tokens. */
    static final class Rows {
        private final List<Long> people = new ArrayList<>();
        private final List<String> tokens = new ArrayList<>();

        void add(long personId, long[] keyed) {
            people.add(personId);
            tokens.add(arrayText(keyed));
        }
    }

    /** Adds the tokens of a person in a batch: written by {@link #write} after the person rows. */
    void collect(Rows rows, long personId, long organisationId, Identity identity) {
        rows.add(personId, tokens(identity, organisationId, key));
    }

    /** One statement for all the waiting people; arrays travel as text since SQL arrays of arrays must be rectangular. */
    void write(Rows rows) {
        if (rows.people.isEmpty()) return;
        jdbc.sql("""
                INSERT INTO person_name_tokens (person_id, tokens)
                SELECT u.person_id, CAST(u.tokens AS bigint[])
                FROM unnest(CAST(:people AS bigint[]), CAST(:tokens AS text[])) AS u (person_id, tokens)
                ON CONFLICT (person_id) DO UPDATE SET tokens = EXCLUDED.tokens
                """).param("people", rows.people.toArray(Long[]::new)).param("tokens", rows.tokens.toArray(String[]::new))
                .update();
        rows.people.clear();
        rows.tokens.clear();
    }

    private static String arrayText(long[] tokens) {
        var text = new StringBuilder(tokens.length * 21 + 2).append('{');
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) text.append(',');
            text.append(tokens[i]);
        }
        return text.append('}').toString();
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
                SELECT p.id, p.organisation_id, p.identity FROM person_name_tokens n JOIN person p ON p.id = n.person_id
                WHERE n.tokens IS NULL ORDER BY n.person_id LIMIT :batch FOR UPDATE OF n SKIP LOCKED
                """).param("batch", BATCH)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBytes(3)}).list();
        if (people.isEmpty()) return 0;
        var rows = new Rows();
        for (Object[] person : people) {
            long id = (Long) person[0];
            Identity identity = json.readValue(encryption.decrypt((byte[]) person[2], "person.identity:" + id), Identity.class);
            rows.add(id, tokens(identity, (Long) person[1], with));
        }
        write(rows);
        return people.size();
    }

    @Override
    public int rebuild(SearchTokenKey with) {
        forgetAll();
        int count = 0;
        while (true) {
            int done = indexBatch(with);
            if (done == 0) break;
            count += done;
        }
        remember(with);
        return count;
    }

    /** Every person's tokens dropped, to be built again. */
    private void forgetAll() {
        jdbc.sql("TRUNCATE person_name_tokens").update();
        jdbc.sql("INSERT INTO person_name_tokens (person_id) SELECT id FROM person WHERE merged_into IS NULL").update();
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
                forgetAll();
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
}
