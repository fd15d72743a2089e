package org.aigaq.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Aigaq runs inside its own process when no external database is configured.
 * Its data lives in {@code $AIGAQ_HOME/postgres}, is written with fsync and synchronous commit, and is protected
 * by a password kept in {@code $AIGAQ_HOME/keys}, so other local users of the machine cannot connect to it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** Starts the server on the data kept under {@code home}, creating it on first use. */
    public static EmbeddedDatabase start(Path home) {
        return start(home, DEFAULT_SHARED_BUFFERS);
    }

    /** PostgreSQL's own default: enough for tens of thousands of cases; a million want more (docs/benchmarks.md). */
    public static final String DEFAULT_SHARED_BUFFERS = "128MB";

    /**
     * Starts the server with {@code sharedBuffers} of memory for its cache of table and index pages
     * ({@code AIGAQ_DB_SHARED_BUFFERS}, e.g. {@code 2GB}): the search of a large collection stays in memory only if its
     * rows and indexes fit.
     */
    public static EmbeddedDatabase start(Path home, String sharedBuffers) {
        if (!sharedBuffers.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            throw new IllegalStateException("AIGAQ_DB_SHARED_BUFFERS must be a size such as 512MB or 2GB, not '" + sharedBuffers + "'");
        }
        try {
            Path dataDirectory = home.resolve("postgres").toAbsolutePath();
            Path passwordFile = home.resolve("keys").resolve("database-password");
            boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
            stopOrphanedServer(dataDirectory);
            String password = fresh ? newPassword(passwordFile) : Files.readString(passwordFile).strip();
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("shared_buffers", sharedBuffers)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setPGStartupWait(Duration.ofMinutes(5));
            if (!fresh) {
                builder.setConnectConfig("password", password);
            }
            EmbeddedPostgres postgres = builder.start();
            if (fresh) {
                requirePassword(postgres, dataDirectory, password);
            }
            log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedDatabase(postgres, password);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The embedded database could not start: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static String newPassword(Path passwordFile) throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.createDirectories(passwordFile.getParent());
        Files.writeString(passwordFile, password);
        restrictToOwner(passwordFile);
        return password;
    }

    static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not restrict the permissions of {}: {}", file, e.getMessage());
        }
    }

    /** initdb trusts every local connection; from the first start on, connections must give the password. */
    private static void requirePassword(EmbeddedPostgres postgres, Path dataDirectory, String password)
            throws SQLException, IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD '" + password + "'");
            Files.write(dataDirectory.resolve("pg_hba.conf"), List.of(
                    "local all all scram-sha-256",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256"));
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * When the application was killed, its PostgreSQL server may still run on the data directory; it is stopped
     * (a smart shutdown, since no client is left) so that this start can take the directory over.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (RuntimeException e) {
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL server left by an earlier run (pid {}) still holds {}; stopping it", pid, dataDirectory);
        process.get().destroy();
        try {
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }
}
