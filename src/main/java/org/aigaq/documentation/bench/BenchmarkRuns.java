package org.aigaq.documentation.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.MedicalDocumentation;
import org.aigaq.documentation.PersonSearch;
import org.aigaq.documentation.search.CaseSearch;
import org.aigaq.documentation.search.Facet;
import org.aigaq.documentation.search.SearchQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times Aigaq's own services as the benchmark's documenter, each run followed by the floor: the very statements the
 * run sent (recorded by {@link StatementCapture}), sent again straight through JDBC. The inputs of a kind are used
 * in turn, so that no single query is warm in every cache.
 */
@Service
class BenchmarkRuns {

    /** Searches of words with two facets, in the coalition's three languages. */
    static final List<SearchQuery> SEARCHES = List.of(
            search("interrogation", Facet.REGION, "Almaty", Facet.YEAR, "2025"),
            search("допрос", Facet.REGION, "Astana", Facet.VIOLATION_STATUS, "confirmed"),
            search("confession", Facet.PLACE_TYPE, "police-station", Facet.YEAR, "2024"),
            search("медицинская помощь", Facet.REGION, "Karaganda", Facet.ACT_TYPE, "torture"),
            search("адвокатпен", Facet.REGION, "Shymkent", Facet.MONITORING_STATUS, "active"),
            search("beating", Facet.METHOD, "beating", Facet.YEAR, "2023"),
            search("пакет угрожали", Facet.REGION, "Pavlodar", Facet.YEAR, "2022"),
            search("prosecutor complaint", Facet.PLACE_TYPE, "temporary-detention-isolator", Facet.REGION, "Aktobe"));

    /** Names as users type them: Kazakh and Russian Cyrillic, Latin transliterations, surname first, initials. */
    static final List<String> NAMES = List.of("Ержан Ахметов", "Yerzhan Akhmetov", "Ахметов Е.", "Нұрлан Оспанов",
            "Nurlan Ospanov", "Айгүл Қасымова", "Aigul Kassymova", "Смирнов Тимур", "Timur Smirnov",
            "Жанар Тұрсынова", "Zhanar Tursynova", "Дәурен Сейітов", "Dauren Seitov", "Асель Кузнецова");

    /** The times of one kind of measurement, in milliseconds, of Aigaq and of the floor; run i used input i mod inputs. */
    record Timings(String what, int runs, double[] aigaq, double[] floor, int inputs) {

        double aigaq(double percentile) {
            return percentile(aigaq, percentile);
        }

        double floor(double percentile) {
            return percentile(floor, percentile);
        }

        /** Aigaq's time over the floor's at a percentile. */
        double ratio(double percentile) {
            return aigaq(percentile) / floor(percentile);
        }

        /** The nearest-rank percentile. */
        private static double percentile(double[] times, double percentile) {
            double[] sorted = times.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percentile / 100 * sorted.length);
            return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
        }

        /** Whether the calls sent statements to compare with; a writer of files sends none and has no floor. */
        boolean floored() {
            return Arrays.stream(floor).noneMatch(Double::isNaN);
        }

        String line() {
            if (!floored()) {
                return "%-44s %5d  %8.1f %8.1f %8.1f   %8s %8s %8s   %5s %5s".formatted(what, runs, aigaq(50), aigaq(95), aigaq(99),
                        "—", "—", "—", "—", "—");
            }
            return "%-44s %5d  %8.1f %8.1f %8.1f   %8.1f %8.1f %8.1f   %5.2f %5.2f".formatted(what, runs, aigaq(50), aigaq(95),
                    aigaq(99), floor(50), floor(95), floor(99), ratio(50), ratio(95));
        }

        /** The same for each input alone, when there are several: which of them make the tail. */
        List<Timings> byInput() {
            if (inputs < 2) return List.of();
            var result = new ArrayList<Timings>();
            for (int input = 0; input < inputs; input++) {
                int first = input;
                int[] mine = java.util.stream.IntStream.range(0, runs).filter(i -> i % inputs == first).toArray();
                if (mine.length == 0) continue;
                result.add(new Timings("  input " + (input + 1), mine.length,
                        Arrays.stream(mine).mapToDouble(i -> aigaq[i]).toArray(),
                        Arrays.stream(mine).mapToDouble(i -> floor[i]).toArray(), 1));
            }
            return result;
        }

