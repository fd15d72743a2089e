package org.aigaq.justice;

import java.util.List;

/** Every impunity rule Aigaq applies, in one place (the rules page lists them in this order). */
public final class ImpunityRules {

    public static final List<ImpunityRule> ALL = List.of(new InquiryByAccusedAgency(), new RequalifiedToMilderArticle(),
            new ExemptionForbiddenForTorture(), new SuspendedOrBelowMinimumSentence(), new CompensationChargedToOfficer(),
            new UnDecisionNotImplemented(), new ReprisalAgainstComplainant());

    private ImpunityRules() {
    }

    /** What every rule finds in the case, rule by rule, in the order of the steps. */
    public static List<Flag> check(CaseFacts facts) {
        return ALL.stream().flatMap(r -> r.check(facts).stream()).toList();
    }
}
