package org.aigaq.documentation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.PlaceChange;
import org.aigaq.documentation.PlaceDraft;
import org.aigaq.documentation.PlaceHistory;
import org.aigaq.documentation.PlacePopulation;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;

/** The place forms as the browser sends them (text), turned into the services' drafts; a malformed value names its field. */
final class PlaceForms {

    private PlaceForms() {}

    /** A place as entered: every field text; {@code inMandate} "true" or "false". */
    record PlaceForm(String name, String officialCode, String officialCodeCyrillic, String locationType,
                     String penalRegime, String authority, String region, String town, String address, String latitude,
                     String longitude, String inMandate) {
        PlaceDraft draft() {
            return new PlaceDraft(name, officialCode, officialCodeCyrillic, locationType, penalRegime, authority, region,
                    town, address, latitude, longitude, !"false".equals(inMandate));
        }

        static PlaceForm of(Place p) {
            var d = PlaceDraft.of(p);
            return new PlaceForm(d.name(), d.officialCode(), d.officialCodeCyrillic(), d.locationType(), d.penalRegime(),
                    d.authority(), d.region(), d.town(), d.address(), d.latitude(), d.longitude(),
                    String.valueOf(p.inMandate()));
        }

        static final PlaceForm EMPTY = new PlaceForm("", "", "", "", "", "", "", "", "", "", "", "true");
    }

    /** A change of the place's history as entered. */
    record ChangeForm(String change, String occurredOn, String name, String authority, String officialCode,
                      String officialCodeCyrillic, String note) {
        static final ChangeForm EMPTY = new ChangeForm("", "", "", "", "", "", "");

        /** The draft; @throws InvalidInput naming the malformed fields */
        PlaceHistory.Draft draft() {
            var rules = new BrokenRules();
            PlaceChange kind = rules.value(() -> {
                if (change == null || change.isBlank()) return null;
                try {
                    return PlaceChange.valueOf(change);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("change", "validation.invalid");
                }
            });
            LocalDate on = rules.value(() -> date(occurredOn, "occurredOn"));
            rules.throwIfAny();
            return new PlaceHistory.Draft(kind, on, name, authority, officialCode, officialCodeCyrillic, note);
        }
    }

    /** A population figure as entered. */
    record FigureForm(String countedOn, String capacity, String population, String source) {
        static final FigureForm EMPTY = new FigureForm("", "", "", "");

        PlacePopulation.Draft draft() {
            var rules = new BrokenRules();
            LocalDate on = rules.value(() -> date(countedOn, "countedOn"));
            Integer places = rules.value(() -> number(capacity, "capacity"));
            Integer people = rules.value(() -> number(population, "population"));
            rules.throwIfAny();
            return new PlacePopulation.Draft(on, places, people, source);
        }
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "documentation.place.date");
        }
    }

    static Integer number(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.strip().replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "documentation.place.whole-number");
        }
    }
}
