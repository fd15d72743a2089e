package org.aigaq.documentation;

import java.util.List;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.stereotype.Component;

/** Checks that the values of a record come from the controlled vocabulary of their field. */
@Component
class Terms {

    private final Vocabularies vocabularies;

    Terms(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** The code when it is a term of the list, null when blank; otherwise an error naming the field. */
    String code(String list, String code, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return vocabularies.require(list, code.strip(), field).code();
    }

    String[] codes(String list, List<String> codes, String field) {
        if (codes == null) {
            return new String[0];
        }
        return codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct()
                .map(c -> vocabularies.require(list, c, field).code()).toArray(String[]::new);
    }
}
