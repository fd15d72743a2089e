package org.aigaq.documentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Checks that the values of a record come from the controlled vocabulary of their field. */
@Component
class Terms {

    private final Vocabularies vocabularies;
    /** What was found, by list and code, when this instance remembers; null when every check asks the database. */
    private final Map<String, Optional<String>> remembered;

    @Autowired
    Terms(Vocabularies vocabularies) {
        this(vocabularies, null);
    }

    private Terms(Vocabularies vocabularies, Map<String, Optional<String>> remembered) {
        this.vocabularies = vocabularies;
        this.remembered = remembered;
    }

    /**
     * The same checks, remembering each answer, for one import of many rows: terms are never removed nor recoded, so
     * a term found stays valid; a term added meanwhile is only seen by the next import.
     */
    Terms remembering() {
        return new Terms(vocabularies, new HashMap<>());
    }

    /** The code when it is a term of the list, null when blank; otherwise an error naming the field. */
    String code(String list, String code, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return require(list, code.strip(), field);
    }

    String[] codes(String list, List<String> codes, String field) {
        if (codes == null) {
            return new String[0];
        }
        return codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct()
                .map(c -> require(list, c, field)).toArray(String[]::new);
    }

    private String require(String list, String code, String field) {
        if (remembered == null) {
            return vocabularies.require(list, code, field).code();
        }
        return remembered.computeIfAbsent(list + '\u0000' + code, key -> vocabularies.find(list, code).map(Term::code))
                .orElseThrow(() -> new InvalidInput(field, "vocabulary.unknown-term"));
    }
}
