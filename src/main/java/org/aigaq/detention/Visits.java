package org.aigaq.detention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Person;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.accounts.User;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring visits to the places of the registry: planning them, asking for and recording the approval (and so the
 * waiting time), recording that they were made or cancelled, the obstructions met, the people interviewed, the
 * findings by theme and the allegations they led to, and the report's publication. Every change is audited; so is
 * every reading of a visit with its people.
 */
@Service
public class Visits {

    static final String SELECT = """
            SELECT v.*, CASE WHEN v.approval_requested_on IS NULL THEN NULL
                             ELSE coalesce(v.approval_decided_on, current_date) - v.approval_requested_on END AS waiting_days
            FROM visit v
            """;

    /**
     * What to list: every part optional; {@code year} is the year of the visit as made, or else as planned;
     * {@code requestYear} the year approval was requested.
     */
    public record Filter(VisitStatus status, Long placeId, String body, String visitType, Integer year,
                         ApprovalDecision decision, Integer requestYear) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    /** A page of visits, newest first, and the id to continue after when there are more. */
    public record Page(List<Visit> visits, Long nextAfter) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final VisitAccess access;
    private final Vocabularies vocabularies;
    private final Places places;
    private final People people;
    private final Events events;
    private final CaseAccess caseAccess;
    private final Users users;
    private final FieldEncryption encryption;
    private final MonitorsRecommendations recommendations;

    Visits(JdbcClient jdbc, AuditTrail audit, VisitAccess access, Vocabularies vocabularies, Places places, People people,
           Events events, CaseAccess caseAccess, Users users, FieldEncryption encryption,
           MonitorsRecommendations recommendations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.vocabularies = vocabularies;
        this.places = places;
        this.people = people;
        this.events = events;
        this.caseAccess = caseAccess;
        this.users = users;
        this.encryption = encryption;
        this.recommendations = recommendations;
    }

    /** Plans a visit for the user's organisation; it starts as planned. */
    @Transactional
    public Visit plan(VisitPlan plan) {
        var user = CurrentUser.require();
        if (!VisitAccess.rights(user, user.organisationId()).write()) throw new AccessDeniedException("not a recorder");
        var values = check(plan, user.organisationId());
        long id = jdbc.sql("""
                INSERT INTO visit (organisation_id, place_id, body, visit_type, announced, cross_regional, planned_from,
                                   planned_to, purpose, status, created_by)
                VALUES (:organisation, :placeId, :body, :visitType, :announced, :crossRegional, :plannedFrom, :plannedTo,
                        :purpose, 'PLANNED', :user) RETURNING id
                """).params(values).param("organisation", user.organisationId()).param("user", user.id())
                .query(Long.class).single();
        writeTeam(id, plan);
        audit.record("visit.planned", "visit", id, summary(values));
        return find(id);
    }

    /** Corrects the plan of a visit: place, body, type, dates, purpose and team. */
    @Transactional
    public Visit change(long id, VisitPlan plan) {
        var visit = requireWrite(id);
        var values = check(plan, visit.organisationId());
        jdbc.sql("""
                UPDATE visit SET place_id = :placeId, body = :body, visit_type = :visitType, announced = :announced,
                    cross_regional = :crossRegional, planned_from = :plannedFrom, planned_to = :plannedTo,
                    purpose = :purpose, updated_at = now()
                WHERE id = :id
                """).params(values).param("id", id).update();
        jdbc.sql("DELETE FROM visit_team_member WHERE visit_id = :id").param("id", id).update();
        writeTeam(id, plan);
        audit.record("visit.changed", "visit", id, summary(values));
        return find(id);
    }

    /** What is wrong with a plan, by the rules of {@link #plan}; empty when it would be accepted. */
    public List<InvalidInput.Violation> problems(VisitPlan plan) {
        var user = CurrentUser.require();
        return BrokenRules.of(() -> check(plan, user.organisationId()));
    }

    /** Records that approval of the visit was asked for: when, and by whom. */
    @Transactional
    public Visit requestApproval(long id, ApprovalRequest request) {
        var visit = requireWrite(id);
        var checked = checked(visit, request);
        LocalDate on = (LocalDate) checked.get("on");
        String by = (String) checked.get("by");
        jdbc.sql("""
                UPDATE visit SET approval_requested_on = :on, approval_requested_by = :by, status = 'REQUESTED',
                    updated_at = now() WHERE id = :id
                """).param("on", on).param("by", by).param("id", id).update();
        audit.record("visit.approval-requested", "visit", id, Map.of("requestedOn", on.toString()));
        return find(id);
    }

