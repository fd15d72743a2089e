package org.aigaq.documentation.web;

import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.ExaminerType;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.IstanbulGrade;
import org.aigaq.documentation.MedicalDocumentation;
import org.aigaq.documentation.MedicalExamination;
import org.aigaq.documentation.PersonDraft;
import org.springframework.format.annotation.DateTimeFormat;

/** The short forms of the case page as the browser sends them, for saving and for checking as the user types alike. */
final class CaseForms {

    private CaseForms() {}

    /** A person known only by the name typed in a form; the rest is completed on the person's page. */
    static PersonDraft named(String name) {
        return new PersonDraft(new Identity(name, List.of(), null, null, null), false, null, null, null, List.of(), false, null);
    }

    /** An act with its victim, either chosen or named for the first time. */
    record NewAct(Long victimId, String victimName, String actType,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, DatePrecision precision,
                  String locationType, Long placeId, List<String> methods, String statementsSigned,
                  String medicalAttention, String legalCounsel, Integer ageAtTime, String physicalConsequences) {

        ActDraft draft(Long victim) {
            return new ActDraft(victim, actType,
                    new FuzzyDate(date, date == null ? DatePrecision.UNKNOWN : precision == null ? DatePrecision.EXACT : precision),
                    null, placeId, locationType, null, null, null, methods, physicalConsequences, null, ageAtTime, null,
                    statementsSigned, medicalAttention, List.of(), null, legalCounsel);
        }
    }

    /** An alleged perpetrator's involvement in an act; the perpetrator's record and status only where the form has them. */
    record Involvement(Long perpetratorId, String perpetratorType, String agency, String unit, String rankRole,
                       String perpetratorName, String degree, String latestStatus) {

        static Involvement of(org.aigaq.documentation.Involvement i) {
            return new Involvement(i.perpetratorId(), i.perpetratorType(), i.agency(), i.unit(), i.rankRole(),
                    i.perpetratorName(), i.degree(), i.latestStatus());
        }

        CaseRecords.InvolvementDraft draft() {
            return new CaseRecords.InvolvementDraft(perpetratorId, perpetratorType, agency, unit, rankRole, perpetratorName,
                    degree, latestStatus);
        }
    }

    /** Information (a source) about the case; the source's person record only where the form has it. */
    record Information(Long sourcePersonId, String connection, String sourceType, String reliability,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateReceived, String summary) {

        static Information of(org.aigaq.documentation.Information i) {
            return new Information(i.sourcePersonId(), i.connection(), i.sourceType(), i.reliability(), i.dateReceived(),
                    i.summary());
        }

        CaseRecords.InformationDraft draft() {
            return new CaseRecords.InformationDraft(sourcePersonId, connection, sourceType, reliability, dateReceived, summary);
        }
    }

    /** An intervention made about the case; its date exact unless the form gives a precision. */
    record Intervention(String interventionType, String interveningParty,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, DatePrecision precision,
                        String partiesRequested, String status, String response, String impact, String priority) {

        static Intervention of(org.aigaq.documentation.Intervention i) {
            return new Intervention(i.interventionType(), i.interveningParty(), i.date().date(), i.date().precision(),
                    i.partiesRequested(), i.status(), i.response(), i.impact(), i.priority());
        }

        CaseRecords.InterventionDraft draft() {
            return new CaseRecords.InterventionDraft(interventionType, interveningParty,
                    new FuzzyDate(date, date == null ? DatePrecision.UNKNOWN : precision == null ? DatePrecision.EXACT : precision),
                    partiesRequested, response, impact, status, priority);
        }
    }

    /** Another person of the case (witness, relative, lawyer, source), named for the first time. */
    record NewPerson(String name, CaseRecords.PersonRole role, String note) {}

    /** A medical examination of the victim of an act; the fields the short form leaves out stay empty. */
    record Examination(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn, String requestedBy,
                       Boolean refused, String refusalReason, Boolean delayed, String delayReason,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate performedOn, ExaminerType examinerType,
                       String examinerName, String examinerQualifications, String othersPresent,
                       IstanbulGrade overallEvaluation, String interpretation, String treatment, String referrals) {

        static Examination of(MedicalExamination m) {
            return new Examination(m.requestedOn(), m.requestedBy(), m.refused(), m.refusalReason(), m.delayed(),
                    m.delayReason(), m.performedOn(), m.examinerType(), m.examinerName(), m.examinerQualifications(),
                    m.othersPresent(), m.overallEvaluation(), m.interpretation(), m.treatment(), m.referrals());
        }

        MedicalDocumentation.ExaminationDraft draft() {
            return new MedicalDocumentation.ExaminationDraft(requestedOn, requestedBy, Boolean.TRUE.equals(refused),
                    refusalReason, Boolean.TRUE.equals(delayed), delayReason, performedOn, examinerType, examinerName,
                    examinerQualifications, othersPresent, overallEvaluation, interpretation, treatment, referrals);
        }
    }

    /** A finding of an examination. */
    record Finding(MedicalExamination.Kind kind, String bodyLocation, String description, IstanbulGrade grade) {

        static Finding of(MedicalExamination.Finding f) {
            return new Finding(f.kind(), f.bodyLocation(), f.description(), f.grade());
        }

        MedicalDocumentation.FindingDraft draft() {
            return new MedicalDocumentation.FindingDraft(kind, bodyLocation, description, grade);
        }
    }
}
