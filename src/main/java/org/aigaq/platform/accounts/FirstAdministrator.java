package org.aigaq.platform.accounts;

import java.util.Set;
import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a database without users, creates the first administrator from {@code AIGAQ_ADMIN_USER} and
 * {@code AIGAQ_ADMIN_PASSWORD}, or with a random password printed once to the console.
 */
@Component
@Profile("!command")
@Order(1)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Users users;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final String username;
    private final String password;

    FirstAdministrator(Users users, Organisations organisations, AuditTrail audit, TransactionTemplate transaction,
                       @Value("${aigaq.admin.user:}") String username, @Value("${aigaq.admin.password:}") String password) {
        this.users = users;
        this.organisations = organisations;
        this.audit = audit;
        this.transaction = transaction;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            if (!users.isEmpty()) {
                return;
            }
            String name = username == null || username.isBlank() ? "admin" : username.strip();
            boolean generated = password == null || password.isBlank();
            String chosen = generated ? Users.temporaryPassword() : password;
            SecurityContextHolder.clearContext();
            audit.recordAs(AuditActor.system("start-up"), "first-administrator", "user", name, java.util.Map.of());
            var organisation = organisations.all().stream().findFirst()
                    .orElseGet(() -> organisations.create("Aigaq", null));
            users.create(name, name, organisation.id(), Set.of(Role.ADMINISTRATOR), chosen, generated);
            if (generated) {
                // Printed, not logged: the log files outlive the console and must never hold a password.
                System.out.println("""

                        ================================================================
                         Aigaq: the first administrator was created.
                           username: %s
                           password: %s
                         It is shown this once. Sign in and choose a new password.
                        ================================================================
                        """.formatted(name, chosen));
            } else {
                log.info("The first administrator '{}' was created from AIGAQ_ADMIN_USER/AIGAQ_ADMIN_PASSWORD", name);
            }
        });
    }
}