    /** What is wrong with a request for approval, by the rules of {@link #requestApproval}; empty when none. */
    public List<InvalidInput.Violation> problems(long id, ApprovalRequest request) {
        var visit = requireWrite(id);
        return BrokenRules.of(() -> checked(visit, request));
    }

    private static Map<String, Object> checked(Visit visit, ApprovalRequest request) {
        var rules = new BrokenRules();
        rules.rule(() -> requireStatus(visit, VisitStatus.PLANNED));
        LocalDate on = rules.value(() -> MonitoringInput.past(MonitoringInput.present(request.requestedOn(), "requestedOn"), "requestedOn"));
        String by = rules.value(() -> MonitoringInput.optional(request.requestedBy(), 300, "requestedBy"));
        rules.throwIfAny();
        var values = new HashMap<String, Object>();
        values.put("on", on);
        values.put("by", by);
        return values;
    }

    /** Records the answer to the request: granted or refused, when, by whom, and why (a refusal needs its reason). */
    @Transactional
    public Visit decide(long id, ApprovalAnswer answer) {
        var visit = requireWrite(id);
        var checked = checked(visit, answer);
        ApprovalDecision decision = (ApprovalDecision) checked.get("decision");
        LocalDate on = (LocalDate) checked.get("on");
        String by = (String) checked.get("by");
        String reason = (String) checked.get("reason");
        jdbc.sql("""
                UPDATE visit SET approval_decision = :decision, approval_decided_on = :on, approval_decided_by = :by,
                    approval_reason = :reason, status = :status, updated_at = now() WHERE id = :id
                """).param("decision", decision.name()).param("on", on).param("by", by).param("reason", reason)
                .param("status", decision == ApprovalDecision.GRANTED ? "APPROVED" : "REFUSED").param("id", id).update();
        audit.record("visit.approval-decided", "visit", id, Map.of("decision", decision.name(), "decidedOn", on.toString()));
        return find(id);
    }

    /** What is wrong with an answer to the request, by the rules of {@link #decide}; empty when none. */
    public List<InvalidInput.Violation> problems(long id, ApprovalAnswer answer) {
        var visit = requireWrite(id);
        return BrokenRules.of(() -> checked(visit, answer));
    }

    private static Map<String, Object> checked(Visit visit, ApprovalAnswer answer) {
        var rules = new BrokenRules();
        rules.rule(() -> requireStatus(visit, VisitStatus.REQUESTED));
        ApprovalDecision decision = rules.value(() -> MonitoringInput.present(answer.decision(), "decision"));
        LocalDate on = rules.value(() -> {
            LocalDate date = MonitoringInput.past(MonitoringInput.present(answer.decidedOn(), "decidedOn"), "decidedOn");
            MonitoringInput.notBefore(date, visit.approval().requestedOn(), "decidedOn");
            return date;
        });
        String by = rules.value(() -> MonitoringInput.optional(answer.decidedBy(), 300, "decidedBy"));
        String reason = rules.value(() -> decision == ApprovalDecision.REFUSED
                ? MonitoringInput.required(answer.reason(), 2000, "reason")
                : MonitoringInput.optional(answer.reason(), 2000, "reason"));
        rules.throwIfAny();
        var values = new HashMap<String, Object>();
        values.put("decision", decision);
        values.put("on", on);
        values.put("by", by);
        values.put("reason", reason);
        return values;
    }

    /** Records that the visit was made: its days and how many people were interviewed. A refused visit was not made. */
    @Transactional
    public Visit recordOutcome(long id, VisitOutcome outcome) {
        var visit = requireWrite(id);
        var checked = checked(visit, outcome);
        LocalDate started = (LocalDate) checked.get("started");
        LocalDate ended = (LocalDate) checked.get("ended");
        Integer detainees = (Integer) checked.get("detainees");
        Integer staff = (Integer) checked.get("staff");
        Integer others = (Integer) checked.get("others");
        jdbc.sql("""
                UPDATE visit SET started_on = :started, ended_on = :ended, detainees_interviewed = :detainees,
                    staff_interviewed = :staff, others_interviewed = :others, status = 'DONE', updated_at = now()
                WHERE id = :id
                """).param("started", started).param("ended", ended == null ? started : ended).param("detainees", detainees)
                .param("staff", staff).param("others", others).param("id", id).update();
        audit.record("visit.done", "visit", id, Map.of("startedOn", started.toString(), "interviewed", detainees + staff + others));
        return find(id);
    }

