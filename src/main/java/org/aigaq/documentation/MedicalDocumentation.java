package org.aigaq.documentation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Medical documentation after the Istanbul Protocol. It is health data about a victim, so only users who may see the
 * case's identities may read or record it; every read is audited.
 */
@Service
public class MedicalDocumentation {

    /** What a user enters for an examination. */
    public record ExaminationDraft(LocalDate requestedOn, String requestedBy, Boolean refused, String refusalReason,
                                   Boolean delayed, String delayReason, LocalDate performedOn, ExaminerType examinerType,
                                   String examinerName, String examinerQualifications, String othersPresent,
                                   IstanbulGrade overallEvaluation, String interpretation, String treatment,
                                   String referrals) {}

    /** What a user enters for a finding. */
    public record FindingDraft(MedicalExamination.Kind kind, String bodyLocation, String description, IstanbulGrade grade) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final Acts acts;

    MedicalDocumentation(JdbcClient jdbc, AuditTrail audit, CaseAccess access, Acts acts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.acts = acts;
    }

    @Transactional
    public MedicalExamination record(long actId, ExaminationDraft draft) {
        long eventId = acts.eventOf(actId);
        requireIdentities(eventId, true);
        var values = examinationValues(draft);
        long id = jdbc.sql("""
                INSERT INTO medical_examination (act_id, requested_on, requested_by, refused, refusal_reason, delayed,
                    delay_reason, performed_on, examiner_type, examiner_name, examiner_qualifications, others_present,
                    overall_evaluation, interpretation, treatment, referrals)
                VALUES (:act, :requestedOn, :requestedBy, :refused, :refusalReason, :delayed, :delayReason, :performedOn,
                    :examinerType, :examinerName, :qualifications, :othersPresent, :overall, :interpretation, :treatment,
                    :referrals) RETURNING id
                """).param("act", actId).params(values).query(Long.class).single();
        audit.record("medical.examination-recorded", "medical-examination", id, Map.of("act", actId, "event", eventId));
        return find(id);
    }

    /**
     * Corrects an examination, by the same rules as {@link #record}; its findings stay. Only a user who may see and
     * write the case's identities may; anyone else is told it does not exist.
     */
    @Transactional
    public MedicalExamination changeExamination(long id, ExaminationDraft draft) {
        long eventId = eventOf(id);
        requireIdentities(eventId, true);
        jdbc.sql("""
                UPDATE medical_examination SET requested_on = :requestedOn, requested_by = :requestedBy,
                    refused = :refused, refusal_reason = :refusalReason, delayed = :delayed, delay_reason = :delayReason,
                    performed_on = :performedOn, examiner_type = :examinerType, examiner_name = :examinerName,
                    examiner_qualifications = :qualifications, others_present = :othersPresent,
                    overall_evaluation = :overall, interpretation = :interpretation, treatment = :treatment,
                    referrals = :referrals
                WHERE id = :id
                """).params(examinationValues(draft)).param("id", id).update();
        audit.record("medical.examination-changed", "medical-examination", id, Map.of("event", eventId));
        return find(id);
    }

    /** One examination with its findings, for the form that corrects it: only for who may change it (audited read). */
    @Transactional
    public MedicalExamination examinationToChange(long id) {
        long eventId = eventOf(id);
        requireIdentities(eventId, true);
        audit.record("read", "medical-examination", id, Map.of("event", eventId));
        return find(id);
    }

    /** The examination a finding belongs to, for the form that corrects the finding: only for who may change it. */
    @Transactional
    public MedicalExamination examinationOfFinding(long findingId) {
        return examinationToChange(examinationOfFindingId(findingId));
    }

    /** Corrects a finding, by the same rules as {@link #addFinding}. */
    @Transactional
    public MedicalExamination changeFinding(long findingId, FindingDraft draft) {
        long examinationId = examinationOfFindingId(findingId);
        requireIdentities(eventOf(examinationId), true);
        jdbc.sql("""
                UPDATE medical_finding SET kind = :kind, body_location = :location, description = :description,
                    grade = :grade
                WHERE id = :id
                """).params(findingValues(draft)).param("id", findingId).update();
        audit.record("medical.finding-changed", "medical-finding", findingId, Map.of("examination", examinationId));
        return find(examinationId);
    }

    private long examinationOfFindingId(long findingId) {
        return jdbc.sql("SELECT examination_id FROM medical_finding WHERE id = :id").param("id", findingId)
                .query(Long.class).optional().orElseThrow(() -> new NoSuchRecord("medical-finding", findingId));
    }

