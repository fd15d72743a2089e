package org.aigaq.documentation;

import org.aigaq.platform.encryption.BatchedEncryptedColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The kept people's identities before their merges, for key rotation. */
@Component
class MergeSnapshots extends BatchedEncryptedColumn {

    MergeSnapshots(JdbcClient jdbc) {
        super(jdbc, "person_merge", "kept_identity", "id");
    }
}
