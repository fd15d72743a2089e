package org.aigaq.documentation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may see and change a record kept as cases are (an organisation's, shared with the coalition or published): the
 * rules of {@link CaseAccess#rights}, the owning organisation's case workers write; refusals are audited and answer 404.
 */
public abstract class SharedRecordAccess {

    public static final Set<Role> RECORDERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR);

    /** What a user may do with one record. */
    public record Rights(boolean read, boolean identities, boolean write, boolean anonymised) {}

    private final String table;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    /** {@code table} is a constant of the subclass, never user input: it is put into SQL. */
    protected SharedRecordAccess(String table, JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
        this.table = table;
        this.jdbc = jdbc;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public static Rights rights(SignedInUser user, long organisationId, Sharing sharing) {
        var rights = CaseAccess.rights(user, organisationId, sharing, false);
        boolean own = user.organisationId() == organisationId;
        boolean write = rights.read() && own && user.roles().stream().anyMatch(RECORDERS::contains);
        boolean anonymised = user.roles().stream().allMatch(r -> r == Role.VIEWER);
        return new Rights(rights.read(), rights.identities(), write, anonymised);
    }

    public Rights requireRead(long id) {
        var user = CurrentUser.require();
        var rights = jdbc.sql("SELECT organisation_id, sharing FROM " + table + " WHERE id = :id").param("id", id)
                .query((rs, n) -> rights(user, rs.getLong(1), Sharing.valueOf(rs.getString(2)))).optional()
                .orElseThrow(() -> new NoSuchRecord(table, id));
        if (!rights.read()) refused(id, "read");
        return rights;
    }

    public Rights requireWrite(long id) {
        var rights = requireRead(id);
        if (!rights.write()) refused(id, "write");
        return rights;
    }

    public static void requireRecorder() {
        if (CurrentUser.require().roles().stream().noneMatch(RECORDERS::contains)) {
            throw new AccessDeniedException("not a case worker who records");
        }
    }

    /** Only coordinators share a record beyond their organisation, as with cases. */
    public static void requireSharingRight(Sharing sharing) {
        if (sharing != null && sharing != Sharing.ORGANISATION && !CurrentUser.require().has(Role.COORDINATOR)) {
            throw new InvalidInput("sharing", "detention.custody.sharing-coordinator");
        }
    }

    /** The SQL condition keeping a query to the rows the user may read; binds {@code :viewerOrganisation}. */
    public static String visible(String alias) {
        var user = CurrentUser.require();
        if (user.roles().stream().allMatch(r -> r == Role.VIEWER)) return alias + ".sharing = 'PUBLIC'";
        return "(" + alias + ".organisation_id = :viewerOrganisation OR " + alias + ".sharing <> 'ORGANISATION')";
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("viewerOrganisation", CurrentUser.require().organisationId());
    }

    private void refused(long id, String what) {
        separately.executeWithoutResult(status -> audit.record("access.refused", table, id, Map.of("wanted", what)));
        throw new NoSuchRecord(table, id);
    }
}
