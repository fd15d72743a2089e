package org.aigaq.justice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each impunity rule, on the shipped Kazakh configuration, with its boundary cases. */
class ImpunityRulesTest {

    private static final Jurisdiction KZ = new Jurisdictions().get("KZ");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private final List<Step> steps = new ArrayList<>();

    /** Adds a step of the type on the date, with fields set through a copy of the draft. */
    private void step(StepType type, String date, UnaryOperator<Draft> fields) {
        Draft d = fields.apply(new Draft(StepDraft.of(type, LocalDate.parse(date))));
        steps.add(new Step(steps.size() + 1, 1, d.draft, "tester", null));
    }

    private List<Flag> flags(ImpunityRule rule, boolean tortureAlleged, Set<String> agencies) {
        return rule.check(new CaseFacts(steps, tortureAlleged, agencies, KZ, TODAY));
    }

    private List<Flag> flags(ImpunityRule rule) {
        return flags(rule, true, Set.of("police"));
    }

    @Test
    void theInternalSecurityOfTheAccusedAgencyIsNotIndependent() {
        step(StepType.INQUIRY_OPENED, "2024-02-01", d -> d.set("bodyKind", "internal-security").set("actingBody", "DSB of the Almaty police"));
        step(StepType.CASE_OPENED, "2024-03-01", d -> d.set("bodyKind", "anti-corruption").set("article", "146").set("articlePart", "2"));
        var flags = flags(new InquiryByAccusedAgency());
        assertThat(flags).extracting(Flag::stepId).containsExactly(1L);
        assertThat(flags.getFirst().reasonKey()).isEqualTo("justice.flag.inquiry-by-internal-security");
        assertThat(flags.getFirst().arguments()).containsExactly("DSB of the Almaty police");
    }

    @Test
    void aBodyOfTheSameAgencyAsThePerpetratorsIsNotIndependentEither() {
        step(StepType.INQUIRY_OPENED, "2024-02-01", d -> d.set("bodyKind", "police"));
        assertThat(flags(new InquiryByAccusedAgency(), true, Set.of("police"))).hasSize(1);
        assertThat(flags(new InquiryByAccusedAgency(), true, Set.of("national-security-committee"))).isEmpty();
        steps.clear();
        step(StepType.INQUIRY_OPENED, "2024-02-01", d -> d.set("bodyKind", "other").set("bodyOfAccusedAgency", true));
        assertThat(flags(new InquiryByAccusedAgency(), true, Set.of())).extracting(Flag::reasonKey)
                .containsExactly("justice.flag.inquiry-by-accused-agency");
    }

    @Test
    void tortureChargedAsExcessOfAuthorityIsFlaggedOnceWhereItBecomesMilder() {
        step(StepType.CASE_OPENED, "2016-01-10", d -> d.set("article", "146").set("articlePart", "2"));
        step(StepType.CHARGES_CHANGED, "2016-03-10", d -> d.set("article", "362").set("articlePart", "4"));
        step(StepType.SENT_TO_COURT, "2016-05-10", d -> d.set("article", "362").set("articlePart", "4"));
        step(StepType.VERDICT, "2016-07-10", d -> d.set("outcome", "conviction").set("article", "362").set("articlePart", "4"));
        var flags = flags(new RequalifiedToMilderArticle(), false, Set.of());
        assertThat(flags).extracting(Flag::stepId).containsExactly(2L);
        assertThat(flags.getFirst().reasonKey()).isEqualTo("justice.flag.requalified-from");
        assertThat(flags.getFirst().arguments()).containsExactly("362(4) / 2014", "146(2) / 2014");
    }

    @Test
    void aCaseOpenedUnderAMilderArticleOfThe1997CodeWhileTortureIsAllegedIsFlagged() {
        step(StepType.CASE_OPENED, "2013-05-10", d -> d.set("article", "308"));
        assertThat(flags(new RequalifiedToMilderArticle(), true, Set.of())).extracting(Flag::reasonKey)
                .containsExactly("justice.flag.requalified-alleged");
        assertThat(flags(new RequalifiedToMilderArticle(), false, Set.of())).isEmpty();
    }

