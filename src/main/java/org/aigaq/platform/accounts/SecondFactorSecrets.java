package org.aigaq.platform.accounts;

import org.aigaq.platform.encryption.EncryptedColumn;
import org.aigaq.platform.encryption.FieldEncryption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The encrypted second-factor secrets, for key rotation. */
@Component
class SecondFactorSecrets implements EncryptedColumn {

    private final JdbcClient jdbc;

    SecondFactorSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "app_user.totp_secret";
    }

    @Override
    public int reEncrypt(FieldEncryption encryption) {
        var rows = jdbc.sql("SELECT id, totp_secret FROM app_user WHERE totp_secret IS NOT NULL FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).list();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            jdbc.sql("UPDATE app_user SET totp_secret = :secret WHERE id = :id").param("id", id)
                    .param("secret", encryption.reEncrypt((byte[]) row[1], "app_user.totp_secret:" + id)).update();
        }
        return rows.size();
    }
}
