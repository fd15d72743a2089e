package org.aigaq.documentation.publication;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aigaq.documentation.DatePrecision;

/**
 * The k-anonymity of the published dataset, with no database and no Spring, so that it can be proven on crafted rows.
 * The quasi-identifiers are the period, the place (place, town, region), sex, age band and citizenship; a group is the
 * rows sharing all of them, and its size is the number of distinct victims in it (one victim's several acts do not
 * make a crowd). Rows in groups smaller than k are generalised one step at a time, in {@link Step} order, and rows
 * still in groups smaller than k at the end are left out.
 */
public final class Anonymisation {

    private Anonymisation() {
    }

    /** One act of a public case as read, before anything is removed; the act and victim ids never leave this class. */
    public record SourceRow(long actId, long victimId, LocalDate date, DatePrecision precision, String actType,
                            List<String> methods, String agencies, String perpetratorTypes, String placeType,
                            String place, String town, String region, String sex, Integer age, String citizenship,
                            String detentionType, String medicalAttention, String status) {
    }

    /** One published row: a pseudonymous id, no names, no record numbers, no free text. */
    public record PublishedRow(String rowId, String period, String actType, String methods, String agencies,
                               String perpetratorTypes, String placeType, String place, String town, String region,
                               String sex, String ageBand, String citizenship, String detentionType,
                               String medicalAttention, String status) {
    }

    /** The generalisations, in the order they are tried on rows whose group is still smaller than k. */
    public enum Step { PLACE_TO_TOWN, TOWN_TO_REGION, MONTH_TO_YEAR, AGE_WIDER, CITIZENSHIP_REMOVED, REGION_REMOVED }

    /**
     * What an anonymisation did: rows kept unchanged, rows left out, and per field how many kept rows lost detail.
     * {@code coarsened} is keyed by field name: place, town, region, period, ageBand, citizenship.
     */
    public record Report(int k, int source, int unchanged, int suppressed, Map<String, Integer> coarsened) {
        public int published() {
            return source - suppressed;
        }
    }

    /** The rows to publish, sorted by their pseudonymous id, and the report of what was changed. */
    public record Result(List<PublishedRow> rows, Report report) {
    }

    /** The fields whose coarsening the report counts, in the order a page shows them. */
    public static final List<String> COARSENED_FIELDS = List.of("place", "town", "region", "period", "ageBand", "citizenship");

    /** Bands of age at the time of the act, and the wider bands a row falls back to. */
    static String ageBand(Integer age, boolean wider) {
        if (age == null) return null;
        if (age < 18) return "0-17";
        if (wider) return age < 35 ? "18-34" : age < 60 ? "35-59" : "60+";
        if (age < 25) return "18-24";
        if (age < 35) return "25-34";
        if (age < 45) return "35-44";
        if (age < 60) return "45-59";
        return "60+";
    }

    /** A year-month for dates known to the day or month, a year for the rest; nothing for unknown dates. */
    static String period(LocalDate date, DatePrecision precision, boolean yearOnly) {
        if (date == null || precision == null || precision == DatePrecision.UNKNOWN) return null;
        boolean month = !yearOnly && (precision == DatePrecision.EXACT || precision == DatePrecision.MONTH);
        return month ? String.format("%04d-%02d", date.getYear(), date.getMonthValue()) : String.valueOf(date.getYear());
    }

    /** How far one row has been generalised so far. */
    private static final class Working {
        final SourceRow source;
        int location; // 0 place, 1 town, 2 region, 3 none
        boolean year;
        boolean widerAge;
        boolean noCitizenship;

        Working(SourceRow source) {
            this.source = source;
        }

        String place() { return location < 1 ? source.place() : null; }
        String town() { return location < 2 ? source.town() : null; }
        String region() { return location < 3 ? source.region() : null; }
        String period() { return Anonymisation.period(source.date(), source.precision(), year); }
        String ageBand() { return Anonymisation.ageBand(source.age(), widerAge); }
        String citizenship() { return noCitizenship ? null : source.citizenship(); }

        List<String> key() {
            return java.util.Arrays.asList(place(), town(), region(), period(), source.sex(), ageBand(), citizenship());
        }

        void apply(Step step) {
            switch (step) {
                case PLACE_TO_TOWN -> location = Math.max(location, 1);
                case TOWN_TO_REGION -> location = Math.max(location, 2);
                case MONTH_TO_YEAR -> year = true;
                case AGE_WIDER -> widerAge = true;
                case CITIZENSHIP_REMOVED -> noCitizenship = true;
                case REGION_REMOVED -> location = 3;
            }
        }
    }

    /**
     * Anonymises {@code rows} for threshold {@code k}; {@code key} is the edition's secret for the pseudonymous row
     * ids (a keyed hash of the act, so the ids are stable within an edition and reveal nothing across editions).
     */
    public static Result anonymise(List<SourceRow> rows, int k, byte[] key) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1");
        var working = rows.stream().map(Working::new).toList();
        for (Step step : Step.values()) {
            var sizes = groupSizes(working);
            for (Working w : working) {
                if (sizes.get(w.key()) < k) w.apply(step);
            }
        }
        var sizes = groupSizes(working);
        var coarsened = new java.util.LinkedHashMap<String, Integer>();
        COARSENED_FIELDS.forEach(f -> coarsened.put(f, 0));
        var published = new ArrayList<PublishedRow>();
        int unchanged = 0;
        int suppressed = 0;
        Mac mac = mac(key);
        for (Working w : working) {
            if (sizes.get(w.key()) < k) {
                suppressed++;
                continue;
            }
            var original = new Working(w.source);
            boolean changed = false;
            changed |= count(coarsened, "place", original.place(), w.place());
            changed |= count(coarsened, "town", original.town(), w.town());
            changed |= count(coarsened, "region", original.region(), w.region());
            changed |= count(coarsened, "period", original.period(), w.period());
            changed |= count(coarsened, "ageBand", original.ageBand(), w.ageBand());
            changed |= count(coarsened, "citizenship", original.citizenship(), w.citizenship());
            if (!changed) unchanged++;
            SourceRow s = w.source;
            published.add(new PublishedRow(rowId(mac, s.actId()), w.period(), s.actType(),
                    s.methods() == null ? null : String.join(";", s.methods().stream().sorted().toList()),
                    s.agencies(), s.perpetratorTypes(), s.placeType(), w.place(), w.town(), w.region(), s.sex(),
                    w.ageBand(), w.citizenship(), s.detentionType(), s.medicalAttention(), s.status()));
        }
        // Sorted by the keyed hash, so that the order of rows says nothing about the order cases were recorded in.
        published.sort(Comparator.comparing(PublishedRow::rowId));
        return new Result(List.copyOf(published), new Report(k, rows.size(), unchanged, suppressed, Map.copyOf(coarsened)));
    }

    private static boolean count(Map<String, Integer> coarsened, String field, String before, String after) {
        if (Objects.equals(before, after)) return false;
        coarsened.merge(field, 1, Integer::sum);
        return true;
    }

    /** The number of distinct victims in each group of rows sharing all quasi-identifiers. */
    private static Map<List<String>, Integer> groupSizes(List<Working> rows) {
        var victims = new HashMap<List<String>, Set<Long>>();
        for (Working w : rows) victims.computeIfAbsent(w.key(), x -> new HashSet<>()).add(w.source.victimId());
        var sizes = new HashMap<List<String>, Integer>();
        victims.forEach((key, set) -> sizes.put(key, set.size()));
        return sizes;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rowId(Mac mac, long actId) {
        byte[] hash = mac.doFinal(Long.toString(actId).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(hash, 0, 8);
    }
}
