package org.aigaq.justice;

import java.time.Duration;

/**
 * A safeguard due within a time of actual apprehension: violated when the first moment of its kind comes later than
 * the threshold (exactly the threshold is in time), unknown when either time is missing.
 */
abstract class DelayAfterApprehension implements SafeguardRule {

    private final MomentKind due;

    DelayAfterApprehension(MomentKind due) {
        this.due = due;
    }

    @Override
    public SafeguardCheck check(Episode episode, Jurisdiction jurisdiction) {
        Threshold threshold = threshold(jurisdiction);
        var apprehended = episode.first(MomentKind.APPREHENDED);
        var moment = episode.first(due);
        if (apprehended.isEmpty() || moment.isEmpty()) {
            return new SafeguardCheck(name(), SafeguardCheck.Status.UNKNOWN, null, threshold.limit(),
                    moment.map(Moment::id).orElse(null), threshold.source());
        }
        Duration delay = Duration.between(apprehended.get().at(), moment.get().at());
        var status = delay.compareTo(threshold.limit()) > 0 ? SafeguardCheck.Status.VIOLATED : SafeguardCheck.Status.RESPECTED;
        return new SafeguardCheck(name(), status, delay, threshold.limit(), moment.get().id(), threshold.source());
    }
}
