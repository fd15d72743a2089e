package org.aigaq.justice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A step of the justice pipeline as the user gives it: its type and date, the acting body and the document, and the
 * fields its type uses ({@link StepType#fields()}); the others stay empty.
 */
public record StepDraft(StepType stepType, LocalDate occurredOn, Long actId, String actingBody, String bodyKind,
                        Boolean bodyOfAccusedAgency, String documentReference, LocalDate documentDate, String filedBy,
                        String addressee, String reasons, String outcome, String article, String articlePart,
                        String codeVersion, Integer suspects, Boolean suspendedFromDuty, String sentenceKind,
                        Integer sentenceMonths, Boolean sentenceSuspended, BigDecimal fineAmount, Boolean banFromOffice,
                        String exemption, BigDecimal claimedAmount, BigDecimal awardedAmount, String currency,
                        String respondent, Boolean paid, String committee, String communicationNumber,
                        LocalDate decisionDate, String violationsFound, String remedy, LocalDate deadline,
                        String implementation, String target, String requestKind, String notes) {

    /** A draft of the given type and date with every other field empty, for tests and for building up. */
    public static StepDraft of(StepType type, LocalDate on) {
        return new StepDraft(type, on, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** The value of a field by name, as the user gave it (for forms and checks). */
    public Object value(String field) {
        return switch (field) {
            case "actingBody" -> actingBody; case "bodyKind" -> bodyKind; case "bodyOfAccusedAgency" -> bodyOfAccusedAgency;
            case "documentReference" -> documentReference; case "documentDate" -> documentDate; case "filedBy" -> filedBy;
            case "addressee" -> addressee; case "reasons" -> reasons; case "outcome" -> outcome; case "article" -> article;
            case "articlePart" -> articlePart; case "codeVersion" -> codeVersion; case "suspects" -> suspects;
            case "suspendedFromDuty" -> suspendedFromDuty; case "sentenceKind" -> sentenceKind;
            case "sentenceMonths" -> sentenceMonths; case "sentenceSuspended" -> sentenceSuspended;
            case "fineAmount" -> fineAmount; case "banFromOffice" -> banFromOffice; case "exemption" -> exemption;
            case "claimedAmount" -> claimedAmount; case "awardedAmount" -> awardedAmount; case "currency" -> currency;
            case "respondent" -> respondent; case "paid" -> paid; case "committee" -> committee;
            case "communicationNumber" -> communicationNumber; case "decisionDate" -> decisionDate;
            case "violationsFound" -> violationsFound; case "remedy" -> remedy; case "deadline" -> deadline;
            case "implementation" -> implementation; case "target" -> target; case "requestKind" -> requestKind;
            case "notes" -> notes;
            default -> throw new IllegalArgumentException("no field " + field);
        };
    }
}
