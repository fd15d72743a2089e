package org.aigaq.recommendations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.recommendations.Recommendation;
import org.aigaq.recommendations.RecommendationDashboard;
import org.aigaq.recommendations.RecommendationDraft;
import org.aigaq.recommendations.RecommendationImports;
import org.aigaq.recommendations.Recommendations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The pages of the recommendations tracker: the dashboard, the list, the form, a recommendation's page, reminders, import. */
@Controller
class RecommendationsController {

    private final Recommendations recommendations;
    private final RecommendationDashboard dashboard;
    private final RecommendationImports imports;
    private final JdbcClient jdbc;

    RecommendationsController(Recommendations recommendations, RecommendationDashboard dashboard,
                              RecommendationImports imports, JdbcClient jdbc) {
        this.recommendations = recommendations;
        this.dashboard = dashboard;
        this.imports = imports;
        this.jdbc = jdbc;
    }

    /** The recommendation form as the browser sends it; themes separated by commas. */
    record RecommendationForm(Recommendation.Source source, String documentSymbol,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate documentDate, String paragraph,
                              String subParagraph, String text, String themes, String authority, String recommendingState,
                              Recommendation.StateResponse stateResponse,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, Long responsibleUserId,
                              Long repeatsId, Sharing sharing) {

        static final RecommendationForm EMPTY = new RecommendationForm(Recommendation.Source.CAT, null, null, null, null, null,
                null, null, null, null, null, null, null, Sharing.ORGANISATION);

        RecommendationDraft draft() {
            List<String> list = themes == null || themes.isBlank() ? List.of() : Arrays.stream(themes.split(",")).toList();
            return new RecommendationDraft(source, documentSymbol, documentDate, paragraph, subParagraph, text, list, authority,
                    recommendingState, stateResponse, dueDate, responsibleUserId, repeatsId, sharing);
        }
    }

    /** An assessment as the browser sends it; case numbers separated by commas or spaces. */
    record AssessmentForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn, Recommendation.Grade grade,
                          String reasoning, String caseIds, String evidenceNotes) {}

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations-tracker")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since, Model model) {
        model.addAttribute("dashboard", dashboard.dashboard(since));
        model.addAttribute("reminders", dashboard.reminders(null));
        return "recommendations/dashboard";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations-tracker/list")
    String list(@RequestParam(required = false) Recommendation.Source source, @RequestParam(required = false) String theme,
                Model model) {
        model.addAttribute("source", source);
        model.addAttribute("theme", theme);
        model.addAttribute("lines", recommendations.list(source, theme));
        return "recommendations/list";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations-tracker/reminders")
    String reminders(@RequestParam(required = false) Integer days, Model model) {
        model.addAttribute("days", days == null ? dashboard.reminderDays() : days);
        model.addAttribute("reminders", dashboard.reminders(days));
        return "recommendations/reminders";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/reviews")
    String review(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn) {
        dashboard.review(reviewedOn);
        return "redirect:/recommendations-tracker";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/recommendations-tracker/new")
    String newRecommendation(Model model) {
        return form(model, RecommendationForm.EMPTY, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker")
    String record(RecommendationForm form, Model model) {
        try {
            return "redirect:/recommendations-tracker/" + recommendations.record(form.draft()).id();
        } catch (InvalidInput invalid) {
            return form(model, form, new FormErrors("recommendation", invalid.violations()));
        }
    }

    /** Checks one field of the form as the user types or chooses (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/check")
    String check(RecommendationForm form, @RequestParam(defaultValue = "") String field, Model model) {
        model.addAttribute("problem", recommendations.problems(form.draft()).stream()
                .filter(v -> v.field().equals(field) || v.field().startsWith(field + "/")).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations-tracker/{id}")
    String recommendation(@PathVariable long id, Model model) {
        return page(model, recommendations.get(id), FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/{id}/claims")
    String claim(@PathVariable long id, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RequestParam(required = false) LocalDate claimedOn,
                 @RequestParam(required = false) String claim, @RequestParam(required = false) String document, Model model) {
        try {
            recommendations.addClaim(id, new RecommendationDraft.ClaimDraft(claimedOn, claim, document));
            return "redirect:/recommendations-tracker/" + id;
        } catch (InvalidInput invalid) {
            return page(model, recommendations.get(id), new FormErrors("claim", invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/{id}/assessments")
    String assess(@PathVariable long id, AssessmentForm form, Model model) {
        try {
            List<Long> cases;
            try {
                cases = form.caseIds() == null || form.caseIds().isBlank() ? List.of()
                        : Arrays.stream(form.caseIds().trim().split("[,\\s]+")).map(Long::valueOf).toList();
            } catch (NumberFormatException e) {
                throw new InvalidInput("caseIds", "recommendations.case-numbers");
            }
            recommendations.addAssessment(id, new RecommendationDraft.AssessmentDraft(form.assessedOn(), form.grade(),
                    form.reasoning(), cases, form.evidenceNotes()));
            return "redirect:/recommendations-tracker/" + id;
        } catch (InvalidInput invalid) {
            // "caseIds/2" is shown at the field as a whole
            var violations = invalid.violations().stream().map(v -> v.field().startsWith("caseIds/")
                    ? new InvalidInput.Violation("caseIds", v.messageKey(), v.arguments()) : v).toList();
            return page(model, recommendations.get(id), new FormErrors("assessment", violations));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/recommendations-tracker/import")
    String importForm(Model model) {
        model.addAttribute("columns", RecommendationImports.COLUMNS);
        return "recommendations/import";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/import")
    String importCsv(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) TextEncoding encoding, Model model)
            throws IOException {
        RecommendationImports.Outcome outcome;
        if (file == null || file.isEmpty()) {
            outcome = RecommendationImports.Outcome.noFile(encoding);
        } else {
            try (var in = file.getInputStream()) {
                outcome = imports.importCsv(in, encoding);
            }
        }
        model.addAttribute("columns", RecommendationImports.COLUMNS);
        model.addAttribute("outcome", outcome);
        return "recommendations/import";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations-tracker/export.csv")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recommendations.csv\"").body(imports.exportCsv());
    }

    private String page(Model model, Recommendation recommendation, FormErrors errors) {
        model.addAttribute("r", recommendation);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now());
        return "recommendations/recommendation";
    }

    private String form(Model model, RecommendationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("coordinator", CurrentUser.require().has(Role.COORDINATOR));
        // The organisation's own users, as people to be reminded of a due date.
        model.addAttribute("users", jdbc.sql("SELECT id, display_name FROM app_user WHERE organisation_id = :o AND enabled ORDER BY display_name")
                .param("o", CurrentUser.require().organisationId())
                .query((rs, n) -> new User(rs.getLong(1), rs.getString(2))).list());
        return "recommendations/form";
    }

    /** A user who may be made responsible for a follow-up item. */
    record User(long id, String name) {}
}
