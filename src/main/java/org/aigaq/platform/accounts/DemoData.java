package org.aigaq.platform.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code AIGAQ_DEMO=true}, fills an empty database with invented organisations and one user per role, so a
 * newcomer can see what each role sees. Every name is invented; the demo password is printed once.
 */
@Component
@Profile("!command")
@Order(2)
class DemoData implements ApplicationRunner {

    /** The demo's invented organisations. */
    static final List<String> ORGANISATIONS = List.of("Steppe Rights Bureau (demo)", "Free Voice Lawyers (demo)",
            "Open Doors Monitoring Group (demo)");

    private final boolean enabled;
    private final Organisations organisations;
    private final Users users;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    DemoData(@Value("${aigaq.demo:false}") boolean enabled, Organisations organisations, Users users, AuditTrail audit,
             TransactionTemplate transaction) {
        this.enabled = enabled;
        this.organisations = organisations;
        this.users = users;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            // "Empty" means nothing but what the first start creates: one organisation and its administrator.
            if (organisations.all().size() > 1 || users.all().size() > 1) {
                return;
            }
            audit.recordAs(AuditActor.system("demo"), "demo.loaded", null, null, java.util.Map.of());
            var created = ORGANISATIONS.stream().map(name -> organisations.create(name, null)).toList();
            String password = Users.temporaryPassword();
            int i = 0;
            for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMINISTRATOR))) {
                var organisation = created.get(i++ % created.size());
                users.create("demo-" + role.name().toLowerCase(java.util.Locale.ROOT),
                        "Demo " + role.name().charAt(0) + role.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                        organisation.id(), Set.of(role), password, false);
            }
            System.out.println("""

                    ================================================================
                     Aigaq demo data loaded: organisations and one user per role
                     (demo-coordinator, demo-documenter, demo-lawyer, demo-monitor,
                      demo-analyst, demo-viewer), all with the password:
                       %s
                     Everything in it is invented.
                    ================================================================
                    """.formatted(password));
        });
    }
}
