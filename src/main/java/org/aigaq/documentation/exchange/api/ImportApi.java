package org.aigaq.documentation.exchange.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.exchange.CaseImports;
import org.aigaq.documentation.exchange.ImportField;
import org.aigaq.documentation.exchange.ImportFormat;
import org.aigaq.documentation.exchange.ImportJob;
import org.aigaq.documentation.exchange.ImportMapping;
import org.aigaq.documentation.exchange.ImportOutcome;
import org.aigaq.documentation.exchange.ImportStatus;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
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
 * Imports over the API, through the same service as the pages: upload a file, adjust the proposed mapping, dry-run,
 * run. Problems name the row and column, with the reason in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
@Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
class ImportApi {

    /** A change of mapping; what is left out (null) stays as it is. */
    record MappingChange(TextEncoding encoding, Separator separator, Map<String, ImportField> columns,
                         Map<ImportField, Map<String, String>> values) {}

    /** One problem of a file: row, column (null when it concerns the row or the file), and why. */
    record Problem(long row, String column, String message) {}

    /** What a dry run found or a run did; {@code information} counts the sources of information. */
    record Report(ImportStatus status, long rows, int events, int people, int acts, int involvements, int information,
                  int interventions, long problemCount, List<Problem> problems) {}

    /** An import: how the file is read, its columns, the mapping, each listed value with its code, and the last outcome. */
    record Job(long id, ImportStatus status, ImportFormat format, TextEncoding encoding, TextEncoding detectedEncoding,
               Separator separator, long fileSize, String sha256, List<String> columns, ImportMapping mapping,
               List<CaseImports.ValueChoice> values, Report outcome, Instant createdAt) {}

    private final CaseImports imports;
    private final MessageSource messages;

    ImportApi(CaseImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @Operation(summary = "Upload a CSV or JSON file of cases (multipart/form-data: file, and optionally format CSV|JSON, "
            + "encoding UTF_8|WINDOWS_1251|MAC_ROMAN, separator COMMA|SEMICOLON|TAB to override detection); returns the "
            + "detected columns, the proposed mapping and the values to map (COORDINATOR, DOCUMENTER, LAWYER, MONITOR)")
    @PostMapping
    ResponseEntity<Job> upload(@RequestParam(required = false) MultipartFile file,
                               @RequestParam(required = false) ImportFormat format,
                               @RequestParam(required = false) TextEncoding encoding,
                               @RequestParam(required = false) Separator separator) throws IOException {
        // A chosen but empty file is reported as empty; only no file at all is "choose a file".
        boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
        try (InputStream content = chosen ? file.getInputStream() : null) {
            ImportJob job = imports.upload(content, format, encoding, separator);
            return ResponseEntity.created(URI.create("/api/v1/imports/" + job.id())).body(view(job));
        }
    }

    @Operation(summary = "An import of the caller's, with its mapping, the values to map and the last outcome")
    @GetMapping("/{id}")
    Job get(@PathVariable long id) {
        return view(imports.get(id));
    }

    @Operation(summary = "Change the mapping: columns {column: field or null}, values {field: {value: code, \"\" for empty}}, "
            + "and for CSV the encoding or separator (which reads the columns again)")
    @PutMapping("/{id}/mapping")
    Job map(@PathVariable long id, @RequestBody MappingChange change) {
        ImportJob job = imports.get(id);
        var mapping = new ImportMapping(change.columns() == null ? job.mapping().columns() : change.columns(),
                change.values() == null ? job.mapping().values() : change.values());
        return view(imports.map(id, change.encoding(), change.separator(), mapping));
    }

    @Operation(summary = "Check every row with the rules of the documentation services; nothing is recorded. Returns the "
            + "events, people, acts, involvements, sources (information) and interventions the import would record")
    @PostMapping("/{id}/dry-run")
    Report dryRun(@PathVariable long id) {
        var outcome = imports.dryRun(id);
        return report(outcome.clean() ? ImportStatus.CHECKED : ImportStatus.REFUSED, outcome);
    }

    @Operation(summary = "Record every row in one transaction, or nothing (422 with the problems); audited once")
    @PostMapping("/{id}/run")
    ResponseEntity<?> run(@PathVariable long id) {
        try {
            return ResponseEntity.ok(report(ImportStatus.IMPORTED, imports.run(id)));
        } catch (CaseImports.Refused refused) {
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

    private Job view(ImportJob job) {
        var values = job.status().closed() ? List.<CaseImports.ValueChoice>of() : imports.values(job.id());
        return new Job(job.id(), job.status(), job.format(), job.encoding(), job.detectedEncoding(), job.separator(),
                job.fileSize(), job.sha256(), job.columns(), job.mapping(), values,
                job.outcome() == null ? null : report(job.status(), job.outcome()), job.createdAt());
    }

    private Report report(ImportStatus status, ImportOutcome outcome) {
        return new Report(status, outcome.rows(), outcome.events(), outcome.people(), outcome.acts(), outcome.involvements(),
                outcome.information(), outcome.interventions(), outcome.problemCount(), problems(outcome));
    }

    private List<Problem> problems(ImportOutcome outcome) {
        return outcome.problems().stream().map(p -> new Problem(p.row(), p.column(),
                message(p.messageKey(), p.messageArguments()))).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
