package org.aigaq.recommendations;

import java.util.List;
import java.util.Locale;

/**
 * A field that a column of a recommendations file can give, with the heading it is written under in the export (and
 * recognised by, however it is spelt: "Document symbol", "document-symbol" and "DOCUMENT_SYMBOL" are one heading).
 */
public enum RecommendationField {
    SOURCE, DOCUMENT_SYMBOL, DOCUMENT_DATE, TEXT, PARAGRAPH, SUB_PARAGRAPH, THEMES, AUTHORITY, RECOMMENDING_STATE,
    STATE_RESPONSE, DUE_DATE;

    /** The fields a mapping must give. */
    public static final List<RecommendationField> REQUIRED = List.of(SOURCE, DOCUMENT_SYMBOL, DOCUMENT_DATE, TEXT);

    /** The heading of the export and of the columns recognised. */
    public String heading() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "recommendations.import.field." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The field a column of this heading gives, or null. */
    static RecommendationField named(String column) {
        String heading = column.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (var field : values()) if (field.heading().equals(heading)) return field;
        return null;
    }
}
