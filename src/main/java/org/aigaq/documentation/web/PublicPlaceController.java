package org.aigaq.documentation.web;

import org.aigaq.documentation.PlacePopulation;
import org.aigaq.documentation.Places;
import org.aigaq.platform.security.Public;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public page of a place the coalition publishes: registry data only, nothing about people or cases. */
@Controller
class PublicPlaceController {

    private final Places places;
    private final PlacePopulation population;

    PublicPlaceController(Places places, PlacePopulation population) {
        this.places = places;
        this.population = population;
    }

    @Public
    @GetMapping("/public/places/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("place", places.getPublished(id));
        model.addAttribute("latest", population.latest(id));
        return "documentation/public-place";
    }
}
