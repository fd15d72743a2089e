package org.aigaq.defenders;

import java.time.Instant;
import java.util.List;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;

/**
 * A threat to a human-rights defender as the current user may see it: the person's name only for those entitled to
 * identities, else the pseudonym; free texts left out for published (anonymised) readers.
 */
public record DefenderIncident(long id, long organisationId, Sharing sharing, FuzzyDate date, String city, String region,
                               Long personId, String pseudonym, String personName, String groupDescription,
                               String targetGroup, List<String> threatTypes, boolean perpetratorIdentified,
                               PerpetratorKind perpetratorKind, String perpetratorDescription, Long linkedEventId,
                               boolean unCooperation, String workDescription, boolean complaintFiled,
                               boolean investigationOpened, boolean protectionMeasures, String response,
                               String responseOutcome, boolean changeable, Instant createdAt, Instant updatedAt) {

    /** Who carried out the threat, as far as known. */
    public enum PerpetratorKind { STATE, NON_STATE, UNKNOWN }

    public String reference() {
        return "HRD-" + id;
    }

    /** Cooperation with the UN makes the incident a reprisal. */
    @com.fasterxml.jackson.annotation.JsonProperty("reprisal")
    public boolean reprisal() {
        return unCooperation;
    }
}
