package org.aigaq.documentation.exchange;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.aigaq.documentation.CaseBatch;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.i18n.Languages;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.aigaq.platform.tabular.WaitingFiles;
import org.aigaq.platform.tabular.UploadedFile;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.Table;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.CsvTable;

/**
 * Imports of cases from CSV and JSON files, in steps that each survive a page reload: the upload (the file is kept
 * under {@code $AIGAQ_HOME/imports/}, owner only and encrypted as evidence files are, and its format, encoding,
 * separator and columns are detected through the decrypting stream), the
 * mapping of columns to fields and of values to terms, a dry run that checks every row and writes nothing, and the
 * run, which records every row or none in one transaction and is audited once. Only the user who uploaded a file
 * sees its import; the cases belong to the user's organisation.
 */
@Service
public class CaseImports {

    /** How many problems an outcome keeps (every one is counted). */
    public static final int PROBLEMS_KEPT = 10_000;
    /** How many distinct values of one field the mapping lists. */
    public static final int VALUES_LISTED = 300;

    /** A distinct value of a field in the file, how many rows hold it, and the code it is mapped to (null: none). */
    public record ValueChoice(ImportField field, String value, long rows, String code, boolean chosen) {}

    /** The run found problems; nothing was recorded. */
    public static final class Refused extends RuntimeException {
        private final transient ImportOutcome outcome;

        Refused(ImportOutcome outcome) {
            super(outcome.problemCount() + " problems");
            this.outcome = outcome;
        }

        public ImportOutcome outcome() {
            return outcome;
        }
    }

    /** The prefix of this import's waiting files. */
    private static final String PREFIX = "import";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final CaseBatch cases;
    private final Vocabularies vocabularies;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final WaitingFiles files;

