package org.aigaq.platform.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords and wrong second-factor codes, and locks an account for a while after too many in a row.
 * Every attempt, right or wrong, is in the audit trail.
 */
@Service
public class SignInAttempts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    SignInAttempts(JdbcClient jdbc, AuditTrail audit,
                   @Value("${aigaq.sign-in.max-failed-attempts}") int maxFailures,
                   @Value("${aigaq.sign-in.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = Clock.systemUTC();
    }

    /** Records a wrong password or code; returns true when this failure locked the account. */
    @Transactional
    public boolean failed(User user, String what, String address) {
        Instant now = clock.instant();
        int failures = jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE id = :id RETURNING failed_attempts")
                .param("id", user.id()).query(Integer.class).single();
        var actor = new AuditActor(user.id(), user.username(), address);
        audit.recordAs(actor, "sign-in.failed", "user", user.id(), Map.of("reason", what, "failures", failures));
        if (failures >= maxFailures) {
            Instant until = now.plus(lockout);
            jdbc.sql("UPDATE app_user SET locked_until = :until, failed_attempts = 0 WHERE id = :id")
                    .param("until", Users.utc(until)).param("id", user.id()).update();
            audit.recordAs(actor, "sign-in.locked", "user", user.id(), Map.of("until", until.toString()));
            return true;
        }
        return false;
    }

    @Transactional
    public void refused(User user, String reason, String address) {
        audit.recordAs(new AuditActor(user.id(), user.username(), address), "sign-in.refused", "user", user.id(),
                Map.of("reason", reason));
    }

    @Transactional
    public void unknownUser(String username, String address) {
        String shown = username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
        audit.recordAs(new AuditActor(null, "anonymous", address), "sign-in.failed", "user", null,
                Map.of("reason", "unknown-user", "username", shown));
    }

    /** The password was right: the count of failures starts again. */
    @Transactional
    public void passwordAccepted(User user, String address) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE id = :id").param("id", user.id()).update();
        audit.recordAs(new AuditActor(user.id(), user.username(), address), "sign-in.password-accepted", "user",
                user.id(), Map.of());
    }

    /** Every step is done: the user is signed in. */
    @Transactional
    public void signedIn(User user, String address) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, last_sign_in_at = now() WHERE id = :id").param("id", user.id()).update();
        audit.recordAs(new AuditActor(user.id(), user.username(), address), "sign-in.succeeded", "user", user.id(), Map.of());
    }

    public Instant now() {
        return clock.instant();
    }
}
