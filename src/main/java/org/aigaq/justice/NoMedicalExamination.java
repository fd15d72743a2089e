package org.aigaq.justice;

/**
 * No medical examination recorded although the person was released or transferred: a rule about absence, so a
 * missing examination is a violation once the episode shows the person left; before that it is unknown.
 */
public class NoMedicalExamination implements SafeguardRule {

    @Override
    public SafeguardCheck check(Episode episode, Jurisdiction jurisdiction) {
        Threshold threshold = threshold(jurisdiction);
        var examination = episode.first(MomentKind.MEDICAL_EXAMINATION);
        if (examination.isPresent()) {
            return new SafeguardCheck(name(), SafeguardCheck.Status.RESPECTED, null, null, examination.get().id(), threshold.source());
        }
        var left = episode.first(MomentKind.RELEASED).or(() -> episode.first(MomentKind.TRANSFER));
        return new SafeguardCheck(name(), left.isPresent() ? SafeguardCheck.Status.VIOLATED : SafeguardCheck.Status.UNKNOWN,
                null, null, left.map(Moment::id).orElse(null), threshold.source());
    }
}
