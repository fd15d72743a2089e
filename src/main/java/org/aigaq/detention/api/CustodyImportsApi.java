package org.aigaq.detention.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.aigaq.detention.CustodyImport;
import org.aigaq.detention.CustodyImportField;
import org.aigaq.detention.CustodyImports;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
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
 * Imports of deaths and self-harm incidents from spreadsheets over the API: upload, mapping of columns and spellings,
 * dry run, run. Problems name the row and column, with the reason in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/custody-imports")
class CustodyImportsApi {

    record MappingChange(Map<String, String> columns, Map<String, Map<String, String>> values) {}
    record Problem(long row, String column, String message) {}
    record Job(long id, CustodyImportField.Kind kind, String status, List<String> columns, Map<String, String> mapping,
               Map<String, Map<String, String>> values, Integer rows, Integer records, Integer problemCount,
               List<Problem> problems) {}

    private final CustodyImports imports;
    private final MessageSource messages;

    CustodyImportsApi(CustodyImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "Upload a CSV file of deaths (kind=DEATHS) or self-harm incidents (kind=SELF_HARM), multipart/form-data; "
            + "answers the columns found, the mapping proposed and the spellings found with the terms proposed")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping
    ResponseEntity<Job> upload(@RequestParam(required = false) MultipartFile file,
                               @RequestParam(required = false) CustodyImportField.Kind kind) throws IOException {
        if (file == null || file.isEmpty()) throw new InvalidInput("file", "validation.required");
        if (kind == null) throw new InvalidInput("kind", "validation.required");
        var job = imports.upload(kind, file.getInputStream());
        return ResponseEntity.created(URI.create("/api/v1/custody-imports/" + job.id())).body(job(job));
    }

    @Tag(name = "Deaths in custody")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @GetMapping("/{id}")
    Job get(@PathVariable long id) {
        return job(imports.get(id));
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "Set the column of each field (field key -> column title) and the term of each spelling (field key -> spelling -> term code)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PutMapping("/{id}/mapping")
    Job map(@PathVariable long id, @RequestBody MappingChange change) {
        return job(imports.map(id, change.columns(), change.values()));
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "Check every row; nothing is recorded; every problem by row and column")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/{id}/dry-run")
    Job dryRun(@PathVariable long id) {
        return job(imports.dryRun(id));
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "Record every row, or none when any has a problem (status REFUSED)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/{id}/run")
    Job run(@PathVariable long id) {
        return job(imports.run(id));
    }

    private Job job(CustodyImport job) {
        var locale = LocaleContextHolder.getLocale();
        var problems = job.problems().stream().map(p -> new Problem(p.row(), p.column(), messages.getMessage(p.messageKey(),
                localised(p.messageArguments()), p.messageKey(), locale))).toList();
        return new Job(job.id(), job.kind(), job.status(), job.columns(), job.mapping(), job.values(), job.rowsRead(),
                job.records(), job.problemCount(), problems);
    }

    /** An argument that is itself a message key (a field's name) is shown in the caller's language. */
    private Object[] localised(Object[] arguments) {
        var locale = LocaleContextHolder.getLocale();
        var shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            String text = String.valueOf(arguments[i]);
            shown[i] = text.startsWith("detention.import.field.") ? messages.getMessage(text, null, text, locale) : arguments[i];
        }
        return shown;
    }
}
