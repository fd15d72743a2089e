package org.aigaq.defenders.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import org.aigaq.defenders.DefenderIncident;
import org.aigaq.defenders.DefenderIncidents;
import org.aigaq.defenders.IncidentDraft;
import org.aigaq.defenders.ThreatFigures;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Threats to human-rights defenders over the API, through the same services (and access rules) as the pages. */
@Tag(name = "Threats to defenders")
@RestController
@RequestMapping("/api/v1/defender-incidents")
class DefenderIncidentsApi {

    private final DefenderIncidents incidents;
    private final ThreatFigures figures;

    DefenderIncidentsApi(DefenderIncidents incidents, ThreatFigures figures) {
        this.incidents = incidents;
        this.figures = figures;
    }

    @Operation(summary = "The incidents the caller may read, newest first, pseudonyms only; pass nextAfter as after for the next page")
    @SignedIn
    @GetMapping
    DefenderIncidents.Page list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) String threatType, @RequestParam(required = false) String targetGroup,
                                @RequestParam(required = false) String region, @RequestParam(required = false) Boolean reprisal,
                                @RequestParam(defaultValue = "false") boolean ours, @RequestParam(required = false) Long after,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return incidents.list(new DefenderIncidents.Filter(from, to, threatType, targetGroup, region, reprisal, ours), after, size);
    }

    @Operation(summary = "Record an incident for the caller's organisation (coordinators, documenters, lawyers, monitors)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping
    ResponseEntity<DefenderIncident> record(@RequestBody IncidentDraft draft) {
        var incident = incidents.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/defender-incidents/" + incident.id())).body(incident);
    }

    @Operation(summary = "People threatened, threat types, violent threats, cities, regions and reprisals in a period and the one before it; by region, target group and threat type")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/figures")
    ThreatFigures.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(defaultValue = "false") boolean ours) {
        return figures.figures(from, to, ours);
    }

    @Operation(summary = "One incident; the read is audited; 404 when the caller may not read it")
    @SignedIn
    @GetMapping("/{id}")
    DefenderIncident get(@PathVariable long id) {
        return incidents.get(id);
    }

    @Operation(summary = "Correct an incident of the caller's organisation")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}")
    DefenderIncident change(@PathVariable long id, @RequestBody IncidentDraft draft) {
        return incidents.change(id, draft);
    }
}
