package org.aigaq.platform.names;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search tokens of a person's name forms, or of a query: each whole part, each part with one letter left out
 * (parts of four letters or more), each part with the initial of each other part, and each two whole parts.
 * The same text may be a whole part for one name and a typo variant for another: a match counts with the kind the
 * query gave it. Derivations (-ov, -uly) are not in the tokens, so Akhmet finds Akhmetov and Akhmetova; the
 * similarity tells them apart.
 */
public final class NameTokens {

    private NameTokens() {
    }

    /** The tokens of every form, each text once, with its strongest kind. */
    public static Collection<SearchToken> of(Collection<NameForm> forms) {
        var tokens = new LinkedHashMap<String, SearchToken.Kind>();
        for (NameForm form : forms) {
            add(tokens, form);
        }
        return tokens.entrySet().stream().map(e -> new SearchToken(e.getKey(), e.getValue())).toList();
    }

    public static Collection<SearchToken> of(NameForm form) {
        return of(List.of(form));
    }

    private static void add(Map<String, SearchToken.Kind> tokens, NameForm form) {
        List<NamePart> parts = form.parts();
        List<NamePart> full = form.fullParts();
        for (NamePart part : full) {
            String stem = part.stem();
            put(tokens, "d:" + stem, SearchToken.Kind.PART);
            if (stem.length() >= 4) {
                for (int i = 0; i < stem.length(); i++) {
                    put(tokens, "d:" + stem.substring(0, i) + stem.substring(i + 1), SearchToken.Kind.TYPO);
                }
            }
            for (NamePart other : parts) {
                if (other != part) {
                    put(tokens, "i:" + stem + "/" + other.initialLetter(), SearchToken.Kind.PART_AND_INITIAL);
                }
            }
        }
        for (int i = 0; i < full.size(); i++) {
            for (int j = i + 1; j < full.size(); j++) {
                String a = full.get(i).stem();
                String b = full.get(j).stem();
                if (!a.equals(b)) {
                    put(tokens, "n:" + (a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a), SearchToken.Kind.TWO_PARTS);
                }
            }
        }
    }

    private static void put(Map<String, SearchToken.Kind> tokens, String text, SearchToken.Kind kind) {
        tokens.merge(text, kind, (old, added) -> old.weight() >= added.weight() ? old : added);
    }
}
