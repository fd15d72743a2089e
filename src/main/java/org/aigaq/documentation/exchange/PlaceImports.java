package org.aigaq.documentation.exchange;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aigaq.documentation.PlaceDraft;
import org.aigaq.documentation.Places;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportJobs;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.WaitingFiles;
import org.aigaq.platform.vocabulary.TermProposals;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
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

    private static final ImportJobs.Kind<PlaceField, Mapping> KIND = new ImportJobs.Kind<>("place_import", "places", "places",
            "place-import", PlaceField.class, Mapping.class);

    /** Which column gives which field, and which value of a vocabulary field stands for which term. */
    public record Mapping(Map<String, PlaceField> columns, Map<PlaceField, Map<String, String>> values)
            implements ImportJobs.ColumnMapping<PlaceField> {
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

    /** A distinct value of a vocabulary field in the file, its rows, and the term it stands for (null: none). */
    public record ValueChoice(PlaceField field, String value, long rows, String code) {}

    private final ImportJobs<PlaceField, Mapping> jobs;
    private final Places places;
    private final Vocabularies vocabularies;

    PlaceImports(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Places places, Vocabularies vocabularies,
                 TransactionTemplate transaction, WaitingFiles files) {
        this.jobs = new ImportJobs<>(KIND, jdbc, json, audit, transaction, files);
        this.places = places;
        this.vocabularies = vocabularies;
    }

    /** Keeps an uploaded CSV file and detects how to read it; the proposed mapping recognises the columns' names. */
    public ImportJobs.Job<Mapping> upload(InputStream content, TextEncoding encoding, Separator separator) {
        return jobs.upload(requireImporter().id(), content, encoding, separator, columns -> new Mapping(propose(columns), Map.of()));
    }

    /** The import, for the user who uploaded it; anyone else is told it does not exist. */
    public ImportJobs.Job<Mapping> get(long id) {
        return jobs.get(requireImporter().id(), id);
    }

    /**
     * Saves the mapping, checked as a whole: every column named exists, each field comes from one column at most, the
     * name and the type are mapped, each value is mapped to a term of its field's list. A new encoding or separator
     * reads the columns again and proposes their mapping afresh.
     */
    public ImportJobs.Job<Mapping> map(long id, TextEncoding encoding, Separator separator, Mapping mapping) {
        return jobs.map(requireImporter().id(), id, encoding, separator, mapping,
                (columns, chosen) -> new Mapping(propose(columns), chosen.values()), this::check);
    }

    private void check(Mapping mapping, List<String> columns) {
        var violations = new ArrayList<InvalidInput.Violation>();
        var used = ImportJobs.mapped(mapping, columns, violations);
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
        // A file that cannot be read has no values to choose terms for: its problems are the dry run's to say.
        jobs.eachRow(job, new ImportJobs.Problems(), (row, problems) -> row.values().forEach((field, value) -> {
            if (field.vocabulary() != null) counts.computeIfAbsent(field, f -> new TreeMap<>()).merge(value, 1L, Long::sum);
        }));
        var choices = new ArrayList<ValueChoice>();
        counts.forEach((field, values) -> values.forEach((value, rows) -> {
            String chosen = job.mapping().values().getOrDefault(field, Map.of()).get(value);
            choices.add(new ValueChoice(field, value, rows,
                    chosen != null && !chosen.isBlank() ? chosen : proposals.match(field.vocabulary(), value)));
        }));
        return choices;
    }

    /** Checks every row and writes nothing. */
    public ImportJobs.Outcome dryRun(long id) {
        return jobs.dryRun(requireImporter().id(), id, this::checkRows);
    }

    /** Adds every new row or none, in one transaction audited once with its counts; @throws ImportJobs.Refused with the problems */
    public ImportJobs.Outcome run(long id) {
        return jobs.run(requireImporter().id(), id, this::checkRows, checked -> places.addImported(checked.records()));
    }

    private ImportJobs.Checked<PlaceDraft> checkRows(ImportJobs.Job<Mapping> job) {
        var proposals = new TermProposals(vocabularies);
        var problems = new ImportJobs.Problems();
        var drafts = new ArrayList<PlaceDraft>();
        int[] unchanged = {0};
        var seen = new HashMap<String, Long>();
        var columnOf = jobs.columnOf(job.mapping());
        long rows = jobs.eachRow(job, problems, (row, all) -> {
            var rowProblems = new ArrayList<ImportProblem>(row.problems());
            var values = new EnumMap<PlaceField, String>(PlaceField.class);
            row.values().forEach((field, given) -> {
                String value = given;
                if (field.vocabulary() != null) {
                    String chosen = job.mapping().values().getOrDefault(field, Map.of()).get(value);
                    String code = chosen != null && !chosen.isBlank() ? chosen : proposals.match(field.vocabulary(), value);
                    value = code != null ? code : value;
                }
                values.put(field, value);
            });
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
                unchanged[0]++;
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
            all.addAll(rowProblems);
        });
        return new ImportJobs.Checked<>(problems.outcome(rows, drafts.size(), 0, unchanged[0]), drafts);
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

    private static Map<String, PlaceField> propose(List<String> columns) {
        return ImportJobs.propose(columns, PlaceField::named);
    }

    private static org.aigaq.platform.security.SignedInUser requireImporter() {
        var user = CurrentUser.require();
        if (!user.has(Role.COORDINATOR) && !user.has(Role.DOCUMENTER)) {
            throw new AccessDeniedException("imports of places are for coordinators and documenters");
        }
        return user;
    }
}
