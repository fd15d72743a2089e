package org.aigaq.detention.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.aigaq.detention.ApprovalAnswer;
import org.aigaq.detention.ApprovalDecision;
import org.aigaq.detention.ApprovalRequest;
import org.aigaq.detention.AuthorityResponse;
import org.aigaq.detention.Finding;
import org.aigaq.detention.FollowUpStatus;
import org.aigaq.detention.Interviewee;
import org.aigaq.detention.MonitorsRecommendation;
import org.aigaq.detention.MonitorsRecommendations;
import org.aigaq.detention.Obstruction;
import org.aigaq.detention.RecommendationHistory;
import org.aigaq.detention.Visit;
import org.aigaq.detention.VisitFigures;
import org.aigaq.detention.VisitFile;
import org.aigaq.detention.VisitOutcome;
import org.aigaq.detention.VisitPlan;
import org.aigaq.detention.VisitReport;
import org.aigaq.detention.VisitStatus;
import org.aigaq.detention.Visits;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
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
 * Monitoring visits and monitors' recommendations over the API, through the same services (and so the same access
 * rules) as the pages: the organisation's case workers and analysts read, its coordinators and monitors record.
 */
@RestController
@RequestMapping("/api/v1")
class VisitsApi {

    record Assessment(FollowUpStatus status, Boolean published) {}

    private final Visits visits;
    private final MonitorsRecommendations recommendations;
    private final VisitFigures figures;

    VisitsApi(Visits visits, MonitorsRecommendations recommendations, VisitFigures figures) {
        this.figures = figures;
        this.visits = visits;
        this.recommendations = recommendations;
    }

    @Tag(name = "Visits")
    @Operation(summary = "The visits of the caller's organisation, newest first; pass nextAfter as after for the next page")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/visits")
    Visits.Page visits(@RequestParam(required = false) VisitStatus status, @RequestParam(required = false) Long placeId,
                       @RequestParam(required = false) String body, @RequestParam(required = false) String visitType,
                       @RequestParam(required = false) Integer year, @RequestParam(required = false) ApprovalDecision decision,
                       @RequestParam(required = false) Integer requestYear, @RequestParam(required = false) Long after,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return visits.list(new Visits.Filter(status, placeId, body, visitType, year, decision, requestYear), after, size);
    }

    @Tag(name = "Visits")
    @Operation(summary = "Figures: visits by year, body and type; approval waiting times (median, 90th percentile); "
            + "share of urgent visits refused; share of recommendations implemented")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/visits/figures")
    VisitFigures.Figures figures() {
        return figures.figures();
    }

    @Tag(name = "Visits")
    @Operation(summary = "Plan a visit to a place of the registry (COORDINATOR, MONITOR)")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits")
    ResponseEntity<Visit> plan(@RequestBody VisitPlan plan) {
        Visit visit = visits.plan(plan);
        return ResponseEntity.created(URI.create("/api/v1/visits/" + visit.id())).body(visit);
    }

    @Tag(name = "Visits")
    @Operation(summary = "A visit with its team, obstructions, people interviewed, findings and recommendations; "
            + "team and people only for the organisation's case workers")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/visits/{id}")
    VisitFile visit(@PathVariable long id) {
        return visits.get(id);
    }

    @Tag(name = "Visits")
    @Operation(summary = "Correct the plan of a visit")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PutMapping("/visits/{id}")
    Visit change(@PathVariable long id, @RequestBody VisitPlan plan) {
        return visits.change(id, plan);
    }

    @Tag(name = "Visits")
    @Operation(summary = "Record that approval of a planned visit was requested (when, by whom)")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/approval-request")
    Visit requestApproval(@PathVariable long id, @RequestBody ApprovalRequest request) {
        return visits.requestApproval(id, request);
    }

    @Tag(name = "Visits")
    @Operation(summary = "Record the answer to the request: GRANTED or REFUSED, when, by whom, why (a refusal needs its reason)")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/approval-decision")
    Visit decide(@PathVariable long id, @RequestBody ApprovalAnswer answer) {
        return visits.decide(id, answer);
    }

