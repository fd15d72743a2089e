package org.aigaq.platform.encryption;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An encrypted column re-encrypted a thousand rows at a time in the order of their ids, never all in memory, each value
 * bound to a prefix and a column of its row (the id, or another key the value was encrypted with).
 */
public abstract class BatchedEncryptedColumn implements EncryptedColumn {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final String table;
    private final String column;
    private final String bindingColumn;

    /**
     * @param table         the table, whose primary key is {@code id}
     * @param column        the encrypted column; rows where it is null are passed over
     * @param bindingColumn the column whose value, after {@code table.column:}, the values are bound to
     */
    protected BatchedEncryptedColumn(JdbcClient jdbc, String table, String column, String bindingColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.column = column;
        this.bindingColumn = bindingColumn;
    }

    @Override
    public String name() {
        return table + "." + column;
    }

    @Override
    public int reEncrypt(FieldEncryption encryption) {
        // Names come from the subclasses' constants, never from input.
        String select = "SELECT id, " + column + ", CAST(" + bindingColumn + " AS text) AS binding FROM " + table + " WHERE id > :after AND "
                + column + " IS NOT NULL ORDER BY id LIMIT :batch FOR UPDATE";
        String update = "UPDATE " + table + " SET " + column + " = :value WHERE id = :id";
        int count = 0;
        long after = 0;
        while (true) {
            var rows = jdbc.sql(select).param("after", after).param("batch", BATCH)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getString(3))).list();
            if (rows.isEmpty()) {
                return count;
            }
            for (Row row : rows) {
                jdbc.sql(update).param("id", row.id())
                        .param("value", encryption.reEncrypt(row.value(), name() + ":" + row.binding())).update();
                after = row.id();
                count++;
            }
        }
    }

    private record Row(long id, byte[] value, String binding) {
    }
}
