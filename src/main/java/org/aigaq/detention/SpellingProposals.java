package org.aigaq.detention;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.TermProposals;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Proposes the term a spelling found in a spreadsheet stands for, as messy files write them ("суицид", "Суицид ",
 * "самоубийство", "suicide", "tuberkulez", "туберкулёз"): first as {@link TermProposals} does (code or label in any
 * language, case, spacing and ё/е aside), then on a Latin skeleton (ICU transliteration of Cyrillic) of the codes and
 * labels, allowing one typo in words of five letters or more. A person confirms or corrects every proposal.
 */
final class SpellingProposals {

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final LevenshteinDistance ONE_TYPO = new LevenshteinDistance(1);

    private final Vocabularies vocabularies;
    private final TermProposals exact;
    private final Map<String, List<String[]>> skeletons = new HashMap<>();

    SpellingProposals(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
        this.exact = new TermProposals(vocabularies);
    }

    /** The code proposed for the spelling in the list, or null when nothing is close enough. */
    String propose(String list, String spelling) {
        if (spelling == null || spelling.isBlank()) return null;
        String found = exact.match(list, spelling);
        if (found != null) return found;
        String skeleton = skeleton(spelling);
        var candidates = skeletons.computeIfAbsent(list, this::load);
        for (String[] candidate : candidates) {
            if (candidate[0].equals(skeleton)) return candidate[1];
        }
        if (skeleton.length() < 5) return null;
        String best = null;
        for (String[] candidate : candidates) {
            if (candidate[0].length() >= 5 && ONE_TYPO.apply(candidate[0], skeleton) != -1) {
                if (best != null && !best.equals(candidate[1])) return null; // two terms as close: let the user say
                best = candidate[1];
            }
        }
        return best;
    }

    private List<String[]> load(String list) {
        var all = new ArrayList<String[]>();
        for (Term term : vocabularies.terms(list)) {
            all.add(new String[] {skeleton(term.code()), term.code()});
            term.labels().values().forEach(label -> all.add(new String[] {skeleton(label), term.code()}));
        }
        return all;
    }

    /** Lower case, stripped, runs of white space as one, ё as е: how column titles are compared. */
    static String plain(String value) {
        return TermProposals.normalised(value);
    }

    /** A spelling made comparable across scripts: Latin letters and digits only, lower case. */
    static String skeleton(String value) {
        String latin = TO_LATIN.get().transliterate(plain(value));
        return latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}
