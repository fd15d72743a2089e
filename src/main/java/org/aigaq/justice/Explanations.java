package org.aigaq.justice;

import java.time.Duration;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The rules, flags and safeguard findings in words, in the user's language, for the pages and the API alike. */
@Component
public class Explanations {

    /** A flag with its reason and the rule's source in words. */
    public record ExplainedFlag(String rule, Long stepId, String reason, String description, String source) {}

    /** A safeguard finding in words; delays in minutes (null when unknown). */
    public record ExplainedCheck(String rule, SafeguardCheck.Status status, Long delayMinutes, Long thresholdMinutes,
                                 Long momentId, String description, String delay, String source) {
        public boolean violated() {
            return status == SafeguardCheck.Status.VIOLATED;
        }
    }

    /** A rule as the rules page and the API list it. */
    public record ExplainedRule(String name, String description, String source) {}

    private final MessageSource messages;

    Explanations(MessageSource messages) {
        this.messages = messages;
    }

    public ExplainedFlag flag(Flag flag) {
        return new ExplainedFlag(flag.rule(), flag.stepId(), message(flag.reasonKey(), flag.arguments().toArray()),
                message("justice.rule." + flag.rule() + ".description"), message("justice.rule." + flag.rule() + ".source"));
    }

    public List<ExplainedFlag> flags(List<Flag> flags) {
        return flags.stream().map(this::flag).toList();
    }

    public ExplainedCheck check(SafeguardCheck check) {
        return new ExplainedCheck(check.rule(), check.status(), minutes(check.delay()), minutes(check.threshold()), check.momentId(),
                message("justice.rule." + check.rule() + ".description"), check.delay() == null ? "" : duration(check.delay()),
                check.source());
    }

    public List<ExplainedCheck> checks(List<SafeguardCheck> checks) {
        return checks.stream().map(this::check).toList();
    }

    public List<ExplainedRule> impunityRules() {
        return ImpunityRules.ALL.stream().map(r -> new ExplainedRule(r.name(), message("justice.rule." + r.name() + ".description"),
                message("justice.rule." + r.name() + ".source"))).toList();
    }

    /** The safeguard rules with the source and threshold of a jurisdiction. */
    public List<ExplainedRule> safeguardRules(Jurisdiction jurisdiction) {
        return SafeguardRules.ALL.stream().map(r -> new ExplainedRule(r.name(), message("justice.rule." + r.name() + ".description"),
                r.threshold(jurisdiction).source())).toList();
    }

    /** A duration as people read it, in hours and minutes ("24 h", "48 h 1 min"), "−3 h" for a moment before apprehension. */
    public String duration(Duration duration) {
        if (duration == null) return "";
        Duration d = duration.abs();
        var text = new StringBuilder(duration.isNegative() ? "−" : "");
        if (d.toHours() > 0) text.append(message("justice.duration.hours", d.toHours()));
        if (d.toMinutesPart() > 0 || d.toHours() == 0) {
            if (d.toHours() > 0) text.append(' ');
            text.append(message("justice.duration.minutes", d.toMinutesPart()));
        }
        return text.toString();
    }

    /** An instant in UTC, to the minute, as the pages show when something was recorded. */
    public String utc(java.time.Instant at) {
        return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    /** A moment as it was entered: local date and time with the offset of its zone then. */
    public String local(Moment moment) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").format(moment.local());
    }

    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    private static Long minutes(Duration d) {
        return d == null ? null : d.toMinutes();
    }
}
