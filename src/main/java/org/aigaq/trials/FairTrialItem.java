package org.aigaq.trials;

/** An item of the fair-trial checklist an observer answers at each hearing (ICCPR art. 14, OSCE/ODIHR trial monitoring). */
public enum FairTrialItem {
    PRESUMPTION_OF_INNOCENCE,
    DEFENCE_TIME_AND_FACILITIES,
    COUNSEL_ACCESS,
    EQUALITY_OF_ARMS,
    WITNESS_EXAMINATION,
    ANONYMOUS_WITNESSES,
    PUBLIC_HEARING,
    INTERPRETER,
    INDEPENDENCE_AND_IMPARTIALITY,
    REASONED_JUDGMENT
}
