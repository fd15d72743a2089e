package org.aigaq.documentation.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * What search results can be filtered and counted by. Each value is stored in {@code event_search.facets} as
 * {@code code:value}; {@code parameter} is its name in the URL and the API, {@code vocabulary} the list that labels it.
 */
public enum Facet {
    REGION("rg", "region", null),
    PLACE("pl", "place", null),
    PLACE_TYPE("pt", "placeType", "location-type"),
    AGENCY("ag", "agency", "agency"),
    UNIT("un", "unit", null),
    ACT_TYPE("at", "actType", "act-type"),
    METHOD("me", "method", "method"),
    YEAR("yr", "year", null),
    VIOLATION_STATUS("vs", "violationStatus", "violation-status"),
    MONITORING_STATUS("ms", "monitoringStatus", "monitoring-status"),
    ORGANISATION("or", "organisation", null),
    SHARING("sh", "sharing", null);

    private final String code;
    private final String parameter;
    private final String vocabulary;

    Facet(String code, String parameter, String vocabulary) {
        this.code = code;
        this.parameter = parameter;
        this.vocabulary = vocabulary;
    }

    public String parameter() {
        return parameter;
    }

    public String messageKey() {
        return "search.facet." + parameter;
    }

    String vocabulary() {
        return vocabulary;
    }

    /** The value as stored in the search row. */
    String stored(String value) {
        return code + ":" + value;
    }

    /** The facet of a stored value, if any. */
    static Optional<Facet> ofStored(String stored) {
        return Arrays.stream(values()).filter(f -> stored.startsWith(f.code + ":")).findFirst();
    }

    /** The value of a stored value of this facet. */
    String value(String stored) {
        return stored.substring(code.length() + 1);
    }

    /** Place, organisation and year values are numbers; a value that is not cannot match and is refused. */
    boolean numeric() {
        return this == PLACE || this == ORGANISATION || this == YEAR;
    }
}
