package org.aigaq.documentation.exchange;

import java.util.Locale;

/** Where an import stands. */
public enum ImportStatus {
    /** Uploaded; the mapping may be changed. */
    UPLOADED,
    /** The last dry run found no problem. */
    CHECKED,
    /** The last dry run or run found problems; nothing was recorded. */
    REFUSED,
    /** Recorded; the file is deleted. */
    IMPORTED,
    /** Left unfinished for a day; the file is deleted. */
    EXPIRED;

    public boolean closed() {
        return this == IMPORTED || this == EXPIRED;
    }

    public String messageKey() {
        return "exchange.status." + name().toLowerCase(Locale.ROOT);
    }
}
