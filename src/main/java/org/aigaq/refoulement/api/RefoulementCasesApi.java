package org.aigaq.refoulement.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.refoulement.CaseDraft;
import org.aigaq.refoulement.EventDraft;
import org.aigaq.refoulement.RefoulementCase;
import org.aigaq.refoulement.RefoulementCases;
import org.aigaq.refoulement.RefoulementFigures;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Non-refoulement cases over the API, through the same services (and access rules) as the pages. */
@Tag(name = "Non-refoulement cases")
@RestController
@RequestMapping("/api/v1/refoulement-cases")
class RefoulementCasesApi {

    private final RefoulementCases cases;
    private final RefoulementFigures figures;

    RefoulementCasesApi(RefoulementCases cases, RefoulementFigures figures) {
        this.cases = cases;
        this.figures = figures;
    }

    @Operation(summary = "The cases the caller may read, newest first, pseudonyms only; pass nextAfter as after for the next page")
    @SignedIn
    @GetMapping
    RefoulementCases.Page list(@RequestParam(required = false) RefoulementCase.Outcome outcome,
                               @RequestParam(required = false) String requestingState,
                               @RequestParam(required = false) Boolean breached,
                               @RequestParam(defaultValue = "false") boolean ours, @RequestParam(required = false) Long after,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return cases.list(new RefoulementCases.Filter(outcome, requestingState, breached, ours), after, size);
    }

    @Operation(summary = "Open a case for the caller's organisation (coordinators, documenters, lawyers, monitors)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping
    ResponseEntity<RefoulementCase> open(@RequestBody CaseDraft draft) {
        var opened = cases.open(draft);
        return ResponseEntity.created(URI.create("/api/v1/refoulement-cases/" + opened.id())).body(opened);
    }

    @Operation(summary = "Cases by outcome and by requesting state; interim measures requested, respected, not respected")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/figures")
    RefoulementFigures.Figures figures(@RequestParam(defaultValue = "false") boolean ours) {
        return figures.figures(ours);
    }

    @Operation(summary = "One case with its timeline; the read is audited; 404 when the caller may not read it")
    @SignedIn
    @GetMapping("/{id}")
    RefoulementCase get(@PathVariable long id) {
        return cases.get(id);
    }

    @Operation(summary = "Correct a case of the caller's organisation (not its outcome, which follows the timeline)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}")
    RefoulementCase change(@PathVariable long id, @RequestBody CaseDraft draft) {
        return cases.change(id, draft);
    }

    @Operation(summary = "Add a dated event to the case's timeline; the outcome follows its latest removal, release or protection")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/{id}/events")
    ResponseEntity<RefoulementCase> addEvent(@PathVariable long id, @RequestBody EventDraft draft) {
        var changed = cases.addEvent(id, draft);
        return ResponseEntity.created(URI.create("/api/v1/refoulement-cases/" + id)).body(changed);
    }

    /** Why an event is removed from the timeline. */
    record Removal(String reason) {}

    @Operation(summary = "Correct an event of the timeline, by the rules of adding one; audited before and after")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}/events/{eventId}")
    RefoulementCase changeEvent(@PathVariable long id, @PathVariable long eventId, @RequestBody EventDraft draft) {
        return cases.changeEvent(id, eventId, draft);
    }

    @Operation(summary = "Remove an event entered by mistake, with the reason (kept, no longer counted); audited")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/{id}/events/{eventId}/removal")
    RefoulementCase removeEvent(@PathVariable long id, @PathVariable long eventId, @RequestBody(required = false) Removal removal) {
        return cases.removeEvent(id, eventId, removal == null ? null : removal.reason());
    }
}
