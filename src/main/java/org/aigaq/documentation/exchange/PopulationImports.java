package org.aigaq.documentation.exchange;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.PlacePopulation;
import org.aigaq.documentation.Places;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportJobs;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.WaitingFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
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

    /** Day first (17.03.2024, 17/03/2024, 17-03-2024) or year first (2024-03-17, 2024.03.17). */
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[./-](\\d{1,2})[./-](\\d{1,2})");
    /** A year word after the date, as registers write it: "17.03.2024 г.", "2024 ж.", "17.03.2024 года". */
    private static final Pattern YEAR_WORD = Pattern.compile("\\s*(г\\.?|года|год|ж\\.?|жыл|y\\.?)$", Pattern.CASE_INSENSITIVE);

    private static final ImportJobs.Kind<PopulationField, Mapping> KIND = new ImportJobs.Kind<>("population_import",
            "population", "population", "population-import", PopulationField.class, Mapping.class);

    /** Which column gives which field. */
    public record Mapping(Map<String, PopulationField> columns) implements ImportJobs.ColumnMapping<PopulationField> {
        public Mapping {
            columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        }
    }

    private final ImportJobs<PopulationField, Mapping> jobs;
    private final Places places;
    private final PlacePopulation population;

    PopulationImports(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Places places, PlacePopulation population,
                      TransactionTemplate transaction, WaitingFiles files) {
        this.jobs = new ImportJobs<>(KIND, jdbc, json, audit, transaction, files);
        this.places = places;
        this.population = population;
    }

    /** Keeps an uploaded CSV file and detects how to read it; the proposed mapping recognises the columns' names. */
    public ImportJobs.Job<Mapping> upload(InputStream content, TextEncoding encoding, Separator separator) {
        return jobs.upload(requireImporter().id(), content, encoding, separator, PopulationImports::propose);
    }

    /** The import, for the user who uploaded it; anyone else is told it does not exist. */
    public ImportJobs.Job<Mapping> get(long id) {
        return jobs.get(requireImporter().id(), id);
    }

    /**
     * Saves the mapping, checked as a whole: every column named exists, each field comes from one column at most, the
     * place (by code or id), the date, the population and the source are mapped. A new encoding or separator reads the
     * columns again and proposes their mapping afresh.
     */
    public ImportJobs.Job<Mapping> map(long id, TextEncoding encoding, Separator separator, Mapping mapping) {
        return jobs.map(requireImporter().id(), id, encoding, separator, mapping, (columns, chosen) -> propose(columns),
                PopulationImports::check);
    }

    private static void check(Mapping mapping, List<String> columns) {
        var violations = new ArrayList<InvalidInput.Violation>();
        var used = ImportJobs.mapped(mapping, columns, violations);
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
    public ImportJobs.Outcome dryRun(long id) {
        return jobs.dryRun(requireImporter().id(), id, this::checkRows);
    }

    /** Adds every new figure or none, in one transaction audited once with its counts; @throws ImportJobs.Refused with the problems */
    public ImportJobs.Outcome run(long id) {
        return jobs.run(requireImporter().id(), id, this::checkRows, checked -> population.addImported(checked.records()));
    }

    private ImportJobs.Checked<PlacePopulation.Imported> checkRows(ImportJobs.Job<Mapping> job) {
        var problems = new ImportJobs.Problems();
        var figures = new ArrayList<PlacePopulation.Imported>();
        int[] unchanged = {0};
        var seen = new HashMap<String, Long>();
        // A file names the same few places on many rows: each code or id is looked up once.
        var byCode = new HashMap<String, Place>();
        var byId = new HashMap<Long, Place>();
        var columnOf = jobs.columnOf(job.mapping());
        long rows = jobs.eachRow(job, problems, (row, all) -> {
            var rowProblems = new ArrayList<ImportProblem>(row.problems());
            var values = row.values();
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
                unchanged[0]++;
                return;
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
            all.addAll(rowProblems);
        });
        return new ImportJobs.Checked<>(problems.outcome(rows, figures.size(), 0, unchanged[0]), figures);
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

    private static Mapping propose(List<String> columns) {
        return new Mapping(ImportJobs.propose(columns, PopulationField::named));
    }

    private static org.aigaq.platform.security.SignedInUser requireImporter() {
        var user = CurrentUser.require();
        if (!user.has(Role.COORDINATOR) && !user.has(Role.DOCUMENTER)) {
            throw new AccessDeniedException("imports of population figures are for coordinators and documenters");
        }
        return user;
    }
}
