package org.aigaq.justice;

import java.util.List;
import java.util.Map;

/** The codes each coded field of a step or a moment accepts; their labels are {@code justice.choice.<field>.<code>}. */
public final class Choices {

    /** Bodies that belong to an agency, so that an inquiry by the accused agency itself is recognised. */
    static final Map<String, String> AGENCY_OF_BODY = Map.of(
            "police", "police", "security-service", "national-security-committee",
            "anti-corruption", "anti-corruption-agency", "prosecutor", "prosecutors-office",
            "special-prosecutor", "prosecutors-office", "penal-system", "penitentiary-system");

    private static final Map<String, List<String>> BY_FIELD = Map.ofEntries(
            Map.entry("filedBy", List.of("victim", "relative", "lawyer", "monitor", "ngo", "other")),
            Map.entry("bodyKind", List.of("internal-security", "police", "penal-system", "anti-corruption",
                    "special-prosecutor", "prosecutor", "security-service", "investigative-judge", "other")),
            Map.entry("sentenceKind", List.of("imprisonment", "restriction-of-liberty", "fine", "correctional-labour",
                    "community-service", "other")),
            Map.entry("exemption", List.of("amnesty", "reconciliation", "statute-of-limitation", "effective-remorse",
                    "parole", "other")),
            Map.entry("respondent", List.of("state", "officer")),
            Map.entry("committee", List.of("CAT", "HRC", "CEDAW", "CRC", "CRPD", "other")),
            Map.entry("implementation", List.of("implemented", "partly", "not-implemented", "no-information")),
            Map.entry("target", List.of("complainant", "witness", "relative", "lawyer", "other")),
            Map.entry("requestKind", List.of("copies", "investigative-action", "expert-examination", "other")),
            Map.entry("lawyerKind", List.of("chosen", "state-appointed")));

    private static final Map<StepType, List<String>> OUTCOMES = Map.of(
            StepType.REFUSAL_APPEALED, List.of("pending", "rejected", "granted"),
            StepType.VERDICT, List.of("conviction", "acquittal"),
            StepType.APPEAL, List.of("upheld", "changed", "quashed-retrial", "quashed-acquittal", "quashed-conviction",
                    "quashed-reinvestigation"),
            StepType.CASSATION, List.of("upheld", "changed", "quashed-retrial", "quashed-acquittal", "quashed-conviction",
                    "quashed-reinvestigation"),
            StepType.CIVIL_CLAIM, List.of("pending", "granted", "partly", "rejected"),
            StepType.PROCEDURAL_REQUEST, List.of("pending", "granted", "refused"));

    private Choices() {
    }

    /** The codes of a field; for {@code outcome}, those of the step type. Empty for a field that is not coded. */
    public static List<String> of(String field, StepType type) {
        if (field.equals("outcome")) return OUTCOMES.getOrDefault(type, List.of());
        return BY_FIELD.getOrDefault(field, List.of());
    }

    public static boolean coded(String field) {
        return field.equals("outcome") || BY_FIELD.containsKey(field);
    }
}
