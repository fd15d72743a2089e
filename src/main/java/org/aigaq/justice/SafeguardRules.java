package org.aigaq.justice;

import java.util.List;

/** Every custodial safeguard Aigaq computes, in one place; both judicial-review rules are kept and shown. */
public final class SafeguardRules {

    public static final List<SafeguardRule> ALL = List.of(new RegistrationDelayed(), new LawyerLaterThan24Hours(),
            new JudicialReviewLaterThan48Hours(), new JudicialReviewLaterThan72Hours(), new RelativesNotNotifiedWithoutDelay(),
            new NoMedicalExamination(), new InterrogationInUnregisteredPlace());

    private SafeguardRules() {
    }

    public static List<SafeguardCheck> check(Episode episode, Jurisdiction jurisdiction) {
        return ALL.stream().map(r -> r.check(episode, jurisdiction)).toList();
    }
}
