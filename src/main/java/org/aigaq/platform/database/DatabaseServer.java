package org.aigaq.platform.database;

import java.io.IOException;

/** Where the database is, and the embedded server to stop with the application when there is one. */
public record DatabaseServer(String url, String user, String password, EmbeddedDatabase embedded) implements AutoCloseable {

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public String toString() {
        return "DatabaseServer[" + url + ", user " + user + (isEmbedded() ? ", embedded" : "") + "]";
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
