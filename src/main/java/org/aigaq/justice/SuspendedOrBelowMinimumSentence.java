package org.aigaq.justice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sentence that is suspended (where torture is at stake), or lighter than the lowest term of imprisonment of the
 * article the person was convicted under: fewer months, or no imprisonment at all. A term of exactly the minimum is not.
 */
public class SuspendedOrBelowMinimumSentence implements ImpunityRule {

    @Override
    public List<Flag> check(CaseFacts facts) {
        var flags = new ArrayList<Flag>();
        StepDraft qualification = null;
        for (Step step : facts.steps()) {
            StepDraft d = step.draft();
            if (d.article() != null && !d.article().isBlank()) qualification = d;
            if (d.stepType() != StepType.SENTENCE) continue;
            if (Boolean.TRUE.equals(d.sentenceSuspended()) && facts.tortureAtStake()) {
                flags.add(new Flag(name(), step.id(), "justice.flag.sentence-suspended", List.of()));
                continue;
            }
            Optional<Article> article = qualification == null ? Optional.empty() : facts.articleOf(qualification);
            if (article.isEmpty() || article.get().minimumMonths() == null) continue;
            int minimum = article.get().minimumMonths();
            boolean imprisonment = "imprisonment".equals(d.sentenceKind());
            int months = d.sentenceMonths() == null ? 0 : d.sentenceMonths();
            if (!imprisonment || months < minimum) {
                flags.add(new Flag(name(), step.id(), "justice.flag.sentence-below-minimum",
                        List.of(imprisonment ? months : 0, minimum, article.get().citation())));
            }
        }
        return flags;
    }
}
