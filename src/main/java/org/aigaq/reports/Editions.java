package org.aigaq.reports;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.accounts.User;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.SignedInUsers;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report composed: its narrative parsed and its live blocks resolved, as a draft (the data as of now) or as a
 * frozen edition, which keeps the composed report as JSON with its instant and never changes afterwards. Live blocks
 * are resolved with the rights of the report's author, whoever opens the report: a block shows only what the author
 * may see. Freezing is audited, and so is every reading of an edition.
 */
@Service
public class Editions {

    private final JdbcClient jdbc;
    private final Reports reports;
    private final LiveBlocks live;
    private final Users users;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final JsonMapper json;

    Editions(JdbcClient jdbc, Reports reports, LiveBlocks live, Users users, AuditTrail audit, MessageSource messages,
             JsonMapper json) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.live = live;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
        // Blocks and inlines are sealed interfaces: each is written with its kind, so that it reads back as itself.
        this.json = json.rebuild().addMixIn(ReportBlock.class, BlockKinds.class).addMixIn(ReportBlock.Inline.class, InlineKinds.class).build();
    }

    /** The report as its data stands now, stamped "Draft", in its language. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ComposedReport draft(long id) {
        return draft(id, null);
    }

    /**
     * The draft with the labels, captions and notes in {@code language} (en, ru, kk; null for the report's own):
     * the narrative and headings stay as written.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ComposedReport draft(long id, String language) {
        return draft(id, language, null);
    }

    /** How long each live block took to resolve: told once per block, in the report's order (for the benchmark). */
    @FunctionalInterface
    public interface BlockTimes {
        void resolved(Report.Block block, long nanos);
    }

    /** The draft as {@link #draft(long, String)} composes it, telling {@code times} how long each block took. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ComposedReport draft(long id, String language, BlockTimes times) {
        var report = reports.get(id);
        if (language != null && !Reports.LANGUAGES.contains(language)) throw new InvalidInput("language", "validation.invalid");
        var locale = Locale.forLanguageTag(language == null ? report.language() : language);
        return compose(report, locale, Instant.now().truncatedTo(ChronoUnit.SECONDS), label(locale, 0), times);
    }

    /** Composes the report now and keeps it as the next edition; audited with its checksum. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Report.Edition freeze(long id) {
        var report = reports.get(id);
        jdbc.sql("SELECT id FROM report WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM report_edition WHERE report_id = :id").param("id", id)
                .query(Integer.class).single();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var locale = Locale.forLanguageTag(report.language());
        var composed = compose(report, locale, at, label(locale, number), null);
        String text = json.writeValueAsString(composed);
        String checksum = sha256(text);
        long edition = jdbc.sql("""
                INSERT INTO report_edition (report_id, number, frozen_at, frozen_by, composed, checksum)
                VALUES (:report, :number, :at, :by, :composed, :checksum) RETURNING id""")
                .param("report", id).param("number", number).param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("by", CurrentUser.require().id()).param("composed", text).param("checksum", checksum)
                .query(Long.class).single();
        audit.record("report.edition-frozen", Reports.TABLE, id, Map.of("edition", number, "checksum", checksum));
        return editions(id).stream().filter(e -> e.id() == edition).findFirst().orElseThrow();
    }

    /** The report's editions, the newest first. */
    @Transactional(readOnly = true)
    public List<Report.Edition> editions(long id) {
        reports.get(id);
        return jdbc.sql("""
                SELECT e.id, e.number, e.frozen_at, u.display_name, e.checksum FROM report_edition e
                JOIN app_user u ON u.id = e.frozen_by WHERE e.report_id = :id ORDER BY e.number DESC""").param("id", id)
                .query((rs, n) -> new Report.Edition(rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getString(5))).list();
    }

    /** One edition exactly as it was frozen; the reading is audited. */
    @Transactional
    public ComposedReport edition(long id, int number) {
        reports.get(id);
        String text = jdbc.sql("SELECT composed FROM report_edition WHERE report_id = :id AND number = :number")
                .param("id", id).param("number", number).query(String.class).optional()
                .orElseThrow(() -> new NoSuchRecord("report_edition", id + "/" + number));
        audit.record("report.edition-read", Reports.TABLE, id, Map.of("edition", number));
        return json.readValue(text, ComposedReport.class);
    }

    /** The composed report as JSON, each block and inline with its {@code type}, as editions keep it. */
    public String json(ComposedReport report) {
        return json.writeValueAsString(report);
    }

    private ComposedReport compose(Report report, Locale locale, Instant at, String edition, BlockTimes times) {
        var narrative = new Narrative();
        var sections = new ArrayList<ComposedReport.Section>();
        asAuthor(report.authorId(), () -> {
            int number = 0;
            for (var section : report.sections()) {
                var blocks = new ArrayList<>(narrative.section(section.narrative()));
                for (var block : section.blocks()) {
                    long started = System.nanoTime();
                    blocks.add(live.resolve(block, locale, at));
                    if (times != null) times.resolved(block, System.nanoTime() - started);
                }
                sections.add(new ComposedReport.Section(String.valueOf(++number), section.heading(), 1, blocks));
            }
            return null;
        });
        return new ComposedReport(report.title(), report.submittedBy(), locale, at, edition, sections, narrative.footnotes());
    }

    /**
     * Runs the resolution of blocks with the author's rights as they are now (an author no longer enabled sees
     * nothing); nothing is written meanwhile, so the audit trail never names the author for another's request.
     */
    private <T> T asAuthor(long authorId, Supplier<T> work) {
        var current = CurrentUser.require();
        if (current.id() == authorId) return work.get();
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        users.find(authorId).filter(User::enabled)
                .ifPresent(author -> context.setAuthentication(SignedInUsers.authenticationOf(SignedInUsers.principalOf(author, false))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private String label(Locale locale, int number) {
        return number == 0 ? messages.getMessage("reports.edition.draft", null, locale)
                : messages.getMessage("reports.edition.numbered", new Object[] {number}, locale);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = ReportBlock.Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = ReportBlock.Heading.class, name = "heading"),
            @JsonSubTypes.Type(value = ReportBlock.ListBlock.class, name = "list"),
            @JsonSubTypes.Type(value = ReportBlock.Quote.class, name = "quote"),
            @JsonSubTypes.Type(value = ReportBlock.Table.class, name = "table"),
            @JsonSubTypes.Type(value = ReportBlock.Chart.class, name = "chart")})
    private interface BlockKinds {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = ReportBlock.Text.class, name = "text"),
            @JsonSubTypes.Type(value = ReportBlock.Link.class, name = "link"),
            @JsonSubTypes.Type(value = ReportBlock.FootnoteRef.class, name = "footnote"),
            @JsonSubTypes.Type(value = ReportBlock.LineBreak.class, name = "break")})
    private interface InlineKinds {}
}
