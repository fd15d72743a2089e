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
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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

    /** One problem of a file: row, column (null when it concerns the row or the file), and why. */
    record Problem(long row, String column, String message) {}

    /** What a dry run found or a run did: rows read, places added (or to add), rows already in the registry. */
    record Report(String status, long rows, int added, int unchanged, long problemCount, List<Problem> problems) {}

    /** An import: how the file is read, its columns, the mapping, the values to map and the last outcome. */
    record Job(long id, String status, TextEncoding encoding, TextEncoding detectedEncoding, Separator separator,
               long fileSize, String sha256, List<String> columns, PlaceImports.Mapping mapping,
               List<PlaceImports.ValueChoice> values, Report outcome) {}

    private final PlaceImports imports;
    private final MessageSource messages;

    PlaceImportApi(PlaceImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @Operation(summary = "Upload a CSV file of places (multipart/form-data: file, and optionally encoding "
            + "UTF_8|WINDOWS_1251|MAC_ROMAN and separator COMMA|SEMICOLON|TAB to override detection); returns the detected "
            + "columns, the proposed mapping and the values to map (COORDINATOR, DOCUMENTER)")
    @PostMapping
    ResponseEntity<Job> upload(@RequestParam(required = false) MultipartFile file,
                               @RequestParam(required = false) TextEncoding encoding,
                               @RequestParam(required = false) Separator separator) throws IOException {
        boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
        try (InputStream content = chosen ? file.getInputStream() : null) {
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
    Report dryRun(@PathVariable long id) {
        var outcome = imports.dryRun(id);
        return report(outcome.problemCount() == 0 ? "CHECKED" : "REFUSED", outcome);
    }

    @Operation(summary = "Add every new place in one transaction, or none (422 with the problems); audited once")
    @PostMapping("/{id}/run")
    ResponseEntity<?> run(@PathVariable long id) {
        try {
            return ResponseEntity.ok(report("IMPORTED", imports.run(id)));
        } catch (ImportJobs.Refused refused) {
            var outcome = refused.outcome();
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    message("exchange.job.refused", outcome.problemCount()));
            problem.setType(URI.create("https://aigaq.org/problems/import-refused"));
            problem.setTitle(message("exchange.api.refused"));
            problem.setProperty("problemCount", outcome.problemCount());
            problem.setProperty("problems", problems(outcome));
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }

    private Job view(ImportJobs.Job<PlaceImports.Mapping> job) {
        var values = job.imported() ? List.<PlaceImports.ValueChoice>of() : imports.values(job.id());
        return new Job(job.id(), job.status(), job.encoding(), job.detectedEncoding(), job.separator(), job.size(),
                job.sha256(), job.columns(), job.mapping(), values,
                job.outcome() == null ? null : report(job.status(), job.outcome()));
    }

    private Report report(String status, ImportJobs.Outcome outcome) {
        return new Report(status, outcome.rows(), outcome.added(), outcome.unchanged(), outcome.problemCount(),
                problems(outcome));
    }

    private List<Problem> problems(ImportJobs.Outcome outcome) {
        return outcome.problems().stream().map(p -> new Problem(p.row(), p.column(),
                message(p.messageKey(), p.messageArguments()))).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
