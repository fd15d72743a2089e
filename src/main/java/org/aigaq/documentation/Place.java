package org.aigaq.documentation;

/** A place of detention in the registry (the full registry comes with detention monitoring). */
public record Place(long id, String name, String officialCode, String locationType, String region, String town) {
}
