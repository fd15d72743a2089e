package org.aigaq.platform.cli;

import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.audit.AuditChain;
import org.aigaq.platform.audit.AuditTrail;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code verify-audit}: checks the audit chain; exit code 0 when intact, 1 with the first broken entry named. */
final class VerifyAuditCommand implements Command {

    @Override
    public int run(ConfigurableApplicationContext context, String[] args) {
        var verification = context.getBean(AuditChain.class).verify();
        if (verification.intact()) {
            System.out.println("The audit trail is intact: " + verification.entriesChecked() + " entries verified.");
            context.getBean(AuditTrail.class).recordAs(AuditActor.system("cli"), "audit.verified", "audit-trail", null,
                    java.util.Map.of("intact", true, "checked", verification.entriesChecked()));
            return 0;
        }
        String what = switch (verification.problem()) {
            case ALTERED -> "was altered (its content no longer matches its hash)";
            case REMOVED -> "is missing (removed)";
            case INSERTED -> "does not follow the entry before it (inserted, replaced, or the entry before was rewritten)";
            case OUT_OF_ORDER -> "is out of order (earlier than the entry before it)";
        };
        System.out.println("The audit trail is BROKEN: entry " + verification.firstBrokenEntry() + " " + what + ". "
                + verification.entriesChecked() + " entries before it are intact.");
        return 1;
    }
}
