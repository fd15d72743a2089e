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

    /** What the state said it had done, and in which document. */
    public record Claim(long id, LocalDate claimedOn, String claim, String document, Instant createdAt) {}

    /** The coalition's assessment, with the cases and other evidence behind it. */
    public record Assessment(long id, LocalDate assessedOn, Grade grade, String reasoning, List<Long> caseIds,
                             String evidenceNotes, Instant createdAt) {}

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
