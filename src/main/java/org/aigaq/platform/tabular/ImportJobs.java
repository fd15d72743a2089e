package org.aigaq.platform.tabular;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps every import of a CSV file goes through, whatever it imports: the upload (kept encrypted in
 * {@link WaitingFiles}, its encoding and separator detected), the mapping of its columns (kept as JSON with the job),
 * a dry run that checks every row and writes nothing, and the run, which records every row or none in one transaction
 * audited once, after which the file is deleted. Each job belongs to the user who uploaded it; anyone else is told it
 * does not exist. A kind of import gives its table (the columns of {@code place_import}), its mapping type, who may
 * import, how to propose and check a mapping, and how to check its rows and record them.
 *
 * @param <F> the fields a column can give
 * @param <M> the mapping, at least which column gives which field
 */
public final class ImportJobs<F extends Enum<F>, M extends ImportJobs.ColumnMapping<F>> {

    /** How many problems an outcome keeps (every one is counted). */
    public static final int PROBLEMS_KEPT = 2_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {};

    /** A mapping: which column gives which field (null: the column is not imported). */
    public interface ColumnMapping<F extends Enum<F>> {
        Map<String, F> columns();
    }

    /** What a kind of import is called: its table, its files' prefix, its audit names, and its fields. */
    public record Kind<F extends Enum<F>, M extends ColumnMapping<F>>(String table, String filePrefix, String auditPrefix,
                                                                      String recordType, Class<F> fields, Class<M> mappingType) {
        public Kind {
            if (!table.matches("[a-z_]+")) throw new IllegalArgumentException("table " + table);
        }
    }

    /** What a dry run or a run found: rows read, records new, corrected and already there, problems (the first kept). */
    public record Outcome(long rows, int added, int corrected, int unchanged, int problemCount, List<ImportProblem> problems) {}

    /** An import: the file, how it is read, the mapping, its state and its last outcome. */
    public record Job<M>(long id, long userId, long size, String sha256, TextEncoding encoding, TextEncoding detectedEncoding,
                         Separator separator, List<String> columns, M mapping, String status, Outcome outcome) {
        public boolean imported() {
            return "IMPORTED".equals(status);
        }
    }

    /** A dry run's or a run's findings: the outcome and what the run would record. */
    public record Checked<T>(Outcome outcome, List<T> records) {}

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

    /** The problems of a check: every one counted, the first {@link #PROBLEMS_KEPT} kept. */
    public static final class Problems {
        private final List<ImportProblem> kept = new ArrayList<>();
        private int count;

        public void add(ImportProblem problem) {
            count++;
            if (kept.size() < PROBLEMS_KEPT) kept.add(problem);
        }

        public void addAll(List<ImportProblem> problems) {
            problems.forEach(this::add);
        }

        public int count() {
            return count;
        }

        /** The outcome of a check with these problems; nothing is added or corrected when there is one. */
        public Outcome outcome(long rows, int added, int corrected, int unchanged) {
            boolean good = count == 0;
            return new Outcome(rows, good ? added : 0, good ? corrected : 0, unchanged, count, List.copyOf(kept));
        }
    }

    /**
     * A row of the file: its number, the values of the mapped fields (stripped; blank is absent), and its problems so
     * far (a value with bytes that are not text in the chosen encoding), which the row's check starts from.
     */
    public record MappedRow<F extends Enum<F>>(long number, Map<F, String> values, List<ImportProblem> problems) {}

    /** What a kind does with each row that has as many values as the file has columns. */
    @FunctionalInterface
    public interface RowCheck<F extends Enum<F>> {
        void check(MappedRow<F> row, Problems problems);
    }

    private final Kind<F, M> kind;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final WaitingFiles files;

    public ImportJobs(Kind<F, M> kind, JdbcClient jdbc, JsonMapper json, AuditTrail audit, TransactionTemplate transaction,
                      WaitingFiles files) {
        this.kind = kind;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.transaction = transaction;
        this.files = files;
    }

