package org.aigaq.documentation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may see and change a case. A case belongs to an organisation and has a sharing level; a user of another
 * organisation can be given access to it. Identities are shown only to the roles that work with them, on their own
 * organisation's cases and the cases given to them; everyone else sees pseudonyms. Every refusal is audited.
 */
@Service
public class CaseAccess {

    /** Roles that document, litigate or monitor, and so work with identities and write records. */
    static final Set<Role> CASE_WORKERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR);

    /** What a user may do with one case. */
    public record Rights(boolean read, boolean identities, boolean write, boolean manage) {
        static final Rights NONE = new Rights(false, false, false, false);
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    CaseAccess(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The rules, in one place: what {@code user} may do with a case owned by {@code organisationId}. */
    public static Rights rights(SignedInUser user, long organisationId, Sharing sharing, boolean granted) {
        boolean own = user.organisationId() == organisationId;
        boolean worker = user.roles().stream().anyMatch(CASE_WORKERS::contains);
        boolean onlyPublic = user.roles().stream().allMatch(r -> r == Role.VIEWER);
        boolean read = onlyPublic ? sharing == Sharing.PUBLIC : own || granted || sharing != Sharing.ORGANISATION;
        boolean identities = read && worker && (own || granted);
        boolean write = read && worker && (own || granted);
        boolean manage = own && user.has(Role.COORDINATOR);
        return new Rights(read, identities, write, manage);
    }

    /** The current user's rights on a case; none when the case does not exist. */
    public Rights on(long eventId) {
        var user = CurrentUser.require();
        return jdbc.sql("""
                SELECT e.organisation_id, e.sharing,
                       EXISTS (SELECT 1 FROM case_access a WHERE a.event_id = e.id AND a.user_id = :user) AS granted
                FROM event e WHERE e.id = :id
                """).param("id", eventId).param("user", user.id())
                .query((rs, n) -> rights(user, rs.getLong(1), Sharing.valueOf(rs.getString(2)), rs.getBoolean(3)))
                .optional().orElse(Rights.NONE);
    }

    /** The current user's rights on each of several events already read, with one query for the access given. */
    Map<Long, Rights> on(java.util.List<Event> events) {
        var user = CurrentUser.require();
        var rights = new java.util.HashMap<Long, Rights>();
        if (events.isEmpty()) return rights;
        var granted = new java.util.HashSet<>(jdbc.sql("SELECT event_id FROM case_access WHERE user_id = :user AND event_id IN (:ids)")
                .param("user", user.id()).param("ids", events.stream().map(Event::id).toList()).query(Long.class).list());
        for (Event e : events) {
            rights.put(e.id(), rights(user, e.organisationId(), e.sharing(), granted.contains(e.id())));
        }
        return rights;
    }

    /** The current user's rights, or a 404 (audited) when the user may not read the case: its existence is not confirmed. */
    public Rights requireRead(long eventId) {
        Rights rights = on(eventId);
        if (!rights.read()) {
            refused(eventId, "read");
        }
        return rights;
    }

    public Rights requireWrite(long eventId) {
        Rights rights = requireRead(eventId);
        if (!rights.write()) {
            refused(eventId, "write");
        }
        return rights;
    }

    public Rights requireManage(long eventId) {
        Rights rights = requireRead(eventId);
        if (!rights.manage()) {
            refused(eventId, "manage");
        }
        return rights;
    }

    /**
     * The SQL condition that keeps a query to the events the current user may read, for lists and exports; it
     * uses the parameters {@code :viewerOrganisation} and {@code :viewerId} (see {@link #bind}).
     */
    public static String visibleEvents(String alias) {
        return visibleEvents(alias, alias + ".id");
    }

    /** The same condition over a table that holds an event's {@code organisation_id} and {@code sharing} under its own key. */
    public static String visibleEvents(String alias, String eventId) {
        var user = CurrentUser.require();
        if (user.roles().stream().allMatch(r -> r == Role.VIEWER)) {
            return alias + ".sharing = 'PUBLIC'";
        }
        return "(" + alias + ".organisation_id = :viewerOrganisation OR " + alias + ".sharing <> 'ORGANISATION'"
                + " OR EXISTS (SELECT 1 FROM case_access ca WHERE ca.event_id = " + eventId + " AND ca.user_id = :viewerId))";
    }

    /**
     * The same condition without a subquery per row, so that a scan of many rows can run in parallel: the cases given
     * to the user are the array parameter {@code :viewerGranted} (see {@link #bindGiven}).
     */
    public static String visibleEventsGiven(String alias, String eventId) {
        var user = CurrentUser.require();
        if (user.roles().stream().allMatch(r -> r == Role.VIEWER)) {
            return alias + ".sharing = 'PUBLIC'";
        }
        return "(" + alias + ".organisation_id = :viewerOrganisation OR " + alias + ".sharing <> 'ORGANISATION'"
                + " OR " + eventId + " = ANY(CAST(:viewerGranted AS bigint[])))";
    }

    /**
     * The part of {@link #visibleEventsGiven} that depends only on an event's organisation and sharing, for counts
     * kept per organisation and sharing; uses {@code :viewerOrganisation}. The cases given to the user one by one
     * beyond it are {@link #givenBeyond}.
     */
    public static String visibleByOrganisationAndSharing(String alias) {
        var user = CurrentUser.require();
        if (user.roles().stream().allMatch(r -> r == Role.VIEWER)) {
            return alias + ".sharing = 'PUBLIC'";
        }
        return "(" + alias + ".organisation_id = :viewerOrganisation OR " + alias + ".sharing <> 'ORGANISATION')";
    }

    /**
     * The condition on a row of an event that the user sees only because it was given to them one by one (none for
     * a viewer, who sees public cases only); uses {@code :viewerOrganisation} and {@code :viewerGranted}.
     */
    public static String givenBeyond(String alias, String eventId) {
        var user = CurrentUser.require();
        if (user.roles().stream().allMatch(r -> r == Role.VIEWER)) {
            return "false";
        }
        return "(" + alias + ".organisation_id <> :viewerOrganisation AND " + alias + ".sharing = 'ORGANISATION' AND "
                + eventId + " = ANY(CAST(:viewerGranted AS bigint[])))";
    }

    /** The events given to the current user one by one (see {@link #bindGiven}). */
    public List<Long> given() {
        return jdbc.sql("SELECT event_id FROM case_access WHERE user_id = :user").param("user", CurrentUser.require().id())
                .query(Long.class).list();
    }

    /** Binds the parameters of {@link #visibleEventsGiven}, reading the cases given to the current user. */
    public JdbcClient.StatementSpec bindGiven(JdbcClient.StatementSpec statement) {
        var user = CurrentUser.require();
        Long[] given = jdbc.sql("SELECT event_id FROM case_access WHERE user_id = :user").param("user", user.id())
                .query(Long.class).list().toArray(Long[]::new);
        return statement.param("viewerOrganisation", user.organisationId()).param("viewerGranted", given);
    }

    /**
     * What the current user reads apart from the cases given to them, as {@link #visibleEvents} says it: every case of
     * {@code organisation} (null for viewers) and every case of the {@code sharings} in any organisation.
     */
    public record Readable(Long organisation, java.util.Set<Sharing> sharings) {}

    /** The cases the current user reads without a grant (see {@link Readable}). */
    public static Readable readable() {
        var user = CurrentUser.require();
        if (user.roles().stream().allMatch(r -> r == Role.VIEWER)) {
            return new Readable(null, java.util.Set.of(Sharing.PUBLIC));
        }
        return new Readable(user.organisationId(), java.util.EnumSet.complementOf(java.util.EnumSet.of(Sharing.ORGANISATION)));
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        var user = CurrentUser.require();
        return statement.param("viewerOrganisation", user.organisationId()).param("viewerId", user.id());
    }

    /** Audits the refusal in its own transaction (the caller's is rolled back by the exception) and answers 404. */
    private void refused(long eventId, String what) {
        separately.executeWithoutResult(status -> audit.record("access.refused", "event", eventId, Map.of("wanted", what)));
        throw new NoSuchRecord("event", eventId);
    }
}
