package org.aigaq.recommendations.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.aigaq.platform.HomeCard;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.recommendations.RecommendationDashboard;
import org.springframework.stereotype.Component;

/** The home page's card of the user's reminders: follow-up items they answer for, overdue or due within N days. */
@Component
class RemindersHomeCard implements HomeCard {

    /** The reminders and the number of days they look ahead. */
    record Reminders(List<RecommendationDashboard.FollowUp> items, int days) {}

    private static final EnumSet<Role> READERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER,
            Role.MONITOR, Role.ANALYST);

    private final RecommendationDashboard dashboard;

    RemindersHomeCard(RecommendationDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String template() {
        return "recommendations/home-card";
    }

    /** Shown only to a user who has reminders, so that the others' home stays as it was. */
    @Override
    public Optional<?> data(SignedInUser user) {
        if (READERS.stream().noneMatch(user::has)) return Optional.empty();
        var items = dashboard.reminders(null);
        return items.isEmpty() ? Optional.empty() : Optional.of(new Reminders(items, dashboard.reminderDays()));
    }
}
