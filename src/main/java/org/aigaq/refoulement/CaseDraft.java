package org.aigaq.refoulement;

import org.aigaq.documentation.Sharing;

/** What a user enters to open or correct a non-refoulement case; the outcome comes from the timeline, not from here. */
public record CaseDraft(Long personId, String nationality, String requestingState,
                        RefoulementCase.LegalBasis legalBasis, String convention, String riskAssessment,
                        String riskEvidence, Sharing sharing) {

    public CaseDraft {
        sharing = sharing == null ? Sharing.ORGANISATION : sharing;
    }
}
