package org.aigaq.recommendations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.Sharing;

/** A recommendation to the state with the state's claims and the coalition's assessments, oldest first. */
public record Recommendation(long id, long organisationId, Sharing sharing, Source source, String documentSymbol,
                             LocalDate documentDate, String paragraph, String subParagraph, String text, List<String> themes,
                             String authority, String recommendingState, StateResponse stateResponse, LocalDate dueDate,
                             Long responsibleUserId, String responsibleName, Long repeatsId, LocalDate repeatedSince,
                             List<Claim> claims, List<Assessment> assessments, boolean changeable, Instant createdAt) {

    /** The body that made the recommendation. */
    public enum Source { CAT, CAT_FOLLOW_UP, SPT, NPM, UPR, HRC, SPECIAL_PROCEDURE }

    /** The state's response to a UPR recommendation. */
    public enum StateResponse { SUPPORTED, NOTED }

    /** The Committee against Torture's follow-up scale: A largely satisfactory … E contrary to the recommendation. */
    public enum Grade { A, B1, B2, C1, C2, D, E }

    /** What the state said it had done, and in which document; {@code updatedAt} set once corrected. */
    public record Claim(long id, LocalDate claimedOn, String claim, String document, Instant createdAt, Instant updatedAt) {}

    /**
     * The coalition's assessment, with the cases and other evidence behind it (only what the reader may see), and its
     * earlier versions when corrected, oldest first.
     */
    public record Assessment(long id, LocalDate assessedOn, Grade grade, String reasoning, List<Long> caseIds,
                             String evidenceNotes, List<LinkedFlag> flags, List<LinkedFigure> figures,
                             List<LinkedVisit> visits, List<Correction> corrections, Instant createdAt, Instant updatedAt) {}

    /** An impunity flag of a case as evidence: the case, the rule, and whether the rule still flags the case today. */
    public record LinkedFlag(long caseId, String recordNumber, String rule, boolean raised) {}

    /** An official figure as evidence; {@code value} when exactly one published row matches, else null. */
    public record LinkedFigure(String jurisdiction, int year, String article, String agency, String measure, String value) {}

    /** A monitoring visit as evidence: the place and when it was made (or planned). */
    public record LinkedVisit(long id, String placeName, LocalDate date) {}

    /** An assessment as it was before a correction: when corrected and by whom, the earlier date, grade and reasoning. */
    public record Correction(Instant correctedAt, String correctedBy, LocalDate assessedOn, Grade grade, String reasoning) {}

    /** The document symbol with paragraph and sub-paragraph, as the Committee cites it: CAT/C/KAZ/CO/4, para. 12 (b). */
    @com.fasterxml.jackson.annotation.JsonProperty("citation")
    public String citation() {
        var s = new StringBuilder(documentSymbol);
        if (paragraph != null) s.append(", para. ").append(paragraph);
        if (subParagraph != null) s.append(" (").append(subParagraph).append(')');
        return s.toString();
    }

    public Assessment latestAssessment() {
        return assessments.isEmpty() ? null : assessments.getLast();
    }
}
