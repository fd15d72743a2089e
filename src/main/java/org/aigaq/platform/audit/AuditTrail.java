package org.aigaq.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only, hash-chained record of every change and of every read of a sensitive record.
 * An entry is written in the same transaction as the change it describes, so a change is never without its entry.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final String READS_OF_REQUEST = AuditTrail.class.getName() + ".reads";
    private static final String READS_PENDING = AuditTrail.class.getName() + ".pending-reads";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditActors actors;

    AuditTrail(JdbcClient jdbc, JsonMapper json, AuditActors actors) {
        this.jdbc = jdbc;
        this.json = json;
        this.actors = actors;
    }

    /** Records a change or an event made by whoever is signed in on the current request. */
    @Transactional
    public void record(String action, String recordType, Object recordId, Map<String, ?> summary) {
        append(actors.current(), action, recordType, recordId, summary);
    }

    /**
     * Records that the current user opened a record marked sensitive; once per request, since the parts of one page
     * (a case and the sections other capabilities add to it) each read the same record, and the auditors want one
     * opening to be one entry. The record counts as recorded only once its entry is committed.
     */
    @Transactional
    public void recordRead(String recordType, Object recordId) {
        String key = recordType + ":" + recordId;
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null && (keys(request, READS_OF_REQUEST).contains(key) || keys(request, READS_PENDING).contains(key))) {
            return;
        }
        append(actors.current(), "read", recordType, recordId, Map.of());
        if (request == null) return;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            keys(request, READS_OF_REQUEST).add(key);
            return;
        }
        // Until the entry is committed the read is pending: a second read in the same transaction is covered by it,
        // a read after a rollback is not.
        keys(request, READS_PENDING).add(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                keys(request, READS_PENDING).remove(key);
                if (status == STATUS_COMMITTED) keys(request, READS_OF_REQUEST).add(key);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keys(RequestAttributes request, String name) {
        var keys = (Set<String>) request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (keys == null) {
            keys = new HashSet<>();
            request.setAttribute(name, keys, RequestAttributes.SCOPE_REQUEST);
        }
        return keys;
    }

    /** Records an event made by a named actor, for work done outside a web request (commands, start-up). */
    @Transactional
    public void recordAs(AuditActor actor, String action, String recordType, Object recordId, Map<String, ?> summary) {
        append(actor, action, recordType, recordId, summary);
    }

    private void append(AuditActor actor, String action, String recordType, Object recordId, Map<String, ?> summary) {
        // One writer at a time: the lock is held until the surrounding transaction ends, so sequence numbers
        // stay contiguous and each entry chains to the one committed before it.
        jdbc.sql("SELECT pg_advisory_xact_lock(8675309)").query().singleRow();
        var last = jdbc.sql("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
        long seq = last.map(row -> (Long) row[0] + 1).orElse(1L);
        String previousHash = last.map(row -> (String) row[1]).orElse(GENESIS);
        var entry = new AuditEntry(seq, Instant.now().truncatedTo(ChronoUnit.MICROS), actor.id(), actor.name(),
                actor.address(), action, recordType, recordId == null ? null : recordId.toString(),
                json.writeValueAsString(summary == null ? Map.of() : new LinkedHashMap<>(summary)), previousHash, null);
        jdbc.sql("""
                INSERT INTO audit_entry (seq, at, actor_id, actor, address, action, record_type, record_id, summary,
                                         previous_hash, hash)
                VALUES (:seq, :at, :actorId, :actor, :address, :action, :recordType, :recordId, :summary,
                        :previousHash, :hash)
                """)
                .param("seq", entry.seq())
                .param("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC))
                .param("actorId", entry.actorId())
                .param("actor", entry.actor())
                .param("address", entry.address())
                .param("action", entry.action())
                .param("recordType", entry.recordType())
                .param("recordId", entry.recordId())
                .param("summary", entry.summary())
                .param("previousHash", previousHash)
                .param("hash", hashOf(entry))
                .update();
    }

    /** The SHA-256 of an entry's previous hash and its content; every field is length-prefixed so none can spill into another. */
    static String hashOf(AuditEntry entry) {
        var content = new StringBuilder();
        for (Object field : new Object[] {entry.seq(), entry.at().toString(), entry.actorId(), entry.actor(),
                entry.address(), entry.action(), entry.recordType(), entry.recordId(), entry.summary(),
                entry.previousHash()}) {
            String value = field == null ? "" : field.toString();
            content.append(field == null ? -1 : value.length()).append(':').append(value).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
