package org.aigaq.trials.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.FormErrors;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.trials.AllegationDraft;
import org.aigaq.trials.CourtAllegation;
import org.aigaq.trials.FairTrialItem;
import org.aigaq.trials.Hearing;
import org.aigaq.trials.HearingDraft;
import org.aigaq.trials.Trial;
import org.aigaq.trials.TrialDraft;
import org.aigaq.trials.Trials;
import org.aigaq.trials.VerdictDraft;
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

/** The pages of trial monitoring: the list with the figures, the trial form, a trial's page, the hearing and allegation forms. */
@Controller
class TrialsController {

    private final Trials trials;
    private final People people;

    TrialsController(Trials trials, People people) {
        this.trials = trials;
        this.people = people;
    }

    /** The trial form as the browser sends it. */
    record TrialForm(String court, String caseNumber, String judge, String charges, String language, Long linkedEventId,
                     List<Long> defendants, Sharing sharing) {

        static final TrialForm EMPTY = new TrialForm(null, null, null, null, null, null, List.of(), Sharing.ORGANISATION);

        TrialDraft draft() {
            return new TrialDraft(court, caseNumber, judge, charges, language, linkedEventId,
                    defendants == null ? List.of() : defendants, sharing);
        }

        public List<Long> chosen() {
            return defendants == null ? List.of() : defendants;
        }
    }

