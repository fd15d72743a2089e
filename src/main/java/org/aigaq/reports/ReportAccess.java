package org.aigaq.reports;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may see and edit reports: the case workers and analysts of the report's organisation (the roles that read
 * official statistics); anyone else is refused, audited, with 404 so that another organisation's reports stay unseen.
 */
@Component
class ReportAccess {

    static final Set<Role> WRITERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    ReportAccess(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static void requireWriter() {
        if (CurrentUser.require().roles().stream().noneMatch(WRITERS::contains)) {
            throw new AccessDeniedException("reports are written by case workers and analysts");
        }
    }

    /** The report when it is the user's organisation's; otherwise the refusal is audited and the report not found. */
    void require(long id) {
        requireWriter();
        var user = CurrentUser.require();
        Long organisation = jdbc.sql("SELECT organisation_id FROM report WHERE id = :id").param("id", id)
                .query(Long.class).optional().orElseThrow(() -> new NoSuchRecord(Reports.TABLE, id));
        if (organisation != user.organisationId()) {
            separately.executeWithoutResult(status -> audit.record("access.refused", Reports.TABLE, id, Map.of("wanted", "report")));
            throw new NoSuchRecord(Reports.TABLE, id);
        }
    }
}
