package org.aigaq.documentation.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decrypted content of an evidence file, to be streamed to the caller and then closed. The stream checks the
 * size and SHA-256 as it goes and fails at its end if they differ from the recorded ones.
 */
public record EvidenceContent(EvidenceFile file, InputStream stream) implements Closeable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
