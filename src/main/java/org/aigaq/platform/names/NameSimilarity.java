package org.aigaq.platform.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two names are, from 0 to 1, whatever their script, the order of their parts or initials. The parts of
 * the two names are paired so that the pairs are as alike as possible (any order); two whole parts compare by the
 * Jaro-Winkler similarity of their skeletons (typos cost little, a different name much), lowered when one part is
 * derived and the other plain (Akhmet, Akhmetov), more when one is a plain name and the other a patronymic (Zhumabek,
 * Zhumabekuly: father and son), and most when one is a man's form and the other a woman's (Akhmetov, Akhmetova); an
 * initial compares with the first letter of a part. Parts left without a pair (a
 * patronymic written in one form only) lower the score a little.
 */
public final class NameSimilarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** Below this, two whole parts are different names, not spellings of one. */
    static final double DIFFERENT_NAMES = 0.8;
    static final double DERIVED_AND_PLAIN = 0.93;
    static final double MAN_AND_WOMAN = 0.75;
    static final double GIVEN_NAME_AND_PATRONYMIC = 0.8;
    /** At most this many parts of a name are paired (every pairing is tried). */
    private static final int MOST_PARTS = 6;

    private NameSimilarity() {
    }

    /** Two parts paired by the alignment, and how alike they are. */
    public record Pair(NamePart first, NamePart second, double score) {}

    /** The best pairing of two names' parts, its score, and the parts of each left without a pair. */
    public record Alignment(double score, List<Pair> pairs, int unpairedFirst, int unpairedSecond, boolean reordered) {

        public static final Alignment NONE = new Alignment(0, List.of(), 0, 0, false);
    }

    /** The best alignment between any form of the first person and any form of the second. */
    public static Alignment best(Collection<NameForm> first, Collection<NameForm> second) {
        Alignment best = Alignment.NONE;
        for (NameForm a : first) {
            for (NameForm b : second) {
                Alignment alignment = between(a, b);
                if (alignment.score() > best.score()) best = alignment;
            }
        }
        return best;
    }

    public static Alignment between(NameForm first, NameForm second) {
        List<NamePart> a = first.parts().subList(0, Math.min(MOST_PARTS, first.parts().size()));
        List<NamePart> b = second.parts().subList(0, Math.min(MOST_PARTS, second.parts().size()));
        if (a.isEmpty() || b.isEmpty()) {
            return Alignment.NONE;
        }
        double[][] scores = new double[a.size()][b.size()];
        int[] firstInitials = initialOrdinals(a);
        int[] secondInitials = initialOrdinals(b);
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                scores[i][j] = parts(a.get(i), b.get(j));
                // The first initial is the given name's: paired with a patronymic it names the father.
                if ((firstInitials[i] == 0 && b.get(j).derivation().patronymic())
                        || (secondInitials[j] == 0 && a.get(i).derivation().patronymic())) {
                    scores[i][j] *= GIVEN_NAME_AND_PATRONYMIC;
                }
            }
        }
        boolean firstIsShorter = a.size() <= b.size();
        int rows = Math.min(a.size(), b.size());
        int columns = Math.max(a.size(), b.size());
        int[] chosen = new int[rows];
        int[] bestChoice = new int[rows];
        double[] bestSum = {-1};
        search(scores, firstIsShorter, 0, rows, columns, new boolean[columns], chosen, 0, bestChoice, bestSum);

        var pairs = new ArrayList<Pair>();
        boolean wholePartPaired = false;
        boolean reordered = false;
        boolean[] firstPaired = new boolean[a.size()];
        boolean[] secondPaired = new boolean[b.size()];
        for (int r = 0; r < rows; r++) {
            int i = firstIsShorter ? r : bestChoice[r];
            int j = firstIsShorter ? bestChoice[r] : r;
            firstPaired[i] = true;
            secondPaired[j] = true;
            pairs.add(new Pair(a.get(i), b.get(j), scores[i][j]));
            wholePartPaired |= !a.get(i).initial() && !b.get(j).initial() && scores[i][j] >= DIFFERENT_NAMES;
            if (r > 0 && bestChoice[r] < bestChoice[r - 1]) reordered = true;
        }
        double average = bestSum[0] / rows;
        if (!wholePartPaired) {
            // Initials alone, or nothing alike: never as close as a name written out.
            average *= 0.8;
        }
        if (initialsOutOfPlace(firstInitials, firstPaired) || initialsOutOfPlace(secondInitials, secondPaired)) {
            // "Сарсенбаев Н.С." against Sabit Sarsenbayev: the S. is the patronymic's, the given name is missing.
            average *= 0.9;
        }
        double coverage = (double) rows / columns;
        double score = average * (0.9 + 0.1 * coverage);
        return new Alignment(score, List.copyOf(pairs), a.size() - rows, b.size() - rows, reordered);
    }

    /** For each part, its place among the name's initials (0 for the first initial), or -1 when written in full. */
    private static int[] initialOrdinals(List<NamePart> parts) {
        int[] ordinals = new int[parts.size()];
        int next = 0;
        for (int i = 0; i < parts.size(); i++) {
            ordinals[i] = parts.get(i).initial() ? next++ : -1;
        }
        return ordinals;
    }

    /** Whether an initial is left without a pair while a later one has one. */
    private static boolean initialsOutOfPlace(int[] ordinals, boolean[] paired) {
        boolean unpairedBefore = false;
        for (int i = 0; i < ordinals.length; i++) {
            if (ordinals[i] < 0) continue;
            if (!paired[i]) unpairedBefore = true;
            else if (unpairedBefore) return true;
        }
        return false;
    }

    /** How alike two parts are. */
    static double parts(NamePart a, NamePart b) {
        if (a.initial() || b.initial()) {
            if (a.initialLetter() != b.initialLetter()) return 0;
            return a.initial() && b.initial() ? 0.8 : 0.95;
        }
        double alike = JARO_WINKLER.apply(a.stem(), b.stem());
        if (alike < DIFFERENT_NAMES) {
            alike *= 0.5;
        }
        return alike * derivations(a.derivation(), b.derivation());
    }

    /** How much two endings lower the likeness of two parts with alike stems. */
    static double derivations(Derivation a, Derivation b) {
        if (a == b) return 1;
        if (a.male() != null && b.male() != null && !a.male().equals(b.male())) return MAN_AND_WOMAN;
        if (a == Derivation.PLAIN || b == Derivation.PLAIN) {
            return a.patronymic() || b.patronymic() ? GIVEN_NAME_AND_PATRONYMIC : DERIVED_AND_PLAIN;
        }
        // A surname and a patronymic of the same sex: Tursunov and Tursynuly are often one person's two forms.
        return DERIVED_AND_PLAIN;
    }

    /** Every way of pairing each part of the shorter name with a different part of the longer one; keeps the best. */
    private static void search(double[][] scores, boolean rowsAreFirst, int row, int rows, int columns, boolean[] used,
                               int[] chosen, double sum, int[] bestChoice, double[] bestSum) {
        if (row == rows) {
            if (sum > bestSum[0]) {
                bestSum[0] = sum;
                System.arraycopy(chosen, 0, bestChoice, 0, rows);
            }
            return;
        }
        for (int column = 0; column < columns; column++) {
            if (used[column]) continue;
            used[column] = true;
            chosen[row] = column;
            double score = rowsAreFirst ? scores[row][column] : scores[column][row];
            search(scores, rowsAreFirst, row + 1, rows, columns, used, chosen, sum + score, bestChoice, bestSum);
            used[column] = false;
        }
    }
}
