package org.aigaq.platform.encryption;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The key of the blind indexes: a search token is the first 8 bytes of HMAC-SHA256 (Tink PRF) of a scope (an
 * organisation) and a token's plain text, so the database holds numbers that say nothing without the key, equal
 * texts still meet within a scope, and two scopes' tokens cannot be linked. The keyset is
 * {@code AIGAQ_NAME_TOKEN_KEYSET} (a Tink JSON keyset, from a secret store) or else
 * {@code $AIGAQ_HOME/keys/name-token-keyset.json}, readable only by the owner, created at first start. A new key
 * makes every stored token useless: rotating it means rebuilding the tokens ({@code keys rotate-name-key}).
 */
@Service
public class SearchTokenKey {

    private static final byte[] CHECK = "aigaq: which key built the tokens".getBytes(StandardCharsets.UTF_8);

    private final Prf prf;
    private final long fingerprint;

    @Autowired
    SearchTokenKey(@Value("${aigaq.home}") Path home, @Value("${aigaq.keys.name-token-keyset:}") String fromEnvironment)
            throws GeneralSecurityException, IOException {
        this(load(home, fromEnvironment));
    }

    private SearchTokenKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.prf = keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class).getPrfs()
                .get(keyset.getPrimary().getId());
        this.fingerprint = ByteBuffer.wrap(prf.compute(CHECK, 8)).getLong();
    }

    /** The key as it is now in the environment or the keyset file (for a command that has just rotated it). */
    public static SearchTokenKey current(Path home, String fromEnvironment) throws GeneralSecurityException, IOException {
        return new SearchTokenKey(load(home, fromEnvironment));
    }

    /** The token of a plain text within a scope (an organisation): the same text gives another token in another scope. */
    public long token(long scope, String text) {
        try {
            return ByteBuffer.wrap(prf.compute((scope + ":" + text).getBytes(StandardCharsets.UTF_8), 8)).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a search token could not be computed", e);
        }
    }

    /** A number that changes with the key and tells nothing of it: stored beside the tokens to notice a new key. */
    public long fingerprint() {
        return fingerprint;
    }

    /** Replaces the keyset file with a new key; the old one is not kept, since tokens are rebuilt, never decrypted. */
    public static void rotate(Path home) throws GeneralSecurityException, IOException {
        PrfConfig.register();
        write(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), keysetFile(home));
    }

    static Path keysetFile(Path home) {
        return home.resolve("keys").resolve("name-token-keyset.json");
    }

    private static KeysetHandle load(Path home, String fromEnvironment) throws GeneralSecurityException, IOException {
        PrfConfig.register();
        Path file = keysetFile(home);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return TinkJsonProtoKeysetFormat.parseKeyset(fromEnvironment, InsecureSecretKeyAccess.get());
        }
        if (Files.exists(file)) {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        }
        var keyset = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
        write(keyset, file);
        return keyset;
    }

    /** Written beside the old file and moved into place, so a crash never leaves half a keyset. */
    private static void write(KeysetHandle keyset, Path file) throws GeneralSecurityException, IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
