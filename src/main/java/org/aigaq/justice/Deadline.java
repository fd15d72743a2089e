package org.aigaq.justice;

/** A deadline of a jurisdiction: it runs from the start of a stage (or a UN decision) for so many days. */
public record Deadline(String code, String appliesTo, int days, String source) {

    public String messageKey() {
        return "justice.deadline." + code;
    }
}