    /** Keeps an uploaded file of this user's and detects how to read it; {@code propose} maps the columns it knows. */
    public Job<M> upload(long userId, InputStream content, TextEncoding encoding, Separator separator,
                         Function<List<String>, M> propose) {
        if (content == null) throw new InvalidInput("file", "exchange.upload.file-required");
        var kept = files.keep(kind.filePrefix(), content);
        Path path = kept.file().path();
        try {
            if (kept.size() == 0) throw new InvalidInput("file", "exchange.problem.empty");
            CsvDetection detected;
            try {
                detected = CsvDetection.of(kept.file(), encoding, separator);
            } catch (Table.Unreadable unreadable) {
                throw new InvalidInput("file", unreadable.problem().messageKey(), unreadable.problem().messageArguments());
            }
            var mapping = propose.apply(detected.columns());
            long id = transaction.execute(status -> {
                long created = jdbc.sql("INSERT INTO " + kind.table() + """
                         (user_id, file_path, file_size, sha256, encoding, detected_encoding, separator, columns, mapping, status)
                        VALUES (:user, :path, :size, :sha256, :encoding, :detected, :separator, CAST(:columns AS jsonb),
                                CAST(:mapping AS jsonb), 'UPLOADED')
                        RETURNING id
                        """).param("user", userId).param("path", path.toString()).param("size", kept.size())
                        .param("sha256", kept.sha256()).param("encoding", detected.encoding().name())
                        .param("detected", detected.detectedEncoding().name()).param("separator", detected.separator().name())
                        .param("columns", json.writeValueAsString(detected.columns()))
                        .param("mapping", json.writeValueAsString(mapping)).query(Long.class).single();
                audit.record(kind.auditPrefix() + ".import-uploaded", kind.recordType(), created, Map.of("encoding",
                        detected.encoding().name(), "size", kept.size(), "sha256", kept.sha256()));
                return created;
            });
            return get(userId, id);
        } catch (RuntimeException e) {
            files.delete(path);
            throw e;
        }
    }