    /** The hearing form; the checklist's answers come as {@code check-ITEM} and {@code check-note-ITEM}. */
    record HearingForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String observers, Boolean publicAdmitted,
                       Boolean pressAdmitted, Boolean recordingBanned, Boolean seatsFilled, Hearing.Interpreter interpreter,
                       String note) {

        static final HearingForm EMPTY = new HearingForm(null, null, false, false, false, false, Hearing.Interpreter.NOT_NEEDED, null);

        HearingDraft draft(Map<String, String> all) {
            var checks = new ArrayList<Hearing.Check>();
            for (var item : FairTrialItem.values()) {
                String answer = all.get("check-" + item);
                if (answer == null || answer.isBlank()) continue;
                var known = java.util.Arrays.stream(Hearing.Answer.values()).filter(a -> a.name().equals(answer)).findFirst().orElse(null);
                checks.add(new Hearing.Check(item, known, all.get("check-note-" + item)));
            }
            return new HearingDraft(date, observers, publicAdmitted, pressAdmitted, recordingBanned, seatsFilled, interpreter, note, checks);
        }
    }

    /** The allegation form. */
    record AllegationForm(Long hearingId, CourtAllegation.RaisedBy raisedBy, Long defendantId, CourtAllegation.Form form,
                          String against, Boolean recorded, Boolean examined, Boolean investigationOrdered,
                          CourtAllegation.Evidence evidence, String note) {

        static final AllegationForm EMPTY = new AllegationForm(null, CourtAllegation.RaisedBy.DEFENDANT, null,
                CourtAllegation.Form.ORAL, null, false, false, false, CourtAllegation.Evidence.NONE, null);

        AllegationDraft draft() {
            return new AllegationDraft(hearingId, raisedBy, raisedBy == CourtAllegation.RaisedBy.WITNESS ? null : defendantId,
                    form, against, recorded, examined, investigationOrdered, evidence, note);
        }
    }

    @SignedIn
    @GetMapping("/trials")
    String list(@RequestParam(required = false) String court, @RequestParam(required = false) Trials.Status status,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) String article,
                @RequestParam(required = false) String defendant, Model model) {
        // Names are searched only for case workers (the person search is theirs); others have no such field.
        boolean names = CurrentUser.require().roles().stream().anyMatch(java.util.EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR)::contains);
        var filter = new Trials.Filter(court, status, year, article, names ? defendant : null);
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", blank(court) != null || status != null || year != null || blank(article) != null || blank(filter.defendant()) != null);
        model.addAttribute("searchNames", names);
        model.addAttribute("trials", trials.list(filter));
        model.addAttribute("figures", trials.figures());
        model.addAttribute("checklist", trials.checklist());
        return "trials/list";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/trials/figures.csv")
    ResponseEntity<String> figuresCsv() throws IOException {
        var out = new StringBuilder();
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("court", "case_number", "raised", "recorded", "examined", "investigation_ordered", "evidence_admitted").get())) {
            for (var t : trials.list()) {
                var f = t.figures();
                csv.printRecord(t.court(), t.caseNumber(), f.raised(), f.recorded(), f.examined(), f.investigationOrdered(), f.evidenceAdmitted());
            }
            var all = trials.figures();
            csv.printRecord("", "", all.raised(), all.recorded(), all.examined(), all.investigationOrdered(), all.evidenceAdmitted());
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"court-allegations.csv\"").body(out.toString());
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/trials/new")
    String newTrial(Model model) {
        return trialForm(model, TrialForm.EMPTY, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/trials")
    String record(TrialForm form, Model model) {
        try {
            return "redirect:/trials/" + trials.record(form.draft()).id();
        } catch (InvalidInput invalid) {
            return trialForm(model, form, new FormErrors(null, invalid.violations()));
        }
    }

    /** Checks one field of the trial form as the user types or chooses (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/trials/check")
    String check(TrialForm form, @RequestParam(defaultValue = "") String field, Model model) {
        model.addAttribute("problem", trials.problems(form.draft()).stream()
                .filter(v -> v.field().equals(field) || v.field().startsWith(field + "/")).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    @SignedIn
    @GetMapping("/trials/{id}")
    String trial(@PathVariable long id, Model model) {
        model.addAttribute("trial", trials.get(id));
        model.addAttribute("errors", FormErrors.NONE);
        return "trials/trial";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/trials/{id}/hearings/new")
    String newHearing(@PathVariable long id, Model model) {
        return hearingForm(model, trials.get(id), HearingForm.EMPTY, Map.of(), FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/trials/{id}/hearings")
    String hearing(@PathVariable long id, HearingForm form, @RequestParam Map<String, String> all, Model model) {
        try {
            trials.addHearing(id, form.draft(all));
            return "redirect:/trials/" + id + "#hearings";
        } catch (InvalidInput invalid) {
            return hearingForm(model, trials.get(id), form, all, new FormErrors(null, invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/trials/{id}/hearings/{hearingId}/edit")
    String editHearing(@PathVariable long id, @PathVariable long hearingId, Model model) {
        var trial = trials.get(id);
        var h = trial.hearings().stream().filter(x -> x.id() == hearingId).findFirst().orElse(null);
        if (h == null || !trial.changeable()) throw new org.aigaq.platform.NoSuchRecord("trial_hearing", hearingId);
        var answers = new java.util.HashMap<String, String>();
        for (var c : h.checks()) {
            answers.put("check-" + c.item(), c.answer().name());
            if (c.note() != null) answers.put("check-note-" + c.item(), c.note());
        }
        model.addAttribute("hearingId", hearingId);
        return hearingForm(model, trial, new HearingForm(h.date(), h.observers(), h.publicAdmitted(), h.pressAdmitted(),
                h.recordingBanned(), h.seatsFilled(), h.interpreter(), h.note()), answers, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/trials/{id}/hearings/{hearingId}")
    String changeHearing(@PathVariable long id, @PathVariable long hearingId, HearingForm form,
                         @RequestParam Map<String, String> all, Model model) {
        try {
            trials.changeHearing(id, hearingId, form.draft(all));
            return "redirect:/trials/" + id + "#hearing-" + hearingId;
        } catch (InvalidInput invalid) {
            model.addAttribute("hearingId", hearingId);
            return hearingForm(model, trials.get(id), form, all, new FormErrors(null, invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/trials/{id}/allegations/{allegationId}/edit")
    String editAllegation(@PathVariable long id, @PathVariable long allegationId, Model model) {
        var trial = trials.get(id);
        var a = trial.allegations().stream().filter(x -> x.id() == allegationId).findFirst().orElse(null);
        if (a == null || !trial.changeable()) throw new org.aigaq.platform.NoSuchRecord("trial_allegation", allegationId);
        model.addAttribute("allegationId", allegationId);
        return allegationForm(model, trial, new AllegationForm(a.hearingId(), a.raisedBy(), a.defendantId(), a.form(),
                a.against(), a.recorded(), a.examined(), a.investigationOrdered(), a.evidence(), a.note()), FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/trials/{id}/allegations/{allegationId}")
    String changeAllegation(@PathVariable long id, @PathVariable long allegationId, AllegationForm form, Model model) {
        try {
            trials.changeAllegation(id, allegationId, form.draft());
            return "redirect:/trials/" + id + "#allegations";
        } catch (InvalidInput invalid) {
            model.addAttribute("allegationId", allegationId);
            return allegationForm(model, trials.get(id), form, new FormErrors(null, invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/trials/{id}/allegations/new")
    String newAllegation(@PathVariable long id, Model model) {
        return allegationForm(model, trials.get(id), AllegationForm.EMPTY, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/trials/{id}/allegations")
    String allegation(@PathVariable long id, AllegationForm form, Model model) {
        try {
            trials.addAllegation(id, form.draft());
            return "redirect:/trials/" + id + "#allegations";
        } catch (InvalidInput invalid) {
            return allegationForm(model, trials.get(id), form, new FormErrors(null, invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/trials/{id}/defendants/{defendant}/verdict")
    String verdict(@PathVariable long id, @PathVariable long defendant, @RequestParam(required = false) Trial.Verdict verdict,
                   @RequestParam(required = false) String sentence, @RequestParam(required = false) String appeal, Model model) {
        try {
            trials.setVerdict(id, defendant, new VerdictDraft(verdict, sentence, appeal));
            return "redirect:/trials/" + id + "#defendants";
        } catch (InvalidInput invalid) {
            model.addAttribute("trial", trials.get(id));
            model.addAttribute("errors", new FormErrors("verdict-" + defendant, invalid.violations()));
            return "trials/trial";
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private String trialForm(Model model, TrialForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("people", people.page(null, 200).people());
        model.addAttribute("coordinator", CurrentUser.require().has(Role.COORDINATOR));
        return "trials/form";
    }

    private String hearingForm(Model model, Trial trial, HearingForm form, Map<String, String> answers, FormErrors errors) {
        model.addAttribute("trial", trial);
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        return "trials/hearing-form";
    }

    private String allegationForm(Model model, Trial trial, AllegationForm form, FormErrors errors) {
        model.addAttribute("trial", trial);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "trials/allegation-form";
    }
}
