package org.aigaq.detention.web;

import org.aigaq.platform.FormErrors;
import java.util.Arrays;
import java.util.Map;
import org.aigaq.detention.AuthorityResponse;
import org.aigaq.detention.FollowUpStatus;
import org.aigaq.detention.MonitorsRecommendation;
import org.aigaq.detention.MonitorsRecommendations;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of monitors' recommendations: the organisation's list and the responses overdue, a recommendation with
 * the authority's responses and its chain of repetitions, and the forms to record a response or the follow-up status.
 */
@Controller
class RecommendationController {

    private final MonitorsRecommendations recommendations;

    RecommendationController(MonitorsRecommendations recommendations) {
        this.recommendations = recommendations;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations")
    String list(@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) FollowUpStatus status, @RequestParam(required = false) String after,
                Model model) {
        Long afterId = null;
        if (!overdue && after != null && after.matches("\\d{1,18}")) afterId = Long.valueOf(after);
        model.addAttribute("page", overdue ? recommendations.overdue(after, 50) : recommendations.list(year, status, afterId, 50));
        model.addAttribute("overdue", overdue);
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("entered", Map.of());
        return "detention/recommendations";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations/{id}")
    String show(@PathVariable long id, Model model) {
        return page(id, model, FormErrors.NONE, Map.of());
    }

    /** Checks one field of a standalone or repeated recommendation as the user types (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/recommendations/check")
    String check(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "") String field, Model model) {
        Long repeats = form.getOrDefault("repeatsId", "").matches("\\d{1,18}") ? Long.valueOf(form.get("repeatsId")) : null;
        java.util.List<InvalidInput.Violation> problems;
        try {
            problems = recommendations.problems(new MonitorsRecommendation.Draft(null, repeats, form.get("authority"),
                    form.get("text"), Dates.parse(form.get("madeOn"), "madeOn"),
                    Dates.parse(form.get("responseDueOn"), "responseDueOn"), form.containsKey("published")));
        } catch (InvalidInput unreadable) {
            problems = unreadable.violations();
        }
        model.addAttribute("problem", problems.stream().filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    /** A standalone recommendation, or one that repeats an earlier one ({@code repeatsId}). */
    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/recommendations")
    String recommend(@RequestParam Map<String, String> form, Model model) {
        Long repeats = form.getOrDefault("repeatsId", "").matches("\\d{1,18}") ? Long.valueOf(form.get("repeatsId")) : null;
        Long visit = form.getOrDefault("visitId", "").matches("\\d{1,18}") ? Long.valueOf(form.get("visitId")) : null;
        try {
            var recommendation = recommendations.record(new MonitorsRecommendation.Draft(visit, repeats, form.get("authority"),
                    form.get("text"), Dates.parse(form.get("madeOn"), "madeOn"),
                    Dates.parse(form.get("responseDueOn"), "responseDueOn"), form.containsKey("published")));
            return "redirect:/recommendations/" + recommendation.id();
        } catch (InvalidInput invalid) {
            if (repeats != null) return page(repeats, model, new FormErrors("repeat", invalid.violations()), form);
            model.addAttribute("page", recommendations.list(null, 50));
            model.addAttribute("overdue", false);
            model.addAttribute("errors", new FormErrors("recommendation", invalid.violations()));
            model.addAttribute("entered", form);
            return "detention/recommendations";
        }
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/recommendations/{id}/responses")
    String respond(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            recommendations.respond(id, new AuthorityResponse.Draft(Dates.parse(form.get("receivedOn"), "receivedOn"), form.get("text")));
            return "redirect:/recommendations/" + id + "#responses";
        } catch (InvalidInput invalid) {
            return page(id, model, new FormErrors("response", invalid.violations()), form);
        }
    }

    @Allowed({Role.COORDINATOR, Role.MONITOR})
    @PostMapping("/recommendations/{id}/status")
    String assess(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            String chosen = form.getOrDefault("status", "");
            recommendations.assess(id, Arrays.stream(FollowUpStatus.values()).filter(s -> s.name().equals(chosen))
                    .findFirst().orElse(null), form.containsKey("published"));
            return "redirect:/recommendations/" + id;
        } catch (InvalidInput invalid) {
            return page(id, model, new FormErrors("status", invalid.violations()), form);
        }
    }

    private String page(long id, Model model, FormErrors errors, Map<String, String> entered) {
        var history = recommendations.get(id);
        model.addAttribute("history", history);
        model.addAttribute("r", history.recommendation());
        model.addAttribute("statuses", FollowUpStatus.values());
        model.addAttribute("writable", recommendations.writable(history.recommendation()));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "detention/recommendation";
    }
}
