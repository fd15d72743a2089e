package org.aigaq.justice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;

/** How long a custodial safeguard may take in a jurisdiction, and the standard that says so. */
public record Threshold(String rule, Duration limit, @JsonIgnore Map<String, String> sources) {

    /** The standard, in the user's language (English when it has no translation). */
    @JsonProperty("source")
    public String source() {
        return sources.getOrDefault(LocaleContextHolder.getLocale().getLanguage(), sources.get("en"));
    }
}
