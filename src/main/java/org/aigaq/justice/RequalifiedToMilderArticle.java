package org.aigaq.justice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Torture charged under a milder article: a case opened, charges changed, sent to court or judged under an article
 * the catalogue does not hold for torture, while torture is alleged or was the earlier qualification. Flagged where
 * the qualification becomes milder, not again while it stays the same.
 */
public class RequalifiedToMilderArticle implements ImpunityRule {

    private static final Set<StepType> QUALIFYING = Set.of(StepType.CASE_OPENED, StepType.CHARGES_CHANGED,
            StepType.SENT_TO_COURT, StepType.VERDICT);

    @Override
    public List<Flag> check(CaseFacts facts) {
        var flags = new ArrayList<Flag>();
        String previous = null;
        boolean previousTorture = false;
        for (Step step : facts.steps()) {
            StepDraft d = step.draft();
            if (!QUALIFYING.contains(d.stepType()) || d.article() == null || d.article().isBlank()) continue;
            String citation = facts.citation(d);
            boolean torture = facts.articleOf(d).map(Article::torture).orElse(false);
            if (!torture && !citation.equals(previous)) {
                if (previousTorture) {
                    flags.add(new Flag(name(), step.id(), "justice.flag.requalified-from", List.of(citation, previous)));
                } else if (facts.tortureAlleged()) {
                    flags.add(new Flag(name(), step.id(), "justice.flag.requalified-alleged", List.of(citation)));
                }
            }
            previous = citation;
            previousTorture = torture;
        }
        return flags;
    }
}
