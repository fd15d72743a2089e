package org.aigaq.justice.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aigaq.justice.Explanations;
import org.aigaq.platform.InvalidInput;

/** The errors of the justice form that failed, for templates: which form, and each field's message in words. */
public record FormErrors(String form, Map<String, String> messages) {

    static final FormErrors NONE = new FormErrors(null, Map.of());

    static FormErrors of(String form, InvalidInput invalid, Explanations explanations) {
        var messages = new LinkedHashMap<String, String>();
        for (var v : invalid.violations()) messages.putIfAbsent(v.field(), explanations.message(v.messageKey(), v.arguments()));
        return new FormErrors(form, messages);
    }

    public boolean has(String form, String field) {
        return java.util.Objects.equals(this.form, form) && messages.containsKey(field);
    }

    public String message(String field) {
        return messages.get(field);
    }

    public boolean any(String form) {
        return java.util.Objects.equals(this.form, form) && !messages.isEmpty();
    }
}
