package org.aigaq.documentation.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user chose: the field each column holds (a column absent or mapped to null is ignored) and, for fields
 * whose values come from a list, the code each value of the file stands for (an empty code leaves the field empty).
 * A value not mapped here is matched as {@link ValueMatcher} proposes, or reported.
 */
public record ImportMapping(Map<String, ImportField> columns, Map<ImportField, Map<String, String>> values) {

    public ImportMapping {
        columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        var copied = new LinkedHashMap<ImportField, Map<String, String>>();
        if (values != null) values.forEach((field, codes) -> {
            if (field != null && codes != null) copied.put(field, Collections.unmodifiableMap(new LinkedHashMap<>(codes)));
        });
        values = Collections.unmodifiableMap(copied);
    }

    public static ImportMapping none() {
        return new ImportMapping(Map.of(), Map.of());
    }

    /** The column that holds the field, or null. */
    public String columnOf(ImportField field) {
        return columns.entrySet().stream().filter(e -> e.getValue() == field).map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
