package org.aigaq.statistics;

import java.util.Locale;

/** What an official figure counts: the steps of prosecution, sentences by range, and the court's torture allegations. */
public enum Measure {
    COMPLAINTS, CASES_OPENED, SENT_TO_COURT, CONVICTED,
    SENTENCED_FINE, SENTENCED_SUSPENDED, SENTENCED_PRISON_UP_TO_5, SENTENCED_PRISON_OVER_5,
    ENDED_AMNESTY, ENDED_RECONCILIATION,
    ALLEGATIONS_WRITTEN, ALLEGATIONS_ORAL, ALLEGATIONS_CONFIRMED, ALLEGATIONS_UNSUBSTANTIATED;

    public String messageKey() {
        return "statistics.measure." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
