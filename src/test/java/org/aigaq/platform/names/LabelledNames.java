package org.aigaq.platform.names;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The labelled set of name forms (src/test/resources/names/labelled-names.csv, made by make-labelled-names.py beside
 * it): pairs of forms of the same person, and of different people with similar names, each with who it is.
 */
public record LabelledNames(List<Pair> pairs) {

    /** Two forms, the people they name, and whether that is one person. */
    public record Pair(boolean same, String firstPerson, String first, String secondPerson, String second, String relation) {}

    public static LabelledNames load() {
        try (var in = LabelledNames.class.getResourceAsStream("/names/labelled-names.csv");
             var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            return new LabelledNames(records.stream().map(r -> new Pair(r.get("label").equals("same"), r.get("first_person"),
                    r.get("first_name"), r.get("second_person"), r.get("second_name"), r.get("relation"))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Pair> same() {
        return pairs.stream().filter(Pair::same).toList();
    }

    public List<Pair> different() {
        return pairs.stream().filter(p -> !p.same()).toList();
    }
}
