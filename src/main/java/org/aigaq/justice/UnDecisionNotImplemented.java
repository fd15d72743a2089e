package org.aigaq.justice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A treaty body's decision finding a violation, not implemented after its deadline: the deadline it set, or else the
 * decision date plus the jurisdiction's follow-up period ({@code un-follow-up}, 180 days). The latest implementation
 * recorded (on the communication or a later follow-up of the same number) counts; overdue from the day after.
 */
public class UnDecisionNotImplemented implements ImpunityRule {

    @Override
    public List<Flag> check(CaseFacts facts) {
        var flags = new ArrayList<Flag>();
        for (var open : open(facts)) {
            if (facts.today().isAfter(open.deadline())) {
                StepDraft d = open.step().draft();
                flags.add(new Flag(name(), open.step().id(), "justice.flag.un-not-implemented",
                        List.of(d.communicationNumber() == null ? "" : d.communicationNumber(), open.deadline())));
            }
        }
        return flags;
    }

    /** The follow-up deadlines of the case's decisions that found a violation and are not implemented, passed or not. */
    static List<LocalDate> deadlines(CaseFacts facts) {
        return open(facts).stream().map(OpenDecision::deadline).toList();
    }

    private record OpenDecision(Step step, LocalDate deadline) {}

    private static List<OpenDecision> open(CaseFacts facts) {
        var open = new ArrayList<OpenDecision>();
        int followUp = facts.jurisdiction().deadline("UN_DECISION").map(Deadline::days).orElse(180);
        for (Step step : facts.steps()) {
            StepDraft d = step.draft();
            if (d.stepType() != StepType.UN_COMMUNICATION || d.decisionDate() == null) continue;
            if (d.violationsFound() == null || d.violationsFound().isBlank()) continue;
            LocalDate deadline = d.deadline() != null ? d.deadline() : d.decisionDate().plusDays(followUp);
            String implementation = d.implementation();
            for (Step later : facts.steps()) {
                if (later.type() == StepType.UN_FOLLOW_UP && Objects.equals(later.draft().communicationNumber(), d.communicationNumber())
                        && later.draft().implementation() != null) {
                    implementation = later.draft().implementation();
                }
            }
            if (!"implemented".equals(implementation)) open.add(new OpenDecision(step, deadline));
        }
        return open;
    }
}
