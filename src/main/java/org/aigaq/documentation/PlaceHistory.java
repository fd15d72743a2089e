package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of places: renamed, transferred to another authority, given a new code, closed, reopened. Recording a
 * change makes it the place's current value and keeps the earlier one, so the cases recorded before still show the
 * place under the name it had then.
 */
@Service
public class PlaceHistory {

    /** One dated change: the value before and after (names, authority codes, or codes as "Latin / Cyrillic"). */
    public record Entry(long id, long placeId, PlaceChange change, LocalDate occurredOn, String earlierValue,
                        String newValue, String note, String recordedBy) {}

    /**
     * A change as entered: {@code name} for a renaming, {@code authority} for a transfer, either form of the code for
     * a new code; nothing more for closing and reopening.
     */
    public record Draft(PlaceChange change, LocalDate occurredOn, String name, String authority, String officialCode,
                        String officialCodeCyrillic, String note) {}

    private final JdbcClient jdbc;
    private final Places places;
    private final Terms terms;
    private final AuditTrail audit;

    PlaceHistory(JdbcClient jdbc, Places places, Terms terms, AuditTrail audit) {
        this.jdbc = jdbc;
        this.places = places;
        this.terms = terms;
        this.audit = audit;
    }

    /** The place's history, latest first. */
    public List<Entry> of(long placeId) {
        places.get(placeId);
        return jdbc.sql("""
                SELECT h.id, h.place_id, h.change, h.occurred_on, h.earlier_value, h.new_value, h.note, u.display_name
                FROM place_history h JOIN app_user u ON u.id = h.recorded_by
                WHERE h.place_id = :place ORDER BY h.occurred_on DESC, h.id DESC
                """).param("place", placeId).query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("place_id"),
                PlaceChange.valueOf(rs.getString("change")), rs.getObject("occurred_on", LocalDate.class),
                rs.getString("earlier_value"), rs.getString("new_value"), rs.getString("note"),
                rs.getString("display_name"))).list();
    }

    /** Records a change and makes it the place's current state (case workers). */
    @Transactional
    public Entry record(long placeId, Draft draft) {
        places.requireCaseWorker();
        // Locks the place so that two changes recorded at once are ordered.
        jdbc.sql("SELECT id FROM place WHERE id = :id FOR UPDATE").param("id", placeId).query(Long.class).optional();
        var place = places.get(placeId);
        var checked = checked(place, draft);
        long id = jdbc.sql("""
                INSERT INTO place_history (place_id, change, occurred_on, earlier_value, new_value, note, recorded_by)
                VALUES (:place, :change, :on, :earlier, :new, :note, :user) RETURNING id
                """).params(checked).param("place", placeId).param("user", CurrentUser.require().id())
                .query(Long.class).single();
        var current = PlaceDraft.of(place);
        switch (draft.change()) {
            case RENAMED -> update(placeId, new PlaceDraft(draft.name(), current.officialCode(),
                    current.officialCodeCyrillic(), current.locationType(), current.penalRegime(), current.authority(),
                    current.region(), current.town(), current.address(), current.latitude(), current.longitude(),
                    current.inMandate()));
            case TRANSFERRED -> update(placeId, new PlaceDraft(current.name(), current.officialCode(),
                    current.officialCodeCyrillic(), current.locationType(), current.penalRegime(), (String) checked.get("new"),
                    current.region(), current.town(), current.address(), current.latitude(), current.longitude(),
                    current.inMandate()));
            case CODE_CHANGED -> update(placeId, new PlaceDraft(current.name(), draft.officialCode(),
                    draft.officialCodeCyrillic(), current.locationType(), current.penalRegime(), current.authority(),
                    current.region(), current.town(), current.address(), current.latitude(), current.longitude(),
                    current.inMandate()));
            case CLOSED -> jdbc.sql("UPDATE place SET closed_on = :on, changed_at = now() WHERE id = :id")
                    .param("on", draft.occurredOn()).param("id", placeId).update();
            case REOPENED -> jdbc.sql("UPDATE place SET closed_on = NULL, changed_at = now() WHERE id = :id")
                    .param("id", placeId).update();
        }
        audit.record("place.history-recorded", "place", placeId, Map.of("change", draft.change().name(),
                "occurredOn", draft.occurredOn().toString()));
        return of(placeId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** What is wrong with a change as the user fills the form, by the rules of {@link #record}; empty when none. */
    public List<InvalidInput.Violation> problems(long placeId, Draft draft) {
        var place = places.get(placeId);
        return BrokenRules.of(() -> checked(place, draft));
    }

    private void update(long placeId, PlaceDraft draft) {
        var values = places.values(draft, placeId);
        jdbc.sql("""
                UPDATE place SET name = :name, official_code = :code, official_code_cyrillic = :codeCyrillic,
                       code_key = :codeKey, code_key_cyrillic = :codeKeyCyrillic, authority = :authority,
                       search_name = :searchName, changed_at = now()
                WHERE id = :id
                """).params(values).param("id", placeId).update();
        places.casesChanged(placeId);
    }

    private Map<String, Object> checked(Place place, Draft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("note", rules.value(() -> Texts.optional(draft.note(), 2000, "note")));
        rules.rule(() -> {
            if (draft.change() == null) throw new InvalidInput("change", "validation.required");
        });
        rules.rule(() -> {
            if (draft.occurredOn() == null) throw new InvalidInput("occurredOn", "validation.required");
            if (draft.occurredOn().isAfter(LocalDate.now())) throw new InvalidInput("occurredOn", "documentation.date.future");
        });
        if (draft.change() != null) {
            values.put("change", draft.change().name());
            rules.rule(() -> inOrder(place.id(), draft));
            switch (draft.change()) {
                case RENAMED -> {
                    values.put("earlier", place.name());
                    values.put("new", rules.value(() -> {
                        String name = Texts.required(draft.name(), 300, "name");
                        if (name.equals(place.name())) throw new InvalidInput("name", "documentation.place.same-value");
                        return name;
                    }));
                }
                case TRANSFERRED -> {
                    values.put("earlier", place.authority());
                    values.put("new", rules.value(() -> {
                        String authority = terms.code("authority", draft.authority(), "authority");
                        if (authority == null) throw new InvalidInput("authority", "validation.required");
                        if (authority.equals(place.authority())) {
                            throw new InvalidInput("authority", "documentation.place.same-value");
                        }
                        return authority;
                    }));
                }
                case CODE_CHANGED -> {
                    values.put("earlier", forms(place.officialCode(), place.officialCodeCyrillic()));
                    var current = PlaceDraft.of(place);
                    var codes = rules.value(() -> {
                        if ((draft.officialCode() == null || draft.officialCode().isBlank())
                                && (draft.officialCodeCyrillic() == null || draft.officialCodeCyrillic().isBlank())) {
                            throw new InvalidInput("officialCode", "validation.required");
                        }
                        return places.values(new PlaceDraft(current.name(), draft.officialCode(),
                                draft.officialCodeCyrillic(), current.locationType(), null, null, null, null, null, null,
                                null, null), place.id());
                    });
                    values.put("new", codes == null ? null
                            : forms((String) codes.get("code"), (String) codes.get("codeCyrillic")));
                }
                case CLOSED -> rules.rule(() -> {
                    if (!place.open()) throw new InvalidInput("change", "documentation.place.already-closed");
                });
                case REOPENED -> rules.rule(() -> {
                    if (place.open()) throw new InvalidInput("change", "documentation.place.not-closed");
                });
            }
        }
        values.putIfAbsent("earlier", null);
        values.putIfAbsent("new", null);
        values.put("on", draft.occurredOn());
        rules.throwIfAny();
        return values;
    }

    /** A change may not be dated before the latest recorded change of the same kind: the current value is the latest. */
    private void inOrder(long placeId, Draft draft) {
        if (draft.occurredOn() == null) return;
        var kinds = switch (draft.change()) {
            case CLOSED, REOPENED -> List.of("CLOSED", "REOPENED");
            default -> List.of(draft.change().name());
        };
        jdbc.sql("SELECT max(occurred_on) FROM place_history WHERE place_id = :place AND change IN (:kinds)")
                .param("place", placeId).param("kinds", kinds).query(LocalDate.class).list().stream()
                .filter(latest -> latest != null && draft.occurredOn().isBefore(latest)).findFirst()
                .ifPresent(latest -> { throw new InvalidInput("occurredOn", "documentation.place.change-before", latest); });
    }

    private static String forms(String latin, String cyrillic) {
        if (latin == null && cyrillic == null) return null;
        if (cyrillic == null || cyrillic.equals(latin)) return latin;
        return latin + " / " + cyrillic;
    }
}
