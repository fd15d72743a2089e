package org.aigaq.refoulement.web;

import org.aigaq.platform.FormErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.refoulement.CaseDraft;
import org.aigaq.refoulement.EventDraft;
import org.aigaq.refoulement.RefoulementCase;
import org.aigaq.refoulement.RefoulementCases;
import org.aigaq.refoulement.RefoulementFigures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of non-refoulement cases: the list with its filters, the case form, a case with its timeline, the figures. */
@Controller
class RefoulementController {

    private final RefoulementCases cases;
    private final RefoulementFigures figures;
    private final People people;

    RefoulementController(RefoulementCases cases, RefoulementFigures figures, People people) {
        this.cases = cases;
        this.figures = figures;
        this.people = people;
    }

    /** The case form as the browser sends it. */
    record CaseForm(Long personId, String nationality, String requestingState, RefoulementCase.LegalBasis legalBasis,
                    String convention, String riskAssessment, String riskEvidence, Sharing sharing) {

        static final CaseForm EMPTY = new CaseForm(null, null, null, null, null, null, null, Sharing.ORGANISATION);

        CaseDraft draft() {
            return new CaseDraft(personId, nationality, requestingState, legalBasis, convention, riskAssessment, riskEvidence, sharing);
        }

        static CaseForm of(RefoulementCase c) {
            return new CaseForm(c.personId(), c.nationality(), c.requestingState(), c.legalBasis(), c.convention(),
                    c.riskAssessment(), c.riskEvidence(), c.sharing());
        }
    }

    /** The event form as the browser sends it; "respected" comes as true, false or empty (not known). */
    record EventForm(RefoulementCase.Kind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String court,
                     String instance, String decision, RefoulementCase.Committee committee, String respected,
                     RefoulementCase.Removal removal, String note) {

        static final EventForm EMPTY = new EventForm(null, null, null, null, null, null, null, null, null);

        static EventForm of(RefoulementCase.Event e) {
            return new EventForm(e.kind(), e.date(), e.court(), e.instance(), e.decision(), e.committee(),
                    e.respected() == null ? null : String.valueOf(e.respected()), e.removal(), e.note());
        }

        EventDraft draft() {
            Boolean shown = respected == null || respected.isBlank() ? null : Boolean.valueOf(respected);
            return new EventDraft(kind, date, court, instance, decision, committee, shown, removal, note);
        }
    }

