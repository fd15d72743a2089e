package org.aigaq.justice;

import java.util.ArrayList;
import java.util.List;

/**
 * An inquiry or investigation run by the internal security of the accused agency, or by the accused agency itself
 * (its body marked so, or a body of the agency of an alleged perpetrator): no independent body.
 */
public class InquiryByAccusedAgency implements ImpunityRule {

    @Override
    public List<Flag> check(CaseFacts facts) {
        var flags = new ArrayList<Flag>();
        for (Step step : facts.steps()) {
            StepDraft d = step.draft();
            if (d.stepType() != StepType.INQUIRY_OPENED && d.stepType() != StepType.CASE_OPENED) continue;
            String body = d.actingBody() == null ? "" : d.actingBody();
            if ("internal-security".equals(d.bodyKind())) {
                flags.add(new Flag(name(), step.id(), "justice.flag.inquiry-by-internal-security", List.of(body)));
            } else if (Boolean.TRUE.equals(d.bodyOfAccusedAgency())) {
                flags.add(new Flag(name(), step.id(), "justice.flag.inquiry-by-accused-agency", List.of(body)));
            } else if (d.bodyKind() != null && facts.accusedAgencies().contains(Choices.AGENCY_OF_BODY.get(d.bodyKind()))) {
                flags.add(new Flag(name(), step.id(), "justice.flag.inquiry-by-agency-of-perpetrator", List.of(body)));
            }
        }
        return flags;
    }
}
