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

    /** An alleged perpetrator's involvement in an act. */
    record Involvement(String perpetratorType, String agency, String unit, String rankRole, String perpetratorName,
                       String degree) {

        CaseRecords.InvolvementDraft draft() {
            return new CaseRecords.InvolvementDraft(null, perpetratorType, agency, unit, rankRole, perpetratorName, degree, null);
        }
    }

    /** Information (a source) about the case. */
    record Information(String connection, String sourceType, String reliability,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateReceived, String summary) {

        CaseRecords.InformationDraft draft() {
            return new CaseRecords.InformationDraft(null, connection, sourceType, reliability, dateReceived, summary);
        }
    }

    /** An intervention made about the case. */
    record Intervention(String interventionType, String interveningParty,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String status, String response) {

        CaseRecords.InterventionDraft draft() {
            return new CaseRecords.InterventionDraft(interventionType, interveningParty, new FuzzyDate(date, null), null,
                    response, null, status, null);
        }
    }

    /** Another person of the case (witness, relative, lawyer, source), named for the first time. */
    record NewPerson(String name, CaseRecords.PersonRole role, String note) {}

    /** A medical examination of the victim of an act. */
    record Examination(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn, String requestedBy,
                       Boolean refused, Boolean delayed,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate performedOn, ExaminerType examinerType,
                       String examinerName, String othersPresent, IstanbulGrade overallEvaluation, String treatment) {

        MedicalDocumentation.ExaminationDraft draft() {
            return new MedicalDocumentation.ExaminationDraft(requestedOn, requestedBy, Boolean.TRUE.equals(refused), null,
                    Boolean.TRUE.equals(delayed), null, performedOn, examinerType, examinerName, null, othersPresent,
                    overallEvaluation, null, treatment, null);
        }
    }

    /** A finding of an examination. */
    record Finding(MedicalExamination.Kind kind, String bodyLocation, String description, IstanbulGrade grade) {

        MedicalDocumentation.FindingDraft draft() {
            return new MedicalDocumentation.FindingDraft(kind, bodyLocation, description, grade);
        }
    }
}
