package org.aigaq.documentation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.PlaceDraft;
import org.aigaq.documentation.PlaceHistory;
import org.aigaq.documentation.PlacePopulation;
import org.aigaq.documentation.Places;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry of places of deprivation of liberty over the API: list, read, add, correct, history, population. */
@Tag(name = "Places")
@RestController
@RequestMapping("/api/v1/places")
class PlacesApi {

    /** A place as sent: either form of the code may be left out (it is derived); coordinates in decimal degrees. */
    record NewPlace(String name, String officialCode, String officialCodeCyrillic, String locationType,
                    String penalRegime, String authority, String region, String town, String address,
                    BigDecimal latitude, BigDecimal longitude, Boolean inMandate) {
        PlaceDraft draft() {
            return new PlaceDraft(name, officialCode, officialCodeCyrillic, locationType, penalRegime, authority, region,
                    town, address, latitude == null ? null : latitude.toPlainString(),
                    longitude == null ? null : longitude.toPlainString(), inMandate);
        }
    }

    /** A place with its latest capacity and population. */
    record PlaceFile(Place place, PlacePopulation.Latest latest) {}

    record Publication(boolean published) {}

    private final Places places;
    private final PlaceHistory history;
    private final PlacePopulation population;

    PlacesApi(Places places, PlaceHistory history, PlacePopulation population) {
        this.places = places;
        this.history = history;
        this.population = population;
    }

    @Operation(summary = "The registry by name, filtered; text finds a part of the name in either script or the start of "
            + "the official code in either form; pass nextAfter as after for the next page")
    @SignedIn
    @GetMapping
    Places.Page list(@RequestParam(required = false) String text, @RequestParam(required = false) String locationType,
                     @RequestParam(required = false) String region, @RequestParam(required = false) String authority,
                     @RequestParam(required = false) Boolean inMandate, @RequestParam(required = false) Boolean open,
                     @RequestParam(required = false) Long after,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return places.list(new Places.Filter(text, locationType, region, authority, inMandate, open), after, size);
    }

    @Operation(summary = "A place with its latest capacity and population")
    @SignedIn
    @GetMapping("/{id}")
    PlaceFile get(@PathVariable long id) {
        return new PlaceFile(places.get(id), population.latest(id));
    }

    @Operation(summary = "Add a place; the other form of the official code is derived when only one is given")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping
    ResponseEntity<Place> add(@RequestBody NewPlace place) {
        var added = places.add(place.draft());
        return ResponseEntity.created(URI.create("/api/v1/places/" + added.id())).body(added);
    }

    @Operation(summary = "Correct a place of the registry (every field); the cases recorded there are found under its new "
            + "values at once. A renaming or a transfer in the world is recorded in the history instead")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}")
    Place change(@PathVariable long id, @RequestBody NewPlace place) {
        return places.change(id, place.draft());
    }

    @Operation(summary = "Publish a place on its public page /public/places/{id}, or withdraw it (coordinators)")
    @Allowed(Role.COORDINATOR)
    @PutMapping("/{id}/publication")
    Place publish(@PathVariable long id, @RequestBody Publication publication) {
        return places.publish(id, publication.published());
    }

    @Operation(summary = "The place's history, latest first")
    @SignedIn
    @GetMapping("/{id}/history")
    List<PlaceHistory.Entry> history(@PathVariable long id) {
        return history.of(id);
    }

    @Operation(summary = "Record a change: RENAMED (name), TRANSFERRED (authority), CODE_CHANGED (officialCode and/or "
            + "officialCodeCyrillic), CLOSED, REOPENED; it becomes the place's current value, the earlier one is kept")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/{id}/history")
    ResponseEntity<PlaceHistory.Entry> recordChange(@PathVariable long id, @RequestBody PlaceHistory.Draft draft) {
        return ResponseEntity.status(201).body(history.record(id, draft));
    }

    @Operation(summary = "The place's capacity and population figures, latest first")
    @SignedIn
    @GetMapping("/{id}/population")
    List<PlacePopulation.Figure> population(@PathVariable long id) {
        return population.of(id);
    }

    @Operation(summary = "Record a dated figure of capacity and/or population with its source")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/{id}/population")
    ResponseEntity<PlacePopulation.Figure> recordFigure(@PathVariable long id, @RequestBody PlacePopulation.Draft draft) {
        return ResponseEntity.status(201).body(population.record(id, draft));
    }

    @Operation(summary = "The cases recorded at the place that the caller may read, newest first, with the place's name then")
    @SignedIn
    @GetMapping("/{id}/cases")
    List<Places.CaseThere> cases(@PathVariable long id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return places.cases(id, size);
    }
}
