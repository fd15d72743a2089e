package org.aigaq.justice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.InvalidInput;
import org.junit.jupiter.api.Test;

/** The state machine: the ordinary road, the irregular roads the courts take, and the sequences it refuses. */
class PipelineTest {

    private final List<StepDraft> steps = new ArrayList<>();
    private LocalDate day = LocalDate.of(2024, 1, 10);

    private Pipeline.Progress then(StepType type) {
        return then(type, null);
    }

    private Pipeline.Progress then(StepType type, String outcome) {
        day = day.plusDays(3);
        StepDraft d = StepDraft.of(type, day);
        if (outcome != null) d = withOutcome(d, outcome);
        steps.add(d);
        return Pipeline.replay(steps);
    }

    static StepDraft withOutcome(StepDraft d, String outcome) {
        return new StepDraft(d.stepType(), d.occurredOn(), null, null, null, null, null, null, null, null, null, outcome,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aComplaintFollowedToAConvictionAndSentence() {
        assertThat(then(StepType.COMPLAINT_FILED).stage()).isEqualTo(Stage.COMPLAINT);
        assertThat(then(StepType.REGISTERED).stage()).isEqualTo(Stage.REGISTERED);
        assertThat(then(StepType.CASE_OPENED).stage()).isEqualTo(Stage.INVESTIGATION);
        assertThat(then(StepType.CHARGES_CHANGED).stage()).isEqualTo(Stage.INVESTIGATION);
        assertThat(then(StepType.SENT_TO_COURT).stage()).isEqualTo(Stage.IN_COURT);
        assertThat(then(StepType.VERDICT, "conviction").stage()).isEqualTo(Stage.CONVICTED);
        var progress = then(StepType.SENTENCE);
        assertThat(progress.stage()).isEqualTo(Stage.SENTENCED);
        assertThat(progress.since()).isEqualTo(day);
    }

    @Test
    void aRefusalQuashedReopensTheInquiryAndAVerdictQuashedGoesBackToCourt() {
        then(StepType.COMPLAINT_FILED);
        then(StepType.INQUIRY_OPENED);
        assertThat(then(StepType.REFUSAL).stage()).isEqualTo(Stage.REFUSED);
        assertThat(then(StepType.REFUSAL_APPEALED, "rejected").stage()).isEqualTo(Stage.REFUSED);
        assertThat(then(StepType.REFUSAL_QUASHED).stage()).isEqualTo(Stage.INQUIRY);
        assertThat(then(StepType.REFUSAL).stage()).isEqualTo(Stage.REFUSED);
        assertThat(then(StepType.REFUSAL_QUASHED).stage()).isEqualTo(Stage.INQUIRY);
        then(StepType.CASE_OPENED);
        then(StepType.CHARGES_CHANGED);
        then(StepType.CHARGES_CHANGED);
        then(StepType.SENT_TO_COURT);
        then(StepType.CHARGES_CHANGED);
        assertThat(then(StepType.VERDICT, "acquittal").stage()).isEqualTo(Stage.ACQUITTED);
        assertThat(then(StepType.APPEAL, "quashed-retrial").stage()).isEqualTo(Stage.IN_COURT);
        assertThat(then(StepType.VERDICT, "conviction").stage()).isEqualTo(Stage.CONVICTED);
        assertThat(then(StepType.CASSATION, "upheld").stage()).isEqualTo(Stage.CONVICTED);
        assertThat(then(StepType.REPRISAL).stage()).isEqualTo(Stage.CONVICTED);
        assertThat(then(StepType.CIVIL_CLAIM).stage()).isEqualTo(Stage.CONVICTED);
    }

    @Test
    void aClosedCaseQuashedGoesBackToInvestigation() {
        then(StepType.COMPLAINT_FILED);
        then(StepType.CASE_OPENED);
        assertThat(then(StepType.CASE_CLOSED).stage()).isEqualTo(Stage.CLOSED);
        assertThat(then(StepType.REFUSAL_QUASHED).stage()).isEqualTo(Stage.INVESTIGATION);
    }

    @Test
    void aVerdictBeforeACaseIsOpenedIsRefusedNamingTheStepAndTheStage() {
        then(StepType.COMPLAINT_FILED);
        then(StepType.INQUIRY_OPENED);
        assertThatThrownBy(() -> then(StepType.VERDICT, "conviction")).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.violations()).hasSize(1);
            var v = e.violations().getFirst();
            assertThat(v.field()).isEqualTo("stepType");
            assertThat(v.messageKey()).isEqualTo("justice.step.not-allowed");
            assertThat(v.arguments()[0].toString()).contains("justice.step.VERDICT");
            assertThat(v.arguments()[1].toString()).contains("justice.stage.INQUIRY");
        });
    }

    @Test
    void nothingButAComplaintOrAReprisalStartsAPipeline() {
        for (StepType type : StepType.values()) {
            steps.clear();
            boolean allowed = type == StepType.COMPLAINT_FILED || type == StepType.REPRISAL;
            if (allowed) {
                assertThat(then(type).stage()).as(type.name()).isIn(Stage.COMPLAINT, Stage.NONE);
            } else {
                assertThatThrownBy(() -> then(type)).as(type.name()).isInstanceOf(InvalidInput.class);
            }
        }
    }

    @Test
    void aSentenceNeedsAConvictionAndAFollowUpNeedsACommunication() {
        then(StepType.COMPLAINT_FILED);
        then(StepType.CASE_OPENED);
        then(StepType.SENT_TO_COURT);
        then(StepType.VERDICT, "acquittal");
        assertThatThrownBy(() -> then(StepType.SENTENCE)).isInstanceOf(InvalidInput.class);
        steps.removeLast();
        assertThatThrownBy(() -> then(StepType.UN_FOLLOW_UP)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("justice.step.follow-up-without-communication"));
        steps.removeLast();
        then(StepType.UN_COMMUNICATION);
        assertThat(then(StepType.UN_FOLLOW_UP).stage()).isEqualTo(Stage.ACQUITTED);
    }

    @Test
    void everyStepTypeHasItsRowInTheTable() {
        for (StepType type : StepType.values()) {
            assertThat(Pipeline.allowedFrom(type)).as(type.name()).isNotNull();
        }
    }
}
