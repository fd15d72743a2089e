package org.aigaq.documentation.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.aigaq.documentation.Event;
import org.aigaq.documentation.Events;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.HomeCard;
import org.springframework.stereotype.Component;

/** The home page's card of cases: the newest the user may see, and where to record, import or search them. */
@Component
class CasesHomeCard implements HomeCard {

    /** The newest cases, and whether the user records cases. */
    record Cases(List<Event> newest, boolean caseWorker) {}

    private static final EnumSet<Role> READERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER,
            Role.MONITOR, Role.ANALYST, Role.VIEWER);
    private static final EnumSet<Role> CASE_WORKERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR);

    private final Events events;

    CasesHomeCard(Events events) {
        this.events = events;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String template() {
        return "documentation/home-card";
    }

    @Override
    public Optional<?> data(SignedInUser user) {
        if (READERS.stream().noneMatch(user::has)) return Optional.empty();
        return Optional.of(new Cases(events.list(Events.Filter.none(), null, 5).events(),
                CASE_WORKERS.stream().anyMatch(user::has)));
    }
}
