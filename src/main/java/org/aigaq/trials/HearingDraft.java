package org.aigaq.trials;

import java.time.LocalDate;
import java.util.List;

/** A hearing as the observer enters it; unanswered checklist items are left out. */
public record HearingDraft(LocalDate date, String observers, Boolean publicAdmitted, Boolean pressAdmitted,
                           Boolean recordingBanned, Boolean seatsFilled, Hearing.Interpreter interpreter, String note,
                           List<Hearing.Check> checks) {

    public HearingDraft {
        publicAdmitted = Boolean.TRUE.equals(publicAdmitted);
        pressAdmitted = Boolean.TRUE.equals(pressAdmitted);
        recordingBanned = Boolean.TRUE.equals(recordingBanned);
        seatsFilled = Boolean.TRUE.equals(seatsFilled);
        interpreter = interpreter == null ? Hearing.Interpreter.NOT_NEEDED : interpreter;
        checks = checks == null ? List.of() : checks;
    }
}
