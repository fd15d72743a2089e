package org.aigaq.statistics;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.justice.Jurisdiction;
import org.aigaq.justice.Jurisdictions;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.tabular.ImportJobs;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.WaitingFiles;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of official statistics tables from CSV (coordinators and documenters, as population imports), in the steps
 * every import shares ({@link ImportJobs}: the upload kept encrypted, the mapping of columns to fields, a dry run that
 * checks every row and writes nothing, and the run, which records a new version with every figure or none, audited
 * once). A row gives the figures of one jurisdiction, year, source (agency, report form) and article; each mapped
 * measure column one figure. A figure equal to its latest version is left as it is; a different one is a correction,
 * recorded as the new version beside the earlier.
 */
@Service
public class StatisticsImports {

    private static final ImportJobs.Kind<StatisticsField, Mapping> KIND = new ImportJobs.Kind<>("statistics_import",
            "statistics", "statistics", "statistics-import", StatisticsField.class, Mapping.class);

    /** Which column gives which field. */
    public record Mapping(Map<String, StatisticsField> columns) implements ImportJobs.ColumnMapping<StatisticsField> {
        public Mapping {
            columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        }
    }

    private final ImportJobs<StatisticsField, Mapping> jobs;
    private final Jurisdictions jurisdictions;
    private final OfficialFigures figures;

    StatisticsImports(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Jurisdictions jurisdictions, OfficialFigures figures,
                      TransactionTemplate transaction, WaitingFiles files) {
        this.jobs = new ImportJobs<>(KIND, jdbc, json, audit, transaction, files);
        this.jurisdictions = jurisdictions;
        this.figures = figures;
    }

    /** Keeps an uploaded CSV file and detects how to read it; the proposed mapping recognises the columns' names. */
    public ImportJobs.Job<Mapping> upload(InputStream content, TextEncoding encoding, Separator separator) {
        return jobs.upload(requireImporter().id(), content, encoding, separator, StatisticsImports::propose);
    }

    /** The import, for the user who uploaded it; anyone else is told it does not exist. */
    public ImportJobs.Job<Mapping> get(long id) {
        return jobs.get(requireImporter().id(), id);
    }

    /**
     * Saves the mapping, checked as a whole: every column named exists, each field comes from one column at most, the
     * year, the agency, the article and at least one measure are mapped. A new encoding or separator reads the
     * columns again and proposes their mapping afresh.
     */
    public ImportJobs.Job<Mapping> map(long id, TextEncoding encoding, Separator separator, Mapping mapping) {
        return jobs.map(requireImporter().id(), id, encoding, separator, mapping, (columns, chosen) -> propose(columns),
                StatisticsImports::check);
    }

    private static void check(Mapping mapping, List<String> columns) {
        var violations = new ArrayList<InvalidInput.Violation>();
        var used = ImportJobs.mapped(mapping, columns, violations);
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
    public ImportJobs.Outcome dryRun(long id) {
        return jobs.dryRun(requireImporter().id(), id, job -> {
            check(job.mapping(), job.columns());
            return checkRows(job);
        });
    }

    /** Records a new version with every new or corrected figure, or none; audited once. @throws ImportJobs.Refused with the problems */
    public ImportJobs.Outcome run(long id) {
        return jobs.run(requireImporter().id(), id, job -> {
            check(job.mapping(), job.columns());
            return checkRows(job);
        }, checked -> figures.add(id, checked.records()));
    }

    private ImportJobs.Checked<OfficialFigures.Figure> checkRows(ImportJobs.Job<Mapping> job) {
        var problems = new ImportJobs.Problems();
        var found = new ArrayList<OfficialFigures.Figure>();
        int[] counts = new int[3]; // added, corrected, unchanged
        var seen = new HashMap<OfficialFigures.Key, Long>();
        var columnOf = jobs.columnOf(job.mapping());
        long rows = jobs.eachRow(job, problems, (row, all) -> {
            var rowProblems = new ArrayList<ImportProblem>(row.problems());
            var values = row.values();
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
            for (var entry : values.entrySet()) {
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
                        counts[0]++;
                        found.add(figure);
                    } else if (before != figure.value()) {
                        counts[1]++;
                        found.add(figure);
                    } else {
                        counts[2]++;
                    }
                }
            }
            all.addAll(rowProblems);
        });
        return new ImportJobs.Checked<>(problems.outcome(rows, counts[0], counts[1], counts[2]), found);
    }

    /** A count as published tables write it: "1350", "1 350", "1,350", "1.350"; null when it is not one. */
    private static Long number(String value) {
        String compact = value.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (compact.matches("\\d{1,3}([,.]\\d{3})+")) compact = compact.replaceAll("[,.]", "");
        return compact.matches("\\d{1,15}") ? Long.valueOf(compact) : null;
    }

    private static Mapping propose(List<String> columns) {
        return new Mapping(ImportJobs.propose(columns, StatisticsField::named));
    }

    /** Official tables are imported by whoever imports population figures: coordinators and documenters. */
    static SignedInUser requireImporter() {
        var user = CurrentUser.require();
        if (!user.has(Role.COORDINATOR) && !user.has(Role.DOCUMENTER)) {
            throw new AccessDeniedException("imports of official statistics are for coordinators and documenters");
        }
        return user;
    }
}
