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
    private final EvidenceLinks evidence;
    private final tools.jackson.databind.json.JsonMapper json;

    Recommendations(JdbcClient jdbc, AuditTrail audit, RecommendationAccess access, Events events, EvidenceLinks evidence,
                    tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.events = events;
        this.evidence = evidence;
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

    /**
     * Corrects a recommendation (by those who may add to it); the audit trail keeps the values before and after. Only a
     * coordinator changes who beyond the organisation sees it.
     */
    @Transactional
    public Recommendation change(long id, RecommendationDraft draft) {
        access.requireWrite(id);
        var before = stored(id);
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (!draft.sharing().name().equals(before.get("sharing")) && !CurrentUser.require().has(org.aigaq.platform.security.Role.COORDINATOR)) {
                throw new InvalidInput("sharing", "detention.custody.sharing-coordinator");
            }
        });
        rules.rule(() -> {
            if (draft.repeatsId() != null && repeatsReach(draft.repeatsId(), id)) throw new InvalidInput("repeatsId", "recommendations.repeats-itself");
        });
        Map<String, Object> values = rules.value(() -> check(draft, false));
        rules.throwIfAny();
        jdbc.sql("""
                UPDATE recommendation SET sharing = :sharing, source = :source, document_symbol = :documentSymbol,
                    document_date = :documentDate, paragraph = :paragraph, sub_paragraph = :subParagraph, text = :text,
                    themes = string_to_array(:themes, '|'), authority = :authority, recommending_state = :recommendingState,
                    state_response = :stateResponse, due_date = :dueDate, responsible_user_id = :responsibleUserId,
                    repeats_id = :repeatsId, updated_at = now()
                WHERE id = :id""").params(values).param("id", id).update();
        audit.record("state-recommendation.changed", TABLE, id, Map.of("before", described(before), "after", described(values)));
        return get(id);
    }

    /** Whether following "repeats" from {@code from} reaches {@code target} (itself included): a chain must not loop. */
    private boolean repeatsReach(long from, long target) {
        return jdbc.sql("""
                WITH RECURSIVE chain (id, repeats_id, depth) AS (
                    SELECT id, repeats_id, 0 FROM recommendation WHERE id = :from
                    UNION ALL SELECT r.id, r.repeats_id, c.depth + 1 FROM recommendation r JOIN chain c ON r.id = c.repeats_id
                    WHERE c.depth < 50)
                SELECT EXISTS (SELECT 1 FROM chain WHERE id = :target)""").param("from", from).param("target", target)
                .query(Boolean.class).single();
    }

    /** The recommendation's columns under the keys of {@link #check}. */
    private Map<String, Object> stored(long id) {
        return jdbc.sql("SELECT * FROM recommendation WHERE id = :id").param("id", id).query((rs, n) -> {
            var v = new HashMap<String, Object>();
            v.put("sharing", rs.getString("sharing"));
            v.put("source", rs.getString("source"));
            v.put("documentSymbol", rs.getString("document_symbol"));
            v.put("documentDate", rs.getObject("document_date", LocalDate.class));
            v.put("paragraph", rs.getString("paragraph"));
            v.put("subParagraph", rs.getString("sub_paragraph"));
            v.put("text", rs.getString("text"));
            v.put("themes", String.join("|", strings(rs.getArray("themes"))));
            v.put("authority", rs.getString("authority"));
            v.put("recommendingState", rs.getString("recommending_state"));
            v.put("stateResponse", rs.getString("state_response"));
            v.put("dueDate", rs.getObject("due_date", LocalDate.class));
            v.put("responsibleUserId", rs.getObject("responsible_user_id", Long.class));
            v.put("repeatsId", rs.getObject("repeats_id", Long.class));
            return v;
        }).single();
    }

    @Transactional
    public Recommendation addClaim(long id, RecommendationDraft.ClaimDraft draft) {
        access.requireWrite(id);
        var values = checkClaim(draft);
        long claimId = jdbc.sql("""
                INSERT INTO recommendation_claim (recommendation_id, claimed_on, claim, document, created_by)
                VALUES (:id, :claimedOn, :claim, :document, :user) RETURNING id""").params(values).param("id", id)
                .param("user", CurrentUser.require().id()).query(Long.class).single();
        touch(id);
        audit.record("state-recommendation.claim-added", TABLE, id, Map.of("claim", claimId, "claimedOn", draft.claimedOn().toString()));
        return get(id);
    }

    /** Corrects a state's claim; the audit trail keeps it before and after. */
    @Transactional
    public Recommendation changeClaim(long id, long claimId, RecommendationDraft.ClaimDraft draft) {
        access.requireWrite(id);
        var before = jdbc.sql("SELECT claimed_on, claim, document FROM recommendation_claim WHERE id = :claim AND recommendation_id = :id")
                .param("claim", claimId).param("id", id).query((rs, n) -> {
                    var v = new HashMap<String, Object>();
                    v.put("claimedOn", rs.getObject("claimed_on", LocalDate.class));
                    v.put("claim", rs.getString("claim"));
                    v.put("document", rs.getString("document"));
                    return v;
                }).optional().orElseThrow(() -> new NoSuchRecord("recommendation_claim", claimId));
        var values = checkClaim(draft);
        jdbc.sql("""
                UPDATE recommendation_claim SET claimed_on = :claimedOn, claim = :claim, document = :document, updated_at = now()
                WHERE id = :claimId""").params(values).param("claimId", claimId).update();
        touch(id);
        audit.record("state-recommendation.claim-changed", TABLE, id, Map.of("claim", claimId, "before", described(before),
                "after", described(values)));
        return get(id);
    }

    private Map<String, Object> checkClaim(RecommendationDraft.ClaimDraft draft) {
        var rules = new BrokenRules();
        rules.rule(() -> requireDate(draft.claimedOn(), "claimedOn"));
        String claim = rules.value(() -> required(text(draft.claim(), 10000, "claim"), "claim"));
        String document = rules.value(() -> text(draft.document(), 500, "document"));
        rules.throwIfAny();
        var values = new HashMap<String, Object>();
        values.put("claimedOn", draft.claimedOn());
        values.put("claim", claim);
        values.put("document", document);
        return values;
    }

    @Transactional
    public Recommendation addAssessment(long id, RecommendationDraft.AssessmentDraft draft) {
        access.requireWrite(id);
        var checked = checkAssessment(draft);
        long assessmentId = jdbc.sql("""
                INSERT INTO recommendation_assessment (recommendation_id, assessed_on, grade, reasoning, case_ids,
                    evidence_notes, created_by)
                VALUES (:id, :assessedOn, :grade, :reasoning, string_to_array(:cases, ',')::bigint[], :notes, :user) RETURNING id""")
                .params(checked.values()).param("id", id).param("user", CurrentUser.require().id()).query(Long.class).single();
        evidence.write(assessmentId, checked.links());
        touch(id);
        audit.record("state-recommendation.assessed", TABLE, id, Map.of("assessment", assessmentId, "grade", draft.grade().name(),
                "cases", checked.values().get("cases"), "evidence", checked.links().describe()));
        return get(id);
    }

    /**
     * Corrects an assessment. The version replaced is kept and shown with it (a grade is never silently lost); the
     * audit trail has it before and after.
     */
    @Transactional
    public Recommendation changeAssessment(long id, long assessmentId, RecommendationDraft.AssessmentDraft draft) {
        access.requireWrite(id);
        var before = jdbc.sql("""
                SELECT assessed_on, grade, reasoning, array_to_string(case_ids, ',') AS cases, evidence_notes
                FROM recommendation_assessment WHERE id = :a AND recommendation_id = :id""")
                .param("a", assessmentId).param("id", id).query((rs, n) -> {
                    var v = new HashMap<String, Object>();
                    v.put("assessedOn", rs.getObject("assessed_on", LocalDate.class));
                    v.put("grade", rs.getString("grade"));
                    v.put("reasoning", rs.getString("reasoning"));
                    v.put("cases", rs.getString("cases"));
                    v.put("notes", rs.getString("evidence_notes"));
                    return v;
                }).optional().orElseThrow(() -> new NoSuchRecord("recommendation_assessment", assessmentId));
        before.put("evidence", evidence.stored(assessmentId).describe());
        var checked = checkAssessment(draft);
        jdbc.sql("""
                INSERT INTO recommendation_assessment_correction (assessment_id, assessed_on, grade, reasoning, earlier, corrected_by)
                VALUES (:a, :assessedOn, :grade, :reasoning, CAST(:earlier AS jsonb), :user)""").param("a", assessmentId)
                .param("assessedOn", before.get("assessedOn")).param("grade", before.get("grade")).param("reasoning", before.get("reasoning"))
                .param("earlier", json.writeValueAsString(Map.of("cases", String.valueOf(before.get("cases")), "notes", String.valueOf(before.get("notes")),
                        "evidence", String.valueOf(before.get("evidence")))))
                .param("user", CurrentUser.require().id()).update();
        jdbc.sql("""
                UPDATE recommendation_assessment SET assessed_on = :assessedOn, grade = :grade, reasoning = :reasoning,
                    case_ids = string_to_array(:cases, ',')::bigint[], evidence_notes = :notes, updated_at = now()
                WHERE id = :a""").params(checked.values()).param("a", assessmentId).update();
        evidence.replace(assessmentId, checked.links());
        touch(id);
        var after = new HashMap<>(checked.values());
        after.put("evidence", checked.links().describe());
        audit.record("state-recommendation.assessment-changed", TABLE, id, Map.of("assessment", assessmentId,
                "before", described(before), "after", described(after)));
        return get(id);
    }

    /** An assessment's values as stored, and its evidence links checked. */
    private record CheckedAssessment(Map<String, Object> values, EvidenceLinks.Links links) {}

    private CheckedAssessment checkAssessment(RecommendationDraft.AssessmentDraft draft) {
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
        var links = evidence.check(draft, rules);
        rules.throwIfAny();
        var values = new HashMap<String, Object>();
        values.put("assessedOn", draft.assessedOn());
        values.put("grade", draft.grade().name());
        values.put("reasoning", reasoning);
        values.put("cases", String.join(",", cases.stream().map(String::valueOf).toList()));
        values.put("notes", notes);
        return new CheckedAssessment(values, links);
    }

    private static Map<String, String> described(Map<String, Object> values) {
        var described = new java.util.TreeMap<String, String>();
        values.forEach((k, v) -> described.put(k, v == null ? "" : String.valueOf(v)));
        return described;
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
                        rs.getString("claim"), rs.getString("document"), instant(rs, "created_at"), instantOrNull(rs, "updated_at"))).list();
        var corrections = new HashMap<Long, List<Recommendation.Correction>>();
        jdbc.sql("""
                SELECT c.*, u.display_name FROM recommendation_assessment_correction c
                JOIN recommendation_assessment a ON a.id = c.assessment_id JOIN app_user u ON u.id = c.corrected_by
                WHERE a.recommendation_id = :id ORDER BY c.id""").param("id", id).query((rs, n) -> corrections
                .computeIfAbsent(rs.getLong("assessment_id"), k -> new ArrayList<>())
                .add(new Recommendation.Correction(instant(rs, "corrected_at"), rs.getString("display_name"),
                        rs.getObject("assessed_on", LocalDate.class), Recommendation.Grade.valueOf(rs.getString("grade")),
                        rs.getString("reasoning")))).list();
        record Row(long id, LocalDate on, Recommendation.Grade grade, String reasoning, List<Long> cases, String notes,
                   java.time.Instant created, java.time.Instant updated) {}
        var rows = jdbc.sql("SELECT * FROM recommendation_assessment WHERE recommendation_id = :id ORDER BY assessed_on, id")
                .param("id", id).query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("assessed_on", LocalDate.class),
                        Recommendation.Grade.valueOf(rs.getString("grade")), rs.getString("reasoning"), longs(rs.getArray("case_ids")),
                        rs.getString("evidence_notes"), instant(rs, "created_at"), instantOrNull(rs, "updated_at"))).list();
        // Only the cases, flags and visits the reader may see are shown; the others are left out as if absent.
        var readableCases = new java.util.HashSet<Long>(events.readable(rows.stream().flatMap(r -> r.cases().stream())
                .collect(java.util.stream.Collectors.toSet())).stream().map(Event::id).toList());
        var shown = evidence.shown(rows.stream().map(Row::id).toList());
        var assessments = rows.stream().map(r -> new Recommendation.Assessment(r.id(), r.on(), r.grade(), r.reasoning(),
                r.cases().stream().filter(readableCases::contains).toList(), r.notes(), shown.flags(r.id()), shown.figures(r.id()),
                shown.visits(r.id()), corrections.getOrDefault(r.id(), List.of()), r.created(), r.updated())).toList();
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
        return check(draft, true);
    }

    /** {@code newRecord} false: a correction, whose change of sharing {@link #change} checks itself. */
    private Map<String, Object> check(RecommendationDraft draft, boolean newRecord) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("sharing", draft.sharing().name());
        if (newRecord) rules.rule(() -> RecommendationAccess.requireSharingRight(draft.sharing()));
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

    private static java.time.Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        var at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
