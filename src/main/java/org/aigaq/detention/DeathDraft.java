package org.aigaq.detention;

import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;

/** What a user enters to record or correct a death in custody; vocabulary fields hold term codes. */
public record DeathDraft(Long personId, Long placeId, FuzzyDate date, String officialCause, String manner,
                         String officialAccount, String allegedCause, String familyAccount, String autopsy,
                         String autopsyFindings, Boolean certificateIssued, String certificateCause,
                         Boolean familyInformed, LocalDate familyInformedOn, Boolean bodyReturned,
                         LocalDate bodyReturnedOn, String bodyCondition, String investigatedBy,
                         String investigationArticle, String investigationOutcome, String investigationNotes,
                         List<Long> linkedEventIds, Sharing sharing) {

    public DeathDraft {
        linkedEventIds = linkedEventIds == null ? List.of() : linkedEventIds.stream().filter(java.util.Objects::nonNull)
                .distinct().toList();
        sharing = sharing == null ? Sharing.ORGANISATION : sharing;
    }
}
