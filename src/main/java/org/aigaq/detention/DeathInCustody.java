package org.aigaq.detention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Person;
import org.aigaq.documentation.Sharing;

/**
 * A death in custody as the current user may see it: the person with the identity, by pseudonym, or (published
 * records read by viewers) not at all, and then without the free-text accounts either.
 */
public record DeathInCustody(long id, long organisationId, Sharing sharing, Person person, long placeId, String placeName,
                             FuzzyDate date, String officialCause, String manner, String officialAccount,
                             String allegedCause, String familyAccount, String autopsy, String autopsyFindings,
                             Boolean certificateIssued, String certificateCause, Boolean familyInformed,
                             LocalDate familyInformedOn, Boolean bodyReturned, LocalDate bodyReturnedOn,
                             String bodyCondition, String investigatedBy, String investigationArticle,
                             String investigationOutcome, String investigationNotes, List<LinkedEvent> linkedEvents,
                             boolean changeable, Instant createdAt, Instant updatedAt) {

    /** An earlier complaint or allegation (a documentation event) the death is linked to, as far as the user may read it. */
    public record LinkedEvent(long id, String recordNumber, String title, FuzzyDate date) {}

    /** The readable reference of the record, as lists and links show it. */
    public String reference() {
        return "D-" + id;
    }
}
