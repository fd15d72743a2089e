package org.aigaq.documentation.web;

import java.util.List;
import org.aigaq.platform.InvalidInput;
import org.springframework.ui.Model;

/**
 * The answer to the check of one field as the user types (htmx): the first thing the service's rules find wrong with
 * that field, in the user's language, or nothing. The rules are those of the save, so what passes here is accepted.
 */
final class FieldCheck {

    private FieldCheck() {}

    static String answer(List<InvalidInput.Violation> problems, String field, Model model) {
        model.addAttribute("problem", problems.stream().filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }
}
