package org.aigaq.documentation.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.Vocabularies;

/**
 * The terms of the facets' vocabularies as one search reads them: their labels, and for those with a hierarchy
 * (methods, act types, place types) which term is broader than which, so that a broader term finds and counts the cases
 * of its narrower ones and the facets are shown as a tree.
 */
final class Thesaurus {

    private final Map<Facet, List<Term>> terms;
    /** Each term's broader term, for the facets with a hierarchy. */
    private final Map<Facet, Map<String, String>> broader = new EnumMap<>(Facet.class);
    /** Each term's narrower terms, at every level below it. */
    private final Map<Facet, Map<String, Set<String>>> below = new EnumMap<>(Facet.class);

    private Thesaurus(Map<Facet, List<Term>> terms) {
        this.terms = terms;
        terms.forEach((facet, list) -> {
            var parents = new HashMap<String, String>();
            list.stream().filter(t -> t.parentCode() != null).forEach(t -> parents.put(t.code(), t.parentCode()));
            if (parents.isEmpty()) return;
            broader.put(facet, parents);
            var narrower = new HashMap<String, Set<String>>();
            // Vocabularies form trees (a term's parent is another term of its list, never itself below it).
            parents.keySet().forEach(term -> {
                for (String above = parents.get(term); above != null; above = parents.get(above)) {
                    narrower.computeIfAbsent(above, k -> new LinkedHashSet<>()).add(term);
                }
            });
            below.put(facet, narrower);
        });
    }

    /** The terms of every facet that takes its values from a vocabulary. */
    static Thesaurus of(Vocabularies vocabularies) {
        var terms = new EnumMap<Facet, List<Term>>(Facet.class);
        for (Facet facet : Facet.values()) {
            if (facet.vocabulary() != null) terms.put(facet, vocabularies.terms(facet.vocabulary()));
        }
        return new Thesaurus(terms);
    }

    List<Term> terms(Facet facet) {
        return terms.getOrDefault(facet, List.of());
    }

    /** The query with each selected value joined by every term below it: what the search matches. */
    SearchQuery withNarrower(SearchQuery query) {
        var filters = new EnumMap<Facet, List<String>>(Facet.class);
        query.filters().forEach((facet, values) -> {
            var narrower = below.getOrDefault(facet, Map.of());
            var all = new LinkedHashSet<String>();
            for (String value : values) {
                all.add(value);
                all.addAll(narrower.getOrDefault(value, Set.of()));
            }
            filters.put(facet, List.copyOf(all));
        });
        return new SearchQuery(query.text(), filters, query.page(), query.size());
    }

    /**
     * The pairs (a term, a term it is or is under) of the facets given, as stored facets ('me:falanga', 'me:beating'),
     * every broader term paired with itself too: counting cases by the second of the pairs their facets meet counts each
     * broader term over all of its narrower ones, each case once.
     */
    List<String[]> pairs(List<Facet> facets) {
        var pairs = new ArrayList<String[]>();
        for (Facet facet : facets) {
            below.getOrDefault(facet, Map.of()).forEach((term, narrower) -> {
                pairs.add(new String[] {facet.stored(term), facet.stored(term)});
                narrower.forEach(under -> pairs.add(new String[] {facet.stored(under), facet.stored(term)}));
            });
        }
        return pairs;
    }

    /** The facets with a hierarchy. */
    List<Facet> hierarchical() {
        return List.copyOf(broader.keySet());
    }

    /**
     * The values in tree order: each value whose broader term is not among them first (most frequent first), each
     * followed by the values under it; with its depth in that tree (0 for the first level shown).
     */
    Map<String, Integer> tree(Facet facet, List<String> values, ToLongFunction<String> count) {
        var parents = broader.getOrDefault(facet, Map.of());
        var order = new LinkedHashMap<String, Integer>();
        if (parents.isEmpty()) {
            values.forEach(v -> order.put(v, 0));
            return order;
        }
        Comparator<String> frequent = Comparator.<String>comparingLong(count).reversed().thenComparing(Comparator.naturalOrder());
        var shown = new LinkedHashSet<>(values);
        var children = new HashMap<String, List<String>>();
        var roots = new ArrayList<String>();
        for (String value : values) {
            String above = parents.get(value);
            while (above != null && !shown.contains(above)) above = parents.get(above);
            if (above == null) roots.add(value);
            else children.computeIfAbsent(above, k -> new ArrayList<>()).add(value);
        }
        roots.sort(frequent);
        var next = new ArrayDeque<Map.Entry<String, Integer>>();
        for (int i = roots.size() - 1; i >= 0; i--) next.push(Map.entry(roots.get(i), 0));
        while (!next.isEmpty()) {
            var entry = next.pop();
            if (order.putIfAbsent(entry.getKey(), entry.getValue()) != null) continue;
            var under = new ArrayList<>(children.getOrDefault(entry.getKey(), List.of()));
            under.sort(frequent);
            for (int i = under.size() - 1; i >= 0; i--) next.push(Map.entry(under.get(i), entry.getValue() + 1));
        }
        return order;
    }
}
