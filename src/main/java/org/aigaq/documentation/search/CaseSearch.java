package org.aigaq.documentation.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the cases the current user may read: words in Russian, English, Kazakh or any language, values of facets,
 * ranked by cover density with the newest first among equals, with facet counts and highlighted matches. The access
 * rule is {@link CaseAccess#visibleEvents}, applied in the same SQL, so a case the user may not read is neither
 * found nor counted.
 */
@Service
public class CaseSearch {

    /**
     * The most matches ranked and counted (AIGAQ_SEARCH_WINDOW). Beyond it, the newest {@code window} matches are
     * ranked and counted and the total reads "2,000+": the cost of a search is bounded whatever the size of the
     * collection and however many cases a query matches (see docs/architecture.md for the measurements).
     */
    static final int DEFAULT_WINDOW = 2_000;
    /** Values listed per facet, the most frequent first; selected values are always listed. */
    static final int FACET_VALUES = 15;
    static final int LONGEST_TEXT = 500;
    static final int MOST_VALUES = 50;

    private static final String NEWEST = "s.event_date DESC NULLS LAST, s.event_id DESC";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final Vocabularies vocabularies;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final int window;

    CaseSearch(JdbcClient jdbc, DataSource dataSource, Vocabularies vocabularies, MessageSource messages, AuditTrail audit,
               @Value("${aigaq.search.window:" + DEFAULT_WINDOW + "}") int window) {
        this.jdbc = jdbc;
        this.window = window;
        var template = new JdbcTemplate(dataSource);
        // Rows arrive a thousand at a time (a cursor, inside the transaction), so an export never sits in memory.
        template.setFetchSize(1000);
        this.streaming = JdbcClient.create(template);
        this.vocabularies = vocabularies;
        this.messages = messages;
        this.audit = audit;
    }

    /**
     * A page of the matching cases the user may read, with the counts of every facet. The words are first matched
     * against the 'russian' vector alone; the 'simple' one (words as written, the last also as a prefix) is read only
     * when that finds nothing, since reading both doubles the cost of every frequent word (docs/benchmarks.md).
     */
    @Transactional(readOnly = true)
    public SearchResults search(SearchQuery query) {
        check(query);
        // Plans made for the actual words and values: a generic plan cannot know how many rows a word matches.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        // Bitmaps of tens of thousands of matches stay exact (row by row, not page by page) instead of the default
        // 4MB's lossy pages, each of which must then be read and every row on it checked again.
        jdbc.sql("SET LOCAL work_mem = '32MB'").update();
        var text = SearchText.of(query.text());
        if (!text.present()) return search(query, text, text);
        var found = search(query, text.russianOnly(), text);
        return found.total() > 0 ? found : search(query, text, text);
    }

    /** The search with the words matched as {@code matched} says; {@code shown} marks the words of the page. */
    private SearchResults search(SearchQuery query, SearchText matched, SearchText shown) {
        var hits = new ArrayList<Ranked>();
        var counts = new EnumMap<Facet, Map<String, Long>>(Facet.class);
        long total = query.filters().size() < 2 ? windows(query, matched, hits, counts) : together(query, matched, hits, counts);
        hits.sort(Comparator.comparingLong(Ranked::ordinal));
        return new SearchResults(Math.min(total, window), total > window, query.page(), query.size(),
                hits(hits, shown), facets(query, counts));
    }

    /**
     * No facet or one selected: the window of the matches, ranked and counted, and for a selected facet one more window
     * counted without it (here the words alone, whose newest matches the planner finds along event_search_newest when
     * they are many).
     */
    private long windows(SearchQuery query, SearchText text, List<Ranked> hits, Map<Facet, Map<String, Long>> counts) {
        var params = new HashMap<String, Object>();
        text.bind(params);
        params.put("window", window);
        params.put("windowPlusOne", window + 1);
        params.put("size", query.size());
        params.put("offset", (query.page() - 1) * query.size());
        String sql = """
                WITH matching AS MATERIALIZED (
                    SELECT w.event_id, row_number() OVER () AS n FROM (
                        SELECT s.event_id FROM event_search s WHERE %s ORDER BY %s LIMIT :windowPlusOne) w
                ), ranked AS MATERIALIZED (
                    SELECT s.event_id, s.event_date, s.facets, %s AS rank
                    FROM matching m JOIN event_search s ON s.event_id = m.event_id WHERE m.n <= :window
                )
                """.formatted(where(query, text, null, params), NEWEST, text.rank()) + page("ranked") + """
                UNION ALL
                SELECT 'total', NULL, NULL, NULL, NULL, count(*) FROM matching
                """;
        long[] total = {0};
        CaseAccess.bind(jdbc.sql(sql).params(params)).query(rs -> { total[0] = row(rs, hits, counts, total[0]); });
        // A selected facet is counted without its own filter, so that its other values can be added (any of them).
        for (Facet facet : query.filters().keySet()) {
            var own = new HashMap<String, Object>();
            text.bind(own);
            own.put("window", window);
            own.put("prefix_" + facet.name(), facet.stored("%"));
            counts.remove(facet);
            CaseAccess.bind(jdbc.sql("""
                    SELECT f, count(*) AS n FROM (
                        SELECT s.facets FROM event_search s WHERE %s ORDER BY %s LIMIT :window) w, unnest(w.facets) f
                    WHERE f LIKE :prefix_%s GROUP BY f
                    """.formatted(where(query, text, facet, own), NEWEST, facet.name())).params(own))
                    .query(rs -> { count(counts, rs.getString("f"), rs.getLong("n")); });
        }
        return total[0];
    }

    /**
     * Two facets or more selected: one statement. The cases that match the words and all selected facets but at most
     * one are read once (the words' and facets' posting lists intersected in one GIN index per arm), each marked with
     * the facets it has; the page's window (all facets) and each selected facet's window (all the others) are then
     * taken from those rows in memory, instead of reading the posting lists once per window.
     */
    private long together(SearchQuery query, SearchText text, List<Ranked> hits, Map<Facet, Map<String, Long>> counts) {
        var params = new HashMap<String, Object>();
        text.bind(params);
        params.put("window", window);
        params.put("windowPlusOne", window + 1);
        params.put("size", query.size());
        params.put("offset", (query.page() - 1) * query.size());
        var selected = List.copyOf(query.filters().keySet());
        var where = new StringBuilder(CaseAccess.visibleEvents("s", "s.event_id"));
        if (text.present()) where.append(" AND ").append(text.matches());
        var flags = new StringBuilder();
        var allButOne = new ArrayList<String>();
        for (Facet facet : selected) {
            params.put("facet_" + facet.name(), query.values(facet).stream().map(facet::stored).toArray(String[]::new));
            params.put("prefix_" + facet.name(), facet.stored("%"));
            flags.append(", s.facets && CAST(:facet_").append(facet.name()).append(" AS text[]) AS in_").append(facet.name());
            allButOne.add(selected.stream().filter(f -> f != facet)
                    .map(f -> "s.facets && CAST(:facet_" + f.name() + " AS text[])").collect(Collectors.joining(" AND ", "(", ")")));
        }
        where.append(" AND (").append(String.join(" OR ", allButOne)).append(")");
        String all = selected.stream().map(f -> "in_" + f.name()).collect(Collectors.joining(" AND "));
        String allInRow = selected.stream().map(f -> "s.facets && CAST(:facet_" + f.name() + " AS text[])")
                .collect(Collectors.joining(" AND "));
        // The rank is computed in the same pass for the rows of the page's window only (all facets), so that the
        // vectors are neither copied into the CTE nor read again.
        var sql = new StringBuilder("""
                WITH base AS MATERIALIZED (
                    SELECT s.event_id, s.event_date, s.facets%2$s, CASE WHEN %6$s THEN %3$s END AS rank
                    FROM event_search s WHERE %4$s
                ), matching AS MATERIALIZED (
                    SELECT event_id, event_date, facets, rank FROM base WHERE %1$s ORDER BY %5$s LIMIT :windowPlusOne
                ), ranked AS MATERIALIZED (
                    SELECT * FROM matching ORDER BY %5$s LIMIT :window
                )
                """.formatted(all, flags, text.rank(), where, NEWEST.replace("s.", ""), allInRow));
        sql.append(page("ranked"));
        for (Facet facet : selected) {
            String others = selected.stream().filter(f -> f != facet).map(f -> "in_" + f.name()).collect(Collectors.joining(" AND "));
            sql.append("""
                    UNION ALL
                    SELECT 'own', NULL, NULL, NULL, f, count(*) FROM (
                        SELECT facets FROM base WHERE %s ORDER BY %s LIMIT :window) w, unnest(w.facets) f
                    WHERE f LIKE :prefix_%s GROUP BY f
                    """.formatted(others, NEWEST.replace("s.", ""), facet.name()));
        }
        sql.append("""
                UNION ALL
                SELECT 'total', NULL, NULL, NULL, NULL, count(*) FROM matching
                """);
        long[] total = {0};
        var own = new EnumMap<Facet, Map<String, Long>>(Facet.class);
        CaseAccess.bind(jdbc.sql(sql.toString()).params(params)).query(rs -> {
            if (rs.getString("kind").equals("own")) count(own, rs.getString("facet"), rs.getLong("n"));
            else total[0] = row(rs, hits, counts, total[0]);
        });
        // A selected facet is counted without its own filter, so that its other values can be added (any of them).
        selected.forEach(facet -> counts.put(facet, own.getOrDefault(facet, new HashMap<>())));
        return total[0];
    }

    /** The page of hits and every facet's counts, from a CTE of the ranked window. */
    private static String page(String ranked) {
        return """
                SELECT 'hit' AS kind, p.event_id, p.rank, p.ordinal, NULL AS facet, NULL::bigint AS n FROM (
                    SELECT r.event_id, r.rank, row_number() OVER (ORDER BY r.rank DESC, r.event_date DESC NULLS LAST,
                           r.event_id DESC) AS ordinal FROM %1$s r ORDER BY ordinal LIMIT :size OFFSET :offset) p
                UNION ALL
                SELECT 'facet', NULL, NULL, NULL, f, count(*) FROM %1$s r, unnest(r.facets) f GROUP BY f
                """.formatted(ranked);
    }

    /** Reads a row of {@link #page} or the total; answers the total. */
    private static long row(ResultSet rs, List<Ranked> hits, Map<Facet, Map<String, Long>> counts, long total) throws SQLException {
        switch (rs.getString("kind")) {
            case "hit" -> hits.add(new Ranked(rs.getLong("event_id"), rs.getDouble("rank"), rs.getLong("ordinal")));
            case "facet" -> count(counts, rs.getString("facet"), rs.getLong("n"));
            default -> { return rs.getLong("n"); }
        }
        return total;
    }

    /** Every matching case the user may read, ranked, as CSV (streamed); the export is audited with its count. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public int export(SearchQuery query, OutputStream out) throws IOException {
        check(query);
        var text = SearchText.of(query.text());
        var params = new HashMap<String, Object>();
        text.bind(params);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // A byte-order mark so that spreadsheets open the Cyrillic text as UTF-8.
        writer.write('\uFEFF');
        var csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("event_number", "event_title", "event_date",
                "date_precision", "region", "regions", "places", "place_types", "act_types", "methods", "agencies", "units",
                "years", "violation_status", "monitoring_status", "organisation", "sharing").get());
        int[] count = {0};
        CaseAccess.bind(streaming.sql("""
                SELECT e.record_number, e.title, e.initial_date, e.initial_precision, e.region, e.violation_status,
                       e.monitoring_status, e.sharing, o.name AS organisation, s.facets,
                       (SELECT string_agg(p.name, ';' ORDER BY p.name) FROM place p
                        WHERE p.id IN (SELECT substr(f, 4)::bigint FROM unnest(s.facets) f WHERE f LIKE 'pl:%%')) AS places
                FROM event_search s JOIN event e ON e.id = s.event_id JOIN organisation o ON o.id = e.organisation_id
                WHERE %s ORDER BY %s DESC, %s
                """.formatted(where(query, text, null, params), text.rank(), NEWEST)).params(params)).query(rs -> {
            var facets = Arrays.asList((String[]) rs.getArray("facets").getArray());
            try {
                csv.printRecord(rs.getString("record_number"), rs.getString("title"),
                        date(rs).shown(), rs.getString("initial_precision"), rs.getString("region"),
                        joined(facets, Facet.REGION), rs.getString("places"), joined(facets, Facet.PLACE_TYPE),
                        joined(facets, Facet.ACT_TYPE), joined(facets, Facet.METHOD), joined(facets, Facet.AGENCY),
                        joined(facets, Facet.UNIT), joined(facets, Facet.YEAR), rs.getString("violation_status"),
                        rs.getString("monitoring_status"), rs.getString("organisation"), rs.getString("sharing"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count[0]++;
        });
        csv.flush();
        audit.record("search.exported", "event", null, Map.of("cases", count[0], "filters", query.filters().size(),
                "text", !query.text().isEmpty()));
        return count[0];
    }

    /** The conditions of a search: access, words, and every facet but {@code without}; adds their parameters. */
    private static String where(SearchQuery query, SearchText text, Facet without, Map<String, Object> params) {
        var where = new StringBuilder(CaseAccess.visibleEvents("s", "s.event_id"));
        if (text.present()) {
            where.append(" AND ").append(text.matches());
        }
        query.filters().forEach((facet, values) -> {
            if (facet == without) return;
            where.append(" AND s.facets && CAST(:facet_").append(facet.name()).append(" AS text[])");
            params.put("facet_" + facet.name(), values.stream().map(facet::stored).toArray(String[]::new));
        });
        return where.toString();
    }

    private void check(SearchQuery query) {
        if (query.text().length() > LONGEST_TEXT) {
            throw new InvalidInput("q", "validation.too-long", LONGEST_TEXT);
        }
        if (query.size() < 1 || query.size() > SearchQuery.MAX_SIZE) {
            throw new InvalidInput("size", "search.size", SearchQuery.MAX_SIZE);
        }
        int lastPage = (window + query.size() - 1) / query.size();
        if (query.page() < 1 || query.page() > lastPage) {
            throw new InvalidInput("page", "search.page", lastPage);
        }
        query.filters().forEach((facet, values) -> {
            if (values.size() > MOST_VALUES) {
                throw new InvalidInput(facet.parameter(), "search.too-many-values", MOST_VALUES);
            }
            for (String value : values) {
                if (facet.numeric() && !value.matches("\\d{1,18}")) {
                    throw new InvalidInput(facet.parameter(), "search.not-a-number", value);
                }
                if (facet == Facet.SHARING && Arrays.stream(Sharing.values()).noneMatch(s -> s.name().equals(value))) {
                    throw new InvalidInput(facet.parameter(), "search.not-a-sharing", value);
                }
            }
        });
    }

    private static void count(Map<Facet, Map<String, Long>> counts, String stored, long n) {
        Facet.ofStored(stored).ifPresent(facet -> counts.computeIfAbsent(facet, f -> new HashMap<>()).put(facet.value(stored), n));
    }

    /** The page's cases with their matched words marked, in the order of the ranking. */
    /** A case of the page, where the ranking put it. */
    private record Ranked(long eventId, double rank, long ordinal) {}

    private List<SearchResults.Hit> hits(List<Ranked> ranked, SearchText text) {
        if (ranked.isEmpty()) return List.of();
        var params = new HashMap<String, Object>();
        text.bind(params);
        params.put("ids", ranked.stream().map(Ranked::eventId).toArray(Long[]::new));
        params.put("markers", "" + Highlights.START + Highlights.STOP);
        params.put("whole", Highlights.MARKERS + ", HighlightAll=true");
        params.put("fragments", Highlights.MARKERS + ", MaxFragments=2, MinWords=6, MaxWords=20, FragmentDelimiter=\" … \"");
        String title = "translate(e.title, :markers, '')";
        String body = """
                translate(concat_ws(' … ', e.description,
                    (SELECT string_agg(concat_ws(' ', a.stated_reason, a.physical_consequences, a.psychological_consequences), ' ')
                     FROM act a WHERE a.event_id = e.id),
                    (SELECT string_agg(n.summary, ' ') FROM information n WHERE n.event_id = e.id),
                    (SELECT string_agg(v.response, ' ') FROM intervention v WHERE v.event_id = e.id)), :markers, '')""";
        String marked = text.present() ? """
                CASE WHEN s.russian @@ %1$s THEN ts_headline('russian', %3$s, %1$s, :whole)
                     ELSE ts_headline('aigaq_simple', %3$s, %2$s, :whole) END AS title_marked,
                CASE WHEN s.russian @@ %1$s THEN ts_headline('russian', %4$s, %1$s, :fragments)
                     ELSE ts_headline('aigaq_simple', %4$s, %2$s, :fragments) END AS snippet_marked
                """.formatted(text.russianQuery(), text.simpleQuery(), title, body)
                : title + " AS title_marked, left(translate(e.description, :markers, ''), 240) AS snippet_marked";
        Map<Long, SearchResults.Hit> found = jdbc.sql("""
                SELECT e.id, e.record_number, e.initial_date, e.initial_precision, e.region, %s
                FROM event e JOIN event_search s ON s.event_id = e.id WHERE e.id = ANY (CAST(:ids AS bigint[]))
                """.formatted(marked)).params(params).query((rs, n) -> new SearchResults.Hit(rs.getLong("id"),
                        rs.getString("record_number"), Highlights.html(rs.getString("title_marked")), date(rs).shown(),
                        rs.getString("region"), blankToNull(Highlights.html(rs.getString("snippet_marked"))), 0))
                .list().stream().collect(Collectors.toMap(SearchResults.Hit::eventId, Function.identity()));
        return ranked.stream().filter(r -> found.containsKey(r.eventId())).map(r -> {
            var hit = found.get(r.eventId());
            return new SearchResults.Hit(hit.eventId(), hit.recordNumber(), hit.titleHtml(), hit.date(), hit.region(),
                    hit.snippetHtml(), r.rank());
        }).toList();
    }

    /** Each facet's most frequent values and the selected ones, labelled in the user's language. */
    private List<SearchResults.FacetCounts> facets(SearchQuery query, Map<Facet, Map<String, Long>> counts) {
        Locale locale = LocaleContextHolder.getLocale();
        var result = new ArrayList<SearchResults.FacetCounts>();
        for (Facet facet : Facet.values()) {
            var values = counts.getOrDefault(facet, Map.of());
            var shown = new ArrayList<String>(values.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(facet == Facet.YEAR
                            ? Map.Entry.<String, Long>comparingByKey().reversed() : Map.Entry.comparingByKey()))
                    .limit(FACET_VALUES).map(Map.Entry::getKey).toList());
            query.values(facet).stream().filter(v -> !shown.contains(v)).forEach(shown::add);
            if (shown.isEmpty()) continue;
            var labels = labels(facet, shown, locale);
            result.add(new SearchResults.FacetCounts(facet, facet.parameter(), shown.stream().map(v -> new SearchResults.FacetValue(v,
                    labels.getOrDefault(v, v), values.getOrDefault(v, 0L), query.selected(facet, v))).toList()));
        }
        return result;
    }

    private Map<String, String> labels(Facet facet, List<String> values, Locale locale) {
        if (facet.vocabulary() != null) {
            var terms = vocabularies.terms(facet.vocabulary()).stream().collect(Collectors.toMap(Term::code, t -> t.label(locale)));
            return values.stream().filter(terms::containsKey).collect(Collectors.toMap(v -> v, terms::get));
        }
        return switch (facet) {
            case PLACE -> names("place", values);
            case ORGANISATION -> names("organisation", values);
            case SHARING -> values.stream().collect(Collectors.toMap(v -> v,
                    v -> messages.getMessage(Sharing.valueOf(v).messageKey(), null, v, locale)));
            default -> Map.of();
        };
    }

    /** The names of places or organisations by id; only numbers reach here (see {@link #check}). */
    private Map<String, String> names(String table, List<String> ids) {
        var result = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT id, name FROM " + table + " WHERE id = ANY (CAST(:ids AS bigint[]))")
                .param("ids", ids.stream().map(Long::valueOf).toArray(Long[]::new))
                .query(rs -> { result.put(String.valueOf(rs.getLong("id")), rs.getString("name")); });
        return result;
    }

    private static String joined(List<String> facets, Facet facet) {
        return facets.stream().map(f -> Facet.ofStored(f).filter(x -> x == facet).map(x -> x.value(f)).orElse(null))
                .filter(v -> v != null).collect(Collectors.joining(";"));
    }

    private static FuzzyDate date(ResultSet rs) throws SQLException {
        String precision = rs.getString("initial_precision");
        return new FuzzyDate(rs.getObject("initial_date", LocalDate.class), precision == null ? null : DatePrecision.valueOf(precision));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
