package org.aigaq.statistics.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.justice.Jurisdictions;
import org.aigaq.platform.indicators.Ratio;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportReports;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.statistics.Measure;
import org.aigaq.statistics.OfficialFigures;
import org.aigaq.statistics.OfficialIndicators;
import org.aigaq.statistics.StatisticsField;
import org.aigaq.statistics.StatisticsImports;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Official statistics over the API: imports of published tables in the steps of the population import (upload,
 * mapping, dry run, run: every figure or none, a new version), the figures read from their latest version (or every
 * version), the indicators with their definitions, and the official counts beside the coalition's.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics")
class StatisticsApi {

    /** A change of mapping; what is left out (null) stays as it is. */
    record MappingChange(TextEncoding encoding, Separator separator, Map<String, StatisticsField> columns) {}

    /** An indicator's definition: numerator and denominator as words, and the rounding. */
    record Definition(String code, String name, String numerator, String denominator, int decimals, String rounding) {}

    /** One indicator's value: the two counts and the share in per cent (null over nothing or a figure not published). */
    record Value(String code, Long numerator, Long denominator, BigDecimal percent) {}

    /** One published table row with its figures and indicators. */
    record IndicatorRow(String jurisdiction, int year, String agency, String form, String codeVersion, String article,
                        String part, long version, Map<Measure, Long> figures, List<Value> indicators) {}

    /** The indicators and their definitions. */
    record Indicators(List<Definition> definitions, List<IndicatorRow> rows) {}

    /** A figure of one version. */
    record Version(String jurisdiction, int year, String agency, String form, String codeVersion, String article, String part,
                   Measure measure, long value, long version, OffsetDateTime importedAt) {}

    /** One year of a trend: the official value and its change in percentage points, and the coalition's (null where none). */
    record TrendPoint(int year, Value official, BigDecimal officialChange, Value coalition, BigDecimal coalitionChange) {}

    /** An indicator's values by year for one article and official source, oldest first, with its definition. */
    record Trend(Definition definition, String jurisdiction, String article, String agency, String form, boolean compared,
                 List<TrendPoint> points) {}

    private final StatisticsImports imports;
    private final OfficialFigures figures;
    private final OfficialIndicators indicators;
    private final Jurisdictions jurisdictions;
    private final MessageSource messages;
    private final ImportReports reports;

    StatisticsApi(StatisticsImports imports, OfficialFigures figures, OfficialIndicators indicators, Jurisdictions jurisdictions,
                  MessageSource messages, ImportReports reports) {
        this.imports = imports;
        this.figures = figures;
        this.indicators = indicators;
        this.jurisdictions = jurisdictions;
        this.messages = messages;
        this.reports = reports;
    }

