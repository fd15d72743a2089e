package org.aigaq.platform.encryption;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Encrypts files as they are streamed to disk and decrypts them as they are read back, never holding one whole in
 * memory: Tink's streaming AEAD (AES-256-GCM-HKDF, 1 MB segments, each authenticated as it is read). Each file is
 * bound to a name given by its owner (evidence files to their storage key, import files to {@code import:<file>}),
 * so a file moved or swapped for another does not decrypt. The keyset is {@code $AIGAQ_HOME/keys/evidence-keyset.json}
 * (the name it had when evidence was its only use, kept so that stored files still decrypt), created at first use and
 * readable by its owner only.
 */
@Service
public class FileEncryption {

    private static final Logger log = LoggerFactory.getLogger(FileEncryption.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path keysetFile;
    private StreamingAead aead;

    FileEncryption(@Value("${aigaq.home}") Path home) {
        this.keysetFile = home.resolve("keys").resolve("evidence-keyset.json");
    }

    /** Encrypts what is written to {@code file}; closing the returned stream writes the last segment and closes the file. */
    public OutputStream encrypting(OutputStream file, String boundTo) throws IOException {
        try {
            return aead().newEncryptingStream(file, associatedData(boundTo));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("file encryption failed", e);
        }
    }

    /**
     * The decrypted content of {@code file}, which is closed with the returned stream (or at once when it cannot be
     * decrypted). A changed or truncated file fails the read where the change is.
     */
    public InputStream decrypting(InputStream file, String boundTo) throws IOException {
        try {
            return aead().newDecryptingStream(file, associatedData(boundTo));
        } catch (GeneralSecurityException e) {
            file.close();
            throw new IOException("the file bound to " + boundTo + " cannot be decrypted", e);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public Path keysetFile() {
        return keysetFile;
    }

    private synchronized StreamingAead aead() throws IOException {
        if (aead == null) {
            try {
                StreamingAeadConfig.register();
                aead = loadOrCreateKeyset().getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the file keyset cannot be used", e);
            }
        }
        return aead;
    }

    private KeysetHandle loadOrCreateKeyset() throws GeneralSecurityException, IOException {
        if (Files.exists(keysetFile)) {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get());
        }
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
        Files.createDirectories(keysetFile.getParent());
        Path temporary = keysetFile.resolveSibling(keysetFile.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (POSIX) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        Files.move(temporary, keysetFile, StandardCopyOption.ATOMIC_MOVE);
        log.info("Created the file keyset {}", keysetFile);
        return keyset;
    }

    private static byte[] associatedData(String boundTo) {
        return boundTo.getBytes(StandardCharsets.UTF_8);
    }
}
