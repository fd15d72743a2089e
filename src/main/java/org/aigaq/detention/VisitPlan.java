package org.aigaq.detention;

import java.time.LocalDate;
import java.util.List;

/** What a monitor enters to plan a visit or correct its plan: place, body, type, dates, purpose and team. */
public record VisitPlan(Long placeId, String body, String visitType, Boolean announced, Boolean crossRegional,
                        LocalDate plannedFrom, LocalDate plannedTo, String purpose, List<Long> teamUserIds,
                        List<String> outsideMembers) {

    public VisitPlan {
        announced = Boolean.TRUE.equals(announced);
        crossRegional = Boolean.TRUE.equals(crossRegional);
        teamUserIds = teamUserIds == null ? List.of() : List.copyOf(teamUserIds);
        outsideMembers = outsideMembers == null ? List.of() : outsideMembers.stream().filter(m -> m != null && !m.isBlank()).toList();
    }
}
