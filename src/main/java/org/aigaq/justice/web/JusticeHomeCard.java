package org.aigaq.justice.web;

import java.util.EnumSet;
import java.util.Optional;
import org.aigaq.justice.Complaints;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.HomeCard;
import org.springframework.stereotype.Component;

/** The home page's card of the justice pipeline: the organisation's cases past a deadline, the longest overdue first. */
@Component
class JusticeHomeCard implements HomeCard {

    private static final EnumSet<Role> CASE_WORKERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR);

    private final Complaints complaints;

    JusticeHomeCard(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "justice/home-card";
    }

    @Override
    public Optional<?> data(SignedInUser user) {
        if (CASE_WORKERS.stream().noneMatch(user::has)) return Optional.empty();
        return Optional.of(complaints.overdue(null, 5));
    }
}
