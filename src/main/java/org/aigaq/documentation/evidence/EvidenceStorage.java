package org.aigaq.documentation.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.aigaq.platform.encryption.FileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The encrypted files under {@code $AIGAQ_HOME/evidence/}. Content is streamed through {@link FileEncryption}
 * (Tink's streaming AEAD) bound to the storage key, so a file cannot be swapped for another one and still decrypt; it
 * is never held whole in memory.
 */
@Component
class EvidenceStorage {

    /** A file written under a temporary name, not yet in its place. */
    record Stored(String key, Path temporary, long size, String sha256) {}

    /** The content was longer than allowed; nothing was kept. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the file is larger than allowed");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EvidenceStorage.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final FileEncryption encryption;
    private final Path folder;
    private final Path temporaries;
    private final SecureRandom random = new SecureRandom();

    EvidenceStorage(@Value("${aigaq.home}") Path home, FileEncryption encryption) throws IOException {
        this.encryption = encryption;
        this.folder = home.resolve("evidence");
        this.temporaries = folder.resolve("tmp");
        createPrivateDirectories(temporaries);
        // Uploads cut short by a crash leave ciphertext behind. Only old ones are removed: with several nodes sharing
        // the folder, a recent one may be another node's upload under way.
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(temporaries, "*.part")) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover).compareTo(dayAgo) < 0) {
                    log.warn("Removing an unfinished evidence upload: {}", leftover.getFileName());
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    /**
     * Encrypts the content to a temporary file while computing the SHA-256 of the plaintext, and makes it durable.
     * On any failure (the source breaks off, the limit is passed, the disk is full) the temporary file is removed.
     */
    Stored store(InputStream content, long maxBytes) throws IOException {
        byte[] random16 = new byte[16];
        random.nextBytes(random16);
        String key = HexFormat.of().formatHex(random16);
        Path temporary = temporaries.resolve(key + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        createPrivateFile(temporary);
        try {
            // The caller's stream is read to its end (or to the limit) but left for the caller to close.
            InputStream in = new DigestInputStream(content, digest);
            try (OutputStream file = Files.newOutputStream(temporary, StandardOpenOption.WRITE);
                 OutputStream encrypted = encryption.encrypting(file, key)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLarge();
                    }
                    encrypted.write(buffer, 0, n);
                }
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Stored(key, temporary, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Moves a stored file into its place in one step, so the file is either complete there or not there at all. */
    void keep(Stored stored) throws IOException {
        Path target = pathOf(stored.key());
        createPrivateDirectories(target.getParent());
        Files.move(stored.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
    }

    /** Removes every trace of a file that is not to be kept (its upload failed or its transaction rolled back). */
    void discard(Stored stored) {
        try {
            Files.deleteIfExists(stored.temporary());
            Files.deleteIfExists(pathOf(stored.key()));
        } catch (IOException e) {
            log.error("Could not remove the evidence file {} of a failed upload", stored.key(), e);
        }
    }

    /** The decrypted content; each 1 MB segment is authenticated as it is read, so any change to the file fails. */
    InputStream open(String key) throws IOException {
        // The storage key alone is the associated data, as it has been since the first evidence file.
        return encryption.decrypting(Files.newInputStream(pathOf(key)), key);
    }

    /**
     * Wraps decrypted content so that its size and SHA-256 are checked as it is read: at its end, a difference from
     * what was recorded at upload makes the read fail rather than hand over a file that is not the evidence.
     */
    static InputStream verifying(InputStream content, long size, String sha256) {
        MessageDigest digest = sha256();
        return new FilterInputStream(new DigestInputStream(content, digest)) {
            private long count;
            private boolean checked;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b == -1) check(); else count++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n == -1) check(); else count += n;
                return n;
            }

            private void check() throws IOException {
                if (checked) return;
                checked = true;
                String actual = HexFormat.of().formatHex(digest.digest());
                if (count != size || !actual.equals(sha256)) {
                    throw new IOException("the evidence file does not match its recorded SHA-256 " + sha256);
                }
            }
        };
    }

    Path folder() {
        return folder;
    }

    Path keysetFile() {
        return encryption.keysetFile();
    }

    Path pathOf(String key) {
        if (!key.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a storage key");
        }
        return folder.resolve(key.substring(0, 2)).resolve(key);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a folder (and its parents) readable by the owner only, where the file system allows it. */
    static void createPrivateDirectories(Path directory) throws IOException {
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static void createPrivateFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Makes a rename durable: on Linux the directory entry is only on disk once the directory itself is synced. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not possible on every system (Windows): the move itself is still atomic
        }
    }
}
