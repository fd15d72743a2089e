package org.aigaq.documentation.exchange.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

    /** One problem of a file: row, column (null when it concerns the row or the file), and why. */
    record Problem(long row, String column, String message) {}

    /** What a dry run found or a run did: rows read, figures added (or to add), figures already recorded. */
    record Report(String status, long rows, int added, int unchanged, long problemCount, List<Problem> problems) {}

    /** An import: how the file is read, its columns, the mapping and the last outcome. */
    record Job(long id, String status, TextEncoding encoding, TextEncoding detectedEncoding, Separator separator,
               long fileSize, String sha256, List<String> columns, PopulationImports.Mapping mapping, Report outcome) {}

    private final PopulationImports imports;
    private final MessageSource messages;

    PopulationImportApi(PopulationImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @Operation(summary = "Upload a CSV file of population figures (multipart/form-data: file, and optionally encoding "
            + "UTF_8|WINDOWS_1251|MAC_ROMAN and separator COMMA|SEMICOLON|TAB); returns the columns and the proposed mapping "
            + "(place id or official code in either script, date, population, capacity, source)")
    @PostMapping
    ResponseEntity<Job> upload(@RequestParam(required = false) MultipartFile file,
                               @RequestParam(required = false) TextEncoding encoding,
                               @RequestParam(required = false) Separator separator) throws IOException {
        boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
        try (InputStream content = chosen ? file.getInputStream() : null) {
            var job = imports.upload(content, encoding, separator);
            return ResponseEntity.created(URI.create("/api/v1/places/population-imports/" + job.id())).body(view(job));
        }
    }

    @Operation(summary = "An import of population figures of the caller's, with its mapping and the last outcome")
    @GetMapping("/{id}")
    Job get(@PathVariable long id) {
        return view(imports.get(id));
    }

    @Operation(summary = "Change the mapping {column: field or null}, the encoding or the separator")
    @PutMapping("/{id}/mapping")
    Job map(@PathVariable long id, @RequestBody MappingChange change) {
        var job = imports.get(id);
        var mapping = change.columns() == null ? job.mapping() : new PopulationImports.Mapping(change.columns());
        return view(imports.map(id, change.encoding(), change.separator(), mapping));
    }

    @Operation(summary = "Check every row; nothing is recorded")
    @PostMapping("/{id}/dry-run")
    Report dryRun(@PathVariable long id) {
        var outcome = imports.dryRun(id);
        return report(outcome.problemCount() == 0 ? "CHECKED" : "REFUSED", outcome);
    }

    @Operation(summary = "Record every new figure in one transaction, or none (422 with the problems); audited once")
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

    private Job view(ImportJobs.Job<PopulationImports.Mapping> job) {
        return new Job(job.id(), job.status(), job.encoding(), job.detectedEncoding(), job.separator(), job.size(),
                job.sha256(), job.columns(), job.mapping(), job.outcome() == null ? null : report(job.status(), job.outcome()));
    }

    private Report report(String status, ImportJobs.Outcome outcome) {
        return new Report(status, outcome.rows(), outcome.added(), outcome.unchanged(), outcome.problemCount(),
                outcome.problems().stream().map(p -> new Problem(p.row(), p.column(), message(p.messageKey(), p.messageArguments()))).toList());
    }

    private List<Problem> problems(ImportJobs.Outcome outcome) {
        return report("REFUSED", outcome).problems();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
