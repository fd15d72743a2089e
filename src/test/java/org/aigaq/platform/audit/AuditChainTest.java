package org.aigaq.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.aigaq.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail refuses changes, and when someone with direct access to the database changes it anyway (here, by
 * switching the triggers off), verification names the first entry that was altered, removed or inserted.
 */
class AuditChainTest extends ApplicationTest {

    @Autowired AuditTrail audit;
    @Autowired AuditChain chain;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired ConfigurableApplicationContext context;

    @BeforeEach
    void someEntries() {
        for (int i = 0; i < 5; i++) {
            audit.recordAs(AuditActor.system("test"), "test.entry", "test", i, Map.of("n", i, "text", "é ü ә қ"));
        }
    }

    @Test
    void anIntactChainVerifies() {
        var verification = chain.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(lastSeq());
    }

    @Test
    void theTableRefusesUpdatesDeletesAndTruncation() {
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor = 'someone else' WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE seq = 1")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_entry")).hasMessageContaining("append-only");
    }

    @Test
    void anAlteredEntryIsNamed() {
        long seq = lastSeq() - 2;
        String original = jdbc.queryForObject("SELECT summary FROM audit_entry WHERE seq = ?", String.class, seq);
        try {
            bypassingTriggers("UPDATE audit_entry SET summary = '{\"n\":\"forged\"}' WHERE seq = " + seq);
            var verification = chain.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenEntry()).isEqualTo(seq);
            assertThat(verification.problem()).isEqualTo(AuditVerification.Problem.ALTERED);
            assertThat(verification.entriesChecked()).isEqualTo(seq - 1);
        } finally {
            bypassingTriggers("UPDATE audit_entry SET summary = '" + original.replace("'", "''") + "' WHERE seq = " + seq);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheLinkToTheNextOne() {
        long seq = lastSeq() - 1;
        var original = jdbc.queryForMap("SELECT actor, hash FROM audit_entry WHERE seq = ?", seq);
        try {
            var entry = jdbc.queryForObject("SELECT seq FROM audit_entry WHERE seq = ?", Long.class, seq);
            // Rewrite the actor and recompute this entry's own hash, as a careful forger would.
            var forged = jdbc.query("SELECT * FROM audit_entry WHERE seq = ?", (rs, n) -> new AuditEntry(rs.getLong("seq"),
                    rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), null, "forger", rs.getString("address"),
                    rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"), rs.getString("summary"),
                    rs.getString("previous_hash"), null), entry).getFirst();
            bypassingTriggers("UPDATE audit_entry SET actor = 'forger', actor_id = NULL, hash = '" + AuditTrail.hashOf(forged)
                    + "' WHERE seq = " + seq);
            var verification = chain.verify();
            assertThat(verification.firstBrokenEntry()).isEqualTo(seq + 1);
            assertThat(verification.problem()).isEqualTo(AuditVerification.Problem.INSERTED);
        } finally {
            bypassingTriggers("UPDATE audit_entry SET actor = '" + original.get("actor") + "', hash = '" + original.get("hash")
                    + "' WHERE seq = " + seq);
        }
    }

    @Test
    void aRemovedEntryIsNamed() {
        long seq = lastSeq() - 3;
        var row = jdbc.queryForMap("SELECT * FROM audit_entry WHERE seq = ?", seq);
        try {
            bypassingTriggers("DELETE FROM audit_entry WHERE seq = " + seq);
            var verification = chain.verify();
            assertThat(verification.firstBrokenEntry()).isEqualTo(seq);
            assertThat(verification.problem()).isEqualTo(AuditVerification.Problem.REMOVED);
        } finally {
            transaction.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL session_replication_role = replica");
                jdbc.update("""
                        INSERT INTO audit_entry (seq, at, actor_id, actor, address, action, record_type, record_id, summary,
                                                 previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        row.get("seq"), row.get("at"), row.get("actor_id"), row.get("actor"), row.get("address"),
                        row.get("action"), row.get("record_type"), row.get("record_id"), row.get("summary"),
                        row.get("previous_hash"), row.get("hash"));
            });
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theCommandSaysWhetherTheChainIsIntact() {
        var out = new java.io.ByteArrayOutputStream();
        var previous = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        int intact;
        int broken;
        long seq = lastSeq() - 1;
        String original = jdbc.queryForObject("SELECT action FROM audit_entry WHERE seq = ?", String.class, seq);
        try {
            intact = org.aigaq.platform.cli.Command.named(new String[] {"verify-audit"}).orElseThrow().run(context, new String[] {"verify-audit"});
            bypassingTriggers("UPDATE audit_entry SET action = 'nothing happened' WHERE seq = " + seq);
            broken = org.aigaq.platform.cli.Command.named(new String[] {"verify-audit"}).orElseThrow().run(context, new String[] {"verify-audit"});
        } finally {
            System.setOut(previous);
            bypassingTriggers("UPDATE audit_entry SET action = '" + original + "' WHERE seq = " + seq);
        }
        assertThat(intact).isZero();
        assertThat(broken).isEqualTo(1);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("is intact").contains("BROKEN: entry " + seq + " was altered");
    }

    @Test
    void concurrentWritersKeepTheChainContiguous() throws Exception {
        long before = lastSeq();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                int n = i;
                pool.submit(() -> audit.recordAs(AuditActor.system("test"), "test.concurrent", "test", n, Map.of()));
            }
        }
        assertThat(lastSeq()).isEqualTo(before + 40);
        assertThat(chain.verify().intact()).isTrue();
    }

    private long lastSeq() {
        return jdbc.queryForObject("SELECT max(seq) FROM audit_entry", Long.class);
    }

    private void bypassingTriggers(String sql) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.execute(sql);
        });
    }
}
