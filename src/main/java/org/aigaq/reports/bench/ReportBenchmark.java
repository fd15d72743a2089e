package org.aigaq.reports.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.aigaq.documentation.PlaceDraft;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.bench.BenchmarkPart;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.recommendations.Recommendation;
import org.aigaq.recommendations.RecommendationDraft;
import org.aigaq.recommendations.Recommendations;
import org.aigaq.reports.BlockDraft;
import org.aigaq.reports.ComposedReport;
import org.aigaq.reports.Editions;
import org.aigaq.reports.LiveBlock;
import org.aigaq.reports.Report;
import org.aigaq.reports.ReportDocx;
import org.aigaq.reports.ReportDraft;
import org.aigaq.reports.ReportPdf;
import org.aigaq.reports.Reports;
import org.aigaq.reports.SectionDraft;
import org.aigaq.reports.Template;
import org.aigaq.reports.Topic;
import org.apache.pdfbox.Loader;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shadow report's part of {@code bench} (issue 7: a 50-page report with 20 live blocks over a million allegations
 * to PDF in 10 s): once, official statistics (three agencies, sixteen years, seven articles and parts, and a
 * correction), recommendations with assessments and places of detention; the justice pipelines come from the funnel's
 * part; then a report of the periodic-review template with generated narrative in every section and 20 live blocks of
 * all six kinds. Timed: composing it as its author, writing the PDF, the DOCX, and compose + PDF; each block's time and
 * the files' pages and sizes are printed first.
 */
@Component
@Profile("bench")
class ReportBenchmark implements BenchmarkPart {

    /** The title of the benchmark's report; a new version of its content gets a new title, so that a home remakes it. */
    static final String TITLE = "Benchmark alternative report to the Committee against Torture (2)";
    /** The statistics import the benchmark writes is known by the checksum of this text. */
    static final String STATISTICS_MARK = "aigaq bench: official statistics";
    static final String SYMBOL = "CAT/C/KAZ/CO/BENCH";
    static final int BLOCKS = 20;

    private static final String[][] AGENCIES = {{"General Prosecutor's Office", "1-E"}, {"Ministry of Internal Affairs", "1-M"},
        {"Supreme Court", "6"}};
    private static final String[][] ARTICLES = {{"146", ""}, {"146", "1"}, {"146", "2"}, {"146", "3"}, {"362", ""}, {"362", "4"},
        {"361", ""}};
    private static final int FIRST_YEAR = 2010;
    private static final int LAST_YEAR = 2025;
    private static final String[] REGIONS = {"Astana", "Almaty", "Shymkent", "Karaganda", "Aktobe", "Pavlodar", "Kostanay",
        "Turkistan", "East Kazakhstan", "West Kazakhstan", "Mangystau", "Zhambyl"};
    private static final String[] PLACE_TYPES = {"police-station", "temporary-detention-isolator", "pre-trial-detention-centre",
        "penal-colony", "special-reception-centre", "psychiatric-institution"};
    private static final String[] THEMES = {"safeguards", "non-refoulement", "defenders", "impunity", "conditions", "redress"};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final Reports reports;
    private final Editions editions;
    private final ReportPdf pdf;
    private final ReportDocx docx;
    private final Recommendations recommendations;
    private final Places places;

    private long reportId;

    ReportBenchmark(JdbcClient jdbc, NamedParameterJdbcTemplate batches, TransactionTemplate transaction, Reports reports,
                    Editions editions, ReportPdf pdf, ReportDocx docx, Recommendations recommendations, Places places) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transaction = transaction;
        this.reports = reports;
        this.editions = editions;
        this.pdf = pdf;
        this.docx = docx;
        this.recommendations = recommendations;
        this.places = places;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public List<String> needs() {
        return List.of("funnel");
    }

