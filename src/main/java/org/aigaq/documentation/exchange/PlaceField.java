package org.aigaq.documentation.exchange;

import java.util.List;
import org.aigaq.platform.vocabulary.TermProposals;

/**
 * A field of the registry of places that a column of an imported file can give: the name of the field in the place's
 * rules (so a problem is named by its column), the vocabulary of its values if any, and the column names it is known by.
 */
public enum PlaceField {
    NAME("name", null, "name", "название", "наименование", "атауы", "атау"),
    OFFICIAL_CODE("officialCode", null, "official_code", "code", "official code", "код", "official code latin", "code latin"),
    OFFICIAL_CODE_CYRILLIC("officialCodeCyrillic", null, "official_code_cyrillic", "code cyrillic", "код кириллицей",
            "код (кириллица)", "кириллица"),
    LOCATION_TYPE("locationType", "location-type", "type", "location_type", "type of place", "тип", "тип учреждения", "вид учреждения", "түрі"),
    PENAL_REGIME("penalRegime", "penal-regime", "regime", "penal_regime", "режим", "вид безопасности", "режимі"),
    AUTHORITY("authority", "authority", "authority", "ministry", "ведомство", "подчинение", "ведомство подчинения", "ведомствосы"),
    REGION("region", "region", "region", "oblast", "регион", "область", "облыс", "өңір"),
    TOWN("town", null, "town", "city", "город", "населённый пункт", "населенный пункт", "қала", "елді мекен"),
    ADDRESS("address", null, "address", "адрес", "мекенжай"),
    LATITUDE("latitude", null, "latitude", "lat", "широта", "ендік"),
    LONGITUDE("longitude", null, "longitude", "lon", "lng", "долгота", "бойлық"),
    IN_MANDATE("inMandate", null, "in_mandate", "npm mandate", "mandate", "мандат нпм", "мандат", "ұато мандаты");

    private final String field;
    private final String vocabulary;
    private final List<String> names;

    PlaceField(String field, String vocabulary, String... names) {
        this.field = field;
        this.vocabulary = vocabulary;
        this.names = List.of(names);
    }

    /** The field's name in the place's rules and in the API, e.g. {@code officialCode}. */
    public String field() {
        return field;
    }

    /** The list its values are terms of, or null for free values. */
    public String vocabulary() {
        return vocabulary;
    }

    public String messageKey() {
        return "places.import.field." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The field a column of this name gives, or null. */
    static PlaceField named(String column) {
        String name = TermProposals.normalised(column).replace('_', ' ');
        for (PlaceField f : values()) {
            if (f.names.stream().anyMatch(n -> TermProposals.normalised(n).replace('_', ' ').equals(name))
                    || TermProposals.normalised(f.field).equals(name)
                    || TermProposals.normalised(f.name()).replace('_', ' ').equals(name)) {
                return f;
            }
        }
        return null;
    }
}
