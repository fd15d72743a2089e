package org.aigaq.documentation.web;

import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.ExaminerType;
import org.aigaq.documentation.IstanbulGrade;
import org.aigaq.documentation.MedicalDocumentation;
import org.aigaq.documentation.MedicalExamination;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.platform.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
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

    /** Checks one field of the event form as the user types, answering the error to show beside it (htmx). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/check")
    String check(EventForm form, @RequestParam(defaultValue = "") String field, Model model) {
        model.addAttribute("field", field);
        model.addAttribute("error", form.firstProblem(field));
        return "documentation/field-check :: check";
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
    String recordExamination(@PathVariable long actId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
                             @RequestParam(defaultValue = "") String requestedBy,
                             @RequestParam(defaultValue = "false") boolean refused,
                             @RequestParam(defaultValue = "false") boolean delayed,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate performedOn,
                             @RequestParam(required = false) ExaminerType examinerType,
                             @RequestParam(defaultValue = "") String examinerName,
                             @RequestParam(defaultValue = "") String othersPresent,
                             @RequestParam(required = false) IstanbulGrade overallEvaluation,
                             @RequestParam(defaultValue = "") String treatment, Model model) {
        long id = acts.eventOf(actId);
        return onCase(id, "medical-" + actId, model, () -> medical.record(actId, new MedicalDocumentation.ExaminationDraft(
                requestedOn, requestedBy, refused, null, delayed, null, performedOn, examinerType, examinerName, null,
                othersPresent, overallEvaluation, null, treatment, null)));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/medical-examinations/{examinationId}/findings")
    String addFinding(@PathVariable long examinationId, @RequestParam long actId,
                      @RequestParam(required = false) MedicalExamination.Kind kind,
                      @RequestParam(defaultValue = "") String bodyLocation,
                      @RequestParam(defaultValue = "") String description,
                      @RequestParam(required = false) IstanbulGrade grade, Model model) {
        long id = acts.eventOf(actId);
        return onCase(id, "finding-" + examinationId, model, () -> medical.addFinding(examinationId,
                new MedicalDocumentation.FindingDraft(kind, bodyLocation, description, grade)));
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
    String addAct(@PathVariable long id, @RequestParam(required = false) Long victimId,
                  @RequestParam(defaultValue = "") String victimName, @RequestParam(defaultValue = "") String actType,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(defaultValue = "EXACT") DatePrecision precision,
                  @RequestParam(defaultValue = "") String locationType, @RequestParam(required = false) Long placeId,
                  @RequestParam(required = false) List<String> methods,
                  @RequestParam(defaultValue = "") String statementsSigned,
                  @RequestParam(defaultValue = "") String medicalAttention,
                  @RequestParam(defaultValue = "") String legalCounsel, @RequestParam(required = false) Integer ageAtTime,
                  @RequestParam(defaultValue = "") String physicalConsequences, Model model) {
        return onCase(id, "act", model, () -> {
            Long victim = victimId;
            if (victim == null) {
                victim = people.record(new PersonDraft(new Identity(victimName, List.of(), null, null, null), false, null,
                        null, null, List.of(), false, null)).id();
            }
            acts.add(id, new ActDraft(victim, actType, new FuzzyDate(date, date == null ? DatePrecision.UNKNOWN : precision),
                    null, placeId, locationType, null, null, null, methods, physicalConsequences, null, ageAtTime, null,
                    statementsSigned, medicalAttention, List.of(), null, legalCounsel));
        });
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/acts/{actId}/involvements")
    String addInvolvement(@PathVariable long actId, @RequestParam(defaultValue = "") String perpetratorType,
                          @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String unit,
                          @RequestParam(defaultValue = "") String rankRole,
                          @RequestParam(defaultValue = "") String perpetratorName,
                          @RequestParam(defaultValue = "") String degree, Model model) {
        long id = acts.eventOf(actId);
        return onCase(id, "involvement-" + actId, model, () -> records.addInvolvement(actId,
                new CaseRecords.InvolvementDraft(null, perpetratorType, agency, unit, rankRole, perpetratorName, degree, null)));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/information")
    String addInformation(@PathVariable long id, @RequestParam(defaultValue = "") String connection,
                          @RequestParam(defaultValue = "") String sourceType,
                          @RequestParam(defaultValue = "") String reliability,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateReceived,
                          @RequestParam(defaultValue = "") String summary, Model model) {
        return onCase(id, "information", model, () -> records.addInformation(id,
                new CaseRecords.InformationDraft(null, connection, sourceType, reliability, dateReceived, summary)));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/interventions")
    String addIntervention(@PathVariable long id, @RequestParam(defaultValue = "") String interventionType,
                           @RequestParam(defaultValue = "") String interveningParty,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String response,
                           Model model) {
        return onCase(id, "intervention", model, () -> records.addIntervention(id, new CaseRecords.InterventionDraft(
                interventionType, interveningParty, new FuzzyDate(date, null), null, response, null, status, null)));
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/people")
    String addPerson(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                     @RequestParam(required = false) CaseRecords.PersonRole role,
                     @RequestParam(defaultValue = "") String note, Model model) {
        return onCase(id, "person", model, () -> {
            if (role == null) throw new InvalidInput("role", "validation.required");
            long person = people.record(new PersonDraft(new Identity(name, List.of(), null, null, null), false, null,
                    null, null, List.of(), false, null)).id();
            records.addPerson(id, person, role, note);
        });
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
