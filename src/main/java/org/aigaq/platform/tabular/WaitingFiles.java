package org.aigaq.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.aigaq.platform.encryption.FileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Uploaded files waiting to be imported, under {@code $AIGAQ_HOME/imports/} (owner only), encrypted as evidence files
 * are since they hold identities in clear otherwise; each capability's imports name their files with a prefix of
 * their own and say which of them are still wanted.
 */
@Service
public class WaitingFiles {

    private static final Logger log = LoggerFactory.getLogger(WaitingFiles.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** A file kept: where, its size and the SHA-256 of its content in clear, as the user can compute it. */
    public record Kept(UploadedFile file, long size, String sha256) {}

    private final FileEncryption encryption;
    private final Path folder;

    WaitingFiles(FileEncryption encryption, @Value("${aigaq.home}") Path home) throws IOException {
        this.encryption = encryption;
        this.folder = home.resolve("imports").toAbsolutePath();
        Files.createDirectories(folder);
        if (POSIX) Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /** Writes the content, encrypted, to a new owner-only file named {@code <prefix>-….upload}. */
    public Kept keep(String prefix, InputStream content) {
        Path path;
        try {
            path = POSIX ? Files.createTempFile(folder, prefix + "-", ".upload",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, prefix + "-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadedFile file = file(path);
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, digest)) {
                size = file.write(in);
            }
            return new Kept(file, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            delete(path);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            delete(path);
            throw new IllegalStateException(e);
        } catch (RuntimeException | Error e) {
            delete(path);
            throw e;
        }
    }

    /** A waiting file, read through decryption. */
    public UploadedFile file(Path path) {
        return new UploadedFile(path, encryption);
    }

    /** Deletes a waiting file; a failure is logged, never thrown, since the import itself is over. */
    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}", file.getFileName(), e);
        }
    }

    /** Deletes the files of this prefix untouched for a day that are not among {@code wanted} (their paths as text). */
    public void removeAbandoned(String prefix, Set<String> wanted) {
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + "-*.upload")) {
            for (Path file : files) {
                if (!wanted.contains(file.toString()) && Files.getLastModifiedTime(file).compareTo(dayAgo) < 0) {
                    delete(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for abandoned import files in {}", folder, e);
        }
    }
}
