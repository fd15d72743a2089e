package org.aigaq.documentation.exchange;

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
import java.util.TreeMap;
import org.aigaq.documentation.PlaceDraft;
import org.aigaq.documentation.Places;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.CsvDetection;
import org.aigaq.platform.tabular.CsvTable;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.Table;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.UploadedFile;
import org.aigaq.platform.tabular.WaitingFiles;
import org.aigaq.platform.vocabulary.TermProposals;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of places from CSV files (coordinators and documenters), in steps that survive a page reload: the upload
 * (kept encrypted under {@code $AIGAQ_HOME/imports/}, read through {@code platform.tabular}), the mapping of columns to
 * fields and of values to terms, a dry run that checks every row and writes nothing, and the run, which adds every new
 * row or none in one transaction, audited once. A row whose official code (either form) is already in the registry, or
 * without a code whose name, type and region are, is that place: it is left as it is, so a second import adds nothing.
 */
@Service
public class PlaceImports {

    /** How many problems an outcome keeps (every one is counted). */
    static final int PROBLEMS_KEPT = 2_000;
    private static final String PREFIX = "places";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {};

    /** Which column gives which field, and which value of a vocabulary field stands for which term. */
    public record Mapping(Map<String, PlaceField> columns, Map<PlaceField, Map<String, String>> values) {
        public Mapping {
            columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
            var copy = new EnumMap<PlaceField, Map<String, String>>(PlaceField.class);
            if (values != null) copy.putAll(values);
            values = copy;
        }

        /** The column that gives the field, or null. */
        public String columnOf(PlaceField field) {
            return columns.entrySet().stream().filter(e -> e.getValue() == field).map(Map.Entry::getKey).findFirst().orElse(null);
        }
    }

    /** What a dry run or a run found: rows read, places new and already in the registry, problems (the first kept). */
    public record Outcome(long rows, int added, int unchanged, int problemCount, List<ImportProblem> problems) {}

    /** An import of places: the file, how it is read, the mapping, its state and its last outcome. */
    public record Job(long id, long userId, long size, String sha256, TextEncoding encoding, TextEncoding detectedEncoding,
                      Separator separator, List<String> columns, Mapping mapping, String status, Outcome outcome) {
        public boolean imported() {
            return "IMPORTED".equals(status);
        }
    }

    /** A distinct value of a vocabulary field in the file, its rows, and the term it stands for (null: none). */
    public record ValueChoice(PlaceField field, String value, long rows, String code) {}

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
    private final Places places;
    private final Vocabularies vocabularies;
    private final TransactionTemplate transaction;
    private final WaitingFiles files;

