package org.aigaq.documentation;

import org.aigaq.platform.encryption.BatchedEncryptedColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** People's encrypted identities, for key rotation. */
@Component
class Identities extends BatchedEncryptedColumn {

    Identities(JdbcClient jdbc) {
        super(jdbc, "person", "identity", "id");
    }
}