    CaseImports(JdbcClient jdbc, JsonMapper json, AuditTrail audit, CaseBatch cases, Vocabularies vocabularies,
                MessageSource messages, TransactionTemplate transaction, WaitingFiles files) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.cases = cases;
        this.vocabularies = vocabularies;
        this.messages = messages;
        this.transaction = transaction;
        this.files = files;
    }

    /**
     * Keeps an uploaded file and detects how to read it; {@code format}, {@code encoding} and {@code separator}
     * override detection when given. The proposed mapping recognises the columns' names.
     */
    public ImportJob upload(InputStream content, ImportFormat format, TextEncoding encoding, Separator separator) {
        var user = CurrentUser.require();
        if (content == null) throw new InvalidInput("file", "exchange.upload.file-required");
        var kept = files.keep(PREFIX, content);
        Path file = kept.file().path();
        String sha256 = kept.sha256();
        long size = kept.size();
        try {
            if (size == 0) throw new InvalidInput("file", "exchange.problem.empty");
            Detection detected;
            try {
                detected = Detection.of(uploaded(file), format, encoding, separator, json);
            } catch (Table.Unreadable unreadable) {
                var problem = unreadable.problem();
                throw new InvalidInput("file", problem.messageKey(), problem.messageArguments());
            }
            var mapping = new ImportMapping(propose(detected.columns()), Map.of());
            long id = transaction.execute(status -> {
                long created = jdbc.sql("""
                        INSERT INTO import_job (user_id, organisation_id, file_path, file_size, sha256, format, encoding,
                            detected_encoding, separator, columns, mapping, status)
                        VALUES (:user, :organisation, :path, :size, :sha256, :format, :encoding, :detected, :separator,
                            CAST(:columns AS jsonb), CAST(:mapping AS jsonb), 'UPLOADED')
                        RETURNING id
                        """).param("user", user.id()).param("organisation", user.organisationId())
                        .param("path", file.toString()).param("size", size).param("sha256", sha256)
                        .param("format", detected.format().name()).param("encoding", detected.encoding().name())
                        .param("detected", detected.detectedEncoding().name())
                        .param("separator", detected.separator() == null ? null : detected.separator().name())
                        .param("columns", json.writeValueAsString(detected.columns()))
                        .param("mapping", json.writeValueAsString(mapping)).query(Long.class).single();
                var summary = new LinkedHashMap<String, Object>();
                summary.put("format", detected.format().name());
                summary.put("encoding", detected.encoding().name());
                summary.put("size", size);
                summary.put("sha256", sha256);
                audit.record("import.uploaded", "import", created, summary);
                return created;
            });
            return get(id);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** The import, for the user who uploaded it; anyone else is told it does not exist. */
    public ImportJob get(long id) {
        var job = jdbc.sql("SELECT * FROM import_job WHERE id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NoSuchRecord("import", id));
        if (job.userId() != CurrentUser.require().id()) {
            throw new NoSuchRecord("import", id);
        }
        return job;
    }

    /**
     * Saves the mapping, checked as a whole: every column named exists, each field is given by one column at most,
     * the event title is mapped, an act's victim and type are mapped when any act field is, an intervention's type
     * when any intervention field is, and each value is mapped to a term of its list. A new encoding or separator
     * reads the columns again and proposes their mapping afresh.
     */
    public ImportJob map(long id, TextEncoding encoding, Separator separator, ImportMapping mapping) {
        var job = open(id);
        var columns = job.columns();
        TextEncoding newEncoding = encoding == null ? job.encoding() : encoding;
        Separator newSeparator = separator == null ? job.separator() : separator;
        ImportMapping chosen = mapping == null ? job.mapping() : mapping;
        if (job.format() == ImportFormat.CSV && (newEncoding != job.encoding() || newSeparator != job.separator())) {
            try {
                columns = Detection.of(uploaded(Path.of(filePath(id))), ImportFormat.CSV, newEncoding, newSeparator, json).columns();
            } catch (Table.Unreadable unreadable) {
                throw new InvalidInput("encoding", unreadable.problem().messageKey(), unreadable.problem().messageArguments());
            }
            if (!columns.equals(job.columns())) chosen = new ImportMapping(propose(columns), chosen.values());
        }
        check(chosen, columns);
        var finalColumns = columns;
        var finalMapping = chosen;
        transaction.executeWithoutResult(status -> jdbc.sql("""
                UPDATE import_job SET encoding = :encoding, separator = :separator, columns = CAST(:columns AS jsonb),
                    mapping = CAST(:mapping AS jsonb), status = 'UPLOADED', problems = '[]', problem_count = NULL,
                    updated_at = now()
                WHERE id = :id
                """).param("encoding", newEncoding.name()).param("separator", newSeparator == null ? null : newSeparator.name())
                .param("columns", json.writeValueAsString(finalColumns)).param("mapping", json.writeValueAsString(finalMapping))
                .param("id", id).update());
        return get(id);
    }

    private void check(ImportMapping mapping, List<String> columns) {
        var violations = new ArrayList<InvalidInput.Violation>();
        var used = EnumSet.noneOf(ImportField.class);
        mapping.columns().forEach((column, field) -> {
            if (!columns.contains(column)) {
                violations.add(new InvalidInput.Violation("columns", "exchange.mapping.unknown-column", column));
            } else if (field != null && !used.add(field)) {
                violations.add(new InvalidInput.Violation("columns." + column, "exchange.mapping.twice"));
            }
        });
        if (!used.contains(ImportField.EVENT_TITLE)) {
            violations.add(new InvalidInput.Violation("columns", "exchange.mapping.title-required"));
        }
        if (used.stream().anyMatch(ImportField::ofAct)
                && !(used.contains(ImportField.VICTIM_NAME) && used.contains(ImportField.ACT_TYPE))) {
            violations.add(new InvalidInput.Violation("columns", "exchange.mapping.act-needs"));
        }
        if (used.stream().anyMatch(f -> f.part() == ImportField.Part.INTERVENTION)
                && !used.contains(ImportField.INTERVENTION_TYPE)) {
            violations.add(new InvalidInput.Violation("columns", "exchange.mapping.intervention-needs"));
        }
        mapping.values().forEach((field, codes) -> codes.forEach((value, code) -> {
            if (code == null || code.isBlank()) return;
            boolean known = switch (field.kind()) {
                case TERM, TERMS -> vocabularies.find(field.vocabulary(), code).isPresent();
                case PRECISION -> EnumSet.allOf(DatePrecision.class).stream().anyMatch(p -> p.name().equals(code));
                case SHARING -> EnumSet.allOf(Sharing.class).stream().anyMatch(s -> s.name().equals(code));
                default -> false;
            };
            if (!known) violations.add(new InvalidInput.Violation("values." + field.name(), "vocabulary.unknown-term", value));
        }));
        if (!violations.isEmpty()) throw new InvalidInput(violations);
    }

    /** The first rows of the file as read now, for the user to see whether the encoding and separator are right. */
    public List<List<String>> preview(long id, int count) {
        var job = get(id);
        var rows = new ArrayList<List<String>>();
        if (!job.fileKept()) return rows;
        try (Table table = open(job)) {
            Table.Row row;
            while (rows.size() < count && (row = table.next()) != null) rows.add(row.values());
        } catch (Table.Unreadable e) {
            // The dry run reports it with its row and column.
        }
        return rows;
    }

    /**
     * The distinct values of every mapped field whose values come from a list (at most {@link #VALUES_LISTED} each),
     * with the code each is mapped to: as the user chose, else as proposed, else none.
     */
    public List<ValueChoice> values(long id) {
        var job = get(id);
        var found = new EnumMap<ImportField, LinkedHashMap<String, Long>>(ImportField.class);
        if (!job.fileKept()) return List.of();
        try (Table table = open(job)) {
            var indexes = new EnumMap<ImportField, Integer>(ImportField.class);
            job.mapping().columns().forEach((column, field) -> {
                if (field != null && field.mapsValues() && table.columns().contains(column)) {
                    indexes.put(field, table.columns().indexOf(column));
                    found.put(field, new LinkedHashMap<>());
                }
            });
            Table.Row row;
            while (!indexes.isEmpty() && (row = table.next()) != null) {
                for (var entry : indexes.entrySet()) {
                    if (entry.getValue() >= row.values().size()) continue;
                    String cell = row.values().get(entry.getValue());
                    var values = found.get(entry.getKey());
                    var parts = entry.getKey().kind() == ImportField.Kind.TERMS ? cell.split(";") : new String[] {cell};
                    for (String part : parts) {
                        String value = part.strip();
                        if (value.isEmpty()) continue;
                        if (values.containsKey(value) || values.size() < VALUES_LISTED) values.merge(value, 1L, Long::sum);
                    }
                }
            }
        } catch (Table.Unreadable e) {
            // The values read so far are listed; the dry run reports where the file breaks.
        }
        var matcher = new ValueMatcher(vocabularies, messages);
        var choices = new ArrayList<ValueChoice>();
        found.forEach((field, values) -> values.forEach((value, rows) -> {
            var chosen = job.mapping().values().getOrDefault(field, Map.of());
            choices.add(chosen.containsKey(value) ? new ValueChoice(field, value, rows, chosen.get(value), true)
                    : new ValueChoice(field, value, rows, matcher.match(field, value), false));
        }));
        return choices;
    }

    /** Checks every row with the services' rules and writes nothing; the outcome is kept with the import. */
    public ImportOutcome dryRun(long id) {
        var job = open(id);
        var outcome = process(job, false, row -> { });
        keep(id, outcome.clean() ? ImportStatus.CHECKED : ImportStatus.REFUSED, outcome);
        return outcome;
    }

    /**
     * Records every row in one transaction, or nothing: a problem in any row, an error, or the process being killed
     * leaves no case behind (PostgreSQL rolls back what was not committed). Audited once, with the counts.
     *
     * @throws Refused with the problems found; they are kept with the import
     */
    public ImportOutcome run(long id) {
        return run(id, row -> { });
    }

    /** The run, calling {@code afterRow} after each row is read; tests fail it midway. */
    ImportOutcome run(long id, LongConsumer afterRow) {
        open(id);
        ImportOutcome outcome;
        try {
            outcome = transaction.execute(status -> {
                // One run at a time per import: a second click waits here, then finds it imported.
                jdbc.sql("SELECT id FROM import_job WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
                var job = open(id);
                var result = process(job, true, afterRow);
                if (!result.clean()) throw new Refused(result);
                jdbc.sql("""
                        UPDATE import_job SET status = 'IMPORTED', rows_read = :rows, events = :events, people = :people,
                            acts = :acts, involvements = :involvements, information = :information,
                            interventions = :interventions, problem_count = 0, problems = '[]', updated_at = now()
                        WHERE id = :id
                        """).param("rows", result.rows()).param("events", result.events()).param("people", result.people())
                        .param("acts", result.acts()).param("involvements", result.involvements())
                        .param("information", result.information()).param("interventions", result.interventions())
                        .param("id", id).update();
                var summary = new LinkedHashMap<String, Object>();
                summary.put("rows", result.rows());
                summary.put("events", result.events());
                summary.put("people", result.people());
                summary.put("acts", result.acts());
                summary.put("involvements", result.involvements());
                summary.put("information", result.information());
                summary.put("interventions", result.interventions());
                summary.put("format", job.format().name());
                summary.put("sha256", job.sha256());
                audit.record("import.completed", "import", id, summary);
                return result;
            });
        } catch (Refused refused) {
            keep(id, ImportStatus.REFUSED, refused.outcome());
            throw refused;
        }
        removeFile(id);
        return outcome;
    }

    private ImportOutcome process(ImportJob job, boolean write, LongConsumer afterRow) {
        if (!job.fileKept()) throw new InvalidInput("status", "exchange.job.closed");
        var batch = cases.start();
        ImportRun run = null;
        try (Table table = open(job)) {
            run = new ImportRun(job, table.columns(), new ValueMatcher(vocabularies, messages), batch, write);
            Table.Row row;
            while ((row = table.next()) != null) {
                run.row(row);
                afterRow.accept(row.number());
            }
        } catch (Table.Unreadable unreadable) {
            if (run == null) run = new ImportRun(job, job.columns(), new ValueMatcher(vocabularies, messages), batch, write);
            run.problem(unreadable.problem());
        }
        if (write && run.problemCount() == 0) batch.finish();
        return run.outcome();
    }

    private Table open(ImportJob job) {
        UploadedFile file = uploaded(Path.of(filePath(job.id())));
        return job.format() == ImportFormat.JSON ? JsonTable.open(file, json, job.columns())
                : CsvTable.open(file, job.encoding(), job.separator());
    }

    /** The import for a step that needs its file: the uploader's, neither imported nor expired. */
    private ImportJob open(long id) {
        var job = get(id);
        if (job.status().closed() || !job.fileKept()) {
            throw new InvalidInput("status", "exchange.job.closed");
        }
        return job;
    }

    private void keep(long id, ImportStatus status, ImportOutcome outcome) {
        transaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE import_job SET status = :status, rows_read = :rows, events = :events, people = :people, acts = :acts,
                    involvements = :involvements, information = :information, interventions = :interventions,
                    problem_count = :count, problems = CAST(:problems AS jsonb), updated_at = now()
                WHERE id = :id AND status NOT IN ('IMPORTED', 'EXPIRED')
                """).param("status", status.name()).param("rows", outcome.rows()).param("events", outcome.events())
                .param("people", outcome.people()).param("acts", outcome.acts()).param("involvements", outcome.involvements())
                .param("information", outcome.information()).param("interventions", outcome.interventions())
                .param("count", outcome.problemCount()).param("problems", json.writeValueAsString(outcome.problems()))
                .param("id", id).update());
    }

    /** The mapping proposed for columns: a column is a field when its name is one the field is known by. */
    Map<String, ImportField> propose(List<String> columns) {
        var names = new LinkedHashMap<String, ImportField>();
        for (ImportField field : ImportField.values()) {
            for (String name : field.names()) names.putIfAbsent(ImportField.normalised(name), field);
        }
        for (ImportField field : ImportField.values()) {
            for (Locale language : Languages.SUPPORTED) {
                names.putIfAbsent(ImportField.normalised(messages.getMessage(field.messageKey(), null, "", language)), field);
            }
        }
        var proposed = new LinkedHashMap<String, ImportField>();
        var used = EnumSet.noneOf(ImportField.class);
        for (String column : columns) {
            ImportField field = names.get(ImportField.normalised(column));
            proposed.put(column, field != null && used.add(field) ? field : null);
        }
        return proposed;
    }

    private UploadedFile uploaded(Path file) {
        return files.file(file);
    }

    private String filePath(long id) {
        return jdbc.sql("SELECT file_path FROM import_job WHERE id = :id").param("id", id).query(String.class).optional()
                .orElseThrow(() -> new InvalidInput("status", "exchange.job.closed"));
    }

    private void removeFile(long id) {
        String path = jdbc.sql("SELECT file_path FROM import_job WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
        if (path != null) deleteQuietly(Path.of(path));
        jdbc.sql("UPDATE import_job SET file_path = NULL WHERE id = :id").param("id", id).update();
    }

    /**
     * Files of imports left unfinished for a day are deleted at start (they hold identities, if encrypted), and so are
     * files no import names (a crash between keeping the file and recording the import).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void removeAbandonedFiles() {
        var expired = jdbc.sql("""
                WITH old AS (SELECT id, file_path FROM import_job
                             WHERE file_path IS NOT NULL AND updated_at < now() - interval '1 day' FOR UPDATE)
                UPDATE import_job j SET status = CASE WHEN j.status = 'IMPORTED' THEN j.status ELSE 'EXPIRED' END,
                    file_path = NULL, updated_at = now()
                FROM old WHERE j.id = old.id
                RETURNING old.file_path
                """).query(String.class).list();
        expired.forEach(path -> deleteQuietly(Path.of(path)));
        files.removeAbandoned(PREFIX, new java.util.HashSet<>(jdbc.sql(
                "SELECT file_path FROM import_job WHERE file_path IS NOT NULL").query(String.class).list()));
    }

    private void deleteQuietly(Path file) {
        files.delete(file);
    }

    private ImportJob row(ResultSet rs, int n) throws SQLException {
        var status = ImportStatus.valueOf(rs.getString("status"));
        Integer problemCount = (Integer) rs.getObject("problem_count");
        ImportOutcome outcome = problemCount == null ? null : new ImportOutcome(rs.getLong("rows_read"),
                rs.getInt("events"), rs.getInt("people"), rs.getInt("acts"), rs.getInt("involvements"),
                rs.getInt("information"), rs.getInt("interventions"), problemCount,
                json.readValue(rs.getString("problems"), PROBLEMS));
        String separator = rs.getString("separator");
        return new ImportJob(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("organisation_id"),
                rs.getString("file_path") != null, rs.getLong("file_size"), rs.getString("sha256"),
                ImportFormat.valueOf(rs.getString("format")), TextEncoding.valueOf(rs.getString("encoding")),
                TextEncoding.valueOf(rs.getString("detected_encoding")), separator == null ? null : Separator.valueOf(separator),
                json.readValue(rs.getString("columns"), STRINGS), json.readValue(rs.getString("mapping"), ImportMapping.class),
                status, outcome, rs.getTimestamp("created_at").toInstant());
    }
}