    @Test
    void theRenumberedTortureArticleAndItsSuccessorAreNotARequalification() {
        step(StepType.CASE_OPENED, "2012-05-10", d -> d.set("article", "347-1").set("articlePart", "2"));
        step(StepType.CHARGES_CHANGED, "2013-05-10", d -> d.set("article", "141-1").set("articlePart", "2"));
        step(StepType.SENT_TO_COURT, "2015-02-10", d -> d.set("article", "146").set("articlePart", "3"));
        assertThat(flags(new RequalifiedToMilderArticle())).isEmpty();
        assertThat(KZ.successor(KZ.article("1997", "141-1", "2").orElseThrow()).orElseThrow().citation()).isEqualTo("146(3) / 2014");
        assertThat(KZ.versionOn(LocalDate.of(2014, 12, 31))).isEqualTo("1997");
        assertThat(KZ.versionOn(LocalDate.of(2015, 1, 1))).isEqualTo("2014");
    }

    @Test
    void amnestyReconciliationLimitationAndRemorseAreForbiddenForTortureButParoleIsNot() {
        for (String exemption : List.of("amnesty", "reconciliation", "statute-of-limitation", "effective-remorse", "parole")) {
            steps.clear();
            step(StepType.EXEMPTION, "2024-01-01", d -> d.set("exemption", exemption));
            assertThat(flags(new ExemptionForbiddenForTorture())).as(exemption).hasSize(exemption.equals("parole") ? 0 : 1);
            assertThat(flags(new ExemptionForbiddenForTorture(), false, Set.of())).as(exemption + " without torture").isEmpty();
        }
        steps.clear();
        step(StepType.CASE_OPENED, "2024-01-01", d -> d.set("article", "146").set("articlePart", "1"));
        step(StepType.EXEMPTION, "2024-02-01", d -> d.set("exemption", "amnesty"));
        assertThat(flags(new ExemptionForbiddenForTorture(), false, Set.of())).as("charged as torture").hasSize(1);
    }

    @Test
    void aSentenceOfExactlyTheMinimumIsNotFlaggedOneMonthLessIs() {
        step(StepType.VERDICT, "2020-01-10", d -> d.set("outcome", "conviction").set("article", "146").set("articlePart", "2"));
        step(StepType.SENTENCE, "2020-01-10", d -> d.set("sentenceKind", "imprisonment").set("sentenceMonths", 60));
        assertThat(flags(new SuspendedOrBelowMinimumSentence())).isEmpty();
        steps.removeLast();
        step(StepType.SENTENCE, "2020-01-10", d -> d.set("sentenceKind", "imprisonment").set("sentenceMonths", 59));
        var flags = flags(new SuspendedOrBelowMinimumSentence());
        assertThat(flags).extracting(Flag::reasonKey).containsExactly("justice.flag.sentence-below-minimum");
        assertThat(flags.getFirst().arguments()).containsExactly(59, 60, "146(2) / 2014");
    }

    @Test
    void aSuspendedSentenceOrAFineForTortureIsFlagged() {
        step(StepType.VERDICT, "2020-01-10", d -> d.set("outcome", "conviction").set("article", "146").set("articlePart", "2"));
        step(StepType.SENTENCE, "2020-01-10", d -> d.set("sentenceKind", "imprisonment").set("sentenceMonths", 72).set("sentenceSuspended", true));
        assertThat(flags(new SuspendedOrBelowMinimumSentence())).extracting(Flag::reasonKey).containsExactly("justice.flag.sentence-suspended");
        steps.removeLast();
        step(StepType.SENTENCE, "2020-01-10", d -> d.set("sentenceKind", "fine").set("fineAmount", new BigDecimal("500000")));
        assertThat(flags(new SuspendedOrBelowMinimumSentence())).extracting(Flag::reasonKey).containsExactly("justice.flag.sentence-below-minimum");
    }

    @Test
    void anArticleWithoutAMinimumGivesNoBelowMinimumFlag() {
        step(StepType.VERDICT, "2020-01-10", d -> d.set("outcome", "conviction").set("article", "362"));
        step(StepType.SENTENCE, "2020-01-10", d -> d.set("sentenceKind", "fine"));
        assertThat(flags(new SuspendedOrBelowMinimumSentence(), false, Set.of())).isEmpty();
    }

