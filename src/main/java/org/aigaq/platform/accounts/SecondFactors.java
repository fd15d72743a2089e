package org.aigaq.platform.accounts;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-based one-time passwords (RFC 6238, 30-second steps, 6 digits) and single-use recovery codes.
 * Secrets are stored encrypted; a code is accepted once only, so an observed code cannot be replayed.
 */
@Service
public class SecondFactors {

    public static final int RECOVERY_CODES = 10;
    private static final int PERIOD_SECONDS = 30;
    private static final String ISSUER = "Aigaq";

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final AuditTrail audit;
    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    SecondFactors(JdbcClient jdbc, FieldEncryption encryption, AuditTrail audit) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.audit = audit;
    }

    /** A new secret to show at enrolment, with the QR code that authenticator apps read. */
    public record Enrolment(String secret, String qrCodeDataUri) {}

    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    public Enrolment enrolmentFor(String username, String secret) {
        var data = new QrData.Builder().label(username).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        try {
            var qr = new ZxingPngQrGenerator();
            return new Enrolment(secret, "data:" + qr.getImageMimeType() + ";base64,"
                    + Base64.getEncoder().encodeToString(qr.generate(data)));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("the QR code could not be drawn", e);
        }
    }

    /** Turns the second factor on once the user proves the app has the secret; returns the recovery codes, shown once. */
    @Transactional
    public List<String> confirmEnrolment(long userId, String secret, String code) {
        Long step = matchingStep(secret, code, Long.MIN_VALUE);
        if (step == null) {
            throw new InvalidInput("code", "second-factor.code.wrong");
        }
        jdbc.sql("""
                UPDATE app_user SET totp_secret = :secret, totp_enabled_at = now(), totp_last_step = :step WHERE id = :id
                """).param("secret", encryption.encrypt(secret, place(userId))).param("step", step).param("id", userId).update();
        audit.record("second-factor.enrolled", "user", userId, Map.of());
        return replaceRecoveryCodes(userId);
    }

    /** Checks a code from the app, or a recovery code (used up by this check). */
    @Transactional
    public boolean verify(long userId, String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return false;
        }
        String normalised = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (normalised.matches("\\d{6}")) {
            var row = jdbc.sql("SELECT totp_secret, totp_last_step FROM app_user WHERE id = :id FOR UPDATE")
                    .param("id", userId)
                    .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getObject(2, Long.class)}).single();
            if (row[0] == null) {
                return false;
            }
            String secret = encryption.decrypt((byte[]) row[0], place(userId));
            Long step = matchingStep(secret, normalised, row[1] == null ? Long.MIN_VALUE : (Long) row[1]);
            if (step == null) {
                return false;
            }
            jdbc.sql("UPDATE app_user SET totp_last_step = :step WHERE id = :id").param("step", step).param("id", userId).update();
            return true;
        }
        int used = jdbc.sql("""
                UPDATE recovery_code SET used_at = now() WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL
                """).param("id", userId).param("hash", sha256(normalised)).update();
        if (used == 1) {
            audit.record("second-factor.recovery-code-used", "user", userId, Map.of("left", recoveryCodesLeft(userId)));
            return true;
        }
        return false;
    }

    @Transactional
    public List<String> regenerateRecoveryCodes(long userId) {
        audit.record("second-factor.recovery-codes-replaced", "user", userId, Map.of());
        return replaceRecoveryCodes(userId);
    }

    public int recoveryCodesLeft(long userId) {
        return jdbc.sql("SELECT count(*) FROM recovery_code WHERE user_id = :id AND used_at IS NULL")
                .param("id", userId).query(Integer.class).single();
    }

    /** Removes the second factor (an administrator's reset, or a user whose roles do not require it). */
    @Transactional
    public void remove(long userId) {
        jdbc.sql("""
                UPDATE app_user SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
                       security_stamp = gen_random_uuid() WHERE id = :id
                """).param("id", userId).update();
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", userId).update();
        audit.record("second-factor.removed", "user", userId, Map.of());
    }

    /** The current code for a secret; for tests and for the enrolment check only. */
    public String codeFor(String secret, long epochSecond) {
        try {
            return generator.generate(secret, Math.floorDiv(epochSecond, PERIOD_SECONDS));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time step (now, or one step either side for clock drift) whose code matches, if later than the last one used. */
    private Long matchingStep(String secret, String code, long lastUsedStep) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return null;
        }
        long now = Math.floorDiv(System.currentTimeMillis() / 1000, PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (step > lastUsedStep && MessageDigest.isEqual(
                        generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        code.strip().getBytes(StandardCharsets.US_ASCII))) {
                    return step;
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private List<String> replaceRecoveryCodes(long userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", userId).update();
        var random = new SecureRandom();
        final String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var codes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (:id, :hash)")
                    .param("id", userId).param("hash", sha256(code.toString())).update();
        }
        return codes;
    }

    private static String place(long userId) {
        return "app_user.totp_secret:" + userId;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
