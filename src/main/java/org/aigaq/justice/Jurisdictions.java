package org.aigaq.justice;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.InvalidInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The jurisdictions shipped as configuration data under {@code justice/} (jurisdictions, articles, deadlines and
 * safeguard thresholds as CSV), read once at start: another country is another set of rows, not code.
 */
@Component
public class Jurisdictions {

    /** The jurisdiction of a case recorded without one. */
    public static final String DEFAULT = "KZ";

    private final Map<String, Jurisdiction> byCode;

    public Jurisdictions() {
        this.byCode = load();
    }

    public List<Jurisdiction> all() {
        return List.copyOf(byCode.values());
    }

    /** The jurisdiction with this code; an unknown code is bad input in {@code field}. */
    public Jurisdiction get(String code, String field) {
        Jurisdiction j = byCode.get(code == null || code.isBlank() ? DEFAULT : code.strip().toUpperCase(java.util.Locale.ROOT));
        if (j == null) throw new InvalidInput(field, "justice.jurisdiction.unknown", code);
        return j;
    }

    /** Today in the default jurisdiction's zone: the day figures are taken when none is given. */
    public LocalDate today() {
        return LocalDate.now(get(DEFAULT).zone());
    }

    public Jurisdiction get(String code) {
        return get(code, "jurisdiction");
    }

    private static Map<String, Jurisdiction> load() {
        var articles = new LinkedHashMap<String, List<Article>>();
        for (CSVRecord r : read("articles.csv")) {
            articles.computeIfAbsent(r.get("jurisdiction"), k -> new ArrayList<>()).add(new Article(r.get("code_version"),
                    LocalDate.parse(r.get("in_force_from")), r.get("article"), r.get("part"), r.get("kind").equals("torture"),
                    r.get("minimum_months").isEmpty() ? null : Integer.valueOf(r.get("minimum_months")), r.get("successor"),
                    Map.of("en", r.get("title_en"), "ru", r.get("title_ru"), "kk", r.get("title_kk"))));
        }
        var deadlines = new LinkedHashMap<String, List<Deadline>>();
        for (CSVRecord r : read("deadlines.csv")) {
            deadlines.computeIfAbsent(r.get("jurisdiction"), k -> new ArrayList<>()).add(new Deadline(r.get("code"),
                    r.get("applies_to"), Integer.parseInt(r.get("days")), sources(r)));
        }
        var thresholds = new LinkedHashMap<String, Map<String, Threshold>>();
        for (CSVRecord r : read("safeguards.csv")) {
            thresholds.computeIfAbsent(r.get("jurisdiction"), k -> new LinkedHashMap<>()).put(r.get("rule"),
                    new Threshold(r.get("rule"), Duration.parse(r.get("threshold")), sources(r)));
        }
        var result = new LinkedHashMap<String, Jurisdiction>();
        for (CSVRecord r : read("jurisdictions.csv")) {
            String code = r.get("code");
            result.put(code, new Jurisdiction(code, ZoneId.of(r.get("zone")),
                    Map.of("en", r.get("name_en"), "ru", r.get("name_ru"), "kk", r.get("name_kk")),
                    List.copyOf(articles.getOrDefault(code, List.of())), List.copyOf(deadlines.getOrDefault(code, List.of())),
                    java.util.Collections.unmodifiableMap(thresholds.getOrDefault(code, new LinkedHashMap<>()))));
        }
        return result;
    }

    private static Map<String, String> sources(CSVRecord r) {
        return Map.of("en", r.get("source"), "ru", r.get("source_ru"), "kk", r.get("source_kk"));
    }

    /**
     * A number that changes with the shipped configuration (any of its files), so that what was computed with an
     * earlier catalogue or threshold can be told apart and computed again.
     */
    public int fingerprint() {
        var crc = new java.util.zip.CRC32();
        for (String name : List.of("jurisdictions.csv", "articles.csv", "deadlines.csv", "safeguards.csv")) {
            try (var in = new ClassPathResource("justice/" + name).getInputStream()) {
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("justice/" + name + " cannot be read", e);
            }
        }
        return (int) crc.getValue();
    }

    private static List<CSVRecord> read(String name) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true).get();
        try (Reader in = new InputStreamReader(new ClassPathResource("justice/" + name).getInputStream(), StandardCharsets.UTF_8)) {
            return format.parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("justice/" + name + " cannot be read", e);
        }
    }
}
