package org.aigaq.justice;

import static org.aigaq.justice.Stage.*;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigaq.platform.InvalidInput;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The justice pipeline as a small state machine: which step may follow which stage, and the stage it leads to, in
 * one table. Real-world irregularities are transitions like any other: a refusal quashed re-opens the inquiry, a
 * closed case quashed re-opens the investigation, a verdict quashed on appeal goes back to court, charges change
 * as often as they do. Steps that do not move the case (a reprisal, a civil claim, a UN communication, a request)
 * may come at any stage once a complaint is filed.
 */
public final class Pipeline {

    /** Where a case stands after its steps: the stage, since when, and the step that brought it there. */
    public record Progress(Stage stage, LocalDate since, boolean unCommunication) {}

    /** The stages each step may follow. */
    static final Map<StepType, Set<Stage>> ALLOWED_FROM = new EnumMap<>(StepType.class);

    private static final Set<Stage> AFTER_COMPLAINT = EnumSet.complementOf(EnumSet.of(NONE));
    private static final Set<Stage> DECIDED = EnumSet.of(CONVICTED, ACQUITTED, SENTENCED, EXEMPTED);

    static {
        ALLOWED_FROM.put(StepType.COMPLAINT_FILED, EnumSet.allOf(Stage.class));
        ALLOWED_FROM.put(StepType.REGISTERED, EnumSet.of(COMPLAINT));
        ALLOWED_FROM.put(StepType.INQUIRY_OPENED, EnumSet.of(COMPLAINT, REGISTERED));
        ALLOWED_FROM.put(StepType.REFUSAL, EnumSet.of(COMPLAINT, REGISTERED, INQUIRY));
        ALLOWED_FROM.put(StepType.REFUSAL_APPEALED, EnumSet.of(REFUSED, CLOSED));
        ALLOWED_FROM.put(StepType.REFUSAL_QUASHED, EnumSet.of(REFUSED, CLOSED));
        ALLOWED_FROM.put(StepType.CASE_OPENED, EnumSet.of(COMPLAINT, REGISTERED, INQUIRY));
        ALLOWED_FROM.put(StepType.CASE_CLOSED, EnumSet.of(INVESTIGATION));
        ALLOWED_FROM.put(StepType.CHARGES_CHANGED, EnumSet.of(INVESTIGATION, IN_COURT));
        ALLOWED_FROM.put(StepType.SUSPECTS_IDENTIFIED, EnumSet.of(INQUIRY, INVESTIGATION));
        ALLOWED_FROM.put(StepType.SENT_TO_COURT, EnumSet.of(INVESTIGATION));
        ALLOWED_FROM.put(StepType.VERDICT, EnumSet.of(IN_COURT));
        ALLOWED_FROM.put(StepType.SENTENCE, EnumSet.of(CONVICTED));
        ALLOWED_FROM.put(StepType.EXEMPTION, EnumSet.of(INVESTIGATION, IN_COURT, CONVICTED, SENTENCED));
        ALLOWED_FROM.put(StepType.APPEAL, DECIDED);
        ALLOWED_FROM.put(StepType.CASSATION, DECIDED);
        ALLOWED_FROM.put(StepType.CIVIL_CLAIM, AFTER_COMPLAINT);
        ALLOWED_FROM.put(StepType.UN_COMMUNICATION, AFTER_COMPLAINT);
        ALLOWED_FROM.put(StepType.UN_FOLLOW_UP, AFTER_COMPLAINT);
        ALLOWED_FROM.put(StepType.REPRISAL, EnumSet.allOf(Stage.class));
        ALLOWED_FROM.put(StepType.PROCEDURAL_REQUEST, AFTER_COMPLAINT);
    }

    private Pipeline() {
    }

    /** The stages {@code type} may follow. */
    public static Set<Stage> allowedFrom(StepType type) {
        return ALLOWED_FROM.get(type);
    }

    /** The steps that may be recorded next at {@code stage}, in the order of the pipeline. */
    public static List<StepType> next(Stage stage) {
        return java.util.Arrays.stream(StepType.values()).filter(t -> ALLOWED_FROM.get(t).contains(stage)).toList();
    }

    /** The stage {@code step} leads to from {@code current}, or null when it may not follow it. */
    static Stage after(Stage current, StepDraft step) {
        if (!ALLOWED_FROM.get(step.stepType()).contains(current)) return null;
        String outcome = step.outcome() == null ? "" : step.outcome();
        return switch (step.stepType()) {
            case COMPLAINT_FILED -> current == NONE ? COMPLAINT : current;
            case REGISTERED -> REGISTERED;
            case INQUIRY_OPENED -> INQUIRY;
            case REFUSAL -> REFUSED;
            case REFUSAL_QUASHED -> current == CLOSED ? INVESTIGATION : INQUIRY;
            case CASE_OPENED -> INVESTIGATION;
            case CASE_CLOSED -> CLOSED;
            case SENT_TO_COURT -> IN_COURT;
            case VERDICT -> outcome.equals("acquittal") ? ACQUITTED : CONVICTED;
            case SENTENCE -> SENTENCED;
            case EXEMPTION -> EXEMPTED;
            case APPEAL, CASSATION -> switch (outcome) {
                case "quashed-retrial" -> IN_COURT;
                case "quashed-acquittal" -> ACQUITTED;
                case "quashed-conviction" -> CONVICTED;
                case "quashed-reinvestigation" -> INVESTIGATION;
                default -> current;
            };
            default -> current;
        };
    }

    /**
     * Replays the steps in their order (date, then as recorded) from the start.
     *
     * @throws InvalidInput naming {@code stepType} (or {@code communicationNumber} for a follow-up of no
     *                      communication) with the step, the stage it met and what it must follow
     */
    public static Progress replay(List<StepDraft> steps) {
        Stage stage = NONE;
        LocalDate since = null;
        boolean communication = false;
        for (StepDraft step : steps) {
            if (step.stepType() == StepType.UN_FOLLOW_UP && !communication) {
                throw new InvalidInput("stepType", "justice.step.follow-up-without-communication");
            }
            Stage next = after(stage, step);
            if (next == null) {
                throw new InvalidInput("stepType", "justice.step.not-allowed",
                        new DefaultMessageSourceResolvable(step.stepType().messageKey()),
                        new DefaultMessageSourceResolvable(stage.messageKey()),
                        new DefaultMessageSourceResolvable("justice.requires." + step.stepType().name()),
                        step.occurredOn());
            }
            if (next != stage || since == null) {
                since = step.occurredOn();
            }
            stage = next;
            communication |= step.stepType() == StepType.UN_COMMUNICATION;
        }
        return new Progress(stage, since, communication);
    }
}