    /**
     * What is wrong with an examination of the act {@code actId} as the user fills the form, by the same rules as
     * {@link #record}; empty when it would be accepted. Only a user who may see and write the case learns anything.
     */
    public List<InvalidInput.Violation> examinationProblems(long actId, ExaminationDraft draft) {
        requireIdentities(acts.eventOf(actId), true);
        return BrokenRules.of(() -> examinationValues(draft));
    }

    /** The examination's values as stored, or every rule it breaks. */
    private static Map<String, Object> examinationValues(ExaminationDraft draft) {
        var rules = new BrokenRules();
        boolean refused = Boolean.TRUE.equals(draft.refused());
        rules.rule(() -> {
            if (draft.requestedOn() == null && draft.performedOn() == null) {
                throw new InvalidInput("requestedOn", "medical.date.required");
            }
        });
        rules.rule(() -> {
            if (refused && draft.performedOn() != null) {
                throw new InvalidInput("performedOn", "medical.refused.performed");
            }
        });
        rules.rule(() -> {
            if (draft.requestedOn() != null && draft.performedOn() != null && draft.performedOn().isBefore(draft.requestedOn())) {
                throw new InvalidInput("performedOn", "medical.performed.before-request");
            }
        });
        rules.rule(() -> {
            if (draft.performedOn() != null && draft.examinerType() == null) {
                throw new InvalidInput("examinerType", "validation.required");
            }
        });
        rules.rule(() -> requirePast(draft.requestedOn(), "requestedOn"));
        rules.rule(() -> requirePast(draft.performedOn(), "performedOn"));
        var values = new HashMap<String, Object>();
        values.put("requestedOn", draft.requestedOn());
        values.put("requestedBy", rules.value(() -> Texts.optional(draft.requestedBy(), 300, "requestedBy")));
        values.put("refused", refused);
        values.put("refusalReason", rules.value(() -> Texts.optional(draft.refusalReason(), 2000, "refusalReason")));
        values.put("delayed", Boolean.TRUE.equals(draft.delayed()));
        values.put("delayReason", rules.value(() -> Texts.optional(draft.delayReason(), 2000, "delayReason")));
        values.put("performedOn", draft.performedOn());
        values.put("examinerType", draft.examinerType() == null ? null : draft.examinerType().name());
        values.put("examinerName", rules.value(() -> Texts.optional(draft.examinerName(), 300, "examinerName")));
        values.put("qualifications", rules.value(() -> Texts.optional(draft.examinerQualifications(), 1000, "examinerQualifications")));
        values.put("othersPresent", rules.value(() -> Texts.optional(draft.othersPresent(), 1000, "othersPresent")));
        values.put("overall", draft.overallEvaluation() == null ? null : draft.overallEvaluation().name());
        values.put("interpretation", rules.value(() -> Texts.optional(draft.interpretation(), 20000, "interpretation")));
        values.put("treatment", rules.value(() -> Texts.optional(draft.treatment(), 5000, "treatment")));
        values.put("referrals", rules.value(() -> Texts.optional(draft.referrals(), 5000, "referrals")));
        rules.throwIfAny();
        return values;
    }

    private static void requirePast(LocalDate date, String field) {
        if (date != null && date.isAfter(LocalDate.now())) {
            throw new InvalidInput(field, "documentation.date.future");
        }
    }

    @Transactional
    public MedicalExamination addFinding(long examinationId, FindingDraft draft) {
        long eventId = eventOf(examinationId);
        requireIdentities(eventId, true);
        var values = findingValues(draft);
        long id = jdbc.sql("""
                INSERT INTO medical_finding (examination_id, kind, body_location, description, grade)
                VALUES (:examination, :kind, :location, :description, :grade) RETURNING id
                """).param("examination", examinationId).params(values).query(Long.class).single();
        audit.record("medical.finding-recorded", "medical-finding", id, Map.of("examination", examinationId));
        return find(examinationId);
    }

    /**
     * What is wrong with a finding of the examination {@code examinationId} as the user fills the form, by the same
     * rules as {@link #addFinding}; empty when it would be accepted. Only a user who may see and write the case learns anything.
     */
    public List<InvalidInput.Violation> findingProblems(long examinationId, FindingDraft draft) {
        requireIdentities(eventOf(examinationId), true);
        return BrokenRules.of(() -> findingValues(draft));
    }

