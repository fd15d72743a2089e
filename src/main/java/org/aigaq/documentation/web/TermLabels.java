package org.aigaq.documentation.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * For templates: a term's label in the user's language, or its code when the term is no longer in its list. Each
 * list is read once per request, however many labels a page shows.
 */
@Component("termLabels")
@RequestScope
public class TermLabels {

    private final Vocabularies vocabularies;
    private final Map<String, Map<String, Term>> lists = new HashMap<>();

    TermLabels(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    public String label(String list, String code) {
        if (code == null) return "";
        Term term = lists.computeIfAbsent(list, l -> vocabularies.terms(l).stream()
                .collect(Collectors.toMap(Term::code, Function.identity()))).get(code);
        return term == null ? code : term.label(LocaleContextHolder.getLocale());
    }

    public String labels(String list, List<String> codes) {
        return codes == null ? "" : String.join(", ", codes.stream().map(c -> label(list, c)).toList());
    }
}
