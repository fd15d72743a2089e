package org.aigaq.documentation.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence files of a case and their chain of custody. Case writers upload; readers list and see the custody log;
 * only users who may see the case's identities open or export the files, since photographs and documents identify
 * victims. Every upload, viewing, download, replacement and export is written to the file's chain of custody and to
 * the audit trail, before any content leaves. Content is streamed, never held in memory; a file is never changed.
 */
@Service
public class EvidenceFiles {

    /** The kinds of file, as stored. */
    public static final List<String> KINDS = List.of("photograph", "scan", "audio", "video", "pdf", "document", "other");

    private static final String SELECT = """
            SELECT f.*, u.display_name AS uploader FROM evidence_file f JOIN app_user u ON u.id = f.uploaded_by
            """;
    private static final CaseAccess.Rights NO_RIGHTS = new CaseAccess.Rights(false, false, false, false);

    /** What the user gave, checked. */
    private record Upload(String name, String contentType, String kind, String description, Long supersedesId) {}

    /** A file as found in the database, with the key of its content. */
    private record Found(EvidenceFile file, String key) {}

    /** The description of an export, written into it as {@code manifest.json}. */
    record Manifest(String recordNumber, long eventId, String title, Instant exportedAt, String exportedBy,
                    String hashAlgorithm, List<ManifestFile> files) {}

    /** One file of an export: where it is in the ZIP, what it is, and its chain of custody. */
    record ManifestFile(String path, long id, String originalName, String kind, String contentType, long sizeBytes,
                        String sha256, String description, Long supersedes, String uploadedBy, Instant uploadedAt,
                        List<ManifestCustody> custody) {}

    /** One step of a file's chain of custody in the manifest. */
    record ManifestCustody(Instant at, String user, String action, String detail) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final FieldEncryption encryption;
    private final EvidenceStorage storage;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separately;
    private final long maxSize;

