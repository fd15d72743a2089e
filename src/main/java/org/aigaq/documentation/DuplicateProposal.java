package org.aigaq.documentation;

import java.util.List;

/**
 * Two people of one organisation that are probably the same person: both as the user sees them (with identities),
 * a score (0 to 1, names first, then the date of birth and what the records share), and the reasons either way,
 * each a message key with at most one argument, shown in the user's language. Aigaq proposes; a person decides.
 */
public record DuplicateProposal(Person first, Person second, double score, double nameSimilarity, BirthDates birthDates,
                                List<SharedPlace> sharedPlaces, List<PersonSearch.CaseOfPerson> sharedCases,
                                List<PersonSearch.CaseOfPerson> linkedCases, List<Reason> reasons) {

    /** What the two dates of birth say. */
    public enum BirthDates { SAME, WITHIN_A_YEAR, YEARS_APART, UNKNOWN }

    /** A place of detention both people are recorded at. */
    public record SharedPlace(long id, String name) {}

    /** One reason, for or against: a message key and its argument (empty when it has none). */
    public record Reason(String messageKey, boolean against, String argument) {}
}
