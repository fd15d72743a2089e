package org.aigaq.documentation;

/** An alleged perpetrator's part in an act: agency, unit, rank or role, name where known, and degree of involvement. */
public record Involvement(long id, long actId, Long perpetratorId, String perpetratorType, String agency, String unit,
                          String rankRole, String perpetratorName, String degree, String latestStatus) {
}
