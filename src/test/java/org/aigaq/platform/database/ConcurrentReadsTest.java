package org.aigaq.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.aigaq.support.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

class ConcurrentReadsTest extends ApplicationTest {

    @Autowired ConcurrentReads reads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    /** What a read saw: its server process, whether its transaction was read-only, and who it ran as. */
    record Seen(int backend, String readOnly, Authentication user) {}

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void readsRunAtOnceOnConnectionsOfTheirOwnReadOnlyAndAsTheCaller() {
        var user = signIn();
        // Each read waits for the other two: read one after the other, they would never all arrive.
        var together = new CyclicBarrier(3);
        Supplier<Seen> read = () -> {
            try {
                together.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the reads did not run at once", e);
            }
            return seen();
        };
        var seen = reads.all(List.of(read, read, read));
        assertThat(seen).extracting(Seen::backend).doesNotHaveDuplicates();
        assertThat(seen).extracting(Seen::readOnly).containsOnly("on");
        assertThat(seen).extracting(Seen::user).containsOnly(user);
    }

    @Test
    void withinATransactionTheReadsRunInItAndSeeWhatItWrote() {
        signIn();
        var seen = transaction.execute(status -> {
            jdbc.sql("CREATE TEMPORARY TABLE written_here (n int) ON COMMIT DROP").update();
            jdbc.sql("INSERT INTO written_here VALUES (7)").update();
            Supplier<Integer> read = () -> jdbc.sql("SELECT n + pg_backend_pid() * 0 FROM written_here").query(Integer.class).single();
            int backend = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
            return List.of(backend, reads.all(List.of(read, read)).get(0), reads.all(List.of(read, () -> seen().backend())).get(1));
        });
        assertThat(seen.get(1)).isEqualTo(7);
        assertThat(seen.get(2)).isEqualTo(seen.get(0));
    }

    @Test
    void aFailedReadFailsTheWholeAndTheOthersDoNotHideIt() {
        signIn();
        Supplier<Integer> fine = () -> jdbc.sql("SELECT 1").query(Integer.class).single();
        Supplier<Integer> broken = () -> jdbc.sql("SELECT no_such_column FROM event").query(Integer.class).single();
        assertThatThrownBy(() -> reads.all(List.of(fine, broken))).isInstanceOf(BadSqlGrammarException.class);
        assertThatThrownBy(() -> reads.all(List.of(broken, fine))).isInstanceOf(BadSqlGrammarException.class);
        assertThat(reads.all(List.of(fine, fine))).containsExactly(1, 1);
    }

    @Test
    void aReadCannotWrite() {
        signIn();
        assertThatThrownBy(() -> reads.all(List.<Supplier<Integer>>of(() -> 1,
                () -> jdbc.sql("CREATE TEMPORARY TABLE not_allowed (n int)").update())))
                .hasMessageContaining("read-only");
    }

    private Seen seen() {
        return jdbc.sql("SELECT pg_backend_pid(), current_setting('transaction_read_only')")
                .query((rs, n) -> new Seen(rs.getInt(1), rs.getString(2), SecurityContextHolder.getContext().getAuthentication()))
                .single();
    }

    private static Authentication signIn() {
        var user = UsernamePasswordAuthenticationToken.authenticated("reader", null, List.of());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        return user;
    }
}
