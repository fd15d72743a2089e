package org.aigaq.recommendations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.tabular.ImportJobs;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.WaitingFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recommendations from CSV files (UPR and UN index exports) in the steps every import shares ({@link ImportJobs}: the
 * upload kept encrypted with its encoding and separator detected, the mapping of its columns to the fields of a
 * recommendation, proposed from the headings and chosen by the user, a dry run that checks every row by the rules of
 * a recorded recommendation and writes nothing, and the run, which records every row or none, audited once); and the
 * list written out as CSV with the headings the import recognises.
 */
@Service
public class RecommendationImports {

    private static final ImportJobs.Kind<RecommendationField, Mapping> KIND = new ImportJobs.Kind<>("recommendation_import",
            "recommendations", "state-recommendation", "recommendation-import", RecommendationField.class, Mapping.class);

    /** The columns of the export, by heading: the fields' headings. */
    public static final List<String> COLUMNS = Arrays.stream(RecommendationField.values()).map(RecommendationField::heading).toList();

    /** Which field of a draft (as its violations name it) each field of the file gives. */
    private static final Map<String, RecommendationField> FIELD_OF_DRAFT = Map.ofEntries(
            Map.entry("source", RecommendationField.SOURCE), Map.entry("documentSymbol", RecommendationField.DOCUMENT_SYMBOL),
            Map.entry("documentDate", RecommendationField.DOCUMENT_DATE), Map.entry("text", RecommendationField.TEXT),
            Map.entry("paragraph", RecommendationField.PARAGRAPH), Map.entry("subParagraph", RecommendationField.SUB_PARAGRAPH),
            Map.entry("themes", RecommendationField.THEMES), Map.entry("authority", RecommendationField.AUTHORITY),
            Map.entry("recommendingState", RecommendationField.RECOMMENDING_STATE),
            Map.entry("stateResponse", RecommendationField.STATE_RESPONSE), Map.entry("dueDate", RecommendationField.DUE_DATE));

    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    /** Which column gives which field (null: the column is not imported). */
    public record Mapping(Map<String, RecommendationField> columns) implements ImportJobs.ColumnMapping<RecommendationField> {
        public Mapping {
            columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        }
    }

    private final ImportJobs<RecommendationField, Mapping> jobs;
    private final Recommendations recommendations;

    RecommendationImports(JdbcClient jdbc, JsonMapper json, AuditTrail audit, TransactionTemplate transaction, WaitingFiles files,
                          Recommendations recommendations) {
        this.jobs = new ImportJobs<>(KIND, jdbc, json, audit, transaction, files);
        this.recommendations = recommendations;
    }

    /**
     * Keeps an uploaded CSV file and detects how to read it (or reads it in the encoding and with the separator given);
     * the proposed mapping recognises the headings.
     */
    public ImportJobs.Job<Mapping> upload(InputStream content, TextEncoding encoding, Separator separator) {
        return jobs.upload(recorder(), content, encoding, separator, RecommendationImports::propose);
    }

    /** The import, for the user who uploaded it; anyone else is told it does not exist. */
    public ImportJobs.Job<Mapping> get(long id) {
        return jobs.get(recorder(), id);
    }

    /**
     * Saves the mapping, checked as a whole: every column named exists, each field comes from one column at most, and
     * source, document symbol, document date and text are mapped. A new encoding or separator reads the columns again;
     * when they changed, a mapping sent for the columns as now read is kept, any other is proposed afresh from the headings,
     * and only the columns named are checked then (the required fields at the next saving, dry run or run).
     */
    public ImportJobs.Job<Mapping> map(long id, TextEncoding encoding, Separator separator, Mapping mapping) {
        long user = recorder();
        var job = jobs.get(user, id);
        boolean reread = (encoding != null && encoding != job.encoding()) || (separator != null && separator != job.separator());
        // Read anew, the file may show other columns: the reader sees them before being told what the mapping lacks
        // (the dry run and the run check it whole in any case).
        return jobs.map(user, id, encoding, separator, mapping, RecommendationImports::repropose,
                reread ? RecommendationImports::checkColumns : RecommendationImports::check);
    }

    /** Checks the mapping, then every row, and writes nothing. */
    public ImportJobs.Outcome dryRun(long id) {
        return jobs.dryRun(recorder(), id, job -> {
            check(job.mapping(), job.columns());
            return checkRows(job);
        });
    }

    /** Records every row, or none when one is wrong; audited once. @throws ImportJobs.Refused with the problems */
    public ImportJobs.Outcome run(long id) {
        return jobs.run(recorder(), id, job -> {
            check(job.mapping(), job.columns());
            return checkRows(job);
        }, checked -> recommendations.recordAll(checked.records()));
    }

    private static long recorder() {
        RecommendationAccess.requireRecorder();
        return CurrentUser.require().id();
    }

    static Mapping propose(List<String> columns) {
        return new Mapping(ImportJobs.propose(columns, RecommendationField::named));
    }

