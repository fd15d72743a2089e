package org.aigaq.detention.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aigaq.detention.CustodyFigures;
import org.aigaq.detention.DeathInCustody;
import org.aigaq.detention.DeathsInCustody;
import org.aigaq.detention.SelfHarmDraft;
import org.aigaq.detention.SelfHarmIncidents;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
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

/** The pages of the register of deaths and self-harm in custody: lists, forms, a death's page, and the figures. */
@Controller
class DeathsController {

    private final DeathsInCustody deaths;
    private final SelfHarmIncidents selfHarm;
    private final CustodyFigures figures;
    private final People people;
    private final Places places;

    DeathsController(DeathsInCustody deaths, SelfHarmIncidents selfHarm, CustodyFigures figures, People people, Places places) {
        this.deaths = deaths;
        this.selfHarm = selfHarm;
        this.figures = figures;
        this.people = people;
        this.places = places;
    }

    @SignedIn
    @GetMapping("/deaths")
    String list(@RequestParam(required = false) String cause, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String facilityType, @RequestParam(required = false) Long placeId,
                @RequestParam(defaultValue = "false") boolean ours, @RequestParam(required = false) Long after, Model model) {
        List<Long> placeIds = facilityType == null || facilityType.isBlank() ? null : figures.placesOfType(facilityType, ours);
        var page = deaths.list(new DeathsInCustody.Filter(cause, year, placeId, placeIds, ours), after, 50);
        model.addAttribute("ours", ours);
        model.addAttribute("page", page);
        model.addAttribute("cause", cause);
        model.addAttribute("year", year);
        model.addAttribute("facilityType", facilityType);
        model.addAttribute("placeId", placeId);
        model.addAttribute("placeNames", placeNames(page.deaths().stream().map(DeathsInCustody.Line::placeId).toList()));
        return "detention/deaths";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @GetMapping("/deaths/new")
    String newDeath(Model model) {
        return form(model, DeathForm.EMPTY, null, RegisterErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths")
    String record(DeathForm form, Model model) {
        try {
            return "redirect:/deaths/" + deaths.record(form.draft(List.of())).id();
        } catch (InvalidInput invalid) {
            return form(model, form, null, new RegisterErrors("death", invalid.violations()));
        }
    }

    /** Checks one field of the death form as the user types or chooses (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths/check")
    String check(DeathForm form, @RequestParam(defaultValue = "") String field, Model model) {
        return answer(deaths.problems(form.draft(List.of())), field, model);
    }

    /** Checks one field of the self-harm form as the user types or chooses (htmx), by the rules of the save. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/self-harm/check")
    String checkSelfHarm(SelfHarmForm form, @RequestParam(defaultValue = "") String field, Model model) {
        return answer(selfHarm.problems(form.draft()), field, model);
    }

    private static String answer(List<InvalidInput.Violation> problems, String field, Model model) {
        model.addAttribute("problem", problems.stream().filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    @SignedIn
    @GetMapping("/deaths/{id}")
    String death(@PathVariable long id, Model model) {
        var death = deaths.get(id);
        model.addAttribute("death", death);
        model.addAttribute("proposed", death.changeable() && death.person() != null
                ? deaths.proposedLinks(death.person().id(), death.linkedEvents().stream().map(DeathInCustody.LinkedEvent::id).toList())
                : List.of());
        return "detention/death";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @GetMapping("/deaths/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var death = deaths.get(id);
        if (!death.changeable()) throw new org.aigaq.platform.NoSuchRecord("death_in_custody", id);
        return form(model, DeathForm.of(death), id, RegisterErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths/{id}")
    String change(@PathVariable long id, DeathForm form, Model model) {
        var linked = deaths.get(id).linkedEvents().stream().map(DeathInCustody.LinkedEvent::id).toList();
        try {
            deaths.change(id, form.draft(linked));
            return "redirect:/deaths/" + id;
        } catch (InvalidInput invalid) {
            return form(model, form, id, new RegisterErrors("death", invalid.violations()));
        }
    }

    /** Links the death to the earlier events ticked among those proposed (or unlinks one). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths/{id}/links")
    String link(@PathVariable long id, @RequestParam(required = false) List<Long> eventIds,
                @RequestParam(required = false) Long unlink) {
        var death = deaths.get(id);
        var linked = new java.util.ArrayList<>(death.linkedEvents().stream().map(DeathInCustody.LinkedEvent::id).toList());
        if (eventIds != null) linked.addAll(eventIds);
        if (unlink != null) linked.remove(unlink);
        deaths.change(id, DeathForm.of(death).draft(linked));
        return "redirect:/deaths/" + id;
    }

    @SignedIn
    @GetMapping("/self-harm")
    String selfHarm(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) Long placeId, @RequestParam(defaultValue = "false") boolean ours,
                    @RequestParam(required = false) Long after, Model model) {
        return selfHarmPage(model, kind, year, placeId, ours, after, null, RegisterErrors.NONE);
    }

    /** The self-harm form as the browser sends it. */
    record SelfHarmForm(Long placeId, Long personId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate date,
                        DatePrecision precision, String kind, Boolean groupProtest, Integer people, String reason,
                        String response, Sharing sharing) {
        static final SelfHarmForm EMPTY = new SelfHarmForm(null, null, null, DatePrecision.EXACT, null, false, null, null,
                null, Sharing.ORGANISATION);

        /** The form filled in with every field of the incident, to correct it. */
        static SelfHarmForm of(org.aigaq.detention.SelfHarmIncident s) {
            return new SelfHarmForm(s.placeId(), s.personId(), s.date().date(),
                    s.date().date() == null ? DatePrecision.EXACT : s.date().precision(), s.kind(), s.groupProtest(),
                    s.people(), s.reason(), s.response(), s.sharing());
        }

        SelfHarmDraft draft() {
            return new SelfHarmDraft(placeId, personId,
                    new FuzzyDate(date, date == null ? DatePrecision.UNKNOWN : precision == null ? DatePrecision.EXACT : precision),
                    kind, groupProtest, people, reason, response, sharing);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/self-harm")
    String recordSelfHarm(SelfHarmForm form, Model model) {
        try {
            selfHarm.record(form.draft());
            return "redirect:/self-harm";
        } catch (InvalidInput invalid) {
            return selfHarmPage(model, null, null, null, false, null, form, new RegisterErrors("selfHarm", invalid.violations()));
        }
    }

    /** The form to correct an incident, filled in with every field; another organisation's incident is not found. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @GetMapping("/self-harm/{id}/edit")
    String editSelfHarm(@PathVariable long id, Model model) {
        var incident = selfHarm.get(id);
        if (!incident.changeable()) throw new org.aigaq.platform.NoSuchRecord("self_harm_incident", id);
        return selfHarmForm(model, id, SelfHarmForm.of(incident), RegisterErrors.NONE);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/self-harm/{id}")
    String changeSelfHarm(@PathVariable long id, SelfHarmForm form, Model model) {
        try {
            selfHarm.change(id, form.draft());
            return "redirect:/self-harm";
        } catch (InvalidInput invalid) {
            return selfHarmForm(model, id, form, new RegisterErrors("selfHarm", invalid.violations()));
        }
    }

    /** One table of the figures page: what it counts, the list its lines are terms of, and the list its counts open. */
    record FigurePart(String id, CustodyFigures.Table table, String list, String parameter, String path) {}

    @SignedIn
    @GetMapping("/deaths/figures")
    String figures(@RequestParam(defaultValue = "false") boolean ours, Model model) {
        var all = figures.figures(ours);
        model.addAttribute("ours", ours);
        model.addAttribute("rates", all.deathRates());
        // The rates follow the deaths by facility type (the page puts them after the part of that id).
        model.addAttribute("parts", List.of(
                new FigurePart("deaths-by-cause", all.deathsByCause(), "death-cause", "cause", "/deaths"),
                new FigurePart("deaths-by-facility-type", all.deathsByFacilityType(), "location-type", "facilityType", "/deaths"),
                new FigurePart("self-harm-by-kind", all.selfHarmByKind(), "self-harm-kind", "kind", "/self-harm"),
                new FigurePart("self-harm-people-by-kind", all.selfHarmPeopleByKind(), "self-harm-kind", "kind", "/self-harm")));
        return "detention/custody-figures";
    }

    @SignedIn
    @GetMapping("/deaths/figures.csv")
    ResponseEntity<String> figuresCsv(@RequestParam(defaultValue = "false") boolean ours) throws java.io.IOException {
        var all = figures.figures(ours);
        var out = new StringBuilder();
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("figure", "key", "year", "count",
                "deaths_in_rate", "population", "places_in_rate", "places_left_out", "per_10000").get())) {
            print(csv, "deaths-by-cause", all.deathsByCause());
            print(csv, "deaths-by-facility-type", all.deathsByFacilityType());
            for (var rate : all.deathRates().byFacilityType()) print(csv, "deaths-per-10000-by-facility-type", rate);
            for (var rate : all.deathRates().byYear()) print(csv, "deaths-per-10000-by-year", rate);
            print(csv, "self-harm-incidents-by-kind", all.selfHarmByKind());
            print(csv, "self-harm-people-by-kind", all.selfHarmPeopleByKind());
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"custody-figures.csv\"").body(out.toString());
    }

    private static void print(CSVPrinter csv, String figure, CustodyFigures.Rate rate) throws java.io.IOException {
        csv.printRecord(figure, rate.facilityType() == null ? "all" : rate.facilityType(), rate.year(), rate.deaths(),
                rate.deathsCounted(), rate.population(), rate.placesCounted(), rate.placesLeftOut(),
                rate.per10000() == null ? "" : rate.per10000().toPlainString());
    }

    private static void print(CSVPrinter csv, String figure, CustodyFigures.Table table) throws java.io.IOException {
        for (var line : table.lines()) {
            for (int year : table.years()) {
                if (line.in(year) > 0) csv.printRecord(figure, line.key(), year, line.in(year));
            }
        }
    }

    private String selfHarmPage(Model model, String kind, Integer year, Long placeId, boolean ours, Long after,
                                SelfHarmForm entered, RegisterErrors errors) {
        var page = selfHarm.list(new SelfHarmIncidents.Filter(kind, year, placeId, ours), after, 50);
        model.addAttribute("ours", ours);
        model.addAttribute("page", page);
        model.addAttribute("kind", kind);
        model.addAttribute("year", year);
        model.addAttribute("entered", entered == null ? SelfHarmForm.EMPTY : entered);
        selfHarmChoices(model, errors);
        return "detention/self-harm";
    }

    private void selfHarmChoices(Model model, RegisterErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("places", places.find("", 500));
        var user = CurrentUser.require();
        boolean recorder = user.has(Role.COORDINATOR) || user.has(Role.DOCUMENTER) || user.has(Role.MONITOR);
        // The organisation's own people, shown as the user may see them, for a recorder's form only.
        model.addAttribute("people", recorder ? people.page(null, 200).people() : List.of());
        model.addAttribute("coordinator", user.has(Role.COORDINATOR));
    }

    private String selfHarmForm(Model model, long id, SelfHarmForm form, RegisterErrors errors) {
        model.addAttribute("id", id);
        model.addAttribute("reference", "S-" + id);
        model.addAttribute("entered", form);
        selfHarmChoices(model, errors);
        return "detention/self-harm-form";
    }

    private String form(Model model, DeathForm form, Long id, RegisterErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("places", places.find("", 500));
        // The organisation's own people, shown as the user may see them (case workers: names), newest first.
        model.addAttribute("people", people.page(null, 200).people());
        model.addAttribute("coordinator", CurrentUser.require().has(Role.COORDINATOR));
        return "detention/death-form";
    }

    private java.util.Map<Long, String> placeNames(List<Long> ids) {
        var names = new java.util.HashMap<Long, String>();
        for (Long id : ids) names.computeIfAbsent(id, p -> places.get(p).name());
        return names;
    }
}
