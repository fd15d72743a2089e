package org.aigaq.documentation.web;

import org.aigaq.documentation.Places;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The registry of places of detention: find one by name or official code, add one. */
@Controller
class PlaceController {

    private final Places places;

    PlaceController(Places places) {
        this.places = places;
    }

    @SignedIn
    @GetMapping("/places")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("places", places.find(q, 200));
        model.addAttribute("errors", FieldErrors.NONE);
        return "documentation/places";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places")
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String officialCode,
               @RequestParam(defaultValue = "") String locationType, @RequestParam(defaultValue = "") String region,
               @RequestParam(defaultValue = "") String town, Model model) {
        try {
            places.add(name, officialCode, locationType, region, town);
            return "redirect:/places?q=" + java.net.URLEncoder.encode(name.strip(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInput invalid) {
            model.addAttribute("q", "");
            model.addAttribute("places", places.find("", 200));
            model.addAttribute("errors", new FieldErrors(invalid, "place"));
            model.addAttribute("entered", java.util.Map.of("name", name, "officialCode", officialCode, "region", region, "town", town));
            return "documentation/places";
        }
    }

    /** Checks one field of the new place as the user types, by the rules of {@link #add}. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/places/check")
    String check(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String officialCode,
                 @RequestParam(defaultValue = "") String locationType, @RequestParam(defaultValue = "") String region,
                 @RequestParam(defaultValue = "") String town, @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(places.problems(name, officialCode, locationType, region, town), field, model);
    }
}