    /** The mapping of columns read anew: the one chosen when it names them as now read (an API client may), else proposed. */
    private static Mapping repropose(List<String> columns, Mapping chosen) {
        boolean forTheseColumns = !chosen.columns().isEmpty() && columns.containsAll(chosen.columns().keySet());
        return forTheseColumns ? chosen : propose(columns);
    }

    private static void checkColumns(Mapping mapping, List<String> columns) {
        var violations = new ArrayList<InvalidInput.Violation>();
        ImportJobs.mapped(mapping, columns, violations);
        if (!violations.isEmpty()) throw new InvalidInput(violations);
    }

    private static void check(Mapping mapping, List<String> columns) {
        var violations = new ArrayList<InvalidInput.Violation>();
        var used = ImportJobs.mapped(mapping, columns, violations);
        for (var required : RecommendationField.REQUIRED) {
            if (!used.contains(required)) {
                // The field's label, resolved in the reader's language when the message is written.
                violations.add(new InvalidInput.Violation("columns", "recommendations.import.field-required",
                        new DefaultMessageSourceResolvable(required.messageKey())));
            }
        }
        if (!violations.isEmpty()) throw new InvalidInput(violations);
    }

    private ImportJobs.Checked<RecommendationDraft> checkRows(ImportJobs.Job<Mapping> job) {
        var problems = new ImportJobs.Problems();
        var drafts = new ArrayList<RecommendationDraft>();
        var columnOf = jobs.columnOf(job.mapping());
        long rows = jobs.eachRow(job, problems, (row, all) -> {
            var rowProblems = new ArrayList<ImportProblem>(row.problems());
            var cells = row.values();
            var draft = new RecommendationDraft(
                    choice(Recommendation.Source.class, cells, RecommendationField.SOURCE, row.number(), columnOf, rowProblems),
                    cells.get(RecommendationField.DOCUMENT_SYMBOL),
                    day(cells, RecommendationField.DOCUMENT_DATE, row.number(), columnOf, rowProblems),
                    cells.get(RecommendationField.PARAGRAPH), cells.get(RecommendationField.SUB_PARAGRAPH),
                    cells.get(RecommendationField.TEXT),
                    cells.get(RecommendationField.THEMES) == null ? List.of()
                            : Arrays.stream(cells.get(RecommendationField.THEMES).split(";")).toList(),
                    cells.get(RecommendationField.AUTHORITY), cells.get(RecommendationField.RECOMMENDING_STATE),
                    choice(Recommendation.StateResponse.class, cells, RecommendationField.STATE_RESPONSE, row.number(), columnOf, rowProblems),
                    day(cells, RecommendationField.DUE_DATE, row.number(), columnOf, rowProblems), null, null, Sharing.ORGANISATION);
            for (var violation : recommendations.problems(draft)) {
                String name = violation.field().contains("/") ? violation.field().substring(0, violation.field().indexOf('/'))
                        : violation.field();
                var field = FIELD_OF_DRAFT.get(name);
                String column = field == null ? null : columnOf.get(field);
                // A value already refused (unreadable, not a day, not a choice) is not refused again as missing.
                if (column != null && rowProblems.stream().anyMatch(p -> column.equals(p.column()))) continue;
                rowProblems.add(new ImportProblem(row.number(), column, violation.messageKey(), Arrays.asList(violation.arguments())));
            }
            all.addAll(rowProblems);
            if (rowProblems.isEmpty()) drafts.add(draft);
        });
        if (problems.count() == 0 && drafts.isEmpty()) problems.add(new ImportProblem(0, null, "exchange.problem.empty", List.of()));
        return new ImportJobs.Checked<>(problems.outcome(rows, drafts.size(), 0, 0), drafts);
    }

    /** The recommendations the user may read as CSV, in the import's columns plus the latest grade and claims counted. */
    public String exportCsv() {
        var out = new StringBuilder();
        var header = new ArrayList<>(COLUMNS);
        header.addAll(List.of("id", "latest_grade", "claims"));
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (var line : recommendations.list(null, null)) {
                var r = recommendations.get(line.id());
                csv.printRecord(r.source(), r.documentSymbol(), r.documentDate(), r.text(), r.paragraph(), r.subParagraph(),
                        String.join(";", r.themes()), r.authority(), r.recommendingState(), r.stateResponse(), r.dueDate(),
                        r.id(), line.grade(), line.claims());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static LocalDate day(Map<RecommendationField, String> cells, RecommendationField field, long row,
                                 Map<RecommendationField, String> columnOf, List<ImportProblem> problems) {
        String value = cells.get(field);
        if (value == null) return null;
        try {
            return value.contains(".") ? LocalDate.parse(value, DOTTED) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(row, columnOf.get(field), "exchange.problem.day", List.of(value)));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<RecommendationField, String> cells, RecommendationField field,
                                                long row, Map<RecommendationField, String> columnOf, List<ImportProblem> problems) {
        String value = cells.get(field);
        if (value == null) return null;
        String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E e : type.getEnumConstants()) if (e.name().equals(name)) return e;
        problems.add(new ImportProblem(row, columnOf.get(field), "recommendations.import.choice",
                List.of(value, String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()))));
        return null;
    }
}
