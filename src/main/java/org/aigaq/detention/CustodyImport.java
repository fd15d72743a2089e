package org.aigaq.detention;

import java.util.List;
import java.util.Map;
import org.aigaq.platform.tabular.ImportProblem;

/**
 * An uploaded spreadsheet of deaths or self-harm incidents and where its import stands: the columns found, which
 * column each field is read from, which term each spelling found stands for (proposed, then confirmed or corrected),
 * and the problems of the last dry run or run by row and column.
 */
public record CustodyImport(long id, CustodyImportField.Kind kind, String status, List<String> columns,
                            Map<String, String> mapping, Map<String, Map<String, String>> values, Integer rowsRead,
                            Integer records, Integer problemCount, List<ImportProblem> problems) {

    /** The fields of this import, in order. */
    public List<CustodyImportField> fields() {
        return CustodyImportField.of(kind);
    }
}
