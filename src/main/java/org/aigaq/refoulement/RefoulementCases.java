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

    /**
     * Corrects an event of the timeline by the rules of adding one; the outcome follows. Audited with the structured
     * values before and after (free texts only as changed or not: the audit trail is read by administrators).
     */
    @Transactional
    public RefoulementCase changeEvent(long id, long eventId, EventDraft draft) {
        access.requireWrite(id);
        var before = events(id).stream().filter(e -> e.id() == eventId).findFirst()
                .orElseThrow(() -> new NoSuchRecord("refoulement_event", eventId));
        var values = checkEvent(id, eventId, draft);
        // a follow-up after return must keep a removal on or before it
        var after = new ArrayList<>(events(id).stream().filter(e -> e.id() != eventId).toList());
        after.add(new RefoulementCase.Event(eventId, draft.kind(), draft.date(), null, null, null, null, null, draft.removal(), null));
        if (orphanedFollowUp(after)) throw new InvalidInput("kind", "refoulement.event.follow-up-needs-removal");
        jdbc.sql("""
                UPDATE refoulement_event SET kind = :kind, event_date = :date, court = :court, instance = :instance,
                    decision = :decision, committee = :committee, respected = :respected, removal = :removal, note = :note,
                    updated_at = now()
                WHERE id = :event""").params(values).param("event", eventId).update();
        var changed = events(id).stream().filter(e -> e.id() == eventId).findFirst().orElseThrow();
        updateOutcome(id);
        audit.record("refoulement-case.event-changed", TABLE, id, Map.of("event", String.valueOf(eventId),
                "before", described(before), "after", described(changed),
                "textsChanged", !java.util.Objects.equals(List.of(String.valueOf(before.court()), String.valueOf(before.instance()),
                        String.valueOf(before.decision()), String.valueOf(before.note())), List.of(String.valueOf(changed.court()),
                        String.valueOf(changed.instance()), String.valueOf(changed.decision()), String.valueOf(changed.note())))));
        return get(id);
    }

    /**
     * Removes an event entered by mistake, with the reason: the row stays (who removed it, when and why) but no longer
     * counts in the timeline, the outcome or the figures. Refused, naming {@code reason} or {@code eventId}, without a
     * reason or when a follow-up after return would lose its removal.
     */
    @Transactional
    public RefoulementCase removeEvent(long id, long eventId, String reason) {
        access.requireWrite(id);
        var removed = events(id).stream().filter(e -> e.id() == eventId).findFirst()
                .orElseThrow(() -> new NoSuchRecord("refoulement_event", eventId));
        var rules = new BrokenRules();
        String why = rules.value(() -> TypedText.required(reason, 2000, "reason"));
        rules.rule(() -> {
            if (orphanedFollowUp(events(id).stream().filter(e -> e.id() != eventId).toList())) {
                throw new InvalidInput("eventId", "refoulement.event.follow-up-needs-removal");
            }
        });
        rules.throwIfAny();
        jdbc.sql("""
                UPDATE refoulement_event SET removed_at = now(), removed_by = :user, removal_reason = :why WHERE id = :event""")
                .param("user", CurrentUser.require().id()).param("why", why).param("event", eventId).update();
        updateOutcome(id);
        audit.record("refoulement-case.event-removed", TABLE, id, Map.of("event", String.valueOf(eventId),
                "removed", described(removed)));
        return get(id);
    }

    /** Whether a follow-up after return has no removal on or before its date. */
    private static boolean orphanedFollowUp(List<RefoulementCase.Event> events) {
        return events.stream().filter(e -> e.kind() == RefoulementCase.Kind.FOLLOW_UP).anyMatch(f -> events.stream()
                .noneMatch(e -> e.kind() == RefoulementCase.Kind.REMOVAL && e.date() != null && !e.date().isAfter(f.date())));
    }

    private void updateOutcome(long id) {
        jdbc.sql("UPDATE refoulement_case SET outcome = :outcome, updated_by = :user, updated_at = now() WHERE id = :id")
                .param("outcome", outcome(events(id)).name()).param("user", CurrentUser.require().id()).param("id", id).update();
    }

    private static Map<String, String> described(RefoulementCase.Event e) {
        var d = new java.util.TreeMap<String, String>();
        d.put("kind", e.kind().name());
        d.put("date", String.valueOf(e.date()));
        if (e.committee() != null) d.put("committee", e.committee().name());
        if (e.respected() != null) d.put("respected", String.valueOf(e.respected()));
        if (e.removal() != null) d.put("removal", e.removal().name());
        return d;
    }

    /** The events removed from a case's timeline, newest removal first, for those who see its free texts. */
    private List<RefoulementCase.RemovedEvent> removedEvents(long caseId) {
        return jdbc.sql("""
                SELECT e.*, u.display_name FROM refoulement_event e JOIN app_user u ON u.id = e.removed_by
                WHERE e.case_id = :id AND e.removed_at IS NOT NULL ORDER BY e.removed_at DESC, e.id DESC""").param("id", caseId)
                .query((rs, n) -> new RefoulementCase.RemovedEvent(rs.getLong("id"), RefoulementCase.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("event_date", LocalDate.class), rs.getObject("removed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("display_name"), rs.getString("removal_reason"))).list();
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
    static final String BREACHED = "EXISTS (SELECT 1 FROM refoulement_event e WHERE e.case_id = c.id AND e.kind = 'INTERIM_MEASURES' AND e.respected = false AND e.removed_at IS NULL)";

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
        return checkEvent(caseId, null, draft);
    }

    /** {@code eventId}: the event corrected, left out of the timeline it is checked against. */
    private Map<String, Object> checkEvent(long caseId, Long eventId, EventDraft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        var kind = draft.kind();
        rules.rule(() -> {
            if (kind == null) throw new InvalidInput("kind", "validation.required");
        });
        values.put("kind", kind == null ? null : kind.name());
        values.put("date", draft.date());
        var earlier = events(caseId).stream().filter(e -> eventId == null || e.id() != eventId).toList();
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
        return jdbc.sql("SELECT * FROM refoulement_event WHERE case_id = :id AND removed_at IS NULL ORDER BY event_date, id").param("id", caseId)
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
                List.copyOf(shownEvents), open ? removedEvents(rs.getLong("id")) : List.of(), rights.write(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
