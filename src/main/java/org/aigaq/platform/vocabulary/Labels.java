package org.aigaq.platform.vocabulary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A term's or a list's labels by language, as stored (a JSON object) and as shown (one language, else English). */
@Component
class Labels {

    /** The languages a label may be in: Aigaq's three, and the French and Spanish of HURIDOCS. */
    static final List<String> LANGUAGES = List.of("en", "ru", "kk", "fr", "es");
    /** The languages every label of Aigaq's own lists must have. */
    static final List<String> REQUIRED = List.of("en", "ru", "kk");

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final JsonMapper json;

    Labels(JsonMapper json) {
        this.json = json;
    }

    Map<String, String> read(String stored) {
        return ordered(json.readValue(stored, MAP));
    }

    String write(Map<String, String> labels) {
        return json.writeValueAsString(ordered(labels));
    }

    /** The labels without blank ones, in a stable order (English, Russian, Kazakh, French, Spanish), unmodifiable. */
    static Map<String, String> ordered(Map<String, String> labels) {
        var ordered = new LinkedHashMap<String, String>();
        var others = new TreeMap<String, String>();
        for (String language : LANGUAGES) {
            String label = labels.get(language);
            if (label != null && !label.isBlank()) ordered.put(language, label.strip());
        }
        labels.forEach((language, label) -> {
            if (!LANGUAGES.contains(language) && label != null && !label.isBlank()) others.put(language, label.strip());
        });
        ordered.putAll(others);
        return Collections.unmodifiableMap(ordered);
    }

    /** The language a label is shown in: the one asked for when there is a label in it, else English. */
    static String languageShown(Map<String, String> labels, Locale locale) {
        return labels.containsKey(locale.getLanguage()) ? locale.getLanguage() : "en";
    }

    static String shown(Map<String, String> labels, Locale locale, String otherwise) {
        String label = labels.get(languageShown(labels, locale));
        return label == null ? otherwise : label;
    }
}
