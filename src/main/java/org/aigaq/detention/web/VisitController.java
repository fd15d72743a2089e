package org.aigaq.detention.web;

import org.aigaq.platform.FormErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aigaq.detention.ApprovalAnswer;
import org.aigaq.detention.ApprovalDecision;
import org.aigaq.detention.ApprovalRequest;
import org.aigaq.detention.Finding;
import org.aigaq.detention.Interviewee;
import org.aigaq.detention.MonitorsRecommendation;
import org.aigaq.detention.MonitorsRecommendations;
import org.aigaq.detention.Obstruction;
import org.aigaq.detention.VisitOutcome;
import org.aigaq.detention.VisitPlan;
import org.aigaq.detention.VisitReport;
import org.aigaq.detention.VisitStatus;
import org.aigaq.detention.Visits;
import org.aigaq.documentation.Places;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of monitoring visits: the organisation's list, planning a visit, and a visit's page with what is recorded
 * on it (approval, outcome, obstructions, people interviewed, findings, report, recommendations) and the forms to
 * record more. A form with a mistake comes back with every message beside its field.
 */
@Controller
class VisitController {

    private final Visits visits;
    private final Places places;
    private final MonitorsRecommendations recommendations;

    VisitController(Visits visits, Places places, MonitorsRecommendations recommendations) {
        this.visits = visits;
        this.places = places;
        this.recommendations = recommendations;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/visits")
    String list(@RequestParam(required = false) VisitStatus status, @RequestParam(required = false) String body,
                @RequestParam(required = false) String visitType, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) ApprovalDecision decision, @RequestParam(required = false) Integer requestYear,
                @RequestParam(required = false) Long placeId, @RequestParam(required = false) Long after, Model model) {
        model.addAttribute("page", visits.list(new Visits.Filter(status, placeId, body, visitType, year, decision, requestYear), after, 50));
        model.addAttribute("status", status);
        model.addAttribute("statuses", VisitStatus.values());
        model.addAttribute("filters", Map.of("body", body == null ? "" : body, "visitType", visitType == null ? "" : visitType,
                "year", year == null ? "" : year.toString(), "decision", decision == null ? "" : decision.name(),
                "requestYear", requestYear == null ? "" : requestYear.toString(), "placeId", placeId == null ? "" : placeId.toString()));
        return "detention/visits";
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @GetMapping("/visits/new")
    String planForm(@RequestParam(defaultValue = "") String q, Model model) {
        return planPage(model, q, FormErrors.NONE, Map.of());
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits")
    String plan(@RequestParam Map<String, String> form, @RequestParam(required = false) List<Long> team, Model model) {
        try {
            var visit = visits.plan(plan(form, team));
            return "redirect:/visits/" + visit.id();
        } catch (InvalidInput invalid) {
            return planPage(model, "", new FormErrors("plan", invalid.violations()), form);
        }
    }

    /** The plan of a visit, to correct it: the same form as planning, filled in. */
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @GetMapping("/visits/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        var file = visits.get(id);
        if (!file.writable()) throw new org.aigaq.platform.NoSuchRecord("visit", id);
        var v = file.visit();
        var entered = new java.util.HashMap<String, String>();
        entered.put("placeId", String.valueOf(v.placeId()));
        entered.put("body", v.body());
        entered.put("visitType", v.visitType());
        if (v.announced()) entered.put("announced", "on");
        if (v.crossRegional()) entered.put("crossRegional", "on");
        entered.put("plannedFrom", v.plannedFrom() == null ? "" : v.plannedFrom().toString());
        entered.put("plannedTo", v.plannedTo() == null ? "" : v.plannedTo().toString());
        entered.put("purpose", v.purpose() == null ? "" : v.purpose());
        entered.put("outsideMembers", String.join("\n", file.team().stream().filter(m -> m.userId() == null)
                .map(org.aigaq.detention.TeamMember::name).toList()));
        model.addAttribute("visitId", id);
        model.addAttribute("chosenTeam", file.team().stream().map(org.aigaq.detention.TeamMember::userId)
                .filter(java.util.Objects::nonNull).toList());
        return planPage(model, "", FormErrors.NONE, entered);
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}")
    String change(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(required = false) List<Long> team,
                  Model model) {
        try {
            visits.change(id, plan(form, team));
            return "redirect:/visits/" + id;
        } catch (InvalidInput invalid) {
            model.addAttribute("visitId", id);
            model.addAttribute("chosenTeam", team == null ? List.of() : team);
            return planPage(model, "", new FormErrors("plan", invalid.violations()), form);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/visits/{id}")
    String show(@PathVariable long id, Model model) {
        return visitPage(id, model, FormErrors.NONE, Map.of());
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/approval-request")
    String requestApproval(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(id, "approval", form, model, () -> visits.requestApproval(id, approvalRequest(form)));
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/approval-decision")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(id, "decision", form, model, () -> visits.decide(id, approvalAnswer(form)));
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/outcome")
    String outcome(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(id, "outcome", form, model, () -> visits.recordOutcome(id, outcome(form)));
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/cancellation")
    String cancel(@PathVariable long id, Model model) {
        return save(id, "cancellation", Map.of(), model, () -> visits.cancel(id));
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/obstructions")
    String obstruction(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(id, "obstruction", form, model, () -> visits.addObstruction(id, obstruction(form)));
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/interviewees")
    String interviewee(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(id, "interviewee", form, model, () -> visits.addInterviewee(id, new Interviewee.Draft(null, form.get("name"))));
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/findings")
    String finding(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(id, "finding", form, model, () -> visits.addFinding(id, finding(form)));
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/findings/{findingId}/allegations")
    String allegation(@PathVariable long id, @PathVariable long findingId, @RequestParam Map<String, String> form, Model model) {
        return save(id, "allegation-" + findingId, form, model, () -> {
            String record = form.getOrDefault("eventId", "").strip();
            Long eventId;
            try {
                eventId = record.isEmpty() ? null : Long.valueOf(record);
            } catch (NumberFormatException e) {
                throw new InvalidInput("eventId", "detention.allegation.unknown");
            }
            visits.linkAllegation(findingId, new Finding.AllegationLink(eventId, form.get("title")));
        });
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/report")
    String report(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(id, "report", form, model, () -> visits.publishReport(id, report(form)));
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/recommendations")
    String recommend(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(id, "recommendation", form, model, () -> recommendations.record(recommendation(id, form)));
    }

    /** Checks one field of the plan (new or corrected) as the user types or chooses (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/check")
    String checkPlan(@RequestParam Map<String, String> form, @RequestParam(required = false) List<Long> team,
                     @RequestParam(defaultValue = "") String field, Model model) {
        return answer(() -> visits.problems(plan(form, team)), field, model);
    }

    /**
     * Checks one field of a form of the visit's page ({@code form}: approval, decision, outcome, obstruction,
     * interviewee, finding, report, recommendation) as the user types or chooses, by the rules of its save.
     */
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/visits/{id}/check")
    String check(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "") String field,
                 Model model) {
        return answer(() -> switch (form.getOrDefault("form", "")) {
            case "approval" -> visits.problems(id, approvalRequest(form));
            case "decision" -> visits.problems(id, approvalAnswer(form));
            case "outcome" -> visits.problems(id, outcome(form));
            case "obstruction" -> visits.problems(id, obstruction(form));
            case "interviewee" -> visits.problems(id, new Interviewee.Draft(null, form.get("name")));
            case "finding" -> visits.problems(id, finding(form));
            case "report" -> visits.problems(id, report(form));
            case "recommendation" -> recommendations.problems(recommendation(id, form));
            default -> List.of();
        }, field, model);
    }

    private static String answer(java.util.function.Supplier<List<InvalidInput.Violation>> check, String field, Model model) {
        List<InvalidInput.Violation> problems;
        try {
            problems = check.get();
        } catch (InvalidInput unreadable) {
            // a date or number that could not even be read: the form's own message for it
            problems = unreadable.violations();
        }
        model.addAttribute("problem", problems.stream().filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    private static ApprovalRequest approvalRequest(Map<String, String> form) {
        return new ApprovalRequest(Dates.parse(form.get("requestedOn"), "requestedOn"), form.get("requestedBy"));
    }

    private static ApprovalAnswer approvalAnswer(Map<String, String> form) {
        String decision = form.getOrDefault("decision", "");
        return new ApprovalAnswer(Arrays.stream(ApprovalDecision.values()).filter(d -> d.name().equals(decision))
                .findFirst().orElse(null), Dates.parse(form.get("decidedOn"), "decidedOn"), form.get("decidedBy"),
                form.get("reason"));
    }

    private static VisitOutcome outcome(Map<String, String> form) {
        var rules = new org.aigaq.platform.BrokenRules();
        var started = rules.value(() -> Dates.parse(form.get("startedOn"), "startedOn"));
        var ended = rules.value(() -> Dates.parse(form.get("endedOn"), "endedOn"));
        var detainees = rules.value(() -> Dates.count(form.get("detaineesInterviewed"), "detaineesInterviewed"));
        var staff = rules.value(() -> Dates.count(form.get("staffInterviewed"), "staffInterviewed"));
        var others = rules.value(() -> Dates.count(form.get("othersInterviewed"), "othersInterviewed"));
        rules.throwIfAny();
        return new VisitOutcome(started, ended, detainees, staff, others);
    }

    private static Obstruction.Draft obstruction(Map<String, String> form) {
        return new Obstruction.Draft(Dates.parse(form.get("occurredOn"), "occurredOn"), form.get("kind"), form.get("description"));
    }

    private static Finding.Draft finding(Map<String, String> form) {
        return new Finding.Draft(form.get("theme"), form.get("text"));
    }

    private static VisitReport report(Map<String, String> form) {
        return new VisitReport(Dates.parse(form.get("publishedOn"), "publishedOn"), form.get("reference"),
                form.containsKey("isPublic"));
    }

    private static MonitorsRecommendation.Draft recommendation(long visitId, Map<String, String> form) {
        var rules = new org.aigaq.platform.BrokenRules();
        var madeOn = rules.value(() -> Dates.parse(form.get("madeOn"), "madeOn"));
        var due = rules.value(() -> Dates.parse(form.get("responseDueOn"), "responseDueOn"));
        rules.throwIfAny();
        return new MonitorsRecommendation.Draft(visitId, null, form.get("authority"), form.get("text"), madeOn, due,
                form.containsKey("published"));
    }

    private String save(long id, String formName, Map<String, String> form, Model model, Runnable action) {
        try {
            action.run();
            return "redirect:/visits/" + id + "#" + formName;
        } catch (InvalidInput invalid) {
            return visitPage(id, model, new FormErrors(formName, invalid.violations()), form);
        }
    }

    private String visitPage(long id, Model model, FormErrors errors, Map<String, String> entered) {
        var file = visits.get(id);
        model.addAttribute("file", file);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "detention/visit";
    }

    private String planPage(Model model, String q, FormErrors errors, Map<String, String> entered) {
        if (!model.containsAttribute("chosenTeam")) model.addAttribute("chosenTeam", List.of());
        if (!model.containsAttribute("visitId")) model.addAttribute("visitId", null);
        model.addAttribute("q", q);
        var shown = new java.util.ArrayList<>(places.find(q, 300));
        // The visit's own place stays in the list however long the registry is.
        String chosen = entered.getOrDefault("placeId", "");
        if (chosen.matches("\\d{1,18}") && shown.stream().noneMatch(p -> String.valueOf(p.id()).equals(chosen))) {
            try {
                shown.add(0, places.get(Long.parseLong(chosen)));
            } catch (org.aigaq.platform.NoSuchRecord gone) {
                // an unknown place is reported by the plan's own check
            }
        }
        model.addAttribute("places", shown);
        model.addAttribute("candidates", visits.teamCandidates());
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "detention/plan";
    }

    private static VisitPlan plan(Map<String, String> form, List<Long> team) {
        String place = form.getOrDefault("placeId", "").strip();
        Long placeId;
        try {
            placeId = place.isEmpty() ? null : Long.valueOf(place);
        } catch (NumberFormatException e) {
            throw new InvalidInput("placeId", "detention.place.unknown");
        }
        var rules = new org.aigaq.platform.BrokenRules();
        var plannedFrom = rules.value(() -> Dates.parse(form.get("plannedFrom"), "plannedFrom"));
        var plannedTo = rules.value(() -> Dates.parse(form.get("plannedTo"), "plannedTo"));
        rules.throwIfAny();
        List<String> outside = form.getOrDefault("outsideMembers", "").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new VisitPlan(placeId, form.get("body"), form.get("visitType"), form.containsKey("announced"),
                form.containsKey("crossRegional"), plannedFrom, plannedTo, form.get("purpose"), team, outside);
    }
}
