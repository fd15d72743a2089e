package org.aigaq.defenders;

import org.aigaq.documentation.SharedRecordAccess;
import org.aigaq.platform.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Who may see and change threats to defenders: the rules of records kept as cases are. */
@Component
class DefenderAccess extends SharedRecordAccess {

    DefenderAccess(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
        super(DefenderIncidents.TABLE, jdbc, audit, transactions);
    }
}
