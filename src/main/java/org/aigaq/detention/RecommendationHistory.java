package org.aigaq.detention;

import java.time.LocalDate;
import java.util.List;

/**
 * A recommendation with the authority's responses over time and its chain of repetitions: the earlier versions it
 * repeats (oldest first; "repeated since" the first of them) and the later ones that repeat it.
 */
public record RecommendationHistory(MonitorsRecommendation recommendation, List<AuthorityResponse> responses,
                                    List<MonitorsRecommendation> earlier, List<MonitorsRecommendation> later) {

    /** The date of the first version when this recommendation repeats an earlier one; null otherwise. */
    public LocalDate repeatedSince() {
        return earlier.isEmpty() ? null : earlier.getFirst().madeOn();
    }
}
