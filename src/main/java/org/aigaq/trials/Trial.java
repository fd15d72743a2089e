package org.aigaq.trials;

import java.util.List;
import org.aigaq.documentation.Sharing;

/** A monitored trial with its defendants, hearings and the allegations raised in court, as the reader may see it. */
public record Trial(long id, long organisationId, Sharing sharing, String court, String caseNumber, String judge,
                    String charges, String language, Long linkedEventId, List<Defendant> defendants,
                    List<Hearing> hearings, List<CourtAllegation> allegations, AllegationCounts figures, boolean changeable) {

    /** The verdict for one defendant. */
    public enum Verdict { PENDING, CONVICTED, ACQUITTED, CASE_CLOSED }

    /** A defendant: the documentation person by pseudonym, the name only for those who may see identities. */
    public record Defendant(long id, Long personId, String pseudonym, String name, Verdict verdict, String sentence,
                            String appeal) {

        public String shown() {
            return name != null ? name : pseudonym;
        }
    }

    public String reference() {
        return caseNumber + " — " + court;
    }
}