    /** What is wrong with the record of a visit made, by the rules of {@link #recordOutcome}; empty when none. */
    public List<InvalidInput.Violation> problems(long id, VisitOutcome outcome) {
        var visit = requireWrite(id);
        return BrokenRules.of(() -> checked(visit, outcome));
    }

    private static Map<String, Object> checked(Visit visit, VisitOutcome outcome) {
        var rules = new BrokenRules();
        rules.rule(() -> requireStatus(visit, VisitStatus.PLANNED, VisitStatus.APPROVED, VisitStatus.DONE));
        LocalDate started = rules.value(() -> MonitoringInput.past(MonitoringInput.present(outcome.startedOn(), "startedOn"), "startedOn"));
        LocalDate ended = rules.value(() -> {
            LocalDate date = MonitoringInput.past(outcome.endedOn(), "endedOn");
            MonitoringInput.notBefore(date, started, "endedOn");
            return date;
        });
        Integer detainees = rules.value(() -> MonitoringInput.count(outcome.detaineesInterviewed(), "detaineesInterviewed"));
        Integer staff = rules.value(() -> MonitoringInput.count(outcome.staffInterviewed(), "staffInterviewed"));
        Integer others = rules.value(() -> MonitoringInput.count(outcome.othersInterviewed(), "othersInterviewed"));
        rules.throwIfAny();
        var values = new HashMap<String, Object>();
        values.put("started", started);
        values.put("ended", ended);
        values.put("detainees", detainees);
        values.put("staff", staff);
        values.put("others", others);
        return values;
    }

    @Transactional
    public Visit cancel(long id) {
        var visit = requireWrite(id);
        requireStatus(visit, VisitStatus.PLANNED, VisitStatus.REQUESTED, VisitStatus.APPROVED);
        jdbc.sql("UPDATE visit SET status = 'CANCELLED', updated_at = now() WHERE id = :id").param("id", id).update();
        audit.record("visit.cancelled", "visit", id, Map.of());
        return find(id);
    }

    /** Records an obstruction met on the visit (also on a refused one: being turned away at the gate is one). */
    @Transactional
    public Obstruction addObstruction(long id, Obstruction.Draft draft) {
        var user = CurrentUser.require();
        requireWrite(id);
        var checked = checked(draft);
        LocalDate on = (LocalDate) checked.get("on");
        String kind = (String) checked.get("kind");
        String description = (String) checked.get("description");
        long obstruction = jdbc.sql("""
                INSERT INTO visit_obstruction (visit_id, occurred_on, kind, description, created_by)
                VALUES (:visit, :on, :kind, :description, :user) RETURNING id
                """).param("visit", id).param("on", on).param("kind", kind).param("description", description)
                .param("user", user.id()).query(Long.class).single();
        audit.record("visit.obstruction-recorded", "visit", id, Map.of("obstruction", obstruction, "kind", kind));
        return new Obstruction(obstruction, id, on, kind, description);
    }

    /** What is wrong with an obstruction, by the rules of {@link #addObstruction}; empty when none. */
    public List<InvalidInput.Violation> problems(long id, Obstruction.Draft draft) {
        requireWrite(id);
        return BrokenRules.of(() -> checked(draft));
    }

    private Map<String, Object> checked(Obstruction.Draft draft) {
        var rules = new BrokenRules();
        LocalDate on = rules.value(() -> MonitoringInput.past(MonitoringInput.present(draft.occurredOn(), "occurredOn"), "occurredOn"));
        String kind = rules.value(() -> MonitoringInput.term(vocabularies, "obstruction-type", draft.kind(), "kind"));
        String description = rules.value(() -> MonitoringInput.optional(draft.description(), 4000, "description"));
        rules.throwIfAny();
        var values = new HashMap<String, Object>();
        values.put("on", on);
        values.put("kind", kind);
        values.put("description", description);
        return values;
    }

