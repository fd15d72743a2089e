package org.aigaq.refoulement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.TypedText;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Non-refoulement cases and their timelines: opened, corrected, read (audited) and listed as the user may see them. */
@Service
public class RefoulementCases {

    static final String TABLE = "refoulement_case";

    /** What to list: each part optional; {@code breached} true keeps cases with interim measures not respected. */
    public record Filter(RefoulementCase.Outcome outcome, String requestingState, Boolean breached, boolean ours) {
        public static Filter none() {
            return new Filter(null, null, null, false);
        }
    }

    /** One line of the list: the person by pseudonym only, so that a list decrypts nothing. */
    public record Line(long id, String reference, String pseudonym, String nationality, String requestingState,
                       RefoulementCase.LegalBasis legalBasis, RefoulementCase.Outcome outcome, boolean breached,
                       Sharing sharing) {}

    /** A page of cases, newest first, and the id to continue after when there are more. */
    public record Page(List<Line> cases, Long nextAfter) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final RefoulementAccess access;
    private final People people;

    RefoulementCases(JdbcClient jdbc, AuditTrail audit, RefoulementAccess access, People people) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.people = people;
    }

    @Transactional
    public RefoulementCase open(CaseDraft draft) {
        RefoulementAccess.requireRecorder();
        var values = check(draft);
        var user = CurrentUser.require();
        long id = jdbc.sql("""
                INSERT INTO refoulement_case (organisation_id, sharing, person_id, nationality, requesting_state,
                    legal_basis, convention, risk_assessment, risk_evidence, created_by)
                VALUES (:organisation, :sharing, :personId, :nationality, :requestingState, :legalBasis, :convention,
                    :riskAssessment, :riskEvidence, :user)
                RETURNING id
                """).params(values).param("organisation", user.organisationId()).param("user", user.id())
                .query(Long.class).single();
        audit.record("refoulement-case.opened", TABLE, id, summary(values));
        return get(id);
    }

    @Transactional
    public RefoulementCase change(long id, CaseDraft draft) {
        access.requireWrite(id);
        var values = check(draft);
        jdbc.sql("""
                UPDATE refoulement_case SET sharing = :sharing, person_id = :personId, nationality = :nationality,
                    requesting_state = :requestingState, legal_basis = :legalBasis, convention = :convention,
                    risk_assessment = :riskAssessment, risk_evidence = :riskEvidence, updated_by = :user,
                    updated_at = now()
                WHERE id = :id
                """).params(values).param("id", id).param("user", CurrentUser.require().id()).update();
        audit.record("refoulement-case.changed", TABLE, id, summary(values));
        return get(id);
    }

    /** Adds a dated event to the timeline; the case's outcome then follows its latest deciding event. */
    @Transactional
    public RefoulementCase addEvent(long id, EventDraft draft) {
        access.requireWrite(id);
        var values = checkEvent(id, draft);
        long eventId = jdbc.sql("""
                INSERT INTO refoulement_event (case_id, kind, event_date, court, instance, decision, committee,
                    respected, removal, note, created_by)
                VALUES (:case, :kind, :date, :court, :instance, :decision, :committee, :respected, :removal, :note, :user)
                RETURNING id
                """).params(values).param("case", id).param("user", CurrentUser.require().id()).query(Long.class).single();
        jdbc.sql("UPDATE refoulement_case SET outcome = :outcome, updated_by = :user, updated_at = now() WHERE id = :id")
                .param("outcome", outcome(events(id)).name()).param("user", CurrentUser.require().id()).param("id", id).update();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("event", String.valueOf(eventId));
        for (String key : List.of("kind", "date", "committee", "respected", "removal")) {
            if (values.get(key) != null) summary.put(key, String.valueOf(values.get(key)));
        }
        audit.record("refoulement-case.event-added", TABLE, id, summary);
        return get(id);
    }

    /** The outcome the timeline gives: its latest removal, release or protection (by date, then as entered). */
    static RefoulementCase.Outcome outcome(List<RefoulementCase.Event> events) {
        var outcome = RefoulementCase.Outcome.PENDING;
        for (var e : events) {
            switch (e.kind()) {
                case REMOVAL -> outcome = e.removal() == RefoulementCase.Removal.EXTRADITED
                        ? RefoulementCase.Outcome.EXTRADITED : RefoulementCase.Outcome.DEPORTED;
                case RELEASE -> outcome = RefoulementCase.Outcome.RELEASED;
                case PROTECTION_GRANTED -> outcome = RefoulementCase.Outcome.PROTECTION_GRANTED;
                default -> { }
            }
        }
        return outcome;
    }

    /** The case as the current user may see it; 404 (audited) when the user may not. */
    @Transactional
    public RefoulementCase get(long id) {
        var rights = access.requireRead(id);
        var events = events(id);
        var found = jdbc.sql("SELECT * FROM refoulement_case WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs, rights, events)).optional().orElseThrow(() -> new NoSuchRecord(TABLE, id));
        audit.recordRead(TABLE, id);
        return found;
    }

    /** The cases the current user may read, newest first, {@code size} at a time after the id {@code after}. */
    public Page list(Filter filter, Long after, int size) {
        var params = new LinkedHashMap<String, Object>();
        var sql = new StringBuilder("SELECT c.*, ").append(BREACHED).append(" AS breached FROM refoulement_case c WHERE ")
                .append(condition("c", filter, params));
        if (after != null) {
            sql.append(" AND c.id < :after");
            params.put("after", after);
        }
        sql.append(" ORDER BY c.id DESC LIMIT :limit");
        params.put("limit", size + 1);
        var user = CurrentUser.require();
        var pseudonyms = new HashMap<Long, String>();
        var lines = RefoulementAccess.bind(jdbc.sql(sql.toString()).params(params)).query((rs, n) -> {
            var rights = RefoulementAccess.rights(user, rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")));
            long personId = rs.getLong("person_id");
            String pseudonym = rights.anonymised() ? null
                    : pseudonyms.computeIfAbsent(personId, p -> people.shownIn(p, false).pseudonym());
            return new Line(rs.getLong("id"), "NR-" + rs.getLong("id"), pseudonym,
                    rs.getString("nationality"), rs.getString("requesting_state"),
                    RefoulementCase.LegalBasis.valueOf(rs.getString("legal_basis")),
                    RefoulementCase.Outcome.valueOf(rs.getString("outcome")), rs.getBoolean("breached"),
                    Sharing.valueOf(rs.getString("sharing")));
        }).list();
        if (lines.size() > size) return new Page(List.copyOf(lines.subList(0, size)), lines.get(size - 1).id());
        return new Page(lines, null);
    }

    /** Whether a case had interim measures that were not respected, as an SQL expression on alias {@code c}. */
    static final String BREACHED = "EXISTS (SELECT 1 FROM refoulement_event e WHERE e.case_id = c.id AND e.kind = 'INTERIM_MEASURES' AND e.respected = false)";

    /** The SQL condition of the filter and the user's visibility; binds {@code :viewerOrganisation}. */
    static String condition(String alias, Filter filter, Map<String, Object> params) {
        var where = new StringBuilder(RefoulementAccess.visible(alias));
        if (filter.outcome() != null) {
            where.append(" AND ").append(alias).append(".outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.requestingState() != null && !filter.requestingState().isBlank()) {
            where.append(" AND lower(").append(alias).append(".requesting_state) = lower(:requestingState)");
            params.put("requestingState", filter.requestingState().strip());
        }
        if (filter.breached() != null) {
            where.append(filter.breached() ? " AND " : " AND NOT ").append(BREACHED.replace("c.id", alias + ".id"));
        }
        if (filter.ours()) where.append(" AND ").append(alias).append(".organisation_id = :viewerOrganisation");
        return where.toString();
    }

    /** The mistakes a draft has, for checking a form field by field as it is typed. */
    public List<InvalidInput.Violation> problems(CaseDraft draft) {
        return BrokenRules.of(() -> check(draft));
    }

    Map<String, Object> check(CaseDraft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("sharing", draft.sharing().name());
        rules.rule(() -> RefoulementAccess.requireSharingRight(draft.sharing()));
        values.put("personId", draft.personId());
        rules.rule(() -> {
            if (draft.personId() == null) throw new InvalidInput("personId", "validation.required");
            people.requireOwn(draft.personId(), "personId");
        });
        values.put("nationality", rules.value(() -> TypedText.required(draft.nationality(), 100, "nationality")));
        values.put("requestingState", rules.value(() -> TypedText.optional(draft.requestingState(), 100, "requestingState")));
        values.put("legalBasis", rules.value(() -> {
            if (draft.legalBasis() == null) throw new InvalidInput("legalBasis", "validation.required");
            return draft.legalBasis().name();
        }));
        values.put("convention", rules.value(() -> {
            String convention = TypedText.optional(draft.convention(), 200, "convention");
            if (draft.legalBasis() == RefoulementCase.LegalBasis.REGIONAL_CONVENTION && convention == null) {
                throw new InvalidInput("convention", "refoulement.convention.required");
            }
            return convention;
        }));
        values.put("riskAssessment", rules.value(() -> TypedText.optional(draft.riskAssessment(), 5000, "riskAssessment")));
        values.put("riskEvidence", rules.value(() -> TypedText.optional(draft.riskEvidence(), 5000, "riskEvidence")));
        rules.throwIfAny();
        return values;
    }

    Map<String, Object> checkEvent(long caseId, EventDraft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        var kind = draft.kind();
        rules.rule(() -> {
            if (kind == null) throw new InvalidInput("kind", "validation.required");
        });
        values.put("kind", kind == null ? null : kind.name());
        values.put("date", draft.date());
        var earlier = events(caseId);
        rules.rule(() -> {
            if (draft.date() == null) throw new InvalidInput("date", "validation.required");
            if (draft.date().isAfter(LocalDate.now())) throw new InvalidInput("date", "documentation.date.future");
            // Follow-up is after a return: it needs a removal on or before its date.
            if (kind == RefoulementCase.Kind.FOLLOW_UP && earlier.stream().noneMatch(e ->
                    e.kind() == RefoulementCase.Kind.REMOVAL && !e.date().isAfter(draft.date()))) {
                throw new InvalidInput("date", "refoulement.follow-up.no-removal");
            }
        });
        boolean court = kind == RefoulementCase.Kind.COURT_STAGE;
        values.put("court", rules.value(() -> only(TypedText.optional(draft.court(), 200, "court"), court, "court")));
        values.put("instance", rules.value(() -> only(TypedText.optional(draft.instance(), 100, "instance"), court, "instance")));
        rules.rule(() -> {
            if (court && values.get("court") == null) throw new InvalidInput("court", "refoulement.court.required");
        });
        values.put("decision", rules.value(() -> TypedText.optional(draft.decision(), 2000, "decision")));
        boolean interim = kind == RefoulementCase.Kind.INTERIM_MEASURES;
        values.put("committee", rules.value(() -> {
            if (interim && draft.committee() == null) throw new InvalidInput("committee", "refoulement.committee.required");
            return only(draft.committee() == null ? null : draft.committee().name(), interim, "committee");
        }));
        values.put("respected", rules.value(() -> {
            // Respected or not only says something of interim measures that were requested.
            if (draft.respected() != null && !interim) throw new InvalidInput("respected", "refoulement.respected.no-request");
            return draft.respected();
        }));
        boolean removal = kind == RefoulementCase.Kind.REMOVAL;
        values.put("removal", rules.value(() -> {
            if (removal && draft.removal() == null) throw new InvalidInput("removal", "refoulement.removal.required");
            return only(draft.removal() == null ? null : draft.removal().name(), removal, "removal");
        }));
        values.put("note", rules.value(() -> TypedText.optional(draft.note(), 5000, "note")));
        rules.throwIfAny();
        return values;
    }

    /** The mistakes an event draft has, for checking the event form as it is typed. */
    public List<InvalidInput.Violation> eventProblems(long caseId, EventDraft draft) {
        access.requireWrite(caseId);
        return BrokenRules.of(() -> checkEvent(caseId, draft));
    }

    private static <T> T only(T value, boolean belongs, String field) {
        if (value != null && !belongs) throw new InvalidInput(field, "refoulement.field.not-for-kind");
        return value;
    }

    private static Map<String, Object> summary(Map<String, Object> values) {
        var summary = new LinkedHashMap<String, Object>();
        // Free texts (risk assessment, evidence) are not copied into the audit trail: it is read by administrators.
        for (String key : List.of("sharing", "personId", "nationality", "requestingState", "legalBasis", "convention")) {
            if (values.get(key) != null) summary.put(key, String.valueOf(values.get(key)));
        }
        return summary;
    }

    private List<RefoulementCase.Event> events(long caseId) {
        return jdbc.sql("SELECT * FROM refoulement_event WHERE case_id = :id ORDER BY event_date, id").param("id", caseId)
                .query((rs, n) -> new RefoulementCase.Event(rs.getLong("id"), RefoulementCase.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("event_date", LocalDate.class), rs.getString("court"), rs.getString("instance"),
                        rs.getString("decision"), rs.getString("committee") == null ? null : RefoulementCase.Committee.valueOf(rs.getString("committee")),
                        rs.getObject("respected", Boolean.class),
                        rs.getString("removal") == null ? null : RefoulementCase.Removal.valueOf(rs.getString("removal")),
                        rs.getString("note"))).list();
    }

    private RefoulementCase row(ResultSet rs, RefoulementAccess.Rights rights, List<RefoulementCase.Event> events) throws SQLException {
        long personId = rs.getLong("person_id");
        boolean open = !rights.anonymised();
        var person = open ? people.shownIn(personId, rights.identities()) : null;
        var shownEvents = open ? events : new ArrayList<RefoulementCase.Event>();
        if (!open) {
            // published readers see the dated steps, not the notes and decisions
            events.forEach(e -> shownEvents.add(new RefoulementCase.Event(e.id(), e.kind(), e.date(), null, e.instance(), null,
                    e.committee(), e.respected(), e.removal(), null)));
        }
        return new RefoulementCase(rs.getLong("id"), rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")),
                open ? personId : null, person == null ? null : person.pseudonym(),
                person == null || !rights.identities() ? null : person.shownName(), rs.getString("nationality"),
                rs.getString("requesting_state"), RefoulementCase.LegalBasis.valueOf(rs.getString("legal_basis")),
                rs.getString("convention"), open ? rs.getString("risk_assessment") : null,
                open ? rs.getString("risk_evidence") : null, RefoulementCase.Outcome.valueOf(rs.getString("outcome")),
                List.copyOf(shownEvents), rights.write(), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
