package org.aigaq.documentation.exchange.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportReports;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
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
import org.aigaq.documentation.exchange.PopulationField;
import org.aigaq.documentation.exchange.PopulationImports;

/**
 * Imports of places' population figures from CSV over the API, in the steps of the places import: upload, mapping,
 * dry run, run (every figure or none). Problems name the row and column in the caller's language; a figure already
 * recorded (same place, day and source) is left as it is.
 */
@RestController
@RequestMapping("/api/v1/places/population-imports")
@Tag(name = "Places")
@Allowed({Role.COORDINATOR, Role.DOCUMENTER})
class PopulationImportApi {

    /** A change of mapping; what is left out (null) stays as it is. */
    record MappingChange(TextEncoding encoding, Separator separator, Map<String, PopulationField> columns) {}

    private final PopulationImports imports;
    private final ImportReports reports;

    PopulationImportApi(PopulationImports imports, ImportReports reports) {
        this.imports = imports;
        this.reports = reports;
    }

    @Operation(summary = "Upload a CSV file of population figures (multipart/form-data: file, and optionally encoding "
            + "UTF_8|WINDOWS_1251|MAC_ROMAN and separator COMMA|SEMICOLON|TAB); returns the columns and the proposed mapping "
            + "(place id or official code in either script, date, population, capacity, source)")
    @PostMapping
    ResponseEntity<ImportReports.Job<PopulationImports.Mapping>> upload(
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) TextEncoding encoding,
            @RequestParam(required = false) Separator separator) throws IOException {
        try (InputStream content = ImportReports.content(file)) {
            var job = imports.upload(content, encoding, separator);
            return ResponseEntity.created(URI.create("/api/v1/places/population-imports/" + job.id())).body(reports.job(job));
        }
    }

    @Operation(summary = "An import of population figures of the caller's, with its mapping and the last outcome")
    @GetMapping("/{id}")
    ImportReports.Job<PopulationImports.Mapping> get(@PathVariable long id) {
        return reports.job(imports.get(id));
    }

    @Operation(summary = "Change the mapping {column: field or null}, the encoding or the separator")
    @PutMapping("/{id}/mapping")
    ImportReports.Job<PopulationImports.Mapping> map(@PathVariable long id, @RequestBody MappingChange change) {
        var job = imports.get(id);
        var mapping = change.columns() == null ? job.mapping() : new PopulationImports.Mapping(change.columns());
        return reports.job(imports.map(id, change.encoding(), change.separator(), mapping));
    }

    @Operation(summary = "Check every row; nothing is recorded")
    @PostMapping("/{id}/dry-run")
    ImportReports.Report dryRun(@PathVariable long id) {
        return reports.checked(imports.dryRun(id));
    }

    @Operation(summary = "Record every new figure in one transaction, or none (422 with the problems); audited once")
    @PostMapping("/{id}/run")
    ResponseEntity<?> run(@PathVariable long id) {
        return reports.run(() -> imports.run(id));
    }
}
