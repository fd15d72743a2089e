package org.aigaq.platform.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Encrypts identifying fields before they reach the database (AES-256-GCM through Tink). Each ciphertext is bound
 * to where it is stored ({@code table.column:id}), so it cannot be moved to another record and still decrypt.
 * The keyset is {@code AIGAQ_FIELD_KEYSET} (a Tink JSON keyset, for deployments whose keys come from a secret
 * store), or else {@code $AIGAQ_HOME/keys/field-keyset.json}, readable only by the owner, created at first start.
 * Rotation adds a new primary key and keeps the old ones for decryption (see {@link #rotate}).
 */
@Service
public class FieldEncryption {

    private final Aead aead;

    FieldEncryption(@Value("${aigaq.home}") Path home, @Value("${aigaq.keys.field-keyset:}") String fromEnvironment)
            throws GeneralSecurityException, IOException {
        AeadConfig.register();
        Path keysetFile = keysetFile(home);
        KeysetHandle keyset;
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(fromEnvironment, InsecureSecretKeyAccess.get());
        } else if (Files.exists(keysetFile)) {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get());
        } else {
            keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            write(keyset, keysetFile);
        }
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.primaryKeyId = keyset.getPrimary().getId();
    }

    private final int primaryKeyId;

    /** The key new values are encrypted with; after a rotation and a re-encryption, every value uses it. */
    public int primaryKeyId() {
        return primaryKeyId;
    }

    /**
     * Adds a new AES-256-GCM key to the keyset file and makes it the primary one; the old keys stay, so everything
     * stored still decrypts. Running instances use the new key after a restart. Returns the new key's id.
     */
    public static int rotate(Path home) throws GeneralSecurityException, IOException {
        AeadConfig.register();
        Path keysetFile = keysetFile(home);
        var current = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get());
        var rotated = KeysetHandle.newBuilder(current)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .build();
        write(rotated, keysetFile);
        return rotated.getPrimary().getId();
    }

    static Path keysetFile(Path home) {
        return home.resolve("keys").resolve("field-keyset.json");
    }

    /** Writes the keyset beside the old one and moves it into place, so a crash never leaves half a keyset. */
    private static void write(KeysetHandle keyset, Path keysetFile) throws GeneralSecurityException, IOException {
        Files.createDirectories(keysetFile.getParent());
        Path temporary = keysetFile.resolveSibling("field-keyset.json.new");
        Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
        Files.move(temporary, keysetFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public byte[] encrypt(String plaintext, String place) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), place.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts with whichever key encrypted the value and encrypts again with the primary key. */
    public byte[] reEncrypt(byte[] ciphertext, String place) {
        return encrypt(decrypt(ciphertext, place), place);
    }

    /** The id of the key a value was encrypted with (Tink writes it in the first five bytes). */
    public static int keyIdOf(byte[] ciphertext) {
        return java.nio.ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    public String decrypt(byte[] ciphertext, String place) {
        try {
            return new String(aead.decrypt(ciphertext, place.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored value could not be decrypted at " + place, e);
        }
    }
}
