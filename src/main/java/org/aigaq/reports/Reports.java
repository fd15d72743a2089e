package org.aigaq.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.TypedText;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shadow reports as their organisation edits them: made from a template, sections added, renamed, written, moved and
 * removed, live blocks inserted with their parameters, moved and removed. Every change is audited.
 */
@Service
public class Reports {

    static final String TABLE = "report";
    /** The languages a report is written and exported in. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "kk");
    static final int NARRATIVE_MAX = 100_000;

    /** One line of the list of reports. */
    public record Line(long id, String title, String submittedBy, String language, Template template, String authorName,
                       Instant updatedAt, int editions) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ReportAccess access;
    private final MessageSource messages;
    private final JsonMapper json;

    Reports(JdbcClient jdbc, AuditTrail audit, ReportAccess access, MessageSource messages, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.messages = messages;
        this.json = json;
    }

    /** A new report of the user's organisation, with a section per topic of the template, headed in its language. */
    @Transactional
    public Report create(ReportDraft draft) {
        ReportAccess.requireWriter();
        var values = checked(draft);
        String title = values[0], submittedBy = values[1], language = values[2];
        var user = CurrentUser.require();
        long id = jdbc.sql("""
                INSERT INTO report (organisation_id, author_id, template, title, submitted_by, language)
                VALUES (:organisation, :author, :template, :title, :submittedBy, :language) RETURNING id""")
                .param("organisation", user.organisationId()).param("author", user.id()).param("template", draft.template().name())
                .param("title", title).param("submittedBy", submittedBy).param("language", language).query(Long.class).single();
        var locale = Locale.forLanguageTag(language);
        int position = 0;
        for (var topic : draft.template().topics()) {
            String name = messages.getMessage(topic.messageKey(), null, locale);
            String key = topic.articles().contains(",") ? "reports.topic.heading-many" : "reports.topic.heading";
            String heading = messages.getMessage(key, new Object[] {topic.articles(), name}, locale);
            jdbc.sql("INSERT INTO report_section (report_id, position, topic, heading) VALUES (:report, :position, :topic, :heading)")
                    .param("report", id).param("position", position++).param("topic", topic.name()).param("heading", heading).update();
        }
        audit.record("report.created", TABLE, id, Map.of("template", draft.template().name(), "language", language));
        return get(id);
    }