    @Override
    public void prepare(long organisationId, Consumer<String> say) {
        long started = System.nanoTime();
        long figures = statistics();
        long recommended = recommendations(organisationId);
        long registered = places();
        long open = jdbc.sql("SELECT count(*) FROM event WHERE organisation_id = :o AND sharing = 'PUBLIC'").param("o", organisationId)
                .query(Long.class).single();
        reportId = report(organisationId);
        say.accept("Report data: %,d official figures, %,d recommendations, %,d places, %,d public events; report %d with %d blocks (%d s)"
                .formatted(figures, recommended, registered, open, reportId, BLOCKS, (System.nanoTime() - started) / 1_000_000_000));
        // each block's time, over three compositions (the first warms the caches), to find a slow one
        var times = new LinkedHashMap<Long, long[]>();
        var kinds = new LinkedHashMap<Long, String>();
        ComposedReport composed = null;
        for (int run = 0; run < 3; run++) {
            int at = run;
            composed = editions.draft(reportId, null, (block, nanos) -> {
                times.computeIfAbsent(block.id(), b -> new long[3])[at] = nanos;
                kinds.put(block.id(), block.kind() + " " + block.parameters());
            });
        }
        say.accept("Each live block, ms of three compositions (the first warms up):");
        int n = 0;
        for (var entry : times.entrySet()) {
            long[] t = entry.getValue();
            say.accept("  %2d %-90s %8.1f %8.1f %8.1f".formatted(++n, kinds.get(entry.getKey()), t[0] / 1e6, t[1] / 1e6, t[2] / 1e6));
        }
        // on a shared machine the wall-clock time counts the waits for a core too: the thread's own CPU time beside it
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        editions.draft(reportId);
        say.accept("Composed in %,d ms, of which %,d ms on the CPU".formatted((System.nanoTime() - wall) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000));
        cpu = threads.getCurrentThreadCpuTime();
        wall = System.nanoTime();
        byte[] printed = pdf(composed);
        say.accept("PDF written in %,d ms, of which %,d ms on the CPU".formatted((System.nanoTime() - wall) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000));
        cpu = threads.getCurrentThreadCpuTime();
        wall = System.nanoTime();
        byte[] word = docx(composed);
        say.accept("DOCX written in %,d ms, of which %,d ms on the CPU".formatted((System.nanoTime() - wall) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000));
        say.accept("The report: %d sections, %d footnotes; PDF %,d pages, %,d bytes; DOCX %,d bytes".formatted(composed.sections().size(),
                composed.footnotes().size(), pages(printed), printed.length, word.length));
    }

    @Override
    public List<Measurement> measurements() {
        ComposedReport composed = editions.draft(reportId);
        Supplier<?> compose = () -> editions.draft(reportId);
        return List.of(
                new Measurement("report: compose, 20 live blocks", List.of(compose)),
                new Measurement("report: PDF written", List.<Supplier<?>>of(() -> pdf(composed))),
                new Measurement("report: DOCX written", List.<Supplier<?>>of(() -> docx(composed))),
                new Measurement("report: compose + PDF (target 10 s)", List.<Supplier<?>>of(() -> pdf(editions.draft(reportId)))));
    }

