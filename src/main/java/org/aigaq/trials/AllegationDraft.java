package org.aigaq.trials;

/** An allegation raised in court as the observer enters it. */
public record AllegationDraft(Long hearingId, CourtAllegation.RaisedBy raisedBy, Long defendantId, CourtAllegation.Form form,
                              String against, Boolean recorded, Boolean examined, Boolean investigationOrdered,
                              CourtAllegation.Evidence evidence, String note) {

    public AllegationDraft {
        recorded = Boolean.TRUE.equals(recorded);
        examined = Boolean.TRUE.equals(examined);
        investigationOrdered = Boolean.TRUE.equals(investigationOrdered);
        evidence = evidence == null ? CourtAllegation.Evidence.NONE : evidence;
    }
}
