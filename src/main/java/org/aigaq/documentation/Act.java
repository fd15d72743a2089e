package org.aigaq.documentation;

import java.util.List;

/** One victim's ill-treatment in an event: what was done, when, where, how, and its consequences. */
public record Act(long id, long eventId, long victimId, String actType, FuzzyDate initial, FuzzyDate end, Long placeId,
                  String locationType, String region, String locationDescription, String statedReason,
                  List<String> methods, String physicalConsequences, String psychologicalConsequences,
                  Integer ageAtTime, String statusAtEnd, String statementsSigned, String medicalAttention,
                  List<String> tortureIntent, String detentionType, String legalCounsel) {
}
