package org.aigaq.justice;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the funnel counts of one allegation, computed from its steps, its detention episodes and its searchable
 * facts: the first day it reached each milestone, what stopped it, the articles it was qualified under, the rules
 * that flag it and the safeguards violated.
 */
public record AttritionSummary(Map<Milestone, LocalDate> reached, String endedBy, LocalDate endedOn, Set<String> articles,
                               Set<String> flags, LocalDate unDue, Set<String> violations) {

    private static final Set<Stage> CONVICTION_STANDS = Set.of(Stage.CONVICTED, Stage.SENTENCED, Stage.EXEMPTED);

    /**
     * The summary of a case: {@code steps} in the pipeline's order, {@code facts} for the impunity rules (their steps
     * are the same), {@code checks} the safeguard findings of its episodes.
     */
    static AttritionSummary of(List<Step> steps, CaseFacts facts, List<SafeguardCheck> checks) {
        var reached = new EnumMap<Milestone, LocalDate>(Milestone.class);
        Stage stage = Stage.NONE;
        LocalDate since = null;
        LocalDate convicted = null;
        var articles = new TreeSet<String>();
        for (Step step : steps) {
            StepDraft d = step.draft();
            Stage next = Pipeline.after(stage, d);
            if (next == null) continue; // a recorded pipeline always replays; a step that does not is left out, not counted
            switch (d.stepType()) {
                case COMPLAINT_FILED -> reached.putIfAbsent(Milestone.COMPLAINT, d.occurredOn());
                case INQUIRY_OPENED -> reached.putIfAbsent(Milestone.INQUIRY, d.occurredOn());
                case CASE_OPENED -> {
                    reached.putIfAbsent(Milestone.INQUIRY, d.occurredOn());
                    reached.putIfAbsent(Milestone.CRIMINAL_CASE, d.occurredOn());
                }
                case SENT_TO_COURT -> reached.putIfAbsent(Milestone.COURT, d.occurredOn());
                case CIVIL_CLAIM -> {
                    boolean awarded = "granted".equals(d.outcome()) || "partly".equals(d.outcome())
                            || (d.awardedAmount() != null && d.awardedAmount().signum() > 0);
                    if (awarded) reached.putIfAbsent(Milestone.COMPENSATION, d.occurredOn());
                }
                default -> { }
            }
            if (d.article() != null && !d.article().isBlank()) {
                String version = d.codeVersion() == null || d.codeVersion().isBlank()
                        ? facts.jurisdiction().versionOn(d.occurredOn()) : d.codeVersion();
                articles.add(version + ":" + d.article().strip());
            }
            if (next == Stage.CONVICTED && stage != Stage.CONVICTED) convicted = d.occurredOn();
            if (next != stage || since == null) since = d.occurredOn();
            stage = next;
        }
        // A conviction counts while it stands: quashed into an acquittal, a retrial or a new investigation, it is gone.
        if (convicted != null && CONVICTION_STANDS.contains(stage)) reached.put(Milestone.CONVICTION, convicted);
        String endedBy = switch (stage) {
            case REFUSED -> "REFUSAL";
            case CLOSED -> "CASE_CLOSED";
            case ACQUITTED -> "ACQUITTAL";
            case EXEMPTED -> "EXEMPTION:" + lastExemption(steps);
            default -> null;
        };
        var flags = new TreeSet<String>();
        for (ImpunityRule rule : ImpunityRules.ALL) {
            if (rule instanceof UnDecisionNotImplemented) continue;
            if (!rule.check(facts).isEmpty()) flags.add(rule.name());
        }
        LocalDate unDue = UnDecisionNotImplemented.deadlines(facts).stream().min(LocalDate::compareTo).orElse(null);
        var violations = new TreeSet<String>();
        for (SafeguardCheck check : checks) if (check.violated()) violations.add(check.rule());
        return new AttritionSummary(reached, endedBy, endedBy == null ? null : since, articles, flags, unDue, violations);
    }

    private static String lastExemption(List<Step> steps) {
        String kind = "other";
        for (Step s : steps) if (s.type() == StepType.EXEMPTION && s.draft().exemption() != null) kind = s.draft().exemption();
        return kind;
    }
}
