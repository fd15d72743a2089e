package org.aigaq.justice;

import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Reprisals against the complainant, a witness, a relative or the lawyer for the complaint. */
public class ReprisalAgainstComplainant implements ImpunityRule {

    @Override
    public List<Flag> check(CaseFacts facts) {
        return facts.steps().stream().filter(s -> s.type() == StepType.REPRISAL)
                .map(s -> new Flag(name(), s.id(), "justice.flag.reprisal", List.of(new DefaultMessageSourceResolvable(
                        "justice.choice.target." + (s.draft().target() == null ? "other" : s.draft().target())))))
                .toList();
    }
}
