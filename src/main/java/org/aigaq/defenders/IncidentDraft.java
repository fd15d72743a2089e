package org.aigaq.defenders;

import java.util.List;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;

/** What a user enters to record a threat to a defender: a documentation person or a group described, never both. */
public record IncidentDraft(FuzzyDate date, String city, String region, Long personId, String groupDescription,
                            String targetGroup, List<String> threatTypes, Boolean perpetratorIdentified,
                            DefenderIncident.PerpetratorKind perpetratorKind, String perpetratorDescription,
                            Long linkedEventId, Boolean unCooperation, String workDescription, Boolean complaintFiled,
                            Boolean investigationOpened, Boolean protectionMeasures, String response,
                            String responseOutcome, Sharing sharing) {

    public IncidentDraft {
        threatTypes = threatTypes == null ? List.of() : threatTypes.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        perpetratorIdentified = Boolean.TRUE.equals(perpetratorIdentified);
        perpetratorKind = perpetratorKind == null ? DefenderIncident.PerpetratorKind.UNKNOWN : perpetratorKind;
        unCooperation = Boolean.TRUE.equals(unCooperation);
        complaintFiled = Boolean.TRUE.equals(complaintFiled);
        investigationOpened = Boolean.TRUE.equals(investigationOpened);
        protectionMeasures = Boolean.TRUE.equals(protectionMeasures);
        sharing = sharing == null ? Sharing.ORGANISATION : sharing;
    }
}
