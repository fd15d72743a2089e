package org.aigaq.justice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What Aigaq knows of one jurisdiction: its zone, its criminal codes' articles, its deadlines and safeguard thresholds. */
public record Jurisdiction(String code, ZoneId zone, Map<String, String> names, List<Article> articles,
                           List<Deadline> deadlines, Map<String, Threshold> thresholds) {

    /** The code versions, oldest first. */
    public List<String> codeVersions() {
        return articles.stream().sorted(Comparator.comparing(Article::inForceFrom)).map(Article::codeVersion).distinct().toList();
    }

    /** The code version in force on a date (the oldest one before any was in force). */
    public String versionOn(LocalDate date) {
        String version = codeVersions().getFirst();
        for (Article a : articles.stream().sorted(Comparator.comparing(Article::inForceFrom)).toList()) {
            if (!a.inForceFrom().isAfter(date)) version = a.codeVersion();
        }
        return version;
    }

    /**
     * The catalogue's entry for an article and part of a version; an article listed only by parts, asked without one,
     * is the part with the lowest minimum (all its parts share their kind); a part not listed is the whole article.
     */
    public Optional<Article> article(String version, String article, String part) {
        if (article == null || article.isBlank()) return Optional.empty();
        String wanted = part == null ? "" : part.strip();
        List<Article> same = articles.stream().filter(a -> a.codeVersion().equals(version) && a.article().equals(article.strip())).toList();
        return same.stream().filter(a -> a.part().equals(wanted)).findFirst()
                .or(() -> same.stream().filter(a -> a.part().isEmpty()).findFirst())
                .or(() -> same.stream().min(Comparator.comparing(a -> a.minimumMonths() == null ? 0 : a.minimumMonths())));
    }

    /** The article's successor in a later code version, when the catalogue maps it. */
    public Optional<Article> successor(Article article) {
        if (article.successor() == null || article.successor().isEmpty()) return Optional.empty();
        String[] parts = article.successor().split(":", -1);
        return article(parts[0], parts[1], parts.length > 2 ? parts[2] : "");
    }

    public Optional<Deadline> deadline(String appliesTo) {
        return deadlines.stream().filter(d -> d.appliesTo().equals(appliesTo)).findFirst();
    }

    public String name(String language) {
        return names.getOrDefault(language, names.get("en"));
    }
}
