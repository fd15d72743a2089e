package org.aigaq.documentation.exchange;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.PlacePopulation;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of the registry's dated population figures from CSV files (coordinators and documenters), in the steps of
 * {@link PlaceImports}: the upload (kept encrypted, read through {@code platform.tabular}), the mapping of columns to
 * fields, a dry run that checks every row and writes nothing, and the run, which adds every new figure or none in one
 * transaction, audited once. A row names its place by official code (Latin or Cyrillic) or by id; a figure already in
 * the registry (same place, date and source) is left as it is, so importing a file again adds nothing.
 */
@Service
public class PopulationImports {

    static final int PROBLEMS_KEPT = 2_000;
    private static final String PREFIX = "population";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {};
    /** Day first (17.03.2024, 17/03/2024, 17-03-2024) or year first (2024-03-17, 2024.03.17). */
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[./-](\\d{1,2})[./-](\\d{1,2})");
    /** A year word after the date, as registers write it: "17.03.2024 г.", "2024 ж.", "17.03.2024 года". */
    private static final Pattern YEAR_WORD = Pattern.compile("\\s*(г\\.?|года|год|ж\\.?|жыл|y\\.?)$", Pattern.CASE_INSENSITIVE);

    /** Which column gives which field. */
    public record Mapping(Map<String, PopulationField> columns) {
        public Mapping {
            columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        }
    }

    /** What a dry run or a run found: rows read, figures new and already recorded, problems (the first kept). */
    public record Outcome(long rows, int added, int unchanged, int problemCount, List<ImportProblem> problems) {}

    /** An import of population figures: the file, how it is read, the mapping, its state and its last outcome. */
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
    private final Places places;
    private final PlacePopulation population;
    private final TransactionTemplate transaction;
    private final WaitingFiles files;

