package org.aigaq.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Walks the audit trail from its first entry and names the first one that was altered, removed or inserted. */
@Service
public class AuditChain {

    private final JdbcTemplate jdbc;

    AuditChain(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    /** Verifies the whole chain, streaming it so that a long trail is never held in memory. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditVerification verify() {
        var walk = new Walk();
        jdbc.query("""
                SELECT seq, at, actor_id, actor, address, action, record_type, record_id, summary, previous_hash, hash
                FROM audit_entry ORDER BY seq
                """, rs -> {
            if (walk.problem == null) {
                walk.check(entryOf(rs));
            }
        });
        return walk.result();
    }

    private static AuditEntry entryOf(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_id", Long.class),
                rs.getString("actor"), rs.getString("address"), rs.getString("action"), rs.getString("record_type"),
                rs.getString("record_id"), rs.getString("summary"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static final class Walk {
        long checked;
        long expectedSeq = 1;
        String previousHash = AuditTrail.GENESIS;
        Instant previousAt = Instant.MIN;
        Long firstBad;
        AuditVerification.Problem problem;

        void check(AuditEntry entry) {
            if (entry.seq() != expectedSeq) {
                fail(expectedSeq, entry.seq() > expectedSeq ? AuditVerification.Problem.REMOVED
                        : AuditVerification.Problem.INSERTED);
            } else if (!entry.previousHash().equals(previousHash)) {
                fail(entry.seq(), AuditVerification.Problem.INSERTED);
            } else if (!AuditTrail.hashOf(entry).equals(entry.hash())) {
                fail(entry.seq(), AuditVerification.Problem.ALTERED);
            } else if (entry.at().isBefore(previousAt)) {
                fail(entry.seq(), AuditVerification.Problem.OUT_OF_ORDER);
            } else {
                checked++;
                expectedSeq = entry.seq() + 1;
                previousHash = entry.hash();
                previousAt = entry.at();
            }
        }

        void fail(long seq, AuditVerification.Problem what) {
            firstBad = seq;
            problem = what;
        }

        AuditVerification result() {
            return new AuditVerification(problem == null, checked, firstBad, problem);
        }
    }
}
