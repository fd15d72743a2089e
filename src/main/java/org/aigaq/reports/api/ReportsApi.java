package org.aigaq.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.reports.BlockDraft;
import org.aigaq.reports.Editions;
import org.aigaq.reports.Report;
import org.aigaq.reports.ReportDownloads;
import org.aigaq.reports.ReportDraft;
import org.aigaq.reports.Reports;
import org.aigaq.reports.SectionDraft;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shadow reports over the API, through the same services (and access rules) as the pages. */
@Tag(name = "Shadow reports")
@RestController
@RequestMapping("/api/v1/reports")
@Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
class ReportsApi {

    private final Reports reports;
    private final Editions editions;
    private final ReportDownloads downloads;

    ReportsApi(Reports reports, Editions editions, ReportDownloads downloads) {
        this.reports = reports;
        this.editions = editions;
        this.downloads = downloads;
    }

    /** Where a section moves to (from 0). */
    record Move(int position) {}

    /** How far a block moves: -1 up, +1 down. */
    record Step(int by) {}

    @Operation(summary = "The reports of the caller's organisation, the most recently changed first")
    @GetMapping
    List<Reports.Line> list() {
        return reports.list();
    }

    @Operation(summary = "Create a report from a template (PERIODIC_REVIEW, FOLLOW_UP, BLANK) with its title, who submits it and its language")
    @PostMapping
    ResponseEntity<Report> create(@RequestBody ReportDraft draft) {
        var created = reports.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + created.id())).body(created);
    }

    @Operation(summary = "One report with its sections and live blocks; 404 outside the caller's organisation")
    @GetMapping("/{id}")
    Report get(@PathVariable long id) {
        return reports.get(id);
    }

    @Operation(summary = "Add a section at the end: heading and Markdown narrative")
    @PostMapping("/{id}/sections")
    ResponseEntity<Report> addSection(@PathVariable long id, @RequestBody SectionDraft draft) {
        return ResponseEntity.created(URI.create("/api/v1/reports/" + id)).body(reports.addSection(id, draft));
    }

    @Operation(summary = "Rename a section and replace its narrative")
    @PutMapping("/{id}/sections/{section}")
    Report changeSection(@PathVariable long id, @PathVariable long section, @RequestBody SectionDraft draft) {
        return reports.changeSection(id, section, draft);
    }

    @Operation(summary = "Move a section to a position (from 0)")
    @PostMapping("/{id}/sections/{section}/move")
    Report moveSection(@PathVariable long id, @PathVariable long section, @RequestBody Move move) {
        return reports.moveSection(id, section, move.position());
    }

    @Operation(summary = "Remove a section with its live blocks")
    @DeleteMapping("/{id}/sections/{section}")
    Report removeSection(@PathVariable long id, @PathVariable long section) {
        return reports.removeSection(id, section);
    }

    @Operation(summary = "Insert a live block at the end of a section: its kind and parameters (see docs/api.md)")
    @PostMapping("/{id}/sections/{section}/blocks")
    ResponseEntity<Report> addBlock(@PathVariable long id, @PathVariable long section, @RequestBody BlockDraft draft) {
        return ResponseEntity.created(URI.create("/api/v1/reports/" + id)).body(reports.addBlock(id, section, draft));
    }

    @Operation(summary = "Change a live block's kind and parameters, in its place")
    @PutMapping("/{id}/blocks/{block}")
    Report changeBlock(@PathVariable long id, @PathVariable long block, @RequestBody BlockDraft draft) {
        return reports.changeBlock(id, block, draft);
    }

    @Operation(summary = "Move a live block up (by -1) or down (by 1) in its section")
    @PostMapping("/{id}/blocks/{block}/move")
    Report moveBlock(@PathVariable long id, @PathVariable long block, @RequestBody Step step) {
        return reports.moveBlock(id, block, step.by());
    }

    @Operation(summary = "Remove a live block")
    @DeleteMapping("/{id}/blocks/{block}")
    Report removeBlock(@PathVariable long id, @PathVariable long block) {
        return reports.removeBlock(id, block);
    }

    @Operation(summary = "The report composed with its data as of now: numbered paragraphs, footnotes, resolved live blocks, each with its type")
    @GetMapping(value = "/{id}/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    String preview(@PathVariable long id) {
        return editions.json(editions.draft(id));
    }

    @Operation(summary = "Freeze an edition: the report composed now, kept as it is and never changed afterwards")
    @PostMapping("/{id}/editions")
    ResponseEntity<Report.Edition> freeze(@PathVariable long id) {
        var edition = editions.freeze(id);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + id + "/editions/" + edition.number())).body(edition);
    }

    @Operation(summary = "The report's editions with their dates, the newest first")
    @GetMapping("/{id}/editions")
    List<Report.Edition> editions(@PathVariable long id) {
        return editions.editions(id);
    }

    @Operation(summary = "One frozen edition as it was composed; the reading is audited")
    @GetMapping(value = "/{id}/editions/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    String edition(@PathVariable long id, @PathVariable int number) {
        return editions.json(editions.edition(id, number));
    }

    @Operation(summary = "The draft as PDF or DOCX (format=pdf|docx), composed now in language en, ru or kk (the report's by default)")
    @GetMapping("/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format,
                                    @RequestParam(required = false) String language) {
        return send(downloads.file(id, null, format, language));
    }

    @Operation(summary = "A frozen edition as PDF or DOCX; its figures as frozen, the writers' labels in the language asked for")
    @GetMapping("/{id}/editions/{number}/download")
    ResponseEntity<byte[]> downloadEdition(@PathVariable long id, @PathVariable int number,
                                           @RequestParam(defaultValue = "pdf") String format,
                                           @RequestParam(required = false) String language) {
        return send(downloads.file(id, number, format, language));
    }

    static ResponseEntity<byte[]> send(ReportDownloads.File file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }
}