    /** The finding's values as stored, or every rule it breaks. */
    private static Map<String, Object> findingValues(FindingDraft draft) {
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (draft.kind() == null) throw new InvalidInput("kind", "validation.required");
        });
        String location = rules.value(() -> Texts.optional(draft.bodyLocation(), 300, "bodyLocation"));
        String description = rules.value(() -> Texts.required(draft.description(), 5000, "description"));
        rules.rule(() -> {
            if (draft.grade() == null) throw new InvalidInput("grade", "validation.required");
        });
        rules.throwIfAny();
        var values = new HashMap<String, Object>();
        values.put("kind", draft.kind().name());
        values.put("location", location);
        values.put("description", description);
        values.put("grade", draft.grade().name());
        return values;
    }

    /** The examinations of a case's acts, for a user who may see identities; nobody else reads health data. */
    @Transactional
    public List<MedicalExamination> ofEvent(long eventId) {
        requireIdentities(eventId, false);
        var examinations = examinations("""
                SELECT m.* FROM medical_examination m JOIN act a ON a.id = m.act_id WHERE a.event_id = :key
                ORDER BY coalesce(m.performed_on, m.requested_on), m.id
                """, eventId);
        if (!examinations.isEmpty()) {
            audit.record("read", "medical-examination", null, Map.of("event", eventId, "count", examinations.size()));
        }
        return examinations;
    }

    private void requireIdentities(long eventId, boolean writing) {
        var rights = writing ? access.requireWrite(eventId) : access.requireRead(eventId);
        if (!rights.identities()) {
            throw new NoSuchRecord("medical-examination", eventId);
        }
    }

    private long eventOf(long examinationId) {
        return jdbc.sql("SELECT a.event_id FROM medical_examination m JOIN act a ON a.id = m.act_id WHERE m.id = :id")
                .param("id", examinationId).query(Long.class).optional()
                .orElseThrow(() -> new NoSuchRecord("medical-examination", examinationId));
    }

    private MedicalExamination find(long id) {
        return examinations("SELECT * FROM medical_examination WHERE id = :key", id).getFirst();
    }

    /** The examinations a query finds, with the findings of all of them read in one more query. */
    private List<MedicalExamination> examinations(String sql, long key) {
        var rows = jdbc.sql(sql).param("key", key).query((rs, n) -> row(rs, List.of())).list();
        if (rows.isEmpty()) {
            return rows;
        }
        var findings = new java.util.HashMap<Long, List<MedicalExamination.Finding>>();
        jdbc.sql("SELECT * FROM medical_finding WHERE examination_id IN (:ids) ORDER BY id")
                .param("ids", rows.stream().map(MedicalExamination::id).toList())
                .query((ResultSet f) -> {
                    findings.computeIfAbsent(f.getLong("examination_id"), k -> new ArrayList<>()).add(
                            new MedicalExamination.Finding(f.getLong("id"), MedicalExamination.Kind.valueOf(f.getString("kind")),
                                    f.getString("body_location"), f.getString("description"),
                                    IstanbulGrade.valueOf(f.getString("grade"))));
                });
        return rows.stream().map(m -> withFindings(m, findings.getOrDefault(m.id(), List.of()))).toList();
    }

    private static MedicalExamination withFindings(MedicalExamination m, List<MedicalExamination.Finding> findings) {
        return new MedicalExamination(m.id(), m.actId(), m.requestedOn(), m.requestedBy(), m.refused(), m.refusalReason(),
                m.delayed(), m.delayReason(), m.performedOn(), m.examinerType(), m.examinerName(),
                m.examinerQualifications(), m.othersPresent(), m.overallEvaluation(), m.interpretation(), m.treatment(),
                m.referrals(), List.copyOf(findings));
    }

    private static MedicalExamination row(ResultSet rs, List<MedicalExamination.Finding> findings) throws SQLException {
        long id = rs.getLong("id");
        String examiner = rs.getString("examiner_type");
        String overall = rs.getString("overall_evaluation");
        return new MedicalExamination(id, rs.getLong("act_id"), rs.getObject("requested_on", LocalDate.class),
                rs.getString("requested_by"), rs.getBoolean("refused"), rs.getString("refusal_reason"),
                rs.getBoolean("delayed"), rs.getString("delay_reason"), rs.getObject("performed_on", LocalDate.class),
                examiner == null ? null : ExaminerType.valueOf(examiner), rs.getString("examiner_name"),
                rs.getString("examiner_qualifications"), rs.getString("others_present"),
                overall == null ? null : IstanbulGrade.valueOf(overall), rs.getString("interpretation"),
                rs.getString("treatment"), rs.getString("referrals"), findings);
    }
}
