package org.aigaq.detention;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may see and change the register of deaths and self-harm in custody: the same idea as cases
 * ({@link CaseAccess#rights}: organisation only, coalition pseudonymised, published anonymised), without grants; only
 * coordinators, documenters and monitors of the owning organisation record. Refusals are audited and answer 404.
 */
@Component
class CustodyRegisterAccess {

    /** Roles that record deaths and self-harm incidents. */
    static final Set<Role> RECORDERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR);

    /** What a user may do with one record: read it, see the person's identity, change it; public means anonymised. */
    record Rights(boolean read, boolean identities, boolean write, boolean anonymised) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    CustodyRegisterAccess(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static Rights rights(SignedInUser user, long organisationId, Sharing sharing) {
        var rights = CaseAccess.rights(user, organisationId, sharing, false);
        boolean own = user.organisationId() == organisationId;
        boolean write = rights.read() && own && user.roles().stream().anyMatch(RECORDERS::contains);
        boolean anonymised = user.roles().stream().allMatch(r -> r == Role.VIEWER);
        return new Rights(rights.read(), rights.identities(), write, anonymised);
    }

    /** The current user's rights on a row of {@code table}, or a 404 (audited) when the user may not read it. */
    Rights requireRead(String table, long id) {
        var user = CurrentUser.require();
        var rights = jdbc.sql("SELECT organisation_id, sharing FROM " + table + " WHERE id = :id").param("id", id)
                .query((rs, n) -> rights(user, rs.getLong(1), Sharing.valueOf(rs.getString(2)))).optional()
                .orElseThrow(() -> new NoSuchRecord(table, id));
        if (!rights.read()) refused(table, id, "read");
        return rights;
    }

    Rights requireWrite(String table, long id) {
        var rights = requireRead(table, id);
        if (!rights.write()) refused(table, id, "write");
        return rights;
    }

    /** Recording needs one of the recording roles; the record then belongs to the user's organisation. */
    static void requireRecorder() {
        if (CurrentUser.require().roles().stream().noneMatch(RECORDERS::contains)) {
            throw new org.springframework.security.access.AccessDeniedException("not a recorder of deaths and self-harm");
        }
    }

    /** Only coordinators share a record beyond their organisation, as with cases. */
    static void requireSharingRight(Sharing sharing) {
        if (sharing != null && sharing != Sharing.ORGANISATION && !CurrentUser.require().has(Role.COORDINATOR)) {
            throw new org.aigaq.platform.InvalidInput("sharing", "detention.custody.sharing-coordinator");
        }
    }

    /**
     * The SQL condition keeping a query to the rows the current user may read, by the rule of {@link #rights}; it uses
     * the parameter {@code :viewerOrganisation} (see {@link #bind}).
     */
    static String visible(String alias) {
        var user = CurrentUser.require();
        if (user.roles().stream().allMatch(r -> r == Role.VIEWER)) {
            return alias + ".sharing = 'PUBLIC'";
        }
        return "(" + alias + ".organisation_id = :viewerOrganisation OR " + alias + ".sharing <> 'ORGANISATION')";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("viewerOrganisation", CurrentUser.require().organisationId());
    }

    private void refused(String table, long id, String what) {
        separately.executeWithoutResult(status -> audit.record("access.refused", table, id, Map.of("wanted", what)));
        throw new NoSuchRecord(table, id);
    }
}
