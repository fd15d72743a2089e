package org.aigaq.platform.tabular;

import java.util.List;

/**
 * One thing wrong in a file: the row (as a spreadsheet numbers it, the header being row 1; for JSON the record's
 * place in the list, 1 for the first; 0 for the whole file), the column's name when there is one, and the reason as
 * a message key with its arguments, shown in the reader's language.
 */
public record ImportProblem(long row, String column, String messageKey, List<Object> arguments) {

    public ImportProblem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments.stream().map(a -> a == null ? "" : a).toList());
    }

    /** The row as text, so that pages show "4525" and not "4,525". */
    public String rowNumber() {
        return row > 0 ? String.valueOf(row) : "";
    }

    public Object[] messageArguments() {
        return arguments.toArray();
    }
}
