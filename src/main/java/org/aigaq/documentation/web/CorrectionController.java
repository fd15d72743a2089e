package org.aigaq.documentation.web;

import java.util.function.Supplier;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.MedicalDocumentation;
import org.aigaq.documentation.MedicalExamination;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages that correct one record of a case: an alleged perpetrator's involvement, a source, an intervention, a
 * medical examination or a finding. Each form is checked as the user types by the check route of the form that adds
 * such a record (the rules are the same), and saved by the service's change, which checks the right to change the case.
 */
@Controller
@Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
class CorrectionController {

    private final CaseRecords records;
    private final MedicalDocumentation medical;
    private final Acts acts;

    CorrectionController(CaseRecords records, MedicalDocumentation medical, Acts acts) {
        this.records = records;
        this.medical = medical;
        this.acts = acts;
    }

    @GetMapping("/involvements/{id}/edit")
    String editInvolvement(@PathVariable long id, Model model) {
        var involvement = records.involvementToChange(id);
        return involvementPage(involvement, CaseForms.Involvement.of(involvement), FieldErrors.NONE, model);
    }

    @PostMapping("/involvements/{id}")
    String changeInvolvement(@PathVariable long id, CaseForms.Involvement form, Model model) {
        return save(() -> {
            var changed = records.changeInvolvement(id, form.draft());
            return "redirect:/events/" + acts.eventOf(changed.actId()) + "#act-" + changed.actId();
        }, invalid -> involvementPage(records.involvementToChange(id), form, invalid, model));
    }

    private String involvementPage(org.aigaq.documentation.Involvement involvement, CaseForms.Involvement form,
                                   FieldErrors errors, Model model) {
        model.addAttribute("involvement", involvement);
        model.addAttribute("eventId", acts.eventOf(involvement.actId()));
        return page("involvement", form, errors, model);
    }

    @GetMapping("/information/{id}/edit")
    String editInformation(@PathVariable long id, Model model) {
        var information = records.informationToChange(id);
        return informationPage(information, CaseForms.Information.of(information), FieldErrors.NONE, model);
    }

    @PostMapping("/information/{id}")
    String changeInformation(@PathVariable long id, CaseForms.Information form, Model model) {
        return save(() -> "redirect:/events/" + records.changeInformation(id, form.draft()).eventId() + "#information",
                invalid -> informationPage(records.informationToChange(id), form, invalid, model));
    }

    private String informationPage(org.aigaq.documentation.Information information, CaseForms.Information form,
                                   FieldErrors errors, Model model) {
        model.addAttribute("information", information);
        model.addAttribute("eventId", information.eventId());
        return page("information", form, errors, model);
    }

    @GetMapping("/interventions/{id}/edit")
    String editIntervention(@PathVariable long id, Model model) {
        var intervention = records.interventionToChange(id);
        return interventionPage(intervention, CaseForms.Intervention.of(intervention), FieldErrors.NONE, model);
    }

    @PostMapping("/interventions/{id}")
    String changeIntervention(@PathVariable long id, CaseForms.Intervention form, Model model) {
        return save(() -> "redirect:/events/" + records.changeIntervention(id, form.draft()).eventId() + "#interventions",
                invalid -> interventionPage(records.interventionToChange(id), form, invalid, model));
    }

    private String interventionPage(org.aigaq.documentation.Intervention intervention, CaseForms.Intervention form,
                                    FieldErrors errors, Model model) {
        model.addAttribute("intervention", intervention);
        model.addAttribute("eventId", intervention.eventId());
        return page("intervention", form, errors, model);
    }

    @GetMapping("/medical-examinations/{id}/edit")
    String editExamination(@PathVariable long id, Model model) {
        var examination = medical.examinationToChange(id);
        return examinationPage(examination, CaseForms.Examination.of(examination), FieldErrors.NONE, model);
    }

    @PostMapping("/medical-examinations/{id}")
    String changeExamination(@PathVariable long id, CaseForms.Examination form, Model model) {
        return save(() -> {
            var changed = medical.changeExamination(id, form.draft());
            return "redirect:/events/" + acts.eventOf(changed.actId()) + "#examination-" + id;
        }, invalid -> examinationPage(medical.examinationToChange(id), form, invalid, model));
    }

    private String examinationPage(MedicalExamination examination, CaseForms.Examination form, FieldErrors errors,
                                   Model model) {
        model.addAttribute("examination", examination);
        model.addAttribute("eventId", acts.eventOf(examination.actId()));
        return page("examination", form, errors, model);
    }

    @GetMapping("/medical-findings/{id}/edit")
    String editFinding(@PathVariable long id, Model model) {
        var examination = medical.examinationOfFinding(id);
        return findingPage(examination, id, CaseForms.Finding.of(finding(examination, id)), FieldErrors.NONE, model);
    }

    @PostMapping("/medical-findings/{id}")
    String changeFinding(@PathVariable long id, CaseForms.Finding form, Model model) {
        return save(() -> {
            var examination = medical.changeFinding(id, form.draft());
            return "redirect:/events/" + acts.eventOf(examination.actId()) + "#examination-" + examination.id();
        }, invalid -> findingPage(medical.examinationOfFinding(id), id, form, invalid, model));
    }

    private String findingPage(MedicalExamination examination, long findingId, CaseForms.Finding form, FieldErrors errors,
                               Model model) {
        model.addAttribute("examination", examination);
        model.addAttribute("findingId", findingId);
        model.addAttribute("eventId", acts.eventOf(examination.actId()));
        return page("finding", form, errors, model);
    }

    private static MedicalExamination.Finding finding(MedicalExamination examination, long id) {
        return examination.findings().stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new NoSuchRecord("medical-finding", id));
    }

    private static String page(String record, Object form, FieldErrors errors, Model model) {
        model.addAttribute("record", record);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "documentation/correction";
    }

    /** Saves, or shows the form again with every message beside its field. */
    private static String save(Supplier<String> change, java.util.function.Function<FieldErrors, String> again) {
        try {
            return change.get();
        } catch (InvalidInput invalid) {
            return again.apply(new FieldErrors(invalid));
        }
    }
}
