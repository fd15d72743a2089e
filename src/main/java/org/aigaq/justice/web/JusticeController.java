package org.aigaq.justice.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.documentation.Places;
import org.aigaq.justice.Complaints;
import org.aigaq.justice.DetentionEpisodes;
import org.aigaq.justice.Explanations;
import org.aigaq.justice.Jurisdictions;
import org.aigaq.justice.MomentKind;
import org.aigaq.justice.Pipeline;
import org.aigaq.justice.StepType;
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
 * The justice page of an allegation (stage, deadlines, flags, steps, detention episodes and their safeguards), the
 * forms that record a step, an episode and a moment, the organisation's overdue list and the page of all rules.
 */
@Controller
class JusticeController {

    /** Zones offered for moments: the jurisdictions' and those of the region's neighbours; any other through the API. */
    static final List<String> ZONES = List.of("Asia/Almaty", "Asia/Aqtobe", "Asia/Oral", "Asia/Qyzylorda", "Europe/Moscow",
            "Asia/Bishkek", "Asia/Tashkent", "UTC");

    private final Complaints complaints;
    private final DetentionEpisodes episodes;
    private final Explanations explanations;
    private final CaseFiles cases;
    private final Places places;
    private final Jurisdictions jurisdictions;

    JusticeController(Complaints complaints, DetentionEpisodes episodes, Explanations explanations, CaseFiles cases,
                      Places places, Jurisdictions jurisdictions) {
        this.complaints = complaints;
        this.episodes = episodes;
        this.explanations = explanations;
        this.cases = cases;
        this.places = places;
        this.jurisdictions = jurisdictions;
    }

    @SignedIn
    @GetMapping("/events/{id}/justice")
    String page(@PathVariable long id, Model model) {
        return page(id, model, FormErrors.NONE, Map.of());
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/events/{id}/justice/steps/new")
    String newStep(@PathVariable long id, @RequestParam(defaultValue = "") String type, Model model) {
        StepType stepType = type(type);
        if (stepType == null) return "redirect:/events/" + id + "/justice";
        return stepForm(id, stepType, Map.of(), FormErrors.NONE, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/justice/steps")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        StepType stepType = type(form.getOrDefault("stepType", ""));
        if (stepType == null) return "redirect:/events/" + id + "/justice";
        try {
            var step = complaints.record(id, form.get("jurisdiction"), StepForm.step(stepType, form));
            return "redirect:/events/" + id + "/justice#step-" + step.id();
        } catch (InvalidInput invalid) {
            return stepForm(id, stepType, form, FormErrors.of("step", invalid, explanations), model);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/justice/steps/{stepId}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long stepId, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            complaints.withdraw(id, stepId, reason);
            return "redirect:/events/" + id + "/justice#steps";
        } catch (InvalidInput invalid) {
            model.addAttribute("failedStep", stepId);
            return page(id, model, FormErrors.of("withdraw-" + stepId, invalid, explanations), Map.of());
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/justice/episodes")
    String addEpisode(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            var added = episodes.add(id, form.get("jurisdiction"), new org.aigaq.justice.EpisodeDraft(
                    StepForm.number(form, "actId"), StepForm.number(form, "placeId"), form.get("notes")));
            return "redirect:/events/" + id + "/justice#episode-" + added.episode().id();
        } catch (InvalidInput invalid) {
            return page(id, model, FormErrors.of("episode", invalid, explanations), form);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/justice/episodes/{id}/moments")
    String addMoment(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        long eventId = episodes.get(id).episode().eventId();
        try {
            episodes.addMoment(id, StepForm.moment(form));
            return "redirect:/events/" + eventId + "/justice#episode-" + id;
        } catch (InvalidInput invalid) {
            model.addAttribute("failedEpisode", id);
            return page(eventId, model, FormErrors.of("moment-" + id, invalid, explanations), form);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/justice")
    String overdue(@RequestParam(required = false) String after, Model model) {
        model.addAttribute("page", complaints.overdue(after, 50));
        return "justice/overdue";
    }

    @SignedIn
    @GetMapping("/justice/rules")
    String rules(Model model) {
        model.addAttribute("impunityRules", explanations.impunityRules());
        model.addAttribute("jurisdictions", jurisdictions.all());
        model.addAttribute("stepTypes", StepType.values());
        model.addAttribute("pipeline", new PipelineTable());
        return "justice/rules";
    }

    /** The transitions for the rules page. */
    static final class PipelineTable {
        public List<org.aigaq.justice.Stage> from(StepType type) {
            return Arrays.stream(org.aigaq.justice.Stage.values()).filter(Pipeline.allowedFrom(type)::contains).toList();
        }

        public List<org.aigaq.justice.SafeguardRule> safeguards() {
            return org.aigaq.justice.SafeguardRules.ALL;
        }
    }

    private String page(long id, Model model, FormErrors errors, Map<String, String> entered) {
        var file = complaints.file(id);
        model.addAttribute("justice", file);
        model.addAttribute("flags", explanations.flags(file.flags()));
        model.addAttribute("caseFile", cases.of(id));
        model.addAttribute("episodes", episodes.of(id).stream()
                .map(a -> new EpisodeView(a, explanations.checks(a.checks()))).toList());
        model.addAttribute("momentKinds", MomentKind.values());
        model.addAttribute("zones", ZONES);
        model.addAttribute("defaultZone", jurisdictions.get(file.jurisdiction()).zone().getId());
        model.addAttribute("places", places.find("", 200));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("explain", explanations);
        return "justice/case";
    }

    /** An episode and its safeguard findings in words, for the page. */
    record EpisodeView(DetentionEpisodes.Audited audited, List<Explanations.ExplainedCheck> checks) {
        public org.aigaq.justice.Episode episode() {
            return audited.episode();
        }
    }

    private String stepForm(long id, StepType type, Map<String, String> entered, FormErrors errors, Model model) {
        var file = complaints.file(id);
        model.addAttribute("justice", file);
        model.addAttribute("caseFile", cases.of(id));
        model.addAttribute("stepType", type);
        model.addAttribute("stepLabel", explanations.message(type.messageKey()));
        model.addAttribute("stageLabel", explanations.message(file.stage().messageKey()));
        model.addAttribute("fields", StepForm.fields(type, entered));
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        model.addAttribute("codeVersions", jurisdictions.get(file.jurisdiction()).codeVersions());
        return "justice/step-form";
    }

    private static StepType type(String code) {
        try {
            return StepType.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
