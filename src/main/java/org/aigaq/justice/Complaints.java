package org.aigaq.justice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aigaq.documentation.Act;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.documentation.CaseFile;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.documentation.Involvement;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The justice pipeline of allegations: recording a step (checked against the {@link Pipeline} with every earlier and
 * later step, in one transaction that also moves the case's stage and next deadline), reading a case's pipeline with
 * its deadlines and flags, and the organisation's overdue list. Access follows {@link CaseAccess} for the allegation.
 */
@Service
public class Complaints {

    /** Act types that allege torture or ill-treatment, so that a milder qualification is a re-qualification. */
    static final Set<String> TORTURE_ACTS = Set.of("torture", "cruel-inhuman-degrading-treatment", "death-from-torture");

    /** A deadline that applies to the case now: its code, the day it falls, whether it has passed, and its source. */
    public record DueDate(String code, LocalDate due, boolean overdue, String source) {
        public String messageKey() {
            return "justice.deadline." + code;
        }
    }

    /** A case's pipeline as its reader sees it. Notes are left out for readers who may not see identities. */
    public record ComplaintFile(long eventId, String jurisdiction, Stage stage, LocalDate since, Long daysInStage,
                                List<DueDate> deadlines, List<Step> steps, List<Flag> flags, List<StepType> next,
                                boolean canWrite) {}

    /** A case of the overdue list. */
    public record OverdueCase(long eventId, String recordNumber, Stage stage, LocalDate since, LocalDate due, String deadline) {
        public String deadlineKey() {
            return "justice.deadline." + deadline;
        }
    }

    /** A page of the overdue list and where the next one starts ({@code due/eventId}), or null at the end. */
    public record OverduePage(List<OverdueCase> cases, String next) {}

    private static final String[] COLUMNS = {"act_id", "step_type", "occurred_on", "acting_body", "body_kind",
            "body_of_accused_agency", "document_reference", "document_date", "filed_by", "addressee", "reasons", "outcome",
            "article", "article_part", "code_version", "suspects", "suspended_from_duty", "sentence_kind", "sentence_months",
            "sentence_suspended", "fine_amount", "ban_from_office", "exemption", "claimed_amount", "awarded_amount",
            "currency", "respondent", "paid", "committee", "communication_number", "decision_date", "violations_found",
            "remedy", "deadline", "implementation", "target", "request_kind", "notes"};

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final CaseFiles cases;
    private final Acts acts;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final AttritionSummaries summaries;

    Complaints(JdbcClient jdbc, AuditTrail audit, CaseAccess access, CaseFiles cases, Acts acts, Jurisdictions jurisdictions,
               AttritionSummaries summaries) {
        this.summaries = summaries;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.cases = cases;
        this.acts = acts;
        this.jurisdictions = jurisdictions;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records a step of the allegation {@code eventId}. The first step also sets the case's jurisdiction (the default
     * when none is given). The step is refused, naming the field, when it breaks a rule of its fields or when the
     * pipeline with it (in date order) holds an impossible sequence.
     */
    @Transactional
    public Step record(long eventId, String jurisdictionCode, StepDraft draft) {
        access.requireWrite(eventId);
        CaseFile file = cases.of(eventId);
        StepDraft step = checked(eventId, draft, jurisdictions.get(jurisdictionCode));
        // The case's row is created by the first step and locked by every step, so that two submissions at once are
        // checked one after the other against the steps the other wrote.
        jdbc.sql("""
                INSERT INTO justice_case (event_id, organisation_id, record_number, jurisdiction, stage, stage_since)
                VALUES (:e, :o, :n, :j, 'NONE', :d) ON CONFLICT (event_id) DO NOTHING""").param("e", eventId)
                .param("o", file.event().organisationId()).param("n", file.event().recordNumber())
                .param("j", jurisdictions.get(jurisdictionCode).code()).param("d", step.occurredOn()).update();
        Jurisdiction jurisdiction = jurisdictions.get(jdbc.sql("SELECT jurisdiction FROM justice_case WHERE event_id = :e FOR UPDATE")
                .param("e", eventId).query(String.class).single());
        step = checked(eventId, draft, jurisdiction);
        final StepDraft candidate = step;
        if (steps(eventId).stream().anyMatch(s -> same(s.draft(), candidate))) {
            throw new InvalidInput("stepType", "justice.step.duplicate");
        }
        List<Step> steps = new ArrayList<>(steps(eventId));
        steps.add(new Step(Long.MAX_VALUE, eventId, step, null, null));
        Pipeline.Progress progress = Pipeline.replay(ordered(steps).stream().map(Step::draft).toList());
        var insert = jdbc.sql("INSERT INTO justice_step (event_id, recorded_by, " + String.join(", ", COLUMNS) + ") VALUES (:event, :by, "
                + java.util.Arrays.stream(COLUMNS).map(c -> ":" + c).collect(Collectors.joining(", ")) + ") RETURNING id")
                .param("event", eventId).param("by", CurrentUser.require().id());
        for (var entry : values(step).entrySet()) insert = insert.param(entry.getKey(), entry.getValue());
        long id = insert.query(Long.class).single();
        steps = steps(eventId);
        moveCase(eventId, jurisdiction, progress, steps);
        audit.record("justice.step.recorded", "justice_step", id, Map.of("event", eventId, "type", step.stepType().name(),
                "stage", progress.stage().name()));
        return steps.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    /**
     * Withdraws a step recorded by mistake: the pipeline leaves it out from now on (the row stays, with who withdrew
     * it, when and why). Refused, naming {@code stepId}, when the remaining steps would make an impossible sequence.
     */
    @Transactional
    public void withdraw(long eventId, long stepId, String reason) {
        access.requireWrite(eventId);
        var jurisdictionCode = jdbc.sql("SELECT jurisdiction FROM justice_case WHERE event_id = :e FOR UPDATE")
                .param("e", eventId).query(String.class).optional();
        List<Step> steps = jurisdictionCode.isEmpty() ? List.of() : steps(eventId);
        if (steps.stream().noneMatch(s -> s.id() == stepId)) throw new InvalidInput("stepId", "justice.step.no-such-step");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null) throw new InvalidInput("reason", "validation.required");
        if (why.length() > 2000) throw new InvalidInput("reason", "validation.too-long", 2000);
        var remaining = ordered(steps.stream().filter(s -> s.id() != stepId).toList());
        Pipeline.Progress progress;
        try {
            progress = Pipeline.replay(remaining.stream().map(Step::draft).toList());
        } catch (InvalidInput broken) {
            throw new InvalidInput("stepId", "justice.step.withdrawal-breaks");
        }
        jdbc.sql("UPDATE justice_step SET withdrawn_by = :by, withdrawn_at = now(), withdrawal_reason = :why WHERE id = :id")
                .param("by", CurrentUser.require().id()).param("why", why).param("id", stepId).update();
        moveCase(eventId, jurisdictions.get(jurisdictionCode.get()), progress, remaining);
        audit.record("justice.step.withdrawn", "justice_step", stepId, Map.of("event", eventId, "stage", progress.stage().name()));
    }

    /** Keeps the case's row (stage, since, next deadline) in step with its steps. */
    private void moveCase(long eventId, Jurisdiction jurisdiction, Pipeline.Progress progress, List<Step> steps) {
        summaries.refresh(List.of(eventId));
        var due = deadlines(jurisdiction, progress, steps, today(jurisdiction)).stream().min(Comparator.comparing(DueDate::due));
        jdbc.sql("""
                UPDATE justice_case SET stage = :stage, stage_since = COALESCE(:since, stage_since), next_due = :due,
                       next_due_code = :code, updated_at = now() WHERE event_id = :e""")
                .param("stage", progress.stage().name()).param("since", progress.since())
                .param("due", due.map(DueDate::due).orElse(null)).param("code", due.map(DueDate::code).orElse(null))
                .param("e", eventId).update();
    }

    /** The pipeline of an allegation, for a user who may read it (else "not found", audited); the read is audited. */
    @Transactional
    public ComplaintFile file(long eventId) {
        var rights = access.requireRead(eventId);
        CaseFile file = cases.of(eventId);
        audit.recordRead("justice_case", eventId);
        String code = jdbc.sql("SELECT jurisdiction FROM justice_case WHERE event_id = :e").param("e", eventId)
                .query(String.class).optional().orElse(Jurisdictions.DEFAULT);
        Jurisdiction jurisdiction = jurisdictions.get(code);
        List<Step> steps = ordered(steps(eventId));
        if (!rights.identities()) {
            steps = steps.stream().map(Complaints::withoutNotes).toList();
        }
        var progress = Pipeline.replay(steps.stream().map(Step::draft).toList());
        LocalDate today = today(jurisdiction);
        var flags = ImpunityRules.check(facts(file, steps, jurisdiction, today));
        Long days = progress.since() == null ? null : ChronoUnit.DAYS.between(progress.since(), today);
        return new ComplaintFile(eventId, code, progress.stage(), progress.since(), days,
                deadlines(jurisdiction, progress, steps, today), steps, flags, Pipeline.next(progress.stage()), rights.write());
    }

    /**
     * The organisation's cases past a deadline, the longest overdue first, {@code size} at a time after the key
     * {@code after} ({@code due/eventId} from the previous page). Only the user's own organisation's cases.
     */
    public OverduePage overdue(String after, int size) {
        var user = CurrentUser.require();
        LocalDate afterDue = LocalDate.of(1, 1, 1);
        long afterId = 0;
        if (after != null && !after.isBlank()) {
            try {
                String[] parts = after.split("/", 2);
                afterDue = LocalDate.parse(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw new InvalidInput("after", "validation.invalid");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(jurisdictions.get(Jurisdictions.DEFAULT).zone()));
        var rows = jdbc.sql("""
                SELECT event_id, record_number, stage, stage_since, next_due, next_due_code FROM justice_case
                WHERE organisation_id = :o AND next_due < :today AND (next_due, event_id) > (:afterDue, :afterId)
                ORDER BY next_due, event_id LIMIT :limit""")
                .param("o", user.organisationId()).param("today", today).param("afterDue", afterDue).param("afterId", afterId)
                .param("limit", size + 1)
                .query((rs, n) -> new OverdueCase(rs.getLong(1), rs.getString(2), Stage.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = rows.getLast().due() + "/" + rows.getLast().eventId();
        }
        return new OverduePage(rows, next);
    }

    /** The deadlines that run now: the current stage's, and each UN decision's follow-up until implemented. */
    static List<DueDate> deadlines(Jurisdiction jurisdiction, Pipeline.Progress progress, List<Step> steps, LocalDate today) {
        var result = new ArrayList<DueDate>();
        if (progress.since() != null) {
            jurisdiction.deadline(progress.stage().name()).ifPresent(d -> {
                LocalDate due = progress.since().plusDays(d.days());
                result.add(new DueDate(d.code(), due, today.isAfter(due), d.source()));
            });
        }
        var followUp = jurisdiction.deadline("UN_DECISION");
        var implementation = new LinkedHashMap<String, String>();
        for (Step s : steps) {
            if (s.type() == StepType.UN_COMMUNICATION || s.type() == StepType.UN_FOLLOW_UP) {
                if (s.draft().implementation() != null) implementation.put(String.valueOf(s.draft().communicationNumber()), s.draft().implementation());
            }
        }
        for (Step s : steps) {
            StepDraft d = s.draft();
            if (s.type() != StepType.UN_COMMUNICATION || d.decisionDate() == null || followUp.isEmpty()) continue;
            if ("implemented".equals(implementation.get(String.valueOf(d.communicationNumber())))) continue;
            LocalDate due = d.deadline() != null ? d.deadline() : d.decisionDate().plusDays(followUp.get().days());
            result.add(new DueDate(followUp.get().code(), due, today.isAfter(due), followUp.get().source()));
        }
        return result;
    }

    static CaseFacts facts(CaseFile file, List<Step> steps, Jurisdiction jurisdiction, LocalDate today) {
        boolean torture = file.acts().stream().map(Act::actType).anyMatch(TORTURE_ACTS::contains);
        Set<String> agencies = file.involvements().stream().map(Involvement::agency).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return new CaseFacts(steps, torture, agencies, jurisdiction, today);
    }

    private LocalDate today(Jurisdiction jurisdiction) {
        return LocalDate.now(clock.withZone(jurisdiction.zone()));
    }

    private List<Step> steps(long eventId) {
        return jdbc.sql("""
                SELECT s.*, u.display_name AS recorder FROM justice_step s JOIN app_user u ON u.id = s.recorded_by
                WHERE s.event_id = :e AND s.withdrawn_at IS NULL ORDER BY s.occurred_on, s.id""").param("e", eventId).query(Complaints::row).list();
    }

    /** Steps in the pipeline's order: by date, then in the order they were recorded. */
    static List<Step> ordered(List<Step> steps) {
        return steps.stream().sorted(Comparator.comparing((Step s) -> s.draft().occurredOn()).thenComparing(Step::id)).toList();
    }

    private static Step withoutNotes(Step s) {
        StepDraft d = s.draft();
        return new Step(s.id(), s.eventId(), new StepDraft(d.stepType(), d.occurredOn(), d.actId(), d.actingBody(), d.bodyKind(),
                d.bodyOfAccusedAgency(), d.documentReference(), d.documentDate(), d.filedBy(), d.addressee(), d.reasons(),
                d.outcome(), d.article(), d.articlePart(), d.codeVersion(), d.suspects(), d.suspendedFromDuty(),
                d.sentenceKind(), d.sentenceMonths(), d.sentenceSuspended(), d.fineAmount(), d.banFromOffice(), d.exemption(),
                d.claimedAmount(), d.awardedAmount(), d.currency(), d.respondent(), d.paid(), d.committee(),
                d.communicationNumber(), d.decisionDate(), d.violationsFound(), d.remedy(), d.deadline(), d.implementation(),
                d.target(), d.requestKind(), null), s.recordedBy(), s.recordedAt());
    }

    /**
     * The draft with its text trimmed (empty is none), the fields its type does not use dropped, and every rule of
     * its fields checked at once.
     */
    StepDraft checked(long eventId, StepDraft d, Jurisdiction jurisdiction) {
        if (d == null) throw new InvalidInput("stepType", "validation.required");
        var rules = new BrokenRules();
        rules.rule(() -> { if (d.stepType() == null) throw new InvalidInput("stepType", "validation.required"); });
        rules.rule(() -> { if (d.occurredOn() == null) throw new InvalidInput("occurredOn", "validation.required"); });
        rules.rule(() -> {
            if (d.occurredOn() != null && d.occurredOn().isAfter(LocalDate.now(clock.withZone(jurisdiction.zone())).plusDays(1))) {
                throw new InvalidInput("occurredOn", "justice.date.future");
            }
        });
        rules.rule(() -> {
            if (d.actId() != null) {
                long of;
                try {
                    of = acts.eventOf(d.actId());
                } catch (NoSuchRecord e) {
                    throw new InvalidInput("actId", "justice.act.not-of-case");
                }
                if (of != eventId) throw new InvalidInput("actId", "justice.act.not-of-case");
            }
        });
        rules.throwIfAny();
        StepType type = d.stepType();
        for (String field : type.fields()) {
            if (Choices.coded(field)) {
                Object value = text(d.value(field));
                rules.rule(() -> {
                    if (value != null && !Choices.of(field, type).contains(value)) throw new InvalidInput(field, "justice.choice.invalid", value);
                });
            }
        }
        rules.rule(() -> required(type, d, "outcome", StepType.VERDICT, StepType.APPEAL, StepType.CASSATION));
        rules.rule(() -> required(type, d, "article", StepType.CASE_OPENED, StepType.CHARGES_CHANGED));
        rules.rule(() -> required(type, d, "exemption", StepType.EXEMPTION));
        rules.rule(() -> required(type, d, "respondent", StepType.CIVIL_CLAIM));
        rules.rule(() -> required(type, d, "committee", StepType.UN_COMMUNICATION));
        rules.rule(() -> required(type, d, "communicationNumber", StepType.UN_FOLLOW_UP));
        rules.rule(() -> required(type, d, "implementation", StepType.UN_FOLLOW_UP));
        rules.rule(() -> required(type, d, "sentenceKind", StepType.SENTENCE));
        rules.rule(() -> {
            if (type.uses("codeVersion") && text(d.codeVersion()) != null && !jurisdiction.codeVersions().contains(text(d.codeVersion()))) {
                throw new InvalidInput("codeVersion", "justice.code-version.unknown", d.codeVersion(), String.join(", ", jurisdiction.codeVersions()));
            }
        });
        rules.rule(() -> {
            if (type == StepType.SENTENCE && "imprisonment".equals(text(d.sentenceKind())) && d.sentenceMonths() == null) {
                throw new InvalidInput("sentenceMonths", "validation.required");
            }
        });
        rules.rule(() -> {
            if (type.uses("currency") && text(d.currency()) != null && !text(d.currency()).matches("[A-Za-z]{3}")) {
                throw new InvalidInput("currency", "justice.currency.invalid");
            }
        });
        rules.rule(() -> {
            if ((type.uses("claimedAmount") || type.uses("fineAmount")) && (d.claimedAmount() != null || d.awardedAmount() != null
                    || d.fineAmount() != null) && text(d.currency()) == null) {
                throw new InvalidInput("currency", "validation.required");
            }
        });
        rules.rule(() -> negative("sentenceMonths", d.sentenceMonths(), 1200));
        rules.rule(() -> negative("suspects", d.suspects(), 1000));
        rules.rule(() -> amount("fineAmount", d.fineAmount()));
        rules.rule(() -> amount("claimedAmount", d.claimedAmount()));
        rules.rule(() -> amount("awardedAmount", d.awardedAmount()));
        rules.rule(() -> length("actingBody", d.actingBody(), 300));
        rules.rule(() -> length("documentReference", d.documentReference(), 200));
        rules.rule(() -> length("addressee", d.addressee(), 300));
        rules.rule(() -> length("reasons", d.reasons(), 5000));
        rules.rule(() -> length("article", d.article(), 20));
        rules.rule(() -> length("articlePart", d.articlePart(), 10));
        rules.rule(() -> length("communicationNumber", d.communicationNumber(), 50));
        rules.rule(() -> length("violationsFound", d.violationsFound(), 2000));
        rules.rule(() -> length("remedy", d.remedy(), 2000));
        rules.rule(() -> length("notes", d.notes(), 5000));
        rules.throwIfAny();
        return new StepDraft(type, d.occurredOn(), d.actId(), text(d.actingBody()), use(type, "bodyKind", text(d.bodyKind())),
                use(type, "bodyOfAccusedAgency", d.bodyOfAccusedAgency()), text(d.documentReference()), d.documentDate(),
                use(type, "filedBy", text(d.filedBy())), use(type, "addressee", text(d.addressee())),
                use(type, "reasons", text(d.reasons())), use(type, "outcome", text(d.outcome())),
                use(type, "article", text(d.article())), use(type, "articlePart", text(d.articlePart())),
                use(type, "codeVersion", text(d.codeVersion())), use(type, "suspects", d.suspects()),
                use(type, "suspendedFromDuty", d.suspendedFromDuty()), use(type, "sentenceKind", text(d.sentenceKind())),
                use(type, "sentenceMonths", d.sentenceMonths()), use(type, "sentenceSuspended", d.sentenceSuspended()),
                use(type, "fineAmount", d.fineAmount()), use(type, "banFromOffice", d.banFromOffice()),
                use(type, "exemption", text(d.exemption())), use(type, "claimedAmount", d.claimedAmount()),
                use(type, "awardedAmount", d.awardedAmount()),
                use(type, "currency", text(d.currency()) == null ? null : text(d.currency()).toUpperCase(java.util.Locale.ROOT)),
                use(type, "respondent", text(d.respondent())), use(type, "paid", d.paid()), use(type, "committee", text(d.committee())),
                use(type, "communicationNumber", text(d.communicationNumber())), use(type, "decisionDate", d.decisionDate()),
                use(type, "violationsFound", text(d.violationsFound())), use(type, "remedy", text(d.remedy())),
                use(type, "deadline", d.deadline()), use(type, "implementation", text(d.implementation())),
                use(type, "target", text(d.target())), use(type, "requestKind", text(d.requestKind())), text(d.notes()));
    }

    /** Whether two steps say the same thing (amounts compared by value), i.e. one is a second submission of the other. */
    static boolean same(StepDraft a, StepDraft b) {
        return a.equals(b) || normalised(a).equals(normalised(b));
    }

    private static StepDraft normalised(StepDraft d) {
        return new StepDraft(d.stepType(), d.occurredOn(), d.actId(), d.actingBody(), d.bodyKind(), d.bodyOfAccusedAgency(),
                d.documentReference(), d.documentDate(), d.filedBy(), d.addressee(), d.reasons(), d.outcome(), d.article(),
                d.articlePart(), d.codeVersion(), d.suspects(), d.suspendedFromDuty(), d.sentenceKind(), d.sentenceMonths(),
                d.sentenceSuspended(), plain(d.fineAmount()), d.banFromOffice(), d.exemption(), plain(d.claimedAmount()),
                plain(d.awardedAmount()), d.currency(), d.respondent(), d.paid(), d.committee(), d.communicationNumber(),
                d.decisionDate(), d.violationsFound(), d.remedy(), d.deadline(), d.implementation(), d.target(),
                d.requestKind(), d.notes());
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static void required(StepType type, StepDraft d, String field, StepType... types) {
        if (java.util.Arrays.asList(types).contains(type)) {
            Object v = d.value(field);
            if (v == null || (v instanceof String s && s.isBlank())) throw new InvalidInput(field, "validation.required");
        }
    }

    private static void negative(String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) throw new InvalidInput(field, "justice.number.range", 0, max);
    }

    private static void amount(String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 14)) {
            throw new InvalidInput(field, "justice.amount.invalid");
        }
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.strip().length() > max) throw new InvalidInput(field, "validation.too-long", max);
    }

    private static <T> T use(StepType type, String field, T value) {
        return type.uses(field) ? value : null;
    }

    private static Object text(Object value) {
        return value instanceof String s ? text(s) : value;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, Object> values(StepDraft d) {
        var values = new LinkedHashMap<String, Object>();
        values.put("act_id", d.actId());
        values.put("step_type", d.stepType().name());
        values.put("occurred_on", d.occurredOn());
        values.put("acting_body", d.actingBody());
        values.put("body_kind", d.bodyKind());
        values.put("body_of_accused_agency", d.bodyOfAccusedAgency());
        values.put("document_reference", d.documentReference());
        values.put("document_date", d.documentDate());
        values.put("filed_by", d.filedBy());
        values.put("addressee", d.addressee());
        values.put("reasons", d.reasons());
        values.put("outcome", d.outcome());
        values.put("article", d.article());
        values.put("article_part", d.articlePart());
        values.put("code_version", d.codeVersion());
        values.put("suspects", d.suspects());
        values.put("suspended_from_duty", d.suspendedFromDuty());
        values.put("sentence_kind", d.sentenceKind());
        values.put("sentence_months", d.sentenceMonths());
        values.put("sentence_suspended", d.sentenceSuspended());
        values.put("fine_amount", d.fineAmount());
        values.put("ban_from_office", d.banFromOffice());
        values.put("exemption", d.exemption());
        values.put("claimed_amount", d.claimedAmount());
        values.put("awarded_amount", d.awardedAmount());
        values.put("currency", d.currency());
        values.put("respondent", d.respondent());
        values.put("paid", d.paid());
        values.put("committee", d.committee());
        values.put("communication_number", d.communicationNumber());
        values.put("decision_date", d.decisionDate());
        values.put("violations_found", d.violationsFound());
        values.put("remedy", d.remedy());
        values.put("deadline", d.deadline());
        values.put("implementation", d.implementation());
        values.put("target", d.target());
        values.put("request_kind", d.requestKind());
        values.put("notes", d.notes());
        return values;
    }

    static Step row(ResultSet rs, int n) throws SQLException {
        var d = new StepDraft(StepType.valueOf(rs.getString("step_type")), rs.getObject("occurred_on", LocalDate.class),
                (Long) rs.getObject("act_id"), rs.getString("acting_body"), rs.getString("body_kind"),
                (Boolean) rs.getObject("body_of_accused_agency"), rs.getString("document_reference"),
                rs.getObject("document_date", LocalDate.class), rs.getString("filed_by"), rs.getString("addressee"),
                rs.getString("reasons"), rs.getString("outcome"), rs.getString("article"), rs.getString("article_part"),
                rs.getString("code_version"), (Integer) rs.getObject("suspects"), (Boolean) rs.getObject("suspended_from_duty"),
                rs.getString("sentence_kind"), (Integer) rs.getObject("sentence_months"), (Boolean) rs.getObject("sentence_suspended"),
                rs.getBigDecimal("fine_amount"), (Boolean) rs.getObject("ban_from_office"), rs.getString("exemption"),
                rs.getBigDecimal("claimed_amount"), rs.getBigDecimal("awarded_amount"), rs.getString("currency"),
                rs.getString("respondent"), (Boolean) rs.getObject("paid"), rs.getString("committee"),
                rs.getString("communication_number"), rs.getObject("decision_date", LocalDate.class),
                rs.getString("violations_found"), rs.getString("remedy"), rs.getObject("deadline", LocalDate.class),
                rs.getString("implementation"), rs.getString("target"), rs.getString("request_kind"), rs.getString("notes"));
        return new Step(rs.getLong("id"), rs.getLong("event_id"), d, rs.getString("recorder"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
