package org.aigaq.recommendations.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
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

/** The pages of the recommendations tracker: the dashboard, the list, the form, a recommendation's page, reminders, export (the import has its own pages). */
@Controller
class RecommendationsController {

    private final Recommendations recommendations;
    private final RecommendationDashboard dashboard;
    private final RecommendationImports imports;
    private final JdbcClient jdbc;
    private final org.aigaq.detention.Visits visits;

    RecommendationsController(Recommendations recommendations, RecommendationDashboard dashboard,
                              RecommendationImports imports, JdbcClient jdbc, org.aigaq.detention.Visits visits) {
        this.visits = visits;
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

    /**
     * An assessment as the browser sends it: case numbers separated by commas or spaces; flags one a line as
     * "case number, rule"; figures one a line as "year, version:article, measure or indicator[, agency]"; visits chosen.
     */
    record AssessmentForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn, Recommendation.Grade grade,
                          String reasoning, String caseIds, String evidenceNotes, String flags, String figures,
                          List<Long> visitIds) {

        static final AssessmentForm EMPTY = new AssessmentForm(null, null, null, null, null, null, null, List.of());

        AssessmentForm {
            visitIds = visitIds == null ? List.of() : visitIds;
        }

        static AssessmentForm of(Recommendation.Assessment a) {
            return new AssessmentForm(a.assessedOn(), a.grade(), a.reasoning(),
                    String.join(", ", a.caseIds().stream().map(String::valueOf).toList()), a.evidenceNotes(),
                    String.join("\n", a.flags().stream().map(f -> f.caseId() + ", " + f.rule()).toList()),
                    String.join("\n", a.figures().stream().map(f -> f.year() + ", " + f.article() + ", " + f.measure()
                            + (f.agency() == null ? "" : ", " + f.agency())).toList()),
                    a.visits().stream().map(Recommendation.LinkedVisit::id).toList());
        }

        RecommendationDraft.AssessmentDraft draft() {
            var problems = new java.util.ArrayList<InvalidInput.Violation>();
            List<Long> cases = List.of();
            try {
                cases = caseIds == null || caseIds.isBlank() ? List.of()
                        : Arrays.stream(caseIds.trim().split("[,\\s]+")).map(Long::valueOf).toList();
            } catch (NumberFormatException e) {
                problems.add(new InvalidInput.Violation("caseIds", "recommendations.case-numbers", new Object[0]));
            }
            var flagLinks = new java.util.ArrayList<RecommendationDraft.FlagLink>();
            for (String line : lines(flags)) {
                String[] parts = line.split("\\s*[,;]\\s*|\\s+", 2);
                try {
                    flagLinks.add(new RecommendationDraft.FlagLink(Long.valueOf(parts[0].strip()), parts.length > 1 ? parts[1].strip() : null));
                } catch (NumberFormatException e) {
                    problems.add(new InvalidInput.Violation("flags", "recommendations.flag-format", new Object[0]));
                    break;
                }
            }
            var figureLinks = new java.util.ArrayList<RecommendationDraft.FigureLink>();
            for (String line : lines(figures)) {
                String[] parts = line.split("\\s*,\\s*");
                try {
                    if (parts.length < 3) throw new NumberFormatException();
                    figureLinks.add(new RecommendationDraft.FigureLink(null, Integer.valueOf(parts[0].strip()), parts[1],
                            parts.length > 3 ? parts[3] : null, parts[2]));
                } catch (NumberFormatException e) {
                    problems.add(new InvalidInput.Violation("figures", "recommendations.figure-format", new Object[0]));
                    break;
                }
            }
            if (!problems.isEmpty()) throw new InvalidInput(problems);
            return new RecommendationDraft.AssessmentDraft(assessedOn, grade, reasoning, cases, evidenceNotes, flagLinks,
                    figureLinks, visitIds);
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    /** A state's claim as the browser sends it. */
    record ClaimForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate claimedOn, String claim, String document) {
        static final ClaimForm EMPTY = new ClaimForm(null, null, null);

        RecommendationDraft.ClaimDraft draft() {
            return new RecommendationDraft.ClaimDraft(claimedOn, claim, document);
        }
    }

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

    /** A recommendation's page; {@code claim} or {@code assessment} opens that one's form for a correction. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations-tracker/{id}")
    String recommendation(@PathVariable long id, @RequestParam(required = false) Long claim,
                          @RequestParam(required = false) Long assessment, Model model) {
        var r = recommendations.get(id);
        var editing = new Editing(null, null);
        var claimForm = ClaimForm.EMPTY;
        var assessmentForm = AssessmentForm.EMPTY;
        if (r.changeable() && claim != null) {
            var c = r.claims().stream().filter(x -> x.id() == claim).findFirst().orElse(null);
            if (c != null) {
                claimForm = new ClaimForm(c.claimedOn(), c.claim(), c.document());
                editing = new Editing(c.id(), null);
            }
        }
        if (r.changeable() && assessment != null) {
            var a = r.assessments().stream().filter(x -> x.id() == assessment).findFirst().orElse(null);
            if (a != null) {
                assessmentForm = AssessmentForm.of(a);
                editing = new Editing(editing.claim(), a.id());
            }
        }
        return page(model, r, FormErrors.NONE, claimForm, assessmentForm, editing);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/recommendations-tracker/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var r = recommendations.get(id);
        if (!r.changeable()) throw new org.aigaq.platform.NoSuchRecord("recommendation", id);
        var form = new RecommendationForm(r.source(), r.documentSymbol(), r.documentDate(), r.paragraph(), r.subParagraph(),
                r.text(), String.join(", ", r.themes()), r.authority(), r.recommendingState(), r.stateResponse(), r.dueDate(),
                r.responsibleUserId(), r.repeatsId(), r.sharing());
        model.addAttribute("editing", id);
        return form(model, form, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/{id}/edit")
    String change(@PathVariable long id, RecommendationForm form, Model model) {
        try {
            recommendations.change(id, form.draft());
            return "redirect:/recommendations-tracker/" + id;
        } catch (InvalidInput invalid) {
            model.addAttribute("editing", id);
            return form(model, form, new FormErrors("recommendation", invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/{id}/claims")
    String claim(@PathVariable long id, ClaimForm form, Model model) {
        try {
            recommendations.addClaim(id, form.draft());
            return "redirect:/recommendations-tracker/" + id;
        } catch (InvalidInput invalid) {
            return page(model, recommendations.get(id), new FormErrors("claim", invalid.violations()), form, AssessmentForm.EMPTY,
                    new Editing(null, null));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/{id}/claims/{claimId}")
    String changeClaim(@PathVariable long id, @PathVariable long claimId, ClaimForm form, Model model) {
        try {
            recommendations.changeClaim(id, claimId, form.draft());
            return "redirect:/recommendations-tracker/" + id;
        } catch (InvalidInput invalid) {
            return page(model, recommendations.get(id), new FormErrors("claim", invalid.violations()), form, AssessmentForm.EMPTY,
                    new Editing(claimId, null));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/{id}/assessments")
    String assess(@PathVariable long id, AssessmentForm form, Model model) {
        try {
            recommendations.addAssessment(id, form.draft());
            return "redirect:/recommendations-tracker/" + id;
        } catch (InvalidInput invalid) {
            return page(model, recommendations.get(id), assessmentErrors(invalid), ClaimForm.EMPTY, form, new Editing(null, null));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/{id}/assessments/{assessmentId}")
    String changeAssessment(@PathVariable long id, @PathVariable long assessmentId, AssessmentForm form, Model model) {
        try {
            recommendations.changeAssessment(id, assessmentId, form.draft());
            return "redirect:/recommendations-tracker/" + id;
        } catch (InvalidInput invalid) {
            return page(model, recommendations.get(id), assessmentErrors(invalid), ClaimForm.EMPTY, form,
                    new Editing(null, assessmentId));
        }
    }

    /** "caseIds/2", "flags/0/rule", "figures/1", "visitIds/0" are shown at their field as a whole, with the line number. */
    private static FormErrors assessmentErrors(InvalidInput invalid) {
        var violations = invalid.violations().stream().map(v -> {
            int slash = v.field().indexOf('/');
            return slash < 0 ? v : new InvalidInput.Violation(v.field().substring(0, slash), v.messageKey(), v.arguments());
        }).toList();
        return new FormErrors("assessment", violations);
    }

    /** Which claim or assessment the page's forms correct (null: the forms add a new one). */
    record Editing(Long claim, Long assessment) {}

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/recommendations-tracker/export.csv")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recommendations.csv\"").body(imports.exportCsv());
    }

    private String page(Model model, Recommendation recommendation, FormErrors errors, ClaimForm claimForm,
                        AssessmentForm assessmentForm, Editing editing) {
        model.addAttribute("r", recommendation);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("claimForm", claimForm);
        model.addAttribute("assessmentForm", assessmentForm);
        model.addAttribute("editing", editing);
        model.addAttribute("rules", org.aigaq.justice.ImpunityRules.ALL.stream().map(org.aigaq.justice.ImpunityRule::name).toList());
        model.addAttribute("measures", java.util.stream.Stream.concat(
                java.util.Arrays.stream(org.aigaq.statistics.Measure.values()).map(Enum::name),
                org.aigaq.statistics.OfficialIndicators.ALL.stream().map(d -> d.indicator().code())).toList());
        // The user's organisation's visits, to choose as evidence (only readers of visits get any).
        model.addAttribute("visits", recommendation.changeable() ? visits.list(org.aigaq.detention.Visits.Filter.none(), null, 200).visits() : List.of());
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
