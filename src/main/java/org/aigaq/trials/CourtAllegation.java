package org.aigaq.trials;

/** Torture or ill-treatment alleged in court by a defendant or a witness, and what the court did with it. */
public record CourtAllegation(long id, Long hearingId, RaisedBy raisedBy, Long defendantId, Form form, String against,
                              boolean recorded, boolean examined, boolean investigationOrdered, Evidence evidence, String note) {

    /** Who raised the allegation. */
    public enum RaisedBy { DEFENDANT, WITNESS }

    /** How it was raised. */
    public enum Form { WRITTEN, ORAL }

    /** What became of the evidence said to come from the ill-treatment (a confession, a statement). */
    public enum Evidence { NONE, ADMITTED, EXCLUDED }
}