    @Operation(summary = "Upload a CSV file of official statistics (multipart/form-data: file, and optionally encoding "
            + "UTF_8|WINDOWS_1251|MAC_ROMAN and separator COMMA|SEMICOLON|TAB); returns the columns and the proposed mapping "
            + "(jurisdiction, year, agency, form, code version, article, part, and one column per measure)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/imports")
    ResponseEntity<ImportReports.Job<StatisticsImports.Mapping>> upload(
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) TextEncoding encoding,
            @RequestParam(required = false) Separator separator) throws IOException {
        try (InputStream content = ImportReports.content(file)) {
            var job = imports.upload(content, encoding, separator);
            return ResponseEntity.created(URI.create("/api/v1/statistics/imports/" + job.id())).body(reports.job(job));
        }
    }

    @Operation(summary = "An import of the caller's, with its mapping and the last outcome")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @GetMapping("/imports/{id}")
    ImportReports.Job<StatisticsImports.Mapping> get(@PathVariable long id) {
        return reports.job(imports.get(id));
    }

    @Operation(summary = "Change the mapping {column: field or null}, the encoding or the separator")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PutMapping("/imports/{id}/mapping")
    ImportReports.Job<StatisticsImports.Mapping> map(@PathVariable long id, @RequestBody MappingChange change) {
        var job = imports.get(id);
        var mapping = change.columns() == null ? job.mapping() : new StatisticsImports.Mapping(change.columns());
        return reports.job(imports.map(id, change.encoding(), change.separator(), mapping));
    }

    @Operation(summary = "Check every row; nothing is recorded")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/imports/{id}/dry-run")
    ImportReports.Report dryRun(@PathVariable long id) {
        return reports.checked(imports.dryRun(id));
    }

    @Operation(summary = "Record a new version with every new or corrected figure, or none (422 with the problems)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/imports/{id}/run")
    ResponseEntity<?> run(@PathVariable long id) {
        return reports.run(() -> imports.run(id));
    }

    @Operation(summary = "Every version of the official figures selected (jurisdiction, article as 2014:146, agency, "
            + "fromYear, toYear), latest first; the figure read is the latest version")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/figures")
    List<Version> figures(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String article,
                          @RequestParam(required = false) String agency, @RequestParam(required = false) Integer fromYear,
                          @RequestParam(required = false) Integer toYear) {
        return figures.history(new OfficialFigures.Selection(jurisdiction, article, agency, fromYear, toYear)).stream()
                .map(v -> new Version(v.key().jurisdiction(), v.key().year(), v.key().agency(), v.key().form(),
                        v.key().codeVersion(), v.key().article(), v.key().part(), v.key().measure(), v.value(), v.importId(),
                        v.importedAt())).toList();
    }

    @Operation(summary = "The indicators of the official figures selected, each figure from its latest version, with "
            + "the definitions (numerator, denominator, rounding) in the caller's language")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/indicators")
    Indicators indicators(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String article,
                          @RequestParam(required = false) String agency, @RequestParam(required = false) Integer fromYear,
                          @RequestParam(required = false) Integer toYear) {
        var rows = indicators.indicators(new OfficialFigures.Selection(jurisdiction, article, agency, fromYear, toYear));
        var definitions = OfficialIndicators.ALL.stream().map(this::definition).toList();
        return new Indicators(definitions, rows.stream().map(r -> new IndicatorRow(r.row().jurisdiction(), r.row().year(),
                r.row().agency(), r.row().form(), r.row().codeVersion(), r.row().article(), r.row().part(), r.row().latestVersion(),
                new LinkedHashMap<>(r.row().values()), values(r.ratios()))).toList());
    }

    @Operation(summary = "Official counts (per source, all parts of the article) beside the coalition's complaints of "
            + "the same year and article that the caller may see, by the furthest step reached by asOf (today by default)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/comparison")
    List<OfficialIndicators.Comparison> comparison(@RequestParam(required = false) String jurisdiction,
                                                   @RequestParam(required = false) String article,
                                                   @RequestParam(required = false) String agency,
                                                   @RequestParam(required = false) Integer fromYear,
                                                   @RequestParam(required = false) Integer toYear,
                                                   @RequestParam(required = false) LocalDate asOf) {
        return indicators.comparison(new OfficialFigures.Selection(jurisdiction, article, agency, fromYear, toYear),
                asOf == null ? jurisdictions.today() : asOf);
    }

    @Operation(summary = "The trends of the indicators selected (jurisdiction, article as 2014:146, agency, fromYear, "
            + "toYear): per indicator, article and official source, each year's value with its change from the year before "
            + "in percentage points, beside the coalition's same figure of that year (justice funnel by asOf, today by default)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/trends")
    List<Trend> trends(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String article,
                       @RequestParam(required = false) String agency, @RequestParam(required = false) Integer fromYear,
                       @RequestParam(required = false) Integer toYear, @RequestParam(required = false) LocalDate asOf) {
        return indicators.trends(new OfficialFigures.Selection(jurisdiction, article, agency, fromYear, toYear),
                asOf == null ? jurisdictions.today() : asOf).stream().map(t -> new Trend(definition(t.definition()),
                t.jurisdiction(), t.article(), t.agency(), t.form(), t.compared(), t.points().stream()
                .map(p -> new TrendPoint(p.year(), value(t.definition().indicator().code(), p.official()), p.officialChange(),
                        p.coalition() == null ? null : value(t.definition().indicator().code(), p.coalition()), p.coalitionChange()))
                .toList())).toList();
    }

    private Definition definition(OfficialIndicators.Definition d) {
        return new Definition(d.indicator().code(), message(d.indicator().messageKey()), message(d.indicator().numeratorKey()),
                message(d.indicator().denominatorKey()), d.indicator().decimals(), "HALF_UP");
    }

    private static Value value(String code, Ratio r) {
        return r == null ? new Value(code, null, null, null) : new Value(code, r.numerator(), r.denominator(), r.percent());
    }

    private static List<Value> values(List<Ratio> ratios) {
        var values = new java.util.ArrayList<Value>();
        for (int i = 0; i < ratios.size(); i++) {
            Ratio r = ratios.get(i);
            String code = OfficialIndicators.ALL.get(i).indicator().code();
            values.add(r == null ? new Value(code, null, null, null) : new Value(code, r.numerator(), r.denominator(), r.percent()));
        }
        return values;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
