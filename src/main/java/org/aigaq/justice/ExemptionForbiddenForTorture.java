package org.aigaq.justice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An exemption from liability that the Convention against Torture forbids for torture: amnesty, reconciliation with
 * the victim, statute of limitation, "effective remorse". Parole after part of a sentence served is not one of them.
 */
public class ExemptionForbiddenForTorture implements ImpunityRule {

    static final Set<String> FORBIDDEN = Set.of("amnesty", "reconciliation", "statute-of-limitation", "effective-remorse");

    @Override
    public List<Flag> check(CaseFacts facts) {
        var flags = new ArrayList<Flag>();
        if (!facts.tortureAtStake()) return flags;
        for (Step step : facts.steps()) {
            if (step.type() == StepType.EXEMPTION && FORBIDDEN.contains(step.draft().exemption())) {
                flags.add(new Flag(name(), step.id(), "justice.flag.exemption",
                        List.of(new org.springframework.context.support.DefaultMessageSourceResolvable(
                                "justice.choice.exemption." + step.draft().exemption()))));
            }
        }
        return flags;
    }
}
