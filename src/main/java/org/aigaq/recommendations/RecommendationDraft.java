package org.aigaq.recommendations;

import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.Sharing;

/** A recommendation as typed or imported, before its rules are checked; absent parts take their defaults. */
public record RecommendationDraft(Recommendation.Source source, String documentSymbol, LocalDate documentDate,
                                  String paragraph, String subParagraph, String text, List<String> themes, String authority,
                                  String recommendingState, Recommendation.StateResponse stateResponse, LocalDate dueDate,
                                  Long responsibleUserId, Long repeatsId, Sharing sharing) {

    public RecommendationDraft {
        themes = themes == null ? List.of() : themes;
        sharing = sharing == null ? Sharing.ORGANISATION : sharing;
    }

    /** A state's claim as typed. */
    public record ClaimDraft(LocalDate claimedOn, String claim, String document) {}

    /** An assessment as typed: the grade, the reasoning, the cases and other evidence. */
    public record AssessmentDraft(LocalDate assessedOn, Recommendation.Grade grade, String reasoning, List<Long> caseIds,
                                  String evidenceNotes) {
        public AssessmentDraft {
            caseIds = caseIds == null ? List.of() : caseIds;
        }
    }
}
