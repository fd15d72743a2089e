package org.aigaq.justice;

/** A moment of a detention episode. */
public enum MomentKind {
    APPREHENDED, ARRIVED_AT_FACILITY, ARREST_RECORDED, RIGHTS_READ, RELATIVES_NOTIFIED, LAWYER_CONTACT, JUDICIAL_REVIEW,
    MEDICAL_EXAMINATION, INTERROGATION, TRANSFER, RELEASED;

    public String messageKey() {
        return "justice.moment." + name();
    }
}