    @Tag(name = "Visits")
    @Operation(summary = "Record that the visit was made: its days and how many people were interviewed")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/outcome")
    Visit outcome(@PathVariable long id, @RequestBody VisitOutcome outcome) {
        return visits.recordOutcome(id, outcome);
    }

    @Tag(name = "Visits")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/cancellation")
    Visit cancel(@PathVariable long id) {
        return visits.cancel(id);
    }

    @Tag(name = "Visits")
    @Operation(summary = "Record an obstruction met on the visit (kind from the list obstruction-type)")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/obstructions")
    ResponseEntity<Obstruction> obstruction(@PathVariable long id, @RequestBody Obstruction.Draft draft) {
        return ResponseEntity.status(201).body(visits.addObstruction(id, draft));
    }

    @Tag(name = "Visits")
    @Operation(summary = "Record a person interviewed: personId of a person of the organisation, or a name to record one (encrypted)")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/interviewees")
    ResponseEntity<Interviewee> interviewee(@PathVariable long id, @RequestBody Interviewee.Draft draft) {
        return ResponseEntity.status(201).body(visits.addInterviewee(id, draft));
    }

    @Tag(name = "Visits")
    @Operation(summary = "Record a finding on a theme (list finding-theme)")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/findings")
    ResponseEntity<Finding> finding(@PathVariable long id, @RequestBody Finding.Draft draft) {
        return ResponseEntity.status(201).body(visits.addFinding(id, draft));
    }

    @Tag(name = "Visits")
    @Operation(summary = "Link a finding to a case the caller may read (eventId), or open a new case from it (title)")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/findings/{id}/allegations")
    ResponseEntity<Finding.LinkedAllegation> allegation(@PathVariable long id, @RequestBody Finding.AllegationLink link) {
        return ResponseEntity.status(201).body(visits.linkAllegation(id, link));
    }

    @Tag(name = "Visits")
    @Operation(summary = "Record the report's publication (when, where) and whether it goes on the public page")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PutMapping("/visits/{id}/report")
    Visit report(@PathVariable long id, @RequestBody VisitReport report) {
        return visits.publishReport(id, report);
    }

    @Tag(name = "Recommendations")
    @Operation(summary = "The organisation's recommendations, newest first (by year made, follow-up status); "
            + "overdue=true: responses overdue, longest first")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations")
    MonitorsRecommendations.Page recommendations(@RequestParam(defaultValue = "false") boolean overdue,
                                                 @RequestParam(required = false) Integer year,
                                                 @RequestParam(required = false) FollowUpStatus status,
                                                 @RequestParam(required = false) String after,
                                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (overdue) return recommendations.overdue(after, size);
        Long afterId;
        try {
            afterId = after == null || after.isBlank() ? null : Long.valueOf(after);
        } catch (NumberFormatException e) {
            throw new org.aigaq.platform.InvalidInput("after", "validation.invalid");
        }
        return recommendations.list(year, status, afterId, size);
    }

    @Tag(name = "Recommendations")
    @Operation(summary = "Record a recommendation to a named authority, from a visit or standalone; repeatsId links its earlier version")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/recommendations")
    ResponseEntity<MonitorsRecommendation> recommend(@RequestBody MonitorsRecommendation.Draft draft) {
        var recommendation = recommendations.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/recommendations/" + recommendation.id())).body(recommendation);
    }

    @Tag(name = "Recommendations")
    @Operation(summary = "A recommendation with the authority's responses and its chain of repetitions")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations/{id}")
    RecommendationHistory recommendation(@PathVariable long id) {
        return recommendations.get(id);
    }

    @Tag(name = "Recommendations")
    @Operation(summary = "Record the authority's response as received on a date")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/recommendations/{id}/responses")
    ResponseEntity<AuthorityResponse> respond(@PathVariable long id, @RequestBody AuthorityResponse.Draft draft) {
        return ResponseEntity.status(201).body(recommendations.respond(id, draft));
    }

    @Tag(name = "Recommendations")
    @Operation(summary = "Record the follow-up status (and whether the recommendation is published with the report)")
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PutMapping("/recommendations/{id}/status")
    MonitorsRecommendation assess(@PathVariable long id, @RequestBody Assessment assessment) {
        return recommendations.assess(id, assessment.status(), assessment.published());
    }
}