    /** The import, for the user who uploaded it; anyone else is told it does not exist. */
    public Job<M> get(long userId, long id) {
        var job = jdbc.sql("SELECT * FROM " + kind.table() + " WHERE id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NoSuchRecord(kind.recordType(), id));
        if (job.userId() != userId) throw new NoSuchRecord(kind.recordType(), id);
        return job;
    }

    /**
     * Saves a mapping after {@code check} (which throws {@link InvalidInput}). A new encoding or separator reads the
     * columns again; when they changed, {@code repropose} maps them afresh from the columns and the mapping chosen.
     */
    public Job<M> map(long userId, long id, TextEncoding encoding, Separator separator, M mapping,
                      BiFunction<List<String>, M, M> repropose, java.util.function.BiConsumer<M, List<String>> check) {
        var job = open(userId, id);
        var columns = job.columns();
        TextEncoding newEncoding = encoding == null ? job.encoding() : encoding;
        Separator newSeparator = separator == null ? job.separator() : separator;
        M chosen = mapping == null ? job.mapping() : mapping;
        if (newEncoding != job.encoding() || newSeparator != job.separator()) {
            try {
                columns = CsvDetection.of(file(id), job.detectedEncoding(), newEncoding, newSeparator).columns();
            } catch (Table.Unreadable unreadable) {
                throw new InvalidInput("encoding", unreadable.problem().messageKey(), unreadable.problem().messageArguments());
            }
            if (!columns.equals(job.columns())) chosen = repropose.apply(columns, chosen);
        }
        check.accept(chosen, columns);
        var finalColumns = columns;
        var finalMapping = chosen;
        transaction.executeWithoutResult(status -> jdbc.sql("UPDATE " + kind.table() + """
                 SET encoding = :encoding, separator = :separator, columns = CAST(:columns AS jsonb),
                    mapping = CAST(:mapping AS jsonb), status = 'UPLOADED', problems = '[]', problem_count = NULL,
                    updated_at = now()
                WHERE id = :id
                """).param("encoding", newEncoding.name()).param("separator", newSeparator.name())
                .param("columns", json.writeValueAsString(finalColumns)).param("mapping", json.writeValueAsString(finalMapping))
                .param("id", id).update());
        return get(userId, id);
    }

    /** Checks every row with {@code check} and writes nothing but the outcome. */
    public Outcome dryRun(long userId, long id, Function<Job<M>, Checked<?>> check) {
        var job = open(userId, id);
        var checked = check.apply(job);
        save(id, checked.outcome(), checked.outcome().problemCount() == 0 ? "CHECKED" : "REFUSED");
        return checked.outcome();
    }

    /**
     * Checks every row again with the job locked and, when nothing is wrong, lets {@code record} write what was found,
     * in one transaction audited once with the counts; the file is then deleted. @throws Refused with the problems
     */
    public <T> Outcome run(long userId, long id, Function<Job<M>, Checked<T>> check, java.util.function.Consumer<Checked<T>> record) {
        var kept = new String[1];
        var outcome = transaction.execute(status -> {
            var job = jdbc.sql("SELECT * FROM " + kind.table() + " WHERE id = :id FOR UPDATE").param("id", id)
                    .query(this::row).optional().orElseThrow(() -> new NoSuchRecord(kind.recordType(), id));
            if (job.userId() != userId) throw new NoSuchRecord(kind.recordType(), id);
            if (job.imported()) throw new InvalidInput("import", "places.import.already-imported");
            var checked = check.apply(job);
            if (checked.outcome().problemCount() > 0) return checked.outcome();
            record.accept(checked);
            kept[0] = jdbc.sql("SELECT file_path FROM " + kind.table() + " WHERE id = :id").param("id", id)
                    .query(String.class).single();
            var found = checked.outcome();
            var summary = new LinkedHashMap<String, Object>();
            summary.put("rows", found.rows());
            summary.put("added", found.added());
            if (found.corrected() > 0) summary.put("corrected", found.corrected());
            summary.put("unchanged", found.unchanged());
            summary.put("sha256", job.sha256());
            audit.record(kind.auditPrefix() + ".imported", kind.recordType(), id, summary);
            jdbc.sql("UPDATE " + kind.table() + """
                     SET status = 'IMPORTED', rows_read = :rows, added = :added, corrected = :corrected,
                        unchanged = :unchanged, problem_count = 0, problems = '[]', file_path = NULL, imported_at = now(),
                        updated_at = now()
                    WHERE id = :id
                    """).param("rows", found.rows()).param("added", found.added()).param("corrected", found.corrected())
                    .param("unchanged", found.unchanged()).param("id", id).update();
            return found;
        });
        if (outcome.problemCount() > 0) {
            save(id, outcome, "REFUSED");
            throw new Refused(outcome);
        }
        // Imported: the file is no longer needed (its path was cleared in the run's transaction).
        if (kept[0] != null) files.delete(Path.of(kept[0]));
        return outcome;
    }

    /**
     * Reads the job's file a row at a time: a row with more values than columns (other than blank ones) or fewer is a
     * problem of the row; every other row goes to {@code check} with its mapped values. An unreadable file is one
     * problem. @return the rows read
     */
    public long eachRow(Job<M> job, Problems problems, RowCheck<F> check) {
        long rows = 0;
        try (var table = CsvTable.open(file(job.id()), job.encoding(), job.separator())) {
            var positions = positions(job.mapping(), table.columns());
            var columnOf = columnOf(job.mapping());
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                rows++;
                int size = row.values().size();
                int expected = table.columns().size();
                if (size != expected && !(size > expected
                        && row.values().subList(expected, size).stream().allMatch(String::isBlank))) {
                    problems.add(new ImportProblem(row.number(), null, "exchange.problem.value-count", List.of(size, expected)));
                    continue;
                }
                var values = new EnumMap<F, String>(kind.fields());
                var rowProblems = new ArrayList<ImportProblem>();
                for (var entry : positions.entrySet()) {
                    String value = cell(row, entry.getValue());
                    if (value == null) continue;
                    if (value.indexOf('\uFFFD') >= 0) {
                        // Bytes that are not text in the chosen encoding: the file is in another one.
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(entry.getKey()), "exchange.problem.encoding",
                                List.of(job.encoding().displayName())));
                    }
                    values.put(entry.getKey(), value);
                }
                check.check(new MappedRow<>(row.number(), values, List.copyOf(rowProblems)), problems);
            }
        } catch (Table.Unreadable unreadable) {
            problems.add(unreadable.problem());
        }
        return rows;
    }

    /** The column of each mapped field. */
    public Map<F, String> columnOf(M mapping) {
        var columnOf = new EnumMap<F, String>(kind.fields());
        mapping.columns().forEach((column, field) -> { if (field != null) columnOf.put(field, column); });
        return columnOf;
    }

    /** The file of a job not imported yet. */
    public UploadedFile file(long id) {
        String path = jdbc.sql("SELECT file_path FROM " + kind.table() + " WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        if (path == null) throw new InvalidInput("import", "places.import.already-imported");
        return files.file(Path.of(path));
    }

    /** The job, refused when it is imported already. */
    public Job<M> open(long userId, long id) {
        var job = get(userId, id);
        if (job.imported()) throw new InvalidInput("import", "places.import.already-imported");
        return job;
    }

    /** Each column mapped to the field of that name, each field to one column at most (the first). */
    public static <F extends Enum<F>> Map<String, F> propose(List<String> columns, Function<String, F> named) {
        var proposed = new LinkedHashMap<String, F>();
        Set<F> used = new LinkedHashSet<>();
        for (String column : columns) {
            F field = named.apply(column);
            proposed.put(column, field != null && used.add(field) ? field : null);
        }
        return proposed;
    }

    /**
     * The mapping's fields, checked: every column named exists and each field comes from one column at most; the
     * violations found are added. @return the fields mapped
     */
    public static <F extends Enum<F>> Set<F> mapped(ColumnMapping<F> mapping, List<String> columns,
                                                    List<InvalidInput.Violation> violations) {
        var used = new LinkedHashSet<F>();
        mapping.columns().forEach((column, field) -> {
            if (!columns.contains(column)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.unknown-column", column));
            } else if (field != null && !used.add(field)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.field-twice", column));
            }
        });
        return used;
    }

    private Map<F, Integer> positions(M mapping, List<String> columns) {
        var positions = new EnumMap<F, Integer>(kind.fields());
        mapping.columns().forEach((column, field) -> {
            int at = columns.indexOf(column);
            if (field != null && at >= 0) positions.put(field, at);
        });
        return positions;
    }

    private static String cell(Table.Row row, int at) {
        if (at >= row.values().size()) return null;
        String value = row.values().get(at);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void save(long id, Outcome outcome, String status) {
        transaction.executeWithoutResult(s -> jdbc.sql("UPDATE " + kind.table() + """
                 SET status = :status, rows_read = :rows, added = :added, corrected = :corrected, unchanged = :unchanged,
                    problem_count = :count, problems = CAST(:problems AS jsonb), updated_at = now()
                WHERE id = :id AND status <> 'IMPORTED'
                """).param("status", status).param("rows", outcome.rows()).param("added", outcome.added())
                .param("corrected", outcome.corrected()).param("unchanged", outcome.unchanged())
                .param("count", outcome.problemCount())
                .param("problems", json.writeValueAsString(outcome.problems())).param("id", id).update());
    }

    private Job<M> row(ResultSet rs, int n) throws SQLException {
        Integer problemCount = (Integer) rs.getObject("problem_count");
        Integer corrected = (Integer) rs.getObject("corrected");
        Outcome outcome = problemCount == null ? null : new Outcome(rs.getLong("rows_read"), rs.getInt("added"),
                corrected == null ? 0 : corrected, rs.getInt("unchanged"), problemCount,
                json.readValue(rs.getString("problems"), PROBLEMS));
        return new Job<>(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("file_size"), rs.getString("sha256"),
                TextEncoding.valueOf(rs.getString("encoding")), TextEncoding.valueOf(rs.getString("detected_encoding")),
                Separator.valueOf(rs.getString("separator")), json.readValue(rs.getString("columns"), STRINGS),
                json.readValue(rs.getString("mapping"), kind.mappingType()), rs.getString("status"), outcome);
    }
}
