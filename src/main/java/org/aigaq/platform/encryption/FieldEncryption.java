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
 * The keyset lives in {@code $AIGAQ_HOME/keys/field-keyset.json}, readable only by the owner.
 */
@Service
public class FieldEncryption {

    private final Aead aead;

    FieldEncryption(@Value("${aigaq.home}") Path home) throws GeneralSecurityException, IOException {
        AeadConfig.register();
        Path keysetFile = home.resolve("keys").resolve("field-keyset.json");
        KeysetHandle keyset;
        if (Files.exists(keysetFile)) {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get());
        } else {
            keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Files.createDirectories(keysetFile.getParent());
            Path temporary = keysetFile.resolveSibling("field-keyset.json.new");
            Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection applies
            }
            Files.move(temporary, keysetFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    public byte[] encrypt(String plaintext, String place) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), place.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] ciphertext, String place) {
        try {
            return new String(aead.decrypt(ciphertext, place.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored value could not be decrypted at " + place, e);
        }
    }
}
