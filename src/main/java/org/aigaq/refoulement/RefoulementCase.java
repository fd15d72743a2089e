package org.aigaq.refoulement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.Sharing;

/**
 * A non-refoulement case as the current user may see it: the person's name only for those entitled to identities,
 * else the pseudonym; free texts left out for published (anonymised) readers.
 */
public record RefoulementCase(long id, long organisationId, Sharing sharing, Long personId, String pseudonym,
                              String personName, String nationality, String requestingState, LegalBasis legalBasis,
                              String convention, String riskAssessment, String riskEvidence, Outcome outcome,
                              List<Event> events, List<RemovedEvent> removedEvents, boolean changeable, Instant createdAt,
                              Instant updatedAt) {

    /** An event removed from the timeline by mistake: what it was, when and by whom it was removed, and why. */
    public record RemovedEvent(long id, Kind kind, LocalDate date, Instant removedAt, String removedBy, String reason) {}

    /** On what ground the person is to be sent away. */
    public enum LegalBasis { EXTRADITION_REQUEST, REGIONAL_CONVENTION, DEPORTATION, OTHER }

    /** Where the case stands: set by the latest removal, release or protection on the timeline. */
    public enum Outcome { PENDING, EXTRADITED, DEPORTED, RELEASED, PROTECTION_GRANTED }

    /** What happened on a date. */
    public enum Kind { ASYLUM_APPLICATION, ASYLUM_DECISION, EXTRADITION_DECISION, COURT_STAGE, INTERIM_MEASURES, REMOVAL,
        RELEASE, PROTECTION_GRANTED, FOLLOW_UP }

    /** The UN treaty body asked for interim measures: Committee against Torture or Human Rights Committee. */
    public enum Committee { CAT, HRC }

    /** How the person was removed. */
    public enum Removal { EXTRADITED, DEPORTED }

    /** One dated event of the timeline; the fields that do not belong to its kind are null. */
    public record Event(long id, Kind kind, LocalDate date, String court, String instance, String decision,
                        Committee committee, Boolean respected, Removal removal, String note) {}

    public String reference() {
        return "NR-" + id;
    }

    /** Interim measures were requested and at least one request was not respected. */
    @com.fasterxml.jackson.annotation.JsonProperty("interimMeasuresBreached")
    public boolean interimMeasuresBreached() {
        return events.stream().anyMatch(e -> e.kind() == Kind.INTERIM_MEASURES && Boolean.FALSE.equals(e.respected()));
    }
}
