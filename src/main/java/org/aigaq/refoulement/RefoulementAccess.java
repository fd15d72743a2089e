package org.aigaq.refoulement;

import org.aigaq.documentation.SharedRecordAccess;
import org.aigaq.platform.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Who may see and change non-refoulement cases: the rules of records kept as cases are. */
@Component
class RefoulementAccess extends SharedRecordAccess {

    RefoulementAccess(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
        super(RefoulementCases.TABLE, jdbc, audit, transactions);
    }
}
