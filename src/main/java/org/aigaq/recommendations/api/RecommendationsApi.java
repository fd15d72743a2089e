package org.aigaq.recommendations.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportReports;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.recommendations.Recommendation;
import org.aigaq.recommendations.RecommendationDashboard;
import org.aigaq.recommendations.RecommendationDraft;
import org.aigaq.recommendations.RecommendationField;
import org.aigaq.recommendations.RecommendationImports;
import org.aigaq.recommendations.Recommendations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/** Recommendations to the state over the API, through the same services (and access rules) as the pages. */
@Tag(name = "Recommendations")
@RestController
@RequestMapping("/api/v1/recommendations-tracker")
class RecommendationsApi {

    /** A change of an import's mapping; what is left out (null) stays as it is. */
    record MappingChange(TextEncoding encoding, Separator separator, Map<String, RecommendationField> columns) {}

    private final Recommendations recommendations;
    private final RecommendationDashboard dashboard;
    private final RecommendationImports imports;
    private final ImportReports reports;

    RecommendationsApi(Recommendations recommendations, RecommendationDashboard dashboard, RecommendationImports imports,
                       ImportReports reports) {
        this.recommendations = recommendations;
        this.dashboard = dashboard;
        this.imports = imports;
        this.reports = reports;
    }

    @Operation(summary = "The recommendations the caller may read, newest document first, with the latest grade")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping
    List<Recommendations.Line> list(@RequestParam(required = false) Recommendation.Source source,
                                    @RequestParam(required = false) String theme) {
        return recommendations.list(source, theme);
    }

    @Operation(summary = "Record a recommendation for the caller's organisation (coordinators, documenters, lawyers, monitors)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping
    ResponseEntity<Recommendation> record(@RequestBody RecommendationDraft draft) {
        var recommendation = recommendations.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/recommendations-tracker/" + recommendation.id())).body(recommendation);
    }

    @Operation(summary = "One recommendation with the state's claims and the assessments; the read is audited; 404 when the caller may not read it")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/{id}")
    Recommendation get(@PathVariable long id) {
        return recommendations.get(id);
    }

    @Operation(summary = "Correct a recommendation (all fields, as when recording; only a coordinator changes its sharing); "
            + "audited with the values before and after")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}")
    Recommendation change(@PathVariable long id, @RequestBody RecommendationDraft draft) {
        return recommendations.change(id, draft);
    }

    @Operation(summary = "Correct a state's claim; audited with the values before and after")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}/claims/{claimId}")
    Recommendation changeClaim(@PathVariable long id, @PathVariable long claimId, @RequestBody RecommendationDraft.ClaimDraft draft) {
        return recommendations.changeClaim(id, claimId, draft);
    }

    @Operation(summary = "Correct an assessment; the version replaced is kept in its corrections, and audited before and after")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}/assessments/{assessmentId}")
    Recommendation changeAssessment(@PathVariable long id, @PathVariable long assessmentId,
                                    @RequestBody RecommendationDraft.AssessmentDraft draft) {
        return recommendations.changeAssessment(id, assessmentId, draft);
    }

    @Operation(summary = "Add what the state claims to have done, with its document")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/{id}/claims")
    ResponseEntity<Recommendation> claim(@PathVariable long id, @RequestBody RecommendationDraft.ClaimDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(recommendations.addClaim(id, draft));
    }

    @Operation(summary = "Add the coalition's assessment: grade A, B1, B2, C1, C2, D or E, reasoning, case ids, impunity flags "
            + "of cases (flags: caseId, rule), official figures (figures: jurisdiction, year, article, agency, measure or "
            + "indicator), monitoring visits (visitIds) and other evidence by text")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/{id}/assessments")
    ResponseEntity<Recommendation> assess(@PathVariable long id, @RequestBody RecommendationDraft.AssessmentDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(recommendations.addAssessment(id, draft));
    }

    @Operation(summary = "Follow-up items by due date, latest grades by source and theme, changes since a date (default the last review)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/dashboard")
    RecommendationDashboard.Dashboard dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
        return dashboard.dashboard(since);
    }

    @Operation(summary = "The caller's follow-up items overdue or due within days (default aigaq.recommendations.reminder-days)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/reminders")
    List<RecommendationDashboard.FollowUp> reminders(@RequestParam(required = false) Integer days) {
        return dashboard.reminders(days);
    }

    @Operation(summary = "Record that the organisation reviewed its recommendations (on, default today)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/reviews")
    ResponseEntity<Map<String, LocalDate>> review(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reviewedOn", dashboard.review(on)));
    }

    @Operation(summary = "Upload a CSV file of recommendations (multipart/form-data: file, and optionally encoding "
            + "UTF_8|WINDOWS_1251|MAC_ROMAN and separator COMMA|SEMICOLON|TAB); returns the columns, the encoding and "
            + "separator detected and the mapping proposed from the headings; nothing is recorded yet")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/imports")
    ResponseEntity<ImportReports.Job<RecommendationImports.Mapping>> upload(
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) TextEncoding encoding,
            @RequestParam(required = false) Separator separator) throws IOException {
        try (InputStream content = ImportReports.content(file)) {
            var job = imports.upload(content, encoding, separator);
            return ResponseEntity.created(URI.create("/api/v1/recommendations-tracker/imports/" + job.id())).body(reports.job(job));
        }
    }

    @Operation(summary = "An import of the caller's, with its mapping and the last outcome (404 for anyone else's)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/imports/{id}")
    ImportReports.Job<RecommendationImports.Mapping> importJob(@PathVariable long id) {
        return reports.job(imports.get(id));
    }

    @Operation(summary = "Change the mapping {column: SOURCE|DOCUMENT_SYMBOL|DOCUMENT_DATE|TEXT|PARAGRAPH|SUB_PARAGRAPH|"
            + "THEMES|AUTHORITY|RECOMMENDING_STATE|STATE_RESPONSE|DUE_DATE or null}, the encoding or the separator; 400 "
            + "with /columns when a required field has no column")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/imports/{id}/mapping")
    ImportReports.Job<RecommendationImports.Mapping> map(@PathVariable long id, @RequestBody MappingChange change) {
        var job = imports.get(id);
        var mapping = change.columns() == null ? job.mapping() : new RecommendationImports.Mapping(change.columns());
        return reports.job(imports.map(id, change.encoding(), change.separator(), mapping));
    }

    @Operation(summary = "Check every row; nothing is recorded; the problems by row and column in the caller's language")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/imports/{id}/dry-run")
    ImportReports.Report dryRun(@PathVariable long id) {
        return reports.checked(imports.dryRun(id));
    }

    @Operation(summary = "Record every row, or none (422 with the problems by row and column)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/imports/{id}/run")
    ResponseEntity<?> run(@PathVariable long id) {
        return reports.run(() -> imports.run(id));
    }

    @Operation(summary = "The recommendations the caller may read as CSV, in the import's columns plus id, latest grade and claims")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recommendations.csv\"").body(imports.exportCsv());
    }
}