    @Test
    void compensationFromTheOfficerIsFlaggedFromTheStateIsNot() {
        step(StepType.CIVIL_CLAIM, "2021-01-10", d -> d.set("respondent", "state").set("awardedAmount", new BigDecimal("1000000")).set("currency", "KZT"));
        assertThat(flags(new CompensationChargedToOfficer())).isEmpty();
        step(StepType.CIVIL_CLAIM, "2021-02-10", d -> d.set("respondent", "officer").set("awardedAmount", new BigDecimal("300000")).set("currency", "KZT"));
        assertThat(flags(new CompensationChargedToOfficer())).extracting(Flag::stepId).containsExactly(2L);
    }

    @Test
    void aUnDecisionIsOverdueTheDayAfterItsDeadlineUnlessImplemented() {
        // Decision 2025-12-03: 180 days later is 2026-06-01, which is today: not yet overdue.
        step(StepType.UN_COMMUNICATION, "2024-01-10", d -> d.set("committee", "CAT").set("communicationNumber", "1234/2024")
                .set("decisionDate", LocalDate.of(2025, 12, 3)).set("violationsFound", "art. 1, 12, 13, 14"));
        assertThat(flags(new UnDecisionNotImplemented())).isEmpty();
        steps.clear();
        step(StepType.UN_COMMUNICATION, "2024-01-10", d -> d.set("committee", "CAT").set("communicationNumber", "1234/2024")
                .set("decisionDate", LocalDate.of(2025, 12, 2)).set("violationsFound", "art. 1, 12, 13, 14"));
        assertThat(flags(new UnDecisionNotImplemented())).extracting(Flag::reasonKey).containsExactly("justice.flag.un-not-implemented");
        step(StepType.UN_FOLLOW_UP, "2026-05-01", d -> d.set("communicationNumber", "1234/2024").set("implementation", "implemented"));
        assertThat(flags(new UnDecisionNotImplemented())).isEmpty();
    }

    @Test
    void aDeadlineSetByTheCommitteeWinsAndNoViolationMeansNoFlag() {
        step(StepType.UN_COMMUNICATION, "2024-01-10", d -> d.set("committee", "HRC").set("communicationNumber", "9/2024")
                .set("decisionDate", LocalDate.of(2026, 3, 1)).set("deadline", LocalDate.of(2026, 5, 31)).set("violationsFound", "art. 7"));
        assertThat(flags(new UnDecisionNotImplemented())).hasSize(1);
        steps.clear();
        step(StepType.UN_COMMUNICATION, "2024-01-10", d -> d.set("committee", "HRC").set("communicationNumber", "9/2024")
                .set("decisionDate", LocalDate.of(2024, 3, 1)));
        assertThat(flags(new UnDecisionNotImplemented())).isEmpty();
    }

    @Test
    void everyReprisalIsFlagged() {
        assertThat(flags(new ReprisalAgainstComplainant())).isEmpty();
        step(StepType.REPRISAL, "2024-01-10", d -> d.set("target", "complainant"));
        step(StepType.REPRISAL, "2024-02-10", d -> d.set("target", "witness"));
        assertThat(flags(new ReprisalAgainstComplainant())).hasSize(2);
    }

    @Test
    void theListOfRulesIsComplete() {
        assertThat(ImpunityRules.ALL).extracting(ImpunityRule::name).containsExactly("InquiryByAccusedAgency",
                "RequalifiedToMilderArticle", "ExemptionForbiddenForTorture", "SuspendedOrBelowMinimumSentence",
                "CompensationChargedToOfficer", "UnDecisionNotImplemented", "ReprisalAgainstComplainant");
    }

    /** A draft being filled field by field, for the tests. */
    static final class Draft {
        StepDraft draft;

        Draft(StepDraft draft) {
            this.draft = draft;
        }

        Draft set(String field, Object value) {
            var components = StepDraft.class.getRecordComponents();
            Object[] values = new Object[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    values[i] = components[i].getName().equals(field) ? value : components[i].getAccessor().invoke(draft);
                }
                var types = java.util.Arrays.stream(components).map(java.lang.reflect.RecordComponent::getType).toArray(Class[]::new);
                draft = StepDraft.class.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (java.util.Arrays.stream(components).noneMatch(c -> c.getName().equals(field))) {
                throw new IllegalArgumentException("no field " + field);
            }
            return this;
        }
    }
}
