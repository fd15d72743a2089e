package org.aigaq.statistics;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigaq.justice.Jurisdiction;
import org.aigaq.justice.Jurisdictions;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.tabular.CsvDetection;
import org.aigaq.platform.tabular.CsvTable;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.Table;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.UploadedFile;
import org.aigaq.platform.tabular.WaitingFiles;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of official statistics tables from CSV (coordinators and documenters, as population imports), in the steps
 * of the population import: the upload (kept encrypted, read through {@code platform.tabular}), the mapping of
 * columns to fields, a dry run that checks every row and writes nothing, and the run, which records a new version
 * with every figure or none, audited once. A row gives the figures of one jurisdiction, year, source (agency, report
 * form) and article; each mapped measure column one figure. A figure equal to its latest version is left as it is;
 * a different one is a correction, recorded as the new version beside the earlier.
 */
@Service
public class StatisticsImports {

    static final int PROBLEMS_KEPT = 2_000;
    private static final String PREFIX = "statistics";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {};

    /** Which column gives which field. */
    public record Mapping(Map<String, StatisticsField> columns) {
        public Mapping {
            columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        }
    }

    /** What a dry run or a run found: rows read, figures new, corrected (new versions) and unchanged, problems. */
    public record Outcome(long rows, int added, int corrected, int unchanged, int problemCount, List<ImportProblem> problems) {}

    /** An import: the file, how it is read, the mapping, its state and its last outcome. */
    public record Job(long id, long userId, long size, String sha256, TextEncoding encoding, TextEncoding detectedEncoding,
                      Separator separator, List<String> columns, Mapping mapping, String status, Outcome outcome) {
        public boolean imported() {
            return "IMPORTED".equals(status);
        }
    }

    /** The run found problems; nothing was recorded. */
    public static final class Refused extends RuntimeException {
        private final transient Outcome outcome;

        Refused(Outcome outcome) {
            super(outcome.problemCount() + " problems");
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Jurisdictions jurisdictions;
    private final OfficialFigures figures;
    private final TransactionTemplate transaction;
    private final WaitingFiles files;

    StatisticsImports(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Jurisdictions jurisdictions, OfficialFigures figures,
                      TransactionTemplate transaction, WaitingFiles files) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.jurisdictions = jurisdictions;
        this.figures = figures;
        this.transaction = transaction;
        this.files = files;
    }

    /** Keeps an uploaded CSV file and detects how to read it; the proposed mapping recognises the columns' names. */
    public Job upload(InputStream content, TextEncoding encoding, Separator separator) {
        var user = requireImporter();
        if (content == null) throw new InvalidInput("file", "exchange.upload.file-required");
        var kept = files.keep(PREFIX, content);
        Path path = kept.file().path();
        try {
            if (kept.size() == 0) throw new InvalidInput("file", "exchange.problem.empty");
            CsvDetection detected;
            try {
                detected = CsvDetection.of(kept.file(), encoding, separator);
            } catch (Table.Unreadable unreadable) {
                throw new InvalidInput("file", unreadable.problem().messageKey(), unreadable.problem().messageArguments());
            }
            var mapping = new Mapping(propose(detected.columns()));
            long id = transaction.execute(status -> {
                long created = jdbc.sql("""
                        INSERT INTO statistics_import (user_id, file_path, file_size, sha256, encoding, detected_encoding,
                                                       separator, columns, mapping, status)
                        VALUES (:user, :path, :size, :sha256, :encoding, :detected, :separator, CAST(:columns AS jsonb),
                                CAST(:mapping AS jsonb), 'UPLOADED')
                        RETURNING id
                        """).param("user", user.id()).param("path", path.toString()).param("size", kept.size())
                        .param("sha256", kept.sha256()).param("encoding", detected.encoding().name())
                        .param("detected", detected.detectedEncoding().name()).param("separator", detected.separator().name())
                        .param("columns", json.writeValueAsString(detected.columns()))
                        .param("mapping", json.writeValueAsString(mapping)).query(Long.class).single();
                audit.record("statistics.import-uploaded", "statistics-import", created, Map.of("encoding",
                        detected.encoding().name(), "size", kept.size(), "sha256", kept.sha256()));
                return created;
            });
            return get(id);
        } catch (RuntimeException e) {
            files.delete(path);
            throw e;
        }
    }