    /** The reports of the user's organisation, the most recently changed first. */
    @Transactional(readOnly = true)
    public List<Line> list() {
        ReportAccess.requireWriter();
        return jdbc.sql("""
                SELECT r.id, r.title, r.submitted_by, r.language, r.template, u.display_name, r.updated_at,
                       (SELECT count(*) FROM report_edition e WHERE e.report_id = r.id) AS editions
                FROM report r JOIN app_user u ON u.id = r.author_id
                WHERE r.organisation_id = :organisation ORDER BY r.updated_at DESC, r.id DESC LIMIT 500""")
                .param("organisation", CurrentUser.require().organisationId())
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Template.valueOf(rs.getString(5)), rs.getString(6), instant(rs, "updated_at"), rs.getInt("editions"))).list();
    }

    /** The report with its sections and blocks in order. */
    @Transactional(readOnly = true)
    public Report get(long id) {
        access.require(id);
        var blocks = new LinkedHashMap<Long, List<Report.Block>>();
        jdbc.sql("""
                SELECT b.id, b.section_id, b.position, b.kind, b.parameters::text FROM report_block b
                JOIN report_section s ON s.id = b.section_id WHERE s.report_id = :id ORDER BY b.position, b.id""")
                .param("id", id).query((rs, n) -> {
                    blocks.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Report.Block(rs.getLong(1),
                            rs.getInt(3), LiveBlock.valueOf(rs.getString(4)), parameters(rs.getString(5))));
                    return null;
                }).list();
        var sections = jdbc.sql("SELECT * FROM report_section WHERE report_id = :id ORDER BY position, id").param("id", id)
                .query((rs, n) -> new Report.Section(rs.getLong("id"), rs.getInt("position"),
                        rs.getString("topic") == null ? null : Topic.valueOf(rs.getString("topic")), rs.getString("heading"),
                        rs.getString("narrative"), blocks.getOrDefault(rs.getLong("id"), List.of()))).list();
        return jdbc.sql("SELECT r.*, u.display_name FROM report r JOIN app_user u ON u.id = r.author_id WHERE r.id = :id")
                .param("id", id).query((rs, n) -> new Report(rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getLong("author_id"), rs.getString("display_name"), Template.valueOf(rs.getString("template")),
                        rs.getString("title"), rs.getString("submitted_by"), rs.getString("language"),
                        instant(rs, "created_at"), instant(rs, "updated_at"), sections)).single();
    }

    /** Adds a section at the end. */
    @Transactional
    public Report addSection(long id, SectionDraft draft) {
        access.require(id);
        var values = checked(draft);
        long section = jdbc.sql("""
                INSERT INTO report_section (report_id, position, heading, narrative)
                VALUES (:report, (SELECT coalesce(max(position) + 1, 0) FROM report_section WHERE report_id = :report), :heading, :narrative)
                RETURNING id""").param("report", id).param("heading", values[0]).param("narrative", values[1])
                .query(Long.class).single();
        changed(id, "report.section-added", Map.of("section", section, "heading", values[0]));
        return get(id);
    }

    /** Renames a section and replaces its narrative. */
    @Transactional
    public Report changeSection(long id, long sectionId, SectionDraft draft) {
        access.require(id);
        requireSection(id, sectionId);
        var values = checked(draft);
        jdbc.sql("UPDATE report_section SET heading = :heading, narrative = :narrative WHERE id = :id")
                .param("heading", values[0]).param("narrative", values[1]).param("id", sectionId).update();
        changed(id, "report.section-changed", Map.of("section", sectionId, "heading", values[0], "narrativeLength", values[1].length()));
        return get(id);
    }

    /** Moves a section to the given place (from 0); the others keep their order. */
    @Transactional
    public Report moveSection(long id, long sectionId, int position) {
        access.require(id);
        requireSection(id, sectionId);
        var order = new ArrayList<>(jdbc.sql("SELECT id FROM report_section WHERE report_id = :id ORDER BY position, id")
                .param("id", id).query(Long.class).list());
        if (position < 0 || position >= order.size()) throw new InvalidInput("position", "reports.position-invalid", 0, order.size() - 1);
        order.remove(sectionId);
        order.add(position, sectionId);
        renumber("report_section", order);
        changed(id, "report.section-moved", Map.of("section", sectionId, "position", position));
        return get(id);
    }

    /** Removes a section with its blocks. */
    @Transactional
    public Report removeSection(long id, long sectionId) {
        access.require(id);
        requireSection(id, sectionId);
        jdbc.sql("DELETE FROM report_section WHERE id = :id").param("id", sectionId).update();
        changed(id, "report.section-removed", Map.of("section", sectionId));
        return get(id);
    }

    /** Inserts a live block at the end of a section, its parameters checked and kept. */
    @Transactional
    public Report addBlock(long id, long sectionId, BlockDraft draft) {
        access.require(id);
        requireSection(id, sectionId);
        var parameters = checked(draft);
        long block = jdbc.sql("""
                INSERT INTO report_block (section_id, position, kind, parameters)
                VALUES (:section, (SELECT coalesce(max(position) + 1, 0) FROM report_block WHERE section_id = :section), :kind,
                        CAST(:parameters AS jsonb)) RETURNING id""").param("section", sectionId).param("kind", draft.kind().name())
                .param("parameters", json.writeValueAsString(parameters)).query(Long.class).single();
        changed(id, "report.block-added", Map.of("block", block, "section", sectionId, "kind", draft.kind().name(),
                "parameters", json.writeValueAsString(parameters)));
        return get(id);
    }

    /** Replaces a block's kind and parameters, in its place. */
    @Transactional
    public Report changeBlock(long id, long blockId, BlockDraft draft) {
        access.require(id);
        requireBlock(id, blockId);
        var parameters = checked(draft);
        jdbc.sql("UPDATE report_block SET kind = :kind, parameters = CAST(:parameters AS jsonb) WHERE id = :id")
                .param("kind", draft.kind().name()).param("parameters", json.writeValueAsString(parameters)).param("id", blockId).update();
        changed(id, "report.block-changed", Map.of("block", blockId, "kind", draft.kind().name(),
                "parameters", json.writeValueAsString(parameters)));
        return get(id);
    }

    /** Moves a block up (-1) or down (+1) within its section. */
    @Transactional
    public Report moveBlock(long id, long blockId, int by) {
        access.require(id);
        long section = requireBlock(id, blockId);
        var order = new ArrayList<>(jdbc.sql("SELECT id FROM report_block WHERE section_id = :s ORDER BY position, id")
                .param("s", section).query(Long.class).list());
        int at = order.indexOf(blockId);
        int to = at + by;
        if (by != -1 && by != 1 || to < 0 || to >= order.size()) throw new InvalidInput("by", "reports.position-invalid", 0, order.size() - 1);
        order.remove(at);
        order.add(to, blockId);
        renumber("report_block", order);
        changed(id, "report.block-moved", Map.of("block", blockId, "position", to));
        return get(id);
    }

    @Transactional
    public Report removeBlock(long id, long blockId) {
        access.require(id);
        requireBlock(id, blockId);
        jdbc.sql("DELETE FROM report_block WHERE id = :id").param("id", blockId).update();
        changed(id, "report.block-removed", Map.of("block", blockId));
        return get(id);
    }

    /** The mistakes of a new report as typed, for checking the form field by field. */
    public List<InvalidInput.Violation> problems(ReportDraft draft) {
        return BrokenRules.of(() -> checked(draft));
    }

    private static String[] checked(ReportDraft draft) {
        var rules = new BrokenRules();
        rules.rule(() -> { if (draft.template() == null) throw new InvalidInput("template", "validation.required"); });
        String title = rules.value(() -> TypedText.required(draft.title(), 300, "title"));
        String submittedBy = rules.value(() -> TypedText.required(draft.submittedBy(), 300, "submittedBy"));
        String language = rules.value(() -> {
            String l = TypedText.required(draft.language(), 2, "language");
            if (!LANGUAGES.contains(l)) throw new InvalidInput("language", "validation.invalid");
            return l;
        });
        rules.throwIfAny();
        return new String[] {title, submittedBy, language};
    }

    /** The mistakes of a section as typed, for checking the form field by field. */
    public List<InvalidInput.Violation> sectionProblems(SectionDraft draft) {
        return BrokenRules.of(() -> checked(draft));
    }

    /** The mistakes of a block as typed. */
    public List<InvalidInput.Violation> blockProblems(BlockDraft draft) {
        return BrokenRules.of(() -> checked(draft));
    }

    private static String[] checked(SectionDraft draft) {
        var rules = new BrokenRules();
        String heading = rules.value(() -> TypedText.required(draft.heading(), 300, "heading"));
        String narrative = rules.value(() -> {
            String text = draft.narrative() == null ? "" : draft.narrative().strip();
            if (text.length() > NARRATIVE_MAX) throw new InvalidInput("narrative", "validation.too-long", NARRATIVE_MAX);
            return text;
        });
        rules.throwIfAny();
        return new String[] {heading, narrative};
    }

    private static Map<String, String> checked(BlockDraft draft) {
        if (draft.kind() == null) throw new InvalidInput("kind", "validation.required");
        return draft.kind().checked(draft.parameters());
    }

    private void requireSection(long id, long sectionId) {
        if (jdbc.sql("SELECT count(*) FROM report_section WHERE id = :s AND report_id = :r").param("s", sectionId).param("r", id)
                .query(Long.class).single() == 0) {
            throw new NoSuchRecord("report_section", sectionId);
        }
    }

    private long requireBlock(long id, long blockId) {
        return jdbc.sql("SELECT b.section_id FROM report_block b JOIN report_section s ON s.id = b.section_id WHERE b.id = :b AND s.report_id = :r")
                .param("b", blockId).param("r", id).query(Long.class).optional().orElseThrow(() -> new NoSuchRecord("report_block", blockId));
    }

    private void changed(long id, String action, Map<String, ?> summary) {
        jdbc.sql("UPDATE report SET updated_at = now() WHERE id = :id").param("id", id).update();
        audit.record(action, TABLE, id, summary);
    }

    private Map<String, String> parameters(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Gives the rows of a table of this class (sections or blocks) the positions of their order, in one statement. */
    private void renumber(String table, List<Long> order) {
        jdbc.sql("UPDATE " + table + """
                 t SET position = o.n - 1 FROM unnest(CAST(:ids AS bigint[])) WITH ORDINALITY AS o(id, n)
                WHERE t.id = o.id""").param("ids", order.toArray(Long[]::new)).update();
    }
}