    /** What is wrong with a person interviewed, by the rules of {@link #addInterviewee} for a new name; empty when none. */
    public List<InvalidInput.Violation> problems(long id, Interviewee.Draft draft) {
        requireWrite(id);
        return draft.personId() != null ? List.of() : BrokenRules.of(() -> MonitoringInput.required(draft.name(), 300, "name"));
    }

    /**
     * Records a person interviewed whose identity the monitors chose to keep: a person of the organisation already
     * recorded, or a new one recorded (encrypted, pseudonymised) by documentation's People.
     */
    @Transactional
    public Interviewee addInterviewee(long id, Interviewee.Draft draft) {
        var visit = requireWrite(id);
        Person person;
        if (draft.personId() != null) {
            try {
                person = people.get(draft.personId());
            } catch (NoSuchRecord unknown) {
                throw new InvalidInput("personId", "detention.interviewee.unknown");
            }
            if (!person.identityVisible() || person.organisationId() != visit.organisationId()) {
                throw new InvalidInput("personId", "detention.interviewee.unknown");
            }
        } else {
            String name = MonitoringInput.required(draft.name(), 300, "name");
            person = people.record(new PersonDraft(new Identity(name, List.of(), null, null, null), false, null, null,
                    null, List.of(), false, null));
        }
        jdbc.sql("INSERT INTO visit_interviewee (visit_id, person_id) VALUES (:visit, :person) ON CONFLICT DO NOTHING")
                .param("visit", id).param("person", person.id()).update();
        audit.record("visit.interviewee-added", "visit", id, Map.of("person", person.pseudonym()));
        return new Interviewee(person.id(), person.pseudonym(), person.shownName());
    }

    @Transactional
    public Finding addFinding(long id, Finding.Draft draft) {
        var user = CurrentUser.require();
        requireWrite(id);
        var checked = checked(draft);
        String theme = checked.get("theme");
        String text = checked.get("text");
        long finding = jdbc.sql("""
                INSERT INTO visit_finding (visit_id, theme, text, created_by) VALUES (:visit, :theme, :text, :user) RETURNING id
                """).param("visit", id).param("theme", theme).param("text", text).param("user", user.id())
                .query(Long.class).single();
        audit.record("visit.finding-recorded", "visit", id, Map.of("finding", finding, "theme", theme));
        return new Finding(finding, id, theme, text, List.of());
    }

    /** What is wrong with a finding, by the rules of {@link #addFinding}; empty when none. */
    public List<InvalidInput.Violation> problems(long id, Finding.Draft draft) {
        requireWrite(id);
        return BrokenRules.of(() -> checked(draft));
    }

    private Map<String, String> checked(Finding.Draft draft) {
        var rules = new BrokenRules();
        String theme = rules.value(() -> MonitoringInput.term(vocabularies, "finding-theme", draft.theme(), "theme"));
        String text = rules.value(() -> MonitoringInput.required(draft.text(), 10000, "text"));
        rules.throwIfAny();
        return Map.of("theme", theme, "text", text);
    }

    /**
     * Links a finding to an allegation: a case the user may read, or a new case opened from the visit (organisation
     * only, at the visit's place and date, through documentation's Events).
     */
    @Transactional
    public Finding.LinkedAllegation linkAllegation(long findingId, Finding.AllegationLink link) {
        Long visitId = jdbc.sql("SELECT visit_id FROM visit_finding WHERE id = :id").param("id", findingId)
                .query(Long.class).optional().orElseThrow(() -> new NoSuchRecord("finding", findingId));
        var visit = requireWrite(visitId);
        org.aigaq.documentation.Event event;
        if (link.eventId() != null) {
            try {
                caseAccess.requireRead(link.eventId());
                event = events.get(link.eventId());
            } catch (NoSuchRecord unknown) {
                throw new InvalidInput("eventId", "detention.allegation.unknown");
            }
        } else {
            String title = MonitoringInput.required(link.title(), 300, "title");
            String text = jdbc.sql("SELECT text FROM visit_finding WHERE id = :id").param("id", findingId).query(String.class).single();
            Place place = places.get(visit.placeId());
            LocalDate date = visit.date() == null || visit.date().isAfter(LocalDate.now()) ? null : visit.date();
            event = events.record(new EventDraft(title, text, new FuzzyDate(date, null), null, place.id(),
                    place.locationType(), place.region(), null, null, null, LocalDate.now(), Sharing.ORGANISATION));
        }
        jdbc.sql("INSERT INTO visit_finding_allegation (finding_id, event_id) VALUES (:finding, :event) ON CONFLICT DO NOTHING")
                .param("finding", findingId).param("event", event.id()).update();
        audit.record("visit.allegation-linked", "visit", visitId, Map.of("finding", findingId, "event", event.id()));
        return new Finding.LinkedAllegation(event.id(), event.recordNumber(), event.title());
    }

