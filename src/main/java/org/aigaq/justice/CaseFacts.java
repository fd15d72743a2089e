package org.aigaq.justice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the impunity rules read: the steps in their order, whether the allegation is of torture or ill-treatment (an
 * act of that type, or any step qualified under a torture article), the agencies of the alleged perpetrators, the
 * jurisdiction and the day of the reading.
 */
public record CaseFacts(List<Step> steps, boolean tortureAlleged, Set<String> accusedAgencies, Jurisdiction jurisdiction,
                        LocalDate today) {

    /** The catalogue's entry for a step's article, in the version given or else the one in force on its date. */
    public Optional<Article> articleOf(StepDraft step) {
        if (step.article() == null || step.article().isBlank()) return Optional.empty();
        String version = step.codeVersion() == null || step.codeVersion().isBlank()
                ? jurisdiction.versionOn(step.occurredOn()) : step.codeVersion();
        return jurisdiction.article(version, step.article(), step.articlePart());
    }

    /** Whether torture is at stake: alleged, or charged under a torture article at some step. */
    public boolean tortureAtStake() {
        return tortureAlleged || steps.stream().anyMatch(s -> articleOf(s.draft()).map(Article::torture).orElse(false));
    }

    /** How the steps cite an article: "362(4) / 2014", the part as given when the catalogue lists the article as a whole. */
    public String citation(StepDraft step) {
        String part = step.articlePart() == null || step.articlePart().isBlank() ? "" : "(" + step.articlePart().strip() + ")";
        return articleOf(step).map(a -> a.part().isEmpty() ? a.article() + part + " / " + a.codeVersion() : a.citation())
                .orElse(step.article() + part);
    }
}
