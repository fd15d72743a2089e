package org.aigaq.documentation.web;

import java.util.List;
import org.aigaq.documentation.PlaceChange;
import org.aigaq.documentation.PlaceHistory;
import org.aigaq.documentation.PlacePopulation;
import org.aigaq.documentation.Places;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry of places of detention: the list with its filters, a place's page (data, population, history, cases),
 * forms to add and correct a place, record a change in its history and a population figure, and publish it.
 */
@Controller
class PlaceController {

    private static final int PAGE = 50;

    private final Places places;
    private final PlaceHistory history;
    private final PlacePopulation population;

    PlaceController(Places places, PlaceHistory history, PlacePopulation population) {
        this.places = places;
        this.history = history;
        this.population = population;
    }

    /** The filters of the list as the page sends them. */
    record ListFilter(String q, String type, String region, String authority, String mandate, String status, Long after) {
        Places.Filter filter() {
            return new Places.Filter(q, type, region, authority,
                    "inside".equals(mandate) ? Boolean.TRUE : "outside".equals(mandate) ? Boolean.FALSE : null,
                    "open".equals(status) ? Boolean.TRUE : "closed".equals(status) ? Boolean.FALSE : null);
        }

        public String q() {
            return q == null ? "" : q;
        }
    }

    @SignedIn
    @GetMapping("/places")
    String list(@ModelAttribute("filter") ListFilter filter, Model model) {
        return listPage(filter, PlaceForms.PlaceForm.EMPTY, FieldErrors.NONE, model);
    }

    private String listPage(ListFilter filter, PlaceForms.PlaceForm entered, FieldErrors errors, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("q", filter.q());
        model.addAttribute("page", places.list(filter.filter(), filter.after(), PAGE));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "documentation/places";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places")
    String add(@ModelAttribute PlaceForms.PlaceForm form, Model model) {
        try {
            var place = places.add(form.draft());
            // Back to the list, showing the new place among those of its name (as before the registry had pages).
            return "redirect:/places?q=" + java.net.URLEncoder.encode(place.name(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInput invalid) {
            return listPage(new ListFilter(null, null, null, null, null, null, null), form,
                    new FieldErrors(invalid, "place"), model);
        }
    }

    /** Checks one field of the new place as the user types, by the rules of {@link #add}. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places/check")
    String check(@ModelAttribute PlaceForms.PlaceForm form, @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(places.problems(form.draft(), null), field, model);
    }

    @SignedIn
    @GetMapping("/places/{id}")
    String show(@PathVariable long id, Model model) {
        return page(id, PlaceForms.ChangeForm.EMPTY, PlaceForms.FigureForm.EMPTY, FieldErrors.NONE, model);
    }

    private String page(long id, PlaceForms.ChangeForm change, PlaceForms.FigureForm figure, FieldErrors errors,
                        Model model) {
        model.addAttribute("place", places.get(id));
        model.addAttribute("latest", population.latest(id));
        model.addAttribute("figures", population.of(id));
        model.addAttribute("history", history.of(id));
        model.addAttribute("cases", places.cases(id, 100));
        model.addAttribute("changes", PlaceChange.values());
        model.addAttribute("change", change);
        model.addAttribute("figure", figure);
        model.addAttribute("errors", errors);
        return "documentation/place";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/places/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var place = places.get(id);
        model.addAttribute("place", place);
        model.addAttribute("entered", PlaceForms.PlaceForm.of(place));
        model.addAttribute("errors", FieldErrors.NONE);
        return "documentation/place-form";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places/{id}")
    String change(@PathVariable long id, @ModelAttribute PlaceForms.PlaceForm form, Model model) {
        try {
            places.change(id, form.draft());
            return "redirect:/places/" + id;
        } catch (InvalidInput invalid) {
            model.addAttribute("place", places.get(id));
            model.addAttribute("entered", form);
            model.addAttribute("errors", new FieldErrors(invalid, "place"));
            return "documentation/place-form";
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places/{id}/check")
    String checkChange(@PathVariable long id, @ModelAttribute PlaceForms.PlaceForm form,
                       @RequestParam(defaultValue = "") String field, Model model) {
        places.get(id);
        return FieldCheck.answer(places.problems(form.draft(), id), field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places/{id}/history")
    String recordChange(@PathVariable long id, @ModelAttribute PlaceForms.ChangeForm form, Model model) {
        try {
            history.record(id, form.draft());
            return "redirect:/places/" + id + "#history";
        } catch (InvalidInput invalid) {
            return page(id, form, PlaceForms.FigureForm.EMPTY, new FieldErrors(invalid, "change"), model);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places/{id}/history/check")
    String checkHistory(@PathVariable long id, @ModelAttribute PlaceForms.ChangeForm form,
                        @RequestParam(defaultValue = "") String field, Model model) {
        List<InvalidInput.Violation> problems = BrokenRules.of(() -> {
            var draft = form.draft();
            var found = history.problems(id, draft);
            if (!found.isEmpty()) throw new InvalidInput(found);
        });
        return FieldCheck.answer(problems, field, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places/{id}/population")
    String recordFigure(@PathVariable long id, @ModelAttribute PlaceForms.FigureForm form, Model model) {
        try {
            population.record(id, form.draft());
            return "redirect:/places/" + id + "#population";
        } catch (InvalidInput invalid) {
            return page(id, PlaceForms.ChangeForm.EMPTY, form, new FieldErrors(invalid, "figure"), model);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places/{id}/population/check")
    String checkFigure(@PathVariable long id, @ModelAttribute PlaceForms.FigureForm form,
                       @RequestParam(defaultValue = "") String field, Model model) {
        List<InvalidInput.Violation> problems = BrokenRules.of(() -> {
            var found = population.problems(id, form.draft());
            if (!found.isEmpty()) throw new InvalidInput(found);
        });
        return FieldCheck.answer(problems, field, model);
    }

    @Allowed(Role.COORDINATOR)
    @PostMapping("/places/{id}/publication")
    String publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean published) {
        places.publish(id, published);
        return "redirect:/places/" + id;
    }
}
