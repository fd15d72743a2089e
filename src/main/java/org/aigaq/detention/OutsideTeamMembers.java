package org.aigaq.detention;

import org.aigaq.platform.encryption.EncryptedColumn;
import org.aigaq.platform.encryption.FieldEncryption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The encrypted names of visit team members from outside the organisation, for key rotation, a batch at a time. */
@Component
class OutsideTeamMembers implements EncryptedColumn {

    static final String PLACE = "visit_team_member.outside_name:";
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;

    OutsideTeamMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "visit_team_member.outside_name";
    }

    @Override
    public int reEncrypt(FieldEncryption encryption) {
        int count = 0;
        long after = 0;
        while (true) {
            var rows = jdbc.sql("""
                    SELECT id, outside_name FROM visit_team_member WHERE id > :after AND outside_name IS NOT NULL
                    ORDER BY id LIMIT :batch FOR UPDATE
                    """).param("after", after).param("batch", BATCH)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).list();
            if (rows.isEmpty()) return count;
            for (Object[] row : rows) {
                long id = (Long) row[0];
                jdbc.sql("UPDATE visit_team_member SET outside_name = :name WHERE id = :id").param("id", id)
                        .param("name", encryption.reEncrypt((byte[]) row[1], PLACE + id)).update();
                after = id;
                count++;
            }
        }
    }
}