    PlaceImports(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Places places, Vocabularies vocabularies,
                 TransactionTemplate transaction, WaitingFiles files) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.places = places;
        this.vocabularies = vocabularies;
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
            var mapping = new Mapping(propose(detected.columns()), Map.of());
            long id = transaction.execute(status -> {
                long created = jdbc.sql("""
                        INSERT INTO place_import (user_id, file_path, file_size, sha256, encoding, detected_encoding,
                                                  separator, columns, mapping, status)
                        VALUES (:user, :path, :size, :sha256, :encoding, :detected, :separator, CAST(:columns AS jsonb),
                                CAST(:mapping AS jsonb), 'UPLOADED')
                        RETURNING id
                        """).param("user", user.id()).param("path", path.toString()).param("size", kept.size())
                        .param("sha256", kept.sha256()).param("encoding", detected.encoding().name())
                        .param("detected", detected.detectedEncoding().name()).param("separator", detected.separator().name())
                        .param("columns", json.writeValueAsString(detected.columns()))
                        .param("mapping", json.writeValueAsString(mapping)).query(Long.class).single();
                audit.record("places.import-uploaded", "place-import", created, Map.of("encoding", detected.encoding().name(),
                        "size", kept.size(), "sha256", kept.sha256()));
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
        var job = jdbc.sql("SELECT * FROM place_import WHERE id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NoSuchRecord("place-import", id));
        if (job.userId() != user.id()) throw new NoSuchRecord("place-import", id);
        return job;
    }

    /**
     * Saves the mapping, checked as a whole: every column named exists, each field comes from one column at most, the
     * name and the type are mapped, each value is mapped to a term of its field's list. A new encoding or separator
     * reads the columns again and proposes their mapping afresh.
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
            if (!columns.equals(job.columns())) chosen = new Mapping(propose(columns), chosen.values());
        }
        check(chosen, columns);
        var finalColumns = columns;
        var finalMapping = chosen;
        transaction.executeWithoutResult(status -> jdbc.sql("""
                UPDATE place_import SET encoding = :encoding, separator = :separator, columns = CAST(:columns AS jsonb),
                    mapping = CAST(:mapping AS jsonb), status = 'UPLOADED', problems = '[]', problem_count = NULL,
                    updated_at = now()
                WHERE id = :id
                """).param("encoding", newEncoding.name()).param("separator", newSeparator.name())
                .param("columns", json.writeValueAsString(finalColumns)).param("mapping", json.writeValueAsString(finalMapping))
                .param("id", id).update());
        return get(id);
    }

    private void check(Mapping mapping, List<String> columns) {
        var violations = new ArrayList<InvalidInput.Violation>();
        var used = new LinkedHashSet<PlaceField>();
        mapping.columns().forEach((column, field) -> {
            if (!columns.contains(column)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.unknown-column", column));
            } else if (field != null && !used.add(field)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.field-twice", column));
            }
        });
        for (PlaceField required : List.of(PlaceField.NAME, PlaceField.LOCATION_TYPE)) {
            if (!used.contains(required)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.field-required", required.field()));
            }
        }
        mapping.values().forEach((field, values) -> values.forEach((value, code) -> {
            if (field.vocabulary() == null) {
                violations.add(new InvalidInput.Violation("values", "places.import.not-a-list", field.field()));
            } else if (code != null && !code.isBlank() && vocabularies.find(field.vocabulary(), code).isEmpty()) {
                violations.add(new InvalidInput.Violation("values", "vocabulary.unknown-term", value));
            }
        }));
        if (!violations.isEmpty()) throw new InvalidInput(violations);
    }

    /** The distinct values of the mapped vocabulary fields in the file, with the term each stands for. */
    public List<ValueChoice> values(long id) {
        var job = get(id);
        var proposals = new TermProposals(vocabularies);
        var counts = new EnumMap<PlaceField, TreeMap<String, Long>>(PlaceField.class);
        try (var table = CsvTable.open(file(id), job.encoding(), job.separator())) {
            var positions = positions(job, table.columns());
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                for (var entry : positions.entrySet()) {
                    if (entry.getKey().vocabulary() == null) continue;
                    String value = cell(row, entry.getValue());
                    if (value != null) counts.computeIfAbsent(entry.getKey(), f -> new TreeMap<>()).merge(value, 1L, Long::sum);
                }
            }
        } catch (Table.Unreadable unreadable) {
            return List.of();
        }
        var choices = new ArrayList<ValueChoice>();
        counts.forEach((field, values) -> values.forEach((value, rows) -> {
            String chosen = job.mapping().values().getOrDefault(field, Map.of()).get(value);
            choices.add(new ValueChoice(field, value, rows,
                    chosen != null && !chosen.isBlank() ? chosen : proposals.match(field.vocabulary(), value)));
        }));
        return choices;
    }

    /** Checks every row and writes nothing. */
    public Outcome dryRun(long id) {
        var job = open(id);
        var checked = checkRows(job);
        save(id, checked.outcome(), checked.outcome().problemCount() == 0 ? "CHECKED" : "REFUSED");
        return checked.outcome();
    }

    /** Adds every new row or none, in one transaction audited once with its counts; @throws Refused with the problems */
    public Outcome run(long id) {
        var kept = new String[1];
        var outcome = transaction.execute(status -> {
            var job = jdbc.sql("SELECT * FROM place_import WHERE id = :id FOR UPDATE").param("id", id).query(this::row)
                    .optional().orElseThrow(() -> new NoSuchRecord("place-import", id));
            if (job.userId() != CurrentUser.require().id()) throw new NoSuchRecord("place-import", id);
            if (job.imported()) throw new InvalidInput("import", "places.import.already-imported");
            var checked = checkRows(job);
            if (checked.outcome().problemCount() > 0) {
                return checked.outcome();
            }
            places.addImported(checked.drafts());
            kept[0] = jdbc.sql("SELECT file_path FROM place_import WHERE id = :id").param("id", id).query(String.class).single();
            var summary = new LinkedHashMap<String, Object>();
            summary.put("rows", checked.outcome().rows());
            summary.put("added", checked.outcome().added());
            summary.put("unchanged", checked.outcome().unchanged());
            summary.put("sha256", job.sha256());
            audit.record("places.imported", "place-import", id, summary);
            jdbc.sql("""
                    UPDATE place_import SET status = 'IMPORTED', rows_read = :rows, added = :added, unchanged = :unchanged,
                        problem_count = 0, problems = '[]', file_path = NULL, updated_at = now()
                    WHERE id = :id
                    """).param("rows", checked.outcome().rows()).param("added", checked.outcome().added())
                    .param("unchanged", checked.outcome().unchanged()).param("id", id).update();
            return checked.outcome();
        });
        if (outcome.problemCount() > 0) {
            save(id, outcome, "REFUSED");
            throw new Refused(outcome);
        }
        // Imported: the file is no longer needed (its path was cleared in the run's transaction).
        if (kept[0] != null) files.delete(Path.of(kept[0]));
        return outcome;
    }

    private record Checked(Outcome outcome, List<PlaceDraft> drafts) {}

    private Checked checkRows(Job job) {
        var proposals = new TermProposals(vocabularies);
        var problems = new ArrayList<ImportProblem>();
        int problemCount = 0;
        var drafts = new ArrayList<PlaceDraft>();
        int unchanged = 0;
        long rows = 0;
        var seen = new HashMap<String, Long>();
        try (var table = CsvTable.open(file(job.id()), job.encoding(), job.separator())) {
            var positions = positions(job, table.columns());
            var columnOf = new EnumMap<PlaceField, String>(PlaceField.class);
            job.mapping().columns().forEach((column, field) -> { if (field != null) columnOf.put(field, column); });
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
                var values = new EnumMap<PlaceField, String>(PlaceField.class);
                for (var entry : positions.entrySet()) {
                    PlaceField field = entry.getKey();
                    String value = cell(row, entry.getValue());
                    if (value != null && value.indexOf('\uFFFD') >= 0) {
                        // Bytes that are not text in the chosen encoding: the file is in another one.
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(field), "exchange.problem.encoding",
                                List.of(job.encoding().displayName())));
                    }
                    if (value != null && field.vocabulary() != null) {
                        String chosen = job.mapping().values().getOrDefault(field, Map.of()).get(value);
                        String code = chosen != null && !chosen.isBlank() ? chosen : proposals.match(field.vocabulary(), value);
                        value = code != null ? code : value;
                    }
                    values.put(field, value);
                }
                Boolean inMandate = null;
                String mandate = values.get(PlaceField.IN_MANDATE);
                if (mandate != null) {
                    inMandate = yesOrNo(mandate);
                    if (inMandate == null) {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(PlaceField.IN_MANDATE),
                                "places.import.yes-or-no", List.of(mandate)));
                    }
                }
                var draft = new PlaceDraft(values.get(PlaceField.NAME), values.get(PlaceField.OFFICIAL_CODE),
                        values.get(PlaceField.OFFICIAL_CODE_CYRILLIC), values.get(PlaceField.LOCATION_TYPE),
                        values.get(PlaceField.PENAL_REGIME), values.get(PlaceField.AUTHORITY), values.get(PlaceField.REGION),
                        values.get(PlaceField.TOWN), values.get(PlaceField.ADDRESS), values.get(PlaceField.LATITUDE),
                        values.get(PlaceField.LONGITUDE), inMandate);
                if (places.matching(draft) != null) {
                    unchanged++;
                } else {
                    for (var violation : places.problems(draft, null)) {
                        rowProblems.add(new ImportProblem(row.number(), columnFor(violation.field(), columnOf),
                                violation.messageKey(), List.of(violation.arguments())));
                    }
                    String key = rowKey(draft);
                    Long earlier = key == null ? null : seen.putIfAbsent(key, row.number());
                    if (earlier != null) {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.getOrDefault(PlaceField.OFFICIAL_CODE,
                                columnOf.get(PlaceField.NAME)), "places.import.same-as-row", List.of(String.valueOf(earlier))));
                    }
                    if (rowProblems.isEmpty()) drafts.add(draft);
                }
                problemCount += rowProblems.size();
                for (var problem : rowProblems) if (problems.size() < PROBLEMS_KEPT) problems.add(problem);
            }
        } catch (Table.Unreadable unreadable) {
            problemCount++;
            problems.add(unreadable.problem());
        }
        return new Checked(new Outcome(rows, problemCount == 0 ? drafts.size() : 0, unchanged, problemCount, problems), drafts);
    }

    /** The same place twice in a file: the same code (either form), or no code and the same name, type and region. */
    private static String rowKey(PlaceDraft draft) {
        String code = Places.codeKey(draft.officialCode() != null && !draft.officialCode().isBlank()
                ? draft.officialCode() : draft.officialCodeCyrillic());
        if (code != null) return "code:" + code;
        if (draft.name() == null || draft.name().isBlank()) return null;
        return "name:" + TermProposals.normalised(draft.name()) + '\u0000' + draft.locationType() + '\u0000' + draft.region();
    }

    private static String columnFor(String field, Map<PlaceField, String> columnOf) {
        for (PlaceField f : PlaceField.values()) {
            if (f.field().equals(field)) {
                String column = columnOf.get(f);
                if (column != null) return column;
                // A derived form's problem belongs to the column of the form that was given.
                if (f == PlaceField.OFFICIAL_CODE_CYRILLIC) return columnOf.get(PlaceField.OFFICIAL_CODE);
                if (f == PlaceField.OFFICIAL_CODE) return columnOf.get(PlaceField.OFFICIAL_CODE_CYRILLIC);
                if (f == PlaceField.LATITUDE) return columnOf.get(PlaceField.LONGITUDE);
                if (f == PlaceField.LONGITUDE) return columnOf.get(PlaceField.LATITUDE);
            }
        }
        return null;
    }

    private static Boolean yesOrNo(String value) {
        return switch (TermProposals.normalised(value)) {
            case "yes", "y", "true", "1", "да", "д", "иә", "ия", "inside", "в мандате" -> Boolean.TRUE;
            case "no", "n", "false", "0", "нет", "н", "жоқ", "outside", "вне мандата" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Map<PlaceField, Integer> positions(Job job, List<String> columns) {
        var positions = new EnumMap<PlaceField, Integer>(PlaceField.class);
        job.mapping().columns().forEach((column, field) -> {
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

    private static Map<String, PlaceField> propose(List<String> columns) {
        var proposed = new LinkedHashMap<String, PlaceField>();
        Set<PlaceField> used = new LinkedHashSet<>();
        for (String column : columns) {
            PlaceField field = PlaceField.named(column);
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
        String path = jdbc.sql("SELECT file_path FROM place_import WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
        if (path == null) throw new InvalidInput("import", "places.import.already-imported");
        return files.file(Path.of(path));
    }

    private void save(long id, Outcome outcome, String status) {
        transaction.executeWithoutResult(s -> jdbc.sql("""
                UPDATE place_import SET status = :status, rows_read = :rows, added = :added, unchanged = :unchanged,
                    problem_count = :count, problems = CAST(:problems AS jsonb), updated_at = now()
                WHERE id = :id AND status <> 'IMPORTED'
                """).param("status", status).param("rows", outcome.rows()).param("added", outcome.added())
                .param("unchanged", outcome.unchanged()).param("count", outcome.problemCount())
                .param("problems", json.writeValueAsString(outcome.problems())).param("id", id).update());
    }

    private static org.aigaq.platform.security.SignedInUser requireImporter() {
        var user = CurrentUser.require();
        if (!user.has(Role.COORDINATOR) && !user.has(Role.DOCUMENTER)) {
            throw new AccessDeniedException("imports of places are for coordinators and documenters");
        }
        return user;
    }

    private Job row(ResultSet rs, int n) throws SQLException {
        Integer problemCount = (Integer) rs.getObject("problem_count");
        Outcome outcome = problemCount == null ? null : new Outcome(rs.getLong("rows_read"), rs.getInt("added"),
                rs.getInt("unchanged"), problemCount, json.readValue(rs.getString("problems"), PROBLEMS));
        return new Job(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("file_size"), rs.getString("sha256"),
                TextEncoding.valueOf(rs.getString("encoding")), TextEncoding.valueOf(rs.getString("detected_encoding")),
                Separator.valueOf(rs.getString("separator")), json.readValue(rs.getString("columns"), STRINGS),
                json.readValue(rs.getString("mapping"), Mapping.class), rs.getString("status"), outcome);
    }
}
