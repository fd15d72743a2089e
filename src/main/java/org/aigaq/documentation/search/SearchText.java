package org.aigaq.documentation.search;

import java.util.Locale;
import java.util.Map;

/**
 * The words of a search as SQL conditions. The 'russian' vector is matched with the text in web search syntax
 * (Russian and English stemming); the 'simple' vector with the same text, the last word also as a prefix, so that
 * "Бауыр" finds "Бауыржан" and Kazakh words are found whatever their ending. {@code withSimple} false reads the
 * 'russian' vector only: a search tries that first and reads the 'simple' one only when it finds nothing (see
 * {@link CaseSearch#search}).
 */
record SearchText(String text, String rest, String prefix, boolean withSimple) {

    /** Shorter prefixes would match too many words to stay fast. */
    static final int SHORTEST_PREFIX = 3;

    static SearchText of(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) return new SearchText("", null, null, true);
        String[] words = stripped.split("\\s+");
        String last = words[words.length - 1];
        boolean insideQuotes = stripped.chars().filter(c -> c == '"').count() % 2 != 0;
        boolean afterOr = words.length > 1 && words[words.length - 2].equalsIgnoreCase("or");
        // Only letters and digits: anything else is search syntax (-word, "phrase") and the prefix must be safe tsquery text.
        boolean plainWord = last.length() >= SHORTEST_PREFIX && last.codePoints().allMatch(Character::isLetterOrDigit)
                && !last.equalsIgnoreCase("or");
        if (insideQuotes || afterOr || !plainWord) return new SearchText(stripped, null, null, true);
        String rest = stripped.substring(0, stripped.length() - last.length()).strip();
        return new SearchText(stripped, rest, last.toLowerCase(Locale.ROOT) + ":*", true);
    }

    /** The same words matched against the 'russian' vector only. */
    SearchText russianOnly() {
        return new SearchText(text, rest, prefix, false);
    }

    boolean present() {
        return !text.isEmpty();
    }

    String russianQuery() {
        return "websearch_to_tsquery('russian', :text)";
    }

    String simpleQuery() {
        return prefix == null ? "websearch_to_tsquery('aigaq_simple', :text)"
                : "(websearch_to_tsquery('aigaq_simple', :rest) && to_tsquery('aigaq_simple', :prefix))";
    }

    /** The condition on a search row aliased {@code s}. */
    String matches() {
        if (!withSimple) return "s.russian @@ " + russianQuery();
        return "(s.russian @@ " + russianQuery() + " OR s.simple @@ " + simpleQuery() + ")";
    }

    /** Cover density of the matched words, weighted by where they are (title, narrative, sources, places). */
    String rank() {
        if (!present()) return "CAST(0 AS real)";
        if (!withSimple) return "ts_rank_cd(s.russian, " + russianQuery() + ")";
        return "greatest(ts_rank_cd(s.russian, " + russianQuery() + "), ts_rank_cd(s.simple, " + simpleQuery() + "))";
    }

    void bind(Map<String, Object> params) {
        params.put("text", text);
        if (prefix != null && withSimple) {
            params.put("rest", rest);
            params.put("prefix", prefix);
        }
    }
}
