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

    /** An assessment as typed: the grade, the reasoning, the cases, the structured evidence and other evidence by text. */
    public record AssessmentDraft(LocalDate assessedOn, Recommendation.Grade grade, String reasoning, List<Long> caseIds,
                                  String evidenceNotes, List<FlagLink> flags, List<FigureLink> figures, List<Long> visitIds) {
        public AssessmentDraft {
            caseIds = caseIds == null ? List.of() : caseIds;
            flags = flags == null ? List.of() : flags;
            figures = figures == null ? List.of() : figures;
            visitIds = visitIds == null ? List.of() : visitIds;
        }

        public AssessmentDraft(LocalDate assessedOn, Recommendation.Grade grade, String reasoning, List<Long> caseIds,
                               String evidenceNotes) {
            this(assessedOn, grade, reasoning, caseIds, evidenceNotes, null, null, null);
        }
    }

    /** An impunity flag the justice rules raise in a case: the case (event id) and the rule's name. */
    public record FlagLink(Long caseId, String rule) {}

    /**
     * An official statistics figure: jurisdiction (default KZ), year, article as {@code version:article}
     * (e.g. {@code 2014:146}), agency (optional) and a measure ({@code COMPLAINTS}…) or an indicator code.
     */
    public record FigureLink(String jurisdiction, Integer year, String article, String agency, String measure) {}
}
