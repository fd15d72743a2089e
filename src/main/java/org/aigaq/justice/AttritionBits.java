package org.aigaq.justice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rules of a summary as bits of an integer, so that the funnel's scan groups and tests numbers: bit i is the i-th
 * rule of {@link ImpunityRules#ALL} or {@link SafeguardRules#ALL}. Their order is part of the summaries' version.
 */
final class AttritionBits {

    private AttritionBits() {
    }

    static int flags(Collection<String> rules) {
        return bits(rules, ImpunityRules.ALL.stream().map(ImpunityRule::name).toList());
    }

    static int violations(Collection<String> rules) {
        return bits(rules, SafeguardRules.ALL.stream().map(SafeguardRule::name).toList());
    }

    /** The bit of an impunity rule, or of a safeguard rule. */
    static int flag(String rule) {
        return bit(rule, ImpunityRules.ALL.stream().map(ImpunityRule::name).toList());
    }

    static int violation(String rule) {
        return bit(rule, SafeguardRules.ALL.stream().map(SafeguardRule::name).toList());
    }

    static List<String> flagNames(int bits) {
        return names(bits, ImpunityRules.ALL.stream().map(ImpunityRule::name).toList());
    }

    static List<String> violationNames(int bits) {
        return names(bits, SafeguardRules.ALL.stream().map(SafeguardRule::name).toList());
    }

    /** Changes when a rule is added, removed or moved. */
    static int fingerprint() {
        return (ImpunityRules.ALL.stream().map(ImpunityRule::name).toList() + "/"
                + SafeguardRules.ALL.stream().map(SafeguardRule::name).toList()).hashCode();
    }

    private static int bits(Collection<String> rules, List<String> order) {
        int bits = 0;
        for (String rule : rules) bits |= bit(rule, order);
        return bits;
    }

    private static int bit(String rule, List<String> order) {
        int at = order.indexOf(rule);
        if (at < 0 || at > 30) throw new IllegalArgumentException("no rule " + rule);
        return 1 << at;
    }

    private static List<String> names(int bits, List<String> order) {
        var names = new ArrayList<String>();
        for (int i = 0; i < order.size(); i++) if ((bits & (1 << i)) != 0) names.add(order.get(i));
        return names;
    }
}
