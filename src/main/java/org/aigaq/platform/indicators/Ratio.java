package org.aigaq.platform.indicators;

import java.math.BigDecimal;

/** An indicator's value over one set of records: the two counts and the share in per cent (null over nothing). */
public record Ratio(Indicator indicator, long numerator, long denominator, BigDecimal percent) {
}
