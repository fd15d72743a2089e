package org.aigaq.documentation.exchange;

import java.util.List;
import org.aigaq.platform.tabular.CsvDetection;
import org.aigaq.platform.tabular.FileBytes;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.UploadedFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an uploaded file of cases is, found by reading it once: JSON when its first character (after a byte-order
 * mark and white space) is '[' or '{', else CSV, read as {@link CsvDetection} says.
 */
record Detection(ImportFormat format, TextEncoding encoding, TextEncoding detectedEncoding, Separator separator,
                 List<String> columns) {

    /** Reads the file; each of {@code format}, {@code encoding}, {@code separator} overrides detection when given. */
    static Detection of(UploadedFile file, ImportFormat format, TextEncoding encoding, Separator separator, JsonMapper json) {
        FileBytes bytes = FileBytes.of(file);
        TextEncoding detected = bytes.proposedEncoding();
        ImportFormat chosenFormat = format != null ? format : bytes.looksLikeJson() ? ImportFormat.JSON : ImportFormat.CSV;
        if (chosenFormat == ImportFormat.JSON) {
            // JSON is UTF-8 (RFC 8259); the parser says where it is not.
            return new Detection(ImportFormat.JSON, TextEncoding.UTF_8, detected, null, JsonTable.columnsOf(file, json));
        }
        var csv = CsvDetection.of(file, detected, encoding, separator);
        return new Detection(ImportFormat.CSV, csv.encoding(), csv.detectedEncoding(), csv.separator(), csv.columns());
    }
}
