package org.aigaq.documentation.web;

import java.util.ArrayList;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.MedicalDocumentation;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.platform.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.support.TransactionTemplate;

/** The pages of documentation: the list of cases, the event form, and the case page with its forms. */
@Controller
class CaseController {

    private final Events events;
    private final CaseFiles caseFiles;
    private final Acts acts;
    private final CaseRecords records;
    private final People people;
    private final Places places;
    private final TransactionTemplate transaction;
    private final MedicalDocumentation medical;

    CaseController(Events events, CaseFiles caseFiles, Acts acts, CaseRecords records, People people, Places places,
                   TransactionTemplate transaction, MedicalDocumentation medical) {
        this.medical = medical;
        this.transaction = transaction;
        this.events = events;
        this.caseFiles = caseFiles;
        this.acts = acts;
        this.records = records;
        this.people = people;
        this.places = places;
    }

    @SignedIn
    @GetMapping("/events")
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) String violationStatus,
                @RequestParam(required = false) Long after, Model model) {
        var filter = new Events.Filter(text, violationStatus, null, null);
        model.addAttribute("filter", filter);
        model.addAttribute("page", events.list(filter, after, 50));
        return "documentation/events";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/events/new")
    String newEvent(Model model) {
        model.addAttribute("form", EventForm.empty());
        model.addAttribute("errors", FieldErrors.NONE);
        model.addAttribute("places", places.find("", 500));
        return "documentation/event-form";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events")
    String record(EventForm form, Model model) {
        try {
            return "redirect:/events/" + events.record(form.draft()).id();
        } catch (InvalidInput invalid) {
            model.addAttribute("form", form);
            model.addAttribute("errors", new FieldErrors(invalid));
            model.addAttribute("places", places.find("", 500));
            return "documentation/event-form";
        }
    }

    /** Checks one field of the new event form as the user types, answering the message to show beside it (htmx). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/check")
    String check(EventForm form, @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(events.problems(null, form.draft()), field, model);
    }

    /** Checks one field of the form that changes an event, by the rules of the change (who may change its sharing). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/check")
    String checkChange(@PathVariable long id, EventForm form, @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(events.problems(id, form.draft()), field, model);
    }

    @SignedIn
    @GetMapping("/events/{id}")
    String show(@PathVariable long id, Model model) {
        showCase(id, model);
        model.addAttribute("errors", FieldErrors.NONE);
        return "documentation/case";
    }

    /** The case file, and its medical documentation for those who may see identities (it is health data). */
    private void showCase(long id, Model model) {
        var file = caseFiles.of(id);
        model.addAttribute("file", file);
        model.addAttribute("medical", file.rights().identities() ? medical.ofEvent(id) : java.util.List.of());
        model.addAttribute("grants", file.rights().manage() ? events.grants(id) : java.util.List.of());
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/acts/{actId}/medical-examinations")
    String recordExamination(@PathVariable long actId, CaseForms.Examination form, Model model) {
        long id = acts.eventOf(actId);
        return onCase(id, "medical-" + actId, model, () -> medical.record(actId, form.draft()));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/acts/{actId}/medical-examinations/check")
    String checkExamination(@PathVariable long actId, CaseForms.Examination form,
                            @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(medical.examinationProblems(actId, form.draft()), field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/medical-examinations/{examinationId}/findings")
    String addFinding(@PathVariable long examinationId, @RequestParam long actId, CaseForms.Finding form, Model model) {
        long id = acts.eventOf(actId);
        return onCase(id, "finding-" + examinationId, model, () -> medical.addFinding(examinationId, form.draft()));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/medical-examinations/{examinationId}/findings/check")
    String checkFinding(@PathVariable long examinationId, CaseForms.Finding form,
                        @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(medical.findingProblems(examinationId, form.draft()), field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/events/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var file = caseFiles.of(id);
        if (!file.rights().write()) {
            return "redirect:/events/" + id;
        }
        model.addAttribute("event", file.event());
        model.addAttribute("form", EventForm.of(file.event()));
        model.addAttribute("errors", FieldErrors.NONE);
        model.addAttribute("places", places.find("", 500));
        return "documentation/event-form";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}")
    String change(@PathVariable long id, EventForm form, Model model) {
        try {
            events.change(id, form.draft());
            return "redirect:/events/" + id;
        } catch (InvalidInput invalid) {
            model.addAttribute("event", caseFiles.of(id).event());
            model.addAttribute("form", form);
            model.addAttribute("errors", new FieldErrors(invalid));
            model.addAttribute("places", places.find("", 500));
            return "documentation/event-form";
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/acts")
    String addAct(@PathVariable long id, CaseForms.NewAct form, Model model) {
        return onCase(id, "act", model, () -> {
            Long victim = form.victimId();
            if (victim == null) {
                victim = people.record(CaseForms.named(form.victimName())).id();
            }
            acts.add(id, form.draft(victim));
        });
    }

    /** Checks one field of the new act as the user types: the act's rules, and the new victim's when one is named. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/acts/check")
    String checkAct(@PathVariable long id, CaseForms.NewAct form, @RequestParam(defaultValue = "") String field,
                    Model model) {
        var problems = new ArrayList<>(acts.problems(id, form.draft(form.victimId())));
        if (form.victimId() == null) {
            // Saving records the named victim first, then the act with that victim: the victim is not missing.
            problems.removeIf(problem -> problem.field().equals("victimId"));
            problems.addAll(people.problems(null, CaseForms.named(form.victimName())));
        }
        return FieldCheck.answer(problems, field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/acts/{actId}/involvements")
    String addInvolvement(@PathVariable long actId, CaseForms.Involvement form, Model model) {
        long id = acts.eventOf(actId);
        return onCase(id, "involvement-" + actId, model, () -> records.addInvolvement(actId, form.draft()));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/acts/{actId}/involvements/check")
    String checkInvolvement(@PathVariable long actId, CaseForms.Involvement form,
                            @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(records.involvementProblems(actId, form.draft()), field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/information")
    String addInformation(@PathVariable long id, CaseForms.Information form, Model model) {
        return onCase(id, "information", model, () -> records.addInformation(id, form.draft()));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/information/check")
    String checkInformation(@PathVariable long id, CaseForms.Information form,
                            @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(records.informationProblems(id, form.draft()), field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/interventions")
    String addIntervention(@PathVariable long id, CaseForms.Intervention form, Model model) {
        return onCase(id, "intervention", model, () -> records.addIntervention(id, form.draft()));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/interventions/check")
    String checkIntervention(@PathVariable long id, CaseForms.Intervention form,
                             @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(records.interventionProblems(id, form.draft()), field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/people")
    String addPerson(@PathVariable long id, CaseForms.NewPerson form, Model model) {
        return onCase(id, "person", model, () -> {
            // The role and note are checked before the person is recorded, so that every message shows at once.
            var problems = new ArrayList<>(records.personProblems(id, form.role(), form.note()));
            problems.addAll(people.problems(null, CaseForms.named(form.name())));
            if (!problems.isEmpty()) throw new InvalidInput(problems);
            long person = people.record(CaseForms.named(form.name())).id();
            records.addPerson(id, person, form.role(), form.note());
        });
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/people/check")
    String checkPerson(@PathVariable long id, CaseForms.NewPerson form, @RequestParam(defaultValue = "") String field,
                       Model model) {
        var problems = new ArrayList<>(records.personProblems(id, form.role(), form.note()));
        problems.addAll(people.problems(null, CaseForms.named(form.name())));
        return FieldCheck.answer(problems, field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/links")
    String link(@PathVariable long id, @RequestParam(defaultValue = "") String toRecordNumber,
                @RequestParam(defaultValue = "") String relationship, Model model) {
        return onCase(id, "link", model, () -> {
            var found = events.list(new Events.Filter(toRecordNumber, null, null, null), null, 5).events().stream()
                    .filter(e -> e.recordNumber().equalsIgnoreCase(toRecordNumber.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInput("toRecordNumber", "documentation.link.unknown-event"));
            records.link(id, found.id(), relationship, null);
        });
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/people/{personId}/remove")
    String removePerson(@PathVariable long id, @PathVariable long personId, @RequestParam CaseRecords.PersonRole role) {
        records.removePerson(id, personId, role);
        return "redirect:/events/" + id + "#people";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/links/{toEventId}/remove")
    String unlink(@PathVariable long id, @PathVariable long toEventId, @RequestParam String relationship) {
        records.unlink(id, toEventId, relationship);
        return "redirect:/events/" + id + "#links";
    }

    @Allowed(Role.COORDINATOR)
    @PostMapping("/events/{id}/sharing")
    String share(@PathVariable long id, @RequestParam Sharing sharing) {
        events.share(id, sharing);
        return "redirect:/events/" + id + "#access";
    }

    @Allowed(Role.COORDINATOR)
    @PostMapping("/events/{id}/access")
    String grant(@PathVariable long id, @RequestParam(defaultValue = "") String username, Model model) {
        return onCase(id, "access", model, () -> events.grant(id, username));
    }

    @Allowed(Role.COORDINATOR)
    @PostMapping("/events/{id}/access/{userId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long userId) {
        events.revoke(id, userId);
        return "redirect:/events/" + id + "#access";
    }

    /** Runs a change on a case; on bad input shows the case again with the errors beside the form that failed. */
    private String onCase(long id, String form, Model model, Runnable change) {
        try {
            // One transaction: a victim recorded for an act that is then refused is not kept.
            transaction.executeWithoutResult(status -> change.run());
            return "redirect:/events/" + id + "#" + form;
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", new FieldErrors(invalid, form));
            showCase(id, model);
            return "documentation/case";
        }
    }
}
