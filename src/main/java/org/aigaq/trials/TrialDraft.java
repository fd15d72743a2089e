package org.aigaq.trials;

import java.util.List;
import org.aigaq.documentation.Sharing;

/** A trial as entered: the court, the case, the charges and the defendants (the organisation's people). */
public record TrialDraft(String court, String caseNumber, String judge, String charges, String language,
                         Long linkedEventId, List<Long> defendants, Sharing sharing) {

    public TrialDraft {
        defendants = defendants == null ? List.of() : defendants;
        sharing = sharing == null ? Sharing.ORGANISATION : sharing;
    }
}
