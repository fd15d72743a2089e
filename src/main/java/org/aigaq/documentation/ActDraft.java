package org.aigaq.documentation;

import java.util.List;

/** What a user enters to record or change an act. */
public record ActDraft(Long victimId, String actType, FuzzyDate initial, FuzzyDate end, Long placeId, String locationType,
                       String region, String locationDescription, String statedReason, List<String> methods,
                       String physicalConsequences, String psychologicalConsequences, Integer ageAtTime,
                       String statusAtEnd, String statementsSigned, String medicalAttention, List<String> tortureIntent,
                       String detentionType, String legalCounsel) {
}
