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
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.database.ConcurrentReads;
import org.aigaq.platform.security.CurrentUser;
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
    private final ConcurrentReads reads;
    private final int window;

    CaseSearch(JdbcClient jdbc, DataSource dataSource, Vocabularies vocabularies, MessageSource messages, AuditTrail audit,
               ConcurrentReads reads, @Value("${aigaq.search.window:" + DEFAULT_WINDOW + "}") int window) {
        this.jdbc = jdbc;
        this.reads = reads;
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
     * when that finds nothing, since reading both doubles the cost of every frequent word (docs/benchmarks.md). The
     * page's window and each selected facet's are read at once, in read-only transactions of their own
     * ({@link ConcurrentReads}); called within a transaction, they are read in it one after the other.
     */
    public SearchResults search(SearchQuery query) {
        check(query);
        var thesaurus = Thesaurus.of(vocabularies);
        var stored = thesaurus.withNarrower(query);
        var text = SearchText.of(query.text());
        var user = CurrentUser.require();
        var start = reads.one(() -> jdbc.sql("""
                        SELECT min(event_date) AS first, max(event_date) AS last,
                               EXISTS (SELECT 1 FROM case_access WHERE user_id = :user) AS given
                        FROM event_search""").param("user", user.id())
                .query((rs, n) -> new Start(Dates.of(rs.getObject("first", LocalDate.class), rs.getObject("last", LocalDate.class)),
                        rs.getBoolean("given")))
                .single());
        var dates = start.dates();
        String[] readable = start.given() ? null : readable();
        if (!text.present()) return search(query, stored, thesaurus, text, text, dates, readable);
        var found = search(query, stored, thesaurus, text.russianOnly(), text, dates, readable);
        return found.total() > 0 ? found : search(query, stored, thesaurus, text, text, dates, readable);
    }

    /** What a search starts from: the dates of the cases, and whether any case is given to the user one by one. */
    private record Start(Dates dates, boolean given) {}

    /**
     * For a viewer, the stored facet of the only cases they read ('sh:PUBLIC'), matched in the GIN scan with the words,
     * so that a reader who sees a tenth of the cases does not read the rows of the other nine tenths (a million cases:
     * p50 122 to 67 ms). Not for case workers: their cases are their organisation's or shared ('or:', 'sh:COALITION',
     * 'sh:PUBLIC'), and GIN merging those long lists cost as much as it spared (docs/benchmarks.md); nor for a user
     * given cases one by one, which no facet says.
     */
    private static String[] readable() {
        var readable = CaseAccess.readable();
        if (readable.organisation() != null) return null;
        return readable.sharings().stream().map(sharing -> Facet.SHARING.stored(sharing.name())).toArray(String[]::new);
    }

    /** The first and last dates of the cases, or null when no case has a date. */
    private record Dates(LocalDate first, LocalDate last) {
        static Dates of(LocalDate first, LocalDate last) {
            return first == null || last == null ? null : new Dates(first, last);
        }
    }

    /**
     * Which cases one pass reads: those of {@code months} ('mo:yyyy-MM' facets, see V27); or, when {@code months} is
     * null and {@code after} is not, those without a date or dated after {@code after}; or every case.
     */
    private record Range(String[] months, LocalDate after) {
        static final Range ALL = new Range(null, null);

        static Range rest(LocalDate after) {
            return new Range(null, after);
        }
    }

    /** What one pass found: its part of the window and how many matches it read (at most what it wanted plus one). */
    private record Pass<T>(T value, long matched) {}

    /**
     * Reads the newest {@code window} matches by passes over the newest months first, each pass over months not read
     * yet and wanting only the matches still missing, then over the cases without a date (they sort last); the parts
     * are added up with {@code plus}. The answer is the one a single pass over every case gives, but a frequent word
     * reads the rows of a few months instead of every match's, and no row twice. {@code newestYear} bounds the months
     * when a year is selected (a case of a later date has that year only if one of its acts is older than the case). Without {@code bounded} (no words, no filters)
     * the newest cases are simply the first rows of event_search_newest: one pass over every case.
     */
    private <T> T newestFirst(Dates dates, Integer newestYear, boolean bounded, BiFunction<Range, Integer, Pass<T>> pass,
                              BinaryOperator<T> plus) {
        if (dates == null || !bounded) return pass.apply(Range.ALL, window).value();
        LocalDate last = newestYear == null || newestYear >= dates.last().getYear() ? dates.last()
                : LocalDate.of(newestYear, 12, 31);
        YearMonth newest = YearMonth.from(last);
        long all = Math.max(0, ChronoUnit.MONTHS.between(YearMonth.from(dates.first()), newest) + 1);
        int missing = window;
        T found = null;
        // Two months at first: the newest is often only begun.
        int read = 0;
        int next = (int) Math.min(2, all);
        while (next > 0) {
            var part = pass.apply(new Range(months(newest.minusMonths(read), next), null), missing);
            found = found == null ? part.value() : plus.apply(found, part.value());
            if (part.matched() > missing) return found;
            missing -= (int) part.matched();
            read += next;
            // As far as the matches seen so far say the missing ones lie (by days, the newest month being partial, and
            // a fifth more), at least one month; four times as far when none were seen yet.
            long days = ChronoUnit.DAYS.between(newest.minusMonths(read - 1).atDay(1), last) + 1;
            long seen = window - missing;
            long wanted = seen == 0 ? 4L * read : (long) Math.ceil(days * 1.2 * (missing + 1) / seen / 30.0);
            next = (int) Math.min(all - read, Math.max(1, wanted));
        }
        // Last the cases without a date, which sort last, and those dated after a selected year (an act of that year in
        // a case that began later).
        var rest = pass.apply(Range.rest(last), missing);
        return found == null ? rest.value() : plus.apply(found, rest.value());
    }

    private static String[] months(YearMonth newest, int count) {
        var result = new String[count];
        for (int i = 0; i < count; i++) {
            result[i] = "mo:" + newest.minusMonths(i);
        }
        return result;
    }

    /** The latest year selected among {@code facets}' filters, if the year is one of them. */
    private static Integer newestYear(SearchQuery query, Facet without) {
        if (without == Facet.YEAR) return null;
        return query.values(Facet.YEAR).stream().map(Integer::valueOf).max(Integer::compare).orElse(null);
    }

    /**
     * Part of the newest window of matches: the best ranked of its cases (as many as the page needs), its counts of
     * every facet and its number of matches (at most the window plus one).
     */
    private record Window(List<Ranked> best, Map<Facet, Map<String, Long>> counts, long total) {

        /** Two parts together: the best of both, the counts added. */
        Window plus(Window other, int needed) {
            var best = new ArrayList<>(this.best);
            best.addAll(other.best);
            best.sort(Ranked.BEST_FIRST);
            return new Window(List.copyOf(best.subList(0, Math.min(needed, best.size()))), added(counts, other.counts),
                    total + other.total);
        }
    }

    private static Map<Facet, Map<String, Long>> added(Map<Facet, Map<String, Long>> one, Map<Facet, Map<String, Long>> two) {
        var sum = new EnumMap<Facet, Map<String, Long>>(Facet.class);
        for (var counts : List.of(one, two)) {
            counts.forEach((facet, values) -> values.forEach((value, n) ->
                    sum.computeIfAbsent(facet, f -> new HashMap<>()).merge(value, n, Long::sum)));
        }
        return sum;
    }

    /**
     * The search with the words matched as {@code matched} says ({@code shown} marks the words of the page): the
     * newest window of the matches, ranked, paged and counted, and for each selected facet the newest window of the
     * matches of everything else, counted by that facet's values (so that its other values can be added). {@code query}
     * is what the SQL matches ({@code asked} with the narrower terms of its selected ones); {@code asked} is shown.
     */
    private SearchResults search(SearchQuery asked, SearchQuery query, Thesaurus thesaurus, SearchText matched,
                                 SearchText shown, Dates dates, String[] readable) {
        boolean bounded = matched.present() || !query.filters().isEmpty();
        int needed = query.page() * query.size();
        var windows = new ArrayList<Supplier<Window>>();
        windows.add(() -> {
            tuned();
            return newestFirst(dates, newestYear(query, null), bounded, (range, wanted) -> {
                var window = window(query, matched, range, wanted, needed, readable, thesaurus);
                return new Pass<>(window, window.total());
            }, (one, two) -> one.plus(two, needed));
        });
        for (Facet facet : query.filters().keySet()) {
            windows.add(() -> {
                tuned();
                var counted = newestFirst(dates, newestYear(query, facet), true,
                        (range, wanted) -> counted(query, matched, facet, thesaurus, range, wanted, readable),
                        CaseSearch::sum);
                return new Window(List.of(), Map.of(facet, counted), 0);
            });
        }
        var read = reads.all(windows);
        var found = read.getFirst();
        var counts = new EnumMap<Facet, Map<String, Long>>(Facet.class);
        counts.putAll(found.counts());
        read.subList(1, read.size()).forEach(w -> counts.putAll(w.counts()));
        int from = Math.min((query.page() - 1) * query.size(), found.best().size());
        var page = found.best().subList(from, found.best().size());
        return reads.one(() -> new SearchResults(Math.min(found.total(), window), found.total() > window, query.page(),
                query.size(), hits(page, shown), facets(asked, counts, thesaurus)));
    }

    private static Map<String, Long> sum(Map<String, Long> one, Map<String, Long> two) {
        var sum = new HashMap<>(one);
        two.forEach((value, n) -> sum.merge(value, n, Long::sum));
        return sum;
    }

    /**
     * One more part of a window's statement, {@code select} over the pairs (term, broader term) as {@code m}, or nothing
     * without pairs; binds them.
     */
    private static String broader(List<String[]> pairs, Map<String, Object> params, String select) {
        if (pairs.isEmpty()) return "";
        params.put("terms", pairs.stream().map(p -> p[0]).toArray(String[]::new));
        params.put("broaderTerms", pairs.stream().map(p -> p[1]).toArray(String[]::new));
        return "UNION ALL\n" + select.formatted(
                "unnest(CAST(:terms AS text[]), CAST(:broaderTerms AS text[])) AS m (term, broader)") + "\n";
    }

    /** Settings for the statements of a window, for the rest of its transaction. */
    private void tuned() {
        // Plans made for the actual words and values: a generic plan cannot know how many rows a word matches.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        // Bitmaps of tens of thousands of matches stay exact (row by row, not page by page) instead of the default
        // 4MB's lossy pages, each of which must then be read and every row on it checked again.
        jdbc.sql("SET LOCAL work_mem = '32MB'").update();
    }

    /**
     * The newest {@code wanted} matches within {@code range}: the {@code needed} best ranked of them, their counts of
     * every facet, and how many matched (at most {@code wanted} plus one).
     */
    private Window window(SearchQuery query, SearchText text, Range range, int wanted, int needed, String[] readable,
                          Thesaurus thesaurus) {
        var params = new HashMap<String, Object>();
        text.bind(params);
        params.put("window", wanted);
        params.put("windowPlusOne", wanted + 1);
        params.put("needed", needed);
        String broader = broader(thesaurus.pairs(thesaurus.hierarchical()), params, """
                SELECT 'broader', NULL, NULL, NULL, m.broader, count(DISTINCT r.event_id)
                FROM ranked r, unnest(r.facets) f JOIN %s ON m.term = f GROUP BY m.broader""");
        String sql = """
                WITH matching AS MATERIALIZED (
                    SELECT w.*, row_number() OVER () AS n FROM (
                        SELECT s.event_id, s.event_date, s.facets, %3$s AS rank FROM event_search s WHERE %1$s
                        ORDER BY %2$s LIMIT :windowPlusOne) w
                ), ranked AS MATERIALIZED (
                    SELECT event_id, event_date, facets, rank FROM matching WHERE n <= :window
                )
                SELECT 'hit' AS kind, p.event_id, p.rank, p.event_date, NULL AS facet, NULL::bigint AS n FROM (
                    SELECT r.event_id, r.rank, r.event_date FROM ranked r
                    ORDER BY r.rank DESC, r.event_date DESC NULLS LAST, r.event_id DESC LIMIT :needed) p
                UNION ALL
                SELECT 'facet', NULL, NULL, NULL, f, count(*) FROM ranked r, unnest(r.facets) f GROUP BY f
                UNION ALL
                SELECT 'total', NULL, NULL, NULL, NULL, count(*) FROM matching
                %4$s""".formatted(where(query, text, null, range, readable, params), NEWEST, text.rank(), broader);
        var best = new ArrayList<Ranked>();
        var counts = new EnumMap<Facet, Map<String, Long>>(Facet.class);
        var broaderCounts = new HashMap<String, Long>();
        long[] total = {0};
        CaseAccess.bind(jdbc.sql(sql).params(params)).query(rs -> {
            switch (rs.getString("kind")) {
                case "hit" -> best.add(new Ranked(rs.getLong("event_id"), rs.getDouble("rank"),
                        rs.getObject("event_date", LocalDate.class)));
                case "facet" -> count(counts, rs.getString("facet"), rs.getLong("n"));
                case "broader" -> broaderCounts.put(rs.getString("facet"), rs.getLong("n"));
                default -> total[0] = rs.getLong("n");
            }
        });
        broaderCounts.forEach((value, n) -> count(counts, value, n));
        best.sort(Ranked.BEST_FIRST);
        return new Window(best, counts, total[0]);
    }

    /**
     * The values of {@code facet} among the newest {@code wanted} matches within {@code range} of everything but that
     * facet; only that facet's values are carried through the sort by date (rows of thousands of whole facet arrays
     * sorted cost as much as reading them).
     */
    private Pass<Map<String, Long>> counted(SearchQuery query, SearchText text, Facet facet, Thesaurus thesaurus,
                                            Range range, int wanted, String[] readable) {
        var params = new HashMap<String, Object>();
        text.bind(params);
        params.put("window", wanted);
        params.put("windowPlusOne", wanted + 1);
        params.put("facetPrefix", facet.stored("%"));
        // Each broader term counts the cases of any of its narrower ones, each case once.
        String broader = broader(thesaurus.pairs(List.of(facet)), params,
                "SELECT 'broader', m.broader, count(DISTINCT w.n) FROM w, unnest(w.facets) f JOIN %s ON m.term = f WHERE w.n <= :window GROUP BY m.broader");
        var counts = new EnumMap<Facet, Map<String, Long>>(Facet.class);
        var broaderCounts = new HashMap<String, Long>();
        long[] matched = {0};
        CaseAccess.bind(jdbc.sql("""
                WITH w AS MATERIALIZED (
                    SELECT s.facets, row_number() OVER () AS n FROM (
                        SELECT ARRAY(SELECT f FROM unnest(s.facets) f WHERE f LIKE :facetPrefix) AS facets
                        FROM event_search s WHERE %s ORDER BY %s LIMIT :windowPlusOne) s
                )
                SELECT 'value' AS kind, f, count(*) AS n FROM w, unnest(w.facets) f WHERE w.n <= :window GROUP BY f
                UNION ALL
                SELECT 'total', NULL, count(*) FROM w
                %s""".formatted(where(query, text, facet, range, readable, params), NEWEST, broader))
                .params(params))
                .query(rs -> {
                    String value = rs.getString("f");
                    switch (rs.getString("kind")) {
                        case "total" -> matched[0] = rs.getLong("n");
                        case "broader" -> broaderCounts.put(value, rs.getLong("n"));
                        default -> count(counts, value, rs.getLong("n"));
                    }
                });
        // A broader term's own count (cases recorded with it alone) gives way to the count of all under it.
        broaderCounts.forEach((value, n) -> count(counts, value, n));
        return new Pass<>(counts.getOrDefault(facet, new HashMap<>()), matched[0]);
    }

    /** Every matching case the user may read, ranked, as CSV (streamed); the export is audited with its count. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public int export(SearchQuery query, OutputStream out) throws IOException {
        check(query);
        query = Thesaurus.of(vocabularies).withNarrower(query);
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
        return where(query, text, without, Range.ALL, null, params);
    }

    /** The same, within the cases of {@code range}, and with the facets of the cases the user reads when not null. */
    private static String where(SearchQuery query, SearchText text, Facet without, Range range, String[] readable,
                                Map<String, Object> params) {
        var where = new StringBuilder(CaseAccess.visibleEvents("s", "s.event_id"));
        if (readable != null) {
            where.append(" AND s.facets && CAST(:readable AS text[])");
            params.put("readable", readable);
        }
        if (range.months() != null) {
            where.append(" AND s.facets && CAST(:months AS text[])");
            params.put("months", range.months());
        } else if (range.after() != null) {
            where.append(" AND (s.event_date IS NULL OR s.event_date > :after)");
            params.put("after", range.after());
        }
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

    /** A case of the window with its rank: the best first, the newest first among equals. */
    private record Ranked(long eventId, double rank, LocalDate date) {
        static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::rank).reversed()
                .thenComparing(Ranked::date, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Comparator.comparingLong(Ranked::eventId).reversed());
    }

    /** The page's cases with their matched words marked, in the order of the ranking. */
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

    /**
     * Each facet's most frequent values and the selected ones, labelled in the user's language; a facet with a hierarchy
     * as a tree (each broader term shown followed by the narrower ones shown, a level deeper).
     */
    private List<SearchResults.FacetCounts> facets(SearchQuery query, Map<Facet, Map<String, Long>> counts, Thesaurus thesaurus) {
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
            var labels = labels(facet, shown, locale, thesaurus);
            var tree = thesaurus.tree(facet, shown, v -> values.getOrDefault(v, 0L));
            result.add(new SearchResults.FacetCounts(facet, facet.parameter(), tree.entrySet().stream().map(e -> new SearchResults.FacetValue(
                    e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), values.getOrDefault(e.getKey(), 0L),
                    query.selected(facet, e.getKey()), e.getValue())).toList()));
        }
        return result;
    }

    private Map<String, String> labels(Facet facet, List<String> values, Locale locale, Thesaurus thesaurus) {
        if (facet.vocabulary() != null) {
            var terms = thesaurus.terms(facet).stream().collect(Collectors.toMap(Term::code, t -> t.label(locale)));
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
