package org.aigaq.documentation.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.aigaq.platform.encryption.FileEncryption;

/**
 * A file of cases waiting under {@code $AIGAQ_HOME/imports/}, encrypted as evidence files are (it holds victims'
 * names in clear otherwise), bound to its own file name. Every reading (detection, preview, values, dry run, run)
 * opens a new decrypting stream and reads it once from the start.
 */
record UploadedFile(Path path, FileEncryption encryption) {

    /** Writes the content to the (already created, owner-only) file, encrypted; returns how many bytes it had. */
    long write(InputStream content) throws IOException {
        try (OutputStream file = Files.newOutputStream(path, StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream encrypted = encryption.encrypting(file, boundTo())) {
            return content.transferTo(encrypted);
        }
    }

    /** The file's content as uploaded, decrypted as it is read. */
    InputStream open() throws IOException {
        return encryption.decrypting(Files.newInputStream(path), boundTo());
    }

    private String boundTo() {
        return "import:" + path.getFileName();
    }
}