    EvidenceFiles(JdbcClient jdbc, AuditTrail audit, CaseAccess access, FieldEncryption encryption, EvidenceStorage storage,
                  JsonMapper json, PlatformTransactionManager transactions,
                  @Value("${aigaq.evidence.max-size}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.encryption = encryption;
        this.storage = storage;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxSize = maxSize.toBytes();
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores a new file of the event, read from {@code content} to its end (the caller closes it). With
     * {@code supersedesId}, the new file replaces that current file of the same event, which is kept, marked as
     * superseded. Call it outside a transaction: the content is encrypted to disk first, and only then is the row
     * written, in a short transaction of its own; if anything fails, neither the row nor the file remains.
     */
    public EvidenceFile upload(long eventId, InputStream content, String originalName, String contentType, String kind,
                               String description, Long supersedesId) {
        return upload(eventId, content, originalName, contentType, kind, description, supersedesId, maxSize);
    }

    EvidenceFile upload(long eventId, InputStream content, String originalName, String contentType, String kind,
                        String description, Long supersedesId, long limit) {
        access.requireWrite(eventId);
        Upload upload = check(eventId, content, originalName, contentType, kind, description, supersedesId);
        EvidenceStorage.Stored stored;
        try {
            stored = storage.store(content, limit);
        } catch (EvidenceStorage.TooLarge e) {
            throw new InvalidInput("file", "evidence.too-large", megabytes(limit));
        } catch (IOException e) {
            throw new UncheckedIOException("the upload of an evidence file broke off", e);
        }
        try {
            if (stored.size() == 0) {
                throw new InvalidInput("file", "evidence.file.empty");
            }
            return transaction.execute(status -> record(eventId, upload, stored));
        } catch (RuntimeException | Error e) {
            storage.discard(stored);
            throw e;
        }
    }

    /** The files of an event, oldest first, superseded ones included, for a user who may read the case. */
    public List<EvidenceFile> list(long eventId) {
        var rights = access.requireRead(eventId);
        return jdbc.sql(SELECT + " WHERE f.event_id = :event ORDER BY f.id").param("event", eventId)
                .query((rs, n) -> row(rs, rights.identities()).file()).list();
    }

    /** One file's description, for a user who may read its case. */
    public EvidenceFile get(long evidenceId) {
        var rights = rightsOn(evidenceId);
        if (!rights.read()) refuse("evidence", evidenceId, "read");
        return find(evidenceId, rights.identities()).file();
    }

    /** The content, for downloading; see {@link #open(long, boolean)}. */
    public EvidenceContent open(long evidenceId) {
        return open(evidenceId, false);
    }

    /**
     * The decrypted content, for a user who may see the case's identities; anyone else gets "not found", and the
     * refusal is audited. The viewing or download is recorded before the content is returned, so no content ever
     * leaves without its record.
     */
    public EvidenceContent open(long evidenceId, boolean view) {
        if (!rightsOn(evidenceId).identities()) refuse("evidence", evidenceId, view ? "view" : "download");
        Found found = find(evidenceId, true);
        EvidenceFile file = found.file();
        InputStream stream;
        try {
            stream = storage.open(found.key());
        } catch (IOException e) {
            throw new UncheckedIOException("evidence " + evidenceId + " cannot be read from storage", e);
        }
        String action = view ? "viewed" : "downloaded";
        try {
            transaction.executeWithoutResult(status -> {
                custody(evidenceId, action, null);
                if (view) {
                    audit.record("evidence.viewed", "evidence", evidenceId, Map.of("event", file.eventId()));
                } else {
                    audit.record("evidence.downloaded", "evidence", evidenceId, Map.of("event", file.eventId()));
                }
            });
        } catch (RuntimeException | Error e) {
            closeQuietly(stream);
            throw e;
        }
        return new EvidenceContent(file, EvidenceStorage.verifying(stream, file.sizeBytes(), file.sha256()));
    }

    /** The chain of custody of a file, in order, for a user who may read its case. */
    public List<CustodyEntry> custody(long evidenceId) {
        if (!rightsOn(evidenceId).read()) refuse("evidence", evidenceId, "custody");
        return custodyOf(List.of(evidenceId)).getOrDefault(evidenceId, List.of());
    }

    /** The name of the case's export, for a user who may export it (else "not found", audited). */
    public String exportName(long eventId) {
        requireExport(eventId);
        return recordNumberOf(eventId) + "-evidence.zip";
    }

    /**
     * Writes a ZIP of the event's current files ({@code files/…}), a {@code SHA256SUMS} in the format of
     * {@code sha256sum} (so {@code sha256sum -c SHA256SUMS} verifies an unzipped copy) and a {@code manifest.json} with
     * the record number, each file's hash, size, uploader and chain of custody. Only for users who may see the case's
     * identities. The export is recorded on every file's chain of custody before anything is written; {@code out} is
     * finished but not closed.
     */
    public void exportCase(long eventId, OutputStream out) throws IOException {
        requireExport(eventId);
        var user = CurrentUser.require();
        List<Found> files = new ArrayList<>();
        Manifest manifest = transaction.execute(status -> {
            String recordNumber = recordNumberOf(eventId);
            String title = jdbc.sql("SELECT title FROM event WHERE id = :id").param("id", eventId).query(String.class).single();
            files.addAll(jdbc.sql(SELECT + " WHERE f.event_id = :event AND f.superseded_by_id IS NULL ORDER BY f.id")
                    .param("event", eventId).query((rs, n) -> row(rs, true)).list());
            var ids = files.stream().map(f -> f.file().id()).toList();
            for (Long id : ids) {
                custody(id, "exported", "export of " + recordNumber);
            }
            audit.record("evidence.exported", "event", eventId, Map.of("files", ids));
            var custody = custodyOf(ids);
            var described = files.stream().map(f -> new ManifestFile(pathInExport(f.file()), f.file().id(),
                    f.file().originalName(), f.file().kind(), f.file().contentType(), f.file().sizeBytes(),
                    f.file().sha256(), f.file().description(), f.file().supersedesId(), f.file().uploadedBy(),
                    f.file().uploadedAt(), custody.getOrDefault(f.file().id(), List.of()).stream()
                            .map(c -> new ManifestCustody(c.at(), c.user(), c.action(), c.detail())).toList())).toList();
            return new Manifest(recordNumber, eventId, title, Instant.now(),
                    user.displayName() + " (" + user.username() + ")", "SHA-256", described);
        });
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        var sums = new StringBuilder();
        for (Found found : files) {
            EvidenceFile file = found.file();
            String path = pathInExport(file);
            var entry = new ZipEntry(path);
            entry.setTime(file.uploadedAt().toEpochMilli());
            zip.putNextEntry(entry);
            try (InputStream content = EvidenceStorage.verifying(storage.open(found.key()), file.sizeBytes(), file.sha256())) {
                content.transferTo(zip);
            }
            zip.closeEntry();
            sums.append(file.sha256()).append("  ").append(path).append('\n');
        }
        zip.putNextEntry(new ZipEntry("SHA256SUMS"));
        zip.write(sums.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private EvidenceFile record(long eventId, Upload upload, EvidenceStorage.Stored stored) {
        var user = CurrentUser.require();
        Long old = upload.supersedesId();
        if (old != null) {
            // Under lock, since another upload may have replaced the same file since the check.
            boolean current = jdbc.sql("""
                    SELECT superseded_by_id IS NULL FROM evidence_file WHERE id = :id AND event_id = :event FOR UPDATE
                    """).param("id", old).param("event", eventId).query(Boolean.class).optional().orElse(false);
            if (!current) throw new InvalidInput("supersedesId", "evidence.supersede.already");
        }
        long id = jdbc.sql("""
                INSERT INTO evidence_file (event_id, kind, original_name, content_type, size_bytes, sha256, storage_key,
                                           description, supersedes_id, uploaded_by)
                VALUES (:event, :kind, :name, :contentType, :size, :sha256, :key, :description, :supersedes, :user)
                RETURNING id
                """).param("event", eventId).param("kind", upload.kind())
                .param("name", encryption.encrypt(upload.name(), nameBinding(stored.key())))
                .param("contentType", upload.contentType()).param("size", stored.size()).param("sha256", stored.sha256())
                .param("key", stored.key()).param("description", upload.description()).param("supersedes", old)
                .param("user", user.id()).query(Long.class).single();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("event", eventId);
        summary.put("kind", upload.kind());
        summary.put("size", stored.size());
        summary.put("sha256", stored.sha256());
        String detail = "sha256 " + stored.sha256() + ", " + stored.size() + " bytes";
        if (old != null) {
            jdbc.sql("UPDATE evidence_file SET superseded_by_id = :id WHERE id = :old").param("id", id).param("old", old).update();
            custody(old, "superseded", "superseded by evidence " + id);
            audit.record("evidence.superseded", "evidence", old, Map.of("event", eventId, "by", id));
            summary.put("supersedes", old);
            detail += ", supersedes evidence " + old;
        }
        custody(id, "uploaded", detail);
        audit.record("evidence.uploaded", "evidence", id, summary);
        // The file goes into its place last; should the commit still fail, it is removed again.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) storage.discard(stored);
            }
        });
        try {
            storage.keep(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("the evidence file could not be put in its place", e);
        }
        return find(id, true).file();
    }

    private Upload check(long eventId, InputStream content, String originalName, String contentType, String kind,
                         String description, Long supersedesId) {
        var problems = new ArrayList<InvalidInput.Violation>();
        if (content == null) {
            problems.add(new InvalidInput.Violation("file", "validation.required"));
        }
        String checkedKind = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        if (checkedKind.isEmpty()) {
            problems.add(new InvalidInput.Violation("kind", "validation.required"));
        } else if (!KINDS.contains(checkedKind)) {
            problems.add(new InvalidInput.Violation("kind", "evidence.kind.unknown"));
        }
        String checkedDescription = description == null || description.isBlank() ? null : description.strip();
        if (checkedDescription != null && checkedDescription.length() > 2000) {
            problems.add(new InvalidInput.Violation("description", "validation.too-long", 2000));
        }
        if (supersedesId != null) {
            var current = jdbc.sql("SELECT superseded_by_id IS NULL FROM evidence_file WHERE id = :id AND event_id = :event")
                    .param("id", supersedesId).param("event", eventId).query(Boolean.class).optional();
            if (current.isEmpty()) {
                problems.add(new InvalidInput.Violation("supersedesId", "evidence.supersede.unknown"));
            } else if (!current.get()) {
                problems.add(new InvalidInput.Violation("supersedesId", "evidence.supersede.already"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Upload(fileName(originalName), contentType(contentType), checkedKind, checkedDescription, supersedesId);
    }

    /** The file's own name without any folder a browser may send, without control characters, at most 255 long. */
    static String fileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 255) name = name.substring(0, 255);
        return name.isEmpty() ? "file" : name;
    }

    /** The declared media type when it is well formed (parameters dropped), else {@code application/octet-stream}. */
    static String contentType(String declared) {
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.length() <= 255 && type.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")
                ? type : "application/octet-stream";
    }

    /** The name in an export: the id first (unique, in upload order), then the original name in safe characters. */
    static String pathInExport(EvidenceFile file) {
        String safe = Normalizer.normalize(file.name(), Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}._-]+", "_")
                .replaceAll("^[._]+", "");
        if (safe.length() > 120) safe = safe.substring(safe.length() - 120);
        return "files/%04d-%s".formatted(file.id(), safe.isEmpty() ? "file" : safe);
    }

    private void requireExport(long eventId) {
        if (!access.on(eventId).identities()) refuse("event", eventId, "evidence-export");
    }

    private CaseAccess.Rights rightsOn(long evidenceId) {
        return jdbc.sql("SELECT event_id FROM evidence_file WHERE id = :id").param("id", evidenceId).query(Long.class)
                .optional().map(access::on).orElse(NO_RIGHTS);
    }

    /** Audits the refusal in its own transaction (the caller's is rolled back by the exception) and answers 404. */
    private void refuse(String recordType, long id, String wanted) {
        separately.executeWithoutResult(status -> audit.record("access.refused", recordType, id, Map.of("wanted", wanted)));
        throw new NoSuchRecord(recordType, id);
    }

    private String recordNumberOf(long eventId) {
        return jdbc.sql("SELECT record_number FROM event WHERE id = :id").param("id", eventId).query(String.class)
                .optional().orElseThrow(() -> new NoSuchRecord("event", eventId));
    }

    private Found find(long evidenceId, boolean identities) {
        return jdbc.sql(SELECT + " WHERE f.id = :id").param("id", evidenceId).query((rs, n) -> row(rs, identities))
                .optional().orElseThrow(() -> new NoSuchRecord("evidence", evidenceId));
    }

    private void custody(long evidenceId, String action, String detail) {
        jdbc.sql("""
                INSERT INTO evidence_custody (evidence_id, user_id, address, action, detail)
                VALUES (:evidence, :user, :address, :action, :detail)
                """).param("evidence", evidenceId).param("user", CurrentUser.require().id()).param("address", address())
                .param("action", action).param("detail", detail).update();
    }

    private Map<Long, List<CustodyEntry>> custodyOf(List<Long> evidenceIds) {
        var byFile = new LinkedHashMap<Long, List<CustodyEntry>>();
        if (evidenceIds.isEmpty()) return byFile;
        jdbc.sql("""
                SELECT c.*, u.username FROM evidence_custody c JOIN app_user u ON u.id = c.user_id
                WHERE c.evidence_id IN (:ids) ORDER BY c.id
                """).param("ids", evidenceIds).query((rs, n) -> new CustodyEntry(rs.getLong("id"), rs.getLong("evidence_id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getLong("user_id"), rs.getString("username"),
                        rs.getString("address"), rs.getString("action"), rs.getString("detail"))).list()
                .forEach(entry -> byFile.computeIfAbsent(entry.evidenceId(), k -> new ArrayList<>()).add(entry));
        return byFile;
    }

    private Found row(ResultSet rs, boolean identities) throws SQLException {
        long id = rs.getLong("id");
        String key = rs.getString("storage_key");
        String original = encryption.decrypt(rs.getBytes("original_name"), nameBinding(key));
        String neutral = "evidence-" + id + extension(original);
        return new Found(new EvidenceFile(id, rs.getLong("event_id"), rs.getString("kind"), identities ? original : neutral,
                identities ? original : null, rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("description"), rs.getObject("supersedes_id", Long.class),
                rs.getObject("superseded_by_id", Long.class), rs.getLong("uploaded_by"), rs.getString("uploader"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()), key);
    }

    private static String nameBinding(String key) {
        return "evidence_file.original_name:" + key;
    }

    /** The extension of a file name (".jpg"), which says what the file is without saying whose it is. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return extension.matches("\\.[a-z0-9]{1,8}") ? extension : "";
    }

    private static BigDecimal megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }
}
