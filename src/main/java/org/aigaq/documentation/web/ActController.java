package org.aigaq.documentation.web;

import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.Act;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Places;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The full form of an act: every HURIDOCS field, including the torture and arrest details. */
@Controller
@Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
class ActController {

    /** The act form as the browser sends it. */
    record ActForm(Long victimId, String actType,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate initialDate, DatePrecision initialPrecision,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, DatePrecision endPrecision,
                   Long placeId, String locationType, String region, String locationDescription, String statedReason,
                   List<String> methods, String physicalConsequences, String psychologicalConsequences,
                   Integer ageAtTime, String statusAtEnd, String statementsSigned, String medicalAttention,
                   List<String> tortureIntent, String detentionType, String legalCounsel) {

        static ActForm of(Act a) {
            return new ActForm(a.victimId(), a.actType(), a.initial().date(), a.initial().precision(),
                    a.end() == null ? null : a.end().date(), a.end() == null ? DatePrecision.EXACT : a.end().precision(),
                    a.placeId(), a.locationType(), a.region(), a.locationDescription(), a.statedReason(), a.methods(),
                    a.physicalConsequences(), a.psychologicalConsequences(), a.ageAtTime(), a.statusAtEnd(),
                    a.statementsSigned(), a.medicalAttention(), a.tortureIntent(), a.detentionType(), a.legalCounsel());
        }

        ActDraft draft() {
            return new ActDraft(victimId, actType,
                    new FuzzyDate(initialDate, initialDate == null ? DatePrecision.UNKNOWN : initialPrecision),
                    endDate == null ? null : new FuzzyDate(endDate, endPrecision), placeId, locationType, region,
                    locationDescription, statedReason, methods, physicalConsequences, psychologicalConsequences,
                    ageAtTime, statusAtEnd, statementsSigned, medicalAttention, tortureIntent, detentionType, legalCounsel);
        }
    }

    private final Acts acts;
    private final Places places;

    ActController(Acts acts, Places places) {
        this.acts = acts;
        this.places = places;
    }

    @GetMapping("/acts/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Act act = acts.get(id);
        return show(act, ActForm.of(act), FieldErrors.NONE, model);
    }

    @PostMapping("/acts/{id}")
    String change(@PathVariable long id, ActForm form, Model model) {
        try {
            Act act = acts.change(id, form.draft());
            return "redirect:/events/" + act.eventId() + "#act-" + id;
        } catch (InvalidInput invalid) {
            return show(acts.get(id), form, new FieldErrors(invalid), model);
        }
    }

    /** Checks one field of the act form as the user types, by the rules of the save, for those who may change the act. */
    @PostMapping("/acts/{id}/check")
    String check(@PathVariable long id, ActForm form, @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(acts.problems(acts.eventOf(id), form.draft()), field, model);
    }

    private String show(Act act, ActForm form, FieldErrors errors, Model model) {
        model.addAttribute("act", act);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("places", places.find("", 500));
        return "documentation/act-form";
    }
}
