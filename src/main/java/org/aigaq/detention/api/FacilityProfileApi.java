package org.aigaq.detention.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aigaq.detention.FacilityProfile;
import org.aigaq.detention.WatchList;
import org.aigaq.platform.security.SignedIn;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A place's facility profile and the watch list, as JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Places")
class FacilityProfileApi {

    private final FacilityProfile profiles;
    private final WatchList watchList;

    FacilityProfileApi(FacilityProfile profiles, WatchList watchList) {
        this.profiles = profiles;
        this.watchList = watchList;
    }

    @Operation(summary = "A place's profile: by year the allegations, deaths, self-harm (incidents and people), safeguard "
            + "violations, the organisation's visits, obstructions and refusals, the population counted and the rates per "
            + "10,000; the latest visits and the recommendations still open (for readers of the organisation's monitoring)")
    @SignedIn
    @GetMapping("/places/{id}/profile")
    FacilityProfile.Profile profile(@PathVariable long id) {
        return profiles.of(id);
    }

    @Operation(summary = "Places ranked by score: over the last aigaq.watch-list.years calendar years, each count times "
            + "its weight (aigaq.watch-list.weights.*), added; the weights and the period are in the answer")
    @SignedIn
    @GetMapping("/watch-list")
    WatchList.Ranking watchList(@RequestParam(defaultValue = "100") int size) {
        return watchList.ranking(Math.max(1, Math.min(size, 1000)));
    }
}
