package org.aigaq.platform.names;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether two person records probably describe the same person, and why: the names compared across scripts, part
 * orders, initials and endings ({@link NameSimilarity}), and the dates of birth when both are known. It proposes; a
 * person decides. The reasons are codes with a message {@code names.reason.<code>} in every language.
 */
public final class SamePerson {

    /** The similarity of names above which two records are proposed as one person. */
    public static final double THRESHOLD = 0.9;
    /** With the same date of birth, names need to be only this alike. */
    static final double THRESHOLD_SAME_BIRTH = 0.86;

    private SamePerson() {
    }

    /** What is known of a person for the comparison: every name form recorded, and the date of birth when known. */
    public record Description(List<String> names, LocalDate dateOfBirth) {

        public Description {
            names = names.stream().filter(Objects::nonNull).toList();
        }

        public static Description named(String... names) {
            return new Description(List.of(names), null);
        }
    }

    /** One reason, for or against. */
    public record Reason(String code, boolean against) {}

    /** The proposal: probably the same person or not, the names' similarity, and the reasons either way. */
    public record Decision(boolean probablySame, double nameSimilarity, List<Reason> reasons) {}

    public static Decision decide(Description first, Description second) {
        var firstForms = first.names().stream().map(NameForm::of).filter(f -> !f.isEmpty()).toList();
        var secondForms = second.names().stream().map(NameForm::of).filter(f -> !f.isEmpty()).toList();
        var alignment = NameSimilarity.best(firstForms, secondForms);
        var reasons = new ArrayList<Reason>(reasons(alignment));
        double threshold = THRESHOLD;
        boolean birthDatesDiffer = false;
        if (first.dateOfBirth() != null && second.dateOfBirth() != null) {
            if (first.dateOfBirth().equals(second.dateOfBirth())) {
                reasons.add(new Reason("birth-date-same", false));
                threshold = THRESHOLD_SAME_BIRTH;
            } else if (Math.abs(ChronoUnit.DAYS.between(first.dateOfBirth(), second.dateOfBirth())) > 366) {
                // A day and month swapped or a year mistyped stays possible; years apart is another person.
                reasons.add(new Reason("birth-dates-differ", true));
                birthDatesDiffer = true;
            }
        }
        if (scriptsDiffer(first.names(), second.names()) && alignment.score() >= threshold) {
            reasons.addFirst(new Reason("same-name-other-script", false));
        }
        boolean same = alignment.score() >= threshold && !birthDatesDiffer;
        return new Decision(same, alignment.score(), List.copyOf(reasons));
    }

    /** What an alignment of two names shows, for the people who decide. */
    public static List<Reason> reasons(NameSimilarity.Alignment alignment) {
        var reasons = new ArrayList<Reason>();
        if (alignment.pairs().isEmpty()) {
            reasons.add(new Reason("names-differ", true));
            return reasons;
        }
        boolean spelling = false;
        boolean initials = false;
        boolean differs = false;
        boolean sexes = false;
        boolean derived = false;
        boolean fatherAndChild = false;
        for (var pair : alignment.pairs()) {
            NamePart a = pair.first();
            NamePart b = pair.second();
            if (a.initial() || b.initial()) {
                initials = true;
                differs |= pair.score() == 0;
                continue;
            }
            if (pair.score() < NameSimilarity.DIFFERENT_NAMES * NameSimilarity.MAN_AND_WOMAN) differs = true;
            else if (!a.stem().equals(b.stem())) spelling = true;
            double endings = NameSimilarity.derivations(a.derivation(), b.derivation());
            if (endings == NameSimilarity.MAN_AND_WOMAN) sexes = true;
            else if (endings == NameSimilarity.GIVEN_NAME_AND_PATRONYMIC) fatherAndChild = true;
            else if (endings < 1) derived = true;
        }
        if (differs) reasons.add(new Reason("part-differs", true));
        if (sexes) reasons.add(new Reason("man-and-woman-forms", true));
        if (fatherAndChild) reasons.add(new Reason("name-and-patronymic", true));
        if (!differs) reasons.add(new Reason(spelling ? "spellings-alike" : "parts-same", false));
        if (derived) reasons.add(new Reason("derived-and-plain", false));
        if (initials) reasons.add(new Reason("initials", false));
        if (alignment.reordered()) reasons.add(new Reason("parts-reordered", false));
        if (alignment.unpairedFirst() + alignment.unpairedSecond() > 0) reasons.add(new Reason("part-missing", false));
        return reasons;
    }

    private static boolean scriptsDiffer(List<String> first, List<String> second) {
        return (cyrillic(first) && latin(second)) || (latin(first) && cyrillic(second));
    }

    private static boolean cyrillic(List<String> names) {
        return names.stream().anyMatch(n -> n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC));
    }

    private static boolean latin(List<String> names) {
        return names.stream().anyMatch(n -> n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN));
    }
}
