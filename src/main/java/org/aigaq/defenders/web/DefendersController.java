package org.aigaq.defenders.web;

import org.aigaq.platform.FormErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.aigaq.defenders.DefenderIncident;
import org.aigaq.defenders.DefenderIncidents;
import org.aigaq.defenders.IncidentDraft;
import org.aigaq.defenders.ThreatFigures;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
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

/** The pages of threats to defenders: the list with its filters, the form, an incident's page and the figures. */
@Controller
class DefendersController {

    private final DefenderIncidents incidents;
    private final ThreatFigures figures;
    private final People people;

    DefendersController(DefenderIncidents incidents, ThreatFigures figures, People people) {
        this.incidents = incidents;
        this.figures = figures;
        this.people = people;
    }

    /** The incident form as the browser sends it. */
    record IncidentForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, DatePrecision precision, String city,
                        String region, Long personId, String groupDescription, String targetGroup, List<String> threatTypes,
                        Boolean perpetratorIdentified, DefenderIncident.PerpetratorKind perpetratorKind,
                        String perpetratorDescription, Long linkedEventId, Boolean unCooperation, String workDescription,
                        Boolean complaintFiled, Boolean investigationOpened, Boolean protectionMeasures, String response,
                        String responseOutcome, Sharing sharing) {

        static final IncidentForm EMPTY = new IncidentForm(null, DatePrecision.EXACT, null, null, null, null, null, List.of(),
                false, DefenderIncident.PerpetratorKind.UNKNOWN, null, null, false, null, false, false, false, null, null,
                Sharing.ORGANISATION);

        IncidentDraft draft() {
            return new IncidentDraft(new FuzzyDate(date, date == null ? DatePrecision.UNKNOWN : precision == null ? DatePrecision.EXACT : precision),
                    city, region, personId, groupDescription, targetGroup, threatTypes, perpetratorIdentified, perpetratorKind,
                    perpetratorDescription, linkedEventId, unCooperation, workDescription, complaintFiled, investigationOpened,
                    protectionMeasures, response, responseOutcome, sharing);
        }

        static IncidentForm of(DefenderIncident i) {
            return new IncidentForm(i.date().date(), i.date().precision(), i.city(), i.region(), i.personId(),
                    i.groupDescription(), i.targetGroup(), i.threatTypes(), i.perpetratorIdentified(), i.perpetratorKind(),
                    i.perpetratorDescription(), i.linkedEventId(), i.unCooperation(), i.workDescription(), i.complaintFiled(),
                    i.investigationOpened(), i.protectionMeasures(), i.response(), i.responseOutcome(), i.sharing());
        }

        public List<String> threats() {
            return threatTypes == null ? List.of() : threatTypes;
        }
    }

    @SignedIn
    @GetMapping("/defenders")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String threatType, @RequestParam(required = false) String targetGroup,
                @RequestParam(required = false) String region, @RequestParam(required = false) Boolean reprisal,
                @RequestParam(defaultValue = "false") boolean ours, @RequestParam(required = false) Long after, Model model) {
        var filter = new DefenderIncidents.Filter(from, to, threatType, targetGroup, region, reprisal, ours);
        model.addAttribute("filter", filter);
        model.addAttribute("page", incidents.list(filter, after, 50));
        return "defenders/list";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/defenders/new")
    String newIncident(Model model) {
        return form(model, IncidentForm.EMPTY, null, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/defenders")
    String record(IncidentForm form, Model model) {
        try {
            return "redirect:/defenders/" + incidents.record(form.draft()).id();
        } catch (InvalidInput invalid) {
            return form(model, form, null, new FormErrors("incident", invalid.violations()));
        }
    }

    /** Checks one field of the form as the user types or chooses (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/defenders/check")
    String check(IncidentForm form, @RequestParam(defaultValue = "") String field, Model model) {
        model.addAttribute("problem", incidents.problems(form.draft()).stream()
                .filter(v -> v.field().equals(field) || v.field().startsWith(field + "/")).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    @SignedIn
    @GetMapping("/defenders/{id}")
    String incident(@PathVariable long id, Model model) {
        model.addAttribute("incident", incidents.get(id));
        return "defenders/incident";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/defenders/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var incident = incidents.get(id);
        if (!incident.changeable()) throw new NoSuchRecord("defender_incident", id);
        return form(model, IncidentForm.of(incident), id, FormErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/defenders/{id}")
    String change(@PathVariable long id, IncidentForm form, Model model) {
        try {
            incidents.change(id, form.draft());
            return "redirect:/defenders/" + id;
        } catch (InvalidInput invalid) {
            return form(model, form, id, new FormErrors("incident", invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/defenders/figures")
    String figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(defaultValue = "false") boolean ours, Model model) {
        var period = period(from, to);
        model.addAttribute("ours", ours);
        model.addAttribute("figures", figures.figures(period.from(), period.to(), ours));
        return "defenders/figures";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/defenders/figures.csv")
    ResponseEntity<String> figuresCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(defaultValue = "false") boolean ours) throws IOException {
        var period = period(from, to);
        var all = figures.figures(period.from(), period.to(), ours);
        var out = new StringBuilder();
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("figure", "key", "period_from", "period_to", "count", "previous_from", "previous_to", "previous", "change").get())) {
            print(csv, "headline", all.headline(), all);
            print(csv, "by-region", all.byRegion(), all);
            print(csv, "by-target-group", all.byTargetGroup(), all);
            print(csv, "by-threat-type", all.byThreatType(), all);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"defender-threat-figures.csv\"").body(out.toString());
    }

    private static void print(CSVPrinter csv, String figure, List<ThreatFigures.Figure> lines, ThreatFigures.Figures all) throws IOException {
        for (var f : lines) {
            csv.printRecord(figure, f.key(), all.period().from(), all.period().to(), f.current(), all.previousPeriod().from(),
                    all.previousPeriod().to(), f.previous(), f.change());
        }
    }

    /** Without dates, the last twelve whole months. */
    private static ThreatFigures.Period period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            var firstOfMonth = LocalDate.now().withDayOfMonth(1);
            return new ThreatFigures.Period(firstOfMonth.minusMonths(12), firstOfMonth.minusDays(1));
        }
        return new ThreatFigures.Period(from, to);
    }

    private String form(Model model, IncidentForm form, Long id, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        // The organisation's own people, shown as the user may see them (case workers: names), newest first.
        model.addAttribute("people", people.page(null, 200).people());
        model.addAttribute("coordinator", CurrentUser.require().has(Role.COORDINATOR));
        return "defenders/form";
    }
}
