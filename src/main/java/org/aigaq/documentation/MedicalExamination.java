package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.List;

/** A medical examination for an act: asked for, refused or delayed, or performed, by whom, and what it found. */
public record MedicalExamination(long id, long actId, LocalDate requestedOn, String requestedBy, boolean refused,
                                 String refusalReason, boolean delayed, String delayReason, LocalDate performedOn,
                                 ExaminerType examinerType, String examinerName, String examinerQualifications,
                                 String othersPresent, IstanbulGrade overallEvaluation, String interpretation,
                                 String treatment, String referrals, List<Finding> findings) {

    /** One physical or psychological finding, where on the body, graded on the Protocol's scale. */
    public record Finding(long id, Kind kind, String bodyLocation, String description, IstanbulGrade grade) {}

    /** Physical signs, or psychological evidence. */
    public enum Kind { PHYSICAL, PSYCHOLOGICAL }
}
