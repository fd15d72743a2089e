package org.aigaq.documentation;

import com.ibm.icu.text.Transliterator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.vocabulary.TermProposals;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of places where people are deprived of liberty (OPCAT article 4): the places the documentation records
 * refer to, found by name or by either form of their official code, kept by case workers, published by coordinators.
 */
@Service
public class Places {

    static final String COLUMNS = """
            p.id, p.name, p.official_code, p.location_type, p.region, p.town, p.official_code_cyrillic, p.penal_regime,
            p.authority, p.address, p.latitude, p.longitude, p.in_mandate, p.closed_on, p.published""";

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Kazakh-Latin/BGN; Latin-ASCII"));

    /** Filters of the registry list; null or blank means any. */
    public record Filter(String text, String locationType, String region, String authority, Boolean inMandate,
                         Boolean open) {
        public static final Filter ANY = new Filter(null, null, null, null, null, null);
    }

    /** A page of places by name, and the id to continue after when there are more. */
    public record Page(List<Place> places, Long nextAfter) {}

    /** A case recorded at a place that the reader may read, with the place's name at the case's date. */
    public record CaseThere(long eventId, String recordNumber, String title, LocalDate date, String placeNameThen) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Terms terms;
    private final Vocabularies vocabularies;
    private final ApplicationEventPublisher changes;

    Places(JdbcClient jdbc, AuditTrail audit, Terms terms, Vocabularies vocabularies, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.audit = audit;
        this.terms = terms;
        this.vocabularies = vocabularies;
    }

    /** Places whose name (in either script) or official code (either form) matches the query, by name; at most {@code limit}. */
    public List<Place> find(String query, int limit) {
        return list(new Filter(query, null, null, null, null, null), null, limit).places();
    }

