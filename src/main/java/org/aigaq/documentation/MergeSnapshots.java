package org.aigaq.documentation;

import org.aigaq.platform.encryption.EncryptedColumn;
import org.aigaq.platform.encryption.FieldEncryption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The kept people's identities before their merges, for key rotation: re-encrypted a batch at a time, by id. */
@Component
class MergeSnapshots implements EncryptedColumn {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;

    MergeSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "person_merge.kept_identity";
    }

    @Override
    public int reEncrypt(FieldEncryption encryption) {
        int count = 0;
        long after = 0;
        while (true) {
            var rows = jdbc.sql("SELECT id, kept_identity FROM person_merge WHERE id > :after ORDER BY id LIMIT :batch FOR UPDATE")
                    .param("after", after).param("batch", BATCH)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).list();
            if (rows.isEmpty()) {
                return count;
            }
            for (Object[] row : rows) {
                long id = (Long) row[0];
                jdbc.sql("UPDATE person_merge SET kept_identity = :identity WHERE id = :id").param("id", id)
                        .param("identity", encryption.reEncrypt((byte[]) row[1], "person_merge.kept_identity:" + id)).update();
                after = id;
                count++;
            }
        }
    }
}
