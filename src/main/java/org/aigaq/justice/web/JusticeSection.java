package org.aigaq.justice.web;

import org.aigaq.justice.Complaints;
import org.aigaq.justice.DetentionEpisodes;
import org.springframework.stereotype.Component;

/**
 * For the case page (which belongs to documentation and does not know about justice): the case's stage, how long it
 * has been there, its overdue deadlines, flags and safeguard violations, and the link to its justice page.
 */
@Component("justiceSection")
public class JusticeSection {

    /** What the case page shows of the justice part. */
    public record View(Complaints.ComplaintFile file, long overdue, long violations) {}

    private final Complaints complaints;
    private final DetentionEpisodes episodes;

    JusticeSection(Complaints complaints, DetentionEpisodes episodes) {
        this.complaints = complaints;
        this.episodes = episodes;
    }

    public View of(long eventId) {
        var file = complaints.file(eventId);
        long overdue = file.deadlines().stream().filter(Complaints.DueDate::overdue).count();
        long violations = episodes.of(eventId).stream().mapToLong(DetentionEpisodes.Audited::violations).sum();
        return new View(file, overdue, violations);
    }
}
