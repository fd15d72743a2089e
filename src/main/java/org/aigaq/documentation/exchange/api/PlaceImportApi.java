package org.aigaq.documentation.exchange.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.exchange.PlaceField;
import org.aigaq.documentation.exchange.PlaceImports;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportJobs;
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

/**
 * Imports of places from CSV files over the API, in the steps of the pages: upload, mapping, dry run, run. Problems name
 * the row and column, with the reason in the caller's language; a second import of the same places adds none.
 */
@RestController
@RequestMapping("/api/v1/places/imports")
@Tag(name = "Places")
@Allowed({Role.COORDINATOR, Role.DOCUMENTER})
class PlaceImportApi {

    /** A change of mapping; what is left out (null) stays as it is. */
    record MappingChange(TextEncoding encoding, Separator separator, Map<String, PlaceField> columns,
                         Map<PlaceField, Map<String, String>> values) {}

    /** An import: how the file is read, its columns, the mapping, the values to map and the last outcome. */
    record Job(long id, String status, TextEncoding encoding, TextEncoding detectedEncoding, Separator separator,
               long fileSize, String sha256, List<String> columns, PlaceImports.Mapping mapping,
               List<PlaceImports.ValueChoice> values, ImportReports.Report outcome) {}

    private final PlaceImports imports;
    private final ImportReports reports;

    PlaceImportApi(PlaceImports imports, ImportReports reports) {
        this.imports = imports;
        this.reports = reports;
    }

    @Operation(summary = "Upload a CSV file of places (multipart/form-data: file, and optionally encoding "
            + "UTF_8|WINDOWS_1251|MAC_ROMAN and separator COMMA|SEMICOLON|TAB to override detection); returns the detected "
            + "columns, the proposed mapping and the values to map (COORDINATOR, DOCUMENTER)")
    @PostMapping
    ResponseEntity<Job> upload(@RequestParam(required = false) MultipartFile file,
                               @RequestParam(required = false) TextEncoding encoding,
                               @RequestParam(required = false) Separator separator) throws IOException {
        try (InputStream content = ImportReports.content(file)) {
            var job = imports.upload(content, encoding, separator);
            return ResponseEntity.created(URI.create("/api/v1/places/imports/" + job.id())).body(view(job));
        }
    }

    @Operation(summary = "An import of places of the caller's, with its mapping, the values to map and the last outcome")
    @GetMapping("/{id}")
    Job get(@PathVariable long id) {
        return view(imports.get(id));
    }

    @Operation(summary = "Change the mapping: columns {column: field or null}, values {field: {value: term code}}, the "
            + "encoding or separator (which reads the columns again)")
    @PutMapping("/{id}/mapping")
    Job map(@PathVariable long id, @RequestBody MappingChange change) {
        var job = imports.get(id);
        var mapping = new PlaceImports.Mapping(change.columns() == null ? job.mapping().columns() : change.columns(),
                change.values() == null ? job.mapping().values() : change.values());
        return view(imports.map(id, change.encoding(), change.separator(), mapping));
    }

    @Operation(summary = "Check every row with the registry's rules; nothing is recorded")
    @PostMapping("/{id}/dry-run")
    ImportReports.Report dryRun(@PathVariable long id) {
        return reports.checked(imports.dryRun(id));
    }

    @Operation(summary = "Add every new place in one transaction, or none (422 with the problems); audited once")
    @PostMapping("/{id}/run")
    ResponseEntity<?> run(@PathVariable long id) {
        return reports.run(() -> imports.run(id));
    }

    private Job view(ImportJobs.Job<PlaceImports.Mapping> job) {
        var values = job.imported() ? List.<PlaceImports.ValueChoice>of() : imports.values(job.id());
        return new Job(job.id(), job.status(), job.encoding(), job.detectedEncoding(), job.separator(), job.size(),
                job.sha256(), job.columns(), job.mapping(), values,
                job.outcome() == null ? null : reports.report(job.status(), job.outcome()));
    }
}
