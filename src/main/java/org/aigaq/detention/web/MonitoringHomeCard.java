package org.aigaq.detention.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.aigaq.detention.MonitorsRecommendation;
import org.aigaq.detention.MonitorsRecommendations;
import org.aigaq.detention.Visit;
import org.aigaq.detention.VisitStatus;
import org.aigaq.detention.Visits;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.HomeCard;
import org.springframework.stereotype.Component;

/**
 * The home page's card of monitoring: visits still waiting for the authorities' approval (with the days waited) and
 * recommendations whose response is overdue.
 */
@Component
class MonitoringHomeCard implements HomeCard {

    /** What waits: requests unanswered, responses overdue, and whether the user plans visits. */
    record Monitoring(List<Visit> awaitingApproval, boolean moreAwaiting, List<MonitorsRecommendation> overdue,
                      boolean moreOverdue, boolean plansVisits) {}

    private static final EnumSet<Role> READERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER,
            Role.MONITOR, Role.ANALYST);

    private final Visits visits;
    private final MonitorsRecommendations recommendations;

    MonitoringHomeCard(Visits visits, MonitorsRecommendations recommendations) {
        this.visits = visits;
        this.recommendations = recommendations;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String template() {
        return "detention/home-card";
    }

    @Override
    public Optional<?> data(SignedInUser user) {
        if (READERS.stream().noneMatch(user::has)) return Optional.empty();
        var awaiting = visits.list(new Visits.Filter(VisitStatus.REQUESTED, null, null, null, null, null, null), null, 5);
        var overdue = recommendations.overdue(null, 5);
        return Optional.of(new Monitoring(awaiting.visits(), awaiting.nextAfter() != null, overdue.recommendations(),
                overdue.nextAfter() != null, user.has(Role.COORDINATOR) || user.has(Role.MONITOR)));
    }
}
