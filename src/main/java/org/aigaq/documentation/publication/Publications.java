package org.aigaq.documentation.publication;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The anonymised dataset of the cases the coalition marks public: a preview of what k-anonymity would change, and
 * editions written as CSV, JSON and a data dictionary, kept with who published them, k and a checksum. Audited.
 */
@Service
public class Publications {

    /** The largest k a user may ask for; beyond it nothing would be published anyway. */
    public static final int MAX_K = 1000;

    /** Each published column: its name in the files, and the vocabulary its codes come from (null for none). */
    public record Column(String name, String vocabulary) {
        public String messageKey() {
            return "publication.field." + name;
        }
    }

    public static final List<Column> COLUMNS = List.of(new Column("row_id", null), new Column("period", null),
            new Column("act_type", "act-type"), new Column("methods", "method"),
            new Column("perpetrator_agencies", "agency"), new Column("perpetrator_types", "perpetrator-type"),
            new Column("place_type", "location-type"), new Column("place", null), new Column("town", null),
            new Column("region", null), new Column("victim_sex", "sex"), new Column("age_band", null),
            new Column("citizenship", null), new Column("detention_type", "detention-type"),
            new Column("medical_attention", "medical-attention"), new Column("violation_status", "violation-status"));

    /** One edition as listed: no file contents. */
    public record Edition(long id, Instant publishedAt, String publishedBy, int k, int sourceRows, int rows,
                          int unchanged, int suppressed, Map<String, Integer> coarsened, String checksum) {
    }

    /** The files of an edition, by the name they download under. */
    public enum File {
        CSV("dataset.csv", "text/csv;charset=UTF-8"), JSON("dataset.json", "application/json"),
        DICTIONARY("dictionary.md", "text/markdown;charset=UTF-8");

        public final String fileName;
        public final String contentType;

        File(String fileName, String contentType) {
            this.fileName = fileName;
            this.contentType = contentType;
        }

        public static File named(String name) {
            return Arrays.stream(values()).filter(f -> f.fileName.equals(name)).findFirst().orElse(null);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final MessageSource messages;
    private final int defaultK;
    private final SecureRandom random = new SecureRandom();

    Publications(JdbcClient jdbc, AuditTrail audit, JsonMapper json, MessageSource messages,
                 @Value("${aigaq.publication.k:5}") int defaultK) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.messages = messages;
        this.defaultK = Math.max(1, defaultK);
    }

    /** The configured k: the least a user may publish with. */
    public int defaultK() {
        return defaultK;
    }

    /** What publishing with {@code k} (null for the configured one) would publish and change. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Anonymisation.Result preview(Integer k) {
        return Anonymisation.anonymise(publicRows(), checkedK(k), newKey());
    }

    /** Writes and keeps a new edition with {@code k}; audited with its counts and checksum. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Edition publish(Integer k) {
        int chosen = checkedK(k);
        var result = Anonymisation.anonymise(publicRows(), chosen, newKey());
        var report = result.report();
        byte[] csv = csv(result.rows());
        String checksum = sha256(csv);
        byte[] jsonFile = jsonFile(result, checksum);
        byte[] dictionary = dictionary(report, checksum);
        long id = jdbc.sql("""
                INSERT INTO dataset_edition (published_by, k, source_rows, rows, unchanged, suppressed, coarsened,
                                             checksum, csv, json, dictionary)
                VALUES (:by, :k, :source, :rows, :unchanged, :suppressed, CAST(:coarsened AS jsonb), :checksum, :csv,
                        :json, :dictionary)
                RETURNING id
                """).param("by", CurrentUser.require().id()).param("k", chosen).param("source", report.source())
                .param("rows", report.published()).param("unchanged", report.unchanged())
                .param("suppressed", report.suppressed()).param("coarsened", json.writeValueAsString(report.coarsened()))
                .param("checksum", checksum).param("csv", csv).param("json", jsonFile).param("dictionary", dictionary)
                .query(Long.class).single();
        audit.record("publication.published", "dataset_edition", id, Map.of("k", chosen, "rows", report.published(),
                "suppressed", report.suppressed(), "checksum", checksum));
        return edition(id);
    }

    /** The editions, newest first. */
    @Transactional(readOnly = true)
    public List<Edition> editions() {
        return jdbc.sql(EDITIONS + " ORDER BY d.id DESC").query(this::toEdition).list();
    }

    public Edition edition(long id) {
        return jdbc.sql(EDITIONS + " WHERE d.id = :id").param("id", id).query(this::toEdition).optional()
                .orElseThrow(() -> new NoSuchRecord("dataset_edition", id));
    }

