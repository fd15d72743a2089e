package org.aigaq.justice.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aigaq.justice.Choices;
import org.aigaq.justice.MomentDraft;
import org.aigaq.justice.MomentKind;
import org.aigaq.justice.StepDraft;
import org.aigaq.justice.StepType;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;

/**
 * The step and moment forms: which input each field takes, and the submitted text read into a draft, every field
 * that cannot be read (a date, a number, an amount) named with its message at once.
 */
final class StepForm {

    /** One field of the form: its name, the kind of input, the codes it offers and what was entered. */
    record Field(String name, String kind, List<String> choices, String value) {
        public String choiceKey(String code) {
            return "justice.choice." + name + "." + code;
        }
    }

    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("occurredOn", "date"), Map.entry("documentDate", "date"), Map.entry("decisionDate", "date"),
            Map.entry("deadline", "date"), Map.entry("suspects", "integer"), Map.entry("sentenceMonths", "integer"),
            Map.entry("fineAmount", "money"), Map.entry("claimedAmount", "money"), Map.entry("awardedAmount", "money"),
            Map.entry("bodyOfAccusedAgency", "boolean"), Map.entry("suspendedFromDuty", "boolean"),
            Map.entry("sentenceSuspended", "boolean"), Map.entry("banFromOffice", "boolean"), Map.entry("paid", "boolean"),
            Map.entry("reasons", "textarea"), Map.entry("violationsFound", "textarea"), Map.entry("remedy", "textarea"),
            Map.entry("notes", "textarea"));

    private StepForm() {
    }

    /** The fields of a step type's form, after the common ones, with what was entered. */
    static List<Field> fields(StepType type, Map<String, String> entered) {
        var names = new ArrayList<String>(List.of("actingBody", "documentReference", "documentDate"));
        names.addAll(type.fields());
        names.add("notes");
        return names.stream().map(n -> new Field(n, Choices.coded(n) ? "choice" : KINDS.getOrDefault(n, "text"),
                Choices.of(n, type), entered.getOrDefault(n, ""))).toList();
    }

    static StepDraft step(StepType type, Map<String, String> p) {
        var rules = new BrokenRules();
        LocalDate occurredOn = rules.value(() -> date(p, "occurredOn"));
        Long actId = rules.value(() -> number(p, "actId"));
        LocalDate documentDate = rules.value(() -> date(p, "documentDate"));
        Integer suspects = rules.value(() -> integer(p, "suspects"));
        Integer months = rules.value(() -> integer(p, "sentenceMonths"));
        BigDecimal fine = rules.value(() -> money(p, "fineAmount"));
        BigDecimal claimed = rules.value(() -> money(p, "claimedAmount"));
        BigDecimal awarded = rules.value(() -> money(p, "awardedAmount"));
        LocalDate decision = rules.value(() -> date(p, "decisionDate"));
        LocalDate deadline = rules.value(() -> date(p, "deadline"));
        rules.throwIfAny();
        return new StepDraft(type, occurredOn, actId, p.get("actingBody"), p.get("bodyKind"), bool(p, "bodyOfAccusedAgency"),
                p.get("documentReference"), documentDate, p.get("filedBy"), p.get("addressee"), p.get("reasons"),
                p.get("outcome"), p.get("article"), p.get("articlePart"), p.get("codeVersion"), suspects,
                bool(p, "suspendedFromDuty"), p.get("sentenceKind"), months, bool(p, "sentenceSuspended"), fine,
                bool(p, "banFromOffice"), p.get("exemption"), claimed, awarded, p.get("currency"), p.get("respondent"),
                bool(p, "paid"), p.get("committee"), p.get("communicationNumber"), decision, p.get("violationsFound"),
                p.get("remedy"), deadline, p.get("implementation"), p.get("target"), p.get("requestKind"), p.get("notes"));
    }

    static MomentDraft moment(Map<String, String> p) {
        var rules = new BrokenRules();
        MomentKind kind = rules.value(() -> {
            String k = p.get("kind");
            if (k == null || k.isBlank()) return null;
            try {
                return MomentKind.valueOf(k);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("kind", "validation.invalid");
            }
        });
        LocalDateTime local = rules.value(() -> {
            String t = p.get("localTime");
            if (t == null || t.isBlank()) return null;
            try {
                return LocalDateTime.parse(t.strip());
            } catch (RuntimeException e) {
                throw new InvalidInput("localTime", "validation.wrong-type");
            }
        });
        Long place = rules.value(() -> number(p, "placeId"));
        rules.throwIfAny();
        return new MomentDraft(kind, local, p.get("zone"), place, p.get("placeDescription"), bool(p, "registeredPlace"),
                bool(p, "recordedMedia"), p.get("lawyerKind"), bool(p, "lawyerPresent"), bool(p, "injuriesRecorded"), p.get("notes"));
    }

    private static LocalDate date(Map<String, String> p, String field) {
        String v = p.get(field);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.strip());
        } catch (RuntimeException e) {
            throw new InvalidInput(field, "validation.wrong-type");
        }
    }

    static Long number(Map<String, String> p, String field) {
        String v = p.get(field);
        if (v == null || v.isBlank()) return null;
        try {
            return Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "validation.wrong-type");
        }
    }

    private static Integer integer(Map<String, String> p, String field) {
        Long n = number(p, field);
        if (n != null && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) throw new InvalidInput(field, "validation.wrong-type");
        return n == null ? null : n.intValue();
    }

    private static BigDecimal money(Map<String, String> p, String field) {
        String v = p.get(field);
        if (v == null || v.isBlank()) return null;
        try {
            return new BigDecimal(v.strip().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "validation.wrong-type");
        }
    }

    private static Boolean bool(Map<String, String> p, String field) {
        String v = p.get(field);
        if (v == null || v.isBlank()) return null;
        return v.equals("true") || v.equals("on");
    }
}
