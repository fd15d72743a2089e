package org.aigaq.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rules a record breaks, all of them: each rule runs even when an earlier one is broken, so that a form shows
 * every message at once and a check of one field as the user types finds that field's message whatever the others hold.
 */
public final class BrokenRules {

    private final List<InvalidInput.Violation> broken = new ArrayList<>();

    /** Runs a rule that gives a value; when it is broken, notes why and gives null so that the next rules still run. */
    public <T> T value(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidInput invalid) {
            broken.addAll(invalid.violations());
            return null;
        }
    }

    /** Runs a rule; when it is broken, notes why. */
    public void rule(Runnable rule) {
        try {
            rule.run();
        } catch (InvalidInput invalid) {
            broken.addAll(invalid.violations());
        }
    }

    /** @throws InvalidInput with every rule found broken, in the order the rules ran, when there is any */
    public void throwIfAny() {
        if (!broken.isEmpty()) {
            throw new InvalidInput(broken);
        }
    }

    /** What a check that throws {@link InvalidInput} finds wrong, without throwing: for checks as the user types. */
    public static List<InvalidInput.Violation> of(Runnable check) {
        var rules = new BrokenRules();
        rules.rule(check);
        return List.copyOf(rules.broken);
    }
}
