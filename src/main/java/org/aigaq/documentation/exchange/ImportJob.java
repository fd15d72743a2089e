package org.aigaq.documentation.exchange;

import java.time.Instant;
import java.util.List;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.Separator;

/**
 * An uploaded file and what has been done with it: how it is read (format, encoding, separator), its columns, the
 * mapping, where it stands, and the outcome of the last dry run or run.
 */
public record ImportJob(long id, long userId, long organisationId, boolean fileKept, long fileSize, String sha256,
                        ImportFormat format, TextEncoding encoding, TextEncoding detectedEncoding, Separator separator,
                        List<String> columns, ImportMapping mapping, ImportStatus status, ImportOutcome outcome,
                        Instant createdAt) {

    public ImportJob {
        columns = List.copyOf(columns);
    }
}
