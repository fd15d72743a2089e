package org.aigaq.justice;

import java.util.List;

/** A civil claim for compensation brought against the officer instead of the state, which answers for its agents. */
public class CompensationChargedToOfficer implements ImpunityRule {

    @Override
    public List<Flag> check(CaseFacts facts) {
        return facts.steps().stream()
                .filter(s -> s.type() == StepType.CIVIL_CLAIM && "officer".equals(s.draft().respondent()))
                .map(s -> new Flag(name(), s.id(), "justice.flag.compensation-officer",
                        List.of(s.draft().awardedAmount() == null ? "" : s.draft().awardedAmount().toPlainString(),
                                s.draft().currency() == null ? "" : s.draft().currency())))
                .toList();
    }
}
