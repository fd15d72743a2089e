package org.aigaq.detention.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.aigaq.detention.CustodyFigures;
import org.aigaq.detention.DeathDraft;
import org.aigaq.detention.DeathInCustody;
import org.aigaq.detention.DeathsInCustody;
import org.aigaq.detention.SelfHarmDraft;
import org.aigaq.detention.SelfHarmIncident;
import org.aigaq.detention.SelfHarmIncidents;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of deaths and self-harm in custody over the API, through the same services (and so the same access
 * rules) as the pages: the recording organisation's case workers see identities, other readers pseudonyms, viewers
 * only what is published, anonymised.
 */
@RestController
@RequestMapping("/api/v1")
class DeathsInCustodyApi {

    private final DeathsInCustody deaths;
    private final SelfHarmIncidents selfHarm;
    private final CustodyFigures figures;

    DeathsInCustodyApi(DeathsInCustody deaths, SelfHarmIncidents selfHarm, CustodyFigures figures) {
        this.deaths = deaths;
        this.selfHarm = selfHarm;
        this.figures = figures;
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "The deaths the caller may read, newest first; pass nextAfter as after for the next page")
    @SignedIn
    @GetMapping("/deaths")
    DeathsInCustody.Page deaths(@RequestParam(required = false) String cause, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) Long placeId, @RequestParam(required = false) String facilityType,
                                @RequestParam(defaultValue = "false") boolean ours, @RequestParam(required = false) Long after,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<Long> places = facilityType == null || facilityType.isBlank() ? null : figures.placesOfType(facilityType.strip(), ours);
        return deaths.list(new DeathsInCustody.Filter(cause, year, placeId, places, ours), after, size);
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "Record a death in custody for the caller's organisation (coordinators, documenters, monitors)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths")
    ResponseEntity<DeathInCustody> record(@RequestBody DeathDraft draft) {
        var death = deaths.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/deaths/" + death.id())).body(death);
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "One death; the read is audited; 404 when the caller may not read it")
    @SignedIn
    @GetMapping("/deaths/{id}")
    DeathInCustody death(@PathVariable long id) {
        return deaths.get(id);
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "Correct a death of the caller's organisation; the links become those sent")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PutMapping("/deaths/{id}")
    DeathInCustody change(@PathVariable long id, @RequestBody DeathDraft draft) {
        return deaths.change(id, draft);
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "The person's earlier complaints and allegations (events the caller may read) not yet linked to the death")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @GetMapping("/deaths/{id}/proposed-links")
    List<DeathInCustody.LinkedEvent> proposedLinks(@PathVariable long id) {
        var death = deaths.get(id);
        return deaths.proposedLinks(death.person() == null ? null : death.person().id(),
                death.linkedEvents().stream().map(DeathInCustody.LinkedEvent::id).toList());
    }

    @Tag(name = "Self-harm in custody")
    @Operation(summary = "The self-harm incidents the caller may read, newest first")
    @SignedIn
    @GetMapping("/self-harm-incidents")
    SelfHarmIncidents.Page incidents(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) Long placeId, @RequestParam(defaultValue = "false") boolean ours,
                                     @RequestParam(required = false) Long after, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return selfHarm.list(new SelfHarmIncidents.Filter(kind, year, placeId, ours), after, size);
    }

    @Tag(name = "Self-harm in custody")
    @Operation(summary = "Record a self-harm incident, individual or a group protest with its number of people")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/self-harm-incidents")
    ResponseEntity<SelfHarmIncident> recordIncident(@RequestBody SelfHarmDraft draft) {
        var incident = selfHarm.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/self-harm-incidents/" + incident.id())).body(incident);
    }

    @Tag(name = "Self-harm in custody")
    @SignedIn
    @GetMapping("/self-harm-incidents/{id}")
    SelfHarmIncident incident(@PathVariable long id) {
        return selfHarm.get(id);
    }

    @Tag(name = "Self-harm in custody")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PutMapping("/self-harm-incidents/{id}")
    SelfHarmIncident changeIncident(@PathVariable long id, @RequestBody SelfHarmDraft draft) {
        return selfHarm.change(id, draft);
    }

    @Tag(name = "Deaths in custody")
    @Operation(summary = "Deaths by official cause, by facility type and by year; self-harm incidents and people by kind and year; ours=true counts only the caller's organisation's records")
    @SignedIn
    @GetMapping("/custody-figures")
    CustodyFigures.Figures custodyFigures(@RequestParam(defaultValue = "false") boolean ours) {
        return figures.figures(ours);
    }
}
