package org.aigaq.platform.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds audit entries by actor, action, record and date, newest first, a page at a time (keyset on the sequence). */
@Service
public class AuditSearch {

    /** What to look for; every part is optional. */
    public record Filter(String actor, String action, String recordType, String recordId, LocalDate from, LocalDate to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }

        /** The parts that were given, for the audit entry that records the search itself. */
        public java.util.Map<String, String> given() {
            var given = new java.util.LinkedHashMap<String, String>();
            if (actor != null && !actor.isBlank()) given.put("actor", actor);
            if (action != null && !action.isBlank()) given.put("action", action);
            if (recordType != null && !recordType.isBlank()) given.put("recordType", recordType);
            if (recordId != null && !recordId.isBlank()) given.put("recordId", recordId);
            if (from != null) given.put("from", from.toString());
            if (to != null) given.put("to", to.toString());
            return given;
        }
    }

    /** A page of entries and the sequence number to continue from, if there are more. */
    public record Page(List<AuditEntry> entries, Long nextBefore) {}

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page search(Filter filter, Long before, int size) {
        var entries = jdbc.sql("""
                SELECT seq, at, actor_id, actor, address, action, record_type, record_id, summary, previous_hash, hash
                FROM audit_entry
                WHERE (CAST(:before AS bigint) IS NULL OR seq < :before)
                  AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                  AND (CAST(:action AS text) IS NULL OR action LIKE :action || '%')
                  AND (CAST(:recordType AS text) IS NULL OR record_type = :recordType)
                  AND (CAST(:recordId AS text) IS NULL OR record_id = :recordId)
                  AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
                ORDER BY seq DESC
                LIMIT :limit
                """)
                .param("before", before)
                .param("actor", blank(filter.actor()))
                .param("action", blank(filter.action()))
                .param("recordType", blank(filter.recordType()))
                .param("recordId", blank(filter.recordId()))
                .param("from", filter.from() == null ? null : filter.from().atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("to", filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("limit", size + 1)
                .query((rs, n) -> {
                    return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getObject("actor_id", Long.class), rs.getString("actor"), rs.getString("address"),
                            rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
                            rs.getString("summary"), rs.getString("previous_hash"), rs.getString("hash"));
                }).list();
        if (entries.size() > size) {
            var page = entries.subList(0, size);
            return new Page(List.copyOf(page), page.getLast().seq());
        }
        return new Page(entries, null);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
