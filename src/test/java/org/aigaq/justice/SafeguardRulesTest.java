package org.aigaq.justice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each custodial safeguard at its boundaries: exactly the threshold, a minute more, across zones, missing times. */
class SafeguardRulesTest {

    private static final Jurisdiction KZ = new Jurisdictions().get("KZ");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final List<Moment> moments = new ArrayList<>();

    private Moment moment(MomentKind kind, Instant at) {
        return moment(kind, at, ALMATY, null, null);
    }

    private Moment moment(MomentKind kind, Instant at, ZoneId zone, Boolean registered, Boolean injuries) {
        var m = new Moment(moments.size() + 1, 1, kind, at, zone, null, null, registered, null, null, null, injuries, null);
        moments.add(m);
        return m;
    }

    private SafeguardCheck check(SafeguardRule rule) {
        return rule.check(new Episode(1, 1, null, null, "KZ", null, List.copyOf(moments), "tester", Instant.now()), KZ);
    }

    private static Instant almaty(String local) {
        return LocalDateTime.parse(local).atZone(ALMATY).toInstant();
    }

    @Test
    void aLawyerAtExactly24HoursIsInTimeAMinuteLaterIsNot() {
        moment(MomentKind.APPREHENDED, almaty("2024-05-01T22:00"));
        moment(MomentKind.LAWYER_CONTACT, almaty("2024-05-02T22:00"));
        var exactly = check(new LawyerLaterThan24Hours());
        assertThat(exactly.status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
        assertThat(exactly.delay()).isEqualTo(Duration.ofHours(24));
        moments.removeLast();
        moment(MomentKind.LAWYER_CONTACT, almaty("2024-05-02T22:01"));
        var late = check(new LawyerLaterThan24Hours());
        assertThat(late.status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
        assertThat(late.delay()).isEqualTo(Duration.ofHours(24).plusMinutes(1));
        assertThat(late.threshold()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void timesEnteredInDifferentZonesAreComparedAsInstants() {
        // 10:00 in Almaty (UTC+5 since March 2024) is 08:00 in Moscow (UTC+3): a lawyer at 08:00 Moscow time the next
        // day is exactly 24 hours later, at 08:01 one minute too late.
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        moment(MomentKind.APPREHENDED, almaty("2024-06-10T10:00"));
        moment(MomentKind.LAWYER_CONTACT, LocalDateTime.parse("2024-06-11T08:00").atZone(moscow).toInstant(), moscow, null, null);
        assertThat(check(new LawyerLaterThan24Hours()).status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
        moments.removeLast();
        moment(MomentKind.LAWYER_CONTACT, LocalDateTime.parse("2024-06-11T08:01").atZone(moscow).toInstant(), moscow, null, null);
        assertThat(check(new LawyerLaterThan24Hours()).status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
    }

    @Test
    void kazakhstansMoveToUtcPlus5IsKnownAndHasNoDaylightSaving() {
        // Almaty was UTC+6 until 1 March 2024, UTC+5 since; it keeps no summer time.
        assertThat(ALMATY.getRules().getOffset(almaty("2024-01-15T12:00")).getTotalSeconds()).isEqualTo(6 * 3600);
        assertThat(ALMATY.getRules().getOffset(almaty("2024-07-15T12:00")).getTotalSeconds()).isEqualTo(5 * 3600);
        // Apprehended at 23:00 on 29 February 2024 (UTC+6), lawyer at 23:00 local on 1 March (UTC+5): 25 hours.
        moment(MomentKind.APPREHENDED, almaty("2024-02-29T23:00"));
        moment(MomentKind.LAWYER_CONTACT, almaty("2024-03-01T23:00"));
        var check = check(new LawyerLaterThan24Hours());
        assertThat(check.delay()).isEqualTo(Duration.ofHours(25));
        assertThat(check.status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
    }

    @Test
    void judicialReviewAt50HoursBreaksTheInternationalStandardButNotTheKazakhLaw() {
        moment(MomentKind.APPREHENDED, almaty("2024-05-01T10:00"));
        moment(MomentKind.JUDICIAL_REVIEW, almaty("2024-05-03T12:00"));
        assertThat(check(new JudicialReviewLaterThan48Hours()).status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
        assertThat(check(new JudicialReviewLaterThan72Hours()).status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
        moments.removeLast();
        moment(MomentKind.JUDICIAL_REVIEW, almaty("2024-05-04T10:00"));
        assertThat(check(new JudicialReviewLaterThan72Hours()).status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
        moments.removeLast();
        moment(MomentKind.JUDICIAL_REVIEW, almaty("2024-05-04T10:01"));
        assertThat(check(new JudicialReviewLaterThan72Hours()).status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
        moments.removeLast();
        moment(MomentKind.JUDICIAL_REVIEW, almaty("2024-05-03T10:00"));
        assertThat(check(new JudicialReviewLaterThan48Hours()).status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
    }

    @Test
    void registrationAndRelativesUseTheConfiguredThresholds() {
        moment(MomentKind.APPREHENDED, almaty("2024-05-01T10:00"));
        moment(MomentKind.ARREST_RECORDED, almaty("2024-05-01T13:00"));
        moment(MomentKind.RELATIVES_NOTIFIED, almaty("2024-05-01T22:00"));
        assertThat(check(new RegistrationDelayed()).status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
        assertThat(check(new RelativesNotNotifiedWithoutDelay()).status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
        moments.clear();
        moment(MomentKind.APPREHENDED, almaty("2024-05-01T10:00"));
        moment(MomentKind.ARREST_RECORDED, almaty("2024-05-01T13:01"));
        moment(MomentKind.RELATIVES_NOTIFIED, almaty("2024-05-01T22:01"));
        assertThat(check(new RegistrationDelayed()).status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
        assertThat(check(new RelativesNotNotifiedWithoutDelay()).status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
        assertThat(KZ.thresholds().get("RegistrationDelayed").limit()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void missingTimesAreUnknownNotViolations() {
        moment(MomentKind.LAWYER_CONTACT, almaty("2024-05-05T10:00"));
        assertThat(check(new LawyerLaterThan24Hours()).status()).isEqualTo(SafeguardCheck.Status.UNKNOWN);
        moments.clear();
        moment(MomentKind.APPREHENDED, almaty("2024-05-01T10:00"));
        for (SafeguardRule rule : SafeguardRules.ALL) {
            assertThat(check(rule).status()).as(rule.name()).isEqualTo(SafeguardCheck.Status.UNKNOWN);
        }
    }

    @Test
    void noMedicalExaminationIsAViolationOnlyOnceThePersonLeft() {
        moment(MomentKind.APPREHENDED, almaty("2024-05-01T10:00"));
        assertThat(check(new NoMedicalExamination()).status()).isEqualTo(SafeguardCheck.Status.UNKNOWN);
        moment(MomentKind.TRANSFER, almaty("2024-05-03T10:00"));
        assertThat(check(new NoMedicalExamination()).status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
        moment(MomentKind.MEDICAL_EXAMINATION, almaty("2024-05-03T12:00"), ALMATY, null, true);
        assertThat(check(new NoMedicalExamination()).status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
    }

    @Test
    void anInterrogationInAnUnregisteredPlaceIsAViolation() {
        moment(MomentKind.INTERROGATION, almaty("2024-05-01T12:00"), ALMATY, true, null);
        assertThat(check(new InterrogationInUnregisteredPlace()).status()).isEqualTo(SafeguardCheck.Status.RESPECTED);
        moment(MomentKind.INTERROGATION, almaty("2024-05-01T15:00"), ALMATY, null, null);
        assertThat(check(new InterrogationInUnregisteredPlace()).status()).isEqualTo(SafeguardCheck.Status.UNKNOWN);
        moment(MomentKind.INTERROGATION, almaty("2024-05-01T18:00"), ALMATY, false, null);
        var check = check(new InterrogationInUnregisteredPlace());
        assertThat(check.status()).isEqualTo(SafeguardCheck.Status.VIOLATED);
        assertThat(check.momentId()).isEqualTo(3L);
    }
}
