package org.aigaq.platform.audit;

import java.time.Instant;

/** One entry of the audit trail as stored. */
public record AuditEntry(long seq, Instant at, Long actorId, String actor, String address, String action,
                         String recordType, String recordId, String summary, String previousHash, String hash) {
}
