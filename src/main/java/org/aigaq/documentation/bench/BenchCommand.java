package org.aigaq.documentation.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.aigaq.platform.cli.ContributedCommand;
import org.aigaq.platform.security.SignedInUsers;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench [--events N] [--threads N] [--runs N] [--warm-up N] [--explain] [--only search|search-elsewhere|names|page|funnel|report]}: the first time on a home, loads N synthetic
 * events (a million by default, with 1.5 acts and 2 people each) and one case of 500 linked records, and what the
 * {@link BenchmarkPart}s add (the justice pipelines); every time, times the search, the person search, the case page
 * and the parts' calls (the funnel, the shadow report) through Aigaq and against the floor, and prints p50, p95
 * and p99 in milliseconds; with {@code --explain}, first prints the plans of their statements. See docs/benchmarks.md.
 */
public final class BenchCommand implements ContributedCommand {

    static final int EVENTS = 1_000_000;
    static final int RUNS = 200;
    static final int WARM_UP = 20;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public List<String> profiles() {
        return List.of("bench");
    }

    @Override
    public int run(ConfigurableApplicationContext context, String[] args) {
        List<String> words = List.of(args);
        int events;
        int threads;
        int runs;
        int warmUp;
        try {
            events = number(words, "--events", EVENTS);
            threads = number(words, "--threads", Runtime.getRuntime().availableProcessors());
            runs = number(words, "--runs", RUNS);
            warmUp = number(words, "--warm-up", WARM_UP);
        } catch (NumberFormatException e) {
            System.err.println("usage: java -jar aigaq.jar bench [--events N] [--threads N] [--runs N] [--warm-up N] [--explain] [--only search|search-elsewhere|names|page|funnel|report]");
            return 2;
        }
        try {
            var load = context.getBean(SyntheticLoad.class);
            var runner = context.getBean(BenchmarkRuns.class);
            long existing = load.events();
            if (existing == 0) {
                say("Loading %,d events on %d threads (load average %s)".formatted(events, threads, loadAverage()));
                var loaded = load.load(events, threads, BenchCommand::say);
                say("Loaded %,d events, %,d people, %,d acts in %d s; vacuum and analyse %d s (load average %s)".formatted(
                        loaded.events(), loaded.people(), loaded.acts(), loaded.load().toSeconds(), loaded.vacuum().toSeconds(),
                        loadAverage()));
            } else {
                say("%,d benchmark events already loaded: measuring only".formatted(existing));
            }
            long largeCase = load.largeCase().orElseThrow(() -> new IllegalStateException("the large case is missing"));
            var documenter = SignedInUsers.principalOf(load.documenter(), false);
            var timings = new java.util.ArrayList<BenchmarkRuns.Timings>();
            Exception[] failed = {null};
            SyntheticLoad.asUser(documenter, () -> {
                try {
                    if (words.contains("--explain")) runner.explain(largeCase).forEach(BenchCommand::say);
                    say("Measuring: %d warm-up runs, then %d runs each (load average %s)".formatted(warmUp, runs, loadAverage()));
                    String only = words.indexOf("--only") >= 0 && words.indexOf("--only") + 1 < words.size()
                            ? words.get(words.indexOf("--only") + 1) : "all";
                    if (only.equals("all") || only.equals("search")) timings.add(runner.searches(warmUp, runs));
                    if (only.equals("all") || only.equals("search-elsewhere")) {
                        // The same searches by readers who see fewer of the cases: each window must read further.
                        var readers = load.readersElsewhere();
                        String[] what = {"search as another organisation (4 in 10)", "search as a viewer (public: 1 in 10)"};
                        for (int i = 0; i < readers.size(); i++) {
                            int reader = i;
                            SyntheticLoad.asUser(SignedInUsers.principalOf(readers.get(i), false), () -> {
                                try {
                                    timings.add(runner.searches(what[reader], warmUp, runs));
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                        }
                    }
                    if (only.equals("all") || only.equals("names")) timings.add(runner.names(warmUp, runs));
                    if (only.equals("all") || only.equals("page")) timings.add(runner.casePage(largeCase, warmUp, runs));
                    var parts = context.getBeansOfType(BenchmarkPart.class).values();
                    var prepared = new java.util.HashSet<String>();
                    for (BenchmarkPart part : parts) {
                        if (!only.equals("all") && !only.equals(part.name())) continue;
                        for (BenchmarkPart needed : parts) {
                            if (part.needs().contains(needed.name()) && prepared.add(needed.name())) {
                                needed.prepare(documenter.organisationId(), BenchCommand::say);
                            }
                        }
                        if (prepared.add(part.name())) part.prepare(documenter.organisationId(), BenchCommand::say);
                        for (var measurement : part.measurements()) {
                            timings.add(runner.time(measurement.what(), measurement.calls(), warmUp, runs));
                        }
                    }
                } catch (Exception e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) throw failed[0];
            say(BenchmarkRuns.Timings.heading());
            timings.forEach(t -> {
                say(t.line());
                t.byInput().forEach(input -> say(input.line()));
            });
            say("Load average at the end: " + loadAverage());
            return 0;
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static int number(List<String> words, String option, int otherwise) {
        int at = words.indexOf(option);
        return at >= 0 && at + 1 < words.size() ? Integer.parseInt(words.get(at + 1)) : otherwise;
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