        static String heading() {
            return "%-44s %5s  %8s %8s %8s   %8s %8s %8s   %5s %5s".formatted("ms", "runs", "p50", "p95", "p99", "floor p50",
                    "p95", "p99", "x p50", "x p95");
        }
    }

    private final CaseSearch search;
    private final PersonSearch people;
    private final CaseFiles caseFiles;
    private final MedicalDocumentation medical;
    private final Events events;
    private final TransactionTemplate transaction;

    BenchmarkRuns(CaseSearch search, PersonSearch people, CaseFiles caseFiles, MedicalDocumentation medical, Events events,
                  TransactionTemplate transaction) {
        this.search = search;
        this.people = people;
        this.caseFiles = caseFiles;
        this.medical = medical;
        this.events = events;
        this.transaction = transaction;
    }

    /** Full text and two facets, the first page with every facet's counts. */
    Timings searches(int warmUp, int runs) throws Exception {
        return searches("search: text + 2 facets, page 1 + counts", warmUp, runs);
    }

    /** The same searches under another name (as another reader). */
    Timings searches(String what, int warmUp, int runs) throws Exception {
        return time(what, SEARCHES.stream().<Supplier<?>>map(query -> () -> search.search(query)).toList(), warmUp, runs);
    }

    /** A name across scripts, the 20 most alike people with their cases. */
    Timings names(int warmUp, int runs) throws Exception {
        return time("person name across scripts, top 20", NAMES.stream()
                .<Supplier<?>>map(name -> () -> people.find(name, 20)).toList(), warmUp, runs);
    }

    /** The model of the case page ({@code /events/{id}}) as its controller builds it: file, medical records, grants. */
    Timings casePage(long eventId, int warmUp, int runs) throws Exception {
        Supplier<?> page = () -> transaction.execute(status -> {
            var file = caseFiles.of(eventId);
            var model = Map.of("file", file,
                    "medical", file.rights().identities() ? medical.ofEvent(eventId) : List.of(),
                    "grants", file.rights().manage() ? events.grants(eventId) : List.of());
            return model;
        });
        return time("case page model, 500 linked records", List.of(page), warmUp, runs);
    }

    Timings time(String what, List<Supplier<?>> calls, int warmUp, int runs) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            var captured = StatementCapture.capture(calls.get(i % calls.size()));
            StatementCapture.replay(captured.statements());
        }
        double[] aigaq = new double[runs];
        double[] floor = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            var captured = StatementCapture.capture(calls.get(i % calls.size()));
            aigaq[i] = (System.nanoTime() - started) / 1e6;
            if (captured.statements().isEmpty()) {
                floor[i] = Double.NaN; // nothing sent (a file written from a composed report): no floor to compare with
                continue;
            }
            started = System.nanoTime();
            StatementCapture.replay(captured.statements());
            floor[i] = (System.nanoTime() - started) / 1e6;
        }
        return new Timings(what, runs, aigaq, floor, calls.size());
    }

    private static SearchQuery search(String text, Facet one, String first, Facet two, String second) {
        var filters = new java.util.EnumMap<Facet, List<String>>(Facet.class);
        filters.put(one, List.of(first));
        filters.put(two, List.of(second));
        return new SearchQuery(text, filters, 1, SearchQuery.DEFAULT_SIZE);
    }

    /** The plans of the statements of every search, every name and the case page, for {@code bench --explain}. */
    List<String> explain(long largeCase) throws Exception {
        var plans = new ArrayList<String>();
        var calls = new ArrayList<Supplier<?>>();
        SEARCHES.forEach(query -> calls.add(() -> search.search(query)));
        NAMES.forEach(name -> calls.add(() -> people.find(name, 20)));
        calls.add(() -> caseFiles.of(largeCase));
        for (Supplier<?> call : calls) {
            plans.addAll(StatementCapture.explain(StatementCapture.capture(call).statements()));
        }
        return plans;
    }
}
