package org.aigaq.recommendations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.documentation.Event;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recommendations to the state: recorded, read (audited), listed; the state's claims and the coalition's assessments added. */
@Service
public class Recommendations {

    static final String TABLE = "recommendation";

    /** One line of a list: the recommendation, its latest grade and whether the state has claimed anything. */
    public record Line(long id, Recommendation.Source source, String citation, String text, List<String> themes,
                       LocalDate dueDate, Recommendation.Grade grade, int claims, Sharing sharing) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final RecommendationAccess access;
    private final Events events;

    Recommendations(JdbcClient jdbc, AuditTrail audit, RecommendationAccess access, Events events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public Recommendation record(RecommendationDraft draft) {
        long id = insert(draft);
        return get(id);
    }

    /** Records several at once (an import): all checked by the caller first; nothing is written when one fails. */
    @Transactional
    public List<Long> recordAll(List<RecommendationDraft> drafts) {
        var ids = new ArrayList<Long>();
        for (var draft : drafts) ids.add(insert(draft));
        return ids;
    }

    private long insert(RecommendationDraft draft) {
        RecommendationAccess.requireRecorder();
        var values = check(draft);
        var user = CurrentUser.require();
        long id = jdbc.sql("""
                INSERT INTO recommendation (organisation_id, sharing, source, document_symbol, document_date, paragraph,
                    sub_paragraph, text, themes, authority, recommending_state, state_response, due_date,
                    responsible_user_id, repeats_id, created_by)
                VALUES (:organisation, :sharing, :source, :documentSymbol, :documentDate, :paragraph, :subParagraph, :text,
                    string_to_array(:themes, '|'), :authority, :recommendingState, :stateResponse, :dueDate,
                    :responsibleUserId, :repeatsId, :user)
                RETURNING id
                """).params(values).param("organisation", user.organisationId()).param("user", user.id())
                .query(Long.class).single();
        audit.record("state-recommendation.recorded", TABLE, id, summary(values));
        return id;
    }

    @Transactional
    public Recommendation addClaim(long id, RecommendationDraft.ClaimDraft draft) {
        access.requireWrite(id);
        var rules = new BrokenRules();
        rules.rule(() -> requireDate(draft.claimedOn(), "claimedOn"));
        String claim = rules.value(() -> required(text(draft.claim(), 10000, "claim"), "claim"));
        String document = rules.value(() -> text(draft.document(), 500, "document"));
        rules.throwIfAny();
        long claimId = jdbc.sql("""
                INSERT INTO recommendation_claim (recommendation_id, claimed_on, claim, document, created_by)
                VALUES (:id, :on, :claim, :document, :user) RETURNING id""").param("id", id).param("on", draft.claimedOn())
                .param("claim", claim).param("document", document).param("user", CurrentUser.require().id())
                .query(Long.class).single();
        touch(id);
        audit.record("state-recommendation.claim-added", TABLE, id, Map.of("claim", claimId, "claimedOn", draft.claimedOn().toString()));
        return get(id);
    }

    @Transactional
    public Recommendation addAssessment(long id, RecommendationDraft.AssessmentDraft draft) {
        access.requireWrite(id);
        var rules = new BrokenRules();
        rules.rule(() -> requireDate(draft.assessedOn(), "assessedOn"));
        rules.rule(() -> {
            if (draft.grade() == null) throw new InvalidInput("grade", "validation.required");
        });
        String reasoning = rules.value(() -> text(draft.reasoning(), 10000, "reasoning"));
        String notes = rules.value(() -> text(draft.evidenceNotes(), 5000, "evidenceNotes"));
        var cases = new LinkedHashSet<Long>();
        for (int i = 0; i < draft.caseIds().size(); i++) {
            Long caseId = draft.caseIds().get(i);
            int at = i;
            rules.rule(() -> {
                if (caseId == null) throw new InvalidInput("caseIds/" + at, "validation.required");
                cases.add(caseId);
            });
        }
        // A case the user may not read is refused as if it did not exist.
        var readable = events.readable(cases).stream().map(Event::id).toList();
        for (int i = 0; i < draft.caseIds().size(); i++) {
            Long caseId = draft.caseIds().get(i);
            if (caseId != null && !readable.contains(caseId)) {
                int at = i;
                rules.rule(() -> {
                    throw new InvalidInput("caseIds/" + at, "detention.death.event-unknown");
                });
            }
        }
        rules.throwIfAny();
        long assessmentId = jdbc.sql("""
                INSERT INTO recommendation_assessment (recommendation_id, assessed_on, grade, reasoning, case_ids,
                    evidence_notes, created_by)
                VALUES (:id, :on, :grade, :reasoning, string_to_array(:cases, ',')::bigint[], :notes, :user) RETURNING id""").param("id", id)
                .param("on", draft.assessedOn()).param("grade", draft.grade().name()).param("reasoning", reasoning)
                .param("cases", String.join(",", cases.stream().map(String::valueOf).toList())).param("notes", notes)
                .param("user", CurrentUser.require().id()).query(Long.class).single();
        touch(id);
        audit.record("state-recommendation.assessed", TABLE, id, Map.of("assessment", assessmentId, "grade", draft.grade().name(),
                "cases", cases.toString()));
        return get(id);
    }

    private void touch(long id) {
        jdbc.sql("UPDATE recommendation SET updated_at = now() WHERE id = :id").param("id", id).update();
    }

    /** The recommendation with its claims and assessments; 404 (audited) when the user may not read it. */
    @Transactional
    public Recommendation get(long id) {
        var rights = access.requireRead(id);
        var claims = jdbc.sql("SELECT * FROM recommendation_claim WHERE recommendation_id = :id ORDER BY claimed_on, id")
                .param("id", id).query((rs, n) -> new Recommendation.Claim(rs.getLong("id"), rs.getObject("claimed_on", LocalDate.class),
                        rs.getString("claim"), rs.getString("document"), instant(rs, "created_at"))).list();
        var assessments = jdbc.sql("SELECT * FROM recommendation_assessment WHERE recommendation_id = :id ORDER BY assessed_on, id")
                .param("id", id).query((rs, n) -> new Recommendation.Assessment(rs.getLong("id"),
                        rs.getObject("assessed_on", LocalDate.class), Recommendation.Grade.valueOf(rs.getString("grade")),
                        rs.getString("reasoning"), longs(rs.getArray("case_ids")), rs.getString("evidence_notes"),
                        instant(rs, "created_at"))).list();
        // "Repeated since": the date of the earliest recommendation in the chain of earlier ones on the same point.
        LocalDate since = jdbc.sql("""
                WITH RECURSIVE chain (id, repeats_id, document_date, depth) AS (
                    SELECT id, repeats_id, document_date, 0 FROM recommendation WHERE id = :id
                    UNION ALL SELECT r.id, r.repeats_id, r.document_date, c.depth + 1
                      FROM recommendation r JOIN chain c ON r.id = c.repeats_id WHERE c.depth < 50)
                SELECT min(document_date) FROM chain WHERE depth > 0""").param("id", id).query(LocalDate.class).optional().orElse(null);
        var recommendation = jdbc.sql("""
                SELECT r.*, u.display_name AS responsible_name FROM recommendation r
                LEFT JOIN app_user u ON u.id = r.responsible_user_id WHERE r.id = :id""").param("id", id)
                .query((rs, n) -> new Recommendation(rs.getLong("id"), rs.getLong("organisation_id"),
                        Sharing.valueOf(rs.getString("sharing")), Recommendation.Source.valueOf(rs.getString("source")),
                        rs.getString("document_symbol"), rs.getObject("document_date", LocalDate.class), rs.getString("paragraph"),
                        rs.getString("sub_paragraph"), rs.getString("text"), strings(rs.getArray("themes")), rs.getString("authority"),
                        rs.getString("recommending_state"),
                        rs.getString("state_response") == null ? null : Recommendation.StateResponse.valueOf(rs.getString("state_response")),
                        rs.getObject("due_date", LocalDate.class), rs.getObject("responsible_user_id", Long.class),
                        rs.getString("responsible_name"), rs.getObject("repeats_id", Long.class), since, claims, assessments,
                        rights.write(), instant(rs, "created_at"))).optional().orElseThrow(() -> new NoSuchRecord(TABLE, id));
        audit.recordRead(TABLE, id);
        return recommendation;
    }

    /** The recommendations the user may read, newest document first; {@code source} and {@code theme} optional. */
    public List<Line> list(Recommendation.Source source, String theme) {
        var params = new HashMap<String, Object>();
        var sql = new StringBuilder(LINES).append(" WHERE ").append(RecommendationAccess.visible("r"));
        if (source != null) {
            sql.append(" AND r.source = :source");
            params.put("source", source.name());
        }
        if (theme != null && !theme.isBlank()) {
            sql.append(" AND :theme = ANY (r.themes)");
            params.put("theme", theme.strip().toLowerCase(Locale.ROOT));
        }
        sql.append(" ORDER BY r.document_date DESC, r.id DESC LIMIT 1000");
        return RecommendationAccess.bind(jdbc.sql(sql.toString()).params(params)).query(Recommendations::line).list();
    }

    static final String LINES = """
            SELECT r.*, (SELECT a.grade FROM recommendation_assessment a WHERE a.recommendation_id = r.id
                         ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) AS grade,
                   (SELECT count(*) FROM recommendation_claim c WHERE c.recommendation_id = r.id) AS claims
            FROM recommendation r""";

    static Line line(ResultSet rs, int n) throws SQLException {
        String p = rs.getString("paragraph");
        String sp = rs.getString("sub_paragraph");
        String citation = rs.getString("document_symbol") + (p == null ? "" : ", para. " + p) + (sp == null ? "" : " (" + sp + ")");
        return new Line(rs.getLong("id"), Recommendation.Source.valueOf(rs.getString("source")), citation, rs.getString("text"),
                strings(rs.getArray("themes")), rs.getObject("due_date", LocalDate.class),
                rs.getString("grade") == null ? null : Recommendation.Grade.valueOf(rs.getString("grade")), rs.getInt("claims"),
                Sharing.valueOf(rs.getString("sharing")));
    }

    /** What is wrong with a draft, by the same rules as {@link #record}; empty when it would be accepted. */
    public List<InvalidInput.Violation> problems(RecommendationDraft draft) {
        return BrokenRules.of(() -> check(draft));
    }

    /** Every rule of a recommendation, all checked at once, each naming its field; the values as stored. */
    Map<String, Object> check(RecommendationDraft draft) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("sharing", draft.sharing().name());
        rules.rule(() -> RecommendationAccess.requireSharingRight(draft.sharing()));
        rules.rule(() -> {
            if (draft.source() == null) throw new InvalidInput("source", "validation.required");
        });
        values.put("source", draft.source() == null ? null : draft.source().name());
        values.put("documentSymbol", rules.value(() -> required(text(draft.documentSymbol(), 100, "documentSymbol"), "documentSymbol")));
        rules.rule(() -> requireDate(draft.documentDate(), "documentDate"));
        values.put("documentDate", draft.documentDate());
        values.put("paragraph", rules.value(() -> text(draft.paragraph(), 20, "paragraph")));
        values.put("subParagraph", rules.value(() -> text(draft.subParagraph(), 20, "subParagraph")));
        values.put("text", rules.value(() -> required(text(draft.text(), 10000, "text"), "text")));
        var themes = new LinkedHashSet<String>();
        for (int i = 0; i < draft.themes().size(); i++) {
            int at = i;
            String theme = rules.value(() -> text(draft.themes().get(at), 100, "themes/" + at));
            if (theme != null) themes.add(theme.toLowerCase(Locale.ROOT));
        }
        rules.rule(() -> {
            if (themes.stream().anyMatch(t -> t.contains("|"))) throw new InvalidInput("themes", "recommendations.theme.bar");
        });
        values.put("themes", String.join("|", themes));
        values.put("authority", rules.value(() -> text(draft.authority(), 300, "authority")));
        boolean upr = draft.source() == Recommendation.Source.UPR;
        values.put("recommendingState", rules.value(() -> {
            String state = text(draft.recommendingState(), 100, "recommendingState");
            if (state != null && !upr) throw new InvalidInput("recommendingState", "recommendations.upr-only");
            return state;
        }));
        rules.rule(() -> {
            if (draft.stateResponse() != null && !upr) throw new InvalidInput("stateResponse", "recommendations.upr-only");
        });
        values.put("stateResponse", draft.stateResponse() == null ? null : draft.stateResponse().name());
        rules.rule(() -> {
            if (draft.dueDate() != null && draft.documentDate() != null && draft.dueDate().isBefore(draft.documentDate())) {
                throw new InvalidInput("dueDate", "recommendations.due-before-document");
            }
        });
        values.put("dueDate", draft.dueDate());
        values.put("responsibleUserId", draft.responsibleUserId());
        rules.rule(() -> {
            if (draft.responsibleUserId() != null && jdbc.sql("SELECT count(*) FROM app_user WHERE id = :id AND organisation_id = :org AND enabled")
                    .param("id", draft.responsibleUserId()).param("org", CurrentUser.require().organisationId())
                    .query(Long.class).single() == 0) {
                throw new InvalidInput("responsibleUserId", "recommendations.responsible-unknown");
            }
        });
        values.put("repeatsId", draft.repeatsId());
        rules.rule(() -> {
            if (draft.repeatsId() != null && !readable(draft.repeatsId())) {
                throw new InvalidInput("repeatsId", "recommendations.repeats-unknown");
            }
        });
        rules.throwIfAny();
        return values;
    }

    private boolean readable(long id) {
        return RecommendationAccess.bind(jdbc.sql("SELECT count(*) FROM recommendation r WHERE r.id = :id AND "
                + RecommendationAccess.visible("r")).param("id", id)).query(Long.class).single() > 0;
    }

    private static void requireDate(LocalDate date, String field) {
        if (date == null) throw new InvalidInput(field, "validation.required");
        if (date.isAfter(LocalDate.now().plusDays(1))) throw new InvalidInput(field, "documentation.date.future");
    }

    private static String required(String value, String field) {
        if (value == null) throw new InvalidInput(field, "validation.required");
        return value;
    }

    static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) return null;
        String stripped = value.strip();
        if (stripped.length() > max) throw new InvalidInput(field, "validation.too-long", max);
        return stripped;
    }

    private static Map<String, Object> summary(Map<String, Object> values) {
        var summary = new LinkedHashMap<String, Object>();
        for (String key : List.of("sharing", "source", "documentSymbol", "documentDate", "paragraph", "subParagraph", "dueDate",
                "responsibleUserId", "repeatsId")) {
            if (values.get(key) != null) summary.put(key, String.valueOf(values.get(key)));
        }
        return summary;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
