package org.aigaq.platform.tabular;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.aigaq.platform.encryption.FileEncryption;

/**
 * A file of cases waiting under {@code $AIGAQ_HOME/imports/}, encrypted as evidence files are (it holds victims'
 * names in clear otherwise), bound to its own file name. Every reading (detection, preview, values, dry run, run)
 * opens a new decrypting stream and reads it once from the start.
 */
public record UploadedFile(Path path, FileEncryption encryption) {

    /** Writes the content to the (already created, owner-only) file, encrypted; returns how many bytes it had. */
    public long write(InputStream content) throws IOException {
        try (OutputStream file = Files.newOutputStream(path, StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream encrypted = encryption.encrypting(file, boundTo())) {
            return content.transferTo(encrypted);
        }
    }

    /**
     * The file's content as uploaded, decrypted as it is read. A file that does not decrypt (changed on disk, or put
     * in the place of another) reads as {@link Table.Unreadable}, so that the user is told to upload it again instead
     * of meeting an error page.
     */
    public InputStream open() throws IOException {
        InputStream decrypting;
        try {
            decrypting = encryption.decrypting(Files.newInputStream(path), boundTo());
        } catch (IOException e) {
            throw damaged();
        }
        return new FilterInputStream(decrypting) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw damaged();
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw damaged();
                }
            }
        };
    }

    private static Table.Unreadable damaged() {
        return new Table.Unreadable(new ImportProblem(0, null, "exchange.problem.damaged", List.of()));
    }

    private String boundTo() {
        return "import:" + path.getFileName();
    }
}