    @SignedIn
    @GetMapping("/refoulement")
    String list(@RequestParam(required = false) RefoulementCase.Outcome outcome,
                @RequestParam(required = false) String requestingState, @RequestParam(required = false) Boolean breached,
                @RequestParam(defaultValue = "false") boolean ours, @RequestParam(required = false) Long after, Model model) {
        var filter = new RefoulementCases.Filter(outcome, requestingState, breached, ours);
        model.addAttribute("filter", filter);
        model.addAttribute("page", cases.list(filter, after, 50));
        return "refoulement/list";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/refoulement/new")
    String newCase(Model model) {
        return form(model, CaseForm.EMPTY, null, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/refoulement")
    String open(CaseForm form, Model model) {
        try {
            return "redirect:/refoulement/" + cases.open(form.draft()).id();
        } catch (InvalidInput invalid) {
            return form(model, form, null, new FormErrors("case", invalid.violations()));
        }
    }

    /** Checks one field of the case form as the user types or chooses (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/refoulement/check")
    String check(CaseForm form, @RequestParam(defaultValue = "") String field, Model model) {
        model.addAttribute("problem", cases.problems(form.draft()).stream()
                .filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    /** A case's page; {@code event} opens that event's form for a correction. */
    @SignedIn
    @GetMapping("/refoulement/{id}")
    String showCase(@PathVariable long id, @RequestParam(required = false) Long event, Model model) {
        var found = cases.get(id);
        if (event != null && found.changeable()) {
            var e = found.events().stream().filter(x -> x.id() == event).findFirst().orElse(null);
            if (e != null) {
                model.addAttribute("editingEvent", e.id());
                return page(model, found, EventForm.of(e), FormErrors.NONE);
            }
        }
        return page(model, found, EventForm.EMPTY, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/refoulement/{id}/events/{eventId}")
    String changeEvent(@PathVariable long id, @PathVariable long eventId, EventForm form, Model model) {
        try {
            cases.changeEvent(id, eventId, form.draft());
            return "redirect:/refoulement/" + id + "#timeline";
        } catch (InvalidInput invalid) {
            model.addAttribute("editingEvent", eventId);
            return page(model, cases.get(id), form, new FormErrors("event", invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/refoulement/{id}/events/{eventId}/removal")
    String removeEvent(@PathVariable long id, @PathVariable long eventId, @RequestParam(required = false) String reason, Model model) {
        try {
            cases.removeEvent(id, eventId, reason);
            return "redirect:/refoulement/" + id + "#timeline";
        } catch (InvalidInput invalid) {
            // the reason typed stays in its field; an event a follow-up depends on is named at the reason too
            var violations = invalid.violations().stream().map(v -> v.field().equals("eventId")
                    ? new InvalidInput.Violation("reason", v.messageKey(), v.arguments()) : v).toList();
            model.addAttribute("removalReason", reason);
            return page(model, cases.get(id), EventForm.EMPTY, new FormErrors("removal-" + eventId, violations));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/refoulement/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var found = cases.get(id);
        if (!found.changeable()) throw new NoSuchRecord("refoulement_case", id);
        return form(model, CaseForm.of(found), id, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/refoulement/{id}")
    String change(@PathVariable long id, CaseForm form, Model model) {
        try {
            cases.change(id, form.draft());
            return "redirect:/refoulement/" + id;
        } catch (InvalidInput invalid) {
            return form(model, form, id, new FormErrors("case", invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/refoulement/{id}/events")
    String addEvent(@PathVariable long id, EventForm form, Model model) {
        try {
            cases.addEvent(id, form.draft());
            return "redirect:/refoulement/" + id + "#timeline";
        } catch (InvalidInput invalid) {
            return page(model, cases.get(id), form, new FormErrors("event", invalid.violations()));
        }
    }

    /** Checks one field of the event form as the user types or chooses (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/refoulement/{id}/events/check")
    String checkEvent(@PathVariable long id, EventForm form, @RequestParam(defaultValue = "") String field, Model model) {
        model.addAttribute("problem", cases.eventProblems(id, form.draft()).stream()
                .filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/refoulement/figures")
    String figures(@RequestParam(defaultValue = "false") boolean ours, Model model) {
        model.addAttribute("ours", ours);
        model.addAttribute("figures", figures.figures(ours));
        return "refoulement/figures";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/refoulement/figures.csv")
    ResponseEntity<String> figuresCsv(@RequestParam(defaultValue = "false") boolean ours) throws IOException {
        var all = figures.figures(ours);
        var out = new StringBuilder();
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("figure", "key", "count").get())) {
            print(csv, "by-outcome", all.byOutcome());
            print(csv, "by-requesting-state", all.byRequestingState());
            print(csv, "interim-measures", all.interimMeasures());
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"non-refoulement-figures.csv\"").body(out.toString());
    }

    private static void print(CSVPrinter csv, String figure, List<RefoulementFigures.Figure> lines) throws IOException {
        for (var f : lines) csv.printRecord(figure, f.key(), f.count());
    }

    private String page(Model model, RefoulementCase found, EventForm form, FormErrors errors) {
        model.addAttribute("refoulementCase", found);
        model.addAttribute("eventForm", form);
        model.addAttribute("errors", errors);
        return "refoulement/case";
    }

    private String form(Model model, CaseForm form, Long id, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        // The organisation's own people, shown as the user may see them (case workers: names), newest first.
        model.addAttribute("people", people.page(null, 200).people());
        model.addAttribute("coordinator", CurrentUser.require().has(Role.COORDINATOR));
        return "refoulement/form";
    }
}
