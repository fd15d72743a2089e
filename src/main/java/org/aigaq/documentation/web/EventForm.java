package org.aigaq.documentation.web;

import java.time.LocalDate;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.Event;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;
import org.springframework.format.annotation.DateTimeFormat;

/** The event form as the browser sends it. */
public record EventForm(String title, String description,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate initialDate, DatePrecision initialPrecision,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, DatePrecision endPrecision,
                        Long placeId, String locationType, String region, String locationDescription,
                        String violationStatus, String monitoringStatus,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateReceived, Sharing sharing) {

    static EventForm empty() {
        return new EventForm("", "", null, DatePrecision.EXACT, null, DatePrecision.EXACT, null, "", "", "", "", "",
                LocalDate.now(), Sharing.ORGANISATION);
    }

    static EventForm of(Event e) {
        return new EventForm(e.title(), e.description(), e.initial().date(), e.initial().precision(),
                e.end() == null ? null : e.end().date(), e.end() == null ? DatePrecision.EXACT : e.end().precision(),
                e.placeId(), e.locationType(), e.region(), e.locationDescription(), e.violationStatus(),
                e.monitoringStatus(), e.dateReceived(), e.sharing());
    }

    EventDraft draft() {
        return new EventDraft(title, description,
                new FuzzyDate(initialDate, initialDate == null ? DatePrecision.UNKNOWN : initialPrecision),
                endDate == null ? null : new FuzzyDate(endDate, endPrecision), placeId, locationType, region,
                locationDescription, violationStatus, monitoringStatus, dateReceived,
                sharing == null ? Sharing.ORGANISATION : sharing);
    }
}
