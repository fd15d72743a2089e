package org.aigaq.justice;

import java.util.List;

/** A kind of step of the justice pipeline, with the fields (of {@link StepDraft}) it uses besides date, body and document. */
public enum StepType {
    COMPLAINT_FILED("filedBy", "addressee"),
    REGISTERED(),
    INQUIRY_OPENED("bodyKind", "bodyOfAccusedAgency"),
    REFUSAL("reasons"),
    REFUSAL_APPEALED("outcome"),
    REFUSAL_QUASHED("reasons"),
    CASE_OPENED("bodyKind", "bodyOfAccusedAgency", "article", "articlePart", "codeVersion"),
    CASE_CLOSED("reasons"),
    CHARGES_CHANGED("article", "articlePart", "codeVersion", "reasons"),
    SUSPECTS_IDENTIFIED("suspects", "suspendedFromDuty"),
    SENT_TO_COURT("article", "articlePart", "codeVersion"),
    VERDICT("outcome", "article", "articlePart", "codeVersion"),
    SENTENCE("sentenceKind", "sentenceMonths", "sentenceSuspended", "fineAmount", "currency", "banFromOffice"),
    EXEMPTION("exemption", "reasons"),
    APPEAL("outcome", "reasons"),
    CASSATION("outcome", "reasons"),
    CIVIL_CLAIM("respondent", "claimedAmount", "awardedAmount", "currency", "outcome", "paid"),
    UN_COMMUNICATION("committee", "communicationNumber", "decisionDate", "violationsFound", "remedy", "deadline", "implementation"),
    UN_FOLLOW_UP("communicationNumber", "implementation"),
    REPRISAL("target", "reasons"),
    PROCEDURAL_REQUEST("requestKind", "outcome", "reasons");

    private final List<String> fields;

    StepType(String... fields) {
        this.fields = List.of(fields);
    }

    /** The fields of this kind of step, besides the ones every step has. */
    public List<String> fields() {
        return fields;
    }

    public boolean uses(String field) {
        return fields.contains(field);
    }

    public String messageKey() {
        return "justice.step." + name();
    }
}
