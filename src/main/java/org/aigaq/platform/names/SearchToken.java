package org.aigaq.platform.names;

/**
 * The plain text of a search token and what kind of evidence a match on it is. The text never leaves the
 * application in clear: it is keyed (a blind index) before it is stored or looked up.
 */
public record SearchToken(String text, Kind kind) {

    /** Kinds of token, with how much a shared token says before its rarity is counted. */
    public enum Kind {
        /** A whole part (stem). */
        PART(1.0),
        /** A part with one letter left out, so that one typo (a letter wrong, missing or added) still meets. */
        TYPO(0.15),
        /** A part with the initial of another part: "Ахметов Е." meets Yerlan Akhmetov. */
        PART_AND_INITIAL(0.8),
        /** Two whole parts together, in either order: the rare pair that lifts the right Akhmetov above the others. */
        TWO_PARTS(2.0);

        private final double weight;

        Kind(double weight) {
            this.weight = weight;
        }

        public double weight() {
            return weight;
        }
    }
}
