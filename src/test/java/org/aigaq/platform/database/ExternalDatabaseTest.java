package org.aigaq.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aigaq.Aigaq;
import org.aigaq.platform.accounts.Organisations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** With AIGAQ_DB_URL set, Aigaq uses that PostgreSQL (here a second server started by the test) and starts none of its own. */
class ExternalDatabaseTest {

    @TempDir Path home;

    @Test
    void anExternalDatabaseIsUsedAndNoEmbeddedOneStarts() throws Exception {
        try (var external = EmbeddedPostgres.builder().start()) {
            try (var connection = external.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
                statement.execute("CREATE ROLE aigaq LOGIN PASSWORD 'external secret'");
                statement.execute("CREATE DATABASE aigaq OWNER aigaq");
            }
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/aigaq";
            try (var context = new SpringApplicationBuilder(Aigaq.class).run(
                    "--aigaq.home=" + home, "--aigaq.db.url=" + url, "--aigaq.db.user=aigaq",
                    "--aigaq.db.password=external secret", "--server.port=0", "--aigaq.admin.password=a long enough password",
                    "--aigaq.demo=true")) {
                assertThat(context.getBean(DatabaseServer.class).isEmbedded()).isFalse();
                assertThat(Files.exists(home.resolve("postgres"))).isFalse();
                context.getBean(Organisations.class).create("Stored in the external database", null);
                // The demo dataset was loaded on the empty database: invented organisations and one user per role.
                var users = context.getBean(org.aigaq.platform.accounts.Users.class).all();
                assertThat(users).extracting(u -> u.username()).contains("admin", "demo-coordinator", "demo-documenter",
                        "demo-lawyer", "demo-monitor", "demo-analyst", "demo-viewer");
                assertThat(context.getBean(Organisations.class).all()).extracting(o -> o.name())
                        .contains("Steppe Rights Bureau (demo)");
                // ... and invented cases, recorded through the same services as a real documenter's.
                var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM event", Integer.class)).isEqualTo(40);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM act", Integer.class)).isGreaterThan(40);
                assertThat(jdbc.queryForObject("SELECT count(DISTINCT sharing) FROM event", Integer.class)).isEqualTo(3);
            }
            try (var connection = external.getDatabase("aigaq", "aigaq").getConnection();
                 var result = connection.createStatement().executeQuery("SELECT name FROM organisation ORDER BY id")) {
                var names = new java.util.ArrayList<String>();
                while (result.next()) names.add(result.getString(1));
                assertThat(names).contains("Stored in the external database");
            }
        }
    }
}
