package org.aigaq.documentation.web;

import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** For templates: a term's label in the user's language, or its code when the term is no longer in its list. */
@Component("termLabels")
public class TermLabels {

    private final Vocabularies vocabularies;

    TermLabels(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    public String label(String list, String code) {
        if (code == null) return "";
        return vocabularies.find(list, code).map(t -> t.label(LocaleContextHolder.getLocale())).orElse(code);
    }

    public String labels(String list, java.util.List<String> codes) {
        return codes == null ? "" : String.join(", ", codes.stream().map(c -> label(list, c)).toList());
    }
}
