package org.aigaq.detention;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may see and change the visits and recommendations of an organisation, in one place: its case workers read them
 * with the people involved, its analysts without people, its coordinators and monitors record and change them;
 * anybody else (viewers, other organisations) sees only published reports, on the public page. A refusal is audited
 * and answers "not found", so that nobody learns that the record exists.
 */
@Component
class VisitAccess {

    static final Set<Role> READERS_WITH_PEOPLE = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR);
    static final Set<Role> RECORDERS = EnumSet.of(Role.COORDINATOR, Role.MONITOR);

    /** What a user may do with the monitoring records of one organisation. */
    record Rights(boolean read, boolean people, boolean write) {}

    private final AuditTrail audit;
    private final TransactionTemplate separately;

    VisitAccess(AuditTrail audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static Rights rights(SignedInUser user, long organisationId) {
        boolean own = user.organisationId() == organisationId;
        boolean people = own && user.roles().stream().anyMatch(READERS_WITH_PEOPLE::contains);
        boolean read = people || (own && user.has(Role.ANALYST));
        boolean write = own && user.roles().stream().anyMatch(RECORDERS::contains);
        return new Rights(read, people, write);
    }

    /** The user may read the organisation's monitoring records at all (lists are kept to the user's organisation). */
    static boolean mayList(SignedInUser user) {
        return rights(user, user.organisationId()).read();
    }

    Rights requireRead(String recordType, long id, Long organisationId) {
        var rights = organisationId == null ? new Rights(false, false, false) : rights(CurrentUser.require(), organisationId);
        if (!rights.read()) refused(recordType, id, "read");
        return rights;
    }

    Rights requireWrite(String recordType, long id, Long organisationId) {
        var rights = requireRead(recordType, id, organisationId);
        if (!rights.write()) refused(recordType, id, "write");
        return rights;
    }

    /** Audits the refusal in its own transaction (the caller's is rolled back by the exception) and answers 404. */
    private void refused(String recordType, long id, String wanted) {
        separately.executeWithoutResult(status -> audit.record("access.refused", recordType, id, Map.of("wanted", wanted)));
        throw new NoSuchRecord(recordType, id);
    }
}
