package org.aigaq.platform.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A figure defined once: its code, what it counts over what (message keys of the numerator and the denominator, so
 * the definition is shown beside the number in the reader's language), and how it is rounded. Filters and the "as
 * of" day are the caller's: the same definition is evaluated over whatever set of records they select.
 */
public record Indicator(String code, String numeratorKey, String denominatorKey, int decimals) {

    public Indicator {
        if (decimals < 0 || decimals > 4) throw new IllegalArgumentException("decimals " + decimals);
    }

    /** The indicator over these counts; a share of nothing is no figure (null), never 0 %. */
    public Ratio of(long numerator, long denominator) {
        BigDecimal percent = denominator == 0 ? null
                : BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP);
        return new Ratio(this, numerator, denominator, percent);
    }

    public String messageKey() {
        return "indicator." + code;
    }
}
