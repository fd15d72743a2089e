package org.aigaq.recommendations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.tabular.CsvDetection;
import org.aigaq.platform.tabular.CsvTable;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Table;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.WaitingFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * Recommendations from CSV files (UPR and UN index exports): the encoding and separator detected as the other
 * imports do (platform.tabular), columns matched by their heading, every row checked by the rules of a recorded
 * recommendation before anything is written; and the list written out as CSV with the same headings.
 */
@Service
public class RecommendationImports {

    static final String PREFIX = "recommendations";

    /** The columns, by heading; the first four are required. */
    public static final List<String> COLUMNS = List.of("source", "document_symbol", "document_date", "text", "paragraph",
            "sub_paragraph", "themes", "authority", "recommending_state", "state_response", "due_date");

    private static final List<String> REQUIRED = COLUMNS.subList(0, 4);

    /** Which column each field of a draft comes from, to name the column of a broken rule. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("source", "source"),
            Map.entry("documentSymbol", "document_symbol"), Map.entry("documentDate", "document_date"),
            Map.entry("text", "text"), Map.entry("paragraph", "paragraph"), Map.entry("subParagraph", "sub_paragraph"),
            Map.entry("themes", "themes"), Map.entry("authority", "authority"),
            Map.entry("recommendingState", "recommending_state"), Map.entry("stateResponse", "state_response"),
            Map.entry("dueDate", "due_date"));

    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    /** What an import did: the encoding it read the file in, the ids recorded, or the problems (and nothing written). */
    public record Outcome(TextEncoding encoding, List<Long> recorded, List<ImportProblem> problems) {
        /** No file was sent, or an empty one: nothing to read. */
        public static Outcome noFile(TextEncoding encoding) {
            RecommendationAccess.requireRecorder();
            return new Outcome(encoding, List.of(), List.of(new ImportProblem(0, null, "exchange.problem.empty", List.of())));
        }
    }

    private final WaitingFiles files;
    private final Recommendations recommendations;
    private final AuditTrail audit;

    RecommendationImports(WaitingFiles files, Recommendations recommendations, AuditTrail audit) {
        this.files = files;
        this.recommendations = recommendations;
        this.audit = audit;
    }

    /** Reads the whole file (in {@code encoding}, or the detected one when null) and records it only when every row is right. */
    public Outcome importCsv(InputStream content, TextEncoding encoding) {
        RecommendationAccess.requireRecorder();
        var kept = files.keep(PREFIX, content);
        try {
            CsvDetection detected;
            try {
                detected = CsvDetection.of(kept.file(), encoding, null);
            } catch (Table.Unreadable unreadable) {
                return new Outcome(encoding, List.of(), List.of(unreadable.problem()));
            }
            var problems = new ArrayList<ImportProblem>();
            var drafts = new ArrayList<RecommendationDraft>();
            try (var table = CsvTable.open(kept.file(), detected.encoding(), detected.separator())) {
                var position = new HashMap<String, Integer>();
                for (int i = 0; i < table.columns().size(); i++) position.putIfAbsent(heading(table.columns().get(i)), i);
                for (String required : REQUIRED) {
                    if (!position.containsKey(required)) {
                        problems.add(new ImportProblem(1, required, "recommendations.import.column-missing", List.of(required)));
                    }
                }
                if (!problems.isEmpty()) return new Outcome(detected.encoding(), List.of(), problems);
                for (Table.Row row = table.next(); row != null; row = table.next()) {
                    var rowProblems = new ArrayList<ImportProblem>();
                    int size = row.values().size();
                    int expected = table.columns().size();
                    if (size != expected) {
                        problems.add(new ImportProblem(row.number(), null, "exchange.problem.value-count", List.of(size, expected)));
                        continue;
                    }
                    var cells = new HashMap<String, String>();
                    for (var entry : position.entrySet()) {
                        String value = row.values().get(entry.getValue()).strip();
                        if (value.indexOf('\uFFFD') >= 0) {
                            rowProblems.add(new ImportProblem(row.number(), entry.getKey(), "exchange.problem.encoding",
                                    List.of(detected.encoding().displayName())));
                        }
                        cells.put(entry.getKey(), value.isEmpty() ? null : value);
                    }
                    var draft = new RecommendationDraft(
                            choice(Recommendation.Source.class, cells, "source", row, rowProblems),
                            cells.get("document_symbol"), day(cells, "document_date", row, rowProblems),
                            cells.get("paragraph"), cells.get("sub_paragraph"), cells.get("text"),
                            cells.get("themes") == null ? List.of() : Arrays.stream(cells.get("themes").split(";")).toList(),
                            cells.get("authority"), cells.get("recommending_state"),
                            choice(Recommendation.StateResponse.class, cells, "state_response", row, rowProblems),
                            day(cells, "due_date", row, rowProblems), null, null, Sharing.ORGANISATION);
                    for (var violation : recommendations.problems(draft)) {
                        String field = violation.field().contains("/") ? violation.field().substring(0, violation.field().indexOf('/'))
                                : violation.field();
                        String column = COLUMN_OF_FIELD.get(field);
                        // A value already refused as unreadable is not refused again as missing.
                        if (rowProblems.stream().anyMatch(p -> p.column() != null && p.column().equals(column))) continue;
                        rowProblems.add(new ImportProblem(row.number(), column, violation.messageKey(),
                                Arrays.asList(violation.arguments())));
                    }
                    problems.addAll(rowProblems);
                    if (rowProblems.isEmpty()) drafts.add(draft);
                }
            } catch (Table.Unreadable unreadable) {
                problems.add(unreadable.problem());
            }
            if (problems.isEmpty() && drafts.isEmpty()) problems.add(new ImportProblem(0, null, "exchange.problem.empty", List.of()));
            if (!problems.isEmpty()) return new Outcome(detected.encoding(), List.of(), problems);
            var ids = recommendations.recordAll(drafts);
            audit.record("state-recommendation.imported", Recommendations.TABLE, ids.getFirst(),
                    Map.of("rows", ids.size(), "encoding", detected.encoding().name(), "sha256", kept.sha256()));
            return new Outcome(detected.encoding(), ids, List.of());
        } finally {
            files.delete(kept.file().path());
        }
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

    /** A heading as matched: "Document symbol", "document-symbol" and "DOCUMENT_SYMBOL" are one column. */
    static String heading(String column) {
        return column.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static LocalDate day(Map<String, String> cells, String column, Table.Row row, List<ImportProblem> problems) {
        String value = cells.get(column);
        if (value == null) return null;
        try {
            return value.contains(".") ? LocalDate.parse(value, DOTTED) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(row.number(), column, "exchange.problem.day", List.of(value)));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> cells, String column, Table.Row row,
                                                List<ImportProblem> problems) {
        String value = cells.get(column);
        if (value == null) return null;
        String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E e : type.getEnumConstants()) if (e.name().equals(name)) return e;
        problems.add(new ImportProblem(row.number(), column, "recommendations.import.choice",
                List.of(value, String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()))));
        return null;
    }
}
