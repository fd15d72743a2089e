package org.aigaq.recommendations;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may see and change recommendations: as cases ({@link CaseAccess#rights}: own organisation, coalition
 * pseudonymised, published anonymised); the case workers of the owning organisation record. Refusals are audited, 404.
 */
@Component
class RecommendationAccess {

    static final Set<Role> RECORDERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR);

    /** What a user may do with one incident. */
    record Rights(boolean read, boolean identities, boolean write, boolean anonymised) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    RecommendationAccess(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
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

    Rights requireRead(long id) {
        var user = CurrentUser.require();
        var rights = jdbc.sql("SELECT organisation_id, sharing FROM recommendation WHERE id = :id").param("id", id)
                .query((rs, n) -> rights(user, rs.getLong(1), Sharing.valueOf(rs.getString(2)))).optional()
                .orElseThrow(() -> new NoSuchRecord(Recommendations.TABLE, id));
        if (!rights.read()) refused(id, "read");
        return rights;
    }

    Rights requireWrite(long id) {
        var rights = requireRead(id);
        if (!rights.write()) refused(id, "write");
        return rights;
    }

    static void requireRecorder() {
        if (CurrentUser.require().roles().stream().noneMatch(RECORDERS::contains)) {
            throw new AccessDeniedException("not a recorder of recommendations");
        }
    }

    /** Only coordinators share a record beyond their organisation, as with cases. */
    static void requireSharingRight(Sharing sharing) {
        if (sharing != null && sharing != Sharing.ORGANISATION && !CurrentUser.require().has(Role.COORDINATOR)) {
            throw new InvalidInput("sharing", "detention.custody.sharing-coordinator");
        }
    }

    /** The SQL condition keeping a query to the rows the user may read; binds {@code :viewerOrganisation}. */
    static String visible(String alias) {
        var user = CurrentUser.require();
        if (user.roles().stream().allMatch(r -> r == Role.VIEWER)) return alias + ".sharing = 'PUBLIC'";
        return "(" + alias + ".organisation_id = :viewerOrganisation OR " + alias + ".sharing <> 'ORGANISATION')";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("viewerOrganisation", CurrentUser.require().organisationId());
    }

    private void refused(long id, String what) {
        separately.executeWithoutResult(status -> audit.record("access.refused", Recommendations.TABLE, id, Map.of("wanted", what)));
        throw new NoSuchRecord(Recommendations.TABLE, id);
    }
}