    /** The registry by name, filtered, {@code size} at a time after the place {@code after}. */
    public Page list(Filter filter, Long after, int size) {
        var sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM place p WHERE true");
        var params = new HashMap<String, Object>();
        String text = filter.text() == null ? "" : filter.text().strip();
        if (!text.isEmpty()) {
            // Either form of the code, typed in either script, mixed or in lower case, by the same key (an index each);
            // or a part of the name, as written or transliterated (a trigram index).
            sql.append(" AND (p.search_name LIKE :like OR p.search_name LIKE :latinLike");
            params.put("like", "%" + escaped(text.toLowerCase(Locale.ROOT)) + "%");
            params.put("latinLike", "%" + escaped(latinName(text)) + "%");
            String key = CodeForms.key(text);
            if (key != null) {
                sql.append(" OR p.code_key LIKE :key OR p.code_key_cyrillic LIKE :key");
                params.put("key", key + "%");
            }
            sql.append(")");
        }
        condition(sql, params, "p.location_type", "type", filter.locationType());
        condition(sql, params, "p.region", "region", filter.region());
        condition(sql, params, "p.authority", "authority", filter.authority());
        if (filter.inMandate() != null) {
            sql.append(" AND p.in_mandate = :inMandate");
            params.put("inMandate", filter.inMandate());
        }
        if (filter.open() != null) {
            sql.append(filter.open() ? " AND p.closed_on IS NULL" : " AND p.closed_on IS NOT NULL");
        }
        if (after != null) {
            sql.append(" AND (lower(p.name), p.id) > (SELECT lower(name), id FROM place WHERE id = :after)");
            params.put("after", after);
        }
        sql.append(" ORDER BY lower(p.name), p.id LIMIT :limit");
        params.put("limit", size + 1);
        var found = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(Places::row).list());
        Long next = null;
        if (found.size() > size) {
            found.removeLast();
            next = found.getLast().id();
        }
        return new Page(found, next);
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value.strip());
        }
    }

    public Place get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM place p WHERE p.id = :id")
                .param("id", id).query(Places::row).optional().orElseThrow(() -> new NoSuchRecord("place", id));
    }

    /** The places of these ids that exist, by id, in one query (for lists that name many places). */
    public Map<Long, Place> get(java.util.Collection<Long> ids) {
        var found = new java.util.LinkedHashMap<Long, Place>();
        if (ids.isEmpty()) return found;
        jdbc.sql("SELECT " + COLUMNS + " FROM place p WHERE p.id = ANY(CAST(:ids AS bigint[]))")
                .param("ids", ids.toArray(Long[]::new)).query(Places::row).list().forEach(place -> found.put(place.id(), place));
        return found;
    }

    /** A place the coalition publishes, for its public page; any other is not found. */
    public Place getPublished(long id) {
        var place = get(id);
        if (!place.published()) {
            throw new NoSuchRecord("place", id);
        }
        return place;
    }

    @Transactional
    public Place add(String name, String officialCode, String locationType, String region, String town) {
        return add(new PlaceDraft(name, officialCode, null, locationType, null, null, region, town, null, null, null, null));
    }

    /** Adds a place to the registry (case workers). */
    @Transactional
    public Place add(PlaceDraft draft) {
        requireCaseWorker();
        var values = values(draft, null);
        long id = jdbc.sql("""
                INSERT INTO place (name, official_code, official_code_cyrillic, code_key, code_key_cyrillic, location_type,
                                   penal_regime, authority, region, town, address, latitude, longitude, in_mandate, search_name)
                VALUES (:name, :code, :codeCyrillic, :codeKey, :codeKeyCyrillic, :type, :regime, :authority, :region, :town,
                        :address, :latitude, :longitude, :inMandate, :searchName)
                RETURNING id
                """).params(values).query(Long.class).single();
        audit.record("place.added", "place", id, Map.of("name", values.get("name")));
        return get(id);
    }

    /** Corrects a place of the registry; the cases recorded there are found under its new name, region and type at once. */
    @Transactional
    public Place change(long id, String name, String officialCode, String locationType, String region, String town) {
        var current = get(id);
        String cyrillic = java.util.Objects.equals(blankToNull(officialCode), current.officialCode())
                ? current.officialCodeCyrillic() : null;
        return change(id, new PlaceDraft(name, officialCode, cyrillic, locationType, current.penalRegime(),
                current.authority(), region, town, current.address(),
                current.latitude() == null ? null : current.latitude().toPlainString(),
                current.longitude() == null ? null : current.longitude().toPlainString(), current.inMandate()));
    }

    /**
     * Corrects a place (a mistake in the registry, not a change in the world: a renaming or a transfer is recorded in
     * its history with {@link PlaceHistory}); the cases recorded there are found under its new values at once.
     */
    @Transactional
    public Place change(long id, PlaceDraft draft) {
        requireCaseWorker();
        get(id);
        var values = values(draft, id);
        jdbc.sql("""
                UPDATE place SET name = :name, official_code = :code, official_code_cyrillic = :codeCyrillic,
                       code_key = :codeKey, code_key_cyrillic = :codeKeyCyrillic, location_type = :type,
                       penal_regime = :regime, authority = :authority, region = :region, town = :town, address = :address,
                       latitude = :latitude, longitude = :longitude, in_mandate = :inMandate, search_name = :searchName,
                       changed_at = now()
                WHERE id = :id
                """).params(values).param("id", id).update();
        audit.record("place.changed", "place", id, Map.of("name", values.get("name")));
        casesChanged(id);
        return get(id);
    }

    /**
     * The place already in the registry that an imported row stands for: the one with its official code in either form,
     * or, for a row without a code, the one of the same name, type and region; null when none.
     */
    public Place matching(PlaceDraft draft) {
        for (String code : new String[] {draft.officialCode(), draft.officialCodeCyrillic()}) {
            if (code != null && !code.isBlank()) {
                Place found = withCode(code, null);
                if (found != null) return found;
            }
        }
        if ((draft.officialCode() != null && !draft.officialCode().isBlank())
                || (draft.officialCodeCyrillic() != null && !draft.officialCodeCyrillic().isBlank())) {
            return null;
        }
        Map<String, Object> values;
        try {
            values = values(draft, null);
        } catch (InvalidInput invalid) {
            return null;
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM place p WHERE lower(p.name) = lower(:name) AND p.location_type = :type"
                        + " AND p.region IS NOT DISTINCT FROM :region AND p.official_code IS NULL ORDER BY p.id LIMIT 1")
                .param("name", values.get("name")).param("type", values.get("type")).param("region", values.get("region"))
                .query(Places::row).optional().orElse(null);
    }

    /**
     * Adds the places of an import, checked already, inside the import's transaction; the import audits them once
     * with its counts (case workers).
     */
    public List<Long> addImported(List<PlaceDraft> drafts) {
        requireCaseWorker();
        var ids = new ArrayList<Long>();
        for (PlaceDraft draft : drafts) {
            ids.add(jdbc.sql("""
                    INSERT INTO place (name, official_code, official_code_cyrillic, code_key, code_key_cyrillic, location_type,
                                       penal_regime, authority, region, town, address, latitude, longitude, in_mandate, search_name)
                    VALUES (:name, :code, :codeCyrillic, :codeKey, :codeKeyCyrillic, :type, :regime, :authority, :region, :town,
                            :address, :latitude, :longitude, :inMandate, :searchName)
                    RETURNING id
                    """).params(values(draft, null)).query(Long.class).single());
        }
        return ids;
    }

    /** Publishes a place on its public page, or withdraws it (coordinators). */
    @Transactional
    public Place publish(long id, boolean published) {
        var user = CurrentUser.require();
        if (!user.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("not a coordinator");
        }
        get(id);
        jdbc.sql("UPDATE place SET published = :published, changed_at = now() WHERE id = :id")
                .param("published", published).param("id", id).update();
        audit.record(published ? "place.published" : "place.withdrawn", "place", id, Map.of());
        return get(id);
    }

    /** The cases recorded at the place (on the event or one of its acts) that the current user may read, newest first. */
    public List<CaseThere> cases(long placeId, int limit) {
        get(placeId);
        return CaseAccess.bind(jdbc.sql("""
                SELECT e.id, e.record_number, e.title, e.initial_date,
                       coalesce((SELECT h.earlier_value FROM place_history h
                                 WHERE h.place_id = :place AND h.change = 'RENAMED' AND h.occurred_on > e.initial_date
                                 ORDER BY h.occurred_on, h.id LIMIT 1), p.name) AS name_then
                FROM event e JOIN place p ON p.id = :place
                WHERE e.id IN (SELECT id FROM event WHERE place_id = :place
                               UNION SELECT event_id FROM act WHERE place_id = :place)
                  AND \s""" + CaseAccess.visibleEvents("e") + """
                 ORDER BY e.id DESC LIMIT :limit
                """)).param("place", placeId).param("limit", limit)
                .query((rs, n) -> new CaseThere(rs.getLong("id"), rs.getString("record_number"), rs.getString("title"),
                        rs.getObject("initial_date", LocalDate.class), rs.getString("name_then"))).list();
    }

    /** How many cases the current user may read were recorded at the place (on the event or an act), by year of the case. */
    public Map<Integer, Long> casesByYear(long placeId) {
        get(placeId);
        var byYear = new java.util.TreeMap<Integer, Long>();
        CaseAccess.bind(jdbc.sql("""
                SELECT extract(year FROM e.initial_date)::int AS year, count(*) AS cases FROM event e
                WHERE e.id IN (SELECT id FROM event WHERE place_id = :place UNION SELECT event_id FROM act WHERE place_id = :place)
                  AND e.initial_date IS NOT NULL AND \s""" + CaseAccess.visibleEvents("e") + " GROUP BY 1"))
                .param("place", placeId).query((rs, n) -> byYear.put(rs.getInt("year"), rs.getLong("cases"))).list();
        return byYear;
    }

    /** How many cases the current user may read were recorded at each place since {@code from}, by place id. */
    public Map<Long, Long> caseCounts(LocalDate from) {
        var counts = new java.util.HashMap<Long, Long>();
        CaseAccess.bind(jdbc.sql("""
                SELECT p.place_id, count(DISTINCT p.event_id) AS cases FROM (
                    SELECT id AS event_id, place_id FROM event WHERE place_id IS NOT NULL
                    UNION SELECT event_id, place_id FROM act WHERE place_id IS NOT NULL) p
                JOIN event e ON e.id = p.event_id
                WHERE e.initial_date >= :from AND \s""" + CaseAccess.visibleEvents("e") + " GROUP BY p.place_id"))
                .param("from", from).query((rs, n) -> counts.put(rs.getLong("place_id"), rs.getLong("cases"))).list();
        return counts;
    }

    /** What is wrong with a new place as the user fills the form, by the same rules as {@link #add}; empty when none. */
    public List<InvalidInput.Violation> problems(String name, String officialCode, String locationType, String region,
                                                  String town) {
        return problems(new PlaceDraft(name, officialCode, null, locationType, null, null, region, town, null, null, null,
                null), null);
    }

    /** What is wrong with a place as the user fills the form ({@code id} null for a new one), by the rules of the save. */
    public List<InvalidInput.Violation> problems(PlaceDraft draft, Long id) {
        return BrokenRules.of(() -> values(draft, id));
    }

    /** The place whose code (either form) has the key of {@code code}, other than {@code except}; null when none. */
    /** The place whose official code, in either form (Latin or Cyrillic, as typed or mixed), is this one; null when none. */
    public Place withOfficialCode(String code) {
        return code == null || code.isBlank() ? null : withCode(code, null);
    }

    Place withCode(String code, Long except) {
        String key = CodeForms.key(code);
        if (key == null) return null;
        return jdbc.sql("SELECT " + COLUMNS + " FROM place p WHERE (p.code_key = :key OR p.code_key_cyrillic = :key)"
                        + " AND p.id <> :except ORDER BY p.id LIMIT 1")
                .param("key", key).param("except", except == null ? -1L : except).query(Places::row).optional().orElse(null);
    }

    Map<String, Object> values(PlaceDraft draft, Long id) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        String name = rules.value(() -> Texts.required(draft.name(), 300, "name"));
        values.put("name", name);
        values.put("searchName", name == null ? null : name.toLowerCase(Locale.ROOT) + " " + latinName(name));
        codes(draft, id, rules, values);
        values.put("type", rules.value(() -> {
            String type = terms.code("location-type", draft.locationType(), "locationType");
            if (type == null) throw new InvalidInput("locationType", "validation.required");
            return type;
        }));
        values.put("regime", rules.value(() -> terms.code("penal-regime", draft.penalRegime(), "penalRegime")));
        values.put("authority", rules.value(() -> terms.code("authority", draft.authority(), "authority")));
        values.put("region", rules.value(() -> region(draft.region())));
        values.put("town", rules.value(() -> Texts.optional(draft.town(), 100, "town")));
        values.put("address", rules.value(() -> Texts.optional(draft.address(), 500, "address")));
        BigDecimal latitude = rules.value(() -> degrees(draft.latitude(), 90, "latitude"));
        BigDecimal longitude = rules.value(() -> degrees(draft.longitude(), 180, "longitude"));
        values.put("latitude", latitude);
        values.put("longitude", longitude);
        rules.rule(() -> {
            if (blankToNull(draft.latitude()) != null && blankToNull(draft.longitude()) == null) {
                throw new InvalidInput("longitude", "documentation.place.coordinates-together");
            }
            if (blankToNull(draft.longitude()) != null && blankToNull(draft.latitude()) == null) {
                throw new InvalidInput("latitude", "documentation.place.coordinates-together");
            }
        });
        values.put("inMandate", draft.inMandate() == null || draft.inMandate());
        rules.throwIfAny();
        return values;
    }

    /** The two forms of the code, each derived from the other when only one is given, and their keys. */
    private void codes(PlaceDraft draft, Long id, BrokenRules rules, Map<String, Object> values) {
        String latin = rules.value(() -> Texts.optional(draft.officialCode(), 40, "officialCode"));
        String cyrillic = rules.value(() -> Texts.optional(draft.officialCodeCyrillic(), 40, "officialCodeCyrillic"));
        if (latin != null && CodeForms.hasCyrillic(latin)) {
            if (cyrillic == null) {
                // A Cyrillic code typed in the one code field is the Cyrillic form.
                cyrillic = latin;
                latin = null;
            } else {
                rules.rule(() -> { throw new InvalidInput("officialCode", "documentation.place.code-not-latin"); });
            }
        }
        if (cyrillic != null && CodeForms.hasLatin(cyrillic)) {
            rules.rule(() -> { throw new InvalidInput("officialCodeCyrillic", "documentation.place.code-not-cyrillic"); });
        }
        if (latin == null && cyrillic != null) latin = CodeForms.latin(cyrillic);
        if (cyrillic == null && latin != null) cyrillic = CodeForms.cyrillic(latin);
        if (latin != null && latin.length() > 40) latin = latin.substring(0, 40);
        if (cyrillic != null && cyrillic.length() > 40) cyrillic = cyrillic.substring(0, 40);
        for (String form : new String[] {latin, cyrillic}) {
            Place other = form == null ? null : withCode(form, id);
            if (other != null) {
                String field = blankToNull(draft.officialCode()) != null ? "officialCode" : "officialCodeCyrillic";
                rules.rule(() -> { throw new InvalidInput(field, "documentation.place.code-taken", other.name()); });
                break;
            }
        }
        values.put("code", latin);
        values.put("codeCyrillic", cyrillic);
        values.put("codeKey", CodeForms.key(latin));
        values.put("codeKeyCyrillic", CodeForms.key(cyrillic));
    }

    /** A region of the list, given by its code or its name in any language ("Kostanay", "Костанайская область"). */
    private String region(String value) {
        if (value == null || value.isBlank()) return null;
        String code = new TermProposals(vocabularies).match("region", value);
        if (code == null) throw new InvalidInput("region", "vocabulary.unknown-term");
        return code;
    }

    private static BigDecimal degrees(String value, int limit, String field) {
        String text = blankToNull(value);
        if (text == null) return null;
        BigDecimal degrees;
        try {
            degrees = new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "documentation.place.degrees", limit);
        }
        if (degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new InvalidInput(field, "documentation.place.degrees", limit);
        }
        return degrees.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    void requireCaseWorker() {
        var user = CurrentUser.require();
        if (user.roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) {
            throw new AccessDeniedException("not a case worker");
        }
    }

    void casesChanged(long id) {
        changes.publishEvent(new CasesChanged(jdbc.sql("""
                SELECT id FROM event WHERE place_id = :id UNION SELECT event_id FROM act WHERE place_id = :id
                """).param("id", id).query(Long.class).list()));
    }

    void requireExists(Long id, String field) {
        if (id != null && jdbc.sql("SELECT count(*) FROM place WHERE id = :id").param("id", id).query(Long.class).single() == 0) {
            throw new InvalidInput(field, "documentation.place.unknown");
        }
    }

    /** The key under which a code is compared, whichever form and however typed ({@code AK-159/5}, {@code ак 159/5}). */
    public static String codeKey(String code) {
        return CodeForms.key(code);
    }

    static String latinName(String text) {
        // The soft and hard signs come out as apostrophes, which nobody types when searching.
        return TO_LATIN.get().transliterate(text).toLowerCase(Locale.ROOT).replaceAll("['\"ʹʺʼ`]", "");
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Place row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Place(rs.getLong("id"), rs.getString("name"), rs.getString("official_code"), rs.getString("location_type"),
                rs.getString("region"), rs.getString("town"), rs.getString("official_code_cyrillic"),
                rs.getString("penal_regime"), rs.getString("authority"), rs.getString("address"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getBoolean("in_mandate"),
                rs.getObject("closed_on", LocalDate.class), rs.getBoolean("published"));
    }
}
