package org.aigaq.reports;

import java.util.List;
import java.util.Locale;

/** A report's starting outline: its topics in order, each a section of the new report. */
public enum Template {
    /** The alternative report to a periodic review: every topic, in the order of the Convention's articles. */
    PERIODIC_REVIEW(List.of(Topic.values())),
    /** The follow-up to the Committee's concluding observations: the points it usually asks back within a year. */
    FOLLOW_UP(List.of(Topic.SAFEGUARDS, Topic.OVERSIGHT, Topic.IMPUNITY, Topic.REDRESS)),
    /** A report that starts with no section. */
    BLANK(List.of());

    private final List<Topic> topics;

    Template(List<Topic> topics) {
        this.topics = topics;
    }

    public List<Topic> topics() {
        return topics;
    }

    public String messageKey() {
        return "reports.template." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