    /** Records the report's publication; only a report with its date of publication goes on the public page. */
    @Transactional
    public Visit publishReport(long id, VisitReport report) {
        requireWrite(id);
        checked(report);
        LocalDate on = report.publishedOn();
        String reference = MonitoringInput.optional(report.reference(), 1000, "reference");
        boolean isPublic = Boolean.TRUE.equals(report.isPublic());
        jdbc.sql("""
                UPDATE visit SET report_published_on = :on, report_reference = :reference, report_public = :public,
                    updated_at = now() WHERE id = :id
                """).param("on", on).param("reference", reference).param("public", isPublic).param("id", id).update();
        audit.record("visit.report-published", "visit", id, Map.of("public", isPublic));
        return find(id);
    }

    /** What is wrong with a report's publication, by the rules of {@link #publishReport}; empty when none. */
    public List<InvalidInput.Violation> problems(long id, VisitReport report) {
        requireWrite(id);
        return BrokenRules.of(() -> checked(report));
    }

    private static void checked(VisitReport report) {
        var rules = new BrokenRules();
        rules.rule(() -> MonitoringInput.past(report.publishedOn(), "publishedOn"));
        rules.rule(() -> MonitoringInput.optional(report.reference(), 1000, "reference"));
        rules.rule(() -> {
            if (Boolean.TRUE.equals(report.isPublic()) && report.publishedOn() == null) {
                throw new InvalidInput("publishedOn", "detention.report.date-required");
            }
        });
        rules.throwIfAny();
    }

