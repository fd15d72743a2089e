package org.aigaq.detention;

import java.util.List;

/**
 * A visit with everything recorded on it, as the reader may see it: without the team and the people interviewed for
 * readers who do not work with people ({@code peopleShown} false).
 */
public record VisitFile(Visit visit, boolean peopleShown, boolean writable, List<TeamMember> team,
                        List<Obstruction> obstructions, List<Interviewee> interviewees, List<Finding> findings,
                        List<MonitorsRecommendation> recommendations) {}
