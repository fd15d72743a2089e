package org.aigaq.documentation;

/**
 * What a user enters for a place: the codes may be given in one form only (the other is derived); coordinates as
 * typed (decimal degrees) so that a wrong one is named like any other field; {@code inMandate} null means inside.
 */
public record PlaceDraft(String name, String officialCode, String officialCodeCyrillic, String locationType,
                         String penalRegime, String authority, String region, String town, String address,
                         String latitude, String longitude, Boolean inMandate) {

    /** A draft with the place's current values, to change some of them. */
    public static PlaceDraft of(Place place) {
        return new PlaceDraft(place.name(), place.officialCode(), place.officialCodeCyrillic(), place.locationType(),
                place.penalRegime(), place.authority(), place.region(), place.town(), place.address(),
                place.latitude() == null ? null : place.latitude().stripTrailingZeros().toPlainString(),
                place.longitude() == null ? null : place.longitude().stripTrailingZeros().toPlainString(), place.inMandate());
    }
}