    byte[] pdf(ComposedReport report) {
        var out = new ByteArrayOutputStream();
        try {
            pdf.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] docx(ComposedReport report) {
        var out = new ByteArrayOutputStream();
        try {
            docx.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static int pages(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Official figures as the statistics import writes them (an import of status IMPORTED and its figures), in one
     * batch: every agency, year and article or part, and a second import correcting the prosecutors' last year.
     */
    private long statistics() {
        String sha = sha256(STATISTICS_MARK);
        long existing = jdbc.sql("""
                SELECT count(*) FROM statistics_figure f JOIN statistics_import i ON i.id = f.import_id WHERE i.sha256 IN (:sha, :correction)""")
                .param("sha", sha).param("correction", sha256(STATISTICS_MARK + ": correction")).query(Long.class).single();
        if (existing > 0) return existing;
        long user = CurrentUser.require().id();
        return transaction.execute(status -> {
            var random = new Random(7);
            var first = new ArrayList<MapSqlParameterSource>();
            var correction = new ArrayList<MapSqlParameterSource>();
            long original = importRow(user, sha, 0);
            long corrected = importRow(user, sha256(STATISTICS_MARK + ": correction"), 1);
            for (String[] agency : AGENCIES) {
                for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                    for (String[] article : ARTICLES) {
                        var values = figures(agency[0], article, random);
                        for (var value : values.entrySet()) {
                            first.add(figure(original, year, agency, article, value.getKey(), value.getValue()));
                            if (year == LAST_YEAR && agency == AGENCIES[0]) {
                                correction.add(figure(corrected, year, agency, article, value.getKey(), value.getValue() + 1 + random.nextInt(5)));
                            }
                        }
                    }
                }
            }
            var all = new ArrayList<>(first);
            all.addAll(correction);
            batches.batchUpdate("""
                    INSERT INTO statistics_figure (import_id, jurisdiction, year, agency, form, code_version, article, part, measure, value)
                    VALUES (:import, 'KZ', :year, :agency, :form, '2014', :article, :part, :measure, :value)""",
                    all.toArray(MapSqlParameterSource[]::new));
            jdbc.sql("UPDATE statistics_import SET rows_read = :rows, added = :rows WHERE id = :id").param("rows", first.size()).param("id", original).update();
            jdbc.sql("UPDATE statistics_import SET rows_read = :rows, corrected = :rows WHERE id = :id").param("rows", correction.size())
                    .param("id", corrected).update();
            return (long) all.size();
        });
    }

    private long importRow(long user, String sha, int order) {
        return jdbc.sql("""
                INSERT INTO statistics_import (user_id, file_size, sha256, encoding, detected_encoding, separator, status, rows_read,
                    added, corrected, unchanged, problem_count, imported_at)
                VALUES (:user, 0, :sha, 'UTF_8', 'UTF_8', 'SEMICOLON', 'IMPORTED', 0, 0, 0, 0, 0, now() + make_interval(secs => :order))
                RETURNING id""").param("user", user).param("sha", sha).param("order", order).query(Long.class).single();
    }

    /** An agency's measures for one article or part and year: prosecutors and police count the steps, the court its own. */
    private static Map<String, Long> figures(String agency, String[] article, Random random) {
        var values = new LinkedHashMap<String, Long>();
        long complaints = 200 + random.nextInt(2_000) / (article[1].isEmpty() ? 1 : 3);
        long opened = complaints * (5 + random.nextInt(10)) / 100;
        long court = opened * (10 + random.nextInt(30)) / 100;
        if (agency.startsWith("Supreme")) {
            values.put("CONVICTED", court * 8 / 10);
            values.put("SENTENCED_SUSPENDED", court * 3 / 10);
            values.put("SENTENCED_PRISON_UP_TO_5", court * 4 / 10);
            values.put("SENTENCED_PRISON_OVER_5", court / 10);
            long written = 50 + random.nextInt(300);
            long oral = 20 + random.nextInt(200);
            values.put("ALLEGATIONS_WRITTEN", written);
            values.put("ALLEGATIONS_ORAL", oral);
            values.put("ALLEGATIONS_CONFIRMED", (written + oral) * random.nextInt(6) / 100);
            values.put("ALLEGATIONS_UNSUBSTANTIATED", (written + oral) * (60 + random.nextInt(30)) / 100);
        } else {
            values.put("COMPLAINTS", complaints);
            values.put("CASES_OPENED", opened);
            values.put("SENT_TO_COURT", court);
            values.put("CONVICTED", court * 8 / 10);
            values.put("ENDED_AMNESTY", court / 20);
            values.put("ENDED_RECONCILIATION", court / 15);
        }
        return values;
    }

    private static MapSqlParameterSource figure(long importId, int year, String[] agency, String[] article, String measure, long value) {
        return new MapSqlParameterSource().addValue("import", importId).addValue("year", year).addValue("agency", agency[0])
                .addValue("form", agency[1]).addValue("article", article[0]).addValue("part", article[1]).addValue("measure", measure)
                .addValue("value", value);
    }

    /** 90 recommendations of the UN bodies through the service, themed, two in three assessed (a third twice). */
    private long recommendations(long organisationId) {
        long existing = jdbc.sql("SELECT count(*) FROM recommendation WHERE organisation_id = :o AND document_symbol LIKE :symbol")
                .param("o", organisationId).param("symbol", SYMBOL + "%").query(Long.class).single();
        if (existing > 0) return existing;
        var sources = new Recommendation.Source[] {Recommendation.Source.CAT, Recommendation.Source.CAT_FOLLOW_UP,
            Recommendation.Source.SPT, Recommendation.Source.UPR, Recommendation.Source.NPM};
        var grades = Recommendation.Grade.values();
        var drafts = new ArrayList<RecommendationDraft>();
        for (int i = 0; i < 90; i++) {
            var source = sources[i % sources.length];
            String theme = THEMES[i % THEMES.length];
            drafts.add(new RecommendationDraft(source, SYMBOL + "/" + (4 + i % 2), LocalDate.of(2014 + i % 11, 1 + i % 12, 1 + i % 28),
                    String.valueOf(5 + i), i % 3 == 0 ? "a" : null, recommendationText(i, theme), List.of(theme, THEMES[(i + 2) % THEMES.length]),
                    "Government of Kazakhstan", source == Recommendation.Source.UPR ? "Norway" : null,
                    source == Recommendation.Source.UPR ? Recommendation.StateResponse.SUPPORTED : null,
                    source == Recommendation.Source.CAT_FOLLOW_UP ? LocalDate.of(2026, 1 + i % 12, 1) : null, null, null, null));
        }
        return transaction.execute(status -> {
            var ids = recommendations.recordAll(drafts);
            for (int i = 0; i < ids.size(); i++) {
                if (i % 3 == 2) continue;
                recommendations.addAssessment(ids.get(i), new RecommendationDraft.AssessmentDraft(LocalDate.of(2024, 1 + i % 12, 1),
                        grades[i % grades.length], "The measures reported do not reach the places where complaints arise.", List.of(),
                        "Coalition monitoring visits and case files."));
                if (i % 3 == 0) {
                    recommendations.addAssessment(ids.get(i), new RecommendationDraft.AssessmentDraft(LocalDate.of(2025, 1 + i % 12, 1),
                            grades[(i + 2) % grades.length], "Re-assessed after the state's follow-up reply.", List.of(), null));
                }
            }
            return (long) ids.size();
        });
    }

    private static String recommendationText(int i, String theme) {
        return ("The State party should ensure, in law and in practice, that %s: all persons deprived of liberty are afforded all "
                + "fundamental legal safeguards from the very outset of their deprivation of liberty, that allegations are promptly, "
                + "impartially and effectively investigated by an independent body, and that perpetrators are prosecuted and, if "
                + "found guilty, punished with penalties commensurate with the gravity of their acts (recommendation %d).")
                .formatted(theme.replace('-', ' '), i + 1);
    }

    /** A registry of 240 places of detention across the regions, when it has fewer than a hundred. */
    private long places() {
        long existing = jdbc.sql("SELECT count(*) FROM place").query(Long.class).single();
        if (existing >= 100) return existing;
        var drafts = new ArrayList<PlaceDraft>();
        for (int i = 0; i < 240; i++) {
            String type = PLACE_TYPES[i % PLACE_TYPES.length];
            String region = REGIONS[i % REGIONS.length];
            drafts.add(new PlaceDraft("%s %s No. %d".formatted(region, type.replace('-', ' '), 1 + i / REGIONS.length),
                    "BN-%03d".formatted(i + 1), null, type, null, i % 2 == 0 ? "ministry-of-internal-affairs" : "penal-system-committee",
                    region.toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace("zhambyl", "jambyl"), region, null, null, null,
                    i % 5 != 0));
        }
        transaction.executeWithoutResult(status -> places.addImported(drafts));
        return existing + drafts.size();
    }

    /** The benchmark's report, made the first time: the periodic-review template, narrative and 20 blocks. */
    private long report(long organisationId) {
        var found = jdbc.sql("SELECT id FROM report WHERE organisation_id = :o AND title = :title ORDER BY id DESC LIMIT 1")
                .param("o", organisationId).param("title", TITLE).query(Long.class).optional();
        if (found.isPresent()) return found.get();
        Report report = reports.create(new ReportDraft(Template.PERIODIC_REVIEW, TITLE, "Coalition of NGOs against torture", "en"));
        var blocks = blocks();
        for (var section : report.sections()) {
            String narrative = narrative(section.topic(), section.position());
            reports.changeSection(report.id(), section.id(), new SectionDraft(section.heading(), narrative));
            for (var block : blocks.getOrDefault(section.topic(), List.of())) reports.addBlock(report.id(), section.id(), block);
        }
        return report.id();
    }

    /** The 20 live blocks by the topic they illustrate: every kind, filters from none to two. */
    static Map<Topic, List<BlockDraft>> blocks() {
        var blocks = new LinkedHashMap<Topic, List<BlockDraft>>();
        blocks.put(Topic.DEFINITION, List.of(
                block(LiveBlock.STATISTICS, "jurisdiction", "KZ", "article", "2014:146", "fromYear", "2016"),
                block(LiveBlock.INDICATOR, "indicator", "complaints-sent-to-court", "article", "2014:146", "fromYear", "2015",
                        "toYear", "2025", "coalition", "true")));
        blocks.put(Topic.SAFEGUARDS, List.of(
                block(LiveBlock.SAFEGUARDS, "fromYear", "2020", "toYear", "2025"),
                block(LiveBlock.CASES, "region", "Almaty", "fromYear", "2023", "limit", "20"),
                block(LiveBlock.SAFEGUARDS, "region", "Almaty")));
        blocks.put(Topic.OVERSIGHT, List.of(
                block(LiveBlock.FACILITIES, "type", "temporary-detention-isolator", "limit", "40"),
                block(LiveBlock.FACILITIES, "region", "karaganda", "limit", "30")));
        blocks.put(Topic.JUDICIARY, List.of(
                block(LiveBlock.STATISTICS, "agency", "Supreme Court", "fromYear", "2019"),
                block(LiveBlock.INDICATOR, "indicator", "court-allegations-confirmed", "fromYear", "2012", "toYear", "2025")));
        blocks.put(Topic.TRAFFICKING, List.of(
                block(LiveBlock.CASES, "actType", "cruel-inhuman-degrading-treatment", "limit", "15")));
        blocks.put(Topic.NON_REFOULEMENT, List.of(
                block(LiveBlock.RECOMMENDATIONS, "theme", "non-refoulement", "limit", "20")));
        blocks.put(Topic.CONDITIONS, List.of(
                block(LiveBlock.FACILITIES, "type", "penal-colony", "limit", "40"),
                block(LiveBlock.CASES, "region", "Karaganda", "actType", "torture", "limit", "20")));
        blocks.put(Topic.IMPUNITY, List.of(
                block(LiveBlock.STATISTICS, "article", "2014:362", "fromYear", "2015"),
                block(LiveBlock.INDICATOR, "indicator", "criminal-cases-opened", "article", "2014:146", "fromYear", "2015",
                        "toYear", "2025", "coalition", "true"),
                block(LiveBlock.SAFEGUARDS, "fromYear", "2022", "toYear", "2024", "article", "2014:146")));
        blocks.put(Topic.REDRESS, List.of(
                block(LiveBlock.RECOMMENDATIONS, "source", "CAT", "limit", "30")));
        blocks.put(Topic.EVIDENCE, List.of(
                block(LiveBlock.INDICATOR, "indicator", "complaints-sent-to-court", "jurisdiction", "KZ", "article", "2014:361"),
                block(LiveBlock.SAFEGUARDS, "region", "Shymkent", "article", "2014:146")));
        blocks.put(Topic.DEFENDERS, List.of(
                block(LiveBlock.RECOMMENDATIONS, "theme", "defenders", "limit", "20")));
        return blocks;
    }

    private static BlockDraft block(LiveBlock kind, String... pairs) {
        var parameters = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) parameters.put(pairs[i], pairs[i + 1]);
        return new BlockDraft(kind, parameters);
    }

    /**
     * A section's narrative as coalitions write it: numbered paragraphs with footnotes to their sources, a sub-heading, a
     * list of concerns and a quoted testimony in Russian and Kazakh (the fonts must have their letters).
     */
    static String narrative(Topic topic, int position) {
        var random = new Random(position);
        String subject = topic == null ? "this matter" : topic.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        var text = new StringBuilder();
        var notes = new StringBuilder();
        int footnote = 0;
        for (int p = 0; p < 8; p++) {
            if (p == 3) text.append("### Findings of the coalition on ").append(subject).append("\n\n");
            if (p == 5) {
                text.append("> «Меня били в кабинете следователя, пока я не подписал признание». — «Мені тергеушінің кабинетінде "
                        + "ұрды», complainant, 2024.\n\n");
                text.append("The coalition is concerned in particular about:\n\n");
                for (int i = 0; i < 4; i++) {
                    text.append("- ").append(CONCERNS[(position + i) % CONCERNS.length]).append(";\n");
                }
                text.append('\n');
            }
            var paragraph = new StringBuilder();
            for (int s = 0; s < 5 + random.nextInt(3); s++) {
                paragraph.append(SENTENCES[random.nextInt(SENTENCES.length)].formatted(subject)).append(' ');
            }
            if (p % 2 == 1) {
                String label = "s" + position + "n" + (++footnote);
                paragraph.append("[^").append(label).append("]");
                notes.append("[^").append(label).append("]: ").append(SOURCES[(position + footnote) % SOURCES.length]).append("\n");
            }
            if (p == 2) paragraph.append(" The State party's figures are set beside the coalition's own in the tables below.");
            text.append(paragraph.toString().strip()).append("\n\n");
        }
        return text.append(notes).toString();
    }

    private static final String[] SENTENCES = {
        "In the period under review the coalition documented allegations concerning %s in every region of the country.",
        "Complainants and their lawyers reported that the authorities rarely took the first steps of an inquiry within the time the law sets.",
        "The figures published by the State party on %s count complaints registered, not the allegations that were raised with officials.",
        "Most complaints were refused after a pre-investigation check conducted by the same service whose officers were accused.",
        "Medical examinations, where they took place, were carried out days after the events and in the presence of police officers.",
        "Lawyers were denied access to their clients during the first hours of detention, when the risk of ill-treatment is highest.",
        "The coalition notes the State party's reply to the Committee's previous concluding observations on %s, but finds it incomplete.",
        "Victims who persisted with their complaints faced counter-charges of false reporting and pressure on their families.",
        "Courts seldom excluded evidence obtained under duress, even where the defendant raised the allegation at the first hearing.",
        "The national preventive mechanism visited places of detention without prior notice only in a small share of its visits.",
        "Compensation, when awarded, was far below the harm suffered and was paid months after the judgment became final.",
        "Data on %s are not disaggregated by sex, age, ethnicity or the place of deprivation of liberty, which hides patterns of abuse."};

    private static final String[] CONCERNS = {"the absence of a definition of torture fully in line with article 1 of the Convention",
        "the use of amnesty and reconciliation to end cases of torture", "the lack of an independent investigative body",
        "reprisals against complainants, lawyers and human rights defenders", "the conditions in temporary detention isolators",
        "the admission of confessions obtained under duress", "the low share of complaints that reach a court"};

    private static final String[] SOURCES = {
        "Committee against Torture, concluding observations on the fourth periodic report, CAT/C/KAZ/CO/4, para. 10.",
        "General Prosecutor's Office, report form 1-E, table 3, published on its statistics portal.",
        "Coalition case files, documented with the victims' consent; summaries in the annex.",
        "Supreme Court, statistical report form 6, section on allegations of torture raised at trial.",
        "National preventive mechanism, consolidated report on visits, chapter 2.",
        "Special Rapporteur on torture, report on the visit to Kazakhstan, A/HRC/13/39/Add.3, para. 35."};

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
