package org.aigaq.justice;

/**
 * An interrogation in a place that is not an officially registered one (an office, a car, a flat): violated when any
 * interrogation is marked so; respected when every interrogation is in a registered place; otherwise unknown.
 */
public class InterrogationInUnregisteredPlace implements SafeguardRule {

    @Override
    public SafeguardCheck check(Episode episode, Jurisdiction jurisdiction) {
        Threshold threshold = threshold(jurisdiction);
        var interrogations = episode.all(MomentKind.INTERROGATION);
        var unregistered = interrogations.stream().filter(m -> Boolean.FALSE.equals(m.registeredPlace())).findFirst();
        if (unregistered.isPresent()) {
            return new SafeguardCheck(name(), SafeguardCheck.Status.VIOLATED, null, null, unregistered.get().id(), threshold.source());
        }
        boolean allRegistered = !interrogations.isEmpty() && interrogations.stream().allMatch(m -> Boolean.TRUE.equals(m.registeredPlace()));
        return new SafeguardCheck(name(), allRegistered ? SafeguardCheck.Status.RESPECTED : SafeguardCheck.Status.UNKNOWN,
                null, null, null, threshold.source());
    }
}
