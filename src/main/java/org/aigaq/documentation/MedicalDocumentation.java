package org.aigaq.documentation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        boolean refused = Boolean.TRUE.equals(draft.refused());
        if (draft.requestedOn() == null && draft.performedOn() == null) {
            throw new InvalidInput("requestedOn", "medical.date.required");
        }
        if (refused && draft.performedOn() != null) {
            throw new InvalidInput("performedOn", "medical.refused.performed");
        }
        if (draft.requestedOn() != null && draft.performedOn() != null && draft.performedOn().isBefore(draft.requestedOn())) {
            throw new InvalidInput("performedOn", "medical.performed.before-request");
        }
        if (draft.performedOn() != null && draft.examinerType() == null) {
            throw new InvalidInput("examinerType", "validation.required");
        }
        for (var date : new LocalDate[] {draft.requestedOn(), draft.performedOn()}) {
            if (date != null && date.isAfter(LocalDate.now())) {
                throw new InvalidInput(date == draft.requestedOn() ? "requestedOn" : "performedOn", "documentation.date.future");
            }
        }
        long id = jdbc.sql("""
                INSERT INTO medical_examination (act_id, requested_on, requested_by, refused, refusal_reason, delayed,
                    delay_reason, performed_on, examiner_type, examiner_name, examiner_qualifications, others_present,
                    overall_evaluation, interpretation, treatment, referrals)
                VALUES (:act, :requestedOn, :requestedBy, :refused, :refusalReason, :delayed, :delayReason, :performedOn,
                    :examinerType, :examinerName, :qualifications, :othersPresent, :overall, :interpretation, :treatment,
                    :referrals) RETURNING id
                """).param("act", actId).param("requestedOn", draft.requestedOn())
                .param("requestedBy", Texts.optional(draft.requestedBy(), 300, "requestedBy"))
                .param("refused", refused).param("refusalReason", Texts.optional(draft.refusalReason(), 2000, "refusalReason"))
                .param("delayed", Boolean.TRUE.equals(draft.delayed()))
                .param("delayReason", Texts.optional(draft.delayReason(), 2000, "delayReason"))
                .param("performedOn", draft.performedOn())
                .param("examinerType", draft.examinerType() == null ? null : draft.examinerType().name())
                .param("examinerName", Texts.optional(draft.examinerName(), 300, "examinerName"))
                .param("qualifications", Texts.optional(draft.examinerQualifications(), 1000, "examinerQualifications"))
                .param("othersPresent", Texts.optional(draft.othersPresent(), 1000, "othersPresent"))
                .param("overall", draft.overallEvaluation() == null ? null : draft.overallEvaluation().name())
                .param("interpretation", Texts.optional(draft.interpretation(), 20000, "interpretation"))
                .param("treatment", Texts.optional(draft.treatment(), 5000, "treatment"))
                .param("referrals", Texts.optional(draft.referrals(), 5000, "referrals"))
                .query(Long.class).single();
        audit.record("medical.examination-recorded", "medical-examination", id, Map.of("act", actId, "event", eventId));
        return find(id);
    }

    @Transactional
    public MedicalExamination addFinding(long examinationId, FindingDraft draft) {
        long eventId = eventOf(examinationId);
        requireIdentities(eventId, true);
        if (draft.kind() == null) throw new InvalidInput("kind", "validation.required");
        if (draft.grade() == null) throw new InvalidInput("grade", "validation.required");
        long id = jdbc.sql("""
                INSERT INTO medical_finding (examination_id, kind, body_location, description, grade)
                VALUES (:examination, :kind, :location, :description, :grade) RETURNING id
                """).param("examination", examinationId).param("kind", draft.kind().name())
                .param("location", Texts.optional(draft.bodyLocation(), 300, "bodyLocation"))
                .param("description", Texts.required(draft.description(), 5000, "description"))
                .param("grade", draft.grade().name()).query(Long.class).single();
        audit.record("medical.finding-recorded", "medical-finding", id, Map.of("examination", examinationId));
        return find(examinationId);
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
