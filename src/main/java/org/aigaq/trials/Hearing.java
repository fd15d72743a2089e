package org.aigaq.trials;

import java.time.LocalDate;
import java.util.List;

/** A hearing as the observers saw it: who could attend, the interpreter and the fair-trial checklist. */
public record Hearing(long id, LocalDate date, String observers, boolean publicAdmitted, boolean pressAdmitted,
                      boolean recordingBanned, boolean seatsFilled, Interpreter interpreter, String note, List<Check> checks) {

    /** Whether the defendant had the interpreter the language of proceedings called for. */
    public enum Interpreter { NOT_NEEDED, PROVIDED, NOT_PROVIDED }

    /** The observer's answer to a checklist item. */
    public enum Answer { RESPECTED, NOT_RESPECTED, NOT_OBSERVED }

    /** One answered item of the checklist. */
    public record Check(FairTrialItem item, Answer answer, String note) {}
}