    /** The visit with everything recorded on it, as the user may see it; reading it with its people is audited. */
    @Transactional
    public VisitFile get(long id) {
        Visit visit = find(id);
        var rights = access.requireRead("visit", id, visit.organisationId());
        if (rights.people()) audit.recordRead("visit", id);
        var obstructions = jdbc.sql("SELECT * FROM visit_obstruction WHERE visit_id = :id ORDER BY occurred_on, id")
                .param("id", id).query((rs, n) -> new Obstruction(rs.getLong("id"), id,
                        rs.getObject("occurred_on", LocalDate.class), rs.getString("kind"), rs.getString("description"))).list();
        var linked = new HashMap<Long, List<Finding.LinkedAllegation>>();
        jdbc.sql("""
                SELECT a.finding_id, a.event_id FROM visit_finding_allegation a JOIN visit_finding f ON f.id = a.finding_id
                WHERE f.visit_id = :id ORDER BY a.event_id
                """).param("id", id).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()
                .forEach(pair -> {
                    // A linked case is shown only to those who may read it; its reading is audited as any case's.
                    if (caseAccess.on(pair[1]).read()) {
                        var event = events.get(pair[1]);
                        linked.computeIfAbsent(pair[0], k -> new ArrayList<>())
                                .add(new Finding.LinkedAllegation(event.id(), event.recordNumber(), event.title()));
                    }
                });
        var findings = jdbc.sql("SELECT * FROM visit_finding WHERE visit_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new Finding(rs.getLong("id"), id, rs.getString("theme"), rs.getString("text"),
                        List.copyOf(linked.getOrDefault(rs.getLong("id"), List.of())))).list();
        List<TeamMember> team = rights.people() ? team(id) : List.of();
        List<Interviewee> interviewees = rights.people() ? interviewees(id) : List.of();
        return new VisitFile(visit, rights.people(), rights.write(), team, obstructions, interviewees, findings,
                recommendations.ofVisit(id));
    }

    /** The visits of the user's organisation, newest first, {@code size} at a time after the id {@code after}. */
    public Page list(Filter filter, Long after, int size) {
        var user = CurrentUser.require();
        if (!VisitAccess.mayList(user)) return new Page(List.of(), null);
        var sql = new StringBuilder(SELECT).append(" WHERE v.organisation_id = :organisation");
        var params = new HashMap<String, Object>();
        params.put("organisation", user.organisationId());
        if (filter.status() != null) { sql.append(" AND v.status = :status"); params.put("status", filter.status().name()); }
        if (filter.placeId() != null) { sql.append(" AND v.place_id = :place"); params.put("place", filter.placeId()); }
        if (filter.body() != null && !filter.body().isBlank()) { sql.append(" AND v.body = :body"); params.put("body", filter.body()); }
        if (filter.visitType() != null && !filter.visitType().isBlank()) {
            sql.append(" AND v.visit_type = :type");
            params.put("type", filter.visitType());
        }
        if (filter.year() != null) {
            sql.append(" AND extract(year FROM coalesce(v.started_on, v.planned_from)) = :year");
            params.put("year", filter.year());
        }
        if (filter.requestYear() != null) {
            sql.append(" AND extract(year FROM v.approval_requested_on) = :requestYear");
            params.put("requestYear", filter.requestYear());
        }
        if (filter.decision() != null) { sql.append(" AND v.approval_decision = :decision"); params.put("decision", filter.decision().name()); }
        if (after != null) { sql.append(" AND v.id < :after"); params.put("after", after); }
        sql.append(" ORDER BY v.id DESC LIMIT :limit");
        params.put("limit", size + 1);
        var cache = new HashMap<Long, Place>();
        var visits = jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, cache)).list();
        if (visits.size() > size) {
            var page = visits.subList(0, size);
            return new Page(List.copyOf(page), page.getLast().id());
        }
        return new Page(visits, null);
    }

    /** The users of the organisation who can be on a visit's team, by name. */
    public List<TeamMember> teamCandidates() {
        var user = CurrentUser.require();
        return users.all().stream().filter(u -> u.organisationId() == user.organisationId() && u.enabled())
                .map(u -> new TeamMember(u.id(), u.displayName())).toList();
    }

    /** The visit, after the user's right to change it is checked (404 otherwise, audited). */
    private Visit requireWrite(long id) {
        Visit visit = find(id);
        access.requireWrite("visit", id, visit.organisationId());
        return visit;
    }

    /**
     * The visits among {@code ids} the current user may read, for links from other records (a recommendation's
     * evidence); the others are left out, unaudited, as if they did not exist.
     */
    public List<Visit> readable(java.util.Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) return List.of();
        var user = CurrentUser.require();
        var cache = new HashMap<Long, Place>();
        return jdbc.sql(SELECT + " WHERE v.id IN (:ids) ORDER BY v.id").param("ids", ids).query((rs, n) -> row(rs, cache)).list()
                .stream().filter(v -> VisitAccess.rights(user, v.organisationId()).read()).toList();
    }

    Visit find(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query((rs, n) -> row(rs, new HashMap<>()))
                .optional().orElseThrow(() -> new NoSuchRecord("visit", id));
    }

    Long organisationOf(long id) {
        return jdbc.sql("SELECT organisation_id FROM visit WHERE id = :id").param("id", id).query(Long.class).optional().orElse(null);
    }

    private static void requireStatus(Visit visit, VisitStatus... allowed) {
        for (VisitStatus status : allowed) {
            if (visit.status() == status) return;
        }
        throw new InvalidInput("status", "detention.visit.wrong-status");
    }

    private Map<String, Object> check(VisitPlan plan, long organisationId) {
        var rules = new BrokenRules();
        var values = new LinkedHashMap<String, Object>();
        values.put("placeId", rules.value(() -> {
            Long place = MonitoringInput.present(plan.placeId(), "placeId");
            try {
                places.get(place);
            } catch (NoSuchRecord unknown) {
                throw new InvalidInput("placeId", "detention.place.unknown");
            }
            return place;
        }));
        values.put("body", rules.value(() -> MonitoringInput.term(vocabularies, "monitoring-body", plan.body(), "body")));
        values.put("visitType", rules.value(() -> MonitoringInput.term(vocabularies, "visit-type", plan.visitType(), "visitType")));
        values.put("announced", plan.announced());
        values.put("crossRegional", plan.crossRegional());
        values.put("plannedFrom", rules.value(() -> MonitoringInput.present(plan.plannedFrom(), "plannedFrom")));
        rules.rule(() -> MonitoringInput.notBefore(plan.plannedTo(), plan.plannedFrom(), "plannedTo"));
        values.put("plannedTo", plan.plannedTo());
        values.put("purpose", rules.value(() -> MonitoringInput.optional(plan.purpose(), 2000, "purpose")));
        for (int i = 0; i < plan.teamUserIds().size(); i++) {
            Long userId = plan.teamUserIds().get(i);
            String field = "teamUserIds." + i;
            rules.rule(() -> {
                User member = userId == null ? null : users.find(userId).orElse(null);
                if (member == null || member.organisationId() != organisationId) {
                    throw new InvalidInput(field, "detention.team.unknown-user");
                }
            });
        }
        for (int i = 0; i < plan.outsideMembers().size(); i++) {
            String name = plan.outsideMembers().get(i);
            String field = "outsideMembers." + i;
            rules.rule(() -> MonitoringInput.required(name, 300, field));
        }
        rules.throwIfAny();
        return values;
    }

    private void writeTeam(long visitId, VisitPlan plan) {
        for (Long userId : plan.teamUserIds().stream().distinct().toList()) {
            jdbc.sql("INSERT INTO visit_team_member (visit_id, user_id) VALUES (:visit, :user)")
                    .param("visit", visitId).param("user", userId).update();
        }
        for (String name : plan.outsideMembers()) {
            long member = jdbc.sql("""
                    INSERT INTO visit_team_member (visit_id, outside_name) VALUES (:visit, '\\x'::bytea) RETURNING id
                    """).param("visit", visitId).query(Long.class).single();
            jdbc.sql("UPDATE visit_team_member SET outside_name = :name WHERE id = :id")
                    .param("name", encryption.encrypt(name.strip(), OutsideTeamMembers.PLACE + member)).param("id", member).update();
        }
    }

    private List<TeamMember> team(long visitId) {
        var members = new ArrayList<TeamMember>();
        jdbc.sql("SELECT id, user_id, outside_name FROM visit_team_member WHERE visit_id = :id ORDER BY id")
                .param("id", visitId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getBytes(3)})
                .list().forEach(row -> {
                    if (row[1] != null) {
                        members.add(new TeamMember((Long) row[1], users.find((Long) row[1]).map(User::displayName).orElse("")));
                    } else {
                        members.add(new TeamMember(null, encryption.decrypt((byte[]) row[2], OutsideTeamMembers.PLACE + row[0])));
                    }
                });
        return members;
    }

    private List<Interviewee> interviewees(long visitId) {
        return jdbc.sql("SELECT person_id FROM visit_interviewee WHERE visit_id = :id ORDER BY person_id")
                .param("id", visitId).query(Long.class).list().stream().map(personId -> {
                    Person person = people.get(personId);
                    return new Interviewee(person.id(), person.pseudonym(), person.shownName());
                }).toList();
    }

    private static Map<String, Object> summary(Map<String, Object> values) {
        var summary = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> {
            if (v != null && !k.equals("purpose")) summary.put(k, String.valueOf(v));
        });
        return summary;
    }

    private Visit row(ResultSet rs, Map<Long, Place> cache) throws SQLException {
        long placeId = rs.getLong("place_id");
        Place place = cache.computeIfAbsent(placeId, places::get);
        String decision = rs.getString("approval_decision");
        return new Visit(rs.getLong("id"), rs.getLong("organisation_id"), placeId, place.name(), place.officialCode(),
                rs.getString("body"), rs.getString("visit_type"), rs.getBoolean("announced"), rs.getBoolean("cross_regional"),
                rs.getObject("planned_from", LocalDate.class), rs.getObject("planned_to", LocalDate.class),
                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                VisitStatus.valueOf(rs.getString("status")), rs.getString("purpose"),
                new Visit.Approval(rs.getObject("approval_requested_on", LocalDate.class), rs.getString("approval_requested_by"),
                        decision == null ? null : ApprovalDecision.valueOf(decision),
                        rs.getObject("approval_decided_on", LocalDate.class), rs.getString("approval_decided_by"),
                        rs.getString("approval_reason"), rs.getObject("waiting_days", Integer.class)),
                new Visit.Interviews(rs.getInt("detainees_interviewed"), rs.getInt("staff_interviewed"),
                        rs.getInt("others_interviewed")),
                new Visit.Report(rs.getObject("report_published_on", LocalDate.class), rs.getString("report_reference"),
                        rs.getBoolean("report_public")));
    }
}
