package org.aigaq.documentation.exchange;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.i18n.Languages;
import org.aigaq.platform.vocabulary.TermProposals;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.context.MessageSource;

/**
 * Proposes what a value of the file stands for: the term whose code is the value, or whose label in any language
 * equals it (case and 'ё'/'е' aside), or whose HURIDOCS code it is; for precisions and sharing levels, the name or
 * the label in any of Aigaq's languages. Built once per import: the lists are read when a field first needs them.
 */
final class ValueMatcher {

    private final TermProposals terms;
    private final MessageSource messages;
    private final Map<ImportField, Map<String, String>> known = new EnumMap<>(ImportField.class);

    ValueMatcher(Vocabularies vocabularies, MessageSource messages) {
        this.terms = new TermProposals(vocabularies);
        this.messages = messages;
    }

    /** The code proposed for the value, or null when nothing matches. */
    String match(ImportField field, String value) {
        if (value == null || value.isBlank()) return null;
        if (field.kind() == ImportField.Kind.TERM || field.kind() == ImportField.Kind.TERMS) {
            return terms.match(field.vocabulary(), value);
        }
        return known.computeIfAbsent(field, this::load).get(normalised(value));
    }

    private Map<String, String> load(ImportField field) {
        var codes = new HashMap<String, String>();
        switch (field.kind()) {
            case PRECISION -> {
                for (DatePrecision p : DatePrecision.values()) codes.put(normalised(p.name()), p.name());
                for (DatePrecision p : DatePrecision.values()) labels(p.messageKey(), p.name(), codes);
            }
            case SHARING -> {
                for (Sharing s : Sharing.values()) codes.put(normalised(s.name()), s.name());
                for (Sharing s : Sharing.values()) labels(s.messageKey(), s.name(), codes);
            }
            default -> { }
        }
        return codes;
    }

    private void labels(String key, String code, Map<String, String> codes) {
        for (Locale language : Languages.SUPPORTED) {
            codes.putIfAbsent(normalised(messages.getMessage(key, null, key, language)), code);
        }
    }

    static String normalised(String value) {
        return TermProposals.normalised(value);
    }
}
