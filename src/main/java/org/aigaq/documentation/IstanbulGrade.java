package org.aigaq.documentation;

/** The Istanbul Protocol's scale: how consistent a finding, or the whole evaluation, is with the alleged ill-treatment. */
public enum IstanbulGrade {
    NOT_CONSISTENT, CONSISTENT, HIGHLY_CONSISTENT, TYPICAL, DIAGNOSTIC;

    public String messageKey() {
        return "medical.grade." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
