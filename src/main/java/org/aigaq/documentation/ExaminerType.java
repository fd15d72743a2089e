package org.aigaq.documentation;

/** Who examined the victim: the examiner's independence matters to how much the findings weigh. */
public enum ExaminerType {
    OFFICIAL_FORENSIC, DETENTION_DOCTOR, INDEPENDENT, OTHER;

    public String messageKey() {
        return "medical.examiner." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
