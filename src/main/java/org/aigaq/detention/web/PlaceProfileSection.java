package org.aigaq.detention.web;

import org.aigaq.detention.FacilityProfile;
import org.springframework.stereotype.Component;

/** For the place page (documentation's, which does not know about detention): the facility profile of the place. */
@Component("placeProfileSection")
public class PlaceProfileSection {

    private final FacilityProfile profiles;

    PlaceProfileSection(FacilityProfile profiles) {
        this.profiles = profiles;
    }

    public FacilityProfile.Profile of(long placeId) {
        return profiles.of(placeId);
    }
}
