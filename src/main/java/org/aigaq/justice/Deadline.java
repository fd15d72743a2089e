package org.aigaq.justice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;

/** A deadline of a jurisdiction: it runs from the start of a stage (or a UN decision) for so many days. */
public record Deadline(String code, String appliesTo, int days, @JsonIgnore Map<String, String> sources) {

    public String messageKey() {
        return "justice.deadline." + code;
    }

    /** The rule that sets the deadline, in the user's language (English when it has no translation). */
    @JsonProperty("source")
    public String source() {
        return sources.getOrDefault(LocaleContextHolder.getLocale().getLanguage(), sources.get("en"));
    }
}
