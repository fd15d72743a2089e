package org.aigaq.justice.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aigaq.justice.StepDraft;
import org.aigaq.justice.StepType;

/**
 * Invented pipelines shaped like the coalition's reports: most complaints refused after an internal inquiry, some
 * refusals appealed or quashed, about one in ten opened as a criminal case and one in fifty in court, a few
 * convictions with suspended sentences, amnesties, civil claims and reprisals. Steps never fall after {@code today}.
 */
public final class SyntheticPipelines {

    private static final String[] BODIES = {"internal-security", "internal-security", "police", "prosecutor", "special-prosecutor"};
    private static final String[] ARTICLES = {"146", "146", "146", "362", "361"};

    private SyntheticPipelines() {
    }

    public static List<StepDraft> of(Random random, LocalDate incident, LocalDate today) {
        var steps = new ArrayList<StepDraft>();
        LocalDate day = incident.plusDays(1 + random.nextInt(30));
        if (day.isAfter(today)) return steps;
        steps.add(step(StepType.COMPLAINT_FILED, day).filedBy(random.nextBoolean() ? "victim" : "lawyer").build());
        if (random.nextInt(100) < 2) add(steps, step(StepType.REPRISAL, day.plusDays(random.nextInt(60))).target("complainant").build(), today);
        boolean inquiry = random.nextInt(100) < 65;
        if (inquiry && !add(steps, step(StepType.INQUIRY_OPENED, day = day.plusDays(3 + random.nextInt(20)))
                .bodyKind(BODIES[random.nextInt(BODIES.length)]).build(), today)) return steps;
        int refusals = 0;
        while (random.nextInt(100) < (refusals == 0 ? 88 : 70)) {
            if (!add(steps, step(StepType.REFUSAL, day = day.plusDays(10 + random.nextInt(50))).reasons("No corpus delicti").build(), today)) return steps;
            refusals++;
            if (random.nextInt(100) < 30 && !add(steps, step(StepType.REFUSAL_APPEALED, day = day.plusDays(5 + random.nextInt(30)))
                    .outcome(random.nextInt(4) == 0 ? "granted" : "rejected").build(), today)) return steps;
            if (random.nextInt(100) >= 12) return steps;
            if (!add(steps, step(StepType.REFUSAL_QUASHED, day = day.plusDays(5 + random.nextInt(40))).reasons("Incomplete check").build(), today)) return steps;
        }
        String article = ARTICLES[random.nextInt(ARTICLES.length)];
        if (!add(steps, step(StepType.CASE_OPENED, day = day.plusDays(5 + random.nextInt(30))).bodyKind(BODIES[random.nextInt(BODIES.length)])
                .article(article).codeVersion("2014").build(), today)) return steps;
        int next = random.nextInt(100);
        if (next < 45) {
            add(steps, step(StepType.CASE_CLOSED, day.plusDays(30 + random.nextInt(200))).reasons("No evidence").build(), today);
            return steps;
        }
        if (next < 75) return steps;
        if (!add(steps, step(StepType.SENT_TO_COURT, day = day.plusDays(40 + random.nextInt(120))).article(article).codeVersion("2014").build(), today)) return steps;
        boolean conviction = random.nextInt(100) < 80;
        if (!add(steps, step(StepType.VERDICT, day = day.plusDays(30 + random.nextInt(120))).outcome(conviction ? "conviction" : "acquittal")
                .article(article).codeVersion("2014").build(), today) || !conviction) return steps;
        if (random.nextInt(100) < 8) {
            add(steps, step(StepType.EXEMPTION, day.plusDays(random.nextInt(30))).exemption("amnesty").build(), today);
            return steps;
        }
        if (!add(steps, step(StepType.SENTENCE, day).sentenceKind("imprisonment").sentenceMonths(12 + random.nextInt(96))
                .sentenceSuspended(random.nextInt(100) < 35).build(), today)) return steps;
        if (random.nextInt(100) < 30) {
            add(steps, step(StepType.CIVIL_CLAIM, day.plusDays(30 + random.nextInt(200))).respondent(random.nextInt(4) == 0 ? "officer" : "state")
                    .claimed(BigDecimal.valueOf(1_000_000)).awarded(BigDecimal.valueOf(100_000 + random.nextInt(400_000)))
                    .currency("KZT").outcome("partly").build(), today);
        }
        return steps;
    }

    private static boolean add(List<StepDraft> steps, StepDraft step, LocalDate today) {
        if (step.occurredOn().isAfter(today)) return false;
        steps.add(step);
        return true;
    }

    private static Draft step(StepType type, LocalDate day) {
        return new Draft(type, day);
    }

    /** A step being made up: only the fields the generator sets. */
    private static final class Draft {
        private final StepType type;
        private final LocalDate day;
        private String filedBy, bodyKind, reasons, outcome, article, codeVersion, sentenceKind, exemption, respondent, currency, target;
        private Integer months;
        private Boolean suspended;
        private BigDecimal claimed, awarded;

        Draft(StepType type, LocalDate day) {
            this.type = type;
            this.day = day;
        }

        Draft filedBy(String v) { filedBy = v; return this; }
        Draft bodyKind(String v) { bodyKind = v; return this; }
        Draft reasons(String v) { reasons = v; return this; }
        Draft outcome(String v) { outcome = v; return this; }
        Draft article(String v) { article = v; return this; }
        Draft codeVersion(String v) { codeVersion = v; return this; }
        Draft sentenceKind(String v) { sentenceKind = v; return this; }
        Draft sentenceMonths(int v) { months = v; return this; }
        Draft sentenceSuspended(boolean v) { suspended = v; return this; }
        Draft exemption(String v) { exemption = v; return this; }
        Draft respondent(String v) { respondent = v; return this; }
        Draft claimed(BigDecimal v) { claimed = v; return this; }
        Draft awarded(BigDecimal v) { awarded = v; return this; }
        Draft currency(String v) { currency = v; return this; }
        Draft target(String v) { target = v; return this; }

        StepDraft build() {
            return new StepDraft(type, day, null, null, bodyKind, null, null, null, filedBy, null, reasons, outcome, article, null,
                    codeVersion, null, null, sentenceKind, months, suspended, null, null, exemption, claimed, awarded, currency,
                    respondent, null, null, null, null, null, null, null, null, target, null, null);
        }
    }
}
