package org.aigaq.documentation.evidence;

import org.aigaq.platform.encryption.BatchedEncryptedColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The encrypted original names of evidence files, for key rotation; they are bound to the file's storage key. */
@Component
class EvidenceFileNames extends BatchedEncryptedColumn {

    EvidenceFileNames(JdbcClient jdbc) {
        super(jdbc, "evidence_file", "original_name", "storage_key");
    }
}