    /** One file of an edition; these are public, so reading them is not audited. */
    @Transactional(readOnly = true)
    public byte[] file(long id, File file) {
        String column = switch (file) {
            case CSV -> "csv";
            case JSON -> "json";
            case DICTIONARY -> "dictionary";
        };
        return jdbc.sql("SELECT " + column + " FROM dataset_edition WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional().orElseThrow(() -> new NoSuchRecord("dataset_edition", id));
    }

    private static final String EDITIONS = """
            SELECT d.id, d.published_at, u.username, d.k, d.source_rows, d.rows, d.unchanged, d.suppressed,
                   d.coarsened::text, d.checksum
            FROM dataset_edition d LEFT JOIN app_user u ON u.id = d.published_by
            """;

    @SuppressWarnings("unchecked")
    private Edition toEdition(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, Integer> coarsened = json.readValue(rs.getString(9), LinkedHashMap.class);
        return new Edition(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getInt(6), rs.getInt(7), rs.getInt(8), coarsened, rs.getString(10));
    }

    private int checkedK(Integer k) {
        if (k == null) return defaultK;
        if (k < defaultK) throw new InvalidInput("k", "publication.k.too-small", defaultK);
        if (k > MAX_K) throw new InvalidInput("k", "publication.k.too-large", MAX_K);
        return k;
    }

    private byte[] newKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /**
     * One row per act of the cases marked public, with the place of the act (or else of the event) and the victim's
     * sex, citizenship and age at the time; nothing else of the person is read, names least of all.
     */
    List<Anonymisation.SourceRow> publicRows() {
        return jdbc.sql("""
                SELECT a.id, a.victim_id,
                       CASE WHEN a.initial_date IS NOT NULL OR a.initial_precision <> 'UNKNOWN' THEN a.initial_date ELSE e.initial_date END,
                       CASE WHEN a.initial_date IS NOT NULL OR a.initial_precision <> 'UNKNOWN' THEN a.initial_precision ELSE e.initial_precision END,
                       a.act_type, a.methods,
                       (SELECT string_agg(DISTINCT i.agency, ';' ORDER BY i.agency) FROM involvement i WHERE i.act_id = a.id),
                       (SELECT string_agg(DISTINCT i.perpetrator_type, ';' ORDER BY i.perpetrator_type) FROM involvement i WHERE i.act_id = a.id),
                       coalesce(a.location_type, pl.location_type, e.location_type), pl.name, pl.town,
                       coalesce(a.region, pl.region, e.region), p.sex, a.age_at_time, p.citizenship, a.detention_type,
                       a.medical_attention, e.violation_status
                FROM act a
                JOIN event e ON e.id = a.event_id
                JOIN person p ON p.id = a.victim_id
                LEFT JOIN place pl ON pl.id = coalesce(a.place_id, e.place_id)
                WHERE e.sharing = 'PUBLIC'
                """).query((rs, n) -> new Anonymisation.SourceRow(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4) == null ? null : DatePrecision.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getArray(6) == null ? List.of() : List.of((String[]) rs.getArray(6).getArray()),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), rs.getObject(14, Integer.class), rs.getString(15),
                        rs.getString(16), rs.getString(17), rs.getString(18))).list();
    }

    private static List<String> values(Anonymisation.PublishedRow r) {
        return Arrays.asList(r.rowId(), r.period(), r.actType(), r.methods(), r.agencies(), r.perpetratorTypes(),
                r.placeType(), r.place(), r.town(), r.region(), r.sex(), r.ageBand(), r.citizenship(),
                r.detentionType(), r.medicalAttention(), r.status());
    }

    static byte[] csv(List<Anonymisation.PublishedRow> rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(COLUMNS.stream().map(Column::name).toArray(String[]::new)).get())) {
            for (var row : rows) printer.printRecord(values(row));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] jsonFile(Anonymisation.Result result, String checksum) {
        var rows = new ArrayList<Map<String, String>>();
        for (var row : result.rows()) {
            var values = values(row);
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < COLUMNS.size(); i++) map.put(COLUMNS.get(i).name(), values.get(i));
            rows.add(map);
        }
        var file = new LinkedHashMap<String, Object>();
        file.put("k", result.report().k());
        file.put("publishedOn", LocalDate.now().toString());
        file.put("csvChecksum", checksum);
        file.put("rows", rows);
        return json.writeValueAsBytes(file);
    }

    /** The data dictionary, in the publisher's language: each column, its vocabulary, and what k changed. */
    private byte[] dictionary(Anonymisation.Report report, String checksum) {
        var locale = LocaleContextHolder.getLocale();
        var text = new StringBuilder();
        text.append("# ").append(messages.getMessage("publication.dictionary.title", null, locale)).append("\n\n");
        text.append(messages.getMessage("publication.dictionary.lead", new Object[] {report.k()}, locale)).append("\n\n");
        text.append("| column | ").append(messages.getMessage("publication.dictionary.meaning", null, locale))
                .append(" | ").append(messages.getMessage("publication.dictionary.vocabulary", null, locale)).append(" |\n");
        text.append("|---|---|---|\n");
        for (Column c : COLUMNS) {
            text.append("| `").append(c.name()).append("` | ").append(messages.getMessage(c.messageKey(), null, locale))
                    .append(" | ").append(c.vocabulary() == null ? "" : "`" + c.vocabulary() + "`").append(" |\n");
        }
        text.append("\n").append(messages.getMessage("publication.dictionary.counts", new Object[] {report.source(),
                report.published(), report.unchanged(), report.suppressed()}, locale)).append("\n\n");
        text.append("SHA-256 (dataset.csv): `").append(checksum).append("`\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
