package org.aigaq.documentation.exchange;

import java.util.List;
import org.aigaq.platform.vocabulary.TermProposals;

/**
 * A field of a dated population figure that a column of an imported file can give: the name of the field in the
 * figure's rules and in the API (so a problem is named by its column), and the column names it is known by.
 */
public enum PopulationField {
    PLACE_CODE("placeCode", "place_code", "code", "official code", "official_code", "place code", "код", "код учреждения",
            "код объекта", "мекеме коды", "коды"),
    PLACE_ID("placeId", "place_id", "place id", "id", "идентификатор", "id учреждения"),
    COUNTED_ON("countedOn", "counted_on", "date", "counted on", "дата", "на дату", "дата подсчёта", "дата подсчета", "күні", "күн"),
    POPULATION("population", "population", "detainees", "численность", "количество", "наполняемость", "содержится",
            "адам саны", "саны"),
    CAPACITY("capacity", "capacity", "лимит", "лимит наполнения", "вместимость", "сыйымдылығы", "лимиті"),
    SOURCE("source", "source", "источник", "дереккөз", "көзі");

    private final String field;
    private final List<String> names;

    PopulationField(String field, String... names) {
        this.field = field;
        this.names = List.of(names);
    }

    /** The field's name in the figure's rules and in the API, e.g. {@code countedOn}. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return "population.import.field." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The field a column of this name gives, or null. */
    static PopulationField named(String column) {
        String name = TermProposals.normalised(column).replace('_', ' ');
        for (PopulationField f : values()) {
            if (f.names.stream().anyMatch(n -> TermProposals.normalised(n).replace('_', ' ').equals(name))
                    || TermProposals.normalised(f.name()).replace('_', ' ').equals(name)) {
                return f;
            }
        }
        return null;
    }
}