    PopulationImports(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Places places, PlacePopulation population,
                      TransactionTemplate transaction, WaitingFiles files) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.places = places;
        this.population = population;
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
                        INSERT INTO population_import (user_id, file_path, file_size, sha256, encoding, detected_encoding,
                                                       separator, columns, mapping, status)
                        VALUES (:user, :path, :size, :sha256, :encoding, :detected, :separator, CAST(:columns AS jsonb),
                                CAST(:mapping AS jsonb), 'UPLOADED')
                        RETURNING id
                        """).param("user", user.id()).param("path", path.toString()).param("size", kept.size())
                        .param("sha256", kept.sha256()).param("encoding", detected.encoding().name())
                        .param("detected", detected.detectedEncoding().name()).param("separator", detected.separator().name())
                        .param("columns", json.writeValueAsString(detected.columns()))
                        .param("mapping", json.writeValueAsString(mapping)).query(Long.class).single();
                audit.record("population.import-uploaded", "population-import", created, Map.of("encoding",
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
        var job = jdbc.sql("SELECT * FROM population_import WHERE id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NoSuchRecord("population-import", id));
        if (job.userId() != user.id()) throw new NoSuchRecord("population-import", id);
        return job;
    }

    /**
     * Saves the mapping, checked as a whole: every column named exists, each field comes from one column at most, the
     * place (by code or id), the date, the population and the source are mapped. A new encoding or separator reads the
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
                UPDATE population_import SET encoding = :encoding, separator = :separator, columns = CAST(:columns AS jsonb),
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
        var used = new LinkedHashSet<PopulationField>();
        mapping.columns().forEach((column, field) -> {
            if (!columns.contains(column)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.unknown-column", column));
            } else if (field != null && !used.add(field)) {
                violations.add(new InvalidInput.Violation("columns", "places.import.field-twice", column));
            }
        });
        if (!used.contains(PopulationField.PLACE_CODE) && !used.contains(PopulationField.PLACE_ID)) {
            violations.add(new InvalidInput.Violation("columns", "population.import.place-required"));
        }
        for (PopulationField required : List.of(PopulationField.COUNTED_ON, PopulationField.POPULATION, PopulationField.SOURCE)) {
            if (!used.contains(required)) {
                violations.add(new InvalidInput.Violation("columns", "population.import.field-required", required.field()));
            }
        }
        if (!violations.isEmpty()) throw new InvalidInput(violations);
    }

    /** Checks every row and writes nothing. */
    public Outcome dryRun(long id) {
        var job = open(id);
        var checked = checkRows(job);
        save(id, checked.outcome(), checked.outcome().problemCount() == 0 ? "CHECKED" : "REFUSED");
        return checked.outcome();
    }

    /** Adds every new figure or none, in one transaction audited once with its counts; @throws Refused with the problems */
    public Outcome run(long id) {
        var kept = new String[1];
        var outcome = transaction.execute(status -> {
            var job = jdbc.sql("SELECT * FROM population_import WHERE id = :id FOR UPDATE").param("id", id).query(this::row)
                    .optional().orElseThrow(() -> new NoSuchRecord("population-import", id));
            if (job.userId() != CurrentUser.require().id()) throw new NoSuchRecord("population-import", id);
            if (job.imported()) throw new InvalidInput("import", "places.import.already-imported");
            var checked = checkRows(job);
            if (checked.outcome().problemCount() > 0) return checked.outcome();
            population.addImported(checked.figures());
            kept[0] = jdbc.sql("SELECT file_path FROM population_import WHERE id = :id").param("id", id).query(String.class).single();
            var summary = new LinkedHashMap<String, Object>();
            summary.put("rows", checked.outcome().rows());
            summary.put("added", checked.outcome().added());
            summary.put("unchanged", checked.outcome().unchanged());
            summary.put("sha256", job.sha256());
            audit.record("population.imported", "population-import", id, summary);
            jdbc.sql("""
                    UPDATE population_import SET status = 'IMPORTED', rows_read = :rows, added = :added, unchanged = :unchanged,
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
        if (kept[0] != null) files.delete(Path.of(kept[0]));
        return outcome;
    }

    private record Checked(Outcome outcome, List<PlacePopulation.Imported> figures) {}

    private Checked checkRows(Job job) {
        var problems = new ArrayList<ImportProblem>();
        int problemCount = 0;
        var figures = new ArrayList<PlacePopulation.Imported>();
        int unchanged = 0;
        long rows = 0;
        var seen = new HashMap<String, Long>();
        // A file names the same few places on many rows: each code or id is looked up once.
        var byCode = new HashMap<String, Place>();
        var byId = new HashMap<Long, Place>();
        try (var table = CsvTable.open(file(job.id()), job.encoding(), job.separator())) {
            var positions = positions(job, table.columns());
            var columnOf = new EnumMap<PopulationField, String>(PopulationField.class);
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
                var values = new EnumMap<PopulationField, String>(PopulationField.class);
                for (var entry : positions.entrySet()) {
                    String value = cell(row, entry.getValue());
                    if (value != null && value.indexOf('\uFFFD') >= 0) {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(entry.getKey()), "exchange.problem.encoding",
                                List.of(job.encoding().displayName())));
                    }
                    values.put(entry.getKey(), value);
                }
                Place place = place(values, columnOf, row.number(), rowProblems, byCode, byId);
                LocalDate on = null;
                String date = values.get(PopulationField.COUNTED_ON);
                if (date != null) {
                    on = day(date);
                    if (on == null) {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(PopulationField.COUNTED_ON),
                                "exchange.problem.day", List.of(date)));
                    }
                }
                int before = rowProblems.size();
                Integer people = number(values, PopulationField.POPULATION, columnOf, row.number(), rowProblems);
                boolean unreadableNumber = rowProblems.size() > before;
                Integer capacity = number(values, PopulationField.CAPACITY, columnOf, row.number(), rowProblems);
                unreadableNumber |= rowProblems.size() > before;
                String source = values.get(PopulationField.SOURCE);
                var draft = new PlacePopulation.Draft(on, capacity, people, source);
                if (place != null && rowProblems.isEmpty() && population.recorded(place.id(), on, source)) {
                    unchanged++;
                    continue;
                }
                if (place != null) {
                    for (var violation : population.problems(place.id(), draft)) {
                        // an unreadable date or number is already named; "required" or "empty" would say it twice
                        if (date != null && on == null && violation.field().equals("countedOn")) continue;
                        if (unreadableNumber && (violation.field().equals("population") || violation.field().equals("capacity"))) continue;
                        rowProblems.add(new ImportProblem(row.number(), columnFor(violation.field(), columnOf),
                                violation.messageKey(), List.of(violation.arguments())));
                    }
                    String key = place.id() + "\u0000" + on + "\u0000" + (source == null ? "" : source.strip().toLowerCase(Locale.ROOT));
                    Long earlier = seen.putIfAbsent(key, row.number());
                    if (earlier != null) {
                        rowProblems.add(new ImportProblem(row.number(), columnOf.get(PopulationField.COUNTED_ON),
                                "population.import.same-as-row", List.of(String.valueOf(earlier))));
                    }
                }
                if (rowProblems.isEmpty() && place != null) figures.add(new PlacePopulation.Imported(place.id(), draft));
                problemCount += rowProblems.size();
                for (var problem : rowProblems) if (problems.size() < PROBLEMS_KEPT) problems.add(problem);
            }
        } catch (Table.Unreadable unreadable) {
            problemCount++;
            problems.add(unreadable.problem());
        }
        return new Checked(new Outcome(rows, problemCount == 0 ? figures.size() : 0, unchanged, problemCount, problems), figures);
    }

    /** The row's place: by id when the id column is mapped and filled, else by official code; both must agree. */
    private Place place(Map<PopulationField, String> values, Map<PopulationField, String> columnOf, long row,
                        List<ImportProblem> problems, Map<String, Place> byCode, Map<Long, Place> byId) {
        String code = values.get(PopulationField.PLACE_CODE);
        String id = values.get(PopulationField.PLACE_ID);
        Place byNumber = null;
        if (id != null) {
            String digits = id.replaceAll("[\\s\\u00a0\\u202f]", "");
            Long number = digits.matches("\\d{1,18}") ? Long.valueOf(digits) : null;
            if (number != null) {
                byNumber = byId.computeIfAbsent(number, n -> {
                    try {
                        return places.get(n);
                    } catch (NoSuchRecord unknown) {
                        return null;
                    }
                });
            }
            if (byNumber == null) {
                problems.add(new ImportProblem(row, columnOf.get(PopulationField.PLACE_ID), "population.import.unknown-place-id", List.of(id)));
                return null;
            }
        }
        Place byOfficialCode = null;
        if (code != null) {
            byOfficialCode = byCode.computeIfAbsent(code, places::withOfficialCode);
            if (byOfficialCode == null) {
                problems.add(new ImportProblem(row, columnOf.get(PopulationField.PLACE_CODE), "population.import.unknown-code", List.of(code)));
                return null;
            }
        }
        if (byNumber != null && byOfficialCode != null && byNumber.id() != byOfficialCode.id()) {
            problems.add(new ImportProblem(row, columnOf.get(PopulationField.PLACE_CODE), "population.import.code-and-id-differ",
                    List.of(code, id)));
            return null;
        }
        if (byNumber == null && byOfficialCode == null) {
            problems.add(new ImportProblem(row, columnOf.getOrDefault(PopulationField.PLACE_CODE, columnOf.get(PopulationField.PLACE_ID)),
                    "population.import.place-missing", List.of()));
            return null;
        }
        return byNumber != null ? byNumber : byOfficialCode;
    }

    /** A whole number as spreadsheets write them: "1350", "1 350", "1,350", "1.350"; null when empty or not one. */
    private static Integer number(Map<PopulationField, String> values, PopulationField field, Map<PopulationField, String> columnOf,
                                  long row, List<ImportProblem> problems) {
        String value = values.get(field);
        if (value == null) return null;
        String compact = value.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (compact.matches("\\d{1,3}([,.]\\d{3})+")) compact = compact.replaceAll("[,.]", "");
        if (compact.matches("-?\\d{1,9}")) return Integer.valueOf(compact);
        problems.add(new ImportProblem(row, columnOf.get(field), "exchange.problem.number", List.of(value)));
        return null;
    }

    /** A day as registers write it: 2024-03-17, 17.03.2024, 17/03/2024, "17.03.2024 г."; null when it is not one. */
    static LocalDate day(String value) {
        String text = YEAR_WORD.matcher(value.strip()).replaceFirst("").strip();
        try {
            var m = YEAR_FIRST.matcher(text);
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            m = DAY_FIRST.matcher(text);
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException impossible) {
            return null;
        }
        return null;
    }

    private static String columnFor(String field, Map<PopulationField, String> columnOf) {
        for (PopulationField f : PopulationField.values()) {
            if (f.field().equals(field) && columnOf.get(f) != null) return columnOf.get(f);
        }
        return null;
    }

    private static Map<PopulationField, Integer> positions(Job job, List<String> columns) {
        var positions = new EnumMap<PopulationField, Integer>(PopulationField.class);
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

    private static Map<String, PopulationField> propose(List<String> columns) {
        var proposed = new LinkedHashMap<String, PopulationField>();
        Set<PopulationField> used = new LinkedHashSet<>();
        for (String column : columns) {
            PopulationField field = PopulationField.named(column);
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
        String path = jdbc.sql("SELECT file_path FROM population_import WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
        if (path == null) throw new InvalidInput("import", "places.import.already-imported");
        return files.file(Path.of(path));
    }

    private void save(long id, Outcome outcome, String status) {
        transaction.executeWithoutResult(s -> jdbc.sql("""
                UPDATE population_import SET status = :status, rows_read = :rows, added = :added, unchanged = :unchanged,
                    problem_count = :count, problems = CAST(:problems AS jsonb), updated_at = now()
                WHERE id = :id AND status <> 'IMPORTED'
                """).param("status", status).param("rows", outcome.rows()).param("added", outcome.added())
                .param("unchanged", outcome.unchanged()).param("count", outcome.problemCount())
                .param("problems", json.writeValueAsString(outcome.problems())).param("id", id).update());
    }

    private static org.aigaq.platform.security.SignedInUser requireImporter() {
        var user = CurrentUser.require();
        if (!user.has(Role.COORDINATOR) && !user.has(Role.DOCUMENTER)) {
            throw new AccessDeniedException("imports of population figures are for coordinators and documenters");
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