    /** The import, for the user who uploaded it; anyone else is told it does not exist. */
    public Job get(long id) {
        var user = requireImporter();
        var job = jdbc.sql("SELECT * FROM statistics_import WHERE id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NoSuchRecord("statistics-import", id));
        if (job.userId() != user.id()) throw new NoSuchRecord("statistics-import", id);
        return job;
    }

    /**
     * Saves the mapping, checked as a whole: every column named exists, each field comes from one column at most, the
     * year, the agency, the article and at least one measure are mapped. A new encoding or separator reads the
     * columns again and proposes their mapping afresh.
     */
    public Job map(long id, TextEncoding encoding, Separator separator, Mapping mapping) {
        var job = open(id);
        var columns = job.columns();
        TextEncoding newEncoding = encoding == null ? job.encoding() : encoding;
        Separator newSeparator = separator == null ? job.separator() : separator;
        Mapping chosen = mapping == null ? job.mapping() : mapping;
        if (newEncoding != job.encoding() || newSeparator != job.separator()) {
            try {
                columns = CsvDetection.of(file(id), job.detectedEncoding(), newEncoding, newSeparator).columns();
            } catch (Table.Unreadable unreadable) {
                throw new InvalidInput("encoding", unreadable.problem().messageKey(), unreadable.problem().messageArguments());
            }
            if (!columns.equals(job.columns())) chosen = new Mapping(propose(columns));
        }
        check(chosen, columns);
        var finalColumns = columns;
        var finalMapping = chosen;
        transaction.executeWithoutResult(status -> jdbc.sql("""
                UPDATE statistics_import SET encoding = :encoding, separator = :separator, columns = CAST(:columns AS jsonb),
                    mapping = CAST(:mapping AS jsonb), status = 'UPLOADED', problems = '[]', problem_count = NULL,
                    updated_at = now()
                WHERE id = :id
                """).param("encoding", newEncoding.name()).param("separator", newSeparator.name())
                .param("columns", json.writeValueAsString(finalColumns)).param("mapping", json.writeValueAsString(finalMapping))
                .param("id", id).update());
        return get(id);
    }

    private static void check(Mapping mapping, List<String> columns) {
        var violations = new ArrayList<InvalidInput.Violation>();
        var used = new LinkedHashSet<StatisticsField>();
        mapping.columns().forEach((column, field) -> {
            if (!columns.contains(column)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.unknown-column", column));
            } else if (field != null && !used.add(field)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.field-twice", column));
            }
        });
        for (StatisticsField required : List.of(StatisticsField.YEAR, StatisticsField.AGENCY, StatisticsField.ARTICLE)) {
            if (!used.contains(required)) {
                // The field's label, resolved in the reader's language when the message is written (not its code).
                violations.add(new InvalidInput.Violation("columns", "statistics.import.field-required",
                        new DefaultMessageSourceResolvable(required.messageKey())));
            }
        }
        if (used.stream().noneMatch(f -> f.measure() != null)) {
            violations.add(new InvalidInput.Violation("columns", "statistics.import.measure-required"));
        }
        if (!violations.isEmpty()) throw new InvalidInput(violations);
    }

    /** Checks the mapping, then every row, and writes nothing. */
    public Outcome dryRun(long id) {
        var job = open(id);
        check(job.mapping(), job.columns());
        var checked = checkRows(job);
        save(id, checked.outcome(), checked.outcome().problemCount() == 0 ? "CHECKED" : "REFUSED");
        return checked.outcome();
    }

    /** Records a new version with every new or corrected figure, or none; audited once. @throws Refused with the problems */
    public Outcome run(long id) {
        var kept = new String[1];
        var outcome = transaction.execute(status -> {
            var job = jdbc.sql("SELECT * FROM statistics_import WHERE id = :id FOR UPDATE").param("id", id).query(this::row)
                    .optional().orElseThrow(() -> new NoSuchRecord("statistics-import", id));
            if (job.userId() != requireImporter().id()) throw new NoSuchRecord("statistics-import", id);
            if (job.imported()) throw new InvalidInput("import", "places.import.already-imported");
            check(job.mapping(), job.columns());
            var checked = checkRows(job);
            if (checked.outcome().problemCount() > 0) return checked.outcome();
            figures.add(id, checked.figures());
            kept[0] = jdbc.sql("SELECT file_path FROM statistics_import WHERE id = :id").param("id", id).query(String.class).single();
            var summary = new LinkedHashMap<String, Object>();
            summary.put("rows", checked.outcome().rows());
            summary.put("added", checked.outcome().added());
            summary.put("corrected", checked.outcome().corrected());
            summary.put("unchanged", checked.outcome().unchanged());
            summary.put("sha256", job.sha256());
            audit.record("statistics.imported", "statistics-import", id, summary);
            jdbc.sql("""
                    UPDATE statistics_import SET status = 'IMPORTED', rows_read = :rows, added = :added, corrected = :corrected,
                        unchanged = :unchanged, problem_count = 0, problems = '[]', file_path = NULL, imported_at = now(),
                        updated_at = now()
                    WHERE id = :id
                    """).param("rows", checked.outcome().rows()).param("added", checked.outcome().added())
                    .param("corrected", checked.outcome().corrected()).param("unchanged", checked.outcome().unchanged())
                    .param("id", id).update();
            return checked.outcome();
        });
        if (outcome.problemCount() > 0) {
            save(id, outcome, "REFUSED");
            throw new Refused(outcome);
        }
        if (kept[0] != null) files.delete(Path.of(kept[0]));
        return outcome;
    }

    private record Checked(Outcome outcome, List<OfficialFigures.Figure> figures) {}

    private Checked checkRows(Job job) {
        var problems = new ArrayList<ImportProblem>();
        int problemCount = 0;
        var found = new ArrayList<OfficialFigures.Figure>();
        int added = 0;
        int corrected = 0;
        int unchanged = 0;
        long rows = 0;
        var seen = new HashMap<OfficialFigures.Key, Long>();
        try (var table = CsvTable.open(file(job.id()), job.encoding(), job.separator())) {
            var positions = new EnumMap<StatisticsField, Integer>(StatisticsField.class);
            var columnOf = new EnumMap<StatisticsField, String>(StatisticsField.class);
            job.mapping().columns().forEach((column, field) -> {
                int at = table.columns().indexOf(column);
                if (field != null && at >= 0) {
                    positions.put(field, at);
                    columnOf.put(field, column);
                }
            });
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                rows++;
                var rowProblems = new ArrayList<ImportProblem>();
                int size = row.values().size();
                int expected = table.columns().size();
                if (size != expected && !(size > expected
                        && row.values().subList(expected, size).stream().allMatch(String::isBlank))) {
                    problemCount++;
                    if (problems.size() < PROBLEMS_KEPT) {
                        problems.add(new ImportProblem(row.number(), null, "exchange.problem.value-count", List.of(size, expected)));
                    }
                    continue;
                }
                var values = new EnumMap<StatisticsField, String>(StatisticsField.class);
                for (var entry : positions.entrySet()) {
                    String value = cell(row, entry.getValue());
                    if (value != null && value.indexOf('\uFFFD') >= 0) {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(entry.getKey()), "exchange.problem.encoding",
                                List.of(job.encoding().displayName())));
                    }
                    values.put(entry.getKey(), value);
                }
                Jurisdiction jurisdiction = null;
                try {
                    jurisdiction = jurisdictions.get(values.get(StatisticsField.JURISDICTION));
                } catch (InvalidInput unknown) {
                    rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.JURISDICTION),
                            "statistics.import.unknown-jurisdiction", List.of(values.get(StatisticsField.JURISDICTION))));
                }
                Integer year = null;
                String yearText = values.get(StatisticsField.YEAR);
                if (yearText == null) {
                    rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.YEAR), "statistics.import.value-required", List.of()));
                } else {
                    String digits = yearText.replaceAll("\\s*(г\\.?|год|жыл|ж\\.?)$", "").strip();
                    if (digits.matches("\\d{4}") && Integer.parseInt(digits) >= 1950 && Integer.parseInt(digits) <= 2100) {
                        year = Integer.valueOf(digits);
                    } else {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.YEAR), "statistics.import.year", List.of(yearText)));
                    }
                }
                String agency = values.get(StatisticsField.AGENCY);
                if (agency == null) {
                    rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.AGENCY), "statistics.import.value-required", List.of()));
                } else if (agency.length() > 200) {
                    rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.AGENCY), "statistics.import.too-long", List.of(200)));
                }
                String form = values.getOrDefault(StatisticsField.FORM, null);
                if (form != null && form.length() > 100) {
                    rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.FORM), "statistics.import.too-long", List.of(100)));
                }
                String article = values.get(StatisticsField.ARTICLE);
                String part = values.get(StatisticsField.PART) == null ? "" : values.get(StatisticsField.PART);
                String version = values.get(StatisticsField.CODE_VERSION);
                if (article == null) {
                    rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.ARTICLE), "statistics.import.value-required", List.of()));
                } else if (jurisdiction != null) {
                    if (version == null && year != null) version = jurisdiction.versionOn(java.time.LocalDate.of(year, 12, 31));
                    String v = version;
                    boolean known = version != null && jurisdiction.articles().stream()
                            .anyMatch(a -> a.codeVersion().equals(v) && a.article().equals(article)
                                    && (part.isEmpty() || a.part().equals(part) || a.part().isEmpty()));
                    if (version != null && !known) {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.ARTICLE), "statistics.import.unknown-article",
                                List.of(article + (part.isEmpty() ? "" : "(" + part + ")"), version, jurisdiction.code())));
                    }
                }
                var rowFigures = new ArrayList<OfficialFigures.Figure>();
                for (var entry : positions.entrySet()) {
                    Measure measure = entry.getKey().measure();
                    if (measure == null) continue;
                    String value = values.get(entry.getKey());
                    if (value == null) continue;
                    Long number = number(value);
                    if (number == null) {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(entry.getKey()), "statistics.import.count", List.of(value)));
                        continue;
                    }
                    if (rowProblems.isEmpty()) {
                        rowFigures.add(new OfficialFigures.Figure(new OfficialFigures.Key(jurisdiction.code(), year, agency.strip(),
                                form == null ? "" : form.strip(), version, article, part, measure), number));
                    }
                }
                if (rowProblems.isEmpty()) {
                    for (var figure : rowFigures) {
                        Long earlier = seen.putIfAbsent(figure.key(), row.number());
                        if (earlier != null) {
                            rowProblems.add(new ImportProblem(row.number(), columnOf.get(StatisticsField.ARTICLE),
                                    "statistics.import.same-as-row", List.of(String.valueOf(earlier))));
                            break;
                        }
                    }
                }
                if (rowProblems.isEmpty()) {
                    var latest = figures.latest(rowFigures.stream().map(OfficialFigures.Figure::key).toList());
                    for (var figure : rowFigures) {
                        Long before = latest.get(figure.key());
                        if (before == null) {
                            added++;
                            found.add(figure);
                        } else if (before != figure.value()) {
                            corrected++;
                            found.add(figure);
                        } else {
                            unchanged++;
                        }
                    }
                }
                problemCount += rowProblems.size();
                for (var problem : rowProblems) if (problems.size() < PROBLEMS_KEPT) problems.add(problem);
            }
        } catch (Table.Unreadable unreadable) {
            problemCount++;
            problems.add(unreadable.problem());
        }
        boolean good = problemCount == 0;
        return new Checked(new Outcome(rows, good ? added : 0, good ? corrected : 0, unchanged, problemCount, problems), found);
    }

    /** A count as published tables write it: "1350", "1 350", "1,350", "1.350"; null when it is not one. */
    private static Long number(String value) {
        String compact = value.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (compact.matches("\\d{1,3}([,.]\\d{3})+")) compact = compact.replaceAll("[,.]", "");
        return compact.matches("\\d{1,15}") ? Long.valueOf(compact) : null;
    }

    private static String cell(Table.Row row, int at) {
        if (at >= row.values().size()) return null;
        String value = row.values().get(at);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, StatisticsField> propose(List<String> columns) {
        var proposed = new LinkedHashMap<String, StatisticsField>();
        Set<StatisticsField> used = new LinkedHashSet<>();
        for (String column : columns) {
            StatisticsField field = StatisticsField.named(column);
            proposed.put(column, field != null && used.add(field) ? field : null);
        }
        return proposed;
    }

    private Job open(long id) {
        var job = get(id);
        if (job.imported()) throw new InvalidInput("import", "places.import.already-imported");
        return job;
    }

    private UploadedFile file(long id) {
        String path = jdbc.sql("SELECT file_path FROM statistics_import WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
        if (path == null) throw new InvalidInput("import", "places.import.already-imported");
        return files.file(Path.of(path));
    }

    private void save(long id, Outcome outcome, String status) {
        transaction.executeWithoutResult(s -> jdbc.sql("""
                UPDATE statistics_import SET status = :status, rows_read = :rows, added = :added, corrected = :corrected,
                    unchanged = :unchanged, problem_count = :count, problems = CAST(:problems AS jsonb), updated_at = now()
                WHERE id = :id AND status <> 'IMPORTED'
                """).param("status", status).param("rows", outcome.rows()).param("added", outcome.added())
                .param("corrected", outcome.corrected()).param("unchanged", outcome.unchanged())
                .param("count", outcome.problemCount())
                .param("problems", json.writeValueAsString(outcome.problems())).param("id", id).update());
    }

    /** Official tables are imported by whoever imports population figures: coordinators and documenters. */
    static SignedInUser requireImporter() {
        var user = CurrentUser.require();
        if (!user.has(Role.COORDINATOR) && !user.has(Role.DOCUMENTER)) {
            throw new AccessDeniedException("imports of official statistics are for coordinators and documenters");
        }
        return user;
    }

    private Job row(ResultSet rs, int n) throws SQLException {
        Integer problemCount = (Integer) rs.getObject("problem_count");
        Outcome outcome = problemCount == null ? null : new Outcome(rs.getLong("rows_read"), rs.getInt("added"),
                rs.getInt("corrected"), rs.getInt("unchanged"), problemCount, json.readValue(rs.getString("problems"), PROBLEMS));
        return new Job(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("file_size"), rs.getString("sha256"),
                TextEncoding.valueOf(rs.getString("encoding")), TextEncoding.valueOf(rs.getString("detected_encoding")),
                Separator.valueOf(rs.getString("separator")), json.readValue(rs.getString("columns"), STRINGS),
                json.readValue(rs.getString("mapping"), Mapping.class), rs.getString("status"), outcome);
    }
}
