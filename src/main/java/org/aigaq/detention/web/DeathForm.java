package org.aigaq.detention.web;

import java.time.LocalDate;
import java.util.List;
import org.aigaq.detention.DeathDraft;
import org.aigaq.detention.DeathInCustody;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;
import org.springframework.format.annotation.DateTimeFormat;

/** The form of a death in custody as the browser sends it; yes/no questions come as "yes", "no" or empty (not known). */
record DeathForm(Long personId, Long placeId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 DatePrecision precision, String officialCause, String manner, String officialAccount,
                 String allegedCause, String familyAccount, String autopsy, String autopsyFindings,
                 String certificateIssued, String certificateCause, String familyInformed,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate familyInformedOn, String bodyReturned,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bodyReturnedOn, String bodyCondition,
                 String investigatedBy, String investigationArticle, String investigationOutcome,
                 String investigationNotes, Sharing sharing) {

    static final DeathForm EMPTY = new DeathForm(null, null, null, DatePrecision.EXACT, null, null, null, null, null,
            null, null, "", null, "", null, "", null, null, null, null, null, null, Sharing.ORGANISATION);

    DeathDraft draft(List<Long> linkedEventIds) {
        return new DeathDraft(personId, placeId,
                new FuzzyDate(date, date == null ? DatePrecision.UNKNOWN : precision == null ? DatePrecision.EXACT : precision),
                officialCause, manner, officialAccount, allegedCause, familyAccount, autopsy, autopsyFindings,
                answer(certificateIssued), certificateCause, answer(familyInformed), familyInformedOn, answer(bodyReturned),
                bodyReturnedOn, bodyCondition, investigatedBy, investigationArticle, investigationOutcome,
                investigationNotes, linkedEventIds, sharing);
    }

    static DeathForm of(DeathInCustody d) {
        return new DeathForm(d.person() == null ? null : d.person().id(), d.placeId(), d.date().date(), d.date().precision(),
                d.officialCause(), d.manner(), d.officialAccount(), d.allegedCause(), d.familyAccount(), d.autopsy(),
                d.autopsyFindings(), said(d.certificateIssued()), d.certificateCause(), said(d.familyInformed()),
                d.familyInformedOn(), said(d.bodyReturned()), d.bodyReturnedOn(), d.bodyCondition(), d.investigatedBy(),
                d.investigationArticle(), d.investigationOutcome(), d.investigationNotes(), d.sharing());
    }

    private static Boolean answer(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    private static String said(Boolean value) {
        return value == null ? "" : value ? "yes" : "no";
    }
}
