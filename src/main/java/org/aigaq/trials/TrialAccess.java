package org.aigaq.trials;

import org.aigaq.documentation.SharedRecordAccess;
import org.aigaq.platform.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Who may see and change monitored trials: the rules of records kept as cases are. */
@Component
class TrialAccess extends SharedRecordAccess {

    TrialAccess(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
        super(Trials.TABLE, jdbc, audit, transactions);
    }
}
